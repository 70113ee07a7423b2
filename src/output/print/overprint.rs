//! Overprinting small black text, as GWG 2022 asks of sheetfed CMYK: black text (K 100 %, no
//! CMY) under 12 pt prints over what lies below instead of knocking it out, so that a hair of
//! misregistration on press shows no white halo round the letters on a tinted box. Every other
//! text keeps knocking out; white text never overprints.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::print_rules::SMALL_TEXT_PT;

/// The ExtGState resource names this pass adds.
const OVERPRINT: &[u8] = b"TsOverprint";
const KNOCKOUT: &[u8] = b"TsKnockout";

/// Rewrites one content stream so that every small black text object is painted under an
/// overprinting graphics state (and the state is reset after it). Returns whether it did, so
/// that the caller adds the two states to the stream's resources.
pub fn small_black_text(stream: &mut Stream) -> Result<bool, String> {
    let plain = stream
        .decompressed_content()
        .or_else(|_| stream.get_plain_content())
        .map_err(|e| format!("cannot read a content stream: {e}"))?;
    if !plain.windows(2).any(|w| w == b"BT") {
        return Ok(false);
    }
    let content =
        Content::decode(&plain).map_err(|e| format!("cannot parse a content stream: {e}"))?;
    let operations = content.operations;

    // The graphics state that matters here, saved and restored by q/Q.
    #[derive(Clone, Copy, PartialEq)]
    enum Space {
        Gray,
        Cmyk,
        Other,
    }
    #[derive(Clone, Copy)]
    struct State {
        space: Space,
        black: bool,
        scale: f32,
    }
    let mut state = State {
        space: Space::Gray,
        black: true, // the default fill is DeviceGray black
        scale: 1.0,
    };
    let mut saved = Vec::new();
    // Where each text object starts, and whether any of its text is small and black.
    let mut text_start = None;
    let mut text_black = true;
    let mut text_small_black = false;
    let mut font_size = 0.0f32;
    let mut matrix_scale = 1.0f32;
    let mut wrap = Vec::new();
    for (i, op) in operations.iter().enumerate() {
        let numbers: Vec<f32> = op.operands.iter().filter_map(number).collect();
        match op.operator.as_str() {
            "q" => saved.push(state),
            "Q" => state = saved.pop().unwrap_or(state),
            "cm" if numbers.len() == 6 => state.scale *= scale_of(&numbers),
            "k" => (state.space, state.black) = (Space::Cmyk, is_black(&numbers)),
            "g" => (state.space, state.black) = (Space::Gray, is_gray_black(&numbers)),
            "rg" => (state.space, state.black) = (Space::Other, false),
            "cs" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok());
                state.space = match name {
                    Some(b"DeviceCMYK") => Space::Cmyk,
                    Some(b"DeviceGray") => Space::Gray,
                    _ => Space::Other,
                };
                // Both device spaces start out black.
                state.black = state.space != Space::Other;
            }
            "sc" | "scn" => {
                state.black = match state.space {
                    Space::Cmyk => is_black(&numbers),
                    Space::Gray => is_gray_black(&numbers),
                    Space::Other => false,
                }
            }
            "BT" => {
                text_start = Some(i);
                text_black = true;
                text_small_black = false;
                matrix_scale = 1.0;
            }
            "Tf" if numbers.len() == 1 => font_size = numbers[0],
            "Tm" if numbers.len() == 6 => matrix_scale = scale_of(&numbers),
            "Tj" | "TJ" | "'" | "\"" => {
                let painted = font_size.abs() * matrix_scale * state.scale;
                if state.black && f64::from(painted) < SMALL_TEXT_PT {
                    text_small_black = true;
                }
                text_black &= state.black;
            }
            "ET" => {
                // A text object mixing black with other colours keeps knocking out as a whole:
                // overprinting a coloured letter would mix its inks with what lies below.
                if let Some(start) = text_start.take()
                    && text_small_black
                    && text_black
                {
                    wrap.push((start, i));
                }
            }
            _ => {}
        }
    }
    if wrap.is_empty() {
        return Ok(false);
    }
    let state_op = |name: &[u8]| Operation::new("gs", vec![Object::Name(name.to_vec())]);
    let mut rewritten = Vec::with_capacity(operations.len() + 2 * wrap.len());
    let mut next = wrap.iter().peekable();
    for (i, op) in operations.into_iter().enumerate() {
        let here = next.peek().copied();
        if here.is_some_and(|&(start, _)| start == i) {
            rewritten.push(state_op(OVERPRINT));
        }
        rewritten.push(op);
        if here.is_some_and(|&(_, end)| end == i) {
            rewritten.push(state_op(KNOCKOUT));
            next.next();
        }
    }
    let encoded = Content {
        operations: rewritten,
    }
    .encode()
    .map_err(|e| format!("cannot write a content stream: {e}"))?;
    stream.set_plain_content(encoded);
    let _ = stream.compress();
    Ok(true)
}

