//! The units a translation is made of: each front-matter text (title, subtitle, party, the
//! summary's lead), heading, paragraph, list item, table and image's alt text of a source, with
//! where it stands in the file, so that a translation can be compared with its original unit by
//! unit and written back into the original's structure.
//!
//! Read from the Markdown itself (comrak's source positions), not from the model: the model
//! has no byte ranges, and writing a translation back needs them.

use std::ops::Range;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Title,
    Subtitle,
    Party,
    /// The summary's lead text (`summary:` or `summary: lead:`).
    Lead,
    /// A heading of level 1–6.
    Heading(u8),
    Paragraph,
    /// A list item's first paragraph: a pledge, in a pledge list.
    Item,
    Table,
    /// The alt text of an image that stands alone in its paragraph.
    Alt,
}

impl Kind {
    /// The name of the kind in the record and the PO file's contexts.
    pub fn name(self) -> String {
        match self {
            Kind::Title => "title".into(),
            Kind::Subtitle => "subtitle".into(),
            Kind::Party => "party".into(),
            Kind::Lead => "summary".into(),
            Kind::Heading(level) => format!("h{level}"),
            Kind::Paragraph => "paragraph".into(),
            Kind::Item => "item".into(),
            Kind::Table => "table".into(),
            Kind::Alt => "alt".into(),
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "title" => Kind::Title,
            "subtitle" => Kind::Subtitle,
            "party" => Kind::Party,
            "summary" => Kind::Lead,
            "paragraph" => Kind::Paragraph,
            "item" => Kind::Item,
            "table" => Kind::Table,
            "alt" => Kind::Alt,
            heading => Kind::Heading(heading.strip_prefix('h')?.parse().ok()?),
        })
    }

    /// Whether it is a front-matter value.
    pub fn in_front_matter(self) -> bool {
        matches!(
            self,
            Kind::Title | Kind::Subtitle | Kind::Party | Kind::Lead
        )
    }
}

/// One unit of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub kind: Kind,
    /// Its text as written: each line trimmed, the lines joined with `\n` (a front-matter value
    /// as YAML reads it).
    pub text: String,
    /// The 1-based line it starts on.
    pub line: usize,
    /// The bytes of the file its text stands in, without markers (`## `, `- `, `![`…`](…)`).
    pub span: Range<usize>,
    /// The 1-based lines of the whole block, markers included (`start..end`, end exclusive).
    pub lines: Range<usize>,
    /// What a continuation line of its text starts with (a list item's indentation, a quote's
    /// `> `).
    pub continuation: String,
    /// The heading it stands under (an index into the same list), if any.
    pub heading: Option<usize>,
}

impl Unit {
    /// Its text with white space made single spaces: what "the same text" means.
    pub fn normalised(&self) -> String {
        normalise(&self.text)
    }

    /// Its text on one line, for messages.
    pub fn summary(&self, max: usize) -> String {
        one_line(&self.text, max)
    }
}

/// `text` on one line of at most `max` characters, cut with "…".
pub fn one_line(text: &str, max: usize) -> String {
    let text = normalise(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// `text` with white space made single spaces.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The units of a programme source, in file order.
pub fn units(text: &str) -> Vec<Unit> {
    let starts = line_starts(text);
    let mut units = Vec::new();
    let (front_end, body_line) = front_matter_end(text, &starts);
    if let Some(front_end) = front_end {
        front_matter_units(text, &starts, front_end, &mut units);
    }
    let body_start = starts.get(body_line - 1).copied().unwrap_or(text.len());
    let body = crate::source::language_fences(&text[body_start..]);
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    let root = parse_document(&arena, &body, &options);
    let reader = Reader {
        text,
        starts: &starts,
        body_line,
    };
    for node in root.children() {
        reader.block(node, &mut units, false);
    }
    let mut heading = None;
    for (index, unit) in units.iter_mut().enumerate() {
        if matches!(unit.kind, Kind::Heading(_)) {
            heading = Some(index);
        } else {
            unit.heading = heading;
        }
    }
    units
}

/// The byte offset each line starts at.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect()
}

/// The front matter's closing fence line (1-based) and the body's first line.
fn front_matter_end(text: &str, starts: &[usize]) -> (Option<usize>, usize) {
    let mut lines = text.split('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return (None, 1);
    }
    for (number, line) in (2..).zip(lines) {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(number), (number + 1).min(starts.len()));
        }
    }
    (None, 1)
}

