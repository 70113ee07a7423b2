//! The build cache, `.trycksak/cache/`: a programme whose inputs have not changed since its
//! outputs were written is neither rendered nor written again (its files keep their mtimes, the
//! manifest stays byte-equal), and its warnings are shown again as they were.
//!
//! One entry per programme and output folder, keyed by a hash of everything its outputs
//! depend on: the tool (its version and executable), the interface language (messages are
//! stored in it), the kinds and preview setting, the source and the images it names, for a
//! translation its original and record, the names of its language versions (the HTML switcher
//! links them), every file of its region's layout folder and of base's, and the fonts folder.
//! A region's layout folder is taken whole rather than as the files one compile read: a
//! little more is rebuilt than strictly needed, nothing that changed is missed. Hashes are of
//! content and paths are relative, so a copied project or a CI runner that restores
//! `.trycksak/cache/` (and `out/`) reuses it.
//!
//! An entry is written, atomically, after all of its programme's outputs were written; a killed
//! build leaves the old entry (whose key no longer matches) or none. An entry is trusted only
//! when each output it lists is there with the size it had, and (when its modification time
//! moved, as after a restore) the checksum the manifest records.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Severity, SourceFile};
use crate::manifest;
use crate::model::Programme;
use crate::output::OutputKind;
use crate::project::{BASE_REGION, FONTS_DIR, LAYOUTS_DIR, Project};

/// Where the cache lives in a project.
pub const CACHE_DIR: &str = ".trycksak/cache";

/// The cache of one build.
pub struct Cache {
    dir: PathBuf,
    root: PathBuf,
    out_dir: PathBuf,
    /// The hash of what every programme shares (the tool, fonts, base's layout), once.
    shared: String,
    /// The hash of each region's layout folder, once per build.
    regions: Mutex<HashMap<String, String>>,
}

/// What is kept of one programme's build.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    key: String,
    /// Its outputs as the manifest lists them.
    written: Vec<manifest::Entry>,
    /// Each output's size and modification time when written.
    stamps: Vec<Stamp>,
    /// The files written beside the outputs (images, previews), for the build's summary.
    extras: usize,
    /// The problems its rendering found (its source's own are found again when it loads).
    said: Vec<Said>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stamp {
    path: String,
    bytes: u64,
    modified_ns: u128,
}

/// A diagnostic as stored: where, what, and its fix.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Said {
    path: PathBuf,
    span: Option<(usize, usize)>,
    error: bool,
    message: String,
    help: Option<String>,
}

impl Cache {
    /// The cache of `project` for builds into `out_dir`.
    pub fn open(project: &Project, out_dir: &Path) -> Cache {
        let mut shared = Sha256::new();
        shared.update(env!("CARGO_PKG_VERSION").as_bytes());
        // The executable itself: a rebuilt binary of one version is another tool.
        if let Ok(exe) = std::env::current_exe()
            && let Ok(meta) = std::fs::metadata(exe)
        {
            shared.update(meta.len().to_le_bytes());
            shared.update(modified_ns(&meta).to_le_bytes());
        }
        shared.update(crate::messages::lang().tag().as_bytes());
        hash_tree(&mut shared, &project.root, &project.root.join(FONTS_DIR));
        hash_tree(
            &mut shared,
            &project.root,
            &project.root.join(LAYOUTS_DIR).join(BASE_REGION),
        );
        Cache {
            dir: project.root.join(CACHE_DIR),
            root: project.root.clone(),
            out_dir: out_dir.to_path_buf(),
            shared: hex(shared),
            regions: Mutex::new(HashMap::new()),
        }
    }

    /// The key of `programme`'s outputs of `kinds` (`preview`: with PNG previews).
    pub fn key(&self, programme: &Programme, kinds: &[OutputKind], preview: bool) -> String {
        let mut hash = Sha256::new();
        hash.update(self.shared.as_bytes());
        hash.update(self.region(&programme.meta.region).as_bytes());
        for kind in kinds {
            hash.update(kind.name().as_bytes());
            hash.update([0]);
        }
        hash.update([u8::from(preview)]);
        let source = self.root.join(&programme.source);
        hash_file(&mut hash, &self.root, &source);
        for image in programme.images() {
            hash_file(&mut hash, &self.root, &self.root.join(&image.path));
        }
        if let Some(of) = &programme.translation {
            hash_file(&mut hash, &self.root, &self.root.join(&of.original));
            hash_file(
                &mut hash,
                &self.root,
                &crate::translation::record_path(&source),
            );
        }
        for version in crate::translation::family(&source) {
            hash.update(version.to_string_lossy().as_bytes());
        }
        hex(hash)
    }

    fn region(&self, region: &str) -> String {
        let mut regions = self.regions.lock().unwrap_or_else(|e| e.into_inner());
        regions
            .entry(region.to_string())
            .or_insert_with(|| {
                let mut hash = Sha256::new();
                hash.update(region.as_bytes());
                if region != BASE_REGION {
                    hash_tree(
                        &mut hash,
                        &self.root,
                        &self.root.join(LAYOUTS_DIR).join(region),
                    );
                }
                hex(hash)
            })
            .clone()
    }

