//! The `trycksak` command line: parses arguments and calls the library, one file per subcommand.

#[macro_use(t)]
extern crate trycksak;

mod cmd;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use trycksak::diagnostics::{DiagnosticFormat, Reporter};
use trycksak::messages::{self, Lang};

mod help;

/// jemalloc instead of glibc's malloc: a build of many programmes frees Typst's small objects
/// and zlib's large states on two threads, where glibc spent a sixth of the time merging free
/// chunks; jemalloc takes 3–11 % off a build's CPU at the same peak memory (benches/README.md (k)).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The command line. Its help texts are the catalogues' (`help-…` messages, see `help.rs`): the
/// doc comments here say what each option is for, to the reader of the code.
#[derive(Debug, Parser)]
#[command(name = "trycksak", version)]
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

    /// The language of messages and help: `sv` or `en` (default: the locale's, from LC_ALL,
    /// LC_MESSAGES or LANG). Given before the command (`trycksak --lang sv build`): after it,
    /// `import`'s `--lang` is the document's language.
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<Lang>,

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
    /// A programme source from the Word or OpenDocument file it was adopted in.
    Import(cmd::import::Args),
    /// Start a translation of a programme, bring it up to date, or exchange it as a PO file.
    Translate(cmd::translate::Args),
    /// List the programmes and regions of the project.
    List,
    /// Join the manifests of a sharded build's output folders.
    #[command(subcommand)]
    Manifest(cmd::manifest::What),
    /// Show a region's layout as it is used (colours on screen and in print), or with
    /// `--defaults` every key a layout may set, explained.
    Layout(cmd::layout::Args),
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
    messages::set_lang(help::language_asked_for().unwrap_or_else(Lang::from_environment));
    let matches = match help::localise(Cli::command()).try_get_matches() {
        Ok(matches) => matches,
        Err(err) => return help::exit_on(err),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return help::exit_on(err),
    };
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
        Command::Import(args) => cmd::import::run(&env, args),
        Command::Translate(args) => cmd::translate::run(&env, args),
        Command::Manifest(what) => cmd::manifest::run(&env, what),
        Command::List => cmd::list::run(&env),
        Command::Layout(args) => cmd::layout::run(&env, args),
        Command::New(what) => cmd::new::run(&env, what),
        Command::Watch(args) => cmd::watch::run(&env, args),
        Command::Serve(args) => cmd::serve::run(&env, args),
    };
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Failure) => ExitCode::from(1),
        Err(cmd::Error::Usage(err)) => {
            eprintln!("{}: {err:#}", t!("error"));
            ExitCode::from(2)
        }
        Err(cmd::Error::Failed(err)) => {
            eprintln!("{}: {err:#}", t!("error"));
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option has its help text in both catalogues (the catalogue tests of the
    /// library check that the two have the same messages).
    #[test]
    fn every_command_and_option_has_help_in_the_catalogues() {
        fn walk(command: &clap::Command, path: &mut Vec<String>, missing: &mut Vec<String>) {
            let parts: Vec<&str> = path.iter().map(String::as_str).collect();
            let about = help::help_id(&parts, None);
            if messages::text(&about, None) == about {
                missing.push(about);
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if (!arg.is_global_set() || path.len() == 1)
                    && help::help_text(&parts, id).is_none()
                {
                    missing.push(help::help_id(&parts, Some(id)));
                }
            }
            for sub in command.get_subcommands() {
                path.push(sub.get_name().to_string());
                walk(sub, path, missing);
                path.pop();
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut vec!["trycksak".into()], &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:#?}");
    }
}
