use std::io::Write;
use std::path::PathBuf;

use trycksak::build::Outcome;
use trycksak::diagnostics::has_errors;
use trycksak::output::pdf::PdfContext;
use trycksak::output::report;
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
}

/// Checks sources, their regions' layouts and that every character has a font; writes nothing.
pub fn run(env: &Env, args: Args) -> Result<Status> {
    let (project, sources) = open(env, &args.paths)?;
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
            let cx = PdfContext {
                typesetter: &typesetter,
                source: &loaded.file,
                preview: false,
            };
            if let Err(missing) = cx.check_glyphs(programme) {
                diagnostics.extend(missing);
            }
            if args.a11y && !has_errors(&diagnostics) {
                let target = report::lix_target(programme, typesetter.layouts());
                let (text, warnings) = report::render(programme, &loaded.file, target);
                diagnostics.extend(warnings);
                let _ = writeln!(stdout, "{text}");
            }
        }
        outcomes.push(Outcome {
            source: project.relative(source).to_path_buf(),
            diagnostics,
            written: Vec::new(),
            timings: Vec::new(),
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
    Ok(if failed == 0 {
        Status::Success
    } else {
        Status::Failure
    })
}
