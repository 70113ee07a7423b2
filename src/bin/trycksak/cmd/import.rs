//! `trycksak import FILE.docx|FILE.odt`: a programme source from the document it was adopted
//! in, its images beside it, a report of what was found, and the new source checked.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use trycksak::check::{CheckOptions, check};
use trycksak::diagnostics::Diagnostic;
use trycksak::fsutil::write_atomic;
use trycksak::import::{ImportOptions, Report, read_document, slug_of, write_source};
use trycksak::project::{BASE_REGION, PROGRAMMES_DIR, Project};
use trycksak::source::is_valid_name;

use super::{Error, Result, pledge_census, report as print_problems};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Word (.docx) or OpenDocument (.odt) file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The region (default: the one whose programmes folder this is, or the project's only one).
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// The file name of the new source (default: from the title, å/ä/ö as a/a/o).
    #[arg(long, value_name = "SLUG")]
    slug: Option<String>,
    /// The text's language (default: the document's).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Replace a source (and its images) that is there already.
    #[arg(long)]
    force: bool,
    /// Keep reviewers' comments, as `<!-- … -->` notes in the source.
    #[arg(long)]
    keep_comments: bool,
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let project = env.project()?;
    let file = env.paths(std::slice::from_ref(&args.file)).remove(0);
    let bytes = std::fs::read(&file).map_err(|err| {
        Error::Usage(anyhow!(
            "{}: {err}",
            t!("cannot-read", path = args.file.display().to_string())
        ))
    })?;
    let options = ImportOptions {
        lang: args.lang.clone(),
        keep_comments: args.keep_comments,
    };
    let draft = match read_document(bytes, &options) {
        Ok(draft) => draft,
        Err(err) => {
            let diagnostic = Diagnostic::about(&args.file, err.message()).with_help(err.help());
            if let Err(problem) = env.reporter.emit(&[diagnostic]) {
                eprintln!("{}: {problem}", t!("error"));
            }
            return Ok(Status::Failure);
        }
    };
    let region = region_of(env, &project, args.region.as_deref())?;
    let slug = match &args.slug {
        Some(slug) if is_valid_name(slug) => slug.clone(),
        Some(slug) => {
            return Err(Error::Usage(anyhow!(t!(
                "bad-name",
                what = "slug",
                name = slug.as_str(),
                suggestion = slug_of(slug)
            ))));
        }
        None => {
            let from = draft.title.clone().unwrap_or_else(|| {
                args.file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            slug_of(&from)
        }
    };
    let written = write_source(&draft, &region, &slug);
    let folder = project.root.join(PROGRAMMES_DIR).join(&region);
    let source = folder.join(format!("{slug}.md"));
    let targets: Vec<PathBuf> = std::iter::once(source.clone())
        .chain(written.images.iter().map(|(name, _)| folder.join(name)))
        .collect();
    if !args.force
        && let Some(there) = targets.iter().find(|path| path.exists())
    {
        return Err(Error::Usage(anyhow!(t!(
            "import-exists",
            path = project.relative(there).display().to_string()
        ))));
    }
    for (name, bytes) in &written.images {
        write_atomic(&folder.join(name), bytes).map_err(Error::Failed)?;
    }
    write_atomic(&source, written.source.as_bytes()).map_err(Error::Failed)?;
    let relative = project.relative(&source).to_path_buf();
    if !env.quiet {
        print_report(&relative, &written.report);
    }
    // The new source, checked as `check` does: what is left to fix, at its line.
    let checked = check(
        &project,
        std::slice::from_ref(&source),
        CheckOptions::default(),
    )
    .map_err(Error::Failed)?;
    let outcomes: Vec<_> = checked.into_iter().map(|c| c.outcome).collect();
    print_problems(env, &outcomes);
    let failed = outcomes.iter().any(|o| o.failed());
    if !env.quiet {
        if let Some(pledges) = outcomes.first().and_then(|o| o.pledges.as_ref()) {
            eprintln!("{}", pledge_census(pledges));
        }
        let path = relative.display().to_string();
        if failed {
            eprintln!("{}", t!("import-check-failed", path = path));
        } else {
            eprintln!("{}", t!("import-check-passed", path = path));
        }
    }
    Ok(if failed {
        Status::Failure
    } else {
        Status::Success
    })
}

/// The region: `--region`, else the one whose programmes folder the command runs in, else the
/// project's only region.
fn region_of(env: &Env, project: &Project, asked: Option<&str>) -> Result<String> {
    let regions: Vec<&str> = project
        .regions()
        .iter()
        .map(String::as_str)
        .filter(|r| *r != BASE_REGION)
        .collect();
    if let Some(region) = asked {
        if project.regions().contains(region) {
            return Ok(region.to_string());
        }
        return Err(Error::Usage(
            anyhow!(t!("no-such-region.help", regions = regions.join(", ")))
                .context(t!("no-such-region", region = region)),
        ));
    }
    let here = env
        .paths(&[PathBuf::from(".")])
        .remove(0)
        .canonicalize()
        .unwrap_or_default();
    let programmes = project.root.join(PROGRAMMES_DIR);
    if let Ok(inside) = here.strip_prefix(&programmes)
        && let Some(folder) = inside.components().next()
    {
        let folder = folder.as_os_str().to_string_lossy().into_owned();
        if project.regions().contains(&folder) {
            return Ok(folder);
        }
    }
    match regions.as_slice() {
        [only] => Ok(only.to_string()),
        _ => Err(Error::Usage(anyhow!(t!(
            "import-which-region",
            regions = regions.join(", ")
        )))),
    }
}

/// What the import found, for the person who will edit the source.
fn print_report(source: &Path, report: &Report) {
    eprintln!(
        "{}",
        t!("import-written", path = source.display().to_string())
    );
    for (level, heading) in &report.sections {
        let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
        eprintln!("{indent}{} {heading}", "#".repeat(usize::from(*level)));
    }
    let counts = &report.counts;
    eprintln!(
        "{}",
        t!(
            "import-found",
            sections = report.sections.len(),
            images = report.images,
            links = report.links,
            tables = report.tables,
            notes = report.notes
        )
    );
    for heading in &report.by_hand {
        eprintln!("  {}", t!("import-by-hand", heading = heading.as_str()));
    }
    eprintln!(
        "{}",
        t!(
            "import-review",
            insertions = counts.insertions,
            deletions = counts.deletions,
            moves = counts.moves,
            comments = counts.comments
        )
    );
    let dropped = [
        ("contents", counts.contents_dropped),
        ("hidden", counts.hidden),
        ("objects", counts.objects),
        ("internal", counts.internal_links),
    ];
    for (what, count) in dropped {
        if count > 0 {
            eprintln!("  {}", t!("import-dropped", what = what, count = count));
        }
    }
    if report.images_without_alt > 0 {
        eprintln!(
            "  {}",
            t!("import-no-alt", count = report.images_without_alt)
        );
    }
    for key in &report.guessed {
        eprintln!("  {}", t!("import-guessed", key = *key));
    }
}
