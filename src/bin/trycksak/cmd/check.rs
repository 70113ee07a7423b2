use std::path::PathBuf;

use trycksak::build::Outcome;
use trycksak::source::load_programme;

use super::{Result, open, programmes, report};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Programme files or folders to check (default: everything under programmes/).
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let (project, sources) = open(env, &args.paths)?;
    let outcomes: Vec<Outcome> = sources
        .iter()
        .map(|source| Outcome {
            source: project.relative(source).to_path_buf(),
            diagnostics: load_programme(&project, source).diagnostics,
            written: Vec::new(),
            timings: Vec::new(),
        })
        .collect();
    report(env, &outcomes);
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
