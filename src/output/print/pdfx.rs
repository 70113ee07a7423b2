//! Finishing a print twin as PDF/X-4, where Typst's PDF stops short: Typst 0.15 writes the
//! TrimBox, CMYK and spot colours and the tags, but no BleedBox, no PDF/X output intent or
//! identification, and SVG or raster RGB as it comes. This pass, on the PDF's objects (lopdf):
//!
//! - adds a BleedBox (TrimBox + bleed) to every page;
//! - sets black text under 12 pt to overprint ([`super::overprint`]);
//! - turns DeviceRGB in content streams (an RGB logo, say) into DeviceCMYK: a brand colour's
//!   screen RGB becomes that brand colour's CMYK again, anything else a plain conversion;
//! - tags RGB raster images with the sRGB profile they were made in (PDF/X-4 allows RGB images
//!   only with a profile), and transparency groups blend in CMYK;
//! - adds the `GTS_PDFX` output intent with the Coated FOGRA39 profile, the PDF/X-4
//!   identification in the XMP metadata and `/Trapped`, and writes PDF 1.6.

use std::sync::OnceLock;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::{PrintData, overprint};
use crate::pdf_objects::page_resources;

/// The print condition's characterisation, built from FOGRA39 data (see its README).
const FOGRA39: &[u8] = include_bytes!("../../../layouts/base/print/CoatedFOGRA39-trycksak.icc");
/// The profile of RGB raster images.
const SRGB: &[u8] = include_bytes!("../../../layouts/base/print/sRGB.icc");

pub const PDFX_VERSION: &str = "PDF/X-4";
pub const OUTPUT_CONDITION: &str = "FOGRA39";

/// 1 mm in PDF points.
const MM: f32 = crate::print_rules::MM as f32;

pub fn finish(bytes: Vec<u8>, print: &PrintData, title: &str) -> Result<Vec<u8>, String> {
    let mut doc =
        Document::load_mem(&bytes).map_err(|e| format!("cannot read Typst's PDF: {e}"))?;
    doc.version = "1.6".into();
    let bleed = print.bleed_mm as f32 * MM;

    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    // Content streams with the names their resources give RGB colour spaces.
    let mut content_streams: Vec<(ObjectId, Vec<Vec<u8>>)> = Vec::new();
    // Which page or form each content stream paints, for the overprint states it may need.
    let mut owners: Vec<(ObjectId, ObjectId)> = Vec::new();
    for &page_id in &pages {
        let resources = page_resources(&doc, page_id);
        let rgb_names = rgb_space_names(&doc, Some(&resources));
        let page = doc
            .get_object_mut(page_id)
            .and_then(Object::as_dict_mut)
            .map_err(|e| format!("page {page_id:?}: {e}"))?;
        let trim = boxed(page, b"TrimBox")
            .or_else(|| boxed(page, b"MediaBox"))
            .ok_or("a page has no TrimBox")?;
        let bleed_box = [
            trim[0] - bleed,
            trim[1] - bleed,
            trim[2] + bleed,
            trim[3] + bleed,
        ];
        page.set("BleedBox", rect(bleed_box));
        cmyk_group(page);
        let streams: Vec<ObjectId> = match page.get(b"Contents") {
            Ok(Object::Reference(id)) => vec![*id],
            Ok(Object::Array(items)) => {
                items.iter().filter_map(|o| o.as_reference().ok()).collect()
            }
            _ => Vec::new(),
        };
        for id in streams {
            content_streams.push((id, rgb_names.clone()));
            owners.push((id, page_id));
        }
    }

    let mut untagged_rgb_images = Vec::new();
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            continue;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") if is_name(stream.dict.get(b"ColorSpace").ok(), b"DeviceRGB") => {
                untagged_rgb_images.push(id)
            }
            Ok(b"Form") => {
                let resources = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| doc.dereference(o).ok())
                    .and_then(|(_, o)| o.as_dict().ok());
                let rgb_names = rgb_space_names(&doc, resources);
                content_streams.push((id, rgb_names));
                owners.push((id, id));
                if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
                    cmyk_group(&mut stream.dict);
                }
            }
            _ => {}
        }
    }
    if !untagged_rgb_images.is_empty() {
        let srgb = doc.add_object(icc_stream(3, srgb_flate()));
        for id in untagged_rgb_images {
            if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
                stream.dict.set(
                    "ColorSpace",
                    Object::Array(vec![
                        Object::Name(b"ICCBased".to_vec()),
                        Object::Reference(srgb),
                    ]),
                );
            }
        }
    }
    for (id, rgb_names) in content_streams {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
            rgb_to_cmyk(stream, &rgb_names, &print.palette)?;
        }
    }
    // After the conversion, so that RGB black is K-only black here too.
    let mut overprinting = Vec::new();
    for (id, owner) in owners {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id)
            && overprint::small_black_text(stream)?
            && !overprinting.contains(&owner)
        {
            overprinting.push(owner);
        }
    }
    overprint::add_states(&mut doc, &overprinting)?;

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

    let mut out = Vec::with_capacity(bytes.len() + FOGRA39.len());
    doc.save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(out)
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

