//! Finishing a print twin as PDF/X-4, where Typst's PDF stops short: Typst 0.15 writes the
//! TrimBox, CMYK and spot colours and the tags, but no BleedBox, no PDF/X output intent or
//! identification, and SVG or raster RGB as it comes. This pass, on the PDF's objects (lopdf):
//!
//! - adds a BleedBox (TrimBox + bleed) to every page;
//! - sets black text under 12 pt and black lines under 2 pt to overprint ([`super::overprint`]);
//! - turns every RGB and ICC-based grey paint, gradient and image into DeviceCMYK through the
//!   output intent's profile ([`super::recolour`], [`super::colour`]): a brand colour's screen
//!   RGB becomes that brand colour's CMYK again, greys black ink alone; transparency groups
//!   blend in CMYK;
//! - adds the `GTS_PDFX` output intent with the Coated FOGRA39 profile, the PDF/X-4
//!   identification in the XMP metadata and `/Trapped`, and writes PDF 1.6.
//!
//! Typst writes the PDF for this pass with its content streams uncompressed (they are read and
//! most rewritten here: deflating them at Typst's level 6 only to inflate them again was about
//! 4 % of a build's instructions) and so, by the same switch, its binary streams hex-encoded:
//! the hex comes off first, and every stream is deflated once, at the end.

use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::colour::FOGRA39;
use super::recolour::{self, NamedSpaces};
use super::{PrintData, overprint};
use crate::pdf_objects::{deflate, page_resources, set_compressed, strip_ascii_hex};
use crate::preflight;

pub const PDFX_VERSION: &str = "PDF/X-4";
pub const OUTPUT_CONDITION: &str = "FOGRA39";

/// 1 mm in PDF points.
const MM: f32 = crate::print_rules::MM as f32;

/// Why a print twin could not be finished.
#[derive(Debug)]
pub enum Problem {
    /// Something in the content the print condition cannot take (an unconvertible gradient).
    Content(String),
    /// A fault of trycksak's or Typst's.
    Internal(String),
}

impl From<String> for Problem {
    fn from(err: String) -> Problem {
        Problem::Internal(err)
    }
}

impl From<&str> for Problem {
    fn from(err: &str) -> Problem {
        Problem::Internal(err.to_string())
    }
}

/// A finished print twin, and what preflight reads in it.
pub struct Finished {
    pub bytes: Vec<u8>,
    pub facts: preflight::Report,
}

pub fn finish(bytes: Vec<u8>, print: &PrintData, title: &str) -> Result<Finished, Problem> {
    let mut doc = Document::load_mem(&bytes)
        .map_err(|e| Problem::Internal(format!("cannot read Typst's PDF: {e}")))?;
    doc.version = "1.6".into();
    strip_ascii_hex(&mut doc);
    let (mut content_streams, page_streams) = pages(&mut doc, print)?;
    content_streams.extend(forms_and_patterns(&mut doc));
    let inflated = inflate(&mut doc, content_streams.iter().map(|(id, _)| *id));
    for (id, spaces) in content_streams {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
            recolour::content_stream(stream, &spaces, &print.palette).map_err(Problem::Internal)?;
        }
    }
    let converted_any =
        recolour::images_and_shadings(&mut doc, &print.palette).map_err(Problem::Content)?;
    recolour::drop_converted_spaces(&mut doc, converted_any);
    // After the conversion, so that RGB black is K-only black here too.
    overprint::press(&mut doc, &page_streams)?;
    identify_pdfx(&mut doc, title)?;

    // Read back as `check --print` would, from the objects as they will be written.
    let facts = preflight::inspect_document(&doc);
    restore_unchanged(&mut doc, inflated);
    compress_the_rest(&mut doc);
    let mut out = Vec::with_capacity(bytes.len() + FOGRA39.len());
    doc.save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(Finished { bytes: out, facts })
}

/// Content streams with the names their resources give colour spaces to convert.
type ContentStreams = Vec<(ObjectId, NamedSpaces)>;
/// Each page's content streams, for the overprint pass.
type PageStreams = Vec<(ObjectId, Vec<ObjectId>)>;

