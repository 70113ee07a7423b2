pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod layout;
pub mod list;
pub mod manifest;
pub mod new;
pub mod serve;
pub mod translate;
pub mod watch;

use std::path::{Path, PathBuf};

use trycksak::build::Outcome;
use trycksak::project::Project;

use crate::Env;

/// What to build and where: shared by `build` and `watch`.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Programme files or folders (default: everything under programmes/).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// The output folder (never read as input).
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,

    /// The outputs to write, separated by commas (default: all; large-print where the layout
    /// asks for it).
    #[arg(short, long, value_enum, value_delimiter = ',', value_name = "F,…")]
    pub format: Vec<trycksak::output::OutputKind>,

    /// Give up on a document that takes longer than this to typeset (a template that loops
    /// forever): its programme fails, the others are built.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
}

impl Selection {
    /// The kinds asked for, or `None` for each region's defaults.
    pub fn kinds(&self) -> Option<Vec<trycksak::output::OutputKind>> {
        (!self.format.is_empty()).then(|| self.format.clone())
    }

    pub fn timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout.max(1))
    }
}

/// A subcommand's failure: a usage error (exit 2) or a failure of the work itself (exit 1).
pub enum Error {
    Usage(anyhow::Error),
    Failed(anyhow::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

impl From<anyhow::Error> for Error {
    fn from(err: anyhow::Error) -> Self {
        Error::Failed(err)
    }
}

impl Env {
    /// The project: the folder `-C` names, else the one the current folder is in.
    pub fn project(&self) -> Result<Project> {
        match &self.project_dir {
            Some(dir) => Project::open(dir),
            None => Project::discover(Path::new(".")),
        }
        .map_err(Error::Usage)
    }

    /// PATHS as the project takes them: relative to the project with `-C`, else to the current
    /// folder (as written in a shell there).
    pub fn paths(&self, paths: &[PathBuf]) -> Vec<PathBuf> {
        match (&self.project_dir, std::env::current_dir()) {
            (None, Ok(here)) => paths.iter().map(|path| here.join(path)).collect(),
            _ => paths.to_vec(),
        }
    }
}

/// Opens the project and picks the sources named on the command line (all when none are).
/// Both fail as usage errors: the command was run in the wrong place or named a wrong path.
pub fn open(env: &Env, paths: &[PathBuf]) -> Result<(Project, Vec<PathBuf>)> {
    let project = env.project()?;
    let sources = project
        .select_sources(&env.paths(paths))
        .map_err(Error::Usage)?;
    Ok((project, sources))
}

/// Prints the diagnostics of programmes (warnings only without `--quiet`). A problem shared by
/// several programmes (a region's layout) is printed once.
pub fn report(env: &Env, outcomes: &[Outcome]) {
    let mut printed = std::collections::HashSet::new();
    for outcome in outcomes {
        let shown: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| !env.quiet || d.is_error())
            .filter(|d| printed.insert(d.short()))
            .cloned()
            .collect();
        if let Err(err) = env.reporter.emit(&shown) {
            eprintln!("{}: {err}", t!("cannot-print-problems"));
        }
    }
}

/// "23 pledges in 4 sections: Sjukvård 8, Skolan 5, …", or "no pledges found".
pub fn pledge_census(pledges: &[(Option<String>, usize)]) -> String {
    let total: usize = pledges.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return t!("census-none");
    }
    let sections = pledges
        .iter()
        .map(|(heading, n)| match heading {
            Some(heading) => format!("{heading} {n}"),
            None => format!("{} {n}", t!("census-introduction")),
        })
        .collect::<Vec<_>>()
        .join(", ");
    t!(
        "census",
        pledges = total,
        sections = pledges.len(),
        list = sections
    )
}
