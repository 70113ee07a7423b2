//! Preflight: reads a finished PDF the way a print shop's checker does and says whether it can
//! go to press: page boxes, fonts, colour spaces, ink, image resolution, PDF/X identification.
//! It reads any PDF, not only ours, and trusts nothing Typst or trycksak claimed.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object};

mod checks;
mod content;
mod ink_area;
mod verdict;

use content::Painter;
use ink_area::InkMap;
pub use verdict::{Check, Verdict};

use crate::pdf_objects::page_resources;
use crate::print_rules::{INK_AREA_MM, MM};

/// The most a content stream may inflate to while being read.
const MAX_STREAM: usize = 256 << 20;
/// How deep form XObjects may nest before we stop following them.
const MAX_FORM_DEPTH: usize = 16;

/// One page's boxes, in millimetres.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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
    /// No CropBox, or one equal to the MediaBox.
    pub crop_is_media: bool,
    /// `/Rotate`, in degrees.
    pub rotate: i64,
    pub user_unit: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FontFacts {
    pub name: String,
    /// The font's type: `TrueType`, `Type1`, `CIDFontType2`, `Type3`…
    pub kind: String,
    pub embedded: bool,
    /// Only the glyphs used are embedded (the name has a `ABCDEF+` prefix).
    pub subset: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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
    /// Pages and colours whose ink total is above [`INK_LIMIT`](crate::print_rules::INK_LIMIT).
    pub ink_over_limit: Vec<(usize, f64)>,
    /// Pages with text under 8 pt in white or in more than one ink.
    pub fine_text: BTreeSet<usize>,
    /// Pages with text painted in rich black (black with coloured inks under it).
    pub rich_black_text: BTreeSet<usize>,
    /// Black text runs under [`SMALL_TEXT_PT`](crate::print_rules::SMALL_TEXT_PT): how many overprint, and the pages where some
    /// knock out (GWG 2022 asks them to overprint).
    pub small_black_text: (usize, BTreeSet<usize>),
    /// Black strokes under [`SMALL_LINE_PT`](crate::print_rules::SMALL_LINE_PT): how many overprint, and the pages where some
    /// knock out.
    pub thin_black_lines: (usize, BTreeSet<usize>),
    /// Pages with white text or lines set to overprint: they disappear on press.
    pub white_overprints: BTreeSet<usize>,
    /// Pages where the registration colour `All` (for marks outside the trim: it prints on
    /// every plate) is painted inside the trim box, where it would print in four inks.
    pub registration_in_trim: BTreeSet<usize>,
    /// The thinnest stroke (points, as printed) and its page.
    pub thinnest_line: Option<(f64, usize)>,
    /// Pages with strokes under 0.125 pt, and with strokes under 0.25 pt.
    pub hairlines: BTreeSet<usize>,
    pub thin_lines: BTreeSet<usize>,
    /// Each page's largest total ink (percent) averaged over a 15 mm square.
    pub area_ink: Vec<f64>,
    /// The kinds of transparency used: soft masks, opacity, blend modes, groups.
    pub transparency: BTreeSet<String>,
    /// `GTS_PDFXVersion` from the XMP metadata.
    pub pdfx: Option<String>,
    /// The PDF/X output intent's condition and whether it embeds a profile.
    pub output_intent: Option<(String, bool)>,
    pub trapped: Option<String>,
    pub encrypted: bool,
    /// Problems reading the file itself.
    pub unreadable: Option<String>,
}

/// Reads `bytes` as a PDF and collects the facts of [`Report`].
pub fn inspect(bytes: &[u8]) -> Report {
    // A damaged PDF from elsewhere must not take `check --print` down: a panic in the PDF
    // reader becomes an unreadable file.
    match std::panic::catch_unwind(|| Document::load_mem(bytes)) {
        Ok(Ok(doc)) => inspect_document(&doc),
        Ok(Err(err)) => unreadable(err.to_string()),
        Err(_) => unreadable("the file is damaged in a way the PDF reader could not handle".into()),
    }
}

/// [`inspect`] of a PDF already read (the print twin being finished, before it is written): the
/// same facts without parsing the file again.
pub fn inspect_document(doc: &Document) -> Report {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_document(doc))).unwrap_or_else(
        |_| unreadable("the file is damaged in a way the PDF reader could not handle".into()),
    )
}

fn unreadable(why: String) -> Report {
    Report {
        unreadable: Some(why),
        ..Report::default()
    }
}

