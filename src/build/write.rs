//! Writing a build: the lock on the output folder, each output atomically, previews.

use std::path::Path;

use anyhow::{Context, Result};

use super::{BuildOptions, Job, Outcome};
use crate::diagnostics::Diagnostic;
use crate::manifest::Entry;
use crate::output::{OutputKind, Rendered};
use crate::sandbox::OutputDir;

/// An exclusive lock on the output folder for the length of a build: two builds writing into
/// one `out/` at once would interleave their manifests. The second one is refused with a clear
/// message rather than made to wait.
pub(super) struct OutputLock {
    _file: std::fs::File,
}

const LOCK_FILE: &str = ".trycksak.lock";

impl OutputLock {
    pub(super) fn acquire(out: &OutputDir) -> Result<OutputLock> {
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

/// Writes what `job`'s programme rendered, each file atomically; an output that cannot be
/// written fails alone. The manifest entries go into `outcome`.
pub(super) fn write_outputs(
    out: &OutputDir,
    job: &Job,
    rendered: Vec<(OutputKind, Rendered)>,
    options: &BuildOptions,
    outcome: &mut Outcome,
) {
    let Job {
        programme,
        file,
        folder,
    } = job;
    for (kind, output) in rendered {
        let name = kind.file_name(&programme.slug, &programme.meta.lang);
        let path = folder.join(&name);
        let mut problems = Vec::new();
        let mut write = |path: &Path, bytes: &[u8]| {
            let result = out.write(path, bytes);
            if let Err(err) = &result {
                problems.push(Diagnostic::error(file, None, format!("{err:#}")));
            }
            result.is_ok()
        };
        let written = write(&path, &output.bytes);
        // The previews of an earlier build go (it may have had more pages, or this one has
        // none): a folder never shows pages of another version of its PDF.
        if written && output.pages.is_some() {
            let stem = name.trim_end_matches(".pdf").to_string();
            let prefix = format!("{stem}-page-");
            let removed = out.remove_files(folder, |name| {
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
                Err(err) => problems.push(Diagnostic::error(file, None, format!("{err:#}"))),
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

/// `<stem>-page-01.png`: zero-padded so that the pages sort in order.
fn preview_name(stem: &str, page: usize) -> String {
    format!("{stem}-page-{page:02}.png")
}
