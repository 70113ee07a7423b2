use std::io::Write;
use std::path::{Path, PathBuf};

use trycksak::build::Outcome;
use trycksak::diagnostics::has_errors;
use trycksak::output::pdf::PdfContext;
use trycksak::output::{OutputKind, report};
use trycksak::preflight;
use trycksak::source::load_programme;
use trycksak::typeset::Typesetter;

use super::{Result, open, programmes, report as print_problems};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Programme files or folders to check (default: everything under programmes/).
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Also print each programme's accessibility report (readability, headings, images, links).
    #[arg(long)]
    a11y: bool,

    /// Preflight the print PDFs as a print shop would: make each programme's print twins (in
    /// memory) and report boxes, fonts, colours, ink and image resolution with PASS or FAIL.
    /// PDF files among PATHS are read and checked as they are.
    #[arg(long)]
    print: bool,
}

/// Checks sources, their regions' layouts and that every character has a font; writes nothing.
pub fn run(env: &Env, args: Args) -> Result<Status> {
    let (pdfs, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.iter().cloned().partition(|p| {
            args.print && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        });
    let mut preflight_failed = 0;
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).map_err(|err| {
            super::Error::Usage(anyhow::anyhow!("cannot read {}: {err}", pdf.display()))
        })?;
        let report = preflight::inspect(&bytes);
        preflight_failed += usize::from(!report.failures().is_empty());
        print!("{}", report.render(&pdf.display().to_string()));
    }
    if !pdfs.is_empty() && paths.is_empty() {
        return Ok(if preflight_failed == 0 {
            Status::Success
        } else {
            Status::Failure
        });
    }
    let (project, sources) = open(env, &paths)?;
    let typesetter = Typesetter::new(&project);
    let mut stdout = std::io::stdout().lock();
    let mut outcomes = Vec::new();
    for source in &sources {
        let loaded = load_programme(&project, source);
        let mut diagnostics = loaded.diagnostics;
        if let Some(programme) = &loaded.programme {
            diagnostics.extend(
                typesetter
                    .layouts()
                    .problems(&programme.meta.region)
                    .iter()
                    .cloned(),
            );
            let cx = PdfContext::new(&typesetter, &loaded.file, false);
            if let Err(missing) = cx.check_glyphs(programme) {
                diagnostics.extend(missing);
            }
            if args.a11y && !has_errors(&diagnostics) {
                let target = report::lix_target(programme, typesetter.layouts());
                let (text, warnings) = report::render(programme, &loaded.file, target);
                diagnostics.extend(warnings);
                let _ = writeln!(stdout, "{text}");
            }
            if args.print && !has_errors(&diagnostics) {
                for kind in OutputKind::ALL.iter().copied().filter(|k| k.for_print()) {
                    match kind.render(programme, &cx) {
                        Ok(output) => {
                            diagnostics.extend(output.warnings);
                            let name = Path::new(&programme.meta.region)
                                .join(&programme.slug)
                                .join(kind.file_name(&programme.slug, &programme.meta.lang));
                            let report = preflight::inspect(&output.bytes);
                            preflight_failed += usize::from(!report.failures().is_empty());
                            let _ =
                                write!(stdout, "{}", report.render(&name.display().to_string()));
                        }
                        Err(errors) => diagnostics.extend(errors),
                    }
                }
            }
        }
        outcomes.push(Outcome {
            source: project.relative(source).to_path_buf(),
            diagnostics,
            written: Vec::new(),
            timings: Vec::new(),
            failed_kinds: Vec::new(),
            previews_written: 0,
        });
    }
    print_problems(env, &outcomes);
    let failed = outcomes.iter().filter(|o| o.failed()).count();
    if !env.quiet {
        eprintln!(
            "Checked {}: {} with errors",
            programmes(outcomes.len()),
            failed
        );
    }
    Ok(if failed == 0 && preflight_failed == 0 {
        Status::Success
    } else {
        Status::Failure
    })
}
