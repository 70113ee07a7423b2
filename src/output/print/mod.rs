//! The print twins of the leaflet and the summary: the same pages, for the print shop. Trim
//! size plus bleed, crop marks and a slug line outside the bleed, brand colours in CMYK, images
//! checked for resolution, finished as PDF/X-4 ([`pdfx`]).

pub(crate) mod colour;
mod overprint;
pub mod pdfx;
mod recolour;

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::visualize::ImageKind;
use typst_layout::PagedDocument;
use typst_pdf::PdfStandard;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::fsutil::sha256_hex;
use crate::layout::Layout;
use crate::model::Programme;
use crate::preflight;
use crate::typeset::visit_items;

/// Tagged like the screen PDFs (PDF/UA-1). Typst needs PDF 1.7 to mark running footers as
/// footer artifacts (an optional key that PDF 1.6 readers ignore); [`pdfx::finish`] labels the
/// file 1.6, the version PDF/X-4 is built on. PDF/A is not combined: its sRGB output intent
/// would contradict the print condition.
pub const STANDARDS: &[PdfStandard] = &[PdfStandard::V_1_7, PdfStandard::Ua_1];

pub use crate::print_rules::{GOOD_PPI, HAIRLINE_PT, MARKS_MM, MIN_PPI, THIN_LINE_PT};
use crate::print_rules::{Resolution, WARN_PPI, judge_resolution};

/// What the print checks look at besides the laid-out document.
pub struct Subject<'a> {
    pub programme: &'a Programme,
    pub layout: &'a Layout,
    /// The output's kind, for messages.
    pub kind: &'a str,
    pub print: &'a PrintData,
    /// The programme's source, for locating problems.
    pub source: &'a Arc<SourceFile>,
    /// The project root, where image files are read from (through the read gate).
    pub root: &'a Path,
}

/// What the templates get for a print twin, as `data.print`.
#[derive(Debug, Clone, Serialize)]
pub struct PrintData {
    pub bleed_mm: f64,
    pub marks_mm: f64,
    pub safe_mm: f64,
    /// Printed under each page, outside the trim: programme, title, region, date, kind, build
    /// id. The template shortens the title (`slug_title`) until the line fits: what comes before
    /// it is `slug_before`, after it `slug_after`.
    pub slug_before: String,
    pub slug_title: String,
    pub slug_after: String,
    /// Brand colours (for turning stray RGB, e.g. in an SVG logo, back into their CMYK).
    #[serde(skip)]
    pub palette: Vec<([u8; 3], [f64; 4])>,
}

impl PrintData {
    pub fn new(
        kind: &str,
        programme: &Programme,
        layout: &Layout,
        source: &SourceFile,
    ) -> PrintData {
        let date = programme.meta.date.as_deref().unwrap_or("—");
        // The same source and tool version always give the same id: outputs stay reproducible.
        let id =
            &sha256_hex(format!("{}\n{}", env!("CARGO_PKG_VERSION"), source.text).as_bytes())[..8];
        PrintData {
            bleed_mm: layout.print.bleed_mm,
            marks_mm: MARKS_MM,
            safe_mm: layout.print.safe_mm,
            slug_before: format!("{} · ", programme.source),
            slug_title: programme.meta.title.clone(),
            slug_after: format!(
                " · {} · {date} · {kind} · trycksak {} build {id}",
                layout.name.as_deref().unwrap_or(&layout.region),
                env!("CARGO_PKG_VERSION"),
            ),
            palette: palette(layout),
        }
    }
}

/// The brand colours' screen RGB with their inks, for finding a brand colour in RGB content (an
/// SVG logo drawn in the brand's screen colour). The template's own brand colours are painted in
/// their inks directly; a screen RGB that two brand colours share (every colour of K 100 is
/// black on screen) names neither, so that no brand colour ever prints in another's inks.
fn palette(layout: &Layout) -> Vec<([u8; 3], [f64; 4])> {
    let all: Vec<([u8; 3], [f64; 4])> = layout
        .colours
        .values()
        .map(|colour| (colour.screen, colour.ink))
        .collect();
    all.iter()
        .filter(|(rgb, inks)| {
            all.iter()
                .all(|(other_rgb, other_inks)| other_rgb != rgb || other_inks == inks)
        })
        .copied()
        .collect()
}

