//! What every output kind is: the [`Output`] trait each kind's module implements, and what a
//! kind's rendering gives the build ([`Rendered`]). The registry of kinds is in `mod.rs`.

use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
use crate::layout::Layout;
use crate::model::Programme;

use super::context::{Made, RenderContext};
use super::pdf;

/// An output kind: what it is called, where it goes, and how it is made.
pub trait Output: Sync {
    /// The name on the command line and in the manifest (`leaflet-print`).
    fn name(&self) -> &'static str;
    /// What a reader calls it, in the programme's language (the HTML version's downloads).
    fn title<'a>(&self, labels: &'a Labels) -> &'a str;
    /// Its file in `out/<region>/<slug>/`; it may follow the programme's language.
    fn file_name(&self, slug: &str, labels: &Labels) -> String;
    /// Whether a build without `--format` writes it for a region with `layout`.
    fn by_default(&self, _layout: Option<&Layout>) -> bool {
        true
    }
    /// The kind this one is made from (a print twin's screen twin): when that one failed, this
    /// one would fail the same way, and is not tried.
    fn made_from(&self) -> Option<super::OutputKind> {
        None
    }
    /// Whether it lists the programme's other outputs (the HTML version's downloads): it is
    /// made after them.
    fn lists_others(&self) -> bool {
        false
    }
    /// Whether the print shop receives it (`check --print` preflights these).
    fn for_print(&self) -> bool {
        false
    }
    /// Whether the public reads it: the index and the programme pages link only these; the
    /// others (print PDFs, the reviewer's report) are listed on the staff page.
    fn for_public(&self) -> bool {
        !self.for_print()
    }
    /// Renders it. `made` holds the programme's outputs made before it when it lists the others
    /// ([`Output::lists_others`]), and nothing otherwise.
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>>;
}

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
    /// Files written beside the output (the images an HTML page shows), by file name.
    pub extra_files: Vec<(String, Vec<u8>)>,
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
