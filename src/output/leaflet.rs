//! The leaflet: a booklet of the whole programme, its page count a multiple of four (or a flyer
//! of one sheet, two pages, when the text fits one page), its body size and the room between
//! its lines chosen so that the text fills its sheets.

use super::context::{Made, RenderContext};
use super::fit::{self, Trial};
use super::kind::{Output, Rendered};
use super::pdf::{DocumentData, Medium, Pdf, TemplateData};
use super::twins;
use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
use crate::layout::Layout;
use crate::model::Programme;
use crate::typeset::{Compiled, labelled_metadata, labelled_position};

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
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        match self.0 {
            Medium::Screen => &labels.leaflet_title,
            Medium::Print => &labels.leaflet_print_title,
        }
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}-{}.pdf", self.name())
    }
    fn made_from(&self) -> Option<super::OutputKind> {
        (self.0 == Medium::Print).then_some(super::OutputKind(&SCREEN))
    }
    fn for_print(&self) -> bool {
        self.0 == Medium::Print
    }
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        _made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let (pdf, fitted) = render(programme, cx, self.0)?;
        let print = pdf.print.clone();
        let notes = fitted.notes_pages;
        Ok(Rendered {
            summary: Some(t!("leaflet-set-in", size = fitted.size, notes = notes)),
            tries: Some(fitted.compiles),
            ..Rendered::from(pdf)
        }
        .with_facts(&serde_json::json!({ "leaflet": fitted }))
        .with_facts(&print))
    }
}

pub fn render(
    programme: &Programme,
    cx: &RenderContext,
    medium: Medium,
) -> Result<(Pdf, LeafletFit), Vec<Diagnostic>> {
    let (compiled, data, fitted) = typeset(programme, cx, medium)?;
    Ok((cx.export(compiled, &data.common)?, fitted))
}

/// The leaflet for `medium`: its twin of the one layout both share (see [`twins`]).
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &RenderContext<'a>,
    medium: Medium,
) -> Result<(Compiled, LeafletData<'a>, LeafletFit), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    let (laid_out, fitted) = twins::shared(&cx.twins, TEMPLATE, || lay_out(programme, cx, layout))?;
    let mut data = LeafletData::new(
        DocumentData::new(
            LeafletOutput(medium).name(),
            programme,
            layout,
            medium,
            cx.source,
        ),
        fitted.size,
    );
    data.fit.spread = fitted.spread;
    if fitted.pages == FLYER_PAGES {
        data.sheet_pages = FLYER_PAGES;
    }
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
    /// The pages of a sheet: 4 for a folded booklet, 2 for a flyer of one sheet.
    pub sheet_pages: usize,
    /// The page the text ends on, as a compile of this setting found it: the template makes up
    /// the last sheet after it (none: it takes the text to end a sheet, as copyfitting aims
    /// for). Handed in rather than read where the text's end stands: a template that reads a
    /// position in its text has Typst lay the whole text out again in its second pass
    /// (benches/README.md (s)).
    pub text_end_page: Option<usize>,
}

/// The leaflet's body size, in points, and the room between its lines and blocks (1 as the
/// layout sets it; more to fill the pages of a short programme at the largest size).
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct BodySize {
    pub size: f64,
    pub spread: f64,
}