/// Adds the overprint and knockout states to the resources of each owner (a page, or a form
/// XObject), resolving references: Typst may share one resource dictionary between pages.
pub fn add_states(doc: &mut Document, owners: &[ObjectId]) -> Result<(), String> {
    if owners.is_empty() {
        return Ok(());
    }
    let overprint = doc.add_object(Object::Dictionary(graphics_state(true)));
    let knockout = doc.add_object(Object::Dictionary(graphics_state(false)));
    for &owner in owners {
        add_to(doc, owner, overprint, knockout)?;
    }
    Ok(())
}

fn add_to(
    doc: &mut Document,
    owner: ObjectId,
    overprint: ObjectId,
    knockout: ObjectId,
) -> Result<(), String> {
    let resources = resources_of(doc, owner)?;
    let states = match resources.get(b"ExtGState") {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let states: &mut Dictionary = match states {
        Some(id) => doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .map_err(|e| format!("ExtGState {id:?}: {e}"))?,
        None => {
            let resources = resources_of(doc, owner)?;
            if !matches!(resources.get(b"ExtGState"), Ok(Object::Dictionary(_))) {
                resources.set("ExtGState", Dictionary::new());
            }
            resources
                .get_mut(b"ExtGState")
                .and_then(Object::as_dict_mut)
                .map_err(|e| format!("ExtGState: {e}"))?
        }
    };
    states.set(OVERPRINT, Object::Reference(overprint));
    states.set(KNOCKOUT, Object::Reference(knockout));
    Ok(())
}

fn resources_of(doc: &mut Document, owner: ObjectId) -> Result<&mut Dictionary, String> {
    let dict = match doc.get_object(owner) {
        Ok(Object::Stream(stream)) => &stream.dict,
        Ok(Object::Dictionary(dict)) => dict,
        _ => return Err(format!("object {owner:?} has no resources")),
    };
    let target = match dict.get(b"Resources") {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    if let Some(id) = target {
        return doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .map_err(|e| format!("resources {id:?}: {e}"));
    }
    let dict = match doc.get_object_mut(owner) {
        Ok(Object::Stream(stream)) => &mut stream.dict,
        Ok(Object::Dictionary(dict)) => dict,
        _ => return Err(format!("object {owner:?} has no resources")),
    };
    if !matches!(dict.get(b"Resources"), Ok(Object::Dictionary(_))) {
        dict.set("Resources", Dictionary::new());
    }
    dict.get_mut(b"Resources")
        .and_then(Object::as_dict_mut)
        .map_err(|e| format!("resources: {e}"))
}

/// `/OP /op` on with `/OPM 1` (a zero ink does not knock out what lies below), or all off.
fn graphics_state(overprint: bool) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"ExtGState".to_vec()));
    dict.set("OP", Object::Boolean(overprint));
    dict.set("op", Object::Boolean(overprint));
    dict.set("OPM", Object::Integer(if overprint { 1 } else { 0 }));
    dict
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// K 100 % and no other ink.
fn is_black(cmyk: &[f32]) -> bool {
    cmyk.len() == 4 && cmyk[..3].iter().all(|v| v.abs() <= 0.0005) && cmyk[3] >= 0.9995
}

/// DeviceGray 0, which a print twin prints in the black ink alone.
fn is_gray_black(gray: &[f32]) -> bool {
    gray.len() == 1 && gray[0] <= 0.0005
}

/// How much a matrix `a b c d e f` enlarges lengths (the square root of its determinant).
fn scale_of(m: &[f32]) -> f32 {
    (m[0] * m[3] - m[1] * m[2]).abs().sqrt()
}
