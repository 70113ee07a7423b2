//! The Portable Embosser Format, version 2008-1 (braillespecs.github.io/pef): XML of volumes,
//! sections, pages and rows of Unicode braille, with Dublin Core metadata.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

/// A volume: its sections, each of which starts on a new sheet.
pub struct Volume {
    pub sections: Vec<Vec<Vec<String>>>,
}

/// What the head says of the book.
pub struct Head<'a> {
    /// Names the book where it is kept: the programme's place in the project.
    pub name: &'a str,
    pub title: &'a str,
    pub creator: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub language: &'a str,
    /// `YYYY-MM-DD`, when the programme gives one.
    pub date: Option<String>,
    pub description: &'a str,
}

pub struct Geometry {
    pub cols: u32,
    pub rows: u32,
    pub duplex: bool,
}

/// The PEF document. Its identifier ends with a hash of its pages, so that two versions of a
/// programme have two identifiers and the same version always the same one.
pub fn write(head: &Head, geometry: &Geometry, volumes: &[Volume]) -> String {
    let mut body = String::new();
    for volume in volumes {
        let _ = writeln!(
            body,
            "    <volume cols=\"{}\" rows=\"{}\" rowgap=\"0\" duplex=\"{}\">",
            geometry.cols, geometry.rows, geometry.duplex
        );
        for section in &volume.sections {
            body.push_str("      <section>\n");
            for page in section {
                body.push_str("        <page>\n");
                for row in page {
                    if row.is_empty() {
                        body.push_str("          <row/>\n");
                    } else {
                        let _ = writeln!(body, "          <row>{row}</row>");
                    }
                }
                body.push_str("        </page>\n");
            }
            body.push_str("      </section>\n");
        }
        body.push_str("    </volume>\n");
    }
    let hash = Sha256::digest(body.as_bytes());
    let hash: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<pef version=\"2008-1\" xmlns=\"http://www.daisy.org/ns/2008/pef\">\n");
    out.push_str("  <head>\n    <meta xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let mut meta = |element: &str, value: &str| {
        let _ = writeln!(out, "      <dc:{element}>{}</dc:{element}>", escape(value));
    };
    meta("format", "application/x-pef+xml");
    meta("identifier", &format!("trycksak:{}:{hash}", head.name));
    meta("title", head.title);
    if let Some(creator) = head.creator {
        meta("creator", creator);
    }
    if let Some(publisher) = head.publisher {
        meta("publisher", publisher);
    }
    meta("language", head.language);
    if let Some(date) = &head.date {
        meta("date", date);
    }
    meta("description", head.description);
    out.push_str("    </meta>\n  </head>\n  <body>\n");
    out.push_str(&body);
    out.push_str("  </body>\n</pef>\n");
    out
}

/// Text as XML character data: `&`, `<` and `>` escaped, control characters (which XML 1.0
/// cannot hold) dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The first `YYYY-MM-DD` in `text` that is a date (the schema's `dc:date`).
pub fn iso_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = text.get(i..i + 10)?;
        let b = candidate.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let shaped = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after_ok = bytes.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if !(shaped && before_ok && after_ok) {
            return None;
        }
        let month: u32 = candidate[5..7].parse().ok()?;
        let day: u32 = candidate[8..10].parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| candidate.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_escaping() {
        assert_eq!(iso_date("antaget 2026-03-14"), Some("2026-03-14".into()));
        assert_eq!(iso_date("mars 2026"), None);
        assert_eq!(iso_date("2026-13-01"), None);
        assert_eq!(escape("a < b & \u{7}c"), "a &lt; b &amp; c");
    }
}
