//! The content-stream walk of the preflight: every painting operator of a page and of the forms
//! and images it draws, with the transformation and colour state a renderer would track.

use std::borrow::Cow;

use lopdf::{Dictionary, Document, Object};

use super::ink_area::{InkMap, bounds, intersect};
use super::{ImageFacts, MAX_FORM_DEPTH, MAX_STREAM, Report};
use crate::pdf_content::operations;
use crate::print_rules::{
    FINE_TEXT_PT, HAIRLINE_PT, INK_LIMIT, MM, SMALL_LINE_PT, SMALL_TEXT_PT, THIN_LINE_PT,
};

/// Walks content streams, tracking the transformation and colour state.
pub(super) struct Painter<'a> {
    pub(super) doc: &'a Document,
    /// The page's number, for the report.
    pub(super) page: usize,
    pub(super) report: &'a mut Report,
    /// The inks laid on the page, for the total ink over area.
    pub(super) ink: InkMap,
}

/// No clip: the whole plane.
const UNCLIPPED: [f64; 4] = [
    f64::NEG_INFINITY,
    f64::NEG_INFINITY,
    f64::INFINITY,
    f64::INFINITY,
];

type Matrix = [f64; 6];

/// How much a matrix enlarges lengths: the square root of its determinant.
fn scale_of(m: Matrix) -> f64 {
    (m[0] * m[3] - m[1] * m[2]).abs().sqrt()
}

fn multiply(a: Matrix, b: Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    /// The current fill colour as CMYK, when it is CMYK.
    fill_cmyk: Option<[f64; 4]>,
    // Device spaces are borrowed: a state is copied at every `q`.
    fill_space: Cow<'static, str>,
    stroke_space: Cow<'static, str>,
    /// The current stroke colour as CMYK, when it is CMYK.
    stroke_cmyk: Option<[f64; 4]>,
    /// Fill overprint with OPM 1, from the last ExtGState (`gs`) that said.
    overprint: bool,
    /// Stroke overprint with OPM 1.
    stroke_overprint: bool,
    /// The line width set by `w`, in user space.
    line_width: f64,
    /// The font size set by `Tf`, in text space.
    font_size: f64,
    /// The clipping path's bounding box, in page space.
    clip: [f64; 4],
}

