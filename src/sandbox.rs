//! The gates between trycksak and the file system: every file the tool or a template reads goes
//! through [`read`], every file it writes under the output folder through [`OutputDir`].
//!
//! A project may come from anywhere (a region folder copied from elsewhere, a repository with a
//! stray symlink), so neither a read nor a write may follow a path out of the folder it belongs
//! to: reads resolve the path with every symlink followed and refuse what lands outside; writes
//! refuse any symlink on the way, since a link inside `out/` could send a file anywhere.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::fsutil::{is_temporary, write_atomic};

/// Why a path was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// A web or `file:`/`data:` address where a file was expected.
    Url,
    Absolute,
    /// Nothing is there; the path looked at.
    Missing(PathBuf),
    /// It resolves (through `..` or a symlink) outside the folder it must stay in.
    Outside,
    NotAFile,
    /// It is there but cannot be read (permissions, an I/O error).
    Unreadable(String),
}

impl PathError {
    /// What is wrong, to follow the name of what was refused ("`x.png` …").
    /// What is wrong with the path, as the end of a sentence about it ("… is a web address").
    pub fn describe(&self) -> String {
        let problem = match self {
            PathError::Url => "url",
            PathError::Absolute => "absolute",
            PathError::Missing(_) => "missing",
            PathError::Outside => "outside",
            PathError::NotAFile => "folder",
            PathError::Unreadable(_) => "unreadable",
        };
        t!("path-problem", problem = problem)
    }
}

/// Resolves `path` (absolute) with every symlink followed, and refuses it unless the file it
/// names lies inside `within` (a canonical folder: the project root, or its `layouts/`).
pub fn confine(within: &Path, path: &Path) -> Result<PathBuf, PathError> {
    let real = path.canonicalize().map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => PathError::Missing(path.to_path_buf()),
        _ => PathError::Unreadable(err.to_string()),
    })?;
    if !real.starts_with(within) {
        return Err(PathError::Outside);
    }
    if !real.is_file() {
        return Err(PathError::NotAFile);
    }
    Ok(real)
}

/// Reads the file at `path` if [`confine`] lets it through: the one way trycksak reads a file of
/// a project (sources, layouts, templates and the files they read, images, logos, fonts).
pub fn read(within: &Path, path: &Path) -> Result<Vec<u8>, PathError> {
    let real = confine(within, path)?;
    std::fs::read(&real).map_err(|err| PathError::Unreadable(err.to_string()))
}

/// The output folder, and the only way files are written or removed under it.
#[derive(Debug, Clone)]
pub struct OutputDir {
    /// Canonical path of the folder (created if it did not exist).
    root: PathBuf,
}

impl OutputDir {
    /// Opens (and creates) the output folder the user named. The folder itself may be a link
    /// (the user chose it); everything below it is checked.
    pub fn open(dir: &Path) -> Result<OutputDir> {
        std::fs::create_dir_all(dir)
            .with_context(|| t!("cannot-create-out", path = dir.display().to_string()))?;
        let root = dir
            .canonicalize()
            .with_context(|| t!("cannot-open-out", path = dir.display().to_string()))?;
        Ok(OutputDir { root })
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The absolute path of `relative`, after checking that no part of it that exists is a
    /// symlink or anything but a folder (the last part: a file), and creating the missing
    /// folders one at a time so that none is created through a link.
    pub fn prepare(&self, relative: &Path) -> Result<PathBuf> {
        let parts: Vec<&std::ffi::OsStr> = relative
            .components()
            .map(|part| match part {
                Component::Normal(name) => Ok(name),
                _ => bail!(t!(
                    "out-path-outside",
                    path = relative.display().to_string()
                )),
            })
            .collect::<Result<_>>()?;
        let Some((file, folders)) = parts.split_last() else {
            bail!(t!(
                "out-file-not-folder",
                path = relative.display().to_string()
            ));
        };
        let mut path = self.root.clone();
        for folder in folders {
            path.push(folder);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    bail!(t!("out-symlink", path = path.display().to_string()))
                }
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => bail!(t!("out-file-not-folder", path = path.display().to_string())),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    match std::fs::create_dir(&path) {
                        Ok(()) => {}
                        // Another thread made it in between; check it again.
                        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                            let meta = std::fs::symlink_metadata(&path)?;
                            if !meta.is_dir() {
                                bail!(t!("out-file-not-folder", path = path.display().to_string()));
                            }
                        }
                        Err(err) => {
                            return Err(err).with_context(|| {
                                t!("cannot-create", path = path.display().to_string())
                            });
                        }
                    }
                }
                Err(err) => {
                    return Err(err)
                        .with_context(|| t!("cannot-read", path = path.display().to_string()));
                }
            }
        }
        path.push(file);
        if std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_symlink()) {
            bail!(t!("out-symlink", path = path.display().to_string()));
        }
        Ok(path)
    }

    /// Writes `bytes` to `relative` atomically ([`write_atomic`]), after [`OutputDir::prepare`].
    /// A file that already holds exactly `bytes` is left as it is: its modification time
    /// stays, for rsync, web hosts and a print shop's upload folder.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> Result<()> {
        let path = self.prepare(relative)?;
        let same = std::fs::metadata(&path).is_ok_and(|meta| meta.len() == bytes.len() as u64)
            && std::fs::read(&path).is_ok_and(|there| there == bytes);
        if same {
            return Ok(());
        }
        write_atomic(&path, bytes)
    }

    /// Removes the files in the folder `relative` whose names `doomed` picks (old previews),
    /// after the same checks as [`OutputDir::write`]; a folder that is not there has none. The
    /// names of the files removed come back.
    pub fn remove_files(
        &self,
        relative: &Path,
        doomed: impl Fn(&str) -> bool,
    ) -> Result<Vec<String>> {
        let dir = self.prepare(relative)?;
        let mut removed = Vec::new();
        if std::fs::symlink_metadata(&dir).is_err() {
            return Ok(removed);
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(removed);
        };
        for entry in entries.flatten() {
            let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_file && doomed(&name) && std::fs::remove_file(entry.path()).is_ok() {
                removed.push(name);
            }
        }
        removed.sort();
        Ok(removed)
    }

    /// Removes the temporary files a killed build left behind (the caller holds the lock, so no
    /// other build is writing any). Links are not followed.
    pub fn remove_stale_temporaries(&self) {
        fn walk(dir: &Path) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                if kind.is_dir() {
                    walk(&path);
                } else if kind.is_file() && is_temporary(&path) {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
        walk(&self.root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_inside_the_output_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let out = OutputDir::open(&dir.path().join("out")).unwrap();
        std::os::unix::fs::symlink(outside.path(), out.path().join("region")).unwrap();
        let err = out.write(Path::new("region/slug/x.txt"), b"x").unwrap_err();
        assert!(format!("{err:#}").contains("symbolic link"), "{err:#}");
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    }

    #[test]
    fn reads_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let inner = root.join("inner");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(root.join("secret"), "s").unwrap();
        std::os::unix::fs::symlink(root.join("secret"), inner.join("link")).unwrap();
        assert_eq!(read(&root, &inner.join("link")).unwrap(), b"s");
        assert_eq!(read(&inner, &inner.join("link")), Err(PathError::Outside));
        assert_eq!(
            read(&inner, &inner.join("../secret")),
            Err(PathError::Outside)
        );
        assert!(matches!(
            read(&inner, &inner.join("none")),
            Err(PathError::Missing(_))
        ));
    }
}
