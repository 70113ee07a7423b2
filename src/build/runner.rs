//! The one runner of `build` and `check`: each programme rendered on a build thread of our own,
//! what it rendered written (or kept in memory) by one writing thread, and this thread
//! collecting the outcomes, so that it can give up on a document that takes longer than the
//! timeout (its programme fails, the others go on) and turn a panic into that programme's
//! error. Outcomes come back in source order, whatever the scheduling.

use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use anyhow::{Context, Result};

use super::run::{BUILD_STACK, Built, Running, Task, build_one, finish_built, timed_out};
use super::{BuildOptions, Finished, Job, Outcome};
use crate::output::OutputKind;
use crate::sandbox::OutputDir;
use crate::typeset::Typesetter;

/// Where rendered outputs go.
#[derive(Clone)]
pub enum Destination {
    /// Written into the output folder, each file atomically (`build`).
    Files(OutputDir),
    /// Kept in memory and handed back, of the kinds listed (`check` wants only the report and
    /// the print twins, and a big project's outputs would fill the memory).
    Memory { keep: Vec<OutputKind> },
}

/// Runs the `jobs` of a plan (each source's outcome so far and, when it loaded, its job) and
/// returns every source's [`Finished`] in source order. `finished` is told of each as it comes
/// (the build updates its manifest there); an error from it stops the run.
pub(super) fn run(
    typesetter: &Arc<Typesetter>,
    jobs: Vec<(Outcome, Option<Job>)>,
    options: &BuildOptions,
    destination: Destination,
    finished: &mut dyn FnMut(&Finished) -> Result<()>,
) -> Result<Vec<Finished>> {
    let mut results: Vec<Option<Finished>> = Vec::with_capacity(jobs.len());
    let mut running: Vec<Option<Arc<Running>>> = Vec::with_capacity(jobs.len());
    let mut queue = VecDeque::new();
    for (index, (outcome, job)) in jobs.into_iter().enumerate() {
        let Some(job) = job else {
            let done = Finished::of(outcome);
            finished(&done)?;
            results.push(Some(done));
            running.push(None);
            continue;
        };
        let state = Arc::new(Running {
            source: outcome.source.clone(),
            current: Mutex::new(Vec::new()),
            abandoned: AtomicBool::new(false),
        });
        running.push(Some(Arc::clone(&state)));
        results.push(None);
        queue.push_back(Task {
            index,
            outcome,
            job,
            state,
        });
    }
    // The longest programmes first, so that no thread is left alone with a long one at the end
    // (a build takes as long as its slowest thread): by length in steps of 4 kB, and within a
    // step by language, so that programmes of one language follow each other and Typst's
    // cache, which keeps what the last two programmes used, serves the next one (a project of
    // programmes in four languages interleaved them: each found nothing of its language's
    // there).
    queue.make_contiguous().sort_by(|a, b| {
        let step = |task: &Task| std::cmp::Reverse(task.job.file.text.len() >> 12);
        let (a_lang, b_lang) = (&a.job.programme.meta.lang, &b.job.programme.meta.lang);
        (step(a), a_lang).cmp(&(step(b), b_lang))
    });
    let (sender, receiver) = mpsc::channel::<(usize, Finished)>();
    let to_write = spawn_writer(options, destination, sender)?;
    spawn_workers(typesetter, queue, options, to_write)?;
    collect(&receiver, &running, results, options, finished)
}

/// The thread the build threads hand what they rendered to: it writes each file (synced to
/// disk, a wait of its own) or keeps it, and passes the outcome on.
fn spawn_writer(
    options: &BuildOptions,
    destination: Destination,
    sender: mpsc::Sender<(usize, Finished)>,
) -> Result<mpsc::Sender<Built>> {
    let (to_write, rendered) = mpsc::channel::<Built>();
    let options = options.clone();
    std::thread::Builder::new()
        .name("trycksak-write".into())
        .spawn(move || {
            for built in rendered {
                if sender
                    .send(finish_built(built, &options, &destination))
                    .is_err()
                {
                    break;
                }
            }
        })
        .with_context(|| t!("cannot-start", what = "writer"))?;
    Ok(to_write)
}

/// The build threads: each takes the next programme from `queue` until it is empty.
///
/// Programmes go to threads of our own, not into rayon: Typst's own parallel work runs on
/// rayon's global pool, and a rayon thread waiting there for help steals any queued rayon job,
/// so whole programmes nested on one stack (memory grew with every programme, and a
/// 290-programme build overflowed a stack).
fn spawn_workers(
    typesetter: &Arc<Typesetter>,
    queue: VecDeque<Task>,
    options: &BuildOptions,
    to_write: mpsc::Sender<Built>,
) -> Result<()> {
    let threads = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let workers = threads.clamp(1, queue.len().max(1));
    // Fewer programmes than threads (watch rebuilding one): each makes its documents on two.
    let parallel_outputs = workers < threads;
    typesetter.fit_exports_to(threads);
    let queue = Arc::new(Mutex::new(queue));
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
        let work = move || {
            let run = || {
                work_through(
                    &queue,
                    &typesetter,
                    &options,
                    &to_write,
                    threads,
                    parallel_outputs,
                )
            };
            match &typst_pool {
                Some(pool) => pool.install(run),
                None => run(),
            }
        };
        std::thread::Builder::new()
            .name("trycksak-build".into())
            .stack_size(BUILD_STACK)
            .spawn(work)
            .with_context(|| t!("cannot-start", what = "builder"))?;
    }
    Ok(())
}

/// One build thread's loop: the next programme, rendered, handed to the writing thread.
fn work_through(
    queue: &Mutex<VecDeque<Task>>,
    typesetter: &Typesetter,
    options: &BuildOptions,
    to_write: &mpsc::Sender<Built>,
    threads: usize,
    parallel_outputs: bool,
) {
    loop {
        let (task, last) = {
            let mut queue = queue.lock().unwrap_or_else(|e| e.into_inner());
            (queue.pop_front(), queue.is_empty())
        };
        let Some(task) = task else { break };
        // The last programme also makes its documents on two threads (when there are two): the
        // other workers are about to finish, and their cores would stand idle.
        let two = parallel_outputs || (last && threads > 1);
        if to_write
            .send(build_one(typesetter, task, options, two))
            .is_err()
        {
            break;
        }
    }
}

/// Waits for every programme: each one finished, or given up on after the timeout.
fn collect(
    receiver: &mpsc::Receiver<(usize, Finished)>,
    running: &[Option<Arc<Running>>],
    mut results: Vec<Option<Finished>>,
    options: &BuildOptions,
    finished: &mut dyn FnMut(&Finished) -> Result<()>,
) -> Result<Vec<Finished>> {
    let mut waiting = results.iter().filter(|o| o.is_none()).count();
    while waiting > 0 {
        let arrived = match receiver.recv_timeout(Duration::from_millis(50)) {
            Ok((index, done)) if results[index].is_none() => vec![(index, done)],
            Ok(_) => Vec::new(),
            Err(mpsc::RecvTimeoutError::Timeout) => timed_out(running, &results, options)
                .into_iter()
                .map(|(index, outcome)| (index, Finished::of(outcome)))
                .collect(),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        for (index, done) in arrived {
            finished(&done)?;
            results[index] = Some(done);
            waiting -= 1;
        }
    }
    Ok(results.into_iter().flatten().collect())
}
