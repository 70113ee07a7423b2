//! The large-print, easy-read PDF: A4, 16 pt and up, ragged right without hyphenation, short
//! lines, generous spacing, black text; tagged like the screen PDFs.

use super::pdf::{DocumentData, Medium, Pdf, PdfContext};
use crate::diagnostics::Diagnostic;
use crate::model::Programme;
use crate::typeset::Compiled;

pub const TEMPLATE: &str = "large-print.typ";

pub fn render(programme: &Programme, cx: &PdfContext) -> Result<Pdf, Vec<Diagnostic>> {
    let (compiled, data) = typeset(programme, cx)?;
    cx.export(compiled, &data)
}

pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &PdfContext<'a>,
) -> Result<(Compiled, DocumentData<'a>), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    cx.check_glyphs(programme)?;
    let data = DocumentData::new("large-print", programme, layout, Medium::Screen, cx.source);
    Ok((cx.compile(TEMPLATE, &data)?, data))
}
