//! The build pipeline: load each programme once, render every requested output from the model,
//! write the files atomically, update the manifest. One bad programme does not stop the others.

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use rayon::ThreadPool;
use rayon::prelude::*;

use anyhow::{Context, Result};

use crate::diagnostics::{Diagnostic, SourceFile, has_errors};
use crate::manifest::{Entry, Manifest};
use crate::model::Programme;
use crate::output::pdf::PdfContext;
use crate::output::{OutputKind, Rendered};
use crate::project::Project;
use crate::sandbox::OutputDir;
use crate::source::{Loaded, load_programme};
use crate::typeset::Typesetter;

#[derive(Clone)]
pub struct BuildOptions {
    /// Where outputs go: `out/<region>/<slug>/…`.
    pub out_dir: PathBuf,
    /// The kinds to write; `None` for each region's defaults ([`OutputKind::defaults`]).
    pub kinds: Option<Vec<OutputKind>>,
    /// Also write a PNG per PDF page, beside the PDF.
    pub preview: bool,
    /// Threads to build with; `None` for one per core.
    pub jobs: Option<usize>,
    /// Called as each programme is done.
    pub progress: Option<Progress>,
    /// The longest one document may take to typeset; a template that loops forever fails the
    /// programme after this instead of hanging the build.
    pub timeout: Duration,
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
            jobs: None,
            progress: None,
            timeout: DEFAULT_TIMEOUT,
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
    /// PNG previews written beside the PDFs.
    pub previews_written: usize,
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
    pub fn failed(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub outcomes: Vec<Outcome>,
}

impl BuildReport {
    pub fn failed(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.failed())
    }

    /// The files written: outputs and their previews.
    pub fn files_written(&self) -> usize {
        self.outcomes
            .iter()
            .map(|o| o.written.len() + o.previews_written)
            .sum()
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
/// keeps both).
///
/// Programmes are built on `options.jobs` threads of their own; this thread only collects the
/// outcomes, so
/// that it can give up on a document that takes longer than `options.timeout` (its programme
/// fails, the others go on) and turn a panic into that programme's error. Outcomes come back in
/// source order and the manifest is written as programmes finish, so that an interrupted build
/// leaves a manifest that matches `out/`.
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

    let loaded: Vec<Loaded> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| load_programme(project, source))
            .collect()
    });

    // Two programmes must not write into the same folder; the first in source order keeps it.
    let mut claimed: HashMap<PathBuf, PathBuf> = HashMap::new();
    let jobs: Vec<(Outcome, Option<Job>)> = sources
        .iter()
        .zip(loaded)
        .map(|(source, loaded)| {
            let relative = project.relative(source).to_path_buf();
            let mut outcome = Outcome {
                source: relative.clone(),
                diagnostics: loaded.diagnostics,
                written: Vec::new(),
                timings: Vec::new(),
                failed_kinds: Vec::new(),
                previews_written: 0,
            };
            let Some(programme) = loaded.programme else {
                return (outcome, None);
            };
            // Region and slug are checked to be plain names, so this folder is inside `out/`.
            let folder = Path::new(&programme.meta.region).join(&programme.slug);
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
            (
                outcome,
                Some(Job {
                    programme,
                    file: loaded.file,
                    folder,
                }),
            )
        })
        .collect();

    let mut manifest = Manifest::load(&out);
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(jobs.len());
    let mut running: Vec<Option<Arc<Running>>> = Vec::with_capacity(jobs.len());
    let (sender, receiver) = mpsc::channel::<(usize, Outcome)>();
    let mut queue = VecDeque::new();
    for (index, (outcome, job)) in jobs.into_iter().enumerate() {
        let Some(job) = job else {
            if let Some(progress) = &options.progress {
                progress(&outcome);
            }
            outcomes.push(Some(outcome));
            running.push(None);
            continue;
        };
        let state = Arc::new(Running {
            source: outcome.source.clone(),
            current: Mutex::new(None),
            abandoned: AtomicBool::new(false),
        });
        running.push(Some(Arc::clone(&state)));
        outcomes.push(None);
        queue.push_back(Task {
            index,
            outcome,
            job,
            state,
        });
    }
    // Programmes go to threads of their own, not into rayon: Typst's own parallel work runs on
    // rayon's global pool, and a rayon thread waiting there for help steals any queued rayon
    // job, so whole programmes nested on one stack (memory grew with every programme, and a
    // 290-programme build overflowed a stack).
    let workers = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, queue.len().max(1));
    let queue = Arc::new(Mutex::new(queue));
    for _ in 0..workers {
        let (queue, typesetter, options, out, sender) = (
            Arc::clone(&queue),
            Arc::clone(typesetter),
            options.clone(),
            out.clone(),
            sender.clone(),
        );
        std::thread::Builder::new()
            .name("trycksak-build".into())
            .stack_size(BUILD_STACK)
            .spawn(move || {
                loop {
                    let task = queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front();
                    let Some(task) = task else { break };
                    let (index, outcome) = build_one(&typesetter, task, &options, &out);
                    if sender.send((index, outcome)).is_err() {
                        break;
                    }
                }
            })
            .context("cannot start a build thread")?;
    }
    drop(sender);

    let mut waiting = outcomes.iter().filter(|o| o.is_none()).count();
    let mut saved = Instant::now();
    while waiting > 0 {
        let finished = match receiver.recv_timeout(Duration::from_millis(50)) {
            Ok((index, outcome)) if outcomes[index].is_none() => vec![(index, outcome)],
            Ok(_) => Vec::new(),
            Err(mpsc::RecvTimeoutError::Timeout) => timed_out(&running, &outcomes, options),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        for (index, outcome) in finished {
            let failed: Vec<&str> = outcome.failed_kinds.iter().map(|k| k.name()).collect();
            manifest.forget(
                &outcome.source.to_string_lossy().replace('\\', "/"),
                &failed,
            );
            manifest.update(outcome.written.iter().cloned());
            if let Some(progress) = &options.progress {
                progress(&outcome);
            }
            outcomes[index] = Some(outcome);
            waiting -= 1;
        }
        if saved.elapsed() > MANIFEST_INTERVAL {
            manifest.save(&out)?;
            saved = Instant::now();
        }
    }
    manifest.save(&out)?;
    Ok(BuildReport {
        outcomes: outcomes.into_iter().flatten().collect(),
    })
}