    /// The file of the entry of the programme at `source` (relative to the project).
    fn entry_path(&self, source: &Path) -> PathBuf {
        let mut hash = Sha256::new();
        hash.update(source.to_string_lossy().as_bytes());
        hash.update([0]);
        hash.update(self.out_dir.to_string_lossy().as_bytes());
        self.dir.join(format!("{}.json", &hex(hash)[..32]))
    }

    /// The outcome of `source`'s last build when its key is `key` and its outputs are as they
    /// were written: the manifest entries, the files written beside them, and its problems.
    pub fn hit(
        &self,
        source: &Path,
        key: &str,
    ) -> Option<(Vec<manifest::Entry>, usize, Vec<Diagnostic>)> {
        let text = std::fs::read(self.entry_path(source)).ok()?;
        let stored: Stored = serde_json::from_slice(&text).ok()?;
        if stored.key != key {
            return None;
        }
        for stamp in &stored.stamps {
            let path = self.out_dir.join(&stamp.path);
            let meta = std::fs::metadata(&path).ok()?;
            if meta.len() != stamp.bytes {
                return None;
            }
            if modified_ns(&meta) != stamp.modified_ns {
                // Restored or touched: the same bytes as written, or rebuilt.
                let entry = stored.written.iter().find(|e| e.path == stamp.path)?;
                let bytes = std::fs::read(&path).ok()?;
                if crate::fsutil::sha256_hex(&bytes) != entry.sha256 {
                    return None;
                }
            }
        }
        // One file per path for all its diagnostics: a translation's hundred warnings share
        // its text (read once for each, 1 160 programmes' warnings took 2.7 GB).
        let mut files = HashMap::new();
        let said = stored
            .said
            .iter()
            .map(|said| self.replay(said, &mut files))
            .collect();
        Some((stored.written, stored.extras, said))
    }

    fn replay(&self, said: &Said, files: &mut HashMap<PathBuf, Arc<SourceFile>>) -> Diagnostic {
        let file = files.entry(said.path.clone()).or_insert_with(|| {
            let text = std::fs::read_to_string(self.root.join(&said.path))
                .map(|t| t.replace("\r\n", "\n"))
                .unwrap_or_default();
            SourceFile::new(&said.path, text)
        });
        let file = Arc::clone(file);
        let span = said
            .span
            .filter(|(_, end)| *end <= file.text.len())
            .map(|(start, end)| start..end);
        let diagnostic = if said.error {
            Diagnostic::error(&file, span, said.message.clone())
        } else {
            Diagnostic::warning(&file, span, said.message.clone())
        };
        match &said.help {
            Some(help) => diagnostic.with_help(help.clone()),
            None => diagnostic,
        }
    }

    /// Keeps what building `source` with `key` wrote (only a programme built without errors
    /// and without a failed output is kept) and the problems its rendering found.
    pub fn store(
        &self,
        source: &Path,
        key: &str,
        written: &[manifest::Entry],
        extras: usize,
        said: &[Diagnostic],
    ) {
        let stamps = written
            .iter()
            .filter_map(|entry| {
                let meta = std::fs::metadata(self.out_dir.join(&entry.path)).ok()?;
                Some(Stamp {
                    path: entry.path.clone(),
                    bytes: meta.len(),
                    modified_ns: modified_ns(&meta),
                })
            })
            .collect();
        let stored = Stored {
            key: key.to_string(),
            written: written.to_vec(),
            stamps,
            extras,
            said: said
                .iter()
                .map(|d| Said {
                    path: d.file.path.clone(),
                    span: d.span.as_ref().map(|s| (s.start, s.end)),
                    error: d.severity == Severity::Error,
                    message: d.message.clone(),
                    help: d.help.clone(),
                })
                .collect(),
        };
        if let Ok(bytes) = serde_json::to_vec(&stored) {
            let _ = std::fs::create_dir_all(&self.dir);
            // Through a temporary file and a rename (a killed build leaves the old entry or the
            // new one), but not synced to disk as outputs are: an entry lost or torn by a power
            // cut does not parse or does not match, and the programme is simply built again. A
            // failed write only costs the next build this programme's work.
            let _ = tempfile::NamedTempFile::new_in(&self.dir).and_then(|mut temp| {
                std::io::Write::write_all(&mut temp, &bytes)?;
                temp.persist(self.entry_path(source))
                    .map_err(|err| err.error)
            });
        }
    }

    /// Forgets `source`'s entry (its build failed: the next one renders it again).
    pub fn forget(&self, source: &Path) {
        let _ = std::fs::remove_file(self.entry_path(source));
    }
}

fn modified_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn hex(hash: Sha256) -> String {
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A file's path (relative to `root`) and content into `hash`; a missing file counts as such.
fn hash_file(hash: &mut Sha256, root: &Path, path: &Path) {
    hash.update(
        path.strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .as_bytes(),
    );
    hash.update([0]);
    match std::fs::read(path) {
        Ok(bytes) => {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(&bytes);
        }
        Err(_) => hash.update(b"missing"),
    }
}

/// Every file under `dir` (sorted, hidden ones left out) into `hash`.
fn hash_tree(hash: &mut Sha256, root: &Path, dir: &Path) {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    for file in files {
        hash_file(hash, root, &file);
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(&path, files),
            Ok(kind) if kind.is_file() => files.push(path),
            _ => {}
        }
    }
}
