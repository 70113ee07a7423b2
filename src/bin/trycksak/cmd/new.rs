use anyhow::anyhow;
use trycksak::fsutil::write_atomic;
use trycksak::layout::{self, LAYOUT_FILE};
use trycksak::project::{LAYOUTS_DIR, PROGRAMMES_DIR};
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
    /// A region's layout, layouts/NAME/layout.yaml, with every key explained.
    Region {
        /// The region's folder name, e.g. `jamtland`.
        name: String,
        /// The name printed on covers (default: NAME with a capital letter).
        #[arg(long)]
        display_name: Option<String>,
    },
}

pub fn run(env: &Env, what: What) -> Result<Status> {
    match what {
        What::Programme { target } => programme(env, &target),
        What::Region { name, display_name } => region(env, &name, display_name),
    }
}

fn region(env: &Env, name: &str, display_name: Option<String>) -> Result<Status> {
    let project = env.project()?;
    // A region's real name ("Västerbotten") names its folder folded to a–z ("vasterbotten")
    // and stays its display name.
    let (folder, display_name) = if is_valid_name(name) {
        (name.to_string(), display_name)
    } else {
        let folder = suggest_name(name);
        if !is_valid_name(&folder) {
            return Err(Error::Usage(anyhow!(t!("region-name-empty", name = name))));
        }
        (
            folder,
            display_name.or_else(|| Some(name.trim().to_string())),
        )
    };
    let name = folder.as_str();
    let relative = format!("{LAYOUTS_DIR}/{name}/{LAYOUT_FILE}");
    let path = project.root.join(&relative);
    if path.exists() {
        return Err(Error::Usage(anyhow!(t!(
            "already-exists",
            path = relative.as_str()
        ))));
    }
    let display_name = display_name.unwrap_or_else(|| {
        let mut chars = name.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    });
    write_atomic(&path, scaffold::region(&display_name).as_bytes())
        .map_err(|err| Error::Failed(err.context(t!("cannot-create", path = relative.as_str()))))?;
    if !env.quiet {
        eprintln!(
            "{}",
            t!("created-region", path = relative.as_str(), region = name)
        );
    }
    Ok(Status::Success)
}

/// `name` as a folder or file name: as it is when it is one, else folded to a–z, digits and
/// hyphens; an error when nothing is left.
fn folded(name: &str, what: &str) -> Result<String> {
    if is_valid_name(name) {
        return Ok(name.to_string());
    }
    let folded = suggest_name(name);
    if is_valid_name(&folded) && folded != "programme" {
        Ok(folded)
    } else {
        Err(Error::Usage(anyhow!(t!(
            "bad-name",
            what = what,
            name = name,
            suggestion = folded
        ))))
    }
}

fn programme(env: &Env, target: &str) -> Result<Status> {
    let project = env.project()?;
    let (region, slug) = target.split_once('/').ok_or_else(|| {
        Error::Usage(anyhow!(t!(
            "programme-target",
            suggestion = suggest_name(target)
        )))
    })?;
    // A region and a title as people write them ("Västerbotten/Vård och omsorg") name the
    // folder and the file folded to a–z; the title stays as written.
    let (region, slug, title) = (
        folded(region, "region")?,
        folded(slug, "slug")?,
        (!is_valid_name(slug)).then(|| slug.trim().to_string()),
    );
    let (region, slug) = (region.as_str(), slug.as_str());
    if !project.regions().contains(region) {
        let regions: Vec<&str> = project.regions().iter().map(String::as_str).collect();
        return Err(Error::Usage(
            anyhow!(t!("no-such-region.help", regions = regions.join(", ")))
                .context(t!("no-such-region", region = region)),
        ));
    }
    let relative = format!("{PROGRAMMES_DIR}/{region}/{slug}.md");
    let path = project.root.join(&relative);
    if path.exists() {
        return Err(Error::Usage(anyhow!(t!(
            "already-exists",
            path = relative.as_str()
        ))));
    }
    let title = title.unwrap_or_else(|| {
        t!(
            "starter-title",
            region = layout::display_name(&project, region)
        )
    });
    write_atomic(&path, scaffold::programme(region, &title).as_bytes())
        .map_err(|err| Error::Failed(err.context(t!("cannot-create", path = relative.as_str()))))?;
    if !env.quiet {
        eprintln!("{}", t!("created-programme", path = relative.as_str()));
    }
    Ok(Status::Success)
}
