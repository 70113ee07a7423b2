//! Reading a content stream's operators without building objects for them. lopdf's `Content`
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
    fn dictionaries_comments_and_keywords_are_operands() {
        let content = b"/P << /MCID 0 /A [1 (x)] >> BDC % a comment\n true 0 d0 EMC";
        let ops: Vec<Op> = operations(content).collect();
        let names: Vec<&str> = ops.iter().map(|op| op.operator).collect();
        assert_eq!(names, ["BDC", "d0", "EMC"]);
        assert_eq!(ops[0].operands.len(), 2);
        assert_eq!(ops[1].operands.len(), 2);
    }
}