/// One programme waiting to be built.
struct Task {
    index: usize,
    outcome: Outcome,
    job: Job,
    state: Arc<Running>,
}

/// Builds one programme; a panic becomes its error.
fn build_one(
    typesetter: &Typesetter,
    task: Task,
    options: &BuildOptions,
    out: &OutputDir,
) -> (usize, Outcome) {
    let Task {
        index,
        outcome,
        job,
        state,
    } = task;
    let source = outcome.source.clone();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut outcome = outcome;
        render_and_write(typesetter, job, options, out, &mut outcome, &state);
        outcome
    }));
    let outcome = result.unwrap_or_else(|panic| internal_error(source, &state, &*panic));
    // Keep memory flat over hundreds of programmes: drop Typst's cached results that the last
    // two programmes did not use (other programmes rarely can).
    typst::comemo::evict(2);
    (index, outcome)
}

/// Stack size of build threads and Typst's: it recurses deeply on nested content.
const BUILD_STACK: usize = 64 << 20;

/// How often a long build brings `out/manifest.json` up to date.
const MANIFEST_INTERVAL: Duration = Duration::from_millis(500);

/// What one programme's thread is doing, for the collecting thread.
struct Running {
    /// The programme, relative to the project.
    source: PathBuf,
    /// The document being typeset and since when.
    current: Mutex<Option<(OutputKind, Instant)>>,
    /// Set when the build gave up on this programme: it must not write anything any more.
    abandoned: AtomicBool,
}