/// The text of line `number` (1-based), without its newline.
fn line_text<'t>(text: &'t str, starts: &[usize], number: usize) -> &'t str {
    let start = starts.get(number - 1).copied().unwrap_or(text.len());
    let end = starts
        .get(number)
        .map_or(text.len(), |next| next.saturating_sub(1));
    &text[start..end.max(start)]
}

fn front_matter_units(text: &str, starts: &[usize], fence: usize, units: &mut Vec<Unit>) {
    let mut number = 2;
    let mut in_summary = false;
    while number < fence {
        let line = line_text(text, starts, number);
        let indent = line.len() - line.trim_start().len();
        let key_kind = |key: &str| match key {
            "title" => Some(Kind::Title),
            "subtitle" => Some(Kind::Subtitle),
            "party" => Some(Kind::Party),
            "summary" => Some(Kind::Lead),
            _ => None,
        };
        let Some((key, rest)) = line.trim_start().split_once(':') else {
            number += 1;
            continue;
        };
        let key = key.trim();
        let kind = if indent == 0 {
            in_summary = key == "summary";
            key_kind(key)
        } else if in_summary && key == "lead" {
            Some(Kind::Lead)
        } else {
            None
        };
        let value = rest.trim();
        let Some(kind) = kind.filter(|_| !value.is_empty() || indent > 0) else {
            number += 1;
            continue;
        };
        // The value's lines: this one's, and the more indented lines of a block scalar or a
        // flowing plain scalar after it.
        let mut last = number;
        while last + 1 < fence {
            let next = line_text(text, starts, last + 1);
            let next_indent = next.len() - next.trim_start().len();
            if next.trim().is_empty() || next_indent <= indent {
                break;
            }
            if !value.starts_with(['|', '>'])
                && next.trim_start().contains(": ")
                && value.is_empty()
            {
                break;
            }
            last += 1;
        }
        let value_start = starts[number - 1] + (line.len() - rest.trim_start().len());
        let value_end = starts[last - 1] + line_text(text, starts, last).trim_end().len();
        let source = &text[value_start..value_end.max(value_start)];
        let decoded = serde_yaml::from_str::<serde_yaml::Value>(&format!("v: {source}"))
            .ok()
            .and_then(|v| v.get("v").and_then(|v| v.as_str()).map(str::to_string));
        if let Some(decoded) = decoded.filter(|d| !d.trim().is_empty()) {
            units.push(Unit {
                kind,
                text: decoded.trim().to_string(),
                line: number,
                span: value_start..value_end.max(value_start),
                lines: number..last + 1,
                continuation: String::new(),
                heading: None,
            });
        }
        number = last + 1;
    }
}

struct Reader<'t> {
    text: &'t str,
    starts: &'t [usize],
    /// The file line the body starts on.
    body_line: usize,
}

