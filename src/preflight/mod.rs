//! Preflight: reads a finished PDF the way a print shop's checker does and says whether it can
//! go to press: page boxes, fonts, colour spaces, ink, image resolution, PDF/X identification.
//! It reads any PDF, not only ours, and trusts nothing Typst or trycksak claimed.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use lopdf::{Dictionary, Document, Object};

mod content;

use content::Painter;

use crate::pdf_objects::page_resources;
use crate::print_rules::{GOOD_PPI, INK_LIMIT, MIN_PPI, MM, SMALL_TEXT_PT};

/// 1 mm in PDF points.
/// The most a content stream may inflate to while being read.
const MAX_STREAM: usize = 256 << 20;
/// How deep form XObjects may nest before we stop following them.
const MAX_FORM_DEPTH: usize = 16;

/// One page's boxes, in millimetres.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFacts {
    pub media_mm: [f64; 2],
    /// Finished size (TrimBox).
    pub trim_mm: [f64; 2],
    /// BleedBox beyond the TrimBox (the smallest side), 0 without a BleedBox.
    pub bleed_mm: f64,
    pub has_trim: bool,
    pub has_bleed: bool,
    /// TrimBox ⊆ BleedBox ⊆ MediaBox.
    pub nested: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FontFacts {
    pub name: String,
    pub embedded: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImageFacts {
    pub page: usize,
    pub pixels: (u32, u32),
    pub placed_mm: (f64, f64),
    pub ppi: f64,
    pub colour_space: String,
}

/// Everything preflight found in one PDF.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pages: Vec<PageFacts>,
    pub fonts: Vec<FontFacts>,
    /// Colour spaces used for painting, e.g. `DeviceCMYK`, `Separation All`, `ICCBased RGB`.
    pub colour_spaces: BTreeSet<String>,
    pub images: Vec<ImageFacts>,
    /// Pages and colours whose ink total is above [`INK_LIMIT`].
    pub ink_over_limit: Vec<(usize, f64)>,
    /// Pages with text painted in rich black (black with coloured inks under it).
    pub rich_black_text: BTreeSet<usize>,
    /// Black text runs under [`SMALL_TEXT_PT`]: how many overprint, and the pages where some
    /// knock out (GWG 2022 asks them to overprint).
    pub small_black_text: (usize, BTreeSet<usize>),
    /// Pages with white text set to overprint: it disappears on press.
    pub white_text_overprints: BTreeSet<usize>,
    /// `GTS_PDFXVersion` from the XMP metadata.
    pub pdfx: Option<String>,
    /// The PDF/X output intent's condition and whether it embeds a profile.
    pub output_intent: Option<(String, bool)>,
    pub trapped: Option<String>,
    pub encrypted: bool,
    /// Problems reading the file itself.
    pub unreadable: Option<String>,
}

impl Report {
    pub fn uses_rgb(&self) -> bool {
        self.colour_spaces.contains("DeviceRGB")
    }

