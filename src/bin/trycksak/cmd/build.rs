use std::path::PathBuf;
use std::time::Instant;

use trycksak::build::{BuildOptions, build};
use trycksak::output::OutputKind;

use super::{Result, open, programmes, report};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Programme files or folders to build (default: everything under programmes/).
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// The output folder.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    out: PathBuf,

    /// The outputs to write, separated by commas (default: all; large-print where the layout
    /// asks for it).
    #[arg(short, long, value_enum, value_delimiter = ',', value_name = "F,…")]
    format: Vec<OutputKind>,

    /// Also write a PNG of every PDF page beside the PDF, to look at without a PDF viewer.
    #[arg(long)]
    preview: bool,
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let started = Instant::now();
    let (project, sources) = open(env, &args.paths)?;
    let kinds = (!args.format.is_empty()).then_some(args.format);
    let out_dir = project.root.join(&args.out);
    let report_ = build(
        &project,
        &sources,
        &BuildOptions {
            out_dir,
            kinds,
            preview: args.preview,
        },
    )?;
    report(env, &report_.outcomes);

    if env.verbose {
        for outcome in &report_.outcomes {
            for (entry, timing) in outcome.written.iter().zip(&outcome.timings) {
                let pages = entry
                    .pages
                    .map(|n| format!(", {n} page{}", if n == 1 { "" } else { "s" }))
                    .unwrap_or_default();
                let fit = entry
                    .fit
                    .map(|f| format!(", set in {} pt, {} columns", f.size, f.columns))
                    .unwrap_or_default();
                let tries = timing
                    .fit_tries
                    .map(|n| format!(", {n} layouts tried"))
                    .unwrap_or_default();
                let ms = timing.elapsed.as_secs_f64() * 1000.0;
                eprintln!(
                    "wrote {}/{}{pages}{fit} ({ms:.0} ms{tries})",
                    args.out.display(),
                    entry.path
                );
            }
        }
    }
    let failed: Vec<_> = report_.failed().collect();
    let built = report_.outcomes.len() - failed.len();
    if !env.quiet {
        eprintln!(
            "Built {} ({} files) into {}/ in {:.2} s",
            programmes(built),
            report_.files_written(),
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    if failed.is_empty() {
        return Ok(Status::Success);
    }
    eprintln!("Failed: {}", programmes(failed.len()));
    for outcome in failed {
        eprintln!("  {}", outcome.source.display());
    }
    Ok(Status::Failure)
}