impl Reader<'_> {
    /// A body position (1-based line and byte column) as a byte offset in the file.
    fn offset(&self, line: usize, column: usize) -> usize {
        let line = line + self.body_line - 1;
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        (start + column.max(1) - 1).min(self.text.len())
    }

    fn file_line(&self, body_line: usize) -> usize {
        body_line + self.body_line - 1
    }

    fn block<'n>(&self, node: &'n AstNode<'n>, units: &mut Vec<Unit>, first_in_item: bool) {
        let data = node.data();
        let pos = data.sourcepos;
        match &data.value {
            NodeValue::Heading(_) => {
                if let Some(unit) = self.heading(node) {
                    units.push(unit);
                }
            }
            NodeValue::Paragraph => {
                let kind = if first_in_item {
                    Kind::Item
                } else {
                    Kind::Paragraph
                };
                if let Some(unit) = self.alt(node).or_else(|| self.lines_unit(node, kind)) {
                    units.push(unit);
                }
            }
            NodeValue::Table(_) => {
                if let Some(unit) = self.lines_unit(node, Kind::Table) {
                    units.push(unit);
                }
            }
            NodeValue::Item(_) | NodeValue::TaskItem(_) => {
                let before = units.len();
                for (index, child) in node.children().enumerate() {
                    self.block(child, units, index == 0);
                }
                // The item's block runs from its marker to its first paragraph's end: a new
                // item is inserted without the nested ones, which are units of their own.
                if let Some(unit) = units.get_mut(before)
                    && unit.kind == Kind::Item
                {
                    unit.lines.start = self.file_line(pos.start.line);
                }
            }
            NodeValue::List(_) | NodeValue::BlockQuote | NodeValue::Document => {
                for child in node.children() {
                    self.block(child, units, false);
                }
            }
            _ => {}
        }
    }

    fn heading<'n>(&self, node: &'n AstNode<'n>) -> Option<Unit> {
        let pos = node.data().sourcepos;
        let first = self.file_line(pos.start.line);
        let last = self.file_line(pos.end.line);
        let line = line_text(self.text, self.starts, first);
        let line_start = self.starts[first - 1];
        let trimmed = line.trim_start();
        let (start, end) = if trimmed.starts_with('#') {
            // ATX: `## Text ##`.
            let after_hashes = trimmed.trim_start_matches('#');
            let content = after_hashes.trim_start();
            let start = line_start + (line.len() - content.len());
            let content_end = content.trim_end().trim_end_matches('#').trim_end();
            (start, start + content_end.len())
        } else {
            // Setext: the text's lines, then the underline.
            let start = line_start + (line.len() - trimmed.len());
            let end_line = last.saturating_sub(1).max(first);
            let end = self.starts[end_line - 1]
                + line_text(self.text, self.starts, end_line).trim_end().len();
            (start, end)
        };
        let text = lines_of(&self.text[start..end.max(start)]);
        (!text.is_empty()).then(|| Unit {
            kind: Kind::Heading(match node.data().value {
                NodeValue::Heading(h) => h.level,
                _ => 2,
            }),
            text,
            line: first,
            span: start..end.max(start),
            lines: first..last + 1,
            continuation: String::new(),
            heading: None,
        })
    }

    /// A block taken line by line: a paragraph, a list item's text, a table.
    fn lines_unit<'n>(&self, node: &'n AstNode<'n>, kind: Kind) -> Option<Unit> {
        let pos = node.data().sourcepos;
        let first = self.file_line(pos.start.line);
        let last = self.file_line(pos.end.line);
        let start = self.offset(pos.start.line, pos.start.column);
        let end = self.starts[last - 1] + line_text(self.text, self.starts, last).trim_end().len();
        let text = lines_of(&self.text[start..end.max(start)]);
        let first_line = line_text(self.text, self.starts, first);
        let continuation = if last > first {
            let second = line_text(self.text, self.starts, first + 1);
            let content = second.trim_start_matches([' ', '\t', '>']);
            second[..second.len() - content.len()].to_string()
        } else {
            // Under the first line's text: markers become spaces, quote marks stay.
            first_line[..(start - self.starts[first - 1]).min(first_line.len())]
                .chars()
                .map(|c| if c == '>' { '>' } else { ' ' })
                .collect()
        };
        (!text.is_empty()).then(|| Unit {
            kind,
            text,
            line: first,
            span: start..end.max(start),
            lines: first..last + 1,
            continuation,
            heading: None,
        })
    }

    /// The alt text of an image that is its paragraph's only content.
    fn alt<'n>(&self, node: &'n AstNode<'n>) -> Option<Unit> {
        let children: Vec<_> = node
            .children()
            .filter(|child| {
                !matches!(&child.data().value, NodeValue::Text(t) if t.trim().is_empty())
                    && !matches!(child.data().value, NodeValue::SoftBreak)
            })
            .collect();
        let [image] = children[..] else { return None };
        if !matches!(image.data().value, NodeValue::Image(_)) {
            return None;
        }
        let pos = node.data().sourcepos;
        let first = self.file_line(pos.start.line);
        let start = self.offset(pos.start.line, pos.start.column);
        let line_end = self.starts[first - 1] + line_text(self.text, self.starts, first).len();
        let source = &self.text[start..line_end];
        let open = source.find("![")? + 2;
        // The alt text ends at the `](` that is not inside brackets.
        let mut depth = 0usize;
        let mut close = None;
        for (at, c) in source[open..].char_indices() {
            match c {
                '[' => depth += 1,
                ']' if depth == 0 => {
                    close = Some(open + at);
                    break;
                }
                ']' => depth -= 1,
                _ => {}
            }
        }
        let close = close?;
        let text = source[open..close].trim().to_string();
        (!text.is_empty()).then(|| Unit {
            kind: Kind::Alt,
            text,
            line: first,
            span: start + open..start + close,
            lines: first..self.file_line(pos.end.line) + 1,
            continuation: String::new(),
            heading: None,
        })
    }
}

