//! The build pipeline: load each programme once and plan where it goes (`plan.rs`), run it on
//! threads of our own with a timeout and panic isolation (`runner.rs`; one programme's outputs
//! in `run.rs`), write the files atomically and update the manifest (`write.rs`) or keep them
//! in memory for `check`. One bad programme does not stop the others.

pub mod cache;
mod plan;
mod run;
mod runner;
mod write;

use run::BUILD_STACK;
pub use runner::Destination;
use write::OutputLock;
pub use write::{BuildLocked, preview_name};

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::ThreadPool;

use anyhow::Result;

use crate::diagnostics::{Diagnostic, SourceFile, has_errors};
use crate::manifest::{Entry, Manifest};
use crate::model::Programme;
use crate::output::OutputKind;
use crate::project::Project;
use crate::sandbox::OutputDir;
use crate::typeset::Typesetter;

#[derive(Clone)]
pub struct BuildOptions {
    /// Where outputs go: `out/<region>/<slug>/…`.
    pub out_dir: PathBuf,
    /// The kinds to write; `None` for each region's defaults ([`OutputKind::defaults`]).
    pub kinds: Option<Vec<OutputKind>>,
    /// Also write a PNG per PDF page, beside the PDF.
    pub preview: bool,
    /// Write the PNG previews into this folder (in the PDF's folder under it) instead of beside
    /// the PDF: `serve` keeps them out of the output folder, which stays the public one.
    pub preview_dir: Option<PathBuf>,
    /// Threads to build with; `None` for one per core.
    pub jobs: Option<usize>,
    /// Called as each programme is done.
    pub progress: Option<Progress>,
    /// The longest one document may take to typeset; a template that loops forever fails the
    /// programme after this instead of hanging the build.
    pub timeout: Duration,
    /// Where to write Typst's timings of the build (`build --timings`), if anywhere.
    pub timings: Option<PathBuf>,
    /// Reuse the build cache (`.trycksak/cache/`): a programme whose inputs are unchanged is
    /// not rendered or written again. `build --force` renders everything (and refreshes it).
    pub cache: bool,
    /// Bring each translation's record (`<slug>.<lang>.sync.yaml`) up to date with what the
    /// translator has done; `check` does not.
    pub record_translations: bool,
}

/// What a build waits for one document by default: the largest programme takes well under a
/// second.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

impl BuildOptions {
    /// Options with the defaults: all kinds by region, no previews, one thread per core.
    pub fn new(out_dir: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            out_dir: out_dir.into(),
            kinds: None,
            preview: false,
            preview_dir: None,
            jobs: None,
            progress: None,
            timeout: DEFAULT_TIMEOUT,
            timings: None,
            cache: true,
            record_translations: true,
        }
    }
}

/// A callback told of each finished programme (for a progress bar).
pub type Progress = Arc<dyn Fn(&Outcome) + Send + Sync>;

/// What happened to one programme.
#[derive(Debug)]
pub struct Outcome {
    /// The source, relative to the project root.
    pub source: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    /// The files written, as recorded in the manifest.
    pub written: Vec<Entry>,
    /// How each output was made, for `-v`.
    pub timings: Vec<Timing>,
    /// The outputs that failed (the others were written): each fails on its own.
    pub failed_kinds: Vec<OutputKind>,
    /// Files written beside the outputs: PNG previews, and the images an HTML page shows.
    pub extras_written: usize,
    /// The files of an earlier build removed because their output failed this time (relative
    /// to the output folder).
    pub removed: Vec<PathBuf>,
    /// The pledges found, by section (`None` for the introduction), when the programme loaded.
    pub pledges: Option<Vec<(Option<String>, usize)>>,
    /// Whether its outputs were as the build cache kept them: nothing was rendered or written.
    pub unchanged: bool,
}

/// How long one output of a programme took, how many layouts its fit search tried, and what it
/// chose, for `-v`.
#[derive(Debug, Clone)]
pub struct Timing {
    pub kind: OutputKind,
    pub elapsed: std::time::Duration,
    pub tries: Option<usize>,
    pub summary: Option<String>,
}

impl Outcome {
    /// The outcome of `source` (relative to the project) before anything is done.
    pub fn new(source: PathBuf) -> Outcome {
        Outcome {
            source,
            diagnostics: Vec::new(),
            written: Vec::new(),
            timings: Vec::new(),
            failed_kinds: Vec::new(),
            extras_written: 0,
            removed: Vec::new(),
            pledges: None,
            unchanged: false,
        }
    }

