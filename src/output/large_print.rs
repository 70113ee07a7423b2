//! The large-print, easy-read PDF: A4, 16 pt and up, ragged right without hyphenation, short
//! lines, generous spacing, black text; tagged like the screen PDFs.

use super::context::{Made, RenderContext};
use super::kind::{Output, Rendered};
use super::pdf::{DocumentData, Medium, Pdf};
use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
use crate::layout::Layout;
use crate::model::Programme;
use crate::typeset::Compiled;

pub const TEMPLATE: &str = "large-print.typ";

/// The large-print, easy-read PDF (`<slug>-storstil.pdf` for Swedish); built by default only
/// where the layout says `large_print: true`.
pub struct LargePrintOutput;
pub const LARGE_PRINT: LargePrintOutput = LargePrintOutput;

impl Output for LargePrintOutput {
    fn name(&self) -> &'static str {
        "large-print"
    }
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        &labels.large_print_title
    }
    fn file_name(&self, slug: &str, labels: &Labels) -> String {
        format!("{slug}-{}.pdf", labels.large_print_file)
    }
    fn by_default(&self, layout: Option<&Layout>) -> bool {
        layout.is_some_and(|l| l.large_print)
    }
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        _made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        render(programme, cx).map(Rendered::from)
    }
}

pub fn render(programme: &Programme, cx: &RenderContext) -> Result<Pdf, Vec<Diagnostic>> {
    let (compiled, data) = typeset(programme, cx)?;
    cx.export(compiled, &data)
}

pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &RenderContext<'a>,
) -> Result<(Compiled, DocumentData<'a>), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    cx.check_glyphs(programme)?;
    let mut data = DocumentData::new(
        LARGE_PRINT.name(),
        programme,
        layout,
        Medium::Screen,
        cx.source,
    );
    // Easy reading: no word is broken.
    data.hyphenate = false;
    Ok((cx.compile(TEMPLATE, &data)?, data))
}
