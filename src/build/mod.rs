//! The build pipeline: load each programme once and plan where it goes (here), render every
//! requested output from the model on threads of our own (`run.rs`), write the files
//! atomically and update the manifest (`write.rs`). One bad programme does not stop the others.

mod run;
mod write;

use run::{
    BUILD_STACK, Built, MANIFEST_INTERVAL, Running, Task, build_one, timed_out, write_built,
};
use write::OutputLock;

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use rayon::ThreadPool;
use rayon::prelude::*;

use anyhow::{Context, Result};

use crate::diagnostics::{Diagnostic, SourceFile, has_errors};
use crate::manifest::{Entry, Manifest};
use crate::model::Programme;
use crate::output::OutputKind;
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
    /// Where to write Typst's timings of the build (`build --timings`), if anywhere.
    pub timings: Option<PathBuf>,
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
            timings: None,
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
        }
    }

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
            .map(|o| o.written.len() + o.extras_written)
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
    if options.timings.is_some() {
        typst_timing::enable();
    }

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
    // The longest programmes first, so that no thread is left alone with a long one at the end
    // (a build takes as long as its slowest thread).
    queue
        .make_contiguous()
        .sort_by_key(|task| std::cmp::Reverse(task.job.file.text.len()));
    // Programmes go to threads of their own, not into rayon: Typst's own parallel work runs on
    // rayon's global pool, and a rayon thread waiting there for help steals any queued rayon
    // job, so whole programmes nested on one stack (memory grew with every programme, and a
    // 290-programme build overflowed a stack).
    let threads = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let workers = threads.clamp(1, queue.len().max(1));
    // Fewer programmes than threads (watch rebuilding one): each makes its documents on two.
    let parallel_outputs = workers < threads;
    let queue = Arc::new(Mutex::new(queue));
    // The build threads hand what they rendered to one thread that writes it (each file synced
    // to disk, a wait of its own) and passes the outcome on.
    let (to_write, rendered) = mpsc::channel::<Built>();
    {
        let (options, out) = (options.clone(), out.clone());
        std::thread::Builder::new()
            .name("trycksak-write".into())
            .spawn(move || {
                for built in rendered {
                    if sender.send(write_built(built, &options, &out)).is_err() {
                        break;
                    }
                }
            })
            .context("cannot start the writing thread")?;
    }
    for _ in 0..workers {
        // With a programme for every thread, Typst's parallel work (laying out page runs) stays
        // on the programme's thread, in a rayon pool of that one thread: handed to the global
        // pool, a thread waited there while that pool's threads were busy with another
        // programme's pages, and a core stood idle (a tenth of a 290-programme build). With
        // fewer programmes than threads (watch), one programme's pages use every core.
        let typst_pool = if parallel_outputs {
            None
        } else {
            Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .thread_name(|_| "trycksak-build".into())
                    .stack_size(BUILD_STACK)
                    .build()?,
            )
        };
        let (queue, typesetter, options, to_write) = (
            Arc::clone(&queue),
            Arc::clone(typesetter),
            options.clone(),
            to_write.clone(),
        );
        std::thread::Builder::new()
            .name("trycksak-build".into())
            .stack_size(BUILD_STACK)
            .spawn(move || {
                let run = || loop {
                    let (task, last) = {
                        let mut queue = queue.lock().unwrap_or_else(|e| e.into_inner());
                        (queue.pop_front(), queue.is_empty())
                    };
                    let Some(task) = task else { break };
                    // The last programme also makes its documents on two threads (when there
                    // are two): the other workers are about to finish, and their cores would
                    // stand idle.
                    let two = parallel_outputs || (last && threads > 1);
                    if to_write
                        .send(build_one(&typesetter, task, &options, two))
                        .is_err()
                    {
                        break;
                    }
                };
                match &typst_pool {
                    Some(pool) => pool.install(run),
                    None => run(),
                }
            })
            .context("cannot start a build thread")?;
    }
    drop(to_write);

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
    write::write_index(&out, &manifest, typesetter.layouts())?;
    if let Some(path) = &options.timings {
        let mut trace = Vec::new();
        typesetter
            .export_timings(&mut trace)
            .map_err(|err| anyhow::anyhow!("cannot write the timings: {err}"))?;
        crate::fsutil::write_atomic(path, &trace)?;
    }
    Ok(BuildReport {
        outcomes: outcomes.into_iter().flatten().collect(),
    })
}

/// A loaded programme with the output folder it claimed.
pub(super) struct Job {
    programme: Programme,
    file: Arc<SourceFile>,
    folder: PathBuf,
}
