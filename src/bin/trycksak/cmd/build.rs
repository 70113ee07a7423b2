use std::time::Instant;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressStyle};
use trycksak::build::{BuildOptions, Outcome, Progress, build};
use trycksak::project::shard;

use super::{Result, Selection, open, report};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    selection: Selection,

    /// Also write a PNG of every PDF page beside the PDF, to look at without a PDF viewer.
    #[arg(long)]
    preview: bool,

    /// Build with N threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Build only shard K of N (e.g. `2/4`) of the programmes, to spread a build over CI
    /// runners; the shards' manifests merge by concatenating their `outputs`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,

    /// Also write where Typst spent its time, by template line, to FILE (a trace in Chrome's
    /// format, as `typst compile --timings` writes: open it in Perfetto or chrome://tracing).
    #[arg(long, value_name = "FILE")]
    timings: Option<PathBuf>,

    /// Render every programme again, whatever the build cache (.trycksak/cache/) holds.
    #[arg(long, alias = "no-cache")]
    force: bool,
}

fn parse_shard(text: &str) -> std::result::Result<(usize, usize), String> {
    let (k, n) = text.split_once('/').ok_or_else(|| t!("shard-form"))?;
    let (k, n): (usize, usize) = match (k.trim().parse(), n.trim().parse()) {
        (Ok(k), Ok(n)) => (k, n),
        _ => return Err(t!("shard-form")),
    };
    if n == 0 || k == 0 || k > n {
        return Err(t!("shard-range", shard = format!("{k}/{n}")));
    }
    Ok((k, n))
}

pub fn run(env: &Env, args: Args) -> Result<Status> {
    let started = Instant::now();
    let (project, mut sources) = open(env, &args.selection.paths)?;
    if let Some((k, n)) = args.shard {
        sources = shard(sources, k, n);
    }
    let progress = progress_bar(env, sources.len());
    let kinds = args.selection.kinds();
    let out_dir = project.root.join(&args.selection.out);
    let report_ = build(
        &project,
        &sources,
        &BuildOptions {
            out_dir,
            kinds,
            preview: args.preview,
            preview_dir: None,
            jobs: args.jobs,
            progress: progress.clone().map(observer),
            timeout: args.selection.timeout(),
            timings: args.timings,
            cache: !args.force,
            record_translations: true,
        },
    )?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    report(env, &report_.outcomes);

    if env.verbose {
        for outcome in &report_.outcomes {
            for entry in &outcome.written {
                let Some(timing) = outcome.timings.iter().find(|t| t.kind.name() == entry.kind)
                else {
                    continue;
                };
                let pages = entry
                    .pages
                    .map(|n| format!(", {}", t!("pages", count = n)))
                    .unwrap_or_default();
                let chosen = timing
                    .summary
                    .as_ref()
                    .map(|summary| format!(", {summary}"))
                    .unwrap_or_default();
                let tries = timing
                    .tries
                    .map(|n| format!(", {}", t!("layouts-tried", count = n)))
                    .unwrap_or_default();
                let ms = (timing.elapsed.as_secs_f64() * 1000.0).round();
                eprintln!(
                    "{}",
                    t!(
                        "wrote",
                        path = format!("{}/{}", args.selection.out.display(), entry.path),
                        details = format!("{pages}{chosen}"),
                        ms = ms,
                        tries = tries
                    )
                );
            }
        }
    }
    let failed: Vec<_> = report_.failed().collect();
    let built = report_.outcomes.len() - failed.len();
    let partly = failed.iter().filter(|o| !o.written.is_empty()).count();
    if !env.quiet {
        eprintln!(
            "{}",
            t!(
                "built",
                programmes = built,
                partly = partly,
                files = report_.outputs_written(),
                extras = report_.extras_written(),
                unchanged = report_.unchanged(),
                out = format!("{}/", args.selection.out.display()),
                seconds = trycksak::messages::decimal(started.elapsed().as_secs_f64(), 2)
            )
        );
    }
    if let Some(err) = &report_.manifest_error {
        eprintln!(
            "{}: {}",
            t!("error"),
            t!("manifest-not-saved", why = err.as_str())
        );
    }
    if failed.is_empty() {
        return Ok(if report_.manifest_error.is_none() {
            Status::Success
        } else {
            Status::Failure
        });
    }
    eprintln!("{}", t!("failed-programmes", count = failed.len()));
    for outcome in failed {
        // The outputs that failed, when the others were written.
        let kinds: Vec<&str> = outcome.failed_kinds.iter().map(|k| k.name()).collect();
        if kinds.is_empty() || outcome.written.is_empty() {
            eprintln!("  {}", outcome.source.display());
        } else {
            eprintln!("  {}: {}", outcome.source.display(), kinds.join(", "));
        }
        for removed in &outcome.removed {
            let path = format!("{}/{}", args.selection.out.display(), removed.display());
            eprintln!("    {}", t!("removed-stale", path = path));
        }
    }
    Ok(Status::Failure)
}

/// A progress bar on stderr, only on a terminal and without `--quiet`, and only for builds of
/// more than one programme.
fn progress_bar(env: &Env, programmes: usize) -> Option<ProgressBar> {
    if env.quiet || programmes < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(programmes as u64);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{bar:30}} {{pos}}/{{len}} {}  {{wide_msg}}",
            t!("progress-programmes")
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    Some(bar)
}

fn observer(bar: ProgressBar) -> Progress {
    Arc::new(move |outcome: &Outcome| {
        bar.set_message(outcome.source.display().to_string());
        bar.inc(1);
    })
}