impl<'a> LeafletData<'a> {
    fn new(common: DocumentData<'a>, size: f64) -> Self {
        LeafletData {
            common,
            fit: BodySize { size, spread: 1.0 },
            notes_pages: 0,
            sheet_pages: PAGES_PER_SHEET,
            text_end_page: None,
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
    /// The room between lines and blocks, when more than the layout's (a short programme).
    #[serde(skip_serializing_if = "is_one", default = "one")]
    pub spread: f64,
    /// How many layouts were compiled to find the size (not in the manifest: it says how, not
    /// what).
    #[serde(skip)]
    pub compiles: usize,
}

fn is_one(spread: &f64) -> bool {
    *spread == 1.0
}

fn one() -> f64 {
    1.0
}

/// A flyer is one sheet printed on both sides: the cover and one page of text.
const FLYER_PAGES: usize = 2;
/// The room between lines and blocks tried, in turn, for a short programme at the largest size.
const SPREADS: &[f64] = &[1.1, 1.2, 1.3, 1.4];
/// A page of text (not the last) this much used or less is short: more room between lines is
/// tried, so that it fills.
const SHORT_PAGE: f64 = 0.4;

/// What a compile of the leaflet measured.
#[derive(Debug, Clone, Copy)]
struct Measure {
    pages: usize,
    /// Pages of text after the cover, the colophon included (fractional).
    text_pages: f64,
    /// The page the text ends on, and how far down its text area (0 to 1).
    end_page: usize,
    end_fill: f64,
    notes: usize,
    /// Whether the template said so itself (the base template does).
    reported: bool,
    /// Whether the pages after the text were made up for where it ends (else `pages` says how
    /// many there will be once they are).
    settled: bool,
}

/// The label the templates put where the text ends.
pub const TEXT_END_LABEL: &str = "text-end";

/// What a compile with `data` measured. The pages are those the leaflet has once the pages
/// after the text make up its last sheet: where the template made them up for another end page
/// than the text's (`data.text_end_page`), as many as the text's end page needs
/// ([`Fitter::finish`] lays the chosen one out that way).
fn measure(compiled: &Compiled, data: &LeafletData) -> Measure {
    let pages = compiled.document.pages().len();
    let value = labelled_metadata(&compiled.document, FIT_LABEL);
    let number = |key: &str| value.as_ref().and_then(|v| v.get(key)?.as_f64());
    // A template that reads where its text ends itself says so (and makes up the sheet for it).
    let reads_its_end = number("page").zip(number("y"));
    let end = reads_its_end.or_else(|| {
        labelled_position(&compiled.document, TEXT_END_LABEL).map(|(p, y)| (p as f64, y))
    });
    match (end, number("top"), number("body"), number("colophon")) {
        (Some((page, y)), Some(top), Some(body), Some(colophon)) if body > 0.0 => {
            let end_page = page as usize;
            let sheet = data.sheet_pages;
            let after = |end: usize| (sheet - end % sheet) % sheet + data.notes_pages;
            let made_for = data.text_end_page.unwrap_or(sheet);
            let settled = reads_its_end.is_some() || after(made_for) == after(end_page);
            let (pages, notes) = if settled {
                (pages, number("notes").unwrap_or(0.0) as usize)
            } else {
                // Made up for another end: the sheet this end needs, the colophon on its last
                // page, or at the foot of the text's page when no page follows.
                let needed = after(end_page);
                let foot_fits = (y - top) + colophon <= body;
                let pages = if needed > 0 {
                    end_page + needed
                } else {
                    end_page + usize::from(!foot_fits)
                };
                (pages, needed.saturating_sub(1))
            };
            Measure {
                pages,
                text_pages: (page - 2.0) + ((y - top) + colophon) / body,
                end_page,
                end_fill: (y - top) / body,
                notes,
                reported: true,
                settled,
            }
        }
        // A region's own template that does not say: its page count, less cover and back.
        _ => Measure {
            pages,
            text_pages: pages.saturating_sub(2) as f64,
            end_page: pages.saturating_sub(1),
            end_fill: 1.0,
            notes: 0,
            reported: false,
            settled: true,
        },
    }
}

/// Lays out the leaflet for print, copyfitted: the fewest pages (a multiple of four) that the
/// text fills at a size within the layout's range, then the largest size that still fits them;
/// a flyer of two pages when the text fits one; more room between the lines of a short
/// programme at the largest size; lined notes pages make up what no setting in the range can
/// fill. A layout may fix the size or the page count.
fn lay_out(
    programme: &Programme,
    cx: &RenderContext,
    layout: &Layout,
) -> Result<(Compiled, LeafletFit), Vec<Diagnostic>> {
    cx.check_glyphs(programme)?;
    let mut fitter = Fitter::new(programme, cx, layout);
    let (best, chosen) = fitter.sheets()?;
    let fitted = fitter.fill(best, chosen)?;
    fitter.finish(fitted)
}

/// A leaflet's copyfitting: the sizes to try and what each compiled to (each size at most
/// once, whichever page count is aimed for).
struct Fitter<'a, 'c> {
    cx: &'a RenderContext<'c>,
    programme: &'a Programme,
    layout: &'a Layout,
    data: LeafletData<'a>,
    /// The body sizes of the layout's range, largest first.
    sizes: Vec<f64>,
    /// Each size's measure and, until the search has chosen, its layout: a long programme's
    /// layouts are large (hundreds of pages), so only the chosen one is kept past the search.
    laid_out: Vec<Option<(Measure, Option<Compiled>)>>,
    compiles: usize,
}

/// A setting found, with its layout: body size and spread.
struct Fitted {
    measured: Measure,
    compiled: Compiled,
    size: f64,
    spread: f64,
}

/// Text area grows with the square of the type size: the text pages `pages` at `from` take
/// at `to`.
fn text_pages_at(from: f64, pages: f64, to: f64) -> f64 {
    pages * (to / from).powi(2)
}

impl<'a, 'c> Fitter<'a, 'c> {
    fn new(programme: &'a Programme, cx: &'a RenderContext<'c>, layout: &'a Layout) -> Self {
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
        Fitter {
            cx,
            programme,
            layout,
            data: LeafletData::new(
                DocumentData::new(PRINT.name(), programme, layout, Medium::Print, cx.source),
                settings.max_size,
            ),
            laid_out: vec![None; sizes.len()],
            sizes,
            compiles: 0,
        }
    }

    /// The layout at size `index` (in a booklet's sheets, the layout's spacing), compiled once.
    fn at(&mut self, index: usize) -> Result<(Measure, Compiled), Vec<Diagnostic>> {
        if let Some((measured, Some(compiled))) = &self.laid_out[index] {
            return Ok((*measured, compiled.clone()));
        }
        self.data.fit.size = self.sizes[index];
        let (measured, compiled) = self.compile()?;
        self.laid_out[index] = Some((measured, Some(compiled.clone())));
        Ok((measured, compiled))
    }

    /// The measure of the layout at size `index`, compiled only if it never was.
    fn measure_at(&mut self, index: usize) -> Result<Measure, Vec<Diagnostic>> {
        match &self.laid_out[index] {
            Some((measured, _)) => Ok(*measured),
            None => Ok(self.at(index)?.0),
        }
    }

    /// Drops the layouts the search compiled (their measures stay): what was chosen is the
    /// caller's.
    fn forget_layouts(&mut self) {
        for (_, compiled) in self.laid_out.iter_mut().flatten() {
            *compiled = None;
        }
    }

    /// The layout with the data as it stands.
    fn compile(&mut self) -> Result<(Measure, Compiled), Vec<Diagnostic>> {
        self.compiles += 1;
        let compiled = self.cx.compile(TEMPLATE, &self.data)?;
        Ok((measure(&compiled, &self.data), compiled))
    }

    /// The fewest sheets the text fills at a size in the range, and the largest size that
    /// fills them.
    fn sheets(&mut self) -> Result<((Measure, Compiled), f64), Vec<Diagnostic>> {
        let settings = self.layout.leaflet;
        let sizes = self.sizes.clone();
        let last = sizes.len() - 1;
        // Where to start: a guess from the text's length, then the measure of each compile.
        let mut estimate = (0, estimated_text_pages(self.programme, self.layout));
        let target_for = |(index, pages): (usize, f64)| match settings.pages {
            Some(pages) => pages as usize,
            None => round_up(
                1 + text_pages_at(sizes[index], pages, sizes[last]).ceil() as usize,
                PAGES_PER_SHEET,
            ),
        };
        // The roomiest size whose text is predicted to fit `target` pages.
        let start_for = |target: usize, (index, pages): (usize, f64)| {
            (0..sizes.len())
                .find(|&i| (text_pages_at(sizes[index], pages, sizes[i]).ceil() as usize) < target)
                .unwrap_or(last)
        };
        let mut target = target_for(estimate);
        let mut rounds = 0;
        loop {
            rounds += 1;
            let room = (target - 1) as f64;
            let found = fit::roomiest(
                sizes.len(),
                start_for(target, estimate),
                COMPILES,
                |from, fill, to| text_pages_at(sizes[from], fill * room, sizes[to]) / room,
                |index| {
                    let (measured, compiled) = self.at(index)?;
                    let trial = Trial {
                        fits: measured.pages <= target
                            && measured.pages.is_multiple_of(PAGES_PER_SHEET),
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
                self.forget_layouts();
                return Ok((laid_out, sizes[index]));
            }
            // Not even the smallest size fits: the search ended there, so its pages are known.
            let (smallest, compiled) = self.at(last)?;
            let needed = round_up(1 + smallest.text_pages.ceil() as usize, PAGES_PER_SHEET)
                .max(smallest.pages);
            if settings.pages.is_some() {
                return Err(vec![
                    Diagnostic::error(
                        self.cx.source,
                        None,
                        t!(
                            "leaflet-pages-too-few",
                            target = target,
                            size = sizes[last],
                            needed = needed
                        ),
                    )
                    .with_help(t!("leaflet-pages-too-few.help")),
                ]);
            }
            if needed <= target || sizes.len() == 1 {
                self.forget_layouts();
                return Ok(((smallest, compiled), sizes[last]));
            }
            // The estimate was a sheet short: aim for the sheets the smallest size needs.
            target = needed;
        }
    }

    /// A flyer when the text fits one page at some size in the range (at the largest that
    /// fits); else, at the largest size with a short page before the last, more room between
    /// lines, the most that keeps the page count.
    fn fill(&mut self, best: (Measure, Compiled), size: f64) -> Result<Fitted, Vec<Diagnostic>> {
        let (measured, compiled) = best;
        let mut fitted = Fitted {
            measured,
            compiled,
            size,
            spread: 1.0,
        };
        if self.layout.leaflet.pages.is_some() || !fitted.measured.reported {
            return Ok(fitted);
        }
        let at = self.sizes.iter().position(|s| *s == size).unwrap_or(0);
        if let Some(index) = self.flyer(at, &fitted.measured)? {
            fitted.size = self.sizes[index];
            self.data.fit.size = fitted.size;
            self.data.sheet_pages = FLYER_PAGES;
            (fitted.measured, fitted.compiled) = self.compile()?;
        } else if at == 0 && short_before_the_end(&fitted.measured) {
            for &more in SPREADS {
                self.data.fit = BodySize { size, spread: more };
                let (measured, compiled) = self.compile()?;
                if measured.pages != fitted.measured.pages {
                    break;
                }
                (fitted.spread, fitted.measured, fitted.compiled) = (more, measured, compiled);
            }
            self.data.fit = BodySize {
                size,
                spread: fitted.spread,
            };
        }
        Ok(fitted)
    }

    /// The size index of a flyer, if the text and colophon fit one page at a size from `at` on.
    fn flyer(&mut self, at: usize, measured: &Measure) -> Result<Option<usize>, Vec<Diagnostic>> {
        if measured.text_pages <= 1.0 {
            return Ok(Some(at));
        }
        let sizes = self.sizes.clone();
        let last = sizes.len() - 1;
        if text_pages_at(sizes[at], measured.text_pages, sizes[last]) > 1.05 {
            return Ok(None);
        }
        let found = fit::roomiest(
            sizes.len() - at,
            0,
            COMPILES,
            |from, fill, to| text_pages_at(sizes[at + from], fill, sizes[at + to]),
            |offset| {
                let measured = self.measure_at(at + offset)?;
                let trial = Trial {
                    fits: measured.text_pages <= 1.0,
                    fill: measured.text_pages,
                };
                Ok::<_, Vec<Diagnostic>>((trial, ()))
            },
        )?;
        Ok(found.best.map(|(offset, ())| at + offset))
    }

    /// Notes pages where a region's own template does not make up the last sheet, or up to a
    /// fixed page count; the page count checked.
    fn finish(mut self, fitted: Fitted) -> Result<(Compiled, LeafletFit), Vec<Diagnostic>> {
        let Fitted {
            mut measured,
            mut compiled,
            size,
            spread,
        } = fitted;
        let sheet = self.data.sheet_pages;
        let wanted = self
            .layout
            .leaflet
            .pages
            .map_or(round_up(measured.pages, sheet), |pages| pages as usize)
            .max(round_up(measured.pages, sheet));
        if measured.pages < wanted || !measured.settled {
            // The pages after the text made up for where it ends, and notes pages asked for
            // through `data.notes_pages`: they come after the text, so adding them moves
            // nothing else.
            self.data.fit = BodySize { size, spread };
            self.data.text_end_page = Some(measured.end_page);
            self.data.notes_pages = wanted - measured.pages;
            (measured, compiled) = self.compile()?;
            if !measured.reported {
                measured.notes = self.data.notes_pages;
            }
        }
        let pages = measured.pages;
        if pages % sheet != 0 {
            return Err(vec![
                Diagnostic::error(
                    self.cx.source,
                    None,
                    t!("leaflet-not-folded", pages = pages, sheet = sheet),
                )
                .with_help(t!("leaflet-not-folded.help")),
            ]);
        }
        Ok((
            compiled,
            LeafletFit {
                size,
                pages,
                notes_pages: measured.notes,
                spread,
                compiles: self.compiles,
            },
        ))
    }
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

/// `pages` rounded up to whole sheets of `sheet` pages.
fn round_up(pages: usize, sheet: usize) -> usize {
    pages.div_ceil(sheet) * sheet
}

/// Whether the text's last page is short while the colophon stands on a later page (a page
/// before the last under [`SHORT_PAGE`] used), or notes pages fill the sheet.
fn short_before_the_end(measured: &Measure) -> bool {
    measured.notes > 0 || (measured.end_page < measured.pages && measured.end_fill < SHORT_PAGE)
}
