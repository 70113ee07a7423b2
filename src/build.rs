//! The build pipeline: load each programme once, render every requested output from the model,
//! write the files atomically, update the manifest. One bad programme does not stop the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::diagnostics::{Diagnostic, SourceFile, has_errors};
use crate::fsutil::write_atomic;
use crate::manifest::{Entry, Manifest};
use crate::output::OutputKind;
use crate::project::Project;
use crate::source::load_programme;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Where outputs go: `out/<region>/<slug>/…`.
    pub out_dir: PathBuf,
    pub kinds: Vec<OutputKind>,
}

/// What happened to one programme.
#[derive(Debug)]
pub struct Outcome {
    /// The source, relative to the project root.
    pub source: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    /// The files written, as recorded in the manifest.
    pub written: Vec<Entry>,
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
pub fn build(
    project: &Project,
    sources: &[PathBuf],
    options: &BuildOptions,
) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let mut manifest = Manifest::load(&options.out_dir);
    let mut claimed: HashMap<PathBuf, PathBuf> = HashMap::new();
    for source in sources {
        let outcome = build_one(project, source, options, &mut claimed);
        manifest.update(outcome.written.iter().cloned());
        report.outcomes.push(outcome);
    }
    manifest.save(&options.out_dir)?;
    Ok(report)
}

fn build_one(
    project: &Project,
    source: &Path,
    options: &BuildOptions,
    claimed: &mut HashMap<PathBuf, PathBuf>,
) -> Outcome {
    let relative = project.relative(source).to_path_buf();
    let loaded = load_programme(project, source);
    let mut outcome = Outcome {
        source: relative.clone(),
        diagnostics: loaded.diagnostics,
        written: Vec::new(),
    };
    let Some(programme) = loaded.programme else {
        return outcome;
    };

    // Region and slug are checked to be plain names, so this folder is always inside `out/`.
    let folder = Path::new(&programme.meta.region).join(&programme.slug);
    if let Some(first) = claimed.get(&folder) {
        let file = SourceFile::new(relative.clone(), String::new());
        outcome.diagnostics.push(
            Diagnostic::error(
                &file,
                None,
                format!(
                    "{} also builds into out/{}",
                    first.display(),
                    folder.display()
                ),
            )
            .with_help("two programmes of one region need different file names"),
        );
        return outcome;
    }
    claimed.insert(folder.clone(), relative.clone());

    // Render everything first, so a programme's outputs are written together or not at all.
    let rendered: Vec<(OutputKind, Vec<u8>)> = options
        .kinds
        .iter()
        .map(|&kind| (kind, kind.render(&programme)))
        .collect();
    for (kind, bytes) in rendered {
        let path = folder.join(kind.file_name(&programme.slug));
        let manifest_path = path.to_string_lossy().replace('\\', "/");
        if let Err(err) = write_atomic(&options.out_dir.join(&path), &bytes) {
            let file = SourceFile::new(relative.clone(), String::new());
            outcome
                .diagnostics
                .push(Diagnostic::error(&file, None, format!("{err:#}")));
            break;
        }
        outcome.written.push(Entry::new(
            &programme.source,
            &programme.meta.region,
            kind.name(),
            &manifest_path,
            &bytes,
            None,
        ));
    }
    outcome
}
