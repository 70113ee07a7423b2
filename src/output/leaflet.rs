//! The leaflet: a booklet of the whole programme, its page count a multiple of four.

use super::pdf::{DocumentData, Medium, Pdf, PdfContext};
use crate::diagnostics::Diagnostic;
use crate::model::Programme;
use crate::typeset::Compiled;

pub const TEMPLATE: &str = "leaflet.typ";

/// A booklet is printed on sheets folded in two: four pages a sheet.
pub const PAGES_PER_SHEET: usize = 4;

pub fn render(
    programme: &Programme,
    cx: &PdfContext,
    medium: Medium,
) -> Result<Pdf, Vec<Diagnostic>> {
    let (compiled, data) = typeset(programme, cx, medium)?;
    cx.export(compiled, &data)
}

/// Lays out the leaflet, with as many notes pages as make the page count a multiple of four.
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &PdfContext<'a>,
    medium: Medium,
) -> Result<(Compiled, DocumentData<'a>), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    cx.check_glyphs(programme)?;
    let kind = match medium {
        Medium::Screen => "leaflet",
        Medium::Print => "leaflet-print",
    };
    let mut data = DocumentData::new(kind, programme, layout, medium, cx.source);
    // The base template makes up the last sheet with notes pages itself. A region's own
    // template may not: then notes pages are asked for through `data.notes_pages` (the twin
    // made first found how many).
    data.notes_pages = cx.twins.notes_pages.get().unwrap_or(0);
    let mut compiled = cx.compile(TEMPLATE, &data)?;
    let pages = compiled.document.pages().len();
    if pages % PAGES_PER_SHEET != 0 {
        // They come after the text, so adding them moves nothing else.
        data.notes_pages =
            (data.notes_pages + PAGES_PER_SHEET - pages % PAGES_PER_SHEET) % PAGES_PER_SHEET;
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
    cx.twins.notes_pages.set(Some(data.notes_pages));
    Ok((compiled, data))
}
