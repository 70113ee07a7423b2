//! The leaflet: a booklet of the whole programme, its page count a multiple of four, its body
//! size chosen so that the text fills its sheets.

use super::fit::{self, Trial};
use super::kind::{Output, Rendered};
use super::pdf::{DocumentData, Medium, Pdf, PdfContext, TemplateData};
use super::twins;
use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
use crate::layout::Layout;
use crate::model::Programme;
use crate::typeset::{Compiled, labelled_metadata};

pub const TEMPLATE: &str = "leaflet.typ";

/// A booklet is printed on sheets folded in two: four pages a sheet.
pub const PAGES_PER_SHEET: usize = 4;

/// The leaflet for a medium: the booklet of the whole programme (`<slug>-leaflet.pdf`), and its
/// print twin for the print shop (`<slug>-leaflet-print.pdf`: bleed, crop marks, CMYK, PDF/X-4).
pub struct LeafletOutput(Medium);
pub const SCREEN: LeafletOutput = LeafletOutput(Medium::Screen);
pub const PRINT: LeafletOutput = LeafletOutput(Medium::Print);

impl Output for LeafletOutput {
    fn name(&self) -> &'static str {
        match self.0 {
            Medium::Screen => "leaflet",
            Medium::Print => "leaflet-print",
        }
    }
    fn about(&self) -> &'static str {
        match self.0 {
            Medium::Screen => "The booklet of the whole programme (<slug>-leaflet.pdf)",
            Medium::Print => {
                "The leaflet for the print shop: bleed, crop marks, CMYK, PDF/X-4 (<slug>-leaflet-print.pdf)"
            }
        }
    }
    fn title(&self, labels: &'static Labels) -> &'static str {
        match self.0 {
            Medium::Screen => labels.leaflet_title,
            Medium::Print => labels.leaflet_print_title,
        }
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}-{}.pdf", self.name())
    }
    fn made_from(&self) -> Option<&'static str> {
        (self.0 == Medium::Print).then(|| SCREEN.name())
    }
    fn for_print(&self) -> bool {
        self.0 == Medium::Print
    }
    fn render(&self, programme: &Programme, cx: &PdfContext) -> Result<Rendered, Vec<Diagnostic>> {
        let (pdf, fitted) = render(programme, cx, self.0)?;
        let print = pdf.print.clone();
        let notes = fitted.notes_pages;
        Ok(Rendered {
            summary: Some(format!(
                "set in {} pt, {notes} notes page{}",
                fitted.size,
                if notes == 1 { "" } else { "s" }
            )),
            tries: Some(fitted.compiles),
            ..Rendered::from(pdf)
        }
        .with_facts(&serde_json::json!({ "leaflet": fitted }))
        .with_facts(&print))
    }
}

pub fn render(
    programme: &Programme,
    cx: &PdfContext,
    medium: Medium,
) -> Result<(Pdf, LeafletFit), Vec<Diagnostic>> {
    let (compiled, data, fitted) = typeset(programme, cx, medium)?;
    Ok((cx.export(compiled, &data.common)?, fitted))
}

/// The leaflet for `medium`: its twin of the one layout both share (see [`twins`]).
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &PdfContext<'a>,
    medium: Medium,
) -> Result<(Compiled, LeafletData<'a>, LeafletFit), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    let (laid_out, fitted) = twins::shared(&cx.twins, TEMPLATE, || lay_out(programme, cx, layout))?;
    let data = LeafletData::new(
        DocumentData::new(
            LeafletOutput(medium).name(),
            programme,
            layout,
            medium,
            cx.source,
        ),
        fitted.size,
    );
    Ok((twins::for_medium(&laid_out, layout, medium), data, fitted))
}

/// The leaflet's template data: the shared part, its body size, and notes pages it must add.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LeafletData<'a> {
    #[serde(flatten)]
    pub common: DocumentData<'a>,
    /// The body size being tried (`fit.size`, in points).
    pub fit: BodySize,
    /// Lined pages to add before the last page, beyond those the template adds itself, to reach
    /// a multiple of four pages (0 with the base template, which counts them itself).
    pub notes_pages: usize,
}

/// The leaflet's body size, in points.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct BodySize {
    pub size: f64,
}

impl<'a> LeafletData<'a> {
    fn new(common: DocumentData<'a>, size: f64) -> Self {
        LeafletData {
            common,
            fit: BodySize { size },
            notes_pages: 0,
        }
    }
}