/// The programmes whose current document has taken longer than the timeout: they fail, and
/// their threads are left to finish (or not) without writing anything.
fn timed_out(
    running: &[Option<Arc<Running>>],
    outcomes: &[Option<Outcome>],
    options: &BuildOptions,
) -> Vec<(usize, Outcome)> {
    let mut out = Vec::new();
    for (index, state) in running.iter().enumerate() {
        let Some(state) = state else { continue };
        if outcomes[index].is_some() {
            continue;
        }
        let current = *state.current.lock().unwrap_or_else(|e| e.into_inner());
        let Some((kind, since)) = current else {
            continue;
        };
        if since.elapsed() < options.timeout {
            continue;
        }
        state.abandoned.store(true, Ordering::SeqCst);
        let source = state.source.clone();
        let file = SourceFile::new(source.clone(), String::new());
        let outcome = Outcome {
            source,
            diagnostics: vec![Diagnostic::error(
                &file,
                None,
                format!(
                    "typesetting the {} took longer than {} s and was stopped: the layout's template may loop forever",
                    kind.name(),
                    options.timeout.as_secs_f64()
                ),
            )
            .with_help("look for a loop that never ends in the region's .typ files (layouts/<region>/ or layouts/base/); nothing of this programme was written")],
            written: Vec::new(),
            timings: Vec::new(),
            failed_kinds: Vec::new(),
            previews_written: 0,
        };
        out.push((index, outcome));
    }
    out
}

/// A panic while building one programme: a bug of ours, reported as that programme's error.
fn internal_error(source: PathBuf, state: &Running, panic: &(dyn std::any::Any + Send)) -> Outcome {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    let doing = state
        .current
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .map(|(kind, _)| format!(" while making the {}", kind.name()))
        .unwrap_or_default();
    let file = SourceFile::new(source.clone(), String::new());
    Outcome {
        diagnostics: vec![Diagnostic::error(
            &file,
            None,
            format!("internal error{doing}: {message}"),
        )
        .with_help(format!(
            "this is a bug in trycksak, not in your file: please report it with {} attached; the other programmes were built",
            source.display()
        ))],
        source,
        written: Vec::new(),
        timings: Vec::new(),
        failed_kinds: Vec::new(),
        previews_written: 0,
    }
}

/// An exclusive lock on the output folder for the length of a build: two builds writing into
/// one `out/` at once would interleave their manifests. The second one is refused with a clear
/// message rather than made to wait.
struct OutputLock {
    _file: std::fs::File,
}

const LOCK_FILE: &str = ".trycksak.lock";

impl OutputLock {
    fn acquire(out: &OutputDir) -> Result<OutputLock> {
        let path = out.prepare(Path::new(LOCK_FILE))?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(OutputLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
                "another trycksak build is writing into {} right now; wait until it has finished, or build into another folder with --out",
                out.path().display()
            ),
            Err(std::fs::TryLockError::Error(err)) => {
                Err(err).with_context(|| format!("cannot lock {}", path.display()))
            }
        }
    }
}

/// A loaded programme with the output folder it claimed.
struct Job {
    programme: Programme,
    file: Arc<SourceFile>,
    folder: PathBuf,
}