    pub fn failed(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub outcomes: Vec<Outcome>,
    /// Why `out/manifest.json` could not be brought up to date (the disk is full), if it could
    /// not: the build failed, though each programme's outcome says what was written.
    pub manifest_error: Option<String>,
}

impl BuildReport {
    /// The programmes that failed (a build whose manifest could not be saved failed as well).
    pub fn failed(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.failed())
    }

    /// The files written: outputs and their previews (none of an unchanged programme's).
    pub fn files_written(&self) -> usize {
        self.rebuilt()
            .map(|o| o.written.len() + o.extras_written)
            .sum()
    }

    /// The outputs written (the files the manifest lists; `-v` lists each of them).
    pub fn outputs_written(&self) -> usize {
        self.rebuilt().map(|o| o.written.len()).sum()
    }

    /// The files beside the outputs: the images HTML pages show, and PNG previews.
    pub fn extras_written(&self) -> usize {
        self.rebuilt().map(|o| o.extras_written).sum()
    }

    /// The programmes whose outputs were as the build cache kept them.
    pub fn unchanged(&self) -> usize {
        self.outcomes.iter().filter(|o| o.unchanged).count()
    }

    fn rebuilt(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| !o.unchanged)
    }
}

/// Builds `sources` (absolute paths of programme files) into `options.out_dir`.
/// Errors in a programme are in its [`Outcome`]; `Err` is kept for failures of the whole build,
/// such as an output folder that cannot be written.
///
/// Programmes are loaded and rendered in parallel (`options.jobs` threads); the outcomes, the
/// manifest and every file's bytes are the same whatever the scheduling.
pub fn build(
    project: &Project,
    sources: &[PathBuf],
    options: &BuildOptions,
) -> Result<BuildReport> {
    let pool = thread_pool(options.jobs)?;
    build_with(
        &Arc::new(Typesetter::new(project)),
        &pool,
        project,
        sources,
        options,
    )
}

/// The threads sources are loaded on (`jobs` of them, one per core by default). Also gives
/// rayon's global pool, where Typst does its own parallel work, room for Typst's deep
/// recursion on nested content.
pub fn thread_pool(jobs: Option<usize>) -> Result<ThreadPool> {
    // Fails only when the global pool already exists (a second build in this process).
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(BUILD_STACK)
        .build_global();
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(BUILD_STACK);
    if let Some(jobs) = jobs {
        pool = pool.num_threads(jobs.max(1));
    }
    Ok(pool.build()?)
}