impl TemplateData for LeafletData<'_> {
    fn common(&self) -> &DocumentData<'_> {
        &self.common
    }
}

/// The label of the template's measure of its text: where it ends, how tall a page's text area
/// and the colophon are, and how many notes pages it added.
pub const FIT_LABEL: &str = "trycksak-leaflet-fit";
/// Sizes are tried in steps of this many points.
const STEP: f64 = 0.25;
/// The most compiles the search takes once it has found a size that fits.
const COMPILES: usize = 3;

/// How the leaflet was fitted to its sheets.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LeafletFit {
    /// Body size in points.
    pub size: f64,
    pub pages: usize,
    /// Lined notes pages that make up the last sheet.
    pub notes_pages: usize,
    /// How many layouts were compiled to find the size (not in the manifest: it says how, not
    /// what).
    #[serde(skip)]
    pub compiles: usize,
}

/// What a compile of the leaflet measured.
#[derive(Debug, Clone, Copy)]
struct Measure {
    pages: usize,
    /// Pages of text after the cover, the colophon included (fractional).
    text_pages: f64,
    notes: usize,
    /// Whether the template said so itself (the base template does).
    reported: bool,
}

fn measure(compiled: &Compiled) -> Measure {
    let pages = compiled.document.pages().len();
    let value = labelled_metadata(&compiled.document, FIT_LABEL);
    let number = |key: &str| value.as_ref().and_then(|v| v.get(key)?.as_f64());
    match (
        number("page"),
        number("y"),
        number("top"),
        number("body"),
        number("colophon"),
    ) {
        (Some(page), Some(y), Some(top), Some(body), Some(colophon)) if body > 0.0 => Measure {
            pages,
            text_pages: (page - 2.0) + ((y - top) + colophon) / body,
            notes: number("notes").unwrap_or(0.0) as usize,
            reported: true,
        },
        // A region's own template that does not say: its page count, less cover and back.
        _ => Measure {
            pages,
            text_pages: pages.saturating_sub(2) as f64,
            notes: 0,
            reported: false,
        },
    }
}