    /// Why this PDF cannot go to press as it is, in the print shop's terms; empty if it can.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(why) = &self.unreadable {
            out.push(format!("the file cannot be read as a PDF: {why}"));
            return out;
        }
        if self.pages.is_empty() {
            out.push("the file has no pages".into());
        }
        if self.encrypted {
            out.push("the file is encrypted".into());
        }
        if self.pages.iter().any(|p| !p.has_trim) {
            out.push("pages without a TrimBox: the finished size is not stated".into());
        }
        if self.pages.iter().any(|p| !p.has_bleed || p.bleed_mm < 2.99) {
            out.push("pages without 3 mm bleed (BleedBox)".into());
        }
        if self.pages.iter().any(|p| !p.nested) {
            out.push("page boxes are not nested (TrimBox inside BleedBox inside MediaBox)".into());
        }
        if let Some(first) = self.pages.first()
            && self.pages.iter().any(|p| p.trim_mm != first.trim_mm)
        {
            out.push("pages have different finished sizes".into());
        }
        let not_embedded: Vec<&str> = self
            .fonts
            .iter()
            .filter(|f| !f.embedded)
            .map(|f| f.name.as_str())
            .collect();
        if !not_embedded.is_empty() {
            out.push(format!("fonts not embedded: {}", not_embedded.join(", ")));
        }
        if self.uses_rgb() {
            out.push("RGB colour without a profile (DeviceRGB): it prints unpredictably".into());
        }
        if !self.ink_over_limit.is_empty() {
            out.push(format!(
                "colours with more than {INK_LIMIT:.0} % ink on {} page(s)",
                self.ink_over_limit
                    .iter()
                    .map(|(p, _)| p)
                    .collect::<BTreeSet<_>>()
                    .len()
            ));
        }
        if !self.rich_black_text.is_empty() {
            out.push("black text in four inks (rich black) blurs on press".into());
        }
        if !self.small_black_text.1.is_empty() {
            out.push(format!(
                "black text under {SMALL_TEXT_PT:.0} pt knocks out (does not overprint) on {}: \
                 misregistration shows white edges",
                pages(&self.small_black_text.1)
            ));
        }
        if !self.white_text_overprints.is_empty() {
            out.push(format!(
                "white text set to overprint on {}: it vanishes on press",
                pages(&self.white_text_overprints)
            ));
        }
        let low: Vec<String> = self
            .images
            .iter()
            .filter(|i| i.ppi < MIN_PPI)
            .map(|i| format!("{:.0} ppi on page {}", i.ppi, i.page))
            .collect();
        if !low.is_empty() {
            out.push(format!("images below {MIN_PPI:.0} ppi: {}", low.join(", ")));
        }
        if self.pdfx.as_deref() != Some("PDF/X-4") {
            out.push("not identified as PDF/X-4 (XMP GTS_PDFXVersion)".into());
        }
        match &self.output_intent {
            None => out.push("no PDF/X output intent (print condition)".into()),
            Some((_, false)) => out.push("the output intent embeds no ICC profile".into()),
            Some(_) => {}
        }
        out
    }

    /// Things that may be fine but a print shop would mention.
    pub fn warnings(&self) -> Vec<String> {
        self.images
            .iter()
            .filter(|i| (MIN_PPI..GOOD_PPI).contains(&i.ppi))
            .map(|i| {
                format!(
                    "image on page {} prints at {:.0} ppi (300 asked for)",
                    i.page, i.ppi
                )
            })
            .collect()
    }

    /// The report as printed by `trycksak check --print`.
    pub fn render(&self, name: &str) -> String {
        let mut out = String::new();
        let failures = self.failures();
        let _ = writeln!(
            out,
            "{name}: {}",
            if failures.is_empty() { "PASS" } else { "FAIL" }
        );
        if self.unreadable.is_some() {
            for failure in failures {
                let _ = writeln!(out, "  ✗ {failure}");
            }
            return out;
        }
        let line = |out: &mut String, label: &str, value: String| {
            let _ = writeln!(out, "  {label:<14}{value}");
        };
        line(&mut out, "pages", self.pages.len().to_string());
        if let Some(first) = self.pages.first() {
            line(
                &mut out,
                "trim",
                format!("{:.1} × {:.1} mm", first.trim_mm[0], first.trim_mm[1]),
            );
            line(&mut out, "bleed", format!("{:.1} mm", first.bleed_mm));
            line(
                &mut out,
                "media",
                format!("{:.1} × {:.1} mm", first.media_mm[0], first.media_mm[1]),
            );
        }
        let boxes = !self.pages.is_empty()
            && self
                .pages
                .iter()
                .all(|p| p.has_trim && p.has_bleed && p.nested);
        line(
            &mut out,
            "boxes",
            if boxes {
                "TrimBox and BleedBox on every page, nested in the MediaBox".to_string()
            } else {
                "missing or inconsistent".to_string()
            },
        );
        let embedded = self.fonts.iter().filter(|f| f.embedded).count();
        line(
            &mut out,
            "fonts",
            format!("{embedded} of {} embedded", self.fonts.len()),
        );
        line(
            &mut out,
            "colour",
            self.colour_spaces
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        );
        if self.images.is_empty() {
            line(&mut out, "images", "none (raster)".to_string());
        }
        for image in &self.images {
            line(
                &mut out,
                "image",
                format!(
                    "page {}: {} × {} px at {:.0} × {:.0} mm = {:.0} ppi, {}",
                    image.page,
                    image.pixels.0,
                    image.pixels.1,
                    image.placed_mm.0,
                    image.placed_mm.1,
                    image.ppi,
                    image.colour_space
                ),
            );
        }
        line(
            &mut out,
            "ink",
            if self.ink_over_limit.is_empty() {
                format!("no colour above {INK_LIMIT:.0} %")
            } else {
                let worst = self
                    .ink_over_limit
                    .iter()
                    .map(|(_, total)| *total)
                    .fold(0.0, f64::max);
                format!("up to {worst:.0} % (limit {INK_LIMIT:.0} %)")
            },
        );
        let (overprinting, knocking_out) = &self.small_black_text;
        line(
            &mut out,
            "overprint",
            if knocking_out.is_empty() {
                format!("{overprinting} black text runs under {SMALL_TEXT_PT:.0} pt, all overprint")
            } else {
                format!(
                    "{overprinting} black text runs under {SMALL_TEXT_PT:.0} pt overprint, \
                     others knock out on {}",
                    pages(knocking_out)
                )
            },
        );
        line(
            &mut out,
            "standard",
            match (&self.pdfx, &self.output_intent) {
                (Some(version), Some((condition, true))) => {
                    format!("{version}, output intent {condition} with embedded profile")
                }
                (Some(version), _) => version.clone(),
                (None, _) => "no PDF/X identification".to_string(),
            },
        );
        if let Some(trapped) = &self.trapped {
            line(&mut out, "trapped", trapped.clone());
        }
        for warning in self.warnings() {
            let _ = writeln!(out, "  ! {warning}");
        }
        for failure in failures {
            let _ = writeln!(out, "  ✗ {failure}");
        }
        out
    }
}

