use anyhow::anyhow;
use trycksak::fsutil::write_atomic;
use trycksak::project::{PROGRAMMES_DIR, Project};
use trycksak::scaffold;
use trycksak::source::{is_valid_name, suggest_name};

use super::{Error, Result};
use crate::{Env, Status};

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A programme source, programmes/REGION/SLUG.md, with every front-matter key explained.
    Programme {
        /// Region and file name, e.g. `norrbotten/omstart-2026`.
        #[arg(value_name = "REGION/SLUG")]
        target: String,
    },
}

pub fn run(env: &Env, what: What) -> Result<Status> {
    let What::Programme { target } = what;
    let project = Project::open(&env.project_dir).map_err(Error::Usage)?;
    let (region, slug) = target.split_once('/').ok_or_else(|| {
        Error::Usage(anyhow!(
            "write the programme as REGION/SLUG, e.g. `norrbotten/{}`",
            suggest_name(&target)
        ))
    })?;
    for (what, name) in [("region", region), ("file name", slug)] {
        if !is_valid_name(name) {
            return Err(Error::Usage(anyhow!(
                "the {what} `{name}` may only have lowercase letters a–z, digits and hyphens: try `{}`",
                suggest_name(name)
            )));
        }
    }
    if !project.regions().contains(region) {
        let regions: Vec<&str> = project.regions().iter().map(String::as_str).collect();
        return Err(Error::Usage(anyhow!(
            "there is no region `{region}`; the regions are: {}",
            regions.join(", ")
        )));
    }
    let relative = format!("{PROGRAMMES_DIR}/{region}/{slug}.md");
    let path = project.root.join(&relative);
    if path.exists() {
        return Err(Error::Usage(anyhow!(
            "{relative} already exists; choose another name"
        )));
    }
    let title = format!("Vårt program för {region}");
    write_atomic(&path, scaffold::programme(region, &title).as_bytes())
        .map_err(|err| Error::Failed(err.context("cannot create the programme")))?;
    if !env.quiet {
        eprintln!("Created {relative}: edit it, then run `trycksak build {relative}`");
    }
    Ok(Status::Success)
}
