//! Overprinting small black text and thin black lines, as GWG 2022 asks of sheetfed CMYK:
//! black (K 100 %, no CMY) text under 12 pt and strokes under 2 pt print over what lies below
//! instead of knocking it out, so that a hair of misregistration on press shows no white halo
//! round them on a tinted box. Everything else keeps knocking out; white never overprints.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::pdf_content::{GraphicsState, Op, Paint, Reader, Space, interpret, scale_of};
use crate::print_rules::{SMALL_LINE_PT, SMALL_TEXT_PT};

/// The ExtGState resource names this pass adds.
const OVERPRINT: &[u8] = b"TsOverprint";
const STROKE_OVERPRINT: &[u8] = b"TsStrokeOverprint";
const KNOCKOUT: &[u8] = b"TsKnockout";

/// What walking one content stream found and did.
#[derive(Debug, Default)]
pub struct Walk {
    /// Whether overprinting states were inserted: the stream's owner needs them in its resources.
    pub overprints: bool,
    /// The XObjects drawn (`Do`), with the scale they are drawn at.
    pub drawn: Vec<(Vec<u8>, f64)>,
}

/// Rewrites one content stream, drawn at `scale` (a form's, from where it is drawn), so that
/// every small black text object and thin black stroke is painted under an overprinting
/// graphics state (reset after it).
pub fn walk(stream: &mut Stream, scale: f64) -> Result<Walk, String> {
    let plain = stream
        .decompressed_content()
        .or_else(|_| stream.get_plain_content())
        .map_err(|e| format!("cannot read a content stream: {e}"))?;
    let mut reader = Overprints {
        found: Walk::default(),
        text_start: None,
        text_black: true,
        text_small_black: false,
        matrix_scale: 1.0,
        path_start: None,
        wrap: Vec::new(),
    };
    let start = GraphicsState::new([scale, 0.0, 0.0, scale, 0.0, 0.0], ());
    interpret(&plain, start, &mut reader);
    let Overprints {
        wrap, mut found, ..
    } = reader;
    if wrap.is_empty() {
        return Ok(found);
    }
    found.overprints = true;
    stream.set_plain_content(with_states(&plain, wrap));
    Ok(found)
}

/// The stream's bytes as Typst wrote them, each range of `wrap` painted under its graphics
/// state and followed by the knockout state. Plain: `pdfx::finish` deflates every content
/// stream once, after all its passes.
fn with_states(plain: &[u8], mut wrap: Vec<(usize, usize, &[u8])>) -> Vec<u8> {
    wrap.sort_by_key(|&(start, _, _)| start);
    let mut encoded = Vec::with_capacity(plain.len() + 40 * wrap.len());
    let mut copied = 0;
    for (start, end, name) in wrap {
        encoded.extend_from_slice(&plain[copied..start]);
        encoded.push(b'/');
        encoded.extend_from_slice(name);
        encoded.extend_from_slice(b" gs\n");
        encoded.extend_from_slice(&plain[start..end]);
        encoded.extend_from_slice(b"\n/");
        encoded.extend_from_slice(KNOCKOUT);
        encoded.extend_from_slice(b" gs");
        copied = end;
    }
    encoded.extend_from_slice(&plain[copied..]);
    encoded
}

/// What the overprint pass reads of a stream: which text objects and strokes are small and
/// black, by their byte ranges.
struct Overprints {
    found: Walk,
    /// Where the current text object starts, and whether its text is all black and any of it
    /// small and black.
    text_start: Option<usize>,
    text_black: bool,
    text_small_black: bool,
    /// The scale of the text matrix (`Tm`).
    matrix_scale: f64,
    /// Where the current path began.
    path_start: Option<usize>,
    /// Byte ranges of the stream to paint under an overprinting state.
    wrap: Vec<(usize, usize, &'static [u8])>,
}

impl Reader for Overprints {
    type Own = ();

