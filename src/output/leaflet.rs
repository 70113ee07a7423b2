//! The leaflet: a booklet of the whole programme, its page count a multiple of four.

use super::pdf::{DocumentData, Pdf, PdfContext};
use crate::diagnostics::Diagnostic;
use crate::model::Programme;
use crate::typeset::Compiled;

pub const TEMPLATE: &str = "leaflet.typ";

/// A booklet is printed on sheets folded in two: four pages a sheet.
pub const PAGES_PER_SHEET: usize = 4;

pub fn render(programme: &Programme, cx: &PdfContext) -> Result<Pdf, Vec<Diagnostic>> {
    let (compiled, data) = typeset(programme, cx)?;
    cx.export(compiled, &data)
}

/// Lays out the leaflet, with as many notes pages as make the page count a multiple of four.
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &PdfContext<'a>,
) -> Result<(Compiled, DocumentData<'a>), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    cx.check_glyphs(programme)?;
    let mut data = DocumentData::new("leaflet", programme, layout);
    let mut compiled = cx.compile(TEMPLATE, &data)?;
    // Lined notes pages before the back page make up the last sheet; they come after the text,
    // so adding them moves nothing else.
    let pages = compiled.document.pages().len();
    let missing = (PAGES_PER_SHEET - pages % PAGES_PER_SHEET) % PAGES_PER_SHEET;
    if missing > 0 {
        data.notes_pages = missing;
        compiled = cx.compile(TEMPLATE, &data)?;
    }
    let pages = compiled.document.pages().len();
    if pages % PAGES_PER_SHEET != 0 {
        return Err(vec![Diagnostic::error(
            cx.source,
            None,
            format!("the leaflet has {pages} pages, not a multiple of {PAGES_PER_SHEET}, even with notes pages"),
        )
        .with_help("the layout's leaflet template must put the notes pages (`data.notes_pages`) right before the back page")]);
    }
    Ok((compiled, data))
}