/// The facts of a finished print twin, for the manifest.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PrintFacts {
    /// Finished (trimmed) width and height in millimetres.
    pub trim_mm: [f64; 2],
    pub bleed_mm: f64,
    pub colour: String,
    pub pdfx: String,
}

/// Boxes and identification as the finished twin's preflight read them; the colour is CMYK by
/// construction ([`pdfx::finish`] converts every RGB colour; `check --print` and the tests look
/// at every operator).
pub fn facts(report: &preflight::Report) -> PrintFacts {
    let first = report.pages.first();
    PrintFacts {
        trim_mm: first.map_or([0.0; 2], |p| p.trim_mm),
        bleed_mm: first.map_or(0.0, |p| p.bleed_mm),
        colour: "CMYK".to_string(),
        pdfx: report.pdfx.clone().unwrap_or_default(),
    }
}

/// What the finished print twin's preflight says about the template's and logo's drawing:
/// lines under [`HAIRLINE_PT`] are an error (they may not print at all), under
/// [`THIN_LINE_PT`] a warning; total ink over 15 mm above the layout's `print: max_ink` a
/// warning. The programme does not draw these: the messages name the page.
pub fn check_press(
    facts: &preflight::Report,
    subject: &Subject,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let kind = subject.kind;
    let page_list = |pages: &std::collections::BTreeSet<usize>| {
        pages
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let thinnest = facts.thinnest_line.map_or(0.0, |(width, _)| width);
    if !facts.hairlines.is_empty() {
        return Err(vec![
            Diagnostic::error(
                subject.source,
                None,
                t!(
                    "hairlines",
                    kind = kind,
                    width = format!("{thinnest:.3}"),
                    pages = page_list(&facts.hairlines),
                    limit = HAIRLINE_PT
                ),
            )
            .with_help(t!("hairlines.help", limit = THIN_LINE_PT)),
        ]);
    }
    let mut warnings = Vec::new();
    if !facts.thin_lines.is_empty() {
        warnings.push(
            Diagnostic::warning(
                subject.source,
                None,
                t!(
                    "thin-lines",
                    kind = kind,
                    width = format!("{thinnest:.3}"),
                    pages = page_list(&facts.thin_lines),
                    limit = THIN_LINE_PT
                ),
            )
            .with_help(t!("thin-lines.help")),
        );
    }
    let limit = subject.layout.print.max_ink;
    for (index, ink) in facts.area_ink.iter().enumerate() {
        if *ink > limit + 0.5 {
            warnings.push(
                Diagnostic::warning(
                    subject.source,
                    None,
                    t!(
                        "area-ink",
                        page = index + 1,
                        kind = kind,
                        ink = ink.round(),
                        limit = limit.round()
                    ),
                )
                .with_help(t!("area-ink.help")),
            );
        }
    }
    Ok(warnings)
}

/// An image placed in a document, at its lowest resolution.
struct Placement {
    /// The programme's or layout's file, relative to the project root.
    path: Option<String>,
    pixels: (u32, u32),
    /// Printed size in millimetres.
    placed_mm: (f64, f64),
    ppi: f64,
}

/// Every raster image's effective resolution at its printed size: below [`GOOD_PPI`] a warning,
/// below [`MIN_PPI`] an error. Images without alt text (a layout's own, say) are errors too.
pub fn check_images(
    document: &PagedDocument,
    subject: &Subject,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let files = image_files(subject.programme, subject.layout, subject.root);
    let mut placements: Vec<Placement> = Vec::new();
    let mut errors = Vec::new();
    let mut missing_alt = false;
    for page in document.pages() {
        images(&page.frame, &mut |image, size, scale| {
            if image.alt().is_none_or(|alt| alt.trim().is_empty()) {
                missing_alt = true;
            }
            let ImageKind::Raster(raster) = image.kind() else {
                return;
            };
            let (width, height) = (size.x.to_pt() * scale, size.y.to_pt() * scale);
            if width <= 0.0 || height <= 0.0 {
                return;
            }
            let ppi = (raster.width() as f64 / (width / 72.0))
                .min(raster.height() as f64 / (height / 72.0));
            let path = files
                .iter()
                .find(|(_, bytes)| bytes.as_slice() == raster.data().as_slice())
                .map(|(path, _)| path.clone());
            let placement = Placement {
                path,
                pixels: (raster.width(), raster.height()),
                placed_mm: (Abs::pt(width).to_mm(), Abs::pt(height).to_mm()),
                ppi,
            };
            match placements
                .iter_mut()
                .find(|p| p.path == placement.path && p.pixels == placement.pixels)
            {
                Some(known) if known.ppi <= ppi => {}
                Some(known) => *known = placement,
                None => placements.push(placement),
            }
        });
    }
    if missing_alt {
        errors.push(
            Diagnostic::error(
                subject.source,
                None,
                t!("layout-image-no-alt", kind = subject.kind),
            )
            .with_help(t!("layout-image-no-alt.help")),
        );
    }
    let mut warnings = Vec::new();
    for placement in placements {
        let judged = judge_resolution(placement.ppi);
        if judged == Resolution::Good {
            continue;
        }
        let name = placement.path.clone().unwrap_or_else(|| t!("layout-image"));
        let span = image_span(subject.programme, placement.path.as_deref());
        let needed = (
            (placement.placed_mm.0 / 25.4 * GOOD_PPI).ceil(),
            (placement.placed_mm.1 / 25.4 * GOOD_PPI).ceil(),
        );
        let message = t!(
            "image-resolution",
            image = name,
            ppi = placement.ppi.round(),
            kind = subject.kind,
            width = placement.pixels.0,
            height = placement.pixels.1,
            placed_width = placement.placed_mm.0.round(),
            placed_height = placement.placed_mm.1.round(),
            severity = if judged == Resolution::TooLow {
                "error"
            } else {
                "warning"
            },
            limit = if judged == Resolution::TooLow {
                MIN_PPI
            } else {
                WARN_PPI
            }
        );
        let help = t!(
            "image-resolution.help",
            width = needed.0,
            height = needed.1,
            good = GOOD_PPI
        );
        if judged == Resolution::TooLow {
            errors.push(Diagnostic::error(subject.source, span, message).with_help(help));
        } else {
            warnings.push(Diagnostic::warning(subject.source, span, message).with_help(help));
        }
    }
    if errors.is_empty() {
        Ok(warnings)
    } else {
        Err(errors)
    }
}

/// Text must stay `safe_mm` inside the trim: closer, a slightly-off cut slices through it or it
/// looks crowded against the edge. Text wholly outside the trim (the slug line) is the print
/// shop's, not the reader's.
pub fn check_safe_zone(document: &PagedDocument, subject: &Subject) -> Result<(), Vec<Diagnostic>> {
    let print = subject.print;
    let safe = Abs::mm(print.safe_mm);
    let mut offending = Vec::new();
    // Text that runs past the trimmed edge itself: an overflow of the text, not the margins.
    let mut overflowing: Option<(usize, String)> = None;
    for (index, page) in document.pages().iter().enumerate() {
        let size = page.frame.size();
        let closest_text = |precise: bool, overflowing: &mut Option<(usize, String)>| {
            let mut closest = Abs::inf();
            text_boxes(&page.frame, precise, &mut |min, max, text| {
                let outside_trim =
                    max.x < Abs::zero() || max.y < Abs::zero() || min.x > size.x || min.y > size.y;
                if !outside_trim {
                    let distance = min.x.min(min.y).min(size.x - max.x).min(size.y - max.y);
                    closest = closest.min(distance);
                    if distance < Abs::zero() && overflowing.is_none() {
                        *overflowing = Some((index + 1, text.to_string()));
                    }
                }
            });
            closest
        };
        // The runs' line boxes first (cheap); where they come too close, the glyphs' own
        // outlines decide: a font for Arabic has a line box far taller than its letters.
        let mut closest = closest_text(false, &mut None);
        if closest < safe - Abs::mm(0.05) {
            closest = closest_text(true, &mut overflowing);
        }
        if closest < safe - Abs::mm(0.05) {
            offending.push(t!(
                "page-distance",
                page = index + 1,
                mm = (closest.to_mm().max(0.0) * 10.0).round() / 10.0
            ));
        }
    }
    if offending.is_empty() {
        return Ok(());
    }
    if let Some((page, text)) = overflowing {
        let shown: String = text.chars().filter(|c| *c != '\u{ad}').take(40).collect();
        return Err(vec![
            Diagnostic::error(
                subject.source,
                None,
                t!(
                    "text-past-edge",
                    kind = subject.kind,
                    page = page,
                    text = shown
                ),
            )
            .with_help(t!("text-past-edge.help")),
        ]);
    }
    Err(vec![
        Diagnostic::error(
            subject.source,
            None,
            t!(
                "text-in-margin",
                kind = subject.kind,
                mm = print.safe_mm,
                pages = offending.join(", ")
            ),
        )
        .with_help(t!("text-in-margin.help", mm = print.safe_mm)),
    ])
}

/// Calls `f` with the bounding box (top left, bottom right) of each run of text in `frame`, and
/// its text.
fn text_boxes(frame: &Frame, precise: bool, f: &mut dyn FnMut(Point, Point, &str)) {
    visit_items(frame, &mut |here, item| {
        let FrameItem::Text(text) = item else {
            return;
        };
        if text.glyphs.is_empty() {
            return;
        }
        // The run's advance box from ascender to descender, or (`precise`) from its highest to
        // its lowest glyph outline.
        let metrics = text.font.metrics();
        let (mut top, mut bottom) = (
            -metrics.ascender.at(text.size),
            -metrics.descender.at(text.size),
        );
        if precise {
            let per_unit = text.size / text.font.units_per_em();
            let outlines = text.glyphs.iter().filter_map(|glyph| {
                let bounds = text
                    .font
                    .ttf()
                    .glyph_bounding_box(ttf_parser::GlyphId(glyph.id))?;
                let shift = glyph.y_offset.at(text.size);
                Some((
                    per_unit * f64::from(bounds.y_max) + shift,
                    per_unit * f64::from(bounds.y_min) + shift,
                ))
            });
            let (high, low) = outlines.fold((-Abs::inf(), Abs::inf()), |(h, l), (top, bottom)| {
                (h.max(top), l.min(bottom))
            });
            if high > -Abs::inf() {
                (top, bottom) = (-high, -low);
            }
        }
        let corners = [
            Point::new(Abs::zero(), top),
            Point::new(text.width(), bottom),
            Point::new(Abs::zero(), bottom),
            Point::new(text.width(), top),
        ]
        .map(|p| p.transform(here));
        let min = corners.iter().fold(Point::splat(Abs::inf()), |a, b| {
            Point::new(a.x.min(b.x), a.y.min(b.y))
        });
        let max = corners.iter().fold(Point::splat(-Abs::inf()), |a, b| {
            Point::new(a.x.max(b.x), a.y.max(b.y))
        });
        f(min, max, &text.text)
    });
}

/// Calls `f` with each image of `frame`, its size and the scale it is drawn at.
fn images(frame: &Frame, f: &mut dyn FnMut(&typst::visualize::Image, typst::layout::Size, f64)) {
    visit_items(frame, &mut |here, item| {
        if let FrameItem::Image(image, size, _) = item {
            let scale = (here.sx.get() * here.sy.get() - here.kx.get() * here.ky.get())
                .abs()
                .sqrt();
            f(image, *size, scale)
        }
    });
}

/// The programme's and the layout's image files, with their bytes, to recognise them in a
/// laid-out document.
fn image_files(programme: &Programme, layout: &Layout, root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<&str> = programme
        .images()
        .into_iter()
        .map(|image| image.path.as_str())
        .collect();
    paths.extend(layout.logo.as_deref());
    paths
        .into_iter()
        .filter_map(|path| {
            let bytes = crate::sandbox::read(root, &root.join(path)).ok()?;
            Some((path.to_string(), bytes))
        })
        .collect()
}

/// Where the source refers to the image at `path`.
fn image_span(programme: &Programme, path: Option<&str>) -> Option<std::ops::Range<usize>> {
    let path = path?;
    programme
        .images()
        .into_iter()
        .find(|image| image.path == path)
        .map(|image| image.at.clone())
}
