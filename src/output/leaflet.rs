//! The leaflet: a booklet of the whole programme, its page count a multiple of four.

use super::pdf::{DocumentData, Medium, Pdf, PdfContext};
use super::twins;
use crate::diagnostics::Diagnostic;
use crate::layout::Layout;
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

/// The leaflet for `medium`: its twin of the one layout both share (see [`twins`]).
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &PdfContext<'a>,
    medium: Medium,
) -> Result<(Compiled, DocumentData<'a>), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    let (laid_out, notes_pages) =
        twins::shared(&cx.twins.leaflet, || lay_out(programme, cx, layout))?;
    let kind = match medium {
        Medium::Screen => "leaflet",
        Medium::Print => "leaflet-print",
    };
    let mut data = DocumentData::new(kind, programme, layout, medium, cx.source);
    data.notes_pages = notes_pages;
    Ok((twins::for_medium(&laid_out, layout, medium), data))
}

/// Lays out the leaflet for print, with as many notes pages as make the page count a multiple
/// of four; also returns how many notes pages were asked for.
fn lay_out(
    programme: &Programme,
    cx: &PdfContext,
    layout: &Layout,
) -> Result<(Compiled, usize), Vec<Diagnostic>> {
    cx.check_glyphs(programme)?;
    let mut data = DocumentData::new("leaflet-print", programme, layout, Medium::Print, cx.source);
    // The base template makes up the last sheet with notes pages itself. A region's own
    // template may not: then notes pages are asked for through `data.notes_pages`.
    let mut compiled = cx.compile(TEMPLATE, &data)?;
    let pages = compiled.document.pages().len();
    if pages % PAGES_PER_SHEET != 0 {
        // They come after the text, so adding them moves nothing else.
        data.notes_pages = PAGES_PER_SHEET - pages % PAGES_PER_SHEET;
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
    Ok((compiled, data.notes_pages))
}
