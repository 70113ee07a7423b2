//! `trycksak serve`: build, serve the output folder, rebuild and reload on every change.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use trycksak::serve::{ServeOptions, serve};
use trycksak::watch::WatchEvent;

use super::Result;
use super::watch::{options, print_event};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    watch: super::watch::WatchArgs,

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
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    // The preview pages show the PDFs' pages, made when a preview page is first asked for.
    let (project, watch) = options(env, &args.watch, true)?;
    let options = ServeOptions {
        watch,
        address: SocketAddr::new(args.host, args.port),
    };
    let mut opened = !args.open;
    // The address listened on (with the port the system chose, for port 0).
    let listening = std::cell::Cell::new(options.address);
    serve(
        &project,
        &options,
        |address| {
            listening.set(address);
            if !env.quiet {
                eprintln!(
                    "{}",
                    t!(
                        "serving",
                        dir = options.watch.build.out_dir.display().to_string(),
                        url = format!("http://{address}/")
                    )
                );
            }
        },
        |event| {
            print_event(env, &event);
            if !opened && matches!(event, WatchEvent::Built { .. }) {
                opened = true;
                let url = format!("http://{}/", listening.get());
                for opener in ["xdg-open", "open"] {
                    if std::process::Command::new(opener).arg(&url).spawn().is_ok() {
                        break;
                    }
                }
            }
        },
    )?;
    Ok(Status::Success)
}
