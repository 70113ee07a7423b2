//! Typst as a library: every PDF goes through here. All Typst glue of the project lives in this
//! module (the Typst API changes between minor versions; the crates are pinned to one version).
//!
//! A [`Typesetter`] is made once per build: it loads the fonts and layouts and keeps parsed
//! templates, so that each document only adds its own data.

mod exports;
mod fonts;
mod world;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::syntax::{FileId, Span};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use exports::ExportSlots;
pub use fonts::FontLibrary;
use world::{DocumentWorld, SourceCache, file_id};

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::layout::Layouts;
use crate::project::Project;

/// Shared state of all documents of a build.
pub struct Typesetter {
    root: PathBuf,
    library: LazyHash<Library>,
    fonts: FontLibrary,
    layouts: Layouts,
    sources: SourceCache,
    files: Mutex<HashMap<FileId, Bytes>>,
    exports: ExportSlots,
}

/// A laid-out document and the warnings Typst gave for it.
#[derive(Clone)]
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
    region: String,
    main: FileId,
}

impl Compiled {
    /// The same compilation with a changed document (a twin made from it).
    pub fn with_document(&self, document: PagedDocument) -> Compiled {
        Compiled {
            document,
            warnings: self.warnings.clone(),
            region: self.region.clone(),
            main: self.main,
        }
    }
}

/// What to typeset: a template of a region's layout with the document's data.
pub struct Request<'a, T: Serialize> {
    pub region: &'a str,
    /// A template file name, looked up in the layout folders (`leaflet.typ`).
    pub template: &'a str,
    pub data: &'a T,
    /// What the document's pages repeat (`/running.json`): read where a page draws it, never
    /// held in a page style (see [`world::RUNNING_PATH`]).
    pub running: &'a serde_json::Value,
    /// The PDF's title, author and keywords, where the template does not set them.
    pub info: &'a DocumentMeta,
    /// The document's date: used for `today` and the PDF's timestamps.
    pub date: Datetime,
}

/// The document's own metadata, set by trycksak rather than by a template's `set document`:
/// a set rule is a style of every paragraph, and one that holds the programme's title keeps
/// Typst from reusing paragraphs another programme laid out the same.
pub struct DocumentMeta {
    pub title: String,
    /// The programme's party (or the layout's organisation name); none when neither says.
    pub author: Option<String>,
    pub keywords: Vec<String>,
}

impl Typesetter {
    /// Loads the fonts (built in and `fonts/`) and every layout of the project.
    pub fn new(project: &Project) -> Typesetter {
        let fonts = FontLibrary::load(project);
        let layouts = Layouts::load(project, fonts.families(), fonts.problems());
        Typesetter {
            root: project.root.clone(),
            library: LazyHash::new(Library::builder().build()),
            fonts,
            layouts,
            sources: SourceCache::default(),
            files: Mutex::new(HashMap::new()),
            exports: ExportSlots::new(),
        }
    }

    /// The project folder every file is read from.
    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    pub fn layouts(&self) -> &Layouts {
        &self.layouts
    }

    pub fn fonts(&self) -> &FontLibrary {
        &self.fonts
    }

    /// Lets the PDF writes of a build on `threads` threads take turns (`typeset/exports.rs`).
    pub fn fit_exports_to(&self, threads: usize) {
        self.exports.fit_to(threads);
    }

    /// Lays out a document. Errors are located in the template files that caused them.
    pub fn compile<T: Serialize>(&self, request: &Request<T>) -> Result<Compiled, Vec<Diagnostic>> {
        let data = serde_json::to_vec(request.data).expect("the document data serialises");
        let running = serde_json::to_vec(request.running).expect("the running data serialises");
        let main = file_id(&format!("{}/{}", world::LAYOUT_DIR, request.template));
        let world = DocumentWorld {
            typesetter: self,
            region: request.region,
            main,
            data: Bytes::new(data),
            running: Bytes::new(running),
            today: request.date,
        };
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let warnings = self.convert(&world, &warnings);
        match output {
            Ok(mut document) => {
                fill_info(document.info_mut(), request.info);
                Ok(Compiled {
                    document,
                    warnings,
                    region: request.region.to_string(),
                    main,
                })
            }
            Err(errors) => {
                let mut all = self.convert(&world, &errors);
                all.extend(warnings);
                Err(all)
            }
        }
    }

    /// Writes what Typst timed since [`typst_timing::enable`] (Chrome's trace event format,
    /// as `typst compile --timings` writes it) to `out`, the template lines named by file and
    /// line, and clears it.
    pub fn export_timings(&self, out: impl std::io::Write) -> Result<(), String> {
        typst_timing::export_json(out, |raw| {
            self.sources.locate(Span::from_raw(raw)).map_or_else(
                || (String::new(), 0),
                |(file, line)| (file.display().to_string(), line as u32),
            )
        })
    }

