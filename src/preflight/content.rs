//! The content-stream walk of the preflight: every painting operator of a page and of the forms
//! and images it draws, read through the one interpreter of `pdf_content` (the transformation
//! and colour state a renderer would track) with the overprint and clip the preflight adds.

use lopdf::{Dictionary, Document, Object};

use super::ink_area::{InkMap, bounds, intersect};
use super::{ImageFacts, MAX_FORM_DEPTH, MAX_STREAM, Report};
use crate::pdf_content::{
    GraphicsState, Matrix, Op, Paint, Reader, Space, interpret, multiply, scale_of,
};
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
    /// The page's trim box, in page space.
    pub(super) trim: [f64; 4],
}

/// No clip: the whole plane.
const UNCLIPPED: [f64; 4] = [
    f64::NEG_INFINITY,
    f64::NEG_INFINITY,
    f64::INFINITY,
    f64::INFINITY,
];

/// What the preflight keeps in the graphics state besides the shared interpreter's: fill and
/// stroke overprint with OPM 1, from the last ExtGState (`gs`) that said, and the clipping
/// path's bounding box in page space.
#[derive(Clone)]
struct Kept {
    overprint: bool,
    stroke_overprint: bool,
    clip: [f64; 4],
}

/// One stream of a page (its own or a form's) as the preflight reads it: the current path, and
/// the text matrix's scale, which `q`/`Q` do not save.
struct StreamScan<'p, 'a> {
    painter: &'p mut Painter<'a>,
    resources: &'p Dictionary,
    depth: usize,
    /// The current path's points in page space, and whether it will clip.
    path: Vec<(f64, f64)>,
    clips: bool,
    /// The scale of the text matrix, reset by each text object.
    text_scale: f64,
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
        let mut scan = StreamScan {
            painter: self,
            resources,
            depth,
            path: Vec::new(),
            clips: false,
            text_scale: 1.0,
        };
        let kept = Kept {
            overprint: false,
            stroke_overprint: false,
            clip,
        };
        interpret(content, GraphicsState::new(ctm, kept), &mut scan);
    }

    /// A paint's space as a readable name: device spaces as they are, named resources resolved
    /// (`Separation All`, `ICCBased CMYK`).
    fn space_name(&self, space: &Space, resources: &Dictionary) -> String {
        match space {
            Space::Gray => "DeviceGray".into(),
            Space::Rgb => "DeviceRGB".into(),
            Space::Cmyk => "DeviceCMYK".into(),
            Space::Named(name) => self.colour_space_name(name, resources),
        }
    }

    /// A paint as CMYK, when it is: K for a grey set by `g`, the components in a CMYK space
    /// (device or ICC-based).
    fn cmyk_of(&self, paint: &Paint, resources: &Dictionary) -> Option<[f64; 4]> {
        let values = paint.values.as_ref()?;
        match &paint.space {
            Space::Gray if paint.by_device_operator => {
                Some([0.0, 0.0, 0.0, 1.0 - values.first().copied().unwrap_or(0.0)])
            }
            Space::Cmyk => <[f64; 4]>::try_from(&values[..]).ok(),
            Space::Named(_) if self.space_name(&paint.space, resources) == "ICCBased CMYK" => {
                <[f64; 4]>::try_from(&values[..]).ok()
            }
            Space::Named(_) if self.space_name(&paint.space, resources) == "DeviceCMYK" => {
                <[f64; 4]>::try_from(&values[..]).ok()
            }
            _ => None,
        }
    }

    /// Text: small black text overprints, white text does not, and fine or rich black text is
    /// noted (GWG 2022: white text, and text in more than one ink, under 8 pt).
    fn text(&mut self, fill: Option<[f64; 4]>, overprint: bool, size: f64) {
        match fill {
            Some([c, m, y, k]) if c + m + y < 0.001 && k > 0.999 && size < SMALL_TEXT_PT => {
                let runs = &mut self.report.small_black_text;
                if overprint {
                    runs.0 += 1;
                } else {
                    runs.1.insert(self.page);
                }
            }
            Some(inks) if inks.iter().sum::<f64>() < 0.001 && overprint => {
                self.report.white_overprints.insert(self.page);
            }
            _ => {}
        }
        if let Some(inks) = fill
            && size < FINE_TEXT_PT
            && (inks.iter().all(|&v| v < 0.001) || inks.iter().filter(|&&v| v > 0.001).count() > 1)
        {
            self.report.fine_text.insert(self.page);
        }
        if let Some([c, m, y, k]) = fill
            && k >= 0.9
            && c + m + y > 0.0
        {
            self.report.rich_black_text.insert(self.page);
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
    fn image_ink(
        &mut self,
        stream: &lopdf::Stream,
        space: &str,
        size: (u32, u32),
        (ctm, clip): (Matrix, [f64; 4]),
    ) {
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
        self.ink.image(ctm, clip, |u, v| {
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
    fn stroke(&mut self, line_width: f64, ctm: &Matrix, cmyk: Option<[f64; 4]>, overprint: bool) {
        let width = line_width.abs() * scale_of(ctm);
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
        match cmyk {
            Some([c, m, y, k]) if c + m + y < 0.001 && k > 0.999 && width < SMALL_LINE_PT => {
                if overprint {
                    report.thin_black_lines.0 += 1;
                } else {
                    report.thin_black_lines.1.insert(self.page);
                }
            }
            Some(inks) if inks.iter().sum::<f64>() < 0.001 && overprint => {
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

    fn xobject(
        &mut self,
        name: &[u8],
        resources: &Dictionary,
        ctm: Matrix,
        clip: [f64; 4],
        depth: usize,
    ) {
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
                self.image_ink(stream, &colour_space, (width, height), (ctm, clip));
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
                self.paint_within(&content, &own, multiply(matrix, ctm), clip, depth + 1);
            }
            _ => {}
        }
    }
}

impl Reader for StreamScan<'_, '_> {
    type Own = Kept;

    fn read(&mut self, op: &Op<'_>, state: &mut GraphicsState<Kept>) {
        let resources = self.resources;
        match op.operator {
            "k" | "K" => {
                self.painter.used("DeviceCMYK");
                self.painter.ink(&op.numbers());
            }
            "rg" | "RG" => self.painter.used("DeviceRGB"),
            "g" | "G" => self.painter.used("DeviceGray"),
            "sc" | "scn" | "SC" | "SCN" => {
                let paint = if op.operator.starts_with('s') {
                    &state.fill
                } else {
                    &state.stroke
                };
                let space = self.painter.space_name(&paint.space, resources);
                self.painter.used(&space);
                if space == "DeviceCMYK" || space == "ICCBased CMYK" {
                    self.painter.ink(paint.values());
                }
            }
            "gs" => {
                let (stroke, fill) = op
                    .first_name()
                    .map(|n| self.painter.overprint_of(n, resources))
                    .unwrap_or_default();
                state.own.overprint = fill.unwrap_or(state.own.overprint);
                state.own.stroke_overprint = stroke.unwrap_or(state.own.stroke_overprint);
            }
            "m" | "l" | "c" | "v" | "y" => {
                let m = state.ctm;
                for point in op.numbers().chunks_exact(2) {
                    let (x, y) = (point[0], point[1]);
                    self.path
                        .push((m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
                }
            }
            "re" => {
                if let [x, y, w, h] = op.numbers()[..] {
                    let m = state.ctm;
                    for (x, y) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                        self.path
                            .push((m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
                    }
                }
            }
            "W" | "W*" => self.clips = true,
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" => {
                self.paint_path(op.operator, state)
            }
            "BT" => self.text_scale = 1.0,
            "Tm" => {
                if let Ok(m) = <[f64; 6]>::try_from(&op.numbers()[..]) {
                    self.text_scale = scale_of(&m);
                }
            }
            "Tj" | "TJ" | "'" | "\"" => {
                let size = state.font_size.abs() * self.text_scale * scale_of(&state.ctm);
                let fill = self.painter.cmyk_of(&state.fill, resources);
                self.painter.text(fill, state.own.overprint, size);
            }
            "Do" => {
                if let Some(name) = op.first_name() {
                    let (ctm, clip) = (state.ctm, state.own.clip);
                    self.painter.xobject(name, resources, ctm, clip, self.depth);
                }
            }
            _ => {}
        }
    }
}

impl StreamScan<'_, '_> {
    /// A path painted (stroked, filled or both) or ended: its stroke checked, its fill laid on
    /// the page's ink map, its clip taken.
    fn paint_path(&mut self, operator: &str, state: &mut GraphicsState<Kept>) {
        // The registration colour belongs to the marks outside the trim (GWG 2022 reserves it
        // for them); a path in it that reaches into the trimmed page is reported.
        if !self.path.is_empty() {
            let strokes = matches!(operator, "S" | "s" | "B" | "B*" | "b" | "b*");
            let fills = !matches!(operator, "S" | "s" | "n");
            let registration = |paint: &Paint| {
                self.painter.space_name(&paint.space, self.resources) == "Separation All"
            };
            if (strokes && registration(&state.stroke)) || (fills && registration(&state.fill)) {
                let area = intersect(bounds(&self.path), state.own.clip);
                let trim = self.painter.trim;
                // A hair's tolerance: a mark may end exactly at the trim.
                let inside = intersect(area, trim);
                if inside[2] - inside[0] > 0.5 && inside[3] - inside[1] > 0.5 {
                    self.painter
                        .report
                        .registration_in_trim
                        .insert(self.painter.page);
                }
            }
        }
        if matches!(operator, "S" | "s" | "B" | "B*" | "b" | "b*") {
            let stroke = self.painter.cmyk_of(&state.stroke, self.resources);
            self.painter.stroke(
                state.line_width,
                &state.ctm,
                stroke,
                state.own.stroke_overprint,
            );
        }
        if !self.path.is_empty() {
            let area = bounds(&self.path);
            let fill = self.painter.cmyk_of(&state.fill, self.resources);
            if let (false, Some(inks)) = (matches!(operator, "S" | "s" | "n"), fill) {
                self.painter
                    .ink
                    .fill(intersect(area, state.own.clip), inks, state.own.overprint);
            }
            if self.clips {
                state.own.clip = intersect(state.own.clip, area);
            }
        }
        self.path.clear();
        self.clips = false;
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