/// Source text as a unit's text: each line trimmed, blank lines dropped, joined with `\n`;
/// a quote's `>` marks at the start of a continuation line are not text.
fn lines_of(source: &str) -> String {
    source
        .lines()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 {
                line.trim()
            } else {
                line.trim_start_matches([' ', '\t', '>']).trim()
            }
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` with the bytes of each range replaced (the ranges do not overlap).
pub fn replace(text: &str, mut replacements: Vec<(Range<usize>, String)>) -> String {
    replacements.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, with) in replacements {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&with);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` written where `unit` stands: on one line for headings, alt texts and front-matter
/// values (those as a YAML string), continuation lines prefixed as the unit's were.
pub fn written(unit: &Unit, text: &str) -> String {
    match unit.kind {
        kind if kind.in_front_matter() => {
            serde_json::to_string(&normalise(text)).expect("a string serialises")
        }
        Kind::Heading(_) | Kind::Alt => normalise(text),
        _ => text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join(&format!("\n{}", unit.continuation)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "---\ntitle: Vårt program\nregion: demo\nlang: sv\nsummary:\n  lead: Kort om det.\n---\n\nInledning som\nfortsätter.\n\n## Vård\n\nVi vill:\n\n- **Fler** läkare.\n- Kortare köer\n  för alla.\n  - Inne i listan.\n\n> Citat här\n> och här.\n\n![En karta över länet](karta.png)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";

    #[test]
    fn every_text_of_a_source_is_a_unit_with_its_place() {
        let units = units(SOURCE);
        let kinds: Vec<String> = units.iter().map(|u| u.kind.name()).collect();
        assert_eq!(
            kinds,
            [
                "title",
                "summary",
                "paragraph",
                "h2",
                "paragraph",
                "item",
                "item",
                "item",
                "paragraph",
                "alt",
                "table"
            ]
        );
        let text = |i: usize| units[i].text.as_str();
        assert_eq!(text(0), "Vårt program");
        assert_eq!(text(1), "Kort om det.");
        assert_eq!(text(2), "Inledning som\nfortsätter.");
        assert_eq!(text(3), "Vård");
        assert_eq!(text(5), "**Fler** läkare.");
        assert_eq!(text(6), "Kortare köer\nför alla.");
        assert_eq!(text(7), "Inne i listan.");
        assert_eq!(text(8), "Citat här\noch här.");
        assert_eq!(text(9), "En karta över länet");
        assert_eq!(units[3].line, 12);
        assert_eq!(units[5].heading, Some(3));
        assert_eq!(units[6].continuation, "  ");
        assert_eq!(units[8].continuation, "> ");
        for unit in &units[2..] {
            assert_eq!(lines_of(&SOURCE[unit.span.clone()]), unit.text, "{unit:?}");
        }
    }

    #[test]
    fn units_written_back_keep_the_structure() {
        let units = units(SOURCE);
        // A table's text is its rows: it is left as it is here.
        let changed = |u: &Unit| {
            if u.kind == Kind::Table {
                u.text.clone()
            } else {
                format!("X {}", u.text)
            }
        };
        let replacements = units
            .iter()
            .map(|u| (u.span.clone(), written(u, &changed(u))))
            .collect();
        let out = replace(SOURCE, replacements);
        let again = super::units(&out);
        assert_eq!(again.len(), units.len());
        for (a, b) in units.iter().zip(&again) {
            assert_eq!(a.kind, b.kind);
            assert_eq!(normalise(&changed(a)), b.normalised());
        }
        assert!(out.contains("title: \"X Vårt program\""), "{out}");
        assert!(out.contains("- X Kortare köer\n  för alla."), "{out}");
        assert!(out.contains("![X En karta över länet](karta.png)"), "{out}");
    }
}
