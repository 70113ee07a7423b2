//! One layout, two PDFs. The leaflet and the summary are laid out once, as for print: bleed,
//! crop marks and slug line, CMYK colours, links. Each twin is that layout, changed where the
//! medium needs it:
//!
//! - the **screen** PDF is cut at the trim (colour that runs into the bleed lies outside the
//!   page, where no viewer shows it), has no marks, and its CMYK colours are the layout's screen
//!   colours (a brand colour exactly its screen RGB, anything else converted);
//! - the **print** PDF has no link annotations and no link structure (paper has no links).
//!
//! Typesetting is most of a build's time: laying out once instead of twice saved a third of the
//! CPU of a build (benches/README.md). And the twins cannot differ in text, line or page breaks,
//! since they are the same layout.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::foundations::Smart;
use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Sides};
use typst::model::{Document, LinkMarker};
use typst::visualize::{
    Color, ExchangeFormat, FixedStroke, Image, ImageKind, Paint, PixelEncoding, PixelFormat,
    ProcessColor, ProcessColorSpace, RasterFormat, RasterImage,
};
use typst_layout::{Page, PagedDocument};

use super::print::colour;
use crate::diagnostics::Diagnostic;
use crate::layout::Layout;
use crate::typeset::Compiled;

/// The label of the print marks and slug line in the shared template (`trycksak.typ`): the
/// screen twin leaves out what it marks.
pub const MARKS_LABEL: &str = "trycksak-print-marks";

/// Whom a PDF is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// Reading on a screen: RGB, tagged, archivable.
    Screen,
    /// The print shop: CMYK, bleed, crop marks, PDF/X-4.
    Print,
}

/// The layouts the twins of a programme's documents share: whichever twin is made first lays
/// its document out (with how it was fitted) and keeps it here, by template, for the other.
/// The twins may be made on two threads: the second waits for the first's layout.
#[derive(Default)]
pub struct Shared {
    layouts: Mutex<HashMap<&'static str, Arc<OnceLock<Kept>>>>,
}

/// A layout, or why it could not be made.
type Kept = Result<Box<dyn Any + Send + Sync>, Vec<Diagnostic>>;

/// The layout of `template` (and how it was fitted) kept in `shared`, or made by `lay_out`
/// and kept there for the other twin (which gets the same errors, if it failed). Both twins
/// read as written, so the soft hyphens come out here, once for the two.
pub fn shared<F: Clone + Send + Sync + 'static>(
    shared: &Shared,
    template: &'static str,
    lay_out: impl FnOnce() -> Result<(Compiled, F), Vec<Diagnostic>>,
) -> Result<(Compiled, F), Vec<Diagnostic>> {
    let cell = Arc::clone(
        shared
            .layouts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(template)
            .or_default(),
    );
    let kept = cell.get_or_init(|| {
        lay_out().map(|(compiled, fitted)| {
            let readable = with_pages(&compiled, |page| strip_soft_hyphens(&mut page.frame));
            Box::new((readable, fitted)) as Box<dyn Any + Send + Sync>
        })
    });
    match kept {
        Ok(laid_out) => Ok(laid_out
            .downcast_ref::<(Compiled, F)>()
            .expect("one template is always laid out as one type")
            .clone()),
        Err(errors) => Err(errors.clone()),
    }
}

/// The twin of a layout made for print that `medium` needs.
pub fn for_medium(laid_out: &Compiled, layout: &Layout, medium: Medium) -> Compiled {
    match medium {
        Medium::Screen => screen(laid_out, layout),
        Medium::Print => print(laid_out),
    }
}

/// The screen twin of a layout made for print.
pub fn screen(compiled: &Compiled, layout: &Layout) -> Compiled {
    let palette = ScreenPalette::new(layout);
    with_pages(compiled, |page| {
        remove_marks(&mut page.frame);
        palette.recolour(&mut page.frame);
        page.bleed = Sides::splat(Abs::zero());
        if let Smart::Custom(Some(paint)) = &mut page.fill {
            *paint = palette.paint(paint);
        }
    })
}