    fn read(&mut self, op: &Op<'_>, state: &mut GraphicsState<()>) {
        let scale = scale_of(&state.ctm);
        match op.operator {
            "m" | "re" if self.path_start.is_none() => self.path_start = Some(op.start),
            "S" | "s" | "B" | "B*" | "b" | "b*" => {
                let width = state.line_width.abs() * scale;
                if let Some(start) = self.path_start.take()
                    && is_black_paint(&state.stroke)
                    && width < SMALL_LINE_PT
                {
                    self.wrap.push((start, op.end, STROKE_OVERPRINT));
                }
            }
            "f" | "F" | "f*" | "n" => self.path_start = None,
            "BT" => {
                self.text_start = Some(op.start);
                self.text_black = true;
                self.text_small_black = false;
                self.matrix_scale = 1.0;
            }
            "Tm" => {
                let numbers = op.numbers();
                if numbers.len() == 6 {
                    self.matrix_scale = scale_of(&numbers);
                }
            }
            "Tj" | "TJ" | "'" | "\"" => {
                let black = is_black_paint(&state.fill);
                let painted = state.font_size.abs() * self.matrix_scale * scale;
                if black && painted < SMALL_TEXT_PT {
                    self.text_small_black = true;
                }
                self.text_black &= black;
            }
            "ET" => {
                // A text object mixing black with other colours keeps knocking out as a whole:
                // overprinting a coloured letter would mix its inks with what lies below.
                if let Some(start) = self.text_start.take()
                    && self.text_small_black
                    && self.text_black
                {
                    self.wrap.push((start, op.end, OVERPRINT));
                }
            }
            "Do" => {
                if let Some(name) = op.first_name() {
                    self.found.drawn.push((name.to_vec(), scale));
                }
            }
            _ => {}
        }
    }
}

/// Whether a paint is black that prints in the black ink alone: K 100 % without CMY, or
/// DeviceGray 0 (each space's initial colour is black); anything in another space is not.
fn is_black_paint(paint: &Paint) -> bool {
    match (&paint.space, &paint.values) {
        (Space::Cmyk, Some(values)) => is_black(values),
        (Space::Gray, Some(values)) => is_gray_black(values),
        (Space::Cmyk | Space::Gray, None) => true,
        (Space::Rgb | Space::Named(_), _) => false,
    }
}

/// Walks every page's content and the forms it draws (at the scale they are drawn), setting
/// small black text and thin black lines to overprint.
pub fn press(doc: &mut Document, pages: &[(ObjectId, Vec<ObjectId>)]) -> Result<(), String> {
    let mut owners = Vec::new();
    // Forms already walked: a form drawn on several pages is rewritten once.
    let mut walked: HashSet<ObjectId> = HashSet::new();
    for (page, streams) in pages {
        // Streams to walk: (stream, owner whose resources it uses, scale it is drawn at).
        let mut queue: Vec<(ObjectId, ObjectId, f64)> =
            streams.iter().map(|&id| (id, *page, 1.0)).collect();
        while let Some((id, owner, scale)) = queue.pop() {
            let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
                continue;
            };
            let found = walk(stream, scale)?;
            if found.overprints && !owners.contains(&owner) {
                owners.push(owner);
            }
            for (name, scale) in found.drawn {
                if let Some((form, matrix_scale)) = form_named(doc, owner, &name)
                    && walked.insert(form)
                {
                    queue.push((form, form, scale * matrix_scale));
                }
            }
        }
    }
    add_states(doc, &owners)
}

/// The form XObject `name` in `owner`'s resources, with the scale of its matrix.
fn form_named(doc: &Document, owner: ObjectId, name: &[u8]) -> Option<(ObjectId, f64)> {
    let resources = match doc.get_object(owner).ok()? {
        Object::Stream(stream) => stream.dict.get(b"Resources").ok()?,
        Object::Dictionary(_) => {
            // A page: its resources may be inherited from the page tree.
            return page_form(doc, owner, name);
        }
        _ => return None,
    };
    let (_, resources) = doc.dereference(resources).ok()?;
    xobject_form(doc, resources.as_dict().ok()?, name)
}

fn page_form(doc: &Document, page: ObjectId, name: &[u8]) -> Option<(ObjectId, f64)> {
    let resources = crate::pdf_objects::page_resources(doc, page);
    xobject_form(doc, &resources, name)
}

fn xobject_form(doc: &Document, resources: &Dictionary, name: &[u8]) -> Option<(ObjectId, f64)> {
    let (_, xobjects) = doc.dereference(resources.get(b"XObject").ok()?).ok()?;
    let id = xobjects
        .as_dict()
        .ok()?
        .get(name)
        .ok()?
        .as_reference()
        .ok()?;
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
        return None;
    }
    let scale = stream
        .dict
        .get(b"Matrix")
        .and_then(Object::as_array)
        .ok()
        .map(|m| m.iter().filter_map(number).collect::<Vec<f64>>())
        .filter(|m| m.len() == 6)
        .map_or(1.0, |m| scale_of(&m));
    Some((id, scale))
}

/// Adds the overprint and knockout states to the resources of each owner (a page, or a form
/// XObject), resolving references: Typst may share one resource dictionary between pages.
fn add_states(doc: &mut Document, owners: &[ObjectId]) -> Result<(), String> {
    if owners.is_empty() {
        return Ok(());
    }
    let states = [
        (OVERPRINT, graphics_state(true, true)),
        (STROKE_OVERPRINT, graphics_state(true, false)),
        (KNOCKOUT, graphics_state(false, false)),
    ]
    .map(|(name, state)| (name, doc.add_object(Object::Dictionary(state))));
    for &owner in owners {
        add_to(doc, owner, &states)?;
    }
    Ok(())
}

fn add_to(
    doc: &mut Document,
    owner: ObjectId,
    states_to_add: &[(&[u8], ObjectId)],
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
    for (name, id) in states_to_add {
        states.set(*name, Object::Reference(*id));
    }
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

/// Stroke (`/OP`) and fill (`/op`) overprint, with `/OPM 1` (a zero ink does not knock out
/// what lies below) when either is on.
fn graphics_state(stroke: bool, fill: bool) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"ExtGState".to_vec()));
    dict.set("OP", Object::Boolean(stroke));
    dict.set("op", Object::Boolean(fill));
    dict.set("OPM", Object::Integer(if stroke || fill { 1 } else { 0 }));
    dict
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// K 100 % and no other ink.
fn is_black(cmyk: &[f64]) -> bool {
    cmyk.len() == 4 && cmyk[..3].iter().all(|v| v.abs() <= 0.0005) && cmyk[3] >= 0.9995
}

/// DeviceGray 0, which a print twin prints in the black ink alone.
fn is_gray_black(gray: &[f64]) -> bool {
    gray.len() == 1 && gray[0] <= 0.0005
}
