//! `trycksak serve`: build, serve the output folder, rebuild and reload on every change.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use trycksak::build::BuildOptions;
use trycksak::serve::{ServeOptions, serve};
use trycksak::watch::{WatchEvent, WatchOptions};

use super::{Error, Result, Selection, files, programmes, report};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    selection: Selection,

    /// The port to listen on (0: any free one).
    #[arg(long, value_name = "N", default_value_t = 8000)]
    port: u16,

    /// The address to listen on. Only this machine by default: give another address only to
    /// show the pages to others on your network.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    host: IpAddr,

    /// Open the index in the web browser once it is built.
    #[arg(long)]
    open: bool,

    /// Poll for changes every MS milliseconds instead of waiting for the file system's events.
    #[arg(long, value_name = "MS", num_args = 0..=1, default_missing_value = "300")]
    poll: Option<u64>,
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let project = env.project()?;
    let paths = env.paths(&args.selection.paths);
    project.select_sources(&paths).map_err(Error::Usage)?;
    let options = ServeOptions {
        watch: WatchOptions {
            build: BuildOptions {
                out_dir: project.root.join(&args.selection.out),
                kinds: args.selection.kinds(),
                // The preview pages show the PDFs' pages.
                preview: true,
                jobs: None,
                progress: None,
                timeout: args.selection.timeout(),
            },
            paths,
            poll: args.poll.map(Duration::from_millis),
        },
        address: SocketAddr::new(args.host, args.port),
    };
    let mut opened = !args.open;
    serve(
        &project,
        &options,
        |address| {
            if !env.quiet {
                eprintln!(
                    "Serving {} at http://{address}/ (a programme's preview: http://{address}/__trycksak/preview/REGION/SLUG; Ctrl-C stops)",
                    options.watch.build.out_dir.display()
                );
            }
        },
        |event| match event {
            WatchEvent::Built {
                reason,
                report: built,
                elapsed,
            } => {
                report(env, &built.outcomes);
                if !env.quiet {
                    let failed = built.failed().count();
                    let failed = if failed > 0 {
                        format!(", {failed} failed")
                    } else {
                        String::new()
                    };
                    eprintln!(
                        "[{reason}] {} built ({}){failed} in {:.0} ms",
                        programmes(built.outcomes.len() - built.failed().count()),
                        files(built.files_written()),
                        elapsed.as_secs_f64() * 1000.0
                    );
                }
                if !opened {
                    opened = true;
                    let url = format!("http://{}/", options.address);
                    for opener in ["xdg-open", "open"] {
                        if std::process::Command::new(opener).arg(&url).spawn().is_ok() {
                            break;
                        }
                    }
                }
            }
            WatchEvent::Failed(err) => eprintln!("error: {err:#}"),
        },
    )?;
    Ok(Status::Success)
}
