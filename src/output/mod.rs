//! One module per output kind; each renders from the loaded [`Programme`] model.

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

use crate::diagnostics::Diagnostic;
use crate::i18n::labels;
use crate::layout::Layout;
use crate::model::Programme;
use pdf::{Fit, Medium, PdfContext};

/// The kinds of output a build can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum OutputKind {
    /// The accessible plain-text version (`<slug>.txt`).
    Text,
    /// The booklet of the whole programme (`<slug>-leaflet.pdf`).
    Leaflet,
    /// Title, lead and every pledge on one page (`<slug>-summary.pdf`).
    Summary,
    /// The leaflet for the print shop: bleed, crop marks, CMYK, PDF/X-4
    /// (`<slug>-leaflet-print.pdf`).
    LeafletPrint,
    /// The summary for the print shop (`<slug>-summary-print.pdf`).
    SummaryPrint,
    /// The accessibility reviewer's readability report (`<slug>-tillganglighet.txt` for Swedish).
    Report,
    /// The large-print, easy-read PDF (`<slug>-storstil.pdf` for Swedish); built by default only
    /// where the layout says `large_print: true`.
    LargePrint,
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
    /// The leaflet's body size and page count.
    pub leaflet: Option<leaflet::LeafletFit>,
    /// The summary's sections that do not show every pledge.
    pub shown: Option<Vec<pdf::Shown>>,
    /// Print twins: what the print shop needs to know, for the manifest.
    pub print: Option<print::PrintFacts>,
    pub warnings: Vec<Diagnostic>,
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

impl OutputKind {
    pub const ALL: &[OutputKind] = &[
        OutputKind::Text,
        OutputKind::Leaflet,
        OutputKind::Summary,
        OutputKind::LeafletPrint,
        OutputKind::SummaryPrint,
        OutputKind::Report,
        OutputKind::LargePrint,
    ];

    /// What a build writes when no `--format` is given: everything, the large-print PDF only
    /// where the region's layout asks for it.
    pub fn defaults(layout: Option<&Layout>) -> Vec<OutputKind> {
        let large_print = layout.is_some_and(|l| l.large_print);
        Self::ALL
            .iter()
            .copied()
            .filter(|&kind| kind != OutputKind::LargePrint || large_print)
            .collect()
    }

    /// The screen PDF a print twin is made from: when that fails, the twin would fail the same
    /// way, and is not tried.
    pub fn screen_twin(self) -> Option<OutputKind> {
        match self {
            OutputKind::LeafletPrint => Some(OutputKind::Leaflet),
            OutputKind::SummaryPrint => Some(OutputKind::Summary),
            _ => None,
        }
    }

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Text => "text",
            OutputKind::Leaflet => "leaflet",
            OutputKind::Summary => "summary",
            OutputKind::LeafletPrint => "leaflet-print",
            OutputKind::SummaryPrint => "summary-print",
            OutputKind::Report => "report",
            OutputKind::LargePrint => "large-print",
        }
    }

    /// The file name of this output, inside `out/<region>/<slug>/`; the report's and the
    /// large-print PDF's follow the programme's language.
    pub fn file_name(self, slug: &str, lang: &str) -> String {
        let labels = labels(lang);
        match self {
            OutputKind::Text => format!("{slug}.txt"),
            OutputKind::Leaflet => format!("{slug}-leaflet.pdf"),
            OutputKind::Summary => format!("{slug}-summary.pdf"),
            OutputKind::LeafletPrint => format!("{slug}-leaflet-print.pdf"),
            OutputKind::SummaryPrint => format!("{slug}-summary-print.pdf"),
            OutputKind::Report => format!("{slug}-{}.txt", labels.report_file),
            OutputKind::LargePrint => format!("{slug}-{}.pdf", labels.large_print_file),
        }
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
            OutputKind::Leaflet | OutputKind::LeafletPrint => {
                let medium = if self == OutputKind::Leaflet {
                    Medium::Screen
                } else {
                    Medium::Print
                };
                let (pdf, fitted) = leaflet::render(programme, cx, medium)?;
                let print = (medium == Medium::Print).then(|| print::facts(&pdf.bytes));
                Ok(Rendered {
                    leaflet: Some(fitted),
                    fit_tries: Some(fitted.compiles),
                    print,
                    ..Rendered::from(pdf)
                })
            }
            OutputKind::LargePrint => large_print::render(programme, cx).map(Rendered::from),
            OutputKind::Summary | OutputKind::SummaryPrint => {
                let medium = if self == OutputKind::Summary {
                    Medium::Screen
                } else {
                    Medium::Print
                };
                let summary = summary::render(programme, cx, medium)?;
                let print = (medium == Medium::Print).then(|| print::facts(&summary.pdf.bytes));
                Ok(Rendered {
                    fit: Some(summary.fitted.fit),
                    fit_tries: Some(summary.fitted.tries),
                    shown: Some(summary.fitted.shown).filter(|shown| !shown.is_empty()),
                    print,
                    ..Rendered::from(summary.pdf)
                })
            }
            OutputKind::Report => {
                let target = report::lix_target(programme, cx.typesetter.layouts());
                let (report, warnings) = report::render(programme, cx.source, target);
                Ok(Rendered {
                    bytes: report.into_bytes(),
                    warnings,
                    ..Rendered::default()
                })
            }
        }
    }
}
