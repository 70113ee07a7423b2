//! One programme's run: its outputs rendered each on its own (a print-only problem fails the
//! print twins alone), then written or kept by the writing thread; a document that takes too
//! long, or a panic, becomes that programme's error while the others go on. The threads are
//! `runner.rs`'s.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::runner::Destination;
use super::write::write_outputs;
use super::{BuildOptions, Finished, Job, Kept, Outcome, Timing};
use crate::diagnostics::{Diagnostic, has_errors};
use crate::model::Programme;
use crate::output::{Made, RenderContext};
use crate::output::{OutputKind, Rendered};
use crate::typeset::Typesetter;

/// One programme waiting to be built.
pub(super) struct Task {
    pub(super) index: usize,
    pub(super) outcome: Outcome,
    pub(super) job: Job,
    pub(super) state: Arc<Running>,
}

/// A programme rendered, on its way to the writing thread.
pub(super) struct Built {
    index: usize,
    outcome: Outcome,
    /// What to write, and the job it was made from; none after a panic.
    files: Option<(Job, Vec<(OutputKind, Rendered)>)>,
    state: Arc<Running>,
}

/// Renders one programme; a panic becomes its error. Writing is left to [`write_built`], on
/// a thread of its own.
/// With `parallel_outputs` (a core is spare: `watch` rebuilding one programme), its documents
/// are made on two threads.
pub(super) fn build_one(
    typesetter: &Typesetter,
    task: Task,
    options: &BuildOptions,
    parallel_outputs: bool,
) -> Built {
    let Task {
        index,
        outcome,
        job,
        state,
    } = task;
    let source = outcome.source.clone();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut outcome = outcome;
        let rendered = render(
            typesetter,
            &job,
            options,
            &mut outcome,
            &state,
            parallel_outputs,
        );
        (outcome, rendered)
    }));
    // Keep memory flat over hundreds of programmes: drop Typst's cached results that the last
    // two programmes did not use (other programmes rarely can).
    typst::comemo::evict(2);
    match result {
        Ok((outcome, rendered)) => Built {
            index,
            outcome,
            files: Some((job, rendered)),
            state,
        },
        Err(panic) => Built {
            index,
            outcome: internal_error(source, &state, &*panic),
            files: None,
            state,
        },
    }
}

/// Writes what a programme rendered, or keeps it in memory (unless the run gave up on it: then
/// nothing); a panic becomes its error. On a thread of its own, so that the build threads go on
/// typesetting while each file is written and synced to disk.
pub(super) fn finish_built(
    built: Built,
    options: &BuildOptions,
    destination: &Destination,
) -> (usize, Finished) {
    let Built {
        index,
        outcome,
        files,
        state,
    } = built;
    let Some((job, rendered)) = files else {
        return (index, Finished::of(outcome));
    };
    if state.abandoned.load(Ordering::SeqCst) {
        return (index, Finished::of(outcome));
    }
    let out = match destination {
        Destination::Files(out) => out,
        Destination::Memory { keep } => {
            let kept = rendered
                .into_iter()
                .filter(|(kind, _)| keep.contains(kind))
                .map(|(kind, rendered)| Kept {
                    kind,
                    path: job.folder.join(job.programme.output_file(kind)),
                    rendered,
                })
                .collect();
            return (index, Finished { outcome, kept });
        }
    };
    let source = outcome.source.clone();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut outcome = outcome;
        write_outputs(out, &job, rendered, options, &mut outcome);
        outcome
    }));
    let outcome = result.unwrap_or_else(|panic| internal_error(source, &state, &*panic));
    (index, Finished::of(outcome))
}

/// Stack size of build threads and Typst's: it recurses deeply on nested content.
pub(super) const BUILD_STACK: usize = 64 << 20;

/// What one programme's thread is doing, for the collecting thread.
pub(super) struct Running {
    /// The programme, relative to the project.
    pub(super) source: PathBuf,
    /// The documents being typeset and since when: one, or two when the programme's
    /// documents are made on two threads. A panic or a timeout names the first of them in
    /// `KINDS`' order, so that the message does not depend on which thread was quicker.
    pub(super) current: Mutex<Vec<(OutputKind, Instant)>>,
    /// Set when the build gave up on this programme: it must not write anything any more.
    pub(super) abandoned: AtomicBool,
}

