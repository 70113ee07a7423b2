//! Watch mode: build, then rebuild only what a change affects, with fonts, layouts and Typst's
//! caches kept warm between builds.
//!
//! - a changed programme source rebuilds that programme;
//! - a change in `layouts/<region>/` reloads the layouts and rebuilds that region's programmes
//!   (every programme for `layouts/base/`);
//! - a change in `fonts/` or any other file (an image, say) reloads everything and rebuilds the
//!   programmes it may concern (all, to be safe);
//! - the output folder is ignored, so our own writes never trigger a build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdCache, NoCache, new_debouncer, new_debouncer_opt,
};

use crate::build::{BuildOptions, BuildReport, build_with, thread_pool};
use crate::project::{BASE_REGION, FONTS_DIR, LAYOUTS_DIR, PROGRAMMES_DIR, Project};
use crate::typeset::Typesetter;

/// How long after the last event of a change to rebuild, so that an editor's save (often
/// several events) gives one rebuild (`notify-debouncer-full` waits it out).
pub const DEBOUNCE: Duration = Duration::from_millis(30);

pub struct WatchOptions {
    pub build: BuildOptions,
    /// The sources selected on the command line (empty for all).
    pub paths: Vec<PathBuf>,
    /// Poll the file system at this interval instead of waiting for its events (for file
    /// systems that do not report changes, such as some network and container mounts).
    pub poll: Option<Duration>,
}

/// What happened, for the command line to print.
pub enum WatchEvent<'a> {
    /// A build finished: why, what it built, how long it took.
    Built {
        reason: &'a str,
        report: &'a BuildReport,
        elapsed: Duration,
    },
    /// The project could not be read (the watch goes on).
    Failed(&'a anyhow::Error),
    /// Another build holds the output folder: this one waits for it (and then builds).
    Waiting(&'a crate::build::BuildLocked),
}

/// How often a build that waits for another one's lock tries again.
const LOCK_RETRY: Duration = Duration::from_millis(250);

/// A debounced watcher of either kind (the system's events, or polling).
trait Watched {
    fn watch_recursively(&mut self, root: &Path) -> notify::Result<()>;
}

impl<T: notify::Watcher, C: FileIdCache> Watched for Debouncer<T, C> {
    fn watch_recursively(&mut self, root: &Path) -> notify::Result<()> {
        self.watch(root, RecursiveMode::Recursive)
    }
}

/// Builds, then watches until the process is stopped.
pub fn watch(
    project: &Project,
    options: &WatchOptions,
    mut on_event: impl FnMut(WatchEvent),
) -> Result<()> {
    let (sender, receiver) = mpsc::channel::<Vec<PathBuf>>();
    // The events of one save (an editor writes, renames and touches several files) come as one
    // batch, `DEBOUNCE` after the last of them.
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let paths: Vec<PathBuf> = events
            .into_iter()
            // Only changes: reading a file (as our own build does) must not trigger a build.
            .filter(|event| {
                matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                )
            })
            .flat_map(|event| event.event.paths)
            .collect();
        if !paths.is_empty() {
            let _ = sender.send(paths);
        }
    };
    let mut watcher: Box<dyn Watched> = match options.poll {
        Some(interval) => Box::new(new_debouncer_opt::<_, notify::PollWatcher, NoCache>(
            DEBOUNCE,
            None,
            handler,
            NoCache,
            notify::Config::default().with_poll_interval(interval),
        )?),
        None => Box::new(new_debouncer(DEBOUNCE, None, handler)?),
    };
    watcher
        .watch_recursively(&project.root)
        .with_context(|| t!("cannot-watch", path = project.root.display().to_string()))?;

    let mut project = project.clone();
    let mut typesetter = Arc::new(Typesetter::new(&project));
    let pool = thread_pool(options.build.jobs)?;
    let mut rebuild =
        |project: &Project, typesetter: &Arc<Typesetter>, sources: Vec<PathBuf>, reason: &str| {
            let mut waited = false;
            loop {
                let started = Instant::now();
                match build_with(typesetter, &pool, project, &sources, &options.build) {
                    Ok(report) => on_event(WatchEvent::Built {
                        reason,
                        report: &report,
                        elapsed: started.elapsed(),
                    }),
                    // Another build (a CLI `build`) is writing: wait for it, so that the
                    // edit that started this one is never lost.
                    Err(err) if err.downcast_ref::<crate::build::BuildLocked>().is_some() => {
                        if !std::mem::replace(&mut waited, true)
                            && let Some(locked) = err.downcast_ref()
                        {
                            on_event(WatchEvent::Waiting(locked));
                        }
                        std::thread::sleep(LOCK_RETRY);
                        continue;
                    }
                    Err(err) => on_event(WatchEvent::Failed(&err)),
                }
                break;
            }
        };
    let sources = project.select_sources(&options.paths).unwrap_or_default();
    rebuild(&project, &typesetter, sources, &t!("watch-start"));

    while let Ok(batch) = receiver.recv() {
        let mut changed: BTreeSet<PathBuf> = batch.into_iter().collect();
        // Batches that came while the last build ran are one change.
        while let Ok(more) = receiver.try_recv() {
            changed.extend(more);
        }
        // Inputs only; of files that are gone again, only programme sources (an editor's or
        // sed's temporary file comes and goes).
        changed.retain(|path| {
            is_input(&project, &options.build.out_dir, path)
                && (path.exists() || path.extension().is_some_and(|e| e == "md"))
                && !path.is_dir()
        });
        if changed.is_empty() {
            continue;
        }
        let affected = match affected(&project, &changed) {
            // Nothing any programme reads (a log file, a note): no build.
            Affected::Programmes(sources) if sources.is_empty() => continue,
            Affected::Programmes(sources) => sources,
            Affected::Region(region, mut programmes) => {
                project = Project::open(&project.root)?;
                typesetter = Arc::new(Typesetter::new(&project));
                for source in programmes_of_region(&project, &region) {
                    if !programmes.contains(&source) {
                        programmes.push(source);
                    }
                }
                programmes.sort();
                programmes
            }
            Affected::Everything => {
                project = Project::open(&project.root)?;
                typesetter = Arc::new(Typesetter::new(&project));
                project.programme_sources().unwrap_or_default()
            }
        };
        let selected = project.select_sources(&options.paths).unwrap_or_default();
        let sources: Vec<PathBuf> = affected
            .into_iter()
            .filter(|s| options.paths.is_empty() || selected.contains(s))
            .collect();
        let mut reason = changed
            .iter()
            .take(3)
            .map(|p| project.relative(p).display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        if changed.len() > 3 {
            reason.push_str(&t!("watch-and-more", count = changed.len() - 3));
        }
        rebuild(&project, &typesetter, sources, &reason);
    }
    Ok(())
}

