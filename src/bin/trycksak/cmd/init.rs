//! `trycksak init [DIR]`: a new project that builds at once.

use std::path::PathBuf;

use anyhow::anyhow;
use trycksak::fsutil::write_atomic;
use trycksak::layout::LAYOUT_FILE;
use trycksak::project::{LAYOUTS_DIR, PROGRAMMES_DIR};
use trycksak::scaffold;

use super::{Error, Result};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to start the project in (created if it does not exist).
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
}

/// The starter's region and programme.
const REGION: &str = "exempel";
const REGION_NAME: &str = "Exempel";
const SLUG: &str = "vart-program";

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let dir = match &env.project_dir {
        Some(project) => project.join(&args.dir),
        None => args.dir.clone(),
    };
    if dir.join(PROGRAMMES_DIR).exists() {
        return Err(Error::Usage(anyhow!(t!(
            "project-exists",
            dir = dir.display().to_string()
        ))));
    }
    let files = [
        (
            format!("{LAYOUTS_DIR}/{REGION}/{LAYOUT_FILE}"),
            scaffold::region(REGION_NAME),
        ),
        (
            format!("{PROGRAMMES_DIR}/{REGION}/{SLUG}.md"),
            scaffold::programme(REGION, &t!("starter-title", region = REGION_NAME)),
        ),
        ("TRYCKSAK.md".to_string(), scaffold::project_note()),
    ];
    for (relative, text) in &files {
        write_atomic(&dir.join(relative), text.as_bytes()).map_err(|err| {
            Error::Failed(err.context(t!("cannot-create", path = relative.as_str())))
        })?;
    }
    if !env.quiet {
        eprintln!(
            "{}",
            t!(
                "project-started",
                dir = dir.display().to_string(),
                programme = format!("{PROGRAMMES_DIR}/{REGION}/{SLUG}.md")
            )
        );
    }
    Ok(Status::Success)
}