/// The programmes whose current document has taken longer than the timeout: they fail, and
/// their threads are left to finish (or not) without writing anything.
pub(super) fn timed_out(
    running: &[Option<Arc<Running>>],
    outcomes: &[Option<Finished>],
    options: &BuildOptions,
) -> Vec<(usize, Outcome)> {
    let mut out = Vec::new();
    for (index, state) in running.iter().enumerate() {
        let Some(state) = state else { continue };
        if outcomes[index].is_some() {
            continue;
        }
        let late = state
            .current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(_, since)| since.elapsed() >= options.timeout)
            .map(|(kind, _)| *kind)
            .min();
        let Some(kind) = late else {
            continue;
        };
        state.abandoned.store(true, Ordering::SeqCst);
        let mut outcome = Outcome::new(state.source.clone());
        outcome.diagnostics.push(
            Diagnostic::about(
                &state.source,
                t!(
                    "typesetting-timed-out",
                    kind = kind.name(),
                    seconds = options.timeout.as_secs_f64()
                ),
            )
            .with_help(t!("typesetting-timed-out.help")),
        );
        out.push((index, outcome));
    }
    out
}

/// A panic while building one programme: a bug of ours, reported as that programme's error.
fn internal_error(source: PathBuf, state: &Running, panic: &(dyn std::any::Any + Send)) -> Outcome {
    let message = crate::diagnostics::panic_message(panic);
    // What panicked is still listed as being made (only a finished document leaves the list).
    let doing = state
        .current
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .map(|(kind, _)| *kind)
        .min()
        .map_or("none", |kind| kind.name());
    let mut outcome = Outcome::new(source.clone());
    outcome.diagnostics.push(
        Diagnostic::about(
            &source,
            t!("internal-error", kind = doing, message = message),
        )
        .with_help(t!(
            "internal-error.help",
            source = source.display().to_string()
        )),
    );
    outcome
}

/// Renders the outputs of `job`'s programme, each on its own: a print-only problem (a coarse
/// image) fails the print twins, and the text version and the screen PDFs are still made.
/// Failures go into `outcome`; a region whose layout has errors renders nothing.
pub(super) fn render(
    typesetter: &Typesetter,
    job: &Job,
    options: &BuildOptions,
    outcome: &mut Outcome,
    state: &Running,
    parallel_outputs: bool,
) -> Vec<(OutputKind, Rendered)> {
    let Job {
        programme, file, ..
    } = job;
    // A region whose layout has errors cannot build; say so once, before any rendering.
    let layout_problems = typesetter.layouts().problems(&programme.meta.region);
    // Its warnings (ink limits, say) are shown with the programme; the report drops repeats.
    outcome.diagnostics.extend(layout_problems.iter().cloned());
    if has_errors(layout_problems) {
        return Vec::new();
    }
    // A translation: how it stands with its original; behind it, with the switch, it builds
    // nothing.
    if programme.translation.is_some() {
        let setting = programme.meta.translations_out_of_date.unwrap_or_else(|| {
            typesetter
                .layouts()
                .get(&programme.meta.region)
                .map_or_else(Default::default, |layout| layout.translations_out_of_date)
        });
        let found = crate::translation::check::check(
            typesetter.root(),
            programme,
            file,
            setting,
            options.record_translations,
        );
        let stop = has_errors(&found);
        outcome.diagnostics.extend(found);
        if stop {
            return Vec::new();
        }
    }
    let kinds = options
        .kinds
        .clone()
        .unwrap_or_else(|| OutputKind::defaults(typesetter.layouts().get(&programme.meta.region)));
    let cx = RenderContext::new(typesetter, file, options.preview);
    // What lists the others (the HTML version's downloads) is made after them all, and is
    // handed what they made.
    let (first, last): (Vec<OutputKind>, Vec<OutputKind>) =
        kinds.iter().partition(|kind| !kind.lists_others());
    let mut attempts = attempt_all(&first, programme, &cx, state, parallel_outputs);
    skip_twins_of_failed(&mut attempts);
    let made: Vec<Made> = attempts
        .iter()
        .filter_map(|a| match &a.result {
            Some(Ok(output)) => Some(made_of(a.kind, programme, output)),
            _ => None,
        })
        .collect();
    for &kind in &last {
        attempts.push(attempt(kind, programme, &cx, state, &made));
    }
    // In the order of `kinds`, so that messages and the manifest do not depend on timing.
    attempts.sort_by_key(|a| kinds.iter().position(|k| *k == a.kind));
    state
        .current
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    into_outcome(attempts, outcome)
}

