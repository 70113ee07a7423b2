//! Planning a build: every source loaded once (in parallel), and each programme's output folder
//! claimed, so that two programmes never write into one folder.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use rayon::ThreadPool;

use super::{Job, Outcome};
use crate::diagnostics::Diagnostic;
use crate::project::Project;
use crate::source::{Loaded, load_programme};

/// Each source's outcome so far, and the job to run when it loaded: in source order. Reading a
/// source counts toward its programme's `timeout`, as typesetting does: one that takes longer
/// fails (its reading thread is left to finish, or not), the others go on.
pub(super) fn plan(
    pool: &ThreadPool,
    project: &Project,
    sources: &[PathBuf],
    timeout: Duration,
) -> Vec<(Outcome, Option<Job>)> {
    let loaded = load_all(pool, project, sources, timeout);
    // Two programmes must not write into the same folder; the first in source order keeps it.
    // A translation shares its original's folder, its files named apart by its language.
    let mut claimed: HashMap<(PathBuf, Option<String>), PathBuf> = HashMap::new();
    sources
        .iter()
        .zip(loaded)
        .map(|(source, loaded)| {
            let relative = project.relative(source).to_path_buf();
            let mut outcome = Outcome::new(relative.clone());
            let Some(loaded) = loaded else {
                outcome.diagnostics.push(
                    Diagnostic::about(
                        &relative,
                        t!("reading-timed-out", seconds = timeout.as_secs_f64()),
                    )
                    .with_help(t!("reading-timed-out.help")),
                );
                return (outcome, None);
            };
            outcome.diagnostics = loaded.diagnostics;
            let Some(programme) = loaded.programme else {
                return (outcome, None);
            };
            outcome.pledges = Some(programme.pledges_by_section());
            let folder = programme.folder();
            let claim = (
                folder.clone(),
                programme
                    .translation
                    .as_ref()
                    .map(|_| programme.meta.lang.clone()),
            );
            if let Some(first) = claimed.get(&claim) {
                outcome.diagnostics.push(
                    Diagnostic::error(
                        &loaded.file,
                        None,
                        t!(
                            "same-output-folder",
                            first = first.display().to_string(),
                            folder = folder.display().to_string()
                        ),
                    )
                    .with_help(t!("same-output-folder.help")),
                );
                return (outcome, None);
            }
            claimed.insert(claim, relative);
            let job = Job {
                programme,
                file: loaded.file,
                folder,
            };
            (outcome, Some(job))
        })
        .collect()
}

/// Every source loaded on `pool`'s threads; `None` for one whose reading took longer than
/// `timeout` (given up on, not waited for).
fn load_all(
    pool: &ThreadPool,
    project: &Project,
    sources: &[PathBuf],
    timeout: Duration,
) -> Vec<Option<Loaded>> {
    let (sender, receiver) = mpsc::channel::<(usize, Loaded)>();
    let started: Arc<Vec<std::sync::OnceLock<Instant>>> =
        Arc::new(sources.iter().map(|_| std::sync::OnceLock::new()).collect());
    for (index, source) in sources.iter().enumerate() {
        let (sender, started, project, source) = (
            sender.clone(),
            Arc::clone(&started),
            project.clone(),
            source.clone(),
        );
        pool.spawn(move || {
            let _ = started[index].set(Instant::now());
            let _ = sender.send((index, load_programme(&project, &source)));
        });
    }
    drop(sender);
    let mut loaded: Vec<Option<Loaded>> = sources.iter().map(|_| None).collect();
    let mut given_up = vec![false; sources.len()];
    let mut waiting = sources.len();
    while waiting > 0 {
        match receiver.recv_timeout(Duration::from_millis(50)) {
            Ok((index, done)) if !given_up[index] => {
                loaded[index] = Some(done);
                waiting -= 1;
            }
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                for (index, start) in started.iter().enumerate() {
                    let late = start.get().is_some_and(|at| at.elapsed() >= timeout);
                    if late && loaded[index].is_none() && !given_up[index] {
                        given_up[index] = true;
                        waiting -= 1;
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    loaded
}