    /// Writes a laid-out document as a tagged PDF conforming to `standards`, with a fixed
    /// identifier and timestamp so that the same input always gives the same bytes.
    /// `to_rewrite`: the PDF is read back and its content streams rewritten (a print twin),
    /// so Typst leaves them uncompressed instead of compressing what is inflated again; its
    /// switch for that (`pretty`) also hex-encodes binary streams, which
    /// [`crate::pdf_objects::strip_ascii_hex`] undoes.
    pub fn pdf(
        &self,
        compiled: &Compiled,
        ident: &str,
        date: Datetime,
        standards: &[PdfStandard],
        to_rewrite: bool,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let world = DocumentWorld {
            typesetter: self,
            region: &compiled.region,
            main: compiled.main,
            data: Bytes::new(Vec::new()),
            running: Bytes::new(Vec::new()),
            today: date,
        };
        let standards = PdfStandards::new(standards).map_err(|err| {
            vec![Diagnostic::about(
                "trycksak",
                format!("PDF standards: {}", err.message()),
            )]
        })?;
        let options = PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            creator: Smart::Custom(Some(format!(
                "trycksak {} (Typst 0.15)",
                env!("CARGO_PKG_VERSION")
            ))),
            timestamp: Some(Timestamp::new_utc(date)),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: to_rewrite,
        };
        let _turn = self.exports.take();
        typst_pdf::pdf(&compiled.document, &options).map_err(|errors| self.convert(&world, &errors))
    }

    /// Turns Typst's diagnostics into ours, located in the layout file (region or base) and
    /// line that caused them.
    fn convert(&self, world: &DocumentWorld, diagnostics: &[SourceDiagnostic]) -> Vec<Diagnostic> {
        diagnostics
            .iter()
            .map(|d| {
                let located = d.span.id().and_then(|id| {
                    let source = world.source(id).ok()?;
                    let display = self.sources.origin(world.region, id).map_or_else(
                        || PathBuf::from(id.vpath().get_without_slash()),
                        |o| o.display,
                    );
                    Some((
                        SourceFile::new(display, source.text().to_string()),
                        world.range(d.span),
                    ))
                });
                let (file, span) = located.unwrap_or_else(|| {
                    let main = self
                        .sources
                        .origin(world.region, world.main())
                        .map(|o| o.display);
                    (
                        SourceFile::new(
                            main.unwrap_or_else(|| PathBuf::from("layout")),
                            String::new(),
                        ),
                        None,
                    )
                });
                // Typst's own words, in English, after ours saying where they come from.
                let message = t!("template-says", message = d.message.to_string());
                let mut diagnostic = match d.severity {
                    TypstSeverity::Error => Diagnostic::error(&file, span, message),
                    TypstSeverity::Warning => Diagnostic::warning(&file, span, message),
                };
                let hints: Vec<&str> = d.hints.iter().map(|hint| hint.v.as_str()).collect();
                if !hints.is_empty() {
                    diagnostic = diagnostic.with_help(hints.join("; "));
                }
                diagnostic
            })
            .collect()
    }
}

/// Renders one page as PNG at `ppi` pixels per inch.
pub fn page_png(
    document: &PagedDocument,
    page: usize,
    ppi: f32,
    with_bleed: bool,
) -> Option<Vec<u8>> {
    let page = document.pages().get(page)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: f64::from(ppi / 72.0).into(),
        render_bleed: with_bleed,
    };
    typst_render::render(page, &options).encode_png().ok()
}

/// The value a template gave to `metadata(..)` under `label`, as JSON: how a template tells
/// trycksak what it measured.
pub fn labelled_metadata(document: &PagedDocument, label: &str) -> Option<serde_json::Value> {
    use typst::introspection::{Introspector, MetadataElem};
    let content = document
        .introspector()
        .query_label(label_named(label)?)
        .ok()?;
    let value = &content.to_packed::<MetadataElem>()?.value;
    serde_json::to_value(value).ok()
}

/// Where the element labelled `label` stands: its page (from 1) and how far down it, in points.
pub fn labelled_position(document: &PagedDocument, label: &str) -> Option<(usize, f64)> {
    use typst::introspection::Introspector;
    let introspector = document.introspector();
    let location = introspector
        .query_label(label_named(label)?)
        .ok()?
        .location()?;
    let at = introspector.position(location)?;
    Some((at.page.get(), at.point.y.to_pt()))
}