/// "page 3" or "pages 1, 2".
fn pages(numbers: &BTreeSet<usize>) -> String {
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    match list.len() {
        1 => format!("page {}", list[0]),
        _ => format!("pages {}", list.join(", ")),
    }
}

/// Reads `bytes` as a PDF and collects the facts of [`Report`].
pub fn inspect(bytes: &[u8]) -> Report {
    read(bytes, true)
}

/// [`inspect`] without reading the content streams: boxes, fonts and identification only (no
/// colour spaces, ink or images).
pub fn inspect_structure(bytes: &[u8]) -> Report {
    read(bytes, false)
}

/// A damaged PDF from elsewhere must not take `check --print` down: a panic in the PDF reader
/// becomes an unreadable file.
fn read(bytes: &[u8], paint: bool) -> Report {
    std::panic::catch_unwind(|| read_unguarded(bytes, paint)).unwrap_or_else(|_| Report {
        unreadable: Some("the file is damaged in a way the PDF reader could not handle".into()),
        ..Report::default()
    })
}

fn read_unguarded(bytes: &[u8], paint: bool) -> Report {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(err) => {
            return Report {
                unreadable: Some(err.to_string()),
                ..Report::default()
            };
        }
    };
    let mut report = Report {
        encrypted: doc.is_encrypted() || doc.trailer.has(b"Encrypt"),
        ..Report::default()
    };
    for (number, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        report.pages.push(page_boxes(&doc, page));
        if !paint {
            continue;
        }
        let content = doc
            .get_page_content_with_limit(page_id, MAX_STREAM)
            .unwrap_or_default();
        let resources = page_resources(&doc, page_id);
        let mut painter = Painter {
            doc: &doc,
            page: number as usize,
            report: &mut report,
        };
        painter.paint(&content, &resources, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], 0);
    }
    report.fonts = fonts(&doc);
    read_identification(&doc, &mut report);
    report
}