/// Whether a changed path is an input of the build: not in the output folder, not hidden (an
/// editor's swap file, `.git`), and inside the project.
fn is_input(project: &Project, out_dir: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(&project.root) else {
        return false;
    };
    if path.starts_with(out_dir) || relative.starts_with("target") {
        return false;
    }
    !relative.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.')
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".tmp")
    })
}

enum Affected {
    Programmes(Vec<PathBuf>),
    /// A region's layout changed (and maybe some programmes too).
    Region(String, Vec<PathBuf>),
    Everything,
}

fn affected(project: &Project, changed: &BTreeSet<PathBuf>) -> Affected {
    let mut programmes = Vec::new();
    let mut region = None;
    for path in changed {
        let relative = project.relative(path);
        let mut parts = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        match parts.next().as_deref() {
            Some(PROGRAMMES_DIR) if path.extension().is_some_and(|e| e == "md") => {
                if path.is_file() {
                    programmes.push(path.clone());
                }
                // An original's translations compare themselves with it, and its page links
                // theirs: the language versions beside it are rebuilt with it.
                for version in crate::translation::family(path) {
                    if !programmes.contains(&version) {
                        programmes.push(version);
                    }
                }
            }
            Some(LAYOUTS_DIR) => match parts.next() {
                Some(name) if name != BASE_REGION && region.as_ref().is_none_or(|r| *r == name) => {
                    region = Some(name)
                }
                _ => return Affected::Everything,
            },
            Some(FONTS_DIR) => return Affected::Everything,
            // Any other file (a picture, or a log the watch itself writes into the project):
            // the programmes whose text names it, and none else. A log never rebuilds anything.
            _ => {
                for source in naming(project, path) {
                    if !programmes.contains(&source) {
                        programmes.push(source);
                    }
                }
            }
        }
    }
    match region {
        Some(region) => Affected::Region(region, programmes),
        None => Affected::Programmes(programmes),
    }
}

/// The programme sources whose text names the file at `path` (its file name, as an image's
/// path ends): the ones a changed picture is rebuilt for.
fn naming(project: &Project, path: &Path) -> Vec<PathBuf> {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    project
        .programme_sources()
        .unwrap_or_default()
        .into_iter()
        .filter(|source| std::fs::read_to_string(source).is_ok_and(|text| text.contains(name)))
        .collect()
}

/// The sources whose front matter names `region` (sources that do not load are included, so
/// their errors are shown again).
fn programmes_of_region(project: &Project, region: &str) -> Vec<PathBuf> {
    project
        .programme_sources()
        .unwrap_or_default()
        .into_iter()
        .filter(|source| {
            crate::source::load_programme(project, source)
                .programme
                .is_none_or(|p| p.meta.region == region)
        })
        .collect()
}
