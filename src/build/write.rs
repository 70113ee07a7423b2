//! Writing a build: the lock on the output folder, each output atomically, previews.

use std::path::Path;

use anyhow::{Context, Result};

use super::{BuildOptions, Job, Outcome};
use crate::diagnostics::Diagnostic;
use crate::layout::Layouts;
use crate::manifest::Entry;
use crate::manifest::Manifest;
use crate::output::html;
use crate::output::{OutputKind, Rendered};
use crate::project::BASE_REGION;
use crate::sandbox::OutputDir;

/// An exclusive lock on the output folder for the length of a build: two builds writing into
/// one `out/` at once would interleave their manifests. The second one is refused with a clear
/// message rather than made to wait.
pub(super) struct OutputLock {
    _file: std::fs::File,
}

const LOCK_FILE: &str = ".trycksak.lock";

/// Another build holds the output folder's lock: `build` stops, `watch` and `serve` wait.
#[derive(Debug)]
pub struct BuildLocked {
    pub folder: std::path::PathBuf,
}

impl std::fmt::Display for BuildLocked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&t!(
            "build-locked",
            path = self.folder.display().to_string()
        ))
    }
}

impl std::error::Error for BuildLocked {}

impl OutputLock {
    pub(super) fn acquire(out: &OutputDir) -> Result<OutputLock> {
        let path = out.prepare(Path::new(LOCK_FILE))?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| t!("cannot-create", path = path.display().to_string()))?;
        match file.try_lock() {
            Ok(()) => Ok(OutputLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(anyhow::Error::new(BuildLocked {
                folder: out.path().to_path_buf(),
            })),
            Err(std::fs::TryLockError::Error(err)) => {
                Err(err).with_context(|| t!("cannot-lock", path = path.display().to_string()))
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
    // Where the previews go: beside the PDFs, or into a folder of their own.
    let own_previews = options
        .preview_dir
        .as_ref()
        .and_then(|dir| OutputDir::open(dir).ok());
    let previews = own_previews.as_ref().unwrap_or(out);
    for (kind, output) in rendered {
        let name = programme.output_file(kind);
        let path = folder.join(&name);
        let mut problems = Vec::new();
        let mut write = |path: &Path, bytes: &[u8]| {
            let result = out.write(path, bytes);
            if let Err(err) = &result {
                problems.push(Diagnostic::error(file, None, format!("{err:#}")));
            }
            result.is_ok()
        };
        // The files a page shows first, so that a page is never there without them.
        let extras = output
            .extra_files
            .iter()
            .all(|(name, bytes)| write(&folder.join(name), bytes));
        if extras {
            outcome.extras_written += output.extra_files.len();
        }
        let written = extras && write(&path, &output.bytes);
        // The previews of an earlier build go (it may have had more pages, or this one has
        // none): a folder never shows pages of another version of its PDF.
        if written && output.pages.is_some() {
            let stem = name.trim_end_matches(".pdf").to_string();
            let prefix = format!("{stem}-page-");
            let removed = previews.remove_files(folder, |name| {
                name.starts_with(&prefix) && name.ends_with(".png")
            });
            match removed {
                Ok(_) if options.preview => {
                    for (page, png) in output.previews.iter().enumerate() {
                        let path = folder.join(preview_name(&stem, page + 1));
                        match previews.write(&path, png) {
                            Ok(()) if own_previews.is_none() => outcome.extras_written += 1,
                            Ok(()) => {}
                            Err(err) => {
                                problems.push(Diagnostic::error(file, None, format!("{err:#}")))
                            }
                        }
                    }
                }
                Ok(_) => {}
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
        entry.lang = programme.meta.lang.clone();
        entry.translation_of = programme.translation.as_ref().map(|t| t.original.clone());
        outcome.written.push(entry);
    }
    // A failed output leaves no file of an earlier build behind (as make's `.DELETE_ON_ERROR`):
    // an outdated print PDF must not go to the print shop. Its previews go with it.
    outcome.failed_kinds.sort();
    outcome.failed_kinds.dedup();
    for kind in &outcome.failed_kinds {
        let name = programme.output_file(*kind);
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        let prefix = format!("{stem}-page-");
        let doomed = |candidate: &str| {
            candidate == name || candidate.starts_with(&prefix) && candidate.ends_with(".png")
        };
        if own_previews.is_some() {
            let _ = previews.remove_files(folder, doomed);
        }
        match out.remove_files(folder, doomed) {
            Ok(removed) => outcome.removed.extend(
                removed
                    .into_iter()
                    .filter(|removed| *removed == name)
                    .map(|removed| folder.join(removed)),
            ),
            Err(err) => outcome
                .diagnostics
                .push(Diagnostic::error(file, None, format!("{err:#}"))),
        }
    }
}

/// `<stem>-page-01.png`: zero-padded so that the pages sort in order.
pub fn preview_name(stem: &str, page: usize) -> String {
    format!("{stem}-page-{page:02}.png")
}

/// `out/index.html`: every programme in the manifest, by region, with a link to each of its
/// outputs the public reads, and `out/personal.html` the same for the others (the print PDFs,
/// the accessibility reports), through base's `index.html` template (escaped like the pages).
/// The index never links the staff page: the folder can be published as it is.
pub(super) fn write_index(out: &OutputDir, manifest: &Manifest, layouts: &Layouts) -> Result<()> {
    for staff in [false, true] {
        write_listing(out, manifest, layouts, staff)?;
    }
    Ok(())
}

/// The staff page's file name in the output folder.
pub const STAFF_PAGE: &str = "personal.html";

fn write_listing(
    out: &OutputDir,
    manifest: &Manifest,
    layouts: &Layouts,
    staff: bool,
) -> Result<()> {
    use serde_json::{Value, json};
    use std::collections::BTreeMap;
    let page_kind = crate::output::Output::name(&html::HTML);
    // Region → programme source → its entries, in the manifest's (path) order.
    let mut regions: BTreeMap<&str, BTreeMap<&str, Vec<&crate::manifest::Entry>>> = BTreeMap::new();
    for entry in &manifest.outputs {
        regions
            .entry(&entry.region)
            .or_default()
            .entry(&entry.programme)
            .or_default()
            .push(entry);
    }
    let page_facts =
        |entries: &[&crate::manifest::Entry]| entries.iter().find_map(|e| html::PageFacts::of(e));
    // The index speaks the language of the first page it lists.
    let lang = manifest
        .outputs
        .iter()
        .find(|entry| html::PageFacts::of(entry).is_some() && !entry.lang.is_empty())
        .map_or_else(|| "sv".to_string(), |entry| entry.lang.clone());
    // The index is the project's: its words are base's, with the project's changes.
    let languages = layouts
        .get(crate::project::BASE_REGION)
        .map(|layout| std::sync::Arc::clone(&layout.languages))
        .unwrap_or_default();
    let labels = languages.labels(&lang);
    let regions: Vec<Value> = regions
        .into_iter()
        .map(|(region, programmes)| {
            let name = layouts
                .get(region)
                .and_then(|l| l.name.clone())
                .unwrap_or_else(|| region.to_string());
            let describe = |(source, entries): (&str, Vec<&crate::manifest::Entry>)| {
                let facts = page_facts(&entries);
                let title = facts
                    .as_ref()
                    .map_or_else(|| source.to_string(), |f| f.title.clone());
                let page = entries
                    .iter()
                    .find(|e| e.kind == page_kind)
                    .map(|e| &e.path);
                // In the order of the kinds (a screen PDF before its print twin), not of the
                // file names, where `-leaflet-print.pdf` sorts first.
                let mut listed: Vec<&&crate::manifest::Entry> = entries
                    .iter()
                    .filter(|e| e.kind != page_kind)
                    .filter(|e| OutputKind::named(&e.kind).is_none_or(|k| k.for_public() != staff))
                    .collect();
                listed.sort_by_key(|e| OutputKind::named(&e.kind));
                let outputs: Vec<Value> = listed
                    .into_iter()
                    .map(|e| {
                        let kind = OutputKind::named(&e.kind);
                        json!({
                            "path": e.path,
                            "title": kind.map_or(e.kind.as_str(), |k| k.title(labels)),
                            "format": e.path.rsplit('.').next().unwrap_or("").to_uppercase(),
                            "pages": e.pages.map(|n| html::pages(n, labels)),
                            "size": html::size(e.bytes as usize, &lang),
                        })
                    })
                    .collect();
                let entry_lang = entries.first().map_or("", |e| e.lang.as_str());
                json!({
                    "title": title,
                    "period": facts.and_then(|f| f.period),
                    "page": page,
                    "outputs": outputs,
                    "lang": entry_lang,
                    "dir": languages.direction(entry_lang).as_str(),
                    "language": languages.labels(entry_lang).in_language,
                    "translations": [],
                })
            };
            // A programme's translations are listed under it, each language named in itself.
            let originals: std::collections::BTreeSet<&str> = programmes.keys().copied().collect();
            let translation_of = |entries: &[&crate::manifest::Entry]| {
                entries
                    .first()
                    .and_then(|e| e.translation_of.as_deref())
                    .filter(|of| originals.contains(of))
                    .map(str::to_string)
            };
            let mut listed: Vec<(String, Value)> = Vec::new();
            let mut translations: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for (source, entries) in programmes {
                match translation_of(&entries) {
                    Some(of) => translations
                        .entry(of)
                        .or_default()
                        .push(describe((source, entries))),
                    None => listed.push((source.to_string(), describe((source, entries)))),
                }
            }
            let programmes: Vec<Value> = listed
                .into_iter()
                .map(|(source, mut value)| {
                    if let Some(of_it) = translations.remove(&source) {
                        value["translations"] = Value::Array(of_it);
                    }
                    value
                })
                .collect();
            json!({ "name": name, "programmes": programmes })
        })
        .collect();
    let title = if staff {
        &labels.staff_title
    } else {
        &labels.index_title
    };
    let context = json!({
        "lang": lang,
        "dir": languages.direction(&lang).as_str(),
        "labels": labels,
        "title": title,
        "staff": staff,
        "regions": regions,
    });
    let page = html::render_template(layouts, BASE_REGION, html::INDEX_TEMPLATE, &context)
        .map_err(|message| anyhow::anyhow!("{}: {message}", t!("cannot-write-index")))?;
    let name = if staff { STAFF_PAGE } else { "index.html" };
    out.write(Path::new(name), page.as_bytes())
}
