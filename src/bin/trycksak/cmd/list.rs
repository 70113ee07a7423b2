use trycksak::source::load_programme;

use super::{Result, open};
use crate::{Env, Status};

pub fn run(env: &Env) -> Result<Status> {
    let (project, sources) = open(env, &[])?;
    println!("Programmes:");
    for source in &sources {
        let relative = project.relative(source).display();
        match load_programme(&project, source).programme {
            Some(p) => println!("  {relative}  [{}]  {}", p.meta.region, p.meta.title),
            None => println!("  {relative}  (has errors: run `trycksak check {relative}`)"),
        }
    }
    if sources.is_empty() {
        println!("  (none: `trycksak new programme REGION/SLUG` starts one)");
    }
    let regions: Vec<&str> = project.regions().iter().map(String::as_str).collect();
    println!("Regions: {}", regions.join(", "));
    Ok(Status::Success)
}