fn page_boxes(doc: &Document, page: &Dictionary) -> PageFacts {
    // Boxes may be inherited from the page tree; ours are always on the page.
    let get = |key: &[u8]| -> Option<[f64; 4]> {
        let array = doc
            .dereference(page.get(key).ok()?)
            .ok()?
            .1
            .as_array()
            .ok()?;
        let values: Vec<f64> = array
            .iter()
            .filter_map(|o| o.as_float().ok().map(f64::from))
            .collect();
        let [x0, y0, x1, y1]: [f64; 4] = values.try_into().ok()?;
        Some([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
    };
    let media = get(b"MediaBox").unwrap_or([0.0; 4]);
    let trim = get(b"TrimBox");
    let bleed = get(b"BleedBox");
    let size = |b: [f64; 4]| [(b[2] - b[0]) / MM, (b[3] - b[1]) / MM];
    let inside = |inner: [f64; 4], outer: [f64; 4]| {
        const EPS: f64 = 0.01;
        inner[0] >= outer[0] - EPS
            && inner[1] >= outer[1] - EPS
            && inner[2] <= outer[2] + EPS
            && inner[3] <= outer[3] + EPS
    };
    let trim_box = trim.unwrap_or(media);
    let bleed_box = bleed.unwrap_or(trim_box);
    let bleed_mm = [
        trim_box[0] - bleed_box[0],
        trim_box[1] - bleed_box[1],
        bleed_box[2] - trim_box[2],
        bleed_box[3] - trim_box[3],
    ]
    .into_iter()
    .fold(f64::INFINITY, f64::min)
        / MM;
    PageFacts {
        media_mm: size(media),
        trim_mm: size(trim_box).map(|v| (v * 10.0).round() / 10.0),
        bleed_mm: (bleed_mm * 100.0).round() / 100.0,
        has_trim: trim.is_some(),
        has_bleed: bleed.is_some(),
        nested: inside(trim_box, bleed_box) && inside(bleed_box, media),
    }
}

/// Every font and whether its program is in the file. Type 3 fonts are drawn by the PDF itself.
fn fonts(doc: &Document) -> Vec<FontFacts> {
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font") {
            continue;
        }
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        // Composite fonts are judged by their descendant, which is listed on its own.
        if subtype == b"Type0" {
            continue;
        }
        let name = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|_| "(unnamed)".into());
        let embedded = subtype == b"Type3"
            || dict
                .get(b"FontDescriptor")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
                .is_some_and(|d| d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"));
        out.push(FontFacts { name, embedded });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// PDF/X identification (XMP), output intent, `/Trapped`.
fn read_identification(doc: &Document, report: &mut Report) {
    let Ok(catalog) = doc.catalog() else {
        return;
    };
    let deref = |o: &Object| doc.dereference(o).ok().map(|(_, o)| o.clone());
    if let Some(Object::Stream(xmp)) = catalog.get(b"Metadata").ok().and_then(deref) {
        let bytes = xmp
            .decompressed_content_with_limit(MAX_STREAM)
            .unwrap_or_else(|_| xmp.content.clone());
        let text = String::from_utf8_lossy(&bytes);
        report.pdfx = xml_value(&text, "pdfxid:GTS_PDFXVersion");
        report.trapped = xml_value(&text, "pdf:Trapped");
    }
    if let Some(Object::Array(intents)) = catalog.get(b"OutputIntents").ok().and_then(deref) {
        for intent in intents.iter().filter_map(deref) {
            let Ok(intent) = intent.as_dict() else {
                continue;
            };
            if intent.get(b"S").and_then(Object::as_name).ok() != Some(b"GTS_PDFX") {
                continue;
            }
            let condition = intent
                .get(b"OutputConditionIdentifier")
                .and_then(Object::as_str)
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .unwrap_or_default();
            let embedded = intent
                .get(b"DestOutputProfile")
                .ok()
                .and_then(deref)
                .is_some_and(|o| o.as_stream().is_ok());
            report.output_intent = Some((condition, embedded));
        }
    }
}

/// The text of `<tag>…</tag>` (or the attribute `tag="…"`) in an XMP packet.
fn xml_value(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    if let Some(start) = xml.find(&open) {
        let rest = &xml[start + open.len()..];
        return rest.find('<').map(|end| rest[..end].trim().to_string());
    }
    let attribute = format!("{tag}=\"");
    let start = xml.find(&attribute)? + attribute.len();
    let rest = &xml[start..];
    rest.find('"').map(|end| rest[..end].to_string())
}
