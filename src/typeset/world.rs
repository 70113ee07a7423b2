//! Our Typst `World`: what a template may read, and nothing more.
//!
//! - `/programme.json` is the document's data, made by trycksak from the model;
//! - `/running.json` is what its pages repeat (running title, slug line);
//! - `/layout/NAME` is a template file, found by the layered lookup of [`Layouts`]
//!   (`/layout/base/NAME` base's own, for a region's file that starts from it);
//! - any other path is a file of the project, read only if it really is inside the project
//!   root (a symlink that leads outside is refused);
//! - packages (`@preview/…`) are refused: there is no network.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, Span, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::Typesetter;
use crate::layout::TemplateFile;
use crate::sandbox::{self, PathError};

/// The virtual path of the data file.
pub const DATA_PATH: &str = "/programme.json";
/// The virtual path of what the pages repeat: the running title and the slug line. Page
/// headers, footers and marks read it where they draw it (`context`), so that no page style
/// holds the programme's own words: styles belong to every paragraph of the page, and Typst
/// reuses a laid-out paragraph only for the same styles — a party's municipal programmes
/// share most of their paragraphs, and a build of 290 of them lays each out once.
pub const RUNNING_PATH: &str = "/running.json";
/// The virtual folder of the layout's template files.
pub const LAYOUT_DIR: &str = "/layout";

pub(super) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("our own virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// Where a template or project file came from, for messages.
#[derive(Debug, Clone)]
pub(super) struct Origin {
    pub display: PathBuf,
}

/// Template sources, cached per region and path for the whole build.
#[derive(Default)]
pub(super) struct SourceCache {
    entries: Mutex<HashMap<(String, FileId), (Source, Origin)>>,
}

impl SourceCache {
    /// The file (as messages name it) and 1-based line of `span`; `None` for a span of no
    /// template loaded in this build. Where regions load different files under one template
    /// name, any of them that has the span may name it (a profile's line, not a message's).
    pub(super) fn locate(&self, span: Span) -> Option<(PathBuf, usize)> {
        let id = span.id()?;
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.iter().find_map(|((_, file), (source, origin))| {
            let start = (*file == id).then(|| source.find(span))??.range().start;
            Some((
                origin.display.clone(),
                source.lines().byte_to_line(start)? + 1,
            ))
        })
    }

    pub(super) fn origin(&self, region: &str, id: FileId) -> Option<Origin> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&(region.to_string(), id))
            .map(|(_, origin)| origin.clone())
    }
}

/// The world of one document: a region, a main template and the document's data.
pub(super) struct DocumentWorld<'a> {
    pub typesetter: &'a Typesetter,
    pub region: &'a str,
    pub main: FileId,
    pub data: Bytes,
    pub running: Bytes,
    pub today: Datetime,
}

impl DocumentWorld<'_> {
    /// Reads a file of the project through the read gate: refuses anything that resolves
    /// outside the root.
    fn project_file(&self, vpath: &VirtualPath) -> FileResult<Vec<u8>> {
        let root = &self.typesetter.root;
        let path = vpath.realize(root).map_err(FileError::Realize)?;
        sandbox::read(root, &path).map_err(|err| match err {
            PathError::Missing(path) => FileError::NotFound(path),
            PathError::NotAFile => FileError::IsDirectory,
            PathError::Outside => FileError::Other(Some(
                t!(
                    "template-path-outside",
                    path = vpath.get_without_slash().to_string()
                )
                .into(),
            )),
            err => FileError::Other(Some(
                format!("{} {}", vpath.get_without_slash(), err.describe()).into(),
            )),
        })
    }

    /// A template file of `/layout/NAME`, through the layered lookup; `/layout/base/NAME` is
    /// base's own (the project's `layouts/base/`, else the built-in one), so that a region's
    /// file can start from the one it replaces (`#import "/layout/base/theme.typ": *`).
    fn template_file(&self, name: &str) -> FileResult<TemplateFile> {
        let (region, name) = match name.strip_prefix("base/") {
            Some(name) => (crate::project::BASE_REGION, name),
            None => (self.region, name),
        };
        self.typesetter
            .layouts
            .template(region, name)
            .map_err(|why| FileError::Other(Some(why.into())))?
            .ok_or_else(|| FileError::NotFound(Path::new(name).to_path_buf()))
    }

    fn refuse_packages(id: FileId) -> FileResult<()> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Other(Some(
                format!("package {spec} is not available: packages are not available offline: copy the package under layouts/").into(),
            )));
        }
        Ok(())
    }

    /// The template file name of `/layout/NAME`.
    fn template_name(id: FileId) -> Option<String> {
        let path = id.get().vpath().get_with_slash();
        path.strip_prefix(LAYOUT_DIR)?
            .strip_prefix('/')
            .map(str::to_string)
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.typesetter.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        Self::refuse_packages(id)?;
        let key = (self.region.to_string(), id);
        let cache = &self.typesetter.sources;
        if let Some((source, _)) = cache
            .entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(source.clone());
        }
        let (text, display) = match Self::template_name(id) {
            Some(name) => {
                let file = self.template_file(&name)?;
                let text = String::from_utf8(file.bytes).map_err(|_| FileError::InvalidUtf8)?;
                (text, file.display)
            }
            None => {
                let bytes = self.project_file(id.vpath())?;
                let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
                (text, PathBuf::from(id.vpath().get_without_slash()))
            }
        };
        let source = Source::new(id, text);
        cache
            .entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, (source.clone(), Origin { display }));
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Self::refuse_packages(id)?;
        if id.vpath().get_with_slash() == DATA_PATH {
            return Ok(self.data.clone());
        }
        if id.vpath().get_with_slash() == RUNNING_PATH {
            return Ok(self.running.clone());
        }
        // Not cached by id: the same name is another file in another region's folder.
        if let Some(name) = Self::template_name(id) {
            return self.template_file(&name).map(|file| Bytes::new(file.bytes));
        }
        let mut files = self
            .typesetter
            .files
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(bytes) = files.get(&id) {
            return Ok(bytes.clone());
        }
        let bytes = Bytes::new(self.project_file(id.vpath())?);
        files.insert(id, bytes.clone());
        Ok(bytes)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
