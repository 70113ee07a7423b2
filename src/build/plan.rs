//! Planning a build: every source loaded once (in parallel), and each programme's output folder
//! claimed, so that two programmes never write into one folder.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::ThreadPool;
use rayon::prelude::*;

use super::{Job, Outcome};
use crate::diagnostics::Diagnostic;
use crate::project::Project;
use crate::source::{Loaded, load_programme};

/// Each source's outcome so far, and the job to run when it loaded: in source order.
pub(super) fn plan(
    pool: &ThreadPool,
    project: &Project,
    sources: &[PathBuf],
) -> Vec<(Outcome, Option<Job>)> {
    let loaded: Vec<Loaded> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| load_programme(project, source))
            .collect()
    });
    // Two programmes must not write into the same folder; the first in source order keeps it.
    let mut claimed: HashMap<PathBuf, PathBuf> = HashMap::new();
    sources
        .iter()
        .zip(loaded)
        .map(|(source, loaded)| {
            let relative = project.relative(source).to_path_buf();
            let mut outcome = Outcome::new(relative.clone());
            outcome.diagnostics = loaded.diagnostics;
            let Some(programme) = loaded.programme else {
                return (outcome, None);
            };
            let folder = programme.folder();
            if let Some(first) = claimed.get(&folder) {
                outcome.diagnostics.push(
                    Diagnostic::error(
                        &loaded.file,
                        None,
                        format!(
                            "{} also builds into out/{}",
                            first.display(),
                            folder.display()
                        ),
                    )
                    .with_help("two programmes of one region need different file names"),
                );
                return (outcome, None);
            }
            claimed.insert(folder.clone(), relative);
            let job = Job {
                programme,
                file: loaded.file,
                folder,
            };
            (outcome, Some(job))
        })
        .collect()
}