/// Each page given its BleedBox and a CMYK transparency group: its content streams (with the
/// colour spaces their resources name), and each page's streams for the overprint pass.
fn pages(doc: &mut Document, print: &PrintData) -> Result<(ContentStreams, PageStreams), Problem> {
    let bleed = print.bleed_mm as f32 * MM;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut content_streams = Vec::new();
    let mut page_streams = Vec::new();
    for &page_id in &pages {
        let resources = page_resources(doc, page_id);
        let spaces = recolour::named_spaces(doc, Some(&resources));
        let mut page = doc
            .get_dictionary(page_id)
            .map_err(|e| format!("page {page_id:?}: {e}"))?
            .clone();
        let trim = boxed(&page, b"TrimBox")
            .or_else(|| boxed(&page, b"MediaBox"))
            .ok_or("a page has no TrimBox")?;
        let bleed_box = [
            trim[0] - bleed,
            trim[1] - bleed,
            trim[2] + bleed,
            trim[3] + bleed,
        ];
        page.set("BleedBox", rect(bleed_box));
        recolour::cmyk_group(doc, &mut page);
        let streams: Vec<ObjectId> = match page.get(b"Contents") {
            Ok(Object::Reference(id)) => vec![*id],
            Ok(Object::Array(items)) => {
                items.iter().filter_map(|o| o.as_reference().ok()).collect()
            }
            _ => Vec::new(),
        };
        doc.objects.insert(page_id, Object::Dictionary(page));
        for &id in &streams {
            content_streams.push((id, spaces.clone()));
        }
        page_streams.push((page_id, streams));
    }
    Ok((content_streams, page_streams))
}

/// Forms (an SVG logo, a soft mask) and tiling patterns paint with content streams too: theirs,
/// each given a CMYK transparency group.
fn forms_and_patterns(doc: &mut Document) -> ContentStreams {
    let mut content_streams = Vec::new();
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            continue;
        };
        let is_form = stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form");
        let is_tiling = stream
            .dict
            .get(b"PatternType")
            .and_then(Object::as_i64)
            .ok()
            == Some(1);
        if !(is_form || is_tiling) {
            continue;
        }
        let resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        content_streams.push((id, recolour::named_spaces(doc, resources)));
        let mut dict = stream.dict.clone();
        recolour::cmyk_group(doc, &mut dict);
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
            stream.dict = dict;
        }
    }
    content_streams
}

/// The PDF/X-4 identification: the FOGRA39 output intent with its profile, `GTS_PDFXVersion` in
/// the XMP metadata and the document information, `/Trapped /False`.
fn identify_pdfx(doc: &mut Document, title: &str) -> Result<(), Problem> {
    let profile = doc.add_object(icc_stream(4, fogra39_flate()));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    intent.set("OutputConditionIdentifier", text(OUTPUT_CONDITION));
    intent.set(
        "OutputCondition",
        text("Offset printing on coated paper, ISO 12647-2:2004/Amd 1 (Coated FOGRA39)"),
    );
    intent.set("RegistryName", text("http://www.color.org"));
    intent.set("Info", text("Coated FOGRA39 (ISO 12647-2:2004)"));
    intent.set("DestOutputProfile", Object::Reference(profile));
    let intent = doc.add_object(Object::Dictionary(intent));
    let catalog = doc.catalog_mut().map_err(|e| format!("no catalog: {e}"))?;
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Reference(intent)]),
    );
    let metadata = catalog.get(b"Metadata").and_then(Object::as_reference).ok();

    match metadata.and_then(|id| doc.objects.get_mut(&id)) {
        Some(Object::Stream(stream)) => {
            let xmp = String::from_utf8(
                stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone()),
            )
            .map_err(|_| "the XMP metadata is not UTF-8")?;
            stream.set_plain_content(identify(&xmp).into_bytes());
        }
        _ => return Err("Typst wrote no XMP metadata".into()),
    }

    let info_id = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => id,
        Err(_) => {
            let mut info = Dictionary::new();
            info.set("Title", text(title));
            let id = doc.add_object(Object::Dictionary(info));
            doc.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    if let Ok(info) = doc.get_object_mut(info_id).and_then(Object::as_dict_mut) {
        info.set("Trapped", Object::Name(b"False".to_vec()));
        info.set("GTS_PDFXVersion", text(PDFX_VERSION));
    }
    Ok(())
}