fn render_and_write(
    typesetter: &Typesetter,
    job: Job,
    options: &BuildOptions,
    out: &OutputDir,
    outcome: &mut Outcome,
    state: &Running,
) {
    let Job {
        programme,
        file,
        folder,
    } = job;
    // A region whose layout has errors cannot build; say so once, before any rendering.
    let layout_problems = typesetter.layouts().problems(&programme.meta.region);
    // Its warnings (ink limits, say) are shown with the programme; the report drops repeats.
    outcome.diagnostics.extend(layout_problems.iter().cloned());
    if has_errors(layout_problems) {
        return;
    }

    // Each output succeeds or fails on its own: a print-only problem (a coarse image) fails the
    // print twins, and the text version and the screen PDFs are still written.
    let cx = PdfContext::new(typesetter, &file, options.preview);
    let kinds = options
        .kinds
        .clone()
        .unwrap_or_else(|| OutputKind::defaults(typesetter.layouts().get(&programme.meta.region)));
    let mut rendered: Vec<(OutputKind, Rendered)> = Vec::new();
    for kind in kinds {
        // A print twin shares its screen twin's layout: when that failed, it fails the same way.
        if kind
            .made_from()
            .is_some_and(|twin| outcome.failed_kinds.contains(&twin))
        {
            outcome.failed_kinds.push(kind);
            continue;
        }
        let started = Instant::now();
        *state.current.lock().unwrap_or_else(|e| e.into_inner()) = Some((kind, started));
        #[cfg(debug_assertions)]
        panic_for_tests(&programme.slug);
        let result = kind.render(&programme, &cx);
        let output = result.as_ref().ok();
        outcome.timings.push(Timing {
            kind,
            elapsed: started.elapsed(),
            tries: output.and_then(|output| output.tries),
            summary: output.and_then(|output| output.summary.clone()),
        });
        match result {
            Ok(output) => {
                // The twins of one layout share its warnings: say each once.
                for warning in &output.warnings {
                    if !outcome
                        .diagnostics
                        .iter()
                        .any(|d| d.short() == warning.short())
                    {
                        outcome.diagnostics.push(warning.clone());
                    }
                }
                rendered.push((kind, output));
            }
            Err(errors) => {
                outcome.failed_kinds.push(kind);
                outcome.diagnostics.extend(errors)
            }
        }
    }
    *state.current.lock().unwrap_or_else(|e| e.into_inner()) = None;
    if state.abandoned.load(Ordering::SeqCst) {
        return;
    }
    for (kind, output) in rendered {
        let name = kind.file_name(&programme.slug, &programme.meta.lang);
        let path = folder.join(&name);
        let mut problems = Vec::new();
        let mut write = |path: &Path, bytes: &[u8]| {
            let result = out.write(path, bytes);
            if let Err(err) = &result {
                problems.push(Diagnostic::error(&file, None, format!("{err:#}")));
            }
            result.is_ok()
        };
        let written = write(&path, &output.bytes);
        // The previews of an earlier build go (it may have had more pages, or this one has
        // none): a folder never shows pages of another version of its PDF.
        if written && output.pages.is_some() {
            let stem = name.trim_end_matches(".pdf").to_string();
            let prefix = format!("{stem}-page-");
            let removed = out.remove_files(&folder, |name| {
                name.starts_with(&prefix) && name.ends_with(".png")
            });
            match removed {
                Ok(()) if options.preview => {
                    for (page, png) in output.previews.iter().enumerate() {
                        if write(&folder.join(preview_name(&stem, page + 1)), png) {
                            outcome.previews_written += 1;
                        }
                    }
                }
                Ok(()) => {}
                Err(err) => problems.push(Diagnostic::error(&file, None, format!("{err:#}"))),
            }
        }
        outcome.diagnostics.extend(problems);
        if !written {
            outcome.failed_kinds.push(kind);
            continue;
        }
        let manifest_path = path.to_string_lossy().replace('\\', "/");
        let mut entry = Entry::new(
            &programme.source,
            &programme.meta.region,
            kind.name(),
            &manifest_path,
            &output.bytes,
            output.pages,
        );
        entry.facts = output.facts;
        outcome.written.push(entry);
    }
    // A failed output keeps the file of an earlier build in place (never half a file), but the
    // manifest no longer lists it as this source's.
    outcome.failed_kinds.sort();
    outcome.failed_kinds.dedup();
}

/// Debug builds only: `TRYCKSAK_TEST_PANIC=<slug>` panics while building that programme, so that
/// the tests can prove a panic stays one programme's error.
#[cfg(debug_assertions)]
fn panic_for_tests(slug: &str) {
    if std::env::var("TRYCKSAK_TEST_PANIC").is_ok_and(|target| target == slug) {
        panic!("TRYCKSAK_TEST_PANIC asked for a panic in {slug}");
    }
}

/// `<stem>-page-01.png`: zero-padded so that the pages sort in order.
fn preview_name(stem: &str, page: usize) -> String {
    format!("{stem}-page-{page:02}.png")
}