/// Rewrites DeviceRGB colour operators as DeviceCMYK; streams without RGB stay untouched.
fn rgb_to_cmyk(
    stream: &mut Stream,
    rgb_names: &[Vec<u8>],
    palette: &[([u8; 3], [f64; 4])],
) -> Result<(), String> {
    let plain = stream
        .decompressed_content()
        .or_else(|_| stream.get_plain_content())
        .map_err(|e| format!("cannot read a content stream: {e}"))?;
    let mentions_rgb = plain
        .windows(3)
        .any(|w| w == b" rg" || w == b" RG" || w == b"RGB");
    if !mentions_rgb && rgb_names.is_empty() {
        return Ok(());
    }
    let mut content =
        Content::decode(&plain).map_err(|e| format!("cannot parse a content stream: {e}"))?;
    // Which colour space `sc`/`scn` (fill) and `SC`/`SCN` (stroke) refer to.
    let (mut fill_rgb, mut stroke_rgb) = (false, false);
    let mut changed = false;
    for op in &mut content.operations {
        match op.operator.as_str() {
            "rg" | "RG" if op.operands.len() == 3 => {
                let cmyk = convert(&op.operands, palette);
                let operator = if op.operator == "rg" { "k" } else { "K" };
                *op = Operation::new(operator, cmyk);
                changed = true;
            }
            "cs" | "CS" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok());
                let rgb =
                    name.is_some_and(|n| n == b"DeviceRGB" || rgb_names.iter().any(|r| r == n));
                if rgb {
                    op.operands = vec![Object::Name(b"DeviceCMYK".to_vec())];
                    changed = true;
                }
                if op.operator == "cs" {
                    fill_rgb = rgb;
                } else {
                    stroke_rgb = rgb;
                }
            }
            "sc" | "scn" | "SC" | "SCN" if op.operands.len() == 3 => {
                let rgb = if op.operator.starts_with('s') {
                    fill_rgb
                } else {
                    stroke_rgb
                };
                if rgb {
                    op.operands = convert(&op.operands, palette);
                    changed = true;
                }
            }
            _ => {}
        }
    }
    if changed {
        let encoded = content
            .encode()
            .map_err(|e| format!("cannot write a content stream: {e}"))?;
        stream.set_plain_content(encoded);
        let _ = stream.compress();
    }
    Ok(())
}