/// Content streams that Typst compressed after all (it writes a print twin's uncompressed for
/// this pass), as it wrote them, and their content inflated.
type Inflated = Vec<(ObjectId, Stream, Vec<u8>)>;

/// Inflates those of the content streams `ids` that are compressed, in place, once:
/// recolouring, overprinting and the preflight each read them, and each inflating them again
/// was most of what two of them cost.
fn inflate(doc: &mut Document, ids: impl Iterator<Item = ObjectId>) -> Inflated {
    let mut inflated = Vec::new();
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        if !stream.dict.has(b"Filter") {
            continue;
        }
        // One that does not inflate stays as it is: the passes that read it report it.
        let Ok(plain) = stream.decompressed_content() else {
            continue;
        };
        let original = stream.clone();
        stream.set_plain_content(plain.clone());
        inflated.push((id, original, plain));
    }
    inflated
}

/// Gives the streams [`inflate`] inflated that no pass changed Typst's bytes back;
/// [`compress_the_rest`] compresses the others.
fn restore_unchanged(doc: &mut Document, inflated: Inflated) {
    for (id, original, plain) in inflated {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id)
            && stream.content == plain
        {
            *stream = original;
        }
    }
}

/// Compresses every stream left uncompressed: the content streams (rewritten or not), the
/// character maps and functions Typst wrote uncompressed for this pass. The XMP metadata
/// stays plain text, as Typst writes it.
fn compress_the_rest(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && !stream.dict.has(b"Filter")
            && stream.dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Metadata")
        {
            let plain = std::mem::take(&mut stream.content);
            set_compressed(stream, &plain);
        }
    }
}

/// Adds the PDF/X identification to the XMP packet, leaving what Typst wrote (PDF/UA, title,
/// dates) as it is.
fn identify(xmp: &str) -> String {
    // PDF/X-4 allows only the `default` rendition and wants the version the header states.
    let xmp = xmp
        .replace(
            "<xmpMM:RenditionClass>proof</xmpMM:RenditionClass>",
            "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        )
        .replace(
            "<pdf:PDFVersion>1.7</pdf:PDFVersion>",
            "<pdf:PDFVersion>1.6</pdf:PDFVersion>",
        );
    let xmp = xmp.as_str();
    let mut properties = format!("<pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>");
    if !xmp.contains("pdf:Trapped") {
        properties.push_str("<pdf:Trapped>False</pdf:Trapped>");
    }
    if !xmp.contains("xmpMM:RenditionClass") {
        properties.push_str("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>");
    }
    if !xmp.contains("xmpMM:VersionID") {
        properties.push_str("<xmpMM:VersionID>1</xmpMM:VersionID>");
    }
    let description = format!(
        "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">{properties}</rdf:Description>"
    );
    match xmp.rfind("</rdf:RDF>") {
        Some(at) => format!("{}{description}{}", &xmp[..at], &xmp[at..]),
        None => xmp.to_string(),
    }
}

fn boxed(dict: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let array = dict.get(key).ok()?.as_array().ok()?;
    let values: Vec<f32> = array.iter().filter_map(|o| o.as_float().ok()).collect();
    values.try_into().ok()
}

fn rect(values: [f32; 4]) -> Object {
    Object::Array(
        values
            .iter()
            .map(|v| Object::Real((v * 1000.0).round() / 1000.0))
            .collect(),
    )
}

fn text(value: &str) -> Object {
    if value.is_ascii() {
        Object::String(value.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        // PDF text strings outside ASCII: UTF-16BE with a byte order mark.
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(value.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn icc_stream(components: i64, compressed: &[u8]) -> Object {
    let mut dict = Dictionary::new();
    dict.set("N", components);
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    Object::Stream(Stream::new(dict, compressed.to_vec()))
}

/// The profiles compressed once per process: compressing 240 kB for every PDF would cost more
/// than typesetting a summary.
fn fogra39_flate() -> &'static [u8] {
    static COMPRESSED: OnceLock<Vec<u8>> = OnceLock::new();
    COMPRESSED.get_or_init(|| deflate(FOGRA39))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identification_goes_into_the_rdf() {
        let xmp = "<x:xmpmeta><rdf:RDF><rdf:Description/></rdf:RDF></x:xmpmeta>";
        let identified = identify(xmp);
        assert!(identified.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(identified.ends_with("</rdf:RDF></x:xmpmeta>"));
    }
}
