use std::time::Duration;

use trycksak::build::BuildOptions;
use trycksak::project::Project;
use trycksak::watch::{WatchEvent, WatchOptions, watch};

use super::{Error, Result, Selection, report};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub selection: Selection,

    /// Poll for changes every MS milliseconds instead of waiting for the file system's events
    /// (for network drives and containers that do not report changes).
    #[arg(long, value_name = "MS", num_args = 0..=1, default_missing_value = "300")]
    pub poll: Option<u64>,
}

/// Builds, then rebuilds what each change affects, until stopped (Ctrl-C).
pub fn run(env: &Env, args: WatchArgs) -> Result<Status> {
    let (project, options) = options(env, &args, false)?;
    if !env.quiet {
        eprintln!(
            "{}",
            t!("watching", dir = project.root.display().to_string())
        );
    }
    watch(&project, &options, |event| print_event(env, &event))?;
    Ok(Status::Success)
}

/// The project and what to watch and build, as `watch` and `serve` take them (`serving`:
/// with a folder for the page previews the server makes when they are first asked for).
pub fn options(env: &Env, args: &WatchArgs, serving: bool) -> Result<(Project, WatchOptions)> {
    let project = env.project()?;
    let paths = env.paths(&args.selection.paths);
    project.select_sources(&paths).map_err(Error::Usage)?;
    let options = WatchOptions {
        build: BuildOptions {
            out_dir: project.root.join(&args.selection.out),
            kinds: args.selection.kinds(),
            preview: false,
            // `serve`'s previews stay out of the output folder, the public one.
            preview_dir: serving.then(|| project.root.join(trycksak::project::PREVIEWS_DIR)),
            jobs: None,
            progress: None,
            timeout: args.selection.timeout(),
            timings: None,
            cache: true,
            record_translations: true,
        },
        paths,
        poll: args.poll.map(Duration::from_millis),
    };
    Ok((project, options))
}

/// One line per build: why, how many programmes and files, how long.
pub fn print_event(env: &Env, event: &WatchEvent) {
    match event {
        WatchEvent::Built {
            reason,
            report: built,
            elapsed,
        } => {
            report(env, &built.outcomes);
            if !env.quiet {
                let failed = built.failed().count();
                eprintln!(
                    "[{reason}] {}",
                    t!(
                        "rebuilt",
                        programmes = built.outcomes.len() - failed,
                        files = built.outputs_written(),
                        failed = failed,
                        ms = (elapsed.as_secs_f64() * 1000.0).round()
                    )
                );
            }
        }
        WatchEvent::Failed(err) => eprintln!("{}: {err:#}", t!("error")),
        WatchEvent::Waiting(locked) => {
            if !env.quiet {
                eprintln!("{}", t!("waiting", why = locked.to_string()));
            }
        }
    }
}