/// An RGB colour (0–1 operands) as CMYK operands: a brand colour's own CMYK when it is one
/// (within rounding), else the plain conversion with all grey in the black ink.
fn convert(operands: &[Object], palette: &[([u8; 3], [f64; 4])]) -> Vec<Object> {
    let rgb: Vec<f32> = operands
        .iter()
        .map(|o| o.as_float().unwrap_or(0.0).clamp(0.0, 1.0))
        .collect();
    let bytes = [0, 1, 2].map(|i| (rgb[i] * 255.0).round() as i32);
    let brand = palette.iter().find(|(screen, _)| {
        screen
            .iter()
            .zip(bytes)
            .all(|(a, b)| (*a as i32 - b).abs() <= 1)
    });
    let cmyk: [f32; 4] = match brand {
        Some((_, inks)) => inks.map(|v| (v / 100.0) as f32),
        None => {
            let k = 1.0 - rgb[0].max(rgb[1]).max(rgb[2]);
            if k >= 1.0 {
                [0.0, 0.0, 0.0, 1.0]
            } else {
                let ink = |v: f32| (1.0 - v - k) / (1.0 - k);
                [ink(rgb[0]), ink(rgb[1]), ink(rgb[2]), k]
            }
        }
    };
    cmyk.iter()
        .map(|v| Object::Real((v * 1000.0).round() / 1000.0))
        .collect()
}

/// The names under which `resources` lists an RGB colour space (DeviceRGB, or ICC-based with
/// three components, as Typst writes sRGB).
fn rgb_space_names(doc: &Document, resources: Option<&Dictionary>) -> Vec<Vec<u8>> {
    let Some(spaces) = resources
        .and_then(|r| r.get(b"ColorSpace").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return Vec::new();
    };
    spaces
        .iter()
        .filter(|(_, space)| {
            let Ok((_, space)) = doc.dereference(space) else {
                return false;
            };
            match space {
                Object::Name(name) => name == b"DeviceRGB",
                Object::Array(items) => {
                    is_name(items.first(), b"ICCBased")
                        && items
                            .get(1)
                            .and_then(|o| doc.dereference(o).ok())
                            .and_then(|(_, o)| o.as_stream().ok())
                            .and_then(|s| s.dict.get(b"N").ok())
                            .and_then(|n| n.as_i64().ok())
                            == Some(3)
                }
                _ => false,
            }
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// A transparency group blends in the output's colour space, CMYK.
fn cmyk_group(dict: &mut Dictionary) {
    if let Ok(Object::Dictionary(group)) = dict.get_mut(b"Group")
        && is_name(group.get(b"CS").ok(), b"DeviceRGB")
    {
        group.set("CS", Object::Name(b"DeviceCMYK".to_vec()));
    }
}

fn is_name(object: Option<&Object>, name: &[u8]) -> bool {
    object.and_then(|o| o.as_name().ok()) == Some(name)
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

fn srgb_flate() -> &'static [u8] {
    static COMPRESSED: OnceLock<Vec<u8>> = OnceLock::new();
    COMPRESSED.get_or_init(|| deflate(SRGB))
}

/// zlib at a fast level: the profiles are compressed once per process, on the critical path of
/// the first print PDF.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("compressing into memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_becomes_the_brand_cmyk_or_a_plain_conversion() {
        let palette = [([0, 96, 159], [100.0, 40.0, 0.0, 37.5])];
        let floats = |objects: Vec<Object>| -> Vec<f32> {
            objects.iter().map(|o| o.as_float().unwrap()).collect()
        };
        let brand = convert(
            &[0.0, 96.0 / 255.0, 159.0 / 255.0].map(Object::Real),
            &palette,
        );
        assert_eq!(floats(brand), vec![1.0, 0.4, 0.0, 0.375]);
        let black = convert(&[0.0, 0.0, 0.0].map(Object::Real), &palette);
        assert_eq!(floats(black), vec![0.0, 0.0, 0.0, 1.0]);
        let red = convert(&[1.0, 0.0, 0.0].map(Object::Real), &palette);
        assert_eq!(floats(red), vec![0.0, 1.0, 1.0, 0.0]);
    }

    #[test]
    fn identification_goes_into_the_rdf() {
        let xmp = "<x:xmpmeta><rdf:RDF><rdf:Description/></rdf:RDF></x:xmpmeta>";
        let identified = identify(xmp);
        assert!(identified.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(identified.ends_with("</rdf:RDF></x:xmpmeta>"));
    }
}
