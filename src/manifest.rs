//! `out/manifest.json`: every output file with its programme, kind, size and checksum.
//!
//! A build of some programmes updates their entries and keeps the others, so the manifest always
//! describes what is in `out/`; entries whose file is gone are dropped.

use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::fsutil::sha256_hex;
use crate::sandbox::OutputDir;

pub const FILE_NAME: &str = "manifest.json";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub outputs: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The source file, relative to the project root.
    pub programme: String,
    pub region: String,
    pub kind: String,
    /// The output file, relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    /// Page count for PDFs; `null` for text.
    pub pages: Option<u32>,
    /// The programme's language (BCP 47).
    #[serde(default)]
    pub lang: String,
    /// For a translation: its original's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_of: Option<String>,
    /// What the output's kind records of it (the summary's setting, a print twin's boxes and
    /// standard, …), as the kind wrote it.
    #[serde(flatten)]
    pub facts: serde_json::Map<String, serde_json::Value>,
}

impl Entry {
    pub fn new(
        programme: &str,
        region: &str,
        kind: &str,
        path: &str,
        content: &[u8],
        pages: Option<u32>,
    ) -> Self {
        Entry {
            programme: programme.to_string(),
            region: region.to_string(),
            kind: kind.to_string(),
            path: path.to_string(),
            bytes: content.len() as u64,
            sha256: sha256_hex(content),
            pages,
            lang: String::new(),
            translation_of: None,
            facts: serde_json::Map::new(),
        }
    }
}

impl Manifest {
    /// The manifest in `out_dir`, or an empty one if there is none (or it cannot be read: it is
    /// rebuilt from what this build writes).
    pub fn load(out: &OutputDir) -> Manifest {
        out.prepare(Path::new(FILE_NAME))
            .ok()
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Puts `entries` in, replacing entries for the same output file.
    pub fn update(&mut self, entries: impl IntoIterator<Item = Entry>) {
        for entry in entries {
            self.outputs.retain(|old| old.path != entry.path);
            self.outputs.push(entry);
        }
    }

    /// Drops the entries of `programme`'s outputs of `kinds` (those that failed in this build:
    /// an earlier build's file may still be there, but it is not this source's any more).
    pub fn forget(&mut self, programme: &str, kinds: &[&str]) {
        self.outputs
            .retain(|entry| entry.programme != programme || !kinds.contains(&entry.kind.as_str()));
    }

    /// The manifests of several output folders (the shards of a build, `build --shard K/N`)
    /// as one, its entries sorted by path; the same path in two of them is an error (shards
    /// never overlap), given as the path.
    pub fn merge(manifests: Vec<Manifest>) -> std::result::Result<Manifest, String> {
        let mut outputs: Vec<Entry> = manifests.into_iter().flat_map(|m| m.outputs).collect();
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        if let Some(pair) = outputs.windows(2).find(|pair| pair[0].path == pair[1].path) {
            return Err(pair[0].path.clone());
        }
        Ok(Manifest { outputs })
    }

    /// Sorts the entries and drops those whose file no longer exists, then writes atomically.
    pub fn save(&mut self, out: &OutputDir) -> Result<()> {
        self.outputs
            .retain(|entry| out.path().join(&entry.path).is_file());
        self.outputs.sort_by(|a, b| a.path.cmp(&b.path));
        let mut json = serde_json::to_vec_pretty(self)
            .with_context(|| t!("manifest-not-saved", why = "JSON"))?;
        json.push(b'\n');
        out.write(Path::new(FILE_NAME), &json)
    }
}
