//! `trycksak layout`: the base layout with every key explained, or a region's layout as it is
//! used — its colours with the screen colour and the inks each becomes.

use trycksak::layout::Given;
use trycksak::typeset::Typesetter;

use super::{Error, Result, report};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The region whose layout to show.
    #[arg(value_name = "REGION", required_unless_present = "defaults")]
    region: Option<String>,

    /// Print the base layout: every key a region's layout.yaml may set, with its explanation.
    #[arg(long, conflicts_with = "region")]
    defaults: bool,
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    if args.defaults {
        print!("{}", trycksak::layout::documented_defaults());
        return Ok(Status::Success);
    }
    let project = env.project()?;
    let region = args.region.unwrap_or_default();
    let typesetter = Typesetter::new(&project);
    let problems = typesetter.layouts().problems(&region).to_vec();
    let mut outcome = trycksak::build::Outcome::new(project.layouts_dir().join(&region));
    outcome.diagnostics = problems;
    report(env, std::slice::from_ref(&outcome));
    let Some(layout) = typesetter.layouts().get(&region) else {
        let regions: Vec<&str> = project.regions().iter().map(String::as_str).collect();
        return Err(Error::Usage(
            anyhow::anyhow!(t!("no-such-region.help", regions = regions.join(", ")))
                .context(t!("no-such-region", region = region.as_str())),
        ));
    };
    println!(
        "{}",
        t!(
            "layout-shown",
            region = region.as_str(),
            name = layout.name.clone().unwrap_or_else(|| "none".to_string())
        )
    );
    for (name, colour) in &layout.colours {
        let [c, m, y, k] = colour.ink.map(|v| (v * 10.0).round() / 10.0);
        let given = match colour.given {
            Given::Ink => "ink",
            Given::Screen => "screen",
            Given::Both => "both",
        };
        println!(
            "  {name:<11} {}  [{c}, {m}, {y}, {k}]  {}",
            colour.screen_hex(),
            t!("layout-colour-given", given = given)
        );
    }
    Ok(if outcome.failed() {
        Status::Failure
    } else {
        Status::Success
    })
}
