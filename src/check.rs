//! `check`: everything a build would find wrong, without writing anything. The programmes run
//! through the build's own runner ([`crate::build::render_in_memory`]: its threads, timeout and
//! panic isolation), every output rendered in memory; with `a11y`, each programme's readability
//! report is handed back; with `print`, its print twins are preflighted as a print shop would.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use crate::build::{BuildOptions, DEFAULT_TIMEOUT, Outcome, render_in_memory, thread_pool};
use crate::output::OutputKind;
use crate::preflight;
use crate::project::Project;
use crate::typeset::Typesetter;

/// What to check besides the sources and their layouts.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// Hand back each programme's accessibility report.
    pub a11y: bool,
    /// Preflight each programme's print twins.
    pub print: bool,
    /// The longest one document may take to typeset, as for `build`.
    pub timeout: Duration,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            a11y: false,
            print: false,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// What checking one programme found.
pub struct Checked {
    /// The programme's problems (nothing is written).
    pub outcome: Outcome,
    /// Its accessibility report, with `a11y`.
    pub report: Option<String>,
    /// Its print twins' preflight reports, with `print`, by the path they would have in `out/`.
    pub preflights: Vec<(PathBuf, preflight::Report)>,
}

/// Checks `sources` (absolute paths of programme files) of `project`: each renders every output
/// its region's build would make, in memory.
pub fn check(
    project: &Project,
    sources: &[PathBuf],
    options: CheckOptions,
) -> Result<Vec<Checked>> {
    let typesetter = Arc::new(Typesetter::new(project));
    let pool = thread_pool(None)?;
    let mut build = BuildOptions::new(project.root.join("out"));
    build.timeout = options.timeout;
    build.record_translations = false;
    // Every output is rendered (each may find a problem); only what is handed back is kept.
    let keep: Vec<OutputKind> = crate::output::KINDS
        .iter()
        .copied()
        .filter(|kind| {
            (options.a11y && *kind == OutputKind::REPORT) || (options.print && kind.for_print())
        })
        .collect();
    let finished = render_in_memory(&typesetter, &pool, project, sources, &build, &keep)?;
    Ok(finished
        .into_iter()
        .map(|done| {
            let mut checked = Checked {
                outcome: done.outcome,
                report: None,
                preflights: Vec::new(),
            };
            for kept in done.kept {
                if options.a11y && kept.kind == OutputKind::REPORT {
                    checked.report =
                        Some(String::from_utf8_lossy(&kept.rendered.bytes).into_owned());
                }
                if options.print && kept.kind.for_print() {
                    checked
                        .preflights
                        .push((kept.path, preflight::inspect(&kept.rendered.bytes)));
                }
            }
            checked
        })
        .collect())
}