/// [`build`] with fonts and layouts already loaded and the loading threads started (watch mode
/// keeps both): plan, run ([`runner`]), and the manifest and index written. The manifest is
/// brought up to date as programmes finish, so that an interrupted build leaves a manifest that
/// matches `out/`.
pub fn build_with(
    typesetter: &Arc<Typesetter>,
    pool: &ThreadPool,
    project: &Project,
    sources: &[PathBuf],
    options: &BuildOptions,
) -> Result<BuildReport> {
    let out = OutputDir::open(&options.out_dir)?;
    let _lock = OutputLock::acquire(&out)?;
    out.remove_stale_temporaries();
    if options.timings.is_some() {
        typst_timing::enable();
    }
    let jobs = plan::plan(pool, project, sources, options.timeout);
    // The cache: a programme whose key is as kept, with its outputs as written, is done.
    // Without `cache` (`build --force`) every programme is rendered, and the cache refreshed.
    let cache = cache::Cache::open(project, &options.out_dir);
    // Each rendered programme's key, and how many of its problems loading found.
    // A translation's record may be brought up to date by its build: its key is taken again
    // after it, from the programme kept here, so that the next build finds it.
    type Keyed = (String, usize, Option<(Programme, Vec<OutputKind>)>);
    let mut keys: std::collections::HashMap<PathBuf, Keyed> = Default::default();
    let jobs: Vec<(Outcome, Option<Job>)> = jobs
        .into_iter()
        .map(|(mut outcome, job)| {
            let Some(found) = &job else {
                return (outcome, job);
            };
            let kinds = options.kinds.clone().unwrap_or_else(|| {
                OutputKind::defaults(typesetter.layouts().get(&found.programme.meta.region))
            });
            let key = cache.key(&found.programme, &kinds, options.preview);
            let hit = options
                .cache
                .then(|| cache.hit(&outcome.source, &key))
                .flatten();
            if let Some((written, extras, said)) = hit {
                outcome.written = written;
                outcome.extras_written = extras;
                outcome.diagnostics.extend(said);
                outcome.unchanged = true;
                return (outcome, None);
            }
            let again = found
                .programme
                .translation
                .is_some()
                .then(|| (found.programme.clone(), kinds));
            keys.insert(
                outcome.source.clone(),
                (key, outcome.diagnostics.len(), again),
            );
            (outcome, job)
        })
        .collect();
    let mut manifest = Manifest::load(&out);
    // The entries of every output this build may replace go first, in one save before any file
    // is written: a build killed midway leaves a manifest that lists no file it has replaced
    // (their entries come back as their programmes finish). Listing fewer files is true;
    // listing an old checksum for a new file would not be.
    for (outcome, job) in &jobs {
        if let Some(job) = job {
            let kinds = options.kinds.clone().unwrap_or_else(|| {
                OutputKind::defaults(typesetter.layouts().get(&job.programme.meta.region))
            });
            let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
            manifest.forget(&outcome.source.to_string_lossy().replace('\\', "/"), &names);
        }
    }
    // A manifest that cannot be saved (the disk is full) fails the build at its end, after each
    // output has failed or been written on its own and said so.
    let mut manifest_error = manifest.save(&out).err();
    let mut saved = Instant::now();
    let mut finished = |done: &Finished| {
        let outcome = &done.outcome;
        let failed: Vec<&str> = outcome.failed_kinds.iter().map(|k| k.name()).collect();
        manifest.forget(
            &outcome.source.to_string_lossy().replace('\\', "/"),
            &failed,
        );
        manifest.update(outcome.written.iter().cloned());
        if let Some((key, loaded, again)) = keys.get(&outcome.source) {
            let key = match again {
                Some((programme, kinds)) => cache.key(programme, kinds, options.preview),
                None => key.clone(),
            };
            let key = &key;
            if outcome.failed() || !outcome.failed_kinds.is_empty() {
                cache.forget(&outcome.source);
            } else {
                let said = outcome.diagnostics.get(*loaded..).unwrap_or_default();
                cache.store(
                    &outcome.source,
                    key,
                    &outcome.written,
                    outcome.extras_written,
                    said,
                );
            }
        }
        if let Some(progress) = &options.progress {
            progress(outcome);
        }
        if saved.elapsed() > MANIFEST_INTERVAL {
            if let Err(err) = manifest.save(&out) {
                manifest_error.get_or_insert(err);
            }
            saved = Instant::now();
        }
        Ok(())
    };
    let done = runner::run(
        typesetter,
        jobs,
        options,
        Destination::Files(out.clone()),
        &mut finished,
    )?;
    let saved_at_end = manifest.save(&out);
    let manifest_error = saved_at_end
        .err()
        .or(manifest_error)
        .map(|err| format!("{err:#}"));
    if manifest_error.is_none() {
        write::write_index(&out, &manifest, typesetter.layouts())?;
    }
    if let Some(path) = &options.timings {
        let mut trace = Vec::new();
        typesetter
            .export_timings(&mut trace)
            .map_err(|err| anyhow::anyhow!("{}: {err}", t!("cannot-write-timings")))?;
        crate::fsutil::write_atomic(path, &trace)?;
    }
    Ok(BuildReport {
        outcomes: done.into_iter().map(|d| d.outcome).collect(),
        manifest_error,
    })
}

/// What [`build_with`] would do, with nothing written: every programme loaded, planned and
/// rendered by the same runner (its threads, timeout and panic isolation), the outputs of the
/// kinds in `keep` kept in memory. For `check` and `serve`'s previews.
pub fn render_in_memory(
    typesetter: &Arc<Typesetter>,
    pool: &ThreadPool,
    project: &Project,
    sources: &[PathBuf],
    options: &BuildOptions,
    keep: &[OutputKind],
) -> Result<Vec<Finished>> {
    let jobs = plan::plan(pool, project, sources, options.timeout);
    let mut finished = |done: &Finished| {
        if let Some(progress) = &options.progress {
            progress(&done.outcome);
        }
        Ok(())
    };
    runner::run(
        typesetter,
        jobs,
        options,
        Destination::Memory {
            keep: keep.to_vec(),
        },
        &mut finished,
    )
}

/// One programme done: its outcome and, when rendered in memory, its outputs.
pub struct Finished {
    pub outcome: Outcome,
    /// What was rendered, with [`render_in_memory`] (empty when written to files).
    pub kept: Vec<Kept>,
}

impl Finished {
    fn of(outcome: Outcome) -> Finished {
        Finished {
            outcome,
            kept: Vec::new(),
        }
    }
}

/// An output rendered in memory.
pub struct Kept {
    pub kind: OutputKind,
    /// Where the build would write it, relative to the output folder.
    pub path: PathBuf,
    pub rendered: crate::output::Rendered,
}

/// How often a long build brings `out/manifest.json` up to date.
const MANIFEST_INTERVAL: Duration = Duration::from_millis(500);

/// A loaded programme with the output folder it claimed.
pub(super) struct Job {
    programme: Programme,
    file: Arc<SourceFile>,
    folder: PathBuf,
}