/// Lays out the leaflet for print, copyfitted: the fewest pages (a multiple of four) that the
/// text fills at a size within the layout's range, then the largest size that still fits them;
/// lined notes pages make up what no size in the range can fill. A layout may fix the size or
/// the page count.
fn lay_out(
    programme: &Programme,
    cx: &PdfContext,
    layout: &Layout,
) -> Result<(Compiled, LeafletFit), Vec<Diagnostic>> {
    cx.check_glyphs(programme)?;
    let mut data = LeafletData::new(
        DocumentData::new(PRINT.name(), programme, layout, Medium::Print, cx.source),
        layout.leaflet.max_size,
    );
    let settings = layout.leaflet;
    let sizes: Vec<f64> = match settings.size {
        Some(size) => vec![size],
        None => {
            let steps = ((settings.max_size - settings.min_size) / STEP).floor() as usize;
            (0..=steps)
                .map(|i| settings.max_size - i as f64 * STEP)
                .collect()
        }
    };
    // Each size is compiled at most once, whichever page count is being aimed for.
    let mut laid_out: Vec<Option<(Measure, Compiled)>> = vec![None; sizes.len()];
    let mut compiles = 0;
    let mut compile = |index: usize, data: &mut LeafletData| {
        if let Some(done) = &laid_out[index] {
            return Ok::<_, Vec<Diagnostic>>(done.clone());
        }
        compiles += 1;
        data.fit.size = sizes[index];
        let compiled = cx.compile(TEMPLATE, data)?;
        let done = (measure(&compiled), compiled);
        laid_out[index] = Some(done.clone());
        Ok(done)
    };
    // Text area grows with the square of the type size.
    let text_pages_at = |from: f64, pages: f64, to: f64| pages * (to / from).powi(2);
    let last = sizes.len() - 1;
    // Where to start: a guess from the text's length, then the measure of each compile.
    let mut estimate = (0, estimated_text_pages(programme, layout));
    let target_for = |(index, pages): (usize, f64)| match settings.pages {
        Some(pages) => pages as usize,
        None => round_up(1 + text_pages_at(sizes[index], pages, sizes[last]).ceil() as usize),
    };
    // The roomiest size whose text is predicted to fit `target` pages.
    let start_for = |target: usize, (index, pages): (usize, f64)| {
        (0..sizes.len())
            .find(|&i| (text_pages_at(sizes[index], pages, sizes[i]).ceil() as usize) < target)
            .unwrap_or(last)
    };
    let mut target = target_for(estimate);
    let mut rounds = 0;
    let (best, chosen) = loop {
        rounds += 1;
        let fits = |m: &Measure| m.pages <= target && m.pages.is_multiple_of(PAGES_PER_SHEET);
        let room = (target - 1) as f64;
        let found = fit::roomiest(
            sizes.len(),
            start_for(target, estimate),
            COMPILES,
            |from, fill, to| text_pages_at(sizes[from], fill * room, sizes[to]) / room,
            |index| {
                let (measured, compiled) = compile(index, &mut data)?;
                let trial = Trial {
                    fits: fits(&measured),
                    fill: measured.text_pages / room,
                };
                Ok::<_, Vec<Diagnostic>>((trial, (measured, compiled)))
            },
        )?;
        // A compile's measure may show the guess was a sheet off: aim again from it.
        estimate = (found.last.0, found.last.1 * room);
        if target_for(estimate) != target && settings.pages.is_none() && rounds < 3 {
            target = target_for(estimate);
            continue;
        }
        if let Some((index, laid_out)) = found.best {
            break (laid_out, sizes[index]);
        }
        // Not even the smallest size fits: the search ended there, so its pages are known.
        let (smallest, compiled) = compile(last, &mut data)?;
        let needed = round_up(1 + smallest.text_pages.ceil() as usize).max(smallest.pages);
        if settings.pages.is_some() {
            return Err(vec![Diagnostic::error(
                cx.source,
                None,
                format!(
                    "the leaflet does not fit the {target} pages the layout asks for (`leaflet: pages: {target}`): even at {} pt the text needs {needed} pages",
                    sizes[last]
                ),
            )
            .with_help("leave `pages` out of the layout to let the leaflet take the pages it needs, or shorten the programme")]);
        }
        if needed <= target || sizes.len() == 1 {
            break ((smallest, compiled), sizes[last]);
        }
        // The estimate was a sheet short: aim for the sheets the smallest size needs.
        target = needed;
    };
    let (mut measured, mut compiled) = best;
    // Pages to add: to make up the last sheet where a region's own template does not, and up
    // to the page count a layout fixes when even the largest size leaves sheets over.
    let wanted = settings
        .pages
        .map_or(round_up(measured.pages), |pages| pages as usize)
        .max(round_up(measured.pages));
    if measured.pages < wanted {
        // Notes pages, asked for through `data.notes_pages`: they come after the text, so
        // adding them moves nothing else.
        data.fit.size = chosen;
        data.notes_pages = wanted - measured.pages;
        compiled = cx.compile(TEMPLATE, &data)?;
        compiles += 1;
        measured = measure(&compiled);
        if !measured.reported {
            measured.notes = data.notes_pages;
        }
    }
    let pages = measured.pages;
    if pages % PAGES_PER_SHEET != 0 {
        return Err(vec![Diagnostic::error(
            cx.source,
            None,
            format!("the leaflet has {pages} pages, not a multiple of {PAGES_PER_SHEET}, even with notes pages"),
        )
        .with_help("the layout's leaflet template must put the notes pages (`data.notes_pages`) right before the back page")]);
    }
    Ok((
        compiled,
        LeafletFit {
            size: chosen,
            pages,
            notes_pages: measured.notes,
            compiles,
        },
    ))
}

/// A guess of the text's pages after the cover at the largest size, from its length: the base
/// template holds about 1 530 characters an A5 page at 11 pt, and the colophon takes a fifth
/// of a page. Only where the search starts; every size is measured by compiling.
fn estimated_text_pages(programme: &Programme, layout: &Layout) -> f64 {
    let mut chars = 0;
    super::pdf::visit_text(programme, &mut |text: &str| chars += text.chars().count());
    let area = |(width, height): (f64, f64)| (width - 30.0) * (height - 36.0);
    let scale = area((148.0, 210.0)) / area(layout.paper.leaflet.size_mm());
    (0.2 + chars as f64 / 1_530.0) * scale * (layout.leaflet.max_size / 11.0).powi(2)
}

/// `pages` rounded up to whole sheets.
fn round_up(pages: usize) -> usize {
    pages.div_ceil(PAGES_PER_SHEET) * PAGES_PER_SHEET
}
