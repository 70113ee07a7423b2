//! `trycksak manifest merge DIR…`: the manifests of a sharded build's output folders as one.

use std::path::PathBuf;

use anyhow::anyhow;
use trycksak::manifest::{FILE_NAME, Manifest};

use super::{Error, Result};
use crate::{Env, Status};

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Join the manifests of output folders (the shards of `build --shard K/N`) into one, on
    /// standard output.
    Merge {
        /// The output folders, each with its manifest.json.
        #[arg(value_name = "DIR", required = true)]
        dirs: Vec<PathBuf>,
    },
}

pub fn run(env: &Env, what: What) -> Result<Status> {
    let What::Merge { dirs } = what;
    let mut manifests = Vec::new();
    for dir in env.paths(&dirs) {
        let path = dir.join(FILE_NAME);
        let text = std::fs::read(&path).map_err(|err| {
            Error::Usage(anyhow!(
                "{}: {err}",
                t!("cannot-read", path = path.display().to_string())
            ))
        })?;
        let manifest: Manifest = serde_json::from_slice(&text).map_err(|err| {
            Error::Usage(anyhow!(t!(
                "manifest-unreadable",
                path = path.display().to_string(),
                why = err.to_string()
            )))
        })?;
        manifests.push(manifest);
    }
    let merged = Manifest::merge(manifests)
        .map_err(|path| Error::Usage(anyhow!(t!("manifest-overlap", path = path))))?;
    let mut json =
        serde_json::to_string_pretty(&merged).map_err(|err| Error::Failed(err.into()))?;
    json.push('\n');
    print!("{json}");
    Ok(Status::Success)
}