fn read_document(doc: &Document) -> Report {
    let mut report = Report {
        encrypted: doc.is_encrypted() || doc.trailer.has(b"Encrypt"),
        ..Report::default()
    };
    for (number, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let (facts, media, trim) = page_boxes(doc, page);
        report.pages.push(facts);
        let content = doc
            .get_page_content_with_limit(page_id, MAX_STREAM)
            .unwrap_or_default();
        let resources = page_resources(doc, page_id);
        let mut painter = Painter {
            doc,
            page: number as usize,
            report: &mut report,
            ink: InkMap::new(media),
            trim,
        };
        painter.paint(&content, &resources, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        let most = painter.ink.max_over(INK_AREA_MM);
        report.area_ink.push(most);
    }
    report.fonts = fonts(doc);
    report.transparency = transparency(doc);
    read_identification(doc, &mut report);
    report
}

/// A page's own value of `key`, or the one it inherits from the page tree.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(value) = node.get(key) {
            return doc.dereference(value).ok().map(|(_, o)| o);
        }
        node = doc
            .dereference(node.get(b"Parent").ok()?)
            .ok()?
            .1
            .as_dict()
            .ok()?;
    }
    None
}

/// A page's boxes, and its MediaBox in points.
/// A page's facts, its media box and its trim box (page space, points).
fn page_boxes(doc: &Document, page: &Dictionary) -> (PageFacts, [f64; 4], [f64; 4]) {
    let get = |key: &[u8]| -> Option<[f64; 4]> {
        let inheritable = matches!(key, b"MediaBox" | b"CropBox");
        let value = if inheritable {
            inherited(doc, page, key)?
        } else {
            doc.dereference(page.get(key).ok()?).ok()?.1
        };
        let array = value.as_array().ok()?;
        let values: Vec<f64> = array
            .iter()
            .filter_map(|o| o.as_float().ok().map(f64::from))
            .collect();
        let [x0, y0, x1, y1]: [f64; 4] = values.try_into().ok()?;
        Some([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
    };
    let media = get(b"MediaBox").unwrap_or([0.0; 4]);
    let crop = get(b"CropBox");
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
    let crop_is_media = crop.is_none_or(|c| c.iter().zip(media).all(|(a, b)| (a - b).abs() < 0.01));
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    let user_unit = page
        .get(b"UserUnit")
        .ok()
        .and_then(|o| o.as_float().ok())
        .map(f64::from);
    let facts = PageFacts {
        media_mm: size(media),
        trim_mm: size(trim_box).map(|v| (v * 10.0).round() / 10.0),
        bleed_mm: (bleed_mm * 100.0).round() / 100.0,
        has_trim: trim.is_some(),
        has_bleed: bleed.is_some(),
        nested: inside(trim_box, bleed_box) && inside(bleed_box, media),
        crop_is_media,
        rotate,
        user_unit,
    };
    (facts, media, trim_box)
}

/// What transparency the file uses: soft masks, constant opacity, blend modes, groups.
fn transparency(doc: &Document) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(dict) => dict,
            Object::Stream(stream) => &stream.dict,
            _ => continue,
        };
        let mask = dict.get(b"SMask").ok();
        if mask.is_some_and(|m| m.as_name().ok() != Some(b"None")) {
            found.insert("soft masks".to_string());
        }
        for key in [b"CA".as_slice(), b"ca"] {
            if dict
                .get(key)
                .ok()
                .and_then(|o| o.as_float().ok())
                .is_some_and(|a| a < 1.0)
            {
                found.insert("opacity".to_string());
            }
        }
        if let Ok(mode) = dict.get(b"BM")
            && !matches!(mode.as_name(), Ok(b"Normal") | Ok(b"Compatible"))
        {
            found.insert("blend modes".to_string());
        }
        if dict.get(b"S").and_then(Object::as_name).ok() == Some(b"Transparency")
            && dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Group")
        {
            found.insert("transparency groups".to_string());
        }
    }
    found
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
        let subset = name.len() > 7
            && name.as_bytes()[6] == b'+'
            && name.as_bytes()[..6].iter().all(u8::is_ascii_uppercase);
        let embedded = subtype == b"Type3"
            || dict
                .get(b"FontDescriptor")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
                .is_some_and(|d| d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"));
        out.push(FontFacts {
            name,
            kind: String::from_utf8_lossy(subtype).into_owned(),
            embedded,
            subset,
        });
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