/// A template's label `<name>` (none for an empty name).
fn label_named(name: &str) -> Option<typst::foundations::Label> {
    typst::foundations::Label::new(typst::utils::PicoStr::intern(name))
}

/// Calls `f` with every item of `frame` that is not a group, in order, and the transform from
/// the item's own coordinates to the frame's (its position and its groups' transforms): the one
/// walk over laid-out frames.
pub fn visit_items(frame: &Frame, f: &mut dyn FnMut(Transform, &FrameItem)) {
    fn walk(frame: &Frame, transform: Transform, f: &mut dyn FnMut(Transform, &FrameItem)) {
        for (position, item) in frame.items() {
            let here = transform.pre_concat(Transform::translate(position.x, position.y));
            match item {
                FrameItem::Group(group) => walk(&group.frame, here.pre_concat(group.transform), f),
                other => f(here, other),
            }
        }
    }
    walk(frame, Transform::identity(), f)
}

/// The text of each page as laid out, in reading order of the frames; words broken by
/// hyphenation are joined again (the hyphen Typst adds is a soft hyphen).
pub fn page_texts(document: &PagedDocument) -> Vec<String> {
    document
        .pages()
        .iter()
        .map(|page| {
            let mut out = String::new();
            // Set after a hyphenation hyphen: the next piece of text continues the word.
            let mut joined = false;
            visit_items(&page.frame, &mut |_, item| match item {
                FrameItem::Text(text) if text.text == "\u{ad}" => joined = true,
                FrameItem::Text(text) => {
                    if !out.is_empty() && !joined {
                        out.push(' ');
                    }
                    joined = false;
                    out.push_str(&text.text);
                }
                _ => {}
            });
            out
        })
        .collect()
}

/// The lines of each page as laid out: text items grouped by their baseline, left to right.
/// Used to check line lengths.
pub fn page_lines(document: &PagedDocument) -> Vec<Vec<String>> {
    document
        .pages()
        .iter()
        .map(|page| {
            let mut items: Vec<(Point, String)> = Vec::new();
            visit_items(&page.frame, &mut |here, item| {
                if let FrameItem::Text(text) = item
                    && text.text != "\u{ad}"
                {
                    items.push((Point::zero().transform(here), text.text.to_string()));
                }
            });
            items.sort_by(|a, b| {
                a.0.y
                    .to_pt()
                    .round()
                    .total_cmp(&b.0.y.to_pt().round())
                    .then(a.0.x.cmp(&b.0.x))
            });
            let mut lines: Vec<(f64, String)> = Vec::new();
            for (at, text) in items {
                let y = at.y.to_pt().round();
                match lines.last_mut() {
                    Some((last, line)) if *last == y => line.push_str(&text),
                    _ => lines.push((y, text)),
                }
            }
            lines
                .into_iter()
                .map(|(_, line)| line.trim().to_string())
                .collect()
        })
        .collect()
}

/// Whether Typst broke a word with a hyphen anywhere in the document.
pub fn has_hyphenation(document: &PagedDocument) -> bool {
    let mut found = false;
    for page in document.pages() {
        visit_items(&page.frame, &mut |_, item| {
            found |= matches!(item, FrameItem::Text(text) if text.text == "\u{ad}");
        });
    }
    found
}

/// The date of a document: the programme's `date`, else `SOURCE_DATE_EPOCH`, else a constant,
/// never the clock, so that builds are reproducible.
pub fn document_date(date: Option<&str>) -> Datetime {
    let from_iso = |iso: &str| {
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().ok());
        let (Some(Some(y)), Some(Some(m)), Some(Some(d))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        Datetime::from_ymd(y as i32, m as u8, d as u8)
    };
    let from_epoch = || {
        let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
            .ok()?
            .trim()
            .parse()
            .ok()?;
        let days = seconds.div_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        Datetime::from_ymd(y as i32, m as u8, d as u8)
    };
    date.and_then(from_iso)
        .or_else(from_epoch)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"))
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Fills in the metadata a template left unset (one that sets its own keeps it).
fn fill_info(info: &mut typst::model::DocumentInfo, meta: &DocumentMeta) {
    if info.title.is_none() {
        info.title = Some(meta.title.as_str().into());
    }
    if info.author.is_empty() {
        info.author = meta.author.iter().map(|a| a.as_str().into()).collect();
    }
    if info.keywords.is_empty() {
        info.keywords = meta.keywords.iter().map(|k| k.as_str().into()).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn the_programme_date_wins() {
        assert_eq!(
            document_date(Some("2021-05-12")),
            Datetime::from_ymd(2021, 5, 12).unwrap()
        );
    }
}
