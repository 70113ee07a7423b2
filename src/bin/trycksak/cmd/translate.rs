//! `trycksak translate SOURCE --to LANG`: start a translation beside its original, bring it up
//! to date (`--update`), or hand it to a translation agency and back as a PO file (`--po`,
//! `--import`).

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use trycksak::fsutil::write_atomic;
use trycksak::project::Project;
use trycksak::source::is_language_tag;
use trycksak::translation::{self, po, record, write};

use super::{Error, Result};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The original programme source.
    #[arg(value_name = "SOURCE")]
    source: PathBuf,
    /// The language to translate into, e.g. `fi`, `se`, `ar`.
    #[arg(long, value_name = "LANG")]
    to: String,
    /// Bring the translation up to date: add what the original gained, in the original's
    /// language, and keep every translated part.
    #[arg(long, conflicts_with_all = ["po", "import"])]
    update: bool,
    /// Write a PO file of the translation (every part of the original, with its translation
    /// where there is one) for a translation agency or a tool such as Poedit or Weblate.
    #[arg(long, value_name = "FILE", conflicts_with = "import")]
    po: Option<PathBuf>,
    /// Write the translation from a translated PO file.
    #[arg(long, value_name = "FILE")]
    import: Option<PathBuf>,
    /// Start the translation again even if there is one (its text is replaced).
    #[arg(long)]
    force: bool,
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let project = env.project()?;
    let original = env.paths(std::slice::from_ref(&args.source)).remove(0);
    let original = original.canonicalize().map_err(|err| {
        usage(
            t!("cannot-read", path = args.source.display().to_string()),
            err,
        )
    })?;
    if !is_language_tag(&args.to) {
        return Err(Error::Usage(
            anyhow!(t!("not-a-language-tag.help").to_string())
                .context(t!("not-a-language-tag", tag = args.to.as_str())),
        ));
    }
    let original_text = read(&project, &original)?;
    let original_display = display(&project, &original);
    if let Some(of) = translation::original_by_name(&original).filter(|of| of.is_file()) {
        return Err(Error::Usage(anyhow!(t!(
            "translate-a-translation",
            path = original_display.as_str(),
            original = display(&project, &of)
        ))));
    }
    let source_lang = translation::front_matter_value(&original_text, "lang").unwrap_or_default();
    let target = translation::translation_path(&original, &args.to);
    let target_display = display(&project, &target);
    let record_path = translation::record_path(&target);
    let existing = target
        .is_file()
        .then(|| read(&project, &target))
        .transpose()?;
    let existing_record = record::read(&record_path).ok().flatten();

    if let Some(po_path) = &args.po {
        let path = env.paths(std::slice::from_ref(po_path)).remove(0);
        let text = po::export(
            &original_display,
            &original_text,
            &source_lang,
            &args.to,
            existing
                .as_deref()
                .map(|text| (text, existing_record.as_ref())),
        );
        write_atomic(&path, text.as_bytes()).map_err(Error::Failed)?;
        let messages = text.matches("\nmsgid ").count().saturating_sub(1);
        if !env.quiet {
            eprintln!(
                "{}",
                t!(
                    "translate-po-written",
                    path = po_path.display().to_string(),
                    messages = messages
                )
            );
        }
        return Ok(Status::Success);
    }

    let written = if let Some(po_path) = &args.import {
        let path = env.paths(std::slice::from_ref(po_path)).remove(0);
        let po_text = std::fs::read_to_string(&path)
            .map_err(|err| usage(t!("cannot-read", path = po_path.display().to_string()), err))?;
        let (translated, unmatched) = po::import(&po_text, &original_text).map_err(|err| {
            Error::Usage(anyhow!(t!(
                "translate-po-unreadable",
                path = po_path.display().to_string(),
                problem = err.0
            )))
        })?;
        let done = translated.iter().filter(|t| t.is_some()).count();
        let written = write::fill(&original_display, &original_text, &args.to, &translated);
        if !env.quiet {
            eprintln!(
                "{}",
                t!(
                    "translate-imported",
                    path = target_display.as_str(),
                    translated = done,
                    total = translated.len(),
                    unmatched = unmatched
                )
            );
        }
        written
    } else if args.update {
        let Some(existing) = &existing else {
            return Err(Error::Usage(anyhow!(t!(
                "translate-none-to-update",
                path = target_display.as_str(),
                original = original_display.as_str(),
                lang = args.to.as_str()
            ))));
        };
        let written = write::update(
            &original_display,
            &original_text,
            existing,
            existing_record.as_ref(),
        );
        if !env.quiet {
            eprintln!(
                "{}",
                t!(
                    "translate-updated",
                    path = target_display.as_str(),
                    added = written.added.len(),
                    left = written.left.len()
                )
            );
            for line in &written.added {
                eprintln!(
                    "  {}",
                    t!(
                        "translate-added-line",
                        original = original_display.as_str(),
                        line = *line
                    )
                );
            }
        }
        written
    } else {
        if existing.is_some() && !args.force {
            return Err(Error::Usage(anyhow!(t!(
                "translate-exists",
                path = target_display.as_str(),
                original = original_display.as_str(),
                lang = args.to.as_str()
            ))));
        }
        let written = write::start(&original_display, &original_text, &args.to);
        if !env.quiet {
            eprintln!(
                "{}",
                t!(
                    "translate-started",
                    path = target_display.as_str(),
                    parts = written.record.units.len()
                )
            );
        }
        written
    };
    write_atomic(&target, written.text.as_bytes()).map_err(Error::Failed)?;
    record::write(&record_path, &written.record).map_err(Error::Failed)?;
    Ok(Status::Success)
}

fn read(project: &Project, path: &Path) -> Result<String> {
    let bytes = project
        .read(path)
        .map_err(|err| Error::Usage(anyhow!("{} {}", display(project, path), err.describe())))?;
    Ok(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))
}

fn display(project: &Project, path: &Path) -> String {
    project.relative(path).to_string_lossy().replace('\\', "/")
}

fn usage(what: String, err: std::io::Error) -> Error {
    Error::Usage(anyhow!("{what}: {err}"))
}
