//! Rewriting a print twin's objects into the print condition's colour: every RGB and ICC-based
//! grey paint in content streams, gradients (shadings) and raster images becomes DeviceCMYK (or,
//! for grey images, DeviceGray, which prints in black ink), converted by [`super::colour`]. The
//! colour spaces it replaced are removed, so no ICC-based colour is left for a preflight to find.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::colour;
use crate::pdf_content::{self, GraphicsState, IDENTITY, Op, Reader, interpret};
use crate::pdf_objects::deflate;

/// The most a stream may inflate to while being converted.
const MAX_STREAM: usize = 512 << 20;

/// A colour space the print twin may not keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    /// DeviceRGB, CalRGB or ICC-based with three components.
    Rgb,
    /// CalGray or ICC-based with one component.
    Grey,
}

/// The names a content stream's resources give colour spaces that must be converted.
pub type NamedSpaces = Vec<(Vec<u8>, Space)>;

/// Brand colours: screen RGB and the CMYK it stands for.
pub type Palette = [([u8; 3], [f64; 4])];

/// What `space` (a name or an array, maybe by reference) is, if it must be converted.
pub fn space_of(doc: &Document, space: &Object) -> Option<Space> {
    let (_, space) = doc.dereference(space).ok()?;
    match space {
        Object::Name(name) if name == b"DeviceRGB" => Some(Space::Rgb),
        Object::Array(items) => match items.first().and_then(|o| o.as_name().ok())? {
            b"CalRGB" => Some(Space::Rgb),
            b"CalGray" => Some(Space::Grey),
            b"ICCBased" => {
                let (_, profile) = doc.dereference(items.get(1)?).ok()?;
                match profile
                    .as_stream()
                    .ok()?
                    .dict
                    .get(b"N")
                    .ok()?
                    .as_i64()
                    .ok()?
                {
                    3 => Some(Space::Rgb),
                    1 => Some(Space::Grey),
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// The names `resources` gives colour spaces that must be converted.
pub fn named_spaces(doc: &Document, resources: Option<&Dictionary>) -> NamedSpaces {
    let Some(spaces) = resources
        .and_then(|r| r.get(b"ColorSpace").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return Vec::new();
    };
    spaces
        .iter()
        .filter_map(|(name, space)| Some((name.clone(), space_of(doc, space)?)))
        .collect()
}

/// Rewrites a content stream's RGB and grey-ICC colour operators as DeviceCMYK; a stream
/// without any stays untouched. Which operators change is read through the one interpreter of
/// `pdf_content` (the paint's space as the graphics state has it); the stream is then rewritten
/// with lopdf, operator for operator.
pub fn content_stream(
    stream: &mut Stream,
    spaces: &[(Vec<u8>, Space)],
    palette: &Palette,
) -> Result<(), String> {
    let plain = stream
        .decompressed_content()
        .or_else(|_| stream.get_plain_content())
        .map_err(|e| format!("cannot read a content stream: {e}"))?;
    let mentions_rgb = || {
        [&b" rg"[..], b" RG", b"RGB"]
            .iter()
            .any(|needle| memchr::memmem::find(&plain, needle).is_some())
    };
    if spaces.is_empty() && !mentions_rgb() {
        return Ok(());
    }
    let mut reader = Recolouring {
        spaces,
        operators: Vec::new(),
        changes: Vec::new(),
    };
    interpret(&plain, GraphicsState::new(IDENTITY, ()), &mut reader);
    if reader.changes.is_empty() {
        return Ok(());
    }
    let mut content =
        Content::decode(&plain).map_err(|e| format!("cannot parse a content stream: {e}"))?;
    let same_operators = content.operations.len() == reader.operators.len()
        && content
            .operations
            .iter()
            .zip(&reader.operators)
            .all(|(op, name)| op.operator == *name);
    if !same_operators {
        return Err("a content stream reads differently to lopdf and to trycksak".to_string());
    }
    for (index, change) in reader.changes {
        let op = &mut content.operations[index];
        match change {
            Change::RgbOperator => {
                let cmyk = rgb_inks(&op.operands, palette)?;
                let operator = if op.operator == "rg" { "k" } else { "K" };
                *op = Operation::new(operator, cmyk);
            }
            Change::SpaceToCmyk => op.operands = vec![Object::Name(b"DeviceCMYK".to_vec())],
            Change::RgbComponents => op.operands = rgb_inks(&op.operands, palette)?,
            Change::GreyComponents => {
                let level = op.operands[0].as_float().unwrap_or(0.0);
                op.operands = inks([0.0, 0.0, 0.0, colour::grey_ink(level.into())?]);
            }
        }
    }
    let encoded = content
        .encode()
        .map_err(|e| format!("cannot write a content stream: {e}"))?;
    // Plain: `pdfx::finish` deflates every content stream once, after all its passes.
    stream.set_plain_content(encoded);
    Ok(())
}

/// How one operator is rewritten.
#[derive(Debug, Clone, Copy)]
enum Change {
    /// `rg`/`RG` becomes `k`/`K` with the inks.
    RgbOperator,
    /// `cs`/`CS` of a space to convert becomes DeviceCMYK.
    SpaceToCmyk,
    /// `sc`/`scn` components in an RGB space become inks.
    RgbComponents,
    /// One grey component becomes black ink.
    GreyComponents,
}

/// What the recolouring reads of a stream: its operators, and which of them change.
struct Recolouring<'s> {
    spaces: &'s [(Vec<u8>, Space)],
    operators: Vec<String>,
    changes: Vec<(usize, Change)>,
}

impl Recolouring<'_> {
    /// The space a paint is in, if it must be converted.
    fn converted(&self, space: &pdf_content::Space) -> Option<Space> {
        match space {
            pdf_content::Space::Rgb => Some(Space::Rgb),
            pdf_content::Space::Named(name) => self
                .spaces
                .iter()
                .find(|(s, _)| s == name)
                .map(|(_, space)| *space),
            _ => None,
        }
    }
}

impl Reader for Recolouring<'_> {
    type Own = ();

    fn read(&mut self, op: &Op<'_>, state: &mut GraphicsState<()>) {
        let index = self.operators.len();
        self.operators.push(op.operator.to_string());
        let paint = if op.operator.starts_with(|c: char| c.is_ascii_uppercase()) {
            &state.stroke
        } else {
            &state.fill
        };
        let change = match op.operator {
            "rg" | "RG" if op.operands.len() == 3 => Some(Change::RgbOperator),
            "cs" | "CS" => self.converted(&paint.space).map(|_| Change::SpaceToCmyk),
            "sc" | "scn" | "SC" | "SCN" => {
                match (self.converted(&paint.space), op.operands.len()) {
                    (Some(Space::Rgb), 3) => Some(Change::RgbComponents),
                    (Some(Space::Grey), 1) => Some(Change::GreyComponents),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(change) = change {
            self.changes.push((index, change));
        }
    }
}

/// Converts every RGB and grey-ICC raster image and gradient in `doc`; says whether there was any.
pub fn images_and_shadings(doc: &mut Document, palette: &Palette) -> Result<bool, String> {
    let mut converted_any = false;
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    for id in ids {
        let object = &doc.objects[&id];
        let dict = match object {
            Object::Stream(stream) => &stream.dict,
            Object::Dictionary(dict) => dict,
            _ => continue,
        };
        let is_image = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image");
        let is_shading = dict.has(b"ShadingType");
        let is_pattern_with_shading = dict.get(b"Shading").is_ok_and(|s| s.as_dict().is_ok());
        if !(is_image || is_shading || is_pattern_with_shading) {
            continue;
        }
        if is_image {
            let Some(space) = dict.get(b"ColorSpace").ok() else {
                continue;
            };
            if let Some(space) = space_of(doc, space) {
                let converted = image(doc, id, space)?;
                doc.objects.insert(id, Object::Stream(converted));
                converted_any = true;
            } else if let Some(converted) = indexed_image(doc, space.clone())? {
                if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
                    stream.dict.set("ColorSpace", converted);
                }
                converted_any = true;
            }
            continue;
        }
        // A shading, on its own or written straight into its pattern.
        let shading = if is_shading {
            dict.clone()
        } else {
            dict.get(b"Shading")
                .and_then(Object::as_dict)
                .cloned()
                .map_err(|e| e.to_string())?
        };
        if let Some(converted) = shading_dict(doc, &shading, palette)? {
            match doc.objects.get_mut(&id) {
                Some(Object::Stream(stream)) => stream.dict = converted,
                Some(Object::Dictionary(dict)) if is_shading => *dict = converted,
                Some(Object::Dictionary(dict)) => dict.set("Shading", converted),
                _ => {}
            }
            converted_any = true;
        }
    }
    Ok(converted_any)
}

/// An image's pixels in CMYK (or DeviceGray for a grey image).
fn image(doc: &Document, id: ObjectId, space: Space) -> Result<Stream, String> {
    let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
        return Err("an image is not a stream".into());
    };
    let unsupported = |what: &str| format!("an image in {what} cannot be converted to CMYK");
    let bits = stream
        .dict
        .get(b"BitsPerComponent")
        .and_then(Object::as_i64)
        .unwrap_or(8);
    if stream.dict.has(b"Decode") {
        return Err(unsupported("a colour space with a Decode array"));
    }
    let channels = match space {
        Space::Rgb => 3,
        Space::Grey => 1,
    };
    let is_jpeg = stream
        .filters()
        .is_ok_and(|filters| filters.contains(&b"DCTDecode".as_slice()));
    let samples = if is_jpeg {
        let decoded =
            image::load_from_memory_with_format(&stream.content, image::ImageFormat::Jpeg)
                .map_err(|e| format!("cannot read a JPEG image: {e}"))?;
        match space {
            Space::Rgb => decoded.into_rgb8().into_raw(),
            Space::Grey => decoded.into_luma8().into_raw(),
        }
    } else {
        let plain = stream
            .get_plain_content_with_limit(MAX_STREAM)
            .map_err(|e| format!("cannot read an image: {e}"))?;
        match bits {
            8 => plain,
            // Big-endian samples: the high byte is the 8-bit value.
            16 => plain.chunks_exact(2).map(|s| s[0]).collect(),
            _ => return Err(unsupported(&format!("{bits} bits per sample"))),
        }
    };
    let (pixels, device) = match space {
        Space::Rgb => (colour::photo_cmyk(&samples)?, "DeviceCMYK"),
        Space::Grey => (colour::photo_grey(&samples)?, "DeviceGray"),
    };
    let width = stream
        .dict
        .get(b"Width")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    let height = stream
        .dict
        .get(b"Height")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    let expected = (width.max(0) as usize) * (height.max(0) as usize) * channels;
    if samples.len() < expected {
        return Err(format!(
            "an image holds fewer samples ({}) than its size asks ({expected})",
            samples.len()
        ));
    }
    let mut dict = stream.dict.clone();
    dict.set("ColorSpace", Object::Name(device.as_bytes().to_vec()));
    dict.set("BitsPerComponent", 8);
    dict.remove(b"DecodeParms");
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let compressed = deflate(&pixels);
    let mut out = Stream::new(dict, compressed);
    out.allows_compression = false;
    Ok(out)
}

/// An indexed image over RGB keeps its pixels and gets a CMYK lookup table.
fn indexed_image(doc: &Document, space: Object) -> Result<Option<Object>, String> {
    let Ok((_, Object::Array(items))) = doc.dereference(&space) else {
        return Ok(None);
    };
    if items.first().and_then(|o| o.as_name().ok()) != Some(b"Indexed") || items.len() < 4 {
        return Ok(None);
    }
    if space_of(doc, &items[1]) != Some(Space::Rgb) {
        return Ok(None);
    }
    let table = match doc.dereference(&items[3]).map_err(|e| e.to_string())?.1 {
        Object::String(bytes, _) => bytes.clone(),
        Object::Stream(stream) => stream
            .get_plain_content_with_limit(MAX_STREAM)
            .map_err(|e| e.to_string())?,
        _ => return Err("an indexed image has no colour table".into()),
    };
    let cmyk = colour::photo_cmyk(&table)?;
    Ok(Some(Object::Array(vec![
        Object::Name(b"Indexed".to_vec()),
        Object::Name(b"DeviceCMYK".to_vec()),
        items[2].clone(),
        Object::String(cmyk, lopdf::StringFormat::Hexadecimal),
    ])))
}

/// A gradient's colours in CMYK: its end colours, interpolated in CMYK. Gradients whose colours
/// come from sampled or PostScript functions are refused rather than left in RGB.
fn shading_dict(
    doc: &Document,
    shading: &Dictionary,
    palette: &Palette,
) -> Result<Option<Dictionary>, String> {
    let Some(space) = shading
        .get(b"ColorSpace")
        .ok()
        .and_then(|s| space_of(doc, s))
    else {
        return Ok(None);
    };
    let refused = "a gradient whose colours the print twin cannot convert to CMYK (use flat \
                   colours in the image, or a CMYK one)";
    let kind = shading
        .get(b"ShadingType")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    if !(1..=3).contains(&kind) {
        return Err(refused.into());
    }
    let function = shading.get(b"Function").map_err(|_| refused.to_string())?;
    let (_, function) = doc.dereference(function).map_err(|e| e.to_string())?;
    let function = function_dict(doc, function, space, palette)?.ok_or(refused)?;
    let mut converted = shading.clone();
    converted.set("ColorSpace", Object::Name(b"DeviceCMYK".to_vec()));
    converted.set("Function", Object::Dictionary(function));
    converted.remove(b"Background");
    Ok(Some(converted))
}

/// A type 2 (exponential) or type 3 (stitching) function with CMYK outputs.
fn function_dict(
    doc: &Document,
    function: &Object,
    space: Space,
    palette: &Palette,
) -> Result<Option<Dictionary>, String> {
    let Ok(dict) = function.as_dict() else {
        return Ok(None);
    };
    let mut dict = dict.clone();
    match dict.get(b"FunctionType").and_then(Object::as_i64) {
        Ok(2) => {
            let end = |key: &[u8], default: f32| -> Vec<Object> {
                match dict.get(key).and_then(Object::as_array) {
                    Ok(values) => values.clone(),
                    Err(_) => vec![Object::Real(default); if space == Space::Rgb { 3 } else { 1 }],
                }
            };
            let (c0, c1) = (end(b"C0", 0.0), end(b"C1", 1.0));
            let convert = |values: &[Object]| -> Result<Vec<Object>, String> {
                match (space, values.len()) {
                    (Space::Rgb, 3) => rgb_inks(values, palette),
                    (Space::Grey, 1) => Ok(inks([
                        0.0,
                        0.0,
                        0.0,
                        colour::grey_ink(values[0].as_float().unwrap_or(0.0).into())?,
                    ])),
                    _ => Err("a gradient's colours do not match its colour space".into()),
                }
            };
            dict.set("C0", Object::Array(convert(&c0)?));
            dict.set("C1", Object::Array(convert(&c1)?));
            dict.remove(b"Range");
            Ok(Some(dict))
        }
        Ok(3) => {
            let parts = dict
                .get(b"Functions")
                .and_then(Object::as_array)
                .map_err(|e| e.to_string())?
                .clone();
            let mut converted = Vec::new();
            for part in &parts {
                let (_, part) = doc.dereference(part).map_err(|e| e.to_string())?;
                match function_dict(doc, part, space, palette)? {
                    Some(part) => converted.push(Object::Dictionary(part)),
                    None => return Ok(None),
                }
            }
            dict.set("Functions", Object::Array(converted));
            dict.remove(b"Range");
            Ok(Some(dict))
        }
        _ => Ok(None),
    }
}

/// Removes the converted spaces from every resource dictionary, and (where anything was
/// converted) the profiles and colour space objects no longer used.
pub fn drop_converted_spaces(doc: &mut Document, converted_any: bool) {
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    let mut changed = converted_any;
    for id in ids {
        let spaces = match &doc.objects[&id] {
            Object::Dictionary(dict) => dict.get(b"ColorSpace").ok(),
            Object::Stream(stream) => stream.dict.get(b"ColorSpace").ok(),
            _ => None,
        };
        // Resource dictionaries hold a dictionary of named spaces (images a single space).
        let target = match spaces {
            Some(Object::Dictionary(named)) => {
                let drop = converted_names(doc, named);
                (!drop.is_empty()).then_some((None, drop))
            }
            Some(Object::Reference(named)) => match doc.objects.get(named) {
                Some(Object::Dictionary(dict)) => {
                    let drop = converted_names(doc, dict);
                    (!drop.is_empty()).then_some((Some(*named), drop))
                }
                _ => None,
            },
            _ => None,
        };
        let Some((holder, drop)) = target else {
            continue;
        };
        let named = match holder {
            Some(named) => doc
                .objects
                .get_mut(&named)
                .and_then(|o| o.as_dict_mut().ok()),
            None => match doc.objects.get_mut(&id) {
                Some(Object::Dictionary(dict)) => dict.get_mut(b"ColorSpace").ok(),
                Some(Object::Stream(stream)) => stream.dict.get_mut(b"ColorSpace").ok(),
                _ => None,
            }
            .and_then(|o| o.as_dict_mut().ok()),
        };
        if let Some(named) = named {
            for name in drop {
                named.remove(&name);
            }
            changed = true;
        }
    }
    if changed {
        doc.prune_objects();
    }
}

/// The names in a resource dictionary's `ColorSpace` entry whose spaces were converted.
fn converted_names(doc: &Document, named: &Dictionary) -> Vec<Vec<u8>> {
    named
        .iter()
        .filter(|(_, space)| space_of(doc, space).is_some())
        .map(|(name, _)| name.clone())
        .collect()
}

/// An RGB colour (0–1 operands) as CMYK operands: a brand colour's own CMYK when it is one
/// (within rounding), else the colour-managed conversion.
fn rgb_inks(operands: &[Object], palette: &Palette) -> Result<Vec<Object>, String> {
    let rgb: [f64; 3] =
        std::array::from_fn(|i| f64::from(operands[i].as_float().unwrap_or(0.0)).clamp(0.0, 1.0));
    let bytes = rgb.map(|v| (v * 255.0).round() as i32);
    let brand = palette.iter().find(|(screen, _)| {
        screen
            .iter()
            .zip(bytes)
            .all(|(a, b)| (i32::from(*a) - b).abs() <= 1)
    });
    let cmyk = match brand {
        Some((_, brand)) => brand.map(|v| v / 100.0),
        None => colour::vector_cmyk(rgb)?,
    };
    Ok(inks(cmyk))
}

fn inks(cmyk: [f64; 4]) -> Vec<Object> {
    cmyk.iter()
        .map(|v| Object::Real(((v * 1000.0).round() / 1000.0) as f32))
        .collect()
}

/// A transparency group blends in the output's colour space, CMYK.
pub fn cmyk_group(doc: &Document, dict: &mut Dictionary) {
    if let Ok(Object::Dictionary(group)) = dict.get_mut(b"Group")
        && group
            .get(b"CS")
            .ok()
            .is_some_and(|cs| space_of(doc, cs).is_some())
    {
        group.set("CS", Object::Name(b"DeviceCMYK".to_vec()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_becomes_the_brand_cmyk_or_a_managed_conversion() {
        let palette = [([0, 96, 159], [100.0, 40.0, 0.0, 37.5])];
        let floats = |objects: Vec<Object>| -> Vec<f32> {
            objects.iter().map(|o| o.as_float().unwrap()).collect()
        };
        let brand = rgb_inks(
            &[0.0, 96.0 / 255.0, 159.0 / 255.0].map(Object::Real),
            &palette,
        )
        .unwrap();
        assert_eq!(floats(brand), vec![1.0, 0.4, 0.0, 0.375]);
        let black = rgb_inks(&[0.0, 0.0, 0.0].map(Object::Real), &palette).unwrap();
        assert_eq!(floats(black), vec![0.0, 0.0, 0.0, 1.0]);
    }
}
