//! The build pipeline: load each programme once, render every requested output from the model,
//! write the files atomically, update the manifest. One bad programme does not stop the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use anyhow::Result;

use crate::diagnostics::{Diagnostic, SourceFile, has_errors};
use crate::fsutil::write_atomic;
use crate::manifest::{Entry, Manifest};
use crate::model::Programme;
use crate::output::pdf::PdfContext;
use crate::output::{OutputKind, Rendered};
use crate::project::Project;
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
    /// Called as each programme is done, from the thread that built it.
    pub progress: Option<Progress>,
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
}

/// How long one output of a programme took, and how many layouts the summary tried.
#[derive(Debug, Clone)]
pub struct Timing {
    pub kind: OutputKind,
    pub elapsed: std::time::Duration,
    pub fit_tries: Option<usize>,
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

    pub fn files_written(&self) -> usize {
        self.outcomes.iter().map(|o| o.written.len()).sum()
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
    // Typst recurses deeply on nested content: give the threads the main thread's stack or more.
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(64 << 20);
    if let Some(jobs) = options.jobs {
        pool = pool.num_threads(jobs.max(1));
    }
    let pool = pool.build()?;
    pool.install(|| build_with(&Typesetter::new(project), project, sources, options))
}

/// [`build`] with fonts and layouts already loaded (watch mode keeps one typesetter warm), in
/// the current rayon pool.
pub fn build_with(
    typesetter: &Typesetter,
    project: &Project,
    sources: &[PathBuf],
    options: &BuildOptions,
) -> Result<BuildReport> {
    let loaded: Vec<Loaded> = sources
        .par_iter()
        .map(|source| load_programme(project, source))
        .collect();

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

    let outcomes: Vec<Outcome> = jobs
        .into_par_iter()
        .map(|(mut outcome, job)| {
            if let Some(job) = job {
                render_and_write(typesetter, job, options, &mut outcome);
                // Keep memory flat over hundreds of programmes: drop Typst's cached results
                // that the last two programmes did not use (other programmes rarely can).
                typst::comemo::evict(2);
            }
            if let Some(progress) = &options.progress {
                progress(&outcome);
            }
            outcome
        })
        .collect();

    let mut manifest = Manifest::load(&options.out_dir);
    for outcome in &outcomes {
        manifest.update(outcome.written.iter().cloned());
    }
    manifest.save(&options.out_dir)?;
    Ok(BuildReport { outcomes })
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
    outcome: &mut Outcome,
) {
    let Job {
        programme,
        file,
        folder,
    } = job;
    // A region whose layout has errors cannot build; say so once, before any rendering.
    let layout_problems = typesetter.layouts().problems(&programme.meta.region);
    if has_errors(layout_problems) {
        outcome.diagnostics.extend(layout_problems.iter().cloned());
        return;
    }

    // Render everything first, so a programme's outputs are written together or not at all.
    let cx = PdfContext {
        typesetter,
        source: &file,
        preview: options.preview,
    };
    let mut rendered: Vec<(OutputKind, Rendered)> = Vec::new();
    let kinds = options
        .kinds
        .clone()
        .unwrap_or_else(|| OutputKind::defaults(typesetter.layouts().get(&programme.meta.region)));
    for kind in kinds {
        let started = std::time::Instant::now();
        let result = kind.render(&programme, &cx);
        let fit_tries = result.as_ref().ok().and_then(|output| output.fit_tries);
        outcome.timings.push(Timing {
            kind,
            elapsed: started.elapsed(),
            fit_tries,
        });
        match result {
            Ok(output) => {
                outcome.diagnostics.extend(output.warnings.iter().cloned());
                rendered.push((kind, output));
            }
            Err(errors) => outcome.diagnostics.extend(errors),
        }
    }
    if outcome.failed() {
        return;
    }
    for (kind, output) in rendered {
        let path = folder.join(kind.file_name(&programme.slug, &programme.meta.lang));
        let mut write = |path: &Path, bytes: &[u8]| {
            let result = write_atomic(&options.out_dir.join(path), bytes);
            if let Err(err) = &result {
                outcome
                    .diagnostics
                    .push(Diagnostic::error(&file, None, format!("{err:#}")));
            }
            result.is_ok()
        };
        if !write(&path, &output.bytes) {
            break;
        }
        if options.preview {
            let stem = kind
                .file_name(&programme.slug, &programme.meta.lang)
                .trim_end_matches(".pdf")
                .to_string();
            remove_previews(&options.out_dir.join(&folder), &stem);
            for (page, png) in output.previews.iter().enumerate() {
                write(&folder.join(preview_name(&stem, page + 1)), png);
            }
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
        entry.fit = output.fit;
        outcome.written.push(entry);
    }
}

/// `<stem>-page-01.png`: zero-padded so that the pages sort in order.
fn preview_name(stem: &str, page: usize) -> String {
    format!("{stem}-page-{page:02}.png")
}

/// Removes the previews of an earlier build, which may have had more pages.
fn remove_previews(dir: &Path, stem: &str) {
    let prefix = format!("{stem}-page-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".png") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
