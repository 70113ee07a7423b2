//! Reading a content stream: its operators, lexed without building objects for them, and the one
//! interpreter of their graphics state ([`interpret`]) that the preflight, the overprint pass and
//! the recolouring of the print twins read through, each as a [`Reader`].
//!
//! The lexer: lopdf's `Content`
//! makes an object (and often a heap allocation) of every operand, including each glyph run
//! and kerning number of a `TJ` array; the print twins' finishing and the preflight only look
//! at numbers and names, so they read streams with this lexer: numbers and names as they are,
//! strings, arrays and dictionaries skipped over, and each operator's place in the bytes, so
//! that graphics states can be spliced in without re-encoding the stream.

use std::borrow::Cow;

use arrayvec::ArrayVec;

/// The most operands kept for one operator; no operator the readers interpret has more.
const MAX_OPERANDS: usize = 8;

/// One operand, as much of it as the readers need.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Number(f64),
    Name(Cow<'a, [u8]>),
    /// A string, an array or a dictionary (`TJ`'s runs, `BDC`'s properties), not looked into.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(value) => Some(*value),
            _ => None,
        }
    }

    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Operand::Name(name) => Some(name),
            _ => None,
        }
    }
}

/// An operator with its operands, and where it stands in the stream: `start` is its first
/// operand's first byte (or its own), `end` the byte after it.
#[derive(Debug)]
pub struct Op<'a> {
    pub operator: &'a str,
    pub operands: ArrayVec<Operand<'a>, MAX_OPERANDS>,
    pub start: usize,
    pub end: usize,
}

impl Op<'_> {
    /// The numeric operands, in order.
    pub fn numbers(&self) -> ArrayVec<f64, MAX_OPERANDS> {
        self.operands.iter().filter_map(Operand::number).collect()
    }

    pub fn first_name(&self) -> Option<&[u8]> {
        self.operands.first().and_then(Operand::name)
    }
}

/// The operators of `content`, in order. Malformed bytes end the walk early rather than fail
/// it: a reader sees what came before.
pub fn operations(content: &[u8]) -> Operations<'_> {
    Operations {
        bytes: content,
        at: 0,
    }
}

pub struct Operations<'a> {
    bytes: &'a [u8],
    at: usize,
}

fn is_white(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(byte: u8) -> bool {
    !is_white(byte) && !is_delimiter(byte)
}

impl<'a> Operations<'a> {
    fn skip_white(&mut self) {
        while let Some(&byte) = self.bytes.get(self.at) {
            if is_white(byte) {
                self.at += 1;
            } else if byte == b'%' {
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|&b| b != b'\n' && b != b'\r')
                {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular_run(&mut self) -> &'a [u8] {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(|&b| is_regular(b)) {
            self.at += 1;
        }
        &self.bytes[start..self.at]
    }

    /// Skips a literal string, the `(` already read.
    fn skip_string(&mut self) -> Option<()> {
        let mut depth = 1;
        while depth > 0 {
            match *self.bytes.get(self.at)? {
                b'\\' => self.at += 1,
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
            self.at += 1;
        }
        Some(())
    }

    /// Skips an array or a dictionary, its opening already read, through its closing.
    fn skip_nested(&mut self, mut depth: usize) -> Option<()> {
        while depth > 0 {
            match *self.bytes.get(self.at)? {
                b'(' => {
                    self.at += 1;
                    self.skip_string()?;
                    continue;
                }
                b'[' => depth += 1,
                b']' => depth -= 1,
                b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                    depth += 1;
                    self.at += 1;
                }
                b'>' if self.bytes.get(self.at + 1) == Some(&b'>') => {
                    depth -= 1;
                    self.at += 1;
                }
                b'%' => {
                    self.skip_white();
                    continue;
                }
                _ => {}
            }
            self.at += 1;
        }
        Some(())
    }

    /// The next operand, or `None` when an operator (or the end) comes next.
    fn operand(&mut self) -> Option<Option<Operand<'a>>> {
        let byte = *self.bytes.get(self.at)?;
        Some(Some(match byte {
            b'/' => {
                self.at += 1;
                let raw = self.regular_run();
                Operand::Name(decode_name(raw))
            }
            b'(' => {
                self.at += 1;
                self.skip_string()?;
                Operand::Other
            }
            b'[' => {
                self.at += 1;
                self.skip_nested(1)?;
                Operand::Other
            }
            b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                self.skip_nested(1)?;
                Operand::Other
            }
            b'<' => {
                while *self.bytes.get(self.at)? != b'>' {
                    self.at += 1;
                }
                self.at += 1;
                Operand::Other
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.at;
                let run = self.regular_run();
                match std::str::from_utf8(run).ok().and_then(|t| t.parse().ok()) {
                    Some(value) => Operand::Number(value),
                    // Not a number after all: an operator such as `'`… cannot start so, so
                    // treat it as an unknown operand.
                    None if start != self.at => Operand::Other,
                    None => return None,
                }
            }
            _ if is_regular(byte) => {
                let start = self.at;
                let word = self.regular_run();
                if matches!(word, b"true" | b"false" | b"null") {
                    return Some(Some(Operand::Other));
                }
                // An operator: give it back to the caller.
                self.at = start;
                return Some(None);
            }
            // A stray delimiter: step over it.
            _ => {
                self.at += 1;
                Operand::Other
            }
        }))
    }

    /// Skips an inline image's data, after `ID`, through its `EI`.
    fn skip_inline_image(&mut self) {
        // The data begins after one white-space byte and ends at white space, `EI`, and white
        // space (or the end).
        self.at += 1;
        while self.at + 2 <= self.bytes.len() {
            let here = &self.bytes[self.at..];
            if here.starts_with(b"EI")
                && self.at > 0
                && is_white(self.bytes[self.at - 1])
                && here.get(2).is_none_or(|&b| is_white(b))
            {
                self.at += 2;
                return;
            }
            self.at += 1;
        }
        self.at = self.bytes.len();
    }
}

