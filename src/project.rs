//! A project folder: `programmes/` with the sources, `layouts/` with one folder per region.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::sandbox;
pub use crate::sandbox::PathError;

/// The built-in layout every project has, even without a `layouts/` folder.
pub const BASE_REGION: &str = "base";
pub const PROGRAMMES_DIR: &str = "programmes";
pub const LAYOUTS_DIR: &str = "layouts";
pub const FONTS_DIR: &str = "fonts";
/// Where `serve` keeps the PNG previews of the pages: out of the output folder, which is the
/// public one (a hidden folder, which `watch` never reads as input).
pub const PREVIEWS_DIR: &str = ".trycksak/previews";

#[derive(Debug, Clone)]
pub struct Project {
    /// Canonical absolute path of the project folder.
    pub root: PathBuf,
    regions: BTreeSet<String>,
}

impl Project {
    /// Opens the project at `root`; it must have a `programmes/` folder.
    pub fn open(root: &Path) -> Result<Self> {
        let root = root
            .canonicalize()
            .with_context(|| t!("cannot-open-project", path = root.display().to_string()))?;
        if !root.join(PROGRAMMES_DIR).is_dir() {
            bail!(t!(
                "no-programmes-folder",
                path = root.display().to_string()
            ));
        }
        let mut regions = BTreeSet::from([BASE_REGION.to_string()]);
        let layouts = root.join(LAYOUTS_DIR);
        if layouts.is_dir() {
            for entry in std::fs::read_dir(&layouts)
                .with_context(|| t!("cannot-read", path = layouts.display().to_string()))?
            {
                let entry = entry?;
                if entry.file_type()?.is_dir()
                    && let Some(name) = entry.file_name().to_str()
                {
                    regions.insert(name.to_string());
                }
            }
        }
        Ok(Project { root, regions })
    }

    /// The project that `start` is in: the nearest folder from `start` upwards that has a
    /// `programmes/` folder, as cargo and git find theirs.
    pub fn discover(start: &Path) -> Result<Self> {
        let start = start
            .canonicalize()
            .with_context(|| t!("cannot-open-folder", path = start.display().to_string()))?;
        match start
            .ancestors()
            .find(|dir| dir.join(PROGRAMMES_DIR).is_dir())
        {
            Some(root) => Project::open(root),
            None => bail!(t!("not-in-a-project", path = start.display().to_string())),
        }
    }

    /// The regions a programme may name: every folder under `layouts/`, plus `base`.
    pub fn regions(&self) -> &BTreeSet<String> {
        &self.regions
    }

    /// Every `*.md` file under `programmes/`, sorted, so builds are in a stable order.
    pub fn programme_sources(&self) -> Result<Vec<PathBuf>> {
        markdown_files_under(&self.root.join(PROGRAMMES_DIR))
    }

    /// The sources named by `paths` (files or folders, relative to the project root), or every
    /// source when `paths` is empty.
    pub fn select_sources(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
        if paths.is_empty() {
            return self.programme_sources();
        }
        let mut selected = Vec::new();
        for path in paths {
            let absolute = self.root.join(path);
            if absolute.is_dir() {
                selected.extend(markdown_files_under(&absolute)?);
            } else if absolute.is_file() {
                selected.push(absolute);
            } else {
                bail!(t!("path-missing", path = path.display().to_string()));
            }
        }
        selected.sort();
        selected.dedup();
        Ok(selected)
    }

    /// `path` relative to the project root, for messages and the manifest.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Resolves `reference` (as written in `from_file`) to a file inside the project.
    /// Absolute paths, URLs, and paths that lead outside the root (by `..` or a symlink) are
    /// refused, so a source can never make the build read another part of the machine.
    pub fn resolve_inside(&self, from_file: &Path, reference: &str) -> Result<PathBuf, PathError> {
        if reference.contains("://")
            || reference.starts_with("file:")
            || reference.starts_with("data:")
        {
            return Err(PathError::Url);
        }
        let relative = Path::new(reference);
        if relative.is_absolute()
            || relative
                .components()
                .any(|c| matches!(c, Component::Prefix(_)))
        {
            return Err(PathError::Absolute);
        }
        let base = from_file.parent().unwrap_or(&self.root);
        sandbox::confine(&self.root, &base.join(relative))
    }

    /// Reads a file of the project (a source, a layout file, an image, a font) through the one
    /// read gate: refused if it resolves outside the project folder.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, PathError> {
        sandbox::read(&self.root, path)
    }

    /// The canonical `layouts/` folder, which templates must stay inside.
    pub fn layouts_dir(&self) -> PathBuf {
        self.root.join(LAYOUTS_DIR)
    }
}

/// Shard `k` of `n` (1-based) of `sources`: the programmes at positions k-1, k-1+n, … of the
/// sorted list. Every programme is in exactly one shard, and the same one on every machine.
pub fn shard(sources: Vec<PathBuf>, k: usize, n: usize) -> Vec<PathBuf> {
    let mut sources = sources;
    sources.sort();
    sources
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, source)| source)
        .collect()
}

fn markdown_files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)
            .with_context(|| t!("cannot-read", path = dir.display().to_string()))?
        {
            let entry = entry?;
            let path = entry.path();
            let file_type = entry.file_type()?;
            if file_type.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_every_programme_once() {
        let all: Vec<PathBuf> = (0..7).map(|i| PathBuf::from(format!("p{i}.md"))).collect();
        let shards: Vec<Vec<PathBuf>> = (1..=3).map(|k| shard(all.clone(), k, 3)).collect();
        assert_eq!(shards.iter().map(Vec::len).collect::<Vec<_>>(), [3, 2, 2]);
        let mut joined: Vec<PathBuf> = shards.concat();
        joined.sort();
        assert_eq!(joined, all);
    }
}
