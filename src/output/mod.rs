//! One module per output kind; each renders from the loaded [`Programme`] model. The kinds are
//! listed once, in [`KINDS`]: build, check, watch, the manifest and the command line's
//! `--format` all read that table, and know nothing of any one kind.
//!
//! Adding a kind is its own module (an [`Output`]) and one line in [`KINDS`].

pub mod fit;
pub mod hyphenate;
pub mod large_print;
pub mod leaflet;
pub mod pdf;
pub mod print;
pub mod report;
pub mod summary;
pub mod text;
pub mod twins;

use std::fmt;

use crate::diagnostics::Diagnostic;
use crate::i18n::{Labels, labels};
use crate::layout::Layout;
use crate::model::Programme;
use pdf::PdfContext;

/// An output kind: what it is called, where it goes, and how it is made.
pub trait Output: Sync {
    /// The name on the command line and in the manifest (`leaflet-print`).
    fn name(&self) -> &'static str;
    /// One line for `--help`.
    fn about(&self) -> &'static str;
    /// Its file in `out/<region>/<slug>/`; it may follow the programme's language.
    fn file_name(&self, slug: &str, labels: &Labels) -> String;
    /// Whether a build without `--format` writes it for a region with `layout`.
    fn by_default(&self, _layout: Option<&Layout>) -> bool {
        true
    }
    /// The kind this one is made from (a print twin's screen twin): when that one failed, this
    /// one would fail the same way, and is not tried.
    fn made_from(&self) -> Option<&'static str> {
        None
    }
    /// Whether the print shop receives it (`check --print` preflights these).
    fn for_print(&self) -> bool {
        false
    }
    /// Renders it.
    fn render(&self, programme: &Programme, cx: &PdfContext) -> Result<Rendered, Vec<Diagnostic>>;
}

/// Every kind of output, in the order a build makes them (a print twin after its screen twin,
/// which lays out the document both share).
pub const KINDS: &[OutputKind] = &[
    OutputKind(&text::TEXT),
    OutputKind(&leaflet::SCREEN),
    OutputKind(&summary::SCREEN),
    OutputKind(&leaflet::PRINT),
    OutputKind(&summary::PRINT),
    OutputKind(&report::REPORT),
    OutputKind(&large_print::LARGE_PRINT),
];

/// One rendered output.
#[derive(Debug, Default)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Page count, for PDFs.
    pub pages: Option<u32>,
    /// PNG previews, one per page, when asked for.
    pub previews: Vec<Vec<u8>>,
    /// What the kind records about this output in its manifest entry (its own struct,
    /// serialised): the summary's setting, the print facts, …
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// The same in words, for `-v` ("set in 9.5 pt, 2 columns").
    pub summary: Option<String>,
    /// How many layouts a fit search compiled.
    pub tries: Option<usize>,
    pub warnings: Vec<Diagnostic>,
}

impl Rendered {
    /// Adds `facts` (a struct that serialises to a map) to the manifest entry's facts.
    pub fn with_facts(mut self, facts: &impl serde::Serialize) -> Self {
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(facts) {
            self.facts.extend(map);
        }
        self
    }
}

impl From<pdf::Pdf> for Rendered {
    fn from(pdf: pdf::Pdf) -> Self {
        Rendered {
            bytes: pdf.bytes,
            pages: Some(pdf.pages),
            previews: pdf.previews,
            warnings: pdf.warnings,
            ..Rendered::default()
        }
    }
}

/// A kind of output, as the build and the command line handle it: one of [`KINDS`].
#[derive(Clone, Copy)]
pub struct OutputKind(&'static dyn Output);

impl OutputKind {
    /// Every kind.
    pub const ALL: &'static [OutputKind] = KINDS;

    /// The kind called `name`.
    pub fn named(name: &str) -> Option<OutputKind> {
        KINDS.iter().copied().find(|kind| kind.name() == name)
    }

    /// What a build writes when no `--format` is given, for a region with `layout`.
    pub fn defaults(layout: Option<&Layout>) -> Vec<OutputKind> {
        KINDS
            .iter()
            .copied()
            .filter(|kind| kind.0.by_default(layout))
            .collect()
    }

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The file name of this output of the programme `slug` in language `lang`.
    pub fn file_name(self, slug: &str, lang: &str) -> String {
        self.0.file_name(slug, labels(lang))
    }

    /// The kind this one is made from, if any (see [`Output::made_from`]).
    pub fn made_from(self) -> Option<OutputKind> {
        self.0.made_from().and_then(OutputKind::named)
    }

    pub fn for_print(self) -> bool {
        self.0.for_print()
    }

    /// Renders this output of `programme`.
    pub fn render(
        self,
        programme: &Programme,
        cx: &PdfContext,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        self.0.render(programme, cx)
    }

    /// Its place in [`KINDS`], for ordering.
    fn index(self) -> usize {
        KINDS
            .iter()
            .position(|kind| kind.name() == self.name())
            .unwrap_or(usize::MAX)
    }
}

impl PartialEq for OutputKind {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

impl Eq for OutputKind {}

impl PartialOrd for OutputKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OutputKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl std::hash::Hash for OutputKind {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for OutputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for OutputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `--format` takes the kinds' names, with their `about` in `--help`.
impl clap::ValueEnum for OutputKind {
    fn value_variants<'a>() -> &'a [Self] {
        KINDS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.0.about()))
    }
}
