//! The `trycksak` command line: parses arguments and calls the library, one file per subcommand.

mod cmd;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trycksak::diagnostics::{DiagnosticFormat, Reporter};

/// jemalloc instead of glibc's malloc: a build of many programmes frees Typst's small objects
/// and zlib's large states on two threads, where glibc spent a sixth of the time merging free
/// chunks; jemalloc takes 3–11 % off a build's CPU at the same peak memory (benches/README.md (k)).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const EXAMPLES: &str = "\
Examples:
  trycksak init mitt-projekt              start a project that builds as it is
  trycksak build                          build every programme under programmes/ into out/
  trycksak build programmes/norrbotten    build the programmes of one folder
  trycksak build --format text --out dist build only the plain-text versions, into dist/
  trycksak check                          check every programme without writing anything
  trycksak list                           show the programmes and regions found
  trycksak new programme norrbotten/vard  start a new programme from a commented starter
  trycksak watch                          rebuild on every change until stopped
  trycksak -C ../annat-projekt build      build another project folder

Exit status: 0 when everything was built, 1 when a programme failed (the others are still
built), 2 for a usage error.";

#[derive(Debug, Parser)]
#[command(name = "trycksak", version, about = "Builds leaflets, summaries and accessible versions from programme sources", after_help = EXAMPLES)]
struct Cli {
    /// Run on the project in DIR instead of the one the current folder is in (found upwards, as
    /// git does); PATHS and --out are then relative to DIR.
    #[arg(short = 'C', long = "project", value_name = "DIR", global = true)]
    project: Option<PathBuf>,

    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,

    /// Print more: every file written.
    #[arg(short, long, global = true)]
    verbose: bool,

    /// How to print problems found in files.
    #[arg(
        long,
        value_enum,
        default_value_t,
        global = true,
        value_name = "FORMAT"
    )]
    diagnostic_format: DiagnosticFormat,

    /// When to use colours.
    #[arg(long, value_enum, default_value_t, global = true, value_name = "WHEN")]
    color: ColorWhen,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build programmes into output files.
    Build(cmd::build::Args),
    /// Check programmes and report every problem, without writing anything.
    Check(cmd::check::Args),
    /// Start a project in DIR (default: this folder): a region, a starter programme, and a note
    /// of what goes where; it builds as it is.
    Init(cmd::init::Args),
    /// List the programmes and regions of the project.
    List,
    /// Create a new programme or region from a commented starter.
    #[command(subcommand)]
    New(cmd::new::What),
    /// Build, then rebuild whatever a change to a source, layout or font affects.
    Watch(cmd::watch::WatchArgs),
    /// Build, serve the output folder on this machine, and rebuild and reload on every change.
    Serve(cmd::serve::Args),
}

/// What every subcommand needs to know about the invocation.
pub struct Env {
    /// The project folder named with `-C`; without it, the project is found from the current
    /// folder upwards.
    pub project_dir: Option<PathBuf>,
    pub quiet: bool,
    pub verbose: bool,
    pub reporter: Reporter,
}

/// How a subcommand ended, mapped to the exit status.
pub enum Status {
    Success,
    /// Some programme failed; the others were done.
    Failure,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let env = Env {
        project_dir: cli.project,
        quiet: cli.quiet,
        verbose: cli.verbose,
        reporter: Reporter {
            format: cli.diagnostic_format,
            color,
        },
    };
    let result = match cli.command {
        Command::Build(args) => cmd::build::run(&env, args),
        Command::Check(args) => cmd::check::run(&env, args),
        Command::Init(args) => cmd::init::run(&env, args),
        Command::List => cmd::list::run(&env),
        Command::New(what) => cmd::new::run(&env, what),
        Command::Watch(args) => cmd::watch::run(&env, args),
        Command::Serve(args) => cmd::serve::run(&env, args),
    };
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Failure) => ExitCode::from(1),
        Err(cmd::Error::Usage(err)) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
        Err(cmd::Error::Failed(err)) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