impl<'a> Iterator for Operations<'a> {
    type Item = Op<'a>;

    fn next(&mut self) -> Option<Op<'a>> {
        let mut operands = ArrayVec::new();
        self.skip_white();
        let start = self.at;
        loop {
            self.skip_white();
            match self.operand()? {
                Some(operand) => {
                    let _ = operands.try_push(operand);
                }
                None => break,
            }
        }
        let operator = std::str::from_utf8(self.regular_run()).ok()?;
        if operator == "ID" {
            self.skip_inline_image();
        }
        Some(Op {
            operator,
            operands,
            start,
            end: self.at,
        })
    }
}

/// A name's bytes, with `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'#') {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'#', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// A transformation matrix `a b c d e f`.
pub type Matrix = [f64; 6];

/// The identity.
pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`: the matrix of `a cm` under the transformation `b`.
pub fn multiply(a: Matrix, b: Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// How much a matrix enlarges lengths: the square root of its determinant.
pub fn scale_of(m: &[f64]) -> f64 {
    (m[0] * m[3] - m[1] * m[2]).abs().sqrt()
}

/// The colour space a paint is in.
#[derive(Debug, Clone, PartialEq)]
pub enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// A colour space resource of the stream's (`/CS0 cs`), by name: what it is, a reader
    /// looks up in its resources.
    Named(Vec<u8>),
}

/// How a paint was last set: its space, and its components when they were given.
#[derive(Debug, Clone, PartialEq)]
pub struct Paint {
    pub space: Space,
    /// The components of `k`, `g`, `rg`, `sc` or `scn`; `None` right after `cs` (the space's
    /// initial colour).
    pub values: Option<ArrayVec<f64, MAX_OPERANDS>>,
    /// Whether the device operator set it (`k`, `g`, `rg`) rather than `cs` and `sc`.
    pub by_device_operator: bool,
}

impl Paint {
    /// Both paints start black in DeviceGray.
    pub const BLACK: Paint = Paint {
        space: Space::Gray,
        values: None,
        by_device_operator: false,
    };

    /// The components, when they were given.
    pub fn values(&self) -> &[f64] {
        self.values.as_deref().unwrap_or(&[])
    }
}

/// The graphics state the operators of a stream change, saved by `q` and restored by `Q`,
/// with what a reader keeps in it besides (`own`: an ExtGState's overprint, a clip).
#[derive(Debug, Clone)]
pub struct GraphicsState<Own> {
    pub ctm: Matrix,
    pub fill: Paint,
    pub stroke: Paint,
    /// Set by `w`, in user space.
    pub line_width: f64,
    /// Set by `Tf`, in text space.
    pub font_size: f64,
    pub own: Own,
}

impl<Own> GraphicsState<Own> {
    /// The state a stream starts in, drawn under `ctm`.
    pub fn new(ctm: Matrix, own: Own) -> Self {
        GraphicsState {
            ctm,
            fill: Paint::BLACK,
            stroke: Paint::BLACK,
            line_width: 1.0,
            font_size: 0.0,
            own,
        }
    }
}

/// What reads a stream through [`interpret`]: told of every operator after the state has
/// taken it in (the new colour after `k`, the new matrix after `cm`), with the state to read
/// and to keep its own part of.
pub trait Reader {
    type Own: Clone;
    fn read(&mut self, op: &Op<'_>, state: &mut GraphicsState<Self::Own>);
}

/// Interprets `content` from `state`: the graphics-state operators (`q`/`Q`, `cm`, `w`, `Tf`,
/// the colour operators) kept in one stack, each operator handed to `reader`. Malformed bytes
/// end the walk early, as [`operations`] does.
pub fn interpret<R: Reader>(content: &[u8], mut state: GraphicsState<R::Own>, reader: &mut R) {
    let mut saved: Vec<GraphicsState<R::Own>> = Vec::new();
    for op in operations(content) {
        let stroking = op.operator.starts_with(|c: char| c.is_ascii_uppercase());
        let device = |space: Space| Paint {
            space,
            values: Some(op.numbers()),
            by_device_operator: true,
        };
        let paint = match op.operator {
            "q" => {
                saved.push(state.clone());
                None
            }
            "Q" => {
                if let Some(restored) = saved.pop() {
                    state = restored;
                }
                None
            }
            "cm" => {
                if let Ok(m) = <[f64; 6]>::try_from(&op.numbers()[..]) {
                    state.ctm = multiply(m, state.ctm);
                }
                None
            }
            "w" => {
                if let Some(width) = op.numbers().first() {
                    state.line_width = *width;
                }
                None
            }
            "Tf" => {
                if let Some(size) = op.operands.get(1).and_then(Operand::number) {
                    state.font_size = size;
                }
                None
            }
            "k" | "K" => Some(device(Space::Cmyk)),
            "g" | "G" => Some(device(Space::Gray)),
            "rg" | "RG" => Some(device(Space::Rgb)),
            "cs" | "CS" => Some(Paint {
                space: match op.first_name() {
                    Some(b"DeviceGray") => Space::Gray,
                    Some(b"DeviceRGB") => Space::Rgb,
                    Some(b"DeviceCMYK") => Space::Cmyk,
                    Some(name) => Space::Named(name.to_vec()),
                    None => Space::Named(Vec::new()),
                },
                values: None,
                by_device_operator: false,
            }),
            "sc" | "scn" | "SC" | "SCN" => {
                let current = if stroking { &state.stroke } else { &state.fill };
                Some(Paint {
                    space: current.space.clone(),
                    values: Some(op.numbers()),
                    by_device_operator: false,
                })
            }
            _ => None,
        };
        match paint {
            Some(paint) if stroking => state.stroke = paint,
            Some(paint) => state.fill = paint,
            None => {}
        }
        reader.read(&op, &mut state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_operands_and_their_places() {
        let content =
            b"q 1 0 0 -1 10.5 .5 cm /F#31 9 Tf [(a\\)b) -20 (c)] TJ BI /W 1 ID \x00EI\x01 EI Q";
        let ops: Vec<Op> = operations(content).collect();
        let names: Vec<&str> = ops.iter().map(|op| op.operator).collect();
        assert_eq!(names, ["q", "cm", "Tf", "TJ", "BI", "ID", "Q"]);
        assert_eq!(&ops[1].numbers()[..], [1.0, 0.0, 0.0, -1.0, 10.5, 0.5]);
        assert_eq!(ops[2].first_name(), Some(&b"F1"[..]));
        assert_eq!(ops[2].numbers()[0], 9.0);
        assert_eq!(ops[3].operands.len(), 1);
        assert_eq!(&content[ops[1].start..ops[1].end], b"1 0 0 -1 10.5 .5 cm");
        assert_eq!(&content[ops[6].start..ops[6].end], b"Q");
    }

    #[test]
    fn the_interpreter_keeps_one_state_stack() {
        struct Fills(Vec<(Paint, f64)>);
        impl Reader for Fills {
            type Own = ();
            fn read(&mut self, op: &Op<'_>, state: &mut GraphicsState<()>) {
                if op.operator == "f" {
                    self.0.push((state.fill.clone(), scale_of(&state.ctm)));
                }
            }
        }
        let mut fills = Fills(Vec::new());
        let content = b"q 2 0 0 2 0 0 cm 0 0 0 1 k f Q f /CS0 cs 0.5 scn f";
        interpret(content, GraphicsState::new(IDENTITY, ()), &mut fills);
        let [(cmyk, doubled), (black, one), (named, _)] = &fills.0[..] else {
            panic!("{:?}", fills.0);
        };
        assert_eq!(
            (cmyk.space.clone(), cmyk.values(), *doubled),
            (Space::Cmyk, &[0.0, 0.0, 0.0, 1.0][..], 2.0)
        );
        assert_eq!((black, *one), (&Paint::BLACK, 1.0));
        assert_eq!(
            (named.space.clone(), named.values()),
            (Space::Named(b"CS0".to_vec()), &[0.5][..])
        );
    }

    #[test]
    fn dictionaries_comments_and_keywords_are_operands() {
        let content = b"/P << /MCID 0 /A [1 (x)] >> BDC % a comment\n true 0 d0 EMC";
        let ops: Vec<Op> = operations(content).collect();
        let names: Vec<&str> = ops.iter().map(|op| op.operator).collect();
        assert_eq!(names, ["BDC", "d0", "EMC"]);
        assert_eq!(ops[0].operands.len(), 2);
        assert_eq!(ops[1].operands.len(), 2);
    }
}