/// The print twin: the layout without links.
pub fn print(compiled: &Compiled) -> Compiled {
    let mut links = Vec::new();
    with_pages(compiled, |page| {
        remove_links(&mut page.frame, &mut links);
    })
}

/// Takes the break points trycksak put into the text as soft hyphens (see
/// [`super::hyphenate`]) out of the laid-out text where no line breaks, so that a PDF's text
/// reads (and is searched) as written. The hyphen at a line that does break is Typst's own
/// item, kept, as with Typst's hyphenation.
fn strip_soft_hyphens(frame: &mut Frame) {
    const SHY: char = '\u{ad}';
    frame.retain(|item| {
        match item {
            FrameItem::Group(group) => strip_soft_hyphens(&mut group.frame),
            FrameItem::Text(text) if text.text.contains(SHY) && text.text != "\u{ad}" => {
                // Old byte offset → new, for every offset of the old text.
                let mut map = Vec::with_capacity(text.text.len() + 1);
                let mut kept = typst::ecow::EcoString::new();
                for c in text.text.chars() {
                    for _ in 0..c.len_utf8() {
                        map.push(kept.len() as u16);
                    }
                    if c != SHY {
                        kept.push(c);
                    }
                }
                map.push(kept.len() as u16);
                text.glyphs.retain_mut(|glyph| {
                    let old = glyph.range();
                    let only_shy = text.text[old.clone()].chars().all(|c| c == SHY);
                    glyph.range = map[old.start]..map[old.end];
                    // An invisible soft hyphen's own glyph goes with its character.
                    !(only_shy && glyph.x_advance.get() == 0.0)
                });
                text.text = kept;
            }
            _ => {}
        }
        true
    });
}

/// The document with every page changed by `change` (the introspector is rebuilt from them).
fn with_pages(compiled: &Compiled, mut change: impl FnMut(&mut Page)) -> Compiled {
    let document = &compiled.document;
    let pages = document
        .pages()
        .iter()
        .map(|page| {
            let mut page = page.clone();
            change(&mut page);
            page
        })
        .collect();
    compiled.with_document(PagedDocument::new(pages, document.info().clone()))
}

/// Removes the labelled marks element (its start tag, everything laid out for it, its end tag)
/// wherever it is in the frame.
fn remove_marks(frame: &mut Frame) {
    let mut inside: Option<Location> = None;
    frame.retain(|item| {
        if let Some(marks) = inside {
            if matches!(item, FrameItem::Tag(Tag::End(end, ..)) if *end == marks) {
                inside = None;
            }
            return false;
        }
        match item {
            FrameItem::Tag(Tag::Start(content, _))
                if content
                    .label()
                    .is_some_and(|label| label.resolve().as_str() == MARKS_LABEL) =>
            {
                inside = content.location();
                false
            }
            FrameItem::Group(group) => {
                remove_marks(&mut group.frame);
                true
            }
            _ => true,
        }
    });
}

/// Removes link annotations and the tags of link elements; `open` holds the links whose start
/// was removed, as a link can end on a later page. A frame without any is left shared with the
/// layout, not copied: most of a page has no link.
fn remove_links(frame: &mut Frame, open: &mut Vec<Location>) {
    if !has_link(frame, open) {
        return;
    }
    frame.retain(|item| match item {
        FrameItem::Link(..) => false,
        FrameItem::Tag(Tag::Start(content, _)) if content.is::<LinkMarker>() => {
            open.extend(content.location());
            false
        }
        FrameItem::Tag(Tag::End(location, ..)) => {
            let Some(at) = open.iter().position(|link| link == location) else {
                return true;
            };
            open.swap_remove(at);
            false
        }
        FrameItem::Group(group) => {
            remove_links(&mut group.frame, open);
            true
        }
        _ => true,
    });
}