impl Painter<'_> {
    /// Walks a page's `content` with its `resources`, under the transformation `ctm`.
    pub(super) fn paint(&mut self, content: &[u8], resources: &Dictionary, ctm: Matrix) {
        self.paint_within(content, resources, ctm, UNCLIPPED, 0);
    }

    /// Walks `content` (a page's or a form's) with `resources`, under the transformation `ctm`
    /// and inside `clip`.
    fn paint_within(
        &mut self,
        content: &[u8],
        resources: &Dictionary,
        ctm: Matrix,
        clip: [f64; 4],
        depth: usize,
    ) {
        let mut state = State {
            ctm,
            fill_cmyk: None,
            fill_space: Cow::Borrowed("DeviceGray"),
            stroke_space: Cow::Borrowed("DeviceGray"),
            stroke_cmyk: None,
            overprint: false,
            stroke_overprint: false,
            line_width: 1.0,
            font_size: 0.0,
            clip,
        };
        // The current path's points in page space, and whether it will clip.
        let mut path: Vec<(f64, f64)> = Vec::new();
        let mut clips = false;
        // The scale of the text matrix, reset by each text object.
        let mut text_scale = 1.0;
        let mut stack: Vec<State> = Vec::new();
        for op in operations(content) {
            match op.operator {
                "q" => stack.push(state.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                "cm" => {
                    if let Ok(m) = <[f64; 6]>::try_from(&op.numbers()[..]) {
                        state.ctm = multiply(m, state.ctm);
                    }
                }
                "k" | "K" => {
                    let inks = op.numbers();
                    self.used("DeviceCMYK");
                    self.ink(&inks);
                    if op.operator == "k" {
                        state.fill_space = Cow::Borrowed("DeviceCMYK");
                        state.fill_cmyk = <[f64; 4]>::try_from(&inks[..]).ok();
                    } else {
                        state.stroke_space = Cow::Borrowed("DeviceCMYK");
                        state.stroke_cmyk = <[f64; 4]>::try_from(&inks[..]).ok();
                    }
                }
                "rg" | "RG" => {
                    self.used("DeviceRGB");
                    if op.operator == "rg" {
                        state.fill_space = Cow::Borrowed("DeviceRGB");
                        state.fill_cmyk = None;
                    }
                }
                "g" | "G" => {
                    self.used("DeviceGray");
                    let gray = op.numbers().first().copied().unwrap_or(0.0);
                    let as_cmyk = Some([0.0, 0.0, 0.0, 1.0 - gray]);
                    if op.operator == "g" {
                        state.fill_space = Cow::Borrowed("DeviceGray");
                        state.fill_cmyk = as_cmyk;
                    } else {
                        state.stroke_space = Cow::Borrowed("DeviceGray");
                        state.stroke_cmyk = as_cmyk;
                    }
                }
                "cs" | "CS" => {
                    let space = op
                        .first_name()
                        .map(|name| self.colour_space_name(name, resources))
                        .map_or(Cow::Borrowed(""), Cow::Owned);
                    if op.operator == "cs" {
                        state.fill_space = space;
                        state.fill_cmyk = None;
                    } else {
                        state.stroke_space = space;
                        state.stroke_cmyk = None;
                    }
                }
                "sc" | "scn" | "SC" | "SCN" => {
                    let fill = op.operator.starts_with('s');
                    let space = if fill {
                        state.fill_space.clone()
                    } else {
                        state.stroke_space.clone()
                    };
                    self.used(&space);
                    let values = op.numbers();
                    if space == "DeviceCMYK" || space == "ICCBased CMYK" {
                        self.ink(&values);
                        let cmyk = <[f64; 4]>::try_from(&values[..]).ok();
                        if fill {
                            state.fill_cmyk = cmyk;
                        } else {
                            state.stroke_cmyk = cmyk;
                        }
                    }
                }
                "gs" => {
                    let name = op.first_name();
                    let (stroke, fill) = name
                        .map(|n| self.overprint_of(n, resources))
                        .unwrap_or_default();
                    state.overprint = fill.unwrap_or(state.overprint);
                    state.stroke_overprint = stroke.unwrap_or(state.stroke_overprint);
                }
                "w" => {
                    if let Some(width) = op.numbers().first() {
                        state.line_width = *width;
                    }
                }
                "m" | "l" | "c" | "v" | "y" => {
                    let m = state.ctm;
                    for point in op.numbers().chunks_exact(2) {
                        let (x, y) = (point[0], point[1]);
                        path.push((m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
                    }
                }
                "re" => {
                    if let [x, y, w, h] = op.numbers()[..] {
                        let m = state.ctm;
                        for (x, y) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                            path.push((m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
                        }
                    }
                }
                "W" | "W*" => clips = true,
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" => {
                    let operator = op.operator;
                    if matches!(operator, "S" | "s" | "B" | "B*" | "b" | "b*") {
                        self.stroke(&state);
                    }
                    if !path.is_empty() {
                        let area = bounds(&path);
                        if let (false, Some(inks)) =
                            (matches!(operator, "S" | "s" | "n"), state.fill_cmyk)
                        {
                            self.ink
                                .fill(intersect(area, state.clip), inks, state.overprint);
                        }
                        if clips {
                            state.clip = intersect(state.clip, area);
                        }
                    }
                    path.clear();
                    clips = false;
                }
                "BT" => text_scale = 1.0,
                "Tf" => {
                    if let Some(size) = op.operands.get(1).and_then(|o| o.number()) {
                        state.font_size = size;
                    }
                }
                "Tm" => {
                    if let Ok(m) = <[f64; 6]>::try_from(&op.numbers()[..]) {
                        text_scale = scale_of(m);
                    }
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    let size = state.font_size.abs() * text_scale * scale_of(state.ctm);
                    match state.fill_cmyk {
                        Some([c, m, y, k])
                            if c + m + y < 0.001 && k > 0.999 && size < SMALL_TEXT_PT =>
                        {
                            let runs = &mut self.report.small_black_text;
                            if state.overprint {
                                runs.0 += 1;
                            } else {
                                runs.1.insert(self.page);
                            }
                        }
                        Some(inks) if inks.iter().sum::<f64>() < 0.001 && state.overprint => {
                            self.report.white_overprints.insert(self.page);
                        }
                        _ => {}
                    }
                    // GWG 2022: white text, and text in more than one ink, under 8 pt.
                    if let Some(inks) = state.fill_cmyk
                        && size < FINE_TEXT_PT
                        && (inks.iter().all(|&v| v < 0.001)
                            || inks.iter().filter(|&&v| v > 0.001).count() > 1)
                    {
                        self.report.fine_text.insert(self.page);
                    }
                    if let Some([c, m, y, k]) = state.fill_cmyk
                        && k >= 0.9
                        && c + m + y > 0.0
                    {
                        self.report.rich_black_text.insert(self.page);
                    }
                }
                "Do" => {
                    if let Some(name) = op.first_name() {
                        self.xobject(name, resources, &state, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether the named ExtGState sets stroke and fill overprint with OPM 1 (`Some(false)` when
    /// it turns overprint off or keeps OPM 0; `None` when it says nothing about it).
    fn overprint_of(&self, name: &[u8], resources: &Dictionary) -> (Option<bool>, Option<bool>) {
        let doc = self.doc;
        let state = (|| {
            let states = doc.dereference(resources.get(b"ExtGState").ok()?).ok()?.1;
            let state = doc
                .dereference(states.as_dict().ok()?.get(name).ok()?)
                .ok()?
                .1;
            state.as_dict().ok()
        })();
        let Some(state) = state else {
            return (None, None);
        };
        let opm = state.get(b"OPM").ok().and_then(|o| o.as_i64().ok()) == Some(1);
        let flag = |key: &[u8]| state.get(key).ok().and_then(|o| o.as_bool().ok());
        let stroke = flag(b"OP");
        // `op` defaults to `OP`.
        let fill = flag(b"op").or(stroke);
        (stroke.map(|on| on && opm), fill.map(|on| on && opm))
    }

    /// An image's inks on the page's ink map: 8-bit DeviceCMYK or DeviceGray, not JPEG-coded.
    fn image_ink(&mut self, stream: &lopdf::Stream, space: &str, size: (u32, u32), state: &State) {
        let components = match space {
            "DeviceCMYK" => 4,
            "DeviceGray" => 1,
            _ => return,
        };
        let bits = stream
            .dict
            .get(b"BitsPerComponent")
            .and_then(Object::as_i64);
        let jpeg = stream
            .filters()
            .is_ok_and(|f| f.iter().any(|f| *f == b"DCTDecode" || *f == b"JPXDecode"));
        if bits.ok() != Some(8) || jpeg || stream.dict.has(b"Decode") {
            return;
        }
        let Ok(samples) = stream.decompressed_content_with_limit(MAX_STREAM) else {
            return;
        };
        let (width, height) = (size.0 as usize, size.1 as usize);
        if samples.len() < width * height * components {
            return;
        }
        self.ink.image(state.ctm, state.clip, |u, v| {
            let column = ((u * width as f64) as usize).min(width - 1);
            let row = (((1.0 - v) * height as f64) as usize).min(height - 1);
            let at = (row * width + column) * components;
            let ink = |i: usize| f64::from(samples[at + i]) / 255.0;
            if components == 4 {
                [ink(0), ink(1), ink(2), ink(3)]
            } else {
                [0.0, 0.0, 0.0, 1.0 - ink(0)]
            }
        });
    }

    /// A stroke: its width as printed, and whether black or white overprints as it should.
    fn stroke(&mut self, state: &State) {
        let width = state.line_width.abs() * scale_of(state.ctm);
        let report = &mut *self.report;
        if report
            .thinnest_line
            .is_none_or(|(thinnest, _)| width < thinnest)
        {
            report.thinnest_line = Some((width, self.page));
        }
        if width < HAIRLINE_PT {
            report.hairlines.insert(self.page);
        } else if width < THIN_LINE_PT {
            report.thin_lines.insert(self.page);
        }
        match state.stroke_cmyk {
            Some([c, m, y, k]) if c + m + y < 0.001 && k > 0.999 && width < SMALL_LINE_PT => {
                if state.stroke_overprint {
                    report.thin_black_lines.0 += 1;
                } else {
                    report.thin_black_lines.1.insert(self.page);
                }
            }
            Some(inks) if inks.iter().sum::<f64>() < 0.001 && state.stroke_overprint => {
                report.white_overprints.insert(self.page);
            }
            _ => {}
        }
    }

    fn used(&mut self, space: &str) {
        if !space.is_empty() && !self.report.colour_spaces.contains(space) {
            self.report.colour_spaces.insert(space.to_string());
        }
    }

    fn ink(&mut self, inks: &[f64]) {
        let total: f64 = inks.iter().sum::<f64>() * 100.0;
        if inks.len() == 4 && total > INK_LIMIT + 0.5 {
            self.report.ink_over_limit.push((self.page, total));
        }
    }

    /// A colour space operand as a readable name: device spaces as they are, named resources
    /// resolved (`Separation All`, `ICCBased CMYK`).
    fn colour_space_name(&self, name: &[u8], resources: &Dictionary) -> String {
        if matches!(
            name,
            b"DeviceRGB" | b"DeviceCMYK" | b"DeviceGray" | b"Pattern"
        ) {
            return String::from_utf8_lossy(name).into_owned();
        }
        let space = resources
            .get(b"ColorSpace")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|d| d.get(name).ok())
            .and_then(|o| self.doc.dereference(o).ok())
            .map(|(_, o)| o.clone());
        describe_space(self.doc, space.as_ref())
    }

    fn xobject(&mut self, name: &[u8], resources: &Dictionary, state: &State, depth: usize) {
        let ctm = state.ctm;
        let Some(stream) = resources
            .get(b"XObject")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|d| d.get(name).ok())
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
        else {
            return;
        };
        let dict = &stream.dict;
        match dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                let int = |key: &[u8]| {
                    dict.get(key)
                        .ok()
                        .and_then(|o| o.as_i64().ok())
                        .unwrap_or(0) as u32
                };
                let (width, height) = (int(b"Width"), int(b"Height"));
                // The image fills the unit square: its printed size is the CTM's axes.
                let placed_w = ctm[0].hypot(ctm[1]);
                let placed_h = ctm[2].hypot(ctm[3]);
                let is_mask = dict
                    .get(b"ImageMask")
                    .and_then(Object::as_bool)
                    .unwrap_or(false);
                if placed_w <= 0.0 || placed_h <= 0.0 || is_mask {
                    return;
                }
                let ppi = (width as f64 / (placed_w / 72.0)).min(height as f64 / (placed_h / 72.0));
                let space = dict
                    .get(b"ColorSpace")
                    .ok()
                    .and_then(|o| self.doc.dereference(o).ok())
                    .map(|(_, o)| o.clone());
                let colour_space = describe_space(self.doc, space.as_ref());
                self.used(&colour_space);
                self.image_ink(stream, &colour_space, (width, height), state);
                self.report.images.push(ImageFacts {
                    page: self.page,
                    pixels: (width, height),
                    placed_mm: (placed_w / MM, placed_h / MM),
                    ppi,
                    colour_space,
                });
            }
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let matrix = dict
                    .get(b"Matrix")
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|a| {
                        let v: Vec<f64> = a
                            .iter()
                            .filter_map(|o| o.as_float().ok().map(f64::from))
                            .collect();
                        <[f64; 6]>::try_from(v).ok()
                    })
                    .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
                let own = dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| self.doc.dereference(o).ok())
                    .and_then(|(_, o)| o.as_dict().ok().cloned())
                    .unwrap_or_else(|| resources.clone());
                let content = stream
                    .decompressed_content_with_limit(MAX_STREAM)
                    .unwrap_or_else(|_| stream.content.clone());
                self.paint_within(&content, &own, multiply(matrix, ctm), state.clip, depth + 1);
            }
            _ => {}
        }
    }
}

/// A colour space object as a readable name.
fn describe_space(doc: &Document, space: Option<&Object>) -> String {
    match space {
        Some(Object::Name(name)) => String::from_utf8_lossy(name).into_owned(),
        Some(Object::Array(items)) => {
            let family = items
                .first()
                .and_then(|o| o.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            match family.as_str() {
                "Separation" => {
                    let colorant = items
                        .get(1)
                        .and_then(|o| o.as_name().ok())
                        .map(|n| String::from_utf8_lossy(n).into_owned())
                        .unwrap_or_default();
                    format!("Separation {colorant}")
                }
                "ICCBased" => {
                    let components = items
                        .get(1)
                        .and_then(|o| doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())
                        .and_then(|s| s.dict.get(b"N").ok())
                        .and_then(|n| n.as_i64().ok());
                    match components {
                        Some(1) => "ICCBased Gray".into(),
                        Some(3) => "ICCBased RGB".into(),
                        Some(4) => "ICCBased CMYK".into(),
                        _ => "ICCBased".into(),
                    }
                }
                other => other.to_string(),
            }
        }
        _ => String::new(),
    }
}
