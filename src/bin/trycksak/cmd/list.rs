use trycksak::source::load_programme;

use super::{Result, open};
use crate::{Env, Status};

pub fn run(env: &Env) -> Result<Status> {
    let (project, sources) = open(env, &[])?;
    println!("{}", t!("list-programmes"));
    for source in &sources {
        let relative = project.relative(source).display();
        match load_programme(&project, source).programme {
            Some(p) => println!("  {relative}  [{}]  {}", p.meta.region, p.meta.title),
            None => println!(
                "  {relative}  {}",
                t!("list-has-errors", path = relative.to_string())
            ),
        }
    }
    if sources.is_empty() {
        println!("  {}", t!("list-none"));
    }
    let regions: Vec<&str> = project.regions().iter().map(String::as_str).collect();
    println!("{}", t!("list-regions", regions = regions.join(", ")));
    Ok(Status::Success)
}