/// Whether [`remove_links`] would remove anything from `frame`.
fn has_link(frame: &Frame, open: &[Location]) -> bool {
    frame.items().any(|(_, item)| match item {
        FrameItem::Link(..) => true,
        FrameItem::Tag(Tag::Start(content, _)) => content.is::<LinkMarker>(),
        FrameItem::Tag(Tag::End(location, ..)) => open.contains(location),
        FrameItem::Group(group) => has_link(&group.frame, open),
        _ => false,
    })
}

/// A CMYK JPEG as sRGB pixels: screens (and PDF/A) show RGB; the print twin keeps the JPEG.
/// `None` leaves the image as it is (any other image, or one that cannot be converted).
fn screen_image(image: &Image) -> Option<Image> {
    let ImageKind::Raster(raster) = image.kind() else {
        return None;
    };
    if raster.format() != RasterFormat::Exchange(ExchangeFormat::Jpg) {
        return None;
    }
    let (pixels, width, height) = colour::cmyk_jpeg_for_screen(raster.data())?.ok()?;
    let format = PixelFormat {
        encoding: PixelEncoding::Rgb8,
        width,
        height,
    };
    let converted = RasterImage::plain(Bytes::new(pixels), format).ok()?;
    Some(Image::new(
        converted,
        image.alt().map(Into::into),
        image.scaling(),
    ))
}

/// CMYK as laid out for print → RGB for screens.
struct ScreenPalette {
    /// Each brand colour's CMYK (as Typst holds it) and its screen colour.
    brand: Vec<([f32; 4], Color)>,
}

impl ScreenPalette {
    fn new(layout: &Layout) -> Self {
        let brand = layout
            .colours
            .values()
            .map(|colour| {
                let [r, g, b] = colour.screen;
                (
                    colour.ink.map(|ink| (ink / 100.0) as f32),
                    Color::from_u8(r, g, b, 255),
                )
            })
            .collect();
        ScreenPalette { brand }
    }

    fn colour(&self, colour: &Color) -> Color {
        match colour {
            Color::Process(process) if process.space() == ProcessColorSpace::Cmyk => {
                let inks = process.to_vec4();
                self.brand
                    .iter()
                    .find(|(brand, _)| brand.iter().zip(inks).all(|(a, b)| (a - b).abs() < 1e-4))
                    .map(|(_, screen)| screen.clone())
                    .unwrap_or_else(|| Color::Process(ProcessColor::Rgb(process.to_rgb())))
            }
            // Registration colour and other spot colours: their process fallback.
            Color::Spot(spot) => Color::Process(ProcessColor::Rgb(spot.fallback().to_rgb())),
            other => other.clone(),
        }
    }

    /// Solid paints are recoloured; gradients and tilings are kept as laid out.
    fn paint(&self, paint: &Paint) -> Paint {
        match paint {
            Paint::Solid(colour) => Paint::Solid(self.colour(colour)),
            other => other.clone(),
        }
    }

    fn stroke(&self, stroke: &mut Option<FixedStroke>) {
        if let Some(stroke) = stroke {
            stroke.paint = self.paint(&stroke.paint);
        }
    }

    fn recolour(&self, frame: &mut Frame) {
        frame.retain(|item| {
            match item {
                FrameItem::Group(group) => self.recolour(&mut group.frame),
                FrameItem::Text(text) => {
                    text.fill = self.paint(&text.fill);
                    self.stroke(&mut text.stroke);
                }
                FrameItem::Shape(shape, _) => {
                    shape.fill = shape.fill.as_ref().map(|fill| self.paint(fill));
                    self.stroke(&mut shape.stroke);
                }
                FrameItem::Image(image, _, _) => {
                    if let Some(rgb) = screen_image(image) {
                        *image = rgb;
                    }
                }
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
            true
        });
    }
}
