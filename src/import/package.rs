//! A Word or OpenDocument package read safely: a zip file whose parts are read by name, each
//! within a size limit that holds even when the zip's own sizes lie (a zip bomb), and whose XML
//! is parsed without DTDs (no entity expansion) and with a limit on nodes.

use std::io::{Cursor, Read};

use super::ImportError;

/// The largest part read (XML or an image), uncompressed.
pub const MAX_PART: u64 = 64 * 1024 * 1024;
/// The most read from one package in all, uncompressed.
const MAX_TOTAL: u64 = 256 * 1024 * 1024;
/// More entries than any document has: a package of this many is not one.
const MAX_ENTRIES: usize = 20_000;
/// A part that expands more than this many times over (and to over a megabyte) is a bomb.
const MAX_RATIO: u64 = 200;
/// Nodes of one XML part: a programme of hundreds of pages has a few hundred thousand.
const MAX_NODES: u32 = 8_000_000;

pub struct Package {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
    read_so_far: u64,
}

impl Package {
    /// Opens the package; an encrypted Word file (an OLE compound file, as Word saves a document
    /// with a password) or a file that is no zip is refused with the reason.
    pub fn open(bytes: Vec<u8>) -> Result<Package, ImportError> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Err(ImportError::new("import-ole"));
        }
        if !bytes.starts_with(b"PK") {
            return Err(ImportError::new("import-not-a-package"));
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|err| ImportError::new("import-broken-zip").with("why", err.to_string()))?;
        if archive.len() > MAX_ENTRIES {
            return Err(ImportError::new("import-bomb").with("part", "none"));
        }
        Ok(Package {
            archive,
            read_so_far: 0,
        })
    }

    /// The names of the parts, as the zip lists them.
    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|name| name.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// The part `name`'s bytes, `None` when there is no such part. Refused: an encrypted part, one
    /// larger than [`MAX_PART`], one that expands suspiciously, and reading past [`MAX_TOTAL`].
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(err) => {
                return Err(ImportError::new("import-broken-part")
                    .with("part", name)
                    .with("why", err.to_string()));
            }
        };
        if file.encrypted() {
            return Err(ImportError::new("import-encrypted"));
        }
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        if declared > MAX_PART && declared / compressed <= MAX_RATIO {
            return Err(ImportError::new("import-too-large")
                .with("part", name)
                .with("size", (declared / 1_000_000).to_string()));
        }
        if declared > MAX_PART
            || (declared > 1024 * 1024 && declared / compressed > MAX_RATIO)
            || self.read_so_far + declared > MAX_TOTAL
        {
            return Err(ImportError::new("import-bomb").with("part", name));
        }
        let limit = MAX_PART.min(MAX_TOTAL - self.read_so_far);
        let mut bytes = Vec::with_capacity(declared.min(limit) as usize);
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| {
                ImportError::new("import-broken-part")
                    .with("part", name)
                    .with("why", err.to_string())
            })?;
        // The zip's own size may lie: what was read counts.
        if bytes.len() as u64 > limit {
            return Err(ImportError::new("import-bomb").with("part", name));
        }
        self.read_so_far += bytes.len() as u64;
        Ok(Some(bytes))
    }

    /// The part `name` as text (UTF-8, a BOM dropped), `None` when there is no such part.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let Some(bytes) = self.read(name)? else {
            return Ok(None);
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Some(text.to_string())),
            // UTF-16, as some tools write XML: decoded when it says so with its BOM.
            Err(_) if bytes.starts_with(&[0xFF, 0xFE]) => {
                let units: Vec<u16> = bytes[2..]
                    .chunks_exact(2)
                    .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                    .collect();
                Ok(Some(String::from_utf16_lossy(&units)))
            }
            Err(_) => Err(ImportError::new("import-broken-part")
                .with("part", name)
                .with("why", "not UTF-8")),
        }
    }
}

/// Parses a package's XML part: no DTD (so no entities to expand), a bounded number of nodes.
pub fn parse_xml<'a>(text: &'a str, part: &str) -> Result<roxmltree::Document<'a>, ImportError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|err| {
        ImportError::new("import-broken-part")
            .with("part", part)
            .with("why", err.to_string())
    })
}

/// A part's path from a relationship target, relative to the folder of the part that names it
/// (`word/` for `media/image1.png`), or absolute (`/word/media/…`); `None` when it leads out
/// of the package (`../../etc/passwd`).
pub fn resolve(base_folder: &str, target: &str) -> Option<String> {
    let target = target.replace('\\', "/");
    let mut parts: Vec<&str> = if let Some(absolute) = target.strip_prefix('/') {
        absolute.split('/').collect()
    } else {
        base_folder
            .split('/')
            .filter(|p| !p.is_empty())
            .chain(target.split('/'))
            .collect()
    };
    let mut resolved: Vec<&str> = Vec::new();
    for part in parts.drain(..) {
        match part {
            "" | "." => {}
            ".." => {
                resolved.pop()?;
            }
            other => resolved.push(other),
        }
    }
    (!resolved.is_empty()).then(|| resolved.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_resolves_inside_the_package_or_not_at_all() {
        assert_eq!(
            resolve("word", "media/image1.png").as_deref(),
            Some("word/media/image1.png")
        );
        assert_eq!(
            resolve("word", "/word/media/a.png").as_deref(),
            Some("word/media/a.png")
        );
        assert_eq!(
            resolve("word", "../docProps/x.png").as_deref(),
            Some("docProps/x.png")
        );
        assert_eq!(resolve("word", "../../etc/passwd"), None);
    }

    #[test]
    fn what_is_no_zip_is_refused_with_a_reason() {
        assert_eq!(
            Package::open(b"hello".to_vec()).err().map(|e| e.id),
            Some("import-not-a-package")
        );
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend([0; 100]);
        assert_eq!(Package::open(ole).err().map(|e| e.id), Some("import-ole"));
    }
}