/// The attempts at `kinds`, in their order: made by one thread, or (with a core to spare, as
/// when `watch` rebuilds one programme) by two taking the next one in turn; a print twin made
/// on the other thread waits there for its screen twin's layout.
fn attempt_all(
    kinds: &[OutputKind],
    programme: &Programme,
    cx: &RenderContext,
    state: &Running,
    two_threads: bool,
) -> Vec<Attempt> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        while let Some(&kind) = kinds.get(next.fetch_add(1, Ordering::SeqCst)) {
            mine.push(attempt(kind, programme, cx, state, &[]));
        }
        mine
    };
    let mut attempts = if two_threads && kinds.len() > 1 {
        std::thread::scope(|scope| {
            // Threads of our own, not rayon's, for the reason `runner.rs` gives for its own.
            let helper = std::thread::Builder::new()
                .name("trycksak-outputs".into())
                .stack_size(BUILD_STACK)
                .spawn_scoped(scope, work);
            let mut mine = work();
            if let Ok(helper) = helper {
                // A panic there is the programme's: its own catch_unwind makes it its error.
                match helper.join() {
                    Ok(theirs) => mine.extend(theirs),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            mine
        })
    } else {
        work()
    };
    attempts.sort_by_key(|a| kinds.iter().position(|k| *k == a.kind));
    attempts
}

/// A print twin shares its screen twin's layout: when that failed, this one failed the same
/// way, and says nothing of its own.
fn skip_twins_of_failed(attempts: &mut [Attempt]) {
    let failed: Vec<OutputKind> = attempts
        .iter()
        .filter(|a| !matches!(a.result, Some(Ok(_))))
        .map(|a| a.kind)
        .collect();
    for attempt in attempts {
        if attempt
            .kind
            .made_from()
            .is_some_and(|twin| failed.contains(&twin))
        {
            *attempt = Attempt::skipped(attempt.kind);
        }
    }
}

/// The attempts' timings, failures and warnings into `outcome`; what was rendered, in order.
fn into_outcome(attempts: Vec<Attempt>, outcome: &mut Outcome) -> Vec<(OutputKind, Rendered)> {
    let mut rendered: Vec<(OutputKind, Rendered)> = Vec::new();
    for Attempt {
        kind,
        result,
        timing,
    } in attempts
    {
        outcome.timings.extend(timing);
        match result {
            None => outcome.failed_kinds.push(kind),
            Some(Ok(output)) => {
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
            Some(Err(errors)) => {
                outcome.failed_kinds.push(kind);
                outcome.diagnostics.extend(errors)
            }
        }
    }
    rendered
}

/// One output tried: its result (`None` when it was not tried, its twin having failed) and
/// how long it took.
struct Attempt {
    kind: OutputKind,
    result: Option<Result<Rendered, Vec<Diagnostic>>>,
    timing: Option<Timing>,
}

impl Attempt {
    fn skipped(kind: OutputKind) -> Attempt {
        Attempt {
            kind,
            result: None,
            timing: None,
        }
    }
}

fn attempt(
    kind: OutputKind,
    programme: &Programme,
    cx: &RenderContext,
    state: &Running,
    made: &[Made],
) -> Attempt {
    let started = Instant::now();
    state
        .current
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((kind, started));
    #[cfg(debug_assertions)]
    panic_for_tests(&programme.slug);
    let result = kind.render(programme, cx, made);
    state
        .current
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|(running, _)| *running != kind);
    let output = result.as_ref().ok();
    let timing = Timing {
        kind,
        elapsed: started.elapsed(),
        tries: output.and_then(|output| output.tries),
        summary: output.and_then(|output| output.summary.clone()),
    };
    Attempt {
        kind,
        result: Some(result),
        timing: Some(timing),
    }
}

fn made_of(kind: OutputKind, programme: &Programme, output: &Rendered) -> Made {
    Made {
        kind,
        file: programme.output_file(kind),
        bytes: output.bytes.len(),
        pages: output.pages,
    }
}

/// Debug builds only: `TRYCKSAK_TEST_PANIC=<slug>` panics while building that programme, so that
/// the tests can prove a panic stays one programme's error.
#[cfg(debug_assertions)]
fn panic_for_tests(slug: &str) {
    if std::env::var("TRYCKSAK_TEST_PANIC").is_ok_and(|target| target == slug) {
        panic!("TRYCKSAK_TEST_PANIC asked for a panic in {slug}");
    }
}
