//! One module per output kind; each renders from the loaded [`Programme`] model.

pub mod leaflet;
pub mod pdf;
pub mod summary;
pub mod text;

use crate::diagnostics::Diagnostic;
use crate::model::Programme;
use pdf::{Fit, PdfContext};

/// The kinds of output a build can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum OutputKind {
    /// The accessible plain-text version (`<slug>.txt`).
    Text,
    /// The booklet of the whole programme (`<slug>-leaflet.pdf`).
    Leaflet,
    /// Title, lead and every pledge on one page (`<slug>-summary.pdf`).
    Summary,
}

/// One rendered output.
#[derive(Debug, Default)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Page count, for PDFs.
    pub pages: Option<u32>,
    /// PNG previews, one per page, when asked for.
    pub previews: Vec<Vec<u8>>,
    /// The summary's type setting.
    pub fit: Option<Fit>,
    /// How many layouts the summary's fit search compiled.
    pub fit_tries: Option<usize>,
    pub warnings: Vec<Diagnostic>,
}

impl OutputKind {
    pub const ALL: &[OutputKind] = &[OutputKind::Text, OutputKind::Leaflet, OutputKind::Summary];

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Text => "text",
            OutputKind::Leaflet => "leaflet",
            OutputKind::Summary => "summary",
        }
    }

    /// The file name of this output for a programme, inside `out/<region>/<slug>/`.
    pub fn file_name(self, slug: &str) -> String {
        match self {
            OutputKind::Text => format!("{slug}.txt"),
            OutputKind::Leaflet => format!("{slug}-leaflet.pdf"),
            OutputKind::Summary => format!("{slug}-summary.pdf"),
        }
    }

    /// Whether this kind is typeset (and so needs the fonts and layouts).
    pub fn is_pdf(self) -> bool {
        self != OutputKind::Text
    }

    /// Renders this output of `programme`.
    pub fn render(
        self,
        programme: &Programme,
        cx: &PdfContext,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        match self {
            OutputKind::Text => Ok(Rendered {
                bytes: text::render(programme).into_bytes(),
                ..Rendered::default()
            }),
            OutputKind::Leaflet => {
                let pdf = leaflet::render(programme, cx)?;
                Ok(Rendered {
                    bytes: pdf.bytes,
                    pages: Some(pdf.pages),
                    previews: pdf.previews,
                    warnings: pdf.warnings,
                    ..Rendered::default()
                })
            }
            OutputKind::Summary => {
                let summary = summary::render(programme, cx)?;
                Ok(Rendered {
                    bytes: summary.pdf.bytes,
                    pages: Some(summary.pdf.pages),
                    previews: summary.pdf.previews,
                    fit: Some(summary.fit),
                    fit_tries: Some(summary.tries),
                    warnings: summary.pdf.warnings,
                })
            }
        }
    }
}
