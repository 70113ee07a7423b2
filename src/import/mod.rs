//! `trycksak import`: a programme source from the Word document (`.docx`) or OpenDocument text
//! (`.odt`) it was adopted in. Each format has its reader (`docx.rs`, `odt.rs`) that fills one
//! [`Draft`] — headings with levels, paragraphs, list items, tables, images, notes, and what the
//! review state held — and [`write_source`] makes the Markdown source and its image files from
//! it, escaping the document's text so that it stays text. The package is read with the limits
//! of `package.rs`; nothing of it is executed or fetched.

pub mod docx;
pub mod odt;
pub mod package;

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Why a document cannot be imported: a message id of the catalogues and its values.
#[derive(Debug, Clone)]
pub struct ImportError {
    pub id: &'static str,
    pub values: Vec<(&'static str, String)>,
}

impl ImportError {
    pub fn new(id: &'static str) -> ImportError {
        ImportError {
            id,
            values: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> ImportError {
        self.values.push((name, value.into()));
        self
    }

    fn args(&self) -> crate::messages::FluentArgs<'_> {
        let mut args = crate::messages::FluentArgs::new();
        for (name, value) in &self.values {
            args.set(*name, value.as_str());
        }
        args
    }

    /// The message in the interface language.
    pub fn message(&self) -> String {
        crate::messages::text(self.id, Some(&self.args()))
    }

    /// How to fix it.
    pub fn help(&self) -> String {
        crate::messages::text(&format!("{}.help", self.id), Some(&self.args()))
    }
}

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The text's language, over the document's own.
    pub lang: Option<String>,
    /// Keep reviewers' comments as `<!-- … -->` notes instead of dropping them.
    pub keep_comments: bool,
}

/// A run of text with its formatting, a link, a line break, or a note's marker.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    Link {
        url: String,
        runs: Vec<Run>,
    },
    Break,
    /// The marker of the note with this number (1-based, in order of appearance).
    Note(usize),
    /// A reviewer's comment kept as a note to the editor (`--keep-comments`).
    Comment(String),
}

/// A block of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A heading of the document's own level (1 = its top level), made by a heading style or
    /// outline level, or by hand (a short, bold, larger paragraph: `by_hand`).
    Heading {
        level: u8,
        runs: Vec<Run>,
        by_hand: bool,
    },
    Paragraph(Vec<Run>),
    /// An item of a list: `list` tells the lists apart (a new number starts a new list), `depth`
    /// is its nesting, `number` its number in a numbered list (`None` for a bullet).
    Item {
        list: usize,
        depth: u8,
        number: Option<u64>,
        runs: Vec<Run>,
    },
    /// A table's rows of cells (the first row is its header); merged cells are flattened, their
    /// text kept in the first.
    Table(Vec<Vec<Vec<Run>>>),
    /// An image: its index in [`Draft::images`].
    Image(usize),
}

/// An image of the document, with its alt text when it has one.
#[derive(Debug, Clone)]
pub struct DraftImage {
    pub bytes: Vec<u8>,
    /// The file ending (`png`, `jpeg` → `jpg`, …).
    pub extension: String,
    pub alt: Option<String>,
}

/// What reading a document counted, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub insertions: usize,
    pub deletions: usize,
    pub moves: usize,
    pub comments: usize,
    /// Table-of-contents paragraphs left out (they repeat the headings).
    pub contents_dropped: usize,
    /// Runs of hidden text left out.
    pub hidden: usize,
    /// Embedded objects (charts, spreadsheets) that have no text to import.
    pub objects: usize,
    /// Internal links (to a bookmark) kept as plain text.
    pub internal_links: usize,
}

/// A document read: its front matter values and its content.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// The document's language as a BCP 47 tag, when it says.
    pub lang: Option<String>,
    pub date: Option<String>,
    pub pieces: Vec<Piece>,
    /// Footnotes and endnotes, in the order of their markers.
    pub notes: Vec<Vec<Run>>,
    pub images: Vec<DraftImage>,
    pub counts: Counts,
}

/// The format of a document, from its package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Odt,
}

/// Reads a Word or OpenDocument text document's bytes into a [`Draft`].
pub fn read_document(bytes: Vec<u8>, options: &ImportOptions) -> Result<Draft, ImportError> {
    let mut package = package::Package::open(bytes)?;
    let names = package.names();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("word/vbaProject.bin") || names.iter().any(|n| n.ends_with("vbaProject.bin")) {
        return Err(ImportError::new("import-macros"));
    }
    if has("EncryptedPackage") || has("EncryptionInfo") {
        return Err(ImportError::new("import-encrypted"));
    }
    let format = if has("[Content_Types].xml") {
        Format::Docx
    } else if has("content.xml") {
        Format::Odt
    } else {
        return Err(ImportError::new("import-not-a-document"));
    };
    let mut draft = match format {
        Format::Docx => docx::read(&mut package, options)?,
        Format::Odt => odt::read(&mut package, options)?,
    };
    if let Some(lang) = &options.lang {
        draft.lang = Some(lang.clone());
    }
    Ok(draft)
}

/// A source written from a draft: the Markdown and the image files beside it.
#[derive(Debug, Clone)]
pub struct Written {
    pub source: String,
    /// File names (in the source's folder) and bytes.
    pub images: Vec<(String, Vec<u8>)>,
    pub report: Report,
}

/// What the import found and did, for the user.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Each section heading as written, with its level in the source (2 = `##`).
    pub sections: Vec<(u8, String)>,
    /// Headings made by hand (bold, larger, standing alone) read as headings.
    pub by_hand: Vec<String>,
    pub images: usize,
    /// Images without alt text (written with a placeholder that fails `check`).
    pub images_without_alt: usize,
    pub links: usize,
    pub tables: usize,
    pub notes: usize,
    pub counts: Counts,
    /// The front matter's values the document did not give (guessed, or left to write).
    pub guessed: Vec<&'static str>,
}

/// The words the source adds of its own, by the programme's language: the notes' heading.
fn notes_heading(lang: &str) -> &'static str {
    match crate::language::primary(lang).as_str() {
        "sv" | "nb" | "no" | "nn" | "da" => "Noter",
        "fi" | "fit" => "Huomautukset",
        "de" => "Anmerkungen",
        "se" => "Mearkkašumit",
        _ => "Notes",
    }
}

/// Writes the source of `draft` for `region` as `slug`: front matter, then the text. Headings
/// take levels from `##` without skipping one; a document's footnotes and endnotes become a
/// notes section at the end, marked `[1]` where they stood.
pub fn write_source(draft: &Draft, region: &str, slug: &str) -> Written {
    let mut report = Report {
        counts: draft.counts.clone(),
        ..Report::default()
    };
    let lang = draft.lang.clone().unwrap_or_else(|| {
        report.guessed.push("lang");
        "sv".to_string()
    });
    let title = draft.title.clone().unwrap_or_else(|| {
        report.guessed.push("title");
        slug.to_string()
    });
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", yaml_string(&title));
    if let Some(subtitle) = &draft.subtitle {
        let _ = writeln!(out, "subtitle: {}", yaml_string(subtitle));
    }
    let _ = writeln!(out, "region: {}", yaml_string(region));
    let _ = writeln!(out, "lang: {}", yaml_string(&lang));
    if let Some(date) = &draft.date {
        let _ = writeln!(out, "date: {date}");
    }
    out.push_str("---\n");

    // Heading levels: the document's levels in use, in order, become ##, ###, …; a heading is
    // never more than one level below the one before it.
    let used: std::collections::BTreeSet<u8> = draft
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    let mapped: BTreeMap<u8, u8> = used
        .iter()
        .enumerate()
        .map(|(i, level)| (*level, (i as u8 + 2).min(6)))
        .collect();
    let mut previous_heading = 1u8;
    let mut image_files = Vec::new();
    let mut previous: Option<&Piece> = None;
    // The column each open list item's text starts at, by depth: a nested item is indented to
    // its parent's text ("- " is 2, "12. " is 4).
    let mut item_columns: Vec<usize> = Vec::new();
    for piece in &draft.pieces {
        // Blocks are separated by a blank line, but the items of one list are not.
        let same_list = matches!(
            (previous, piece),
            (Some(Piece::Item { list: a, .. }), Piece::Item { list: b, .. }) if a == b
        );
        out.push('\n');
        if !same_list && previous.is_some_and(|p| matches!(p, Piece::Item { .. })) {
            // Two lists in a row would merge: a comment keeps them apart.
            if matches!(piece, Piece::Item { .. }) {
                out.push_str("<!-- -->\n\n");
            }
        }
        if same_list {
            out.pop();
        }
        match piece {
            Piece::Heading {
                level,
                runs,
                by_hand,
            } => {
                let level = mapped[level].min(previous_heading + 1);
                previous_heading = level;
                let text = inline_markdown(runs, &mut report);
                let plain = plain(runs);
                if *by_hand {
                    report.by_hand.push(plain.clone());
                }
                report.sections.push((level, plain));
                let _ = writeln!(out, "{} {}", "#".repeat(level as usize), text);
            }
            Piece::Paragraph(runs) => {
                let text = inline_markdown(runs, &mut report);
                let _ = writeln!(out, "{}", escape_line_start(&text));
            }
            Piece::Item {
                depth,
                number,
                runs,
                ..
            } => {
                if !same_list {
                    item_columns.clear();
                }
                // Never deeper than one below the item before: a jump would read as code.
                let depth = (*depth as usize).min(item_columns.len());
                let column = if depth == 0 {
                    0
                } else {
                    item_columns[depth - 1]
                };
                item_columns.truncate(depth);
                let indent = " ".repeat(column);
                let marker = match number {
                    Some(n) => format!("{n}."),
                    None => "-".to_string(),
                };
                item_columns.push(column + marker.len() + 1);
                let text = inline_markdown(runs, &mut report);
                // A list item's later lines are indented under its text.
                let pad = " ".repeat(indent.len() + marker.len() + 1);
                let text = text.replace("\\\n", &format!("\\\n{pad}"));
                let text = if text.is_empty() {
                    "\u{a0}".to_string()
                } else {
                    text
                };
                let _ = writeln!(out, "{indent}{marker} {}", escape_line_start(&text));
            }
            Piece::Table(rows) => {
                report.tables += 1;
                let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
                for (index, row) in rows.iter().enumerate() {
                    out.push('|');
                    for column in 0..width {
                        let cell = row
                            .get(column)
                            .map(|runs| inline_markdown(runs, &mut report))
                            .unwrap_or_default();
                        let cell = cell.replace("\\\n", " ");
                        let _ = write!(out, " {} |", cell.trim());
                    }
                    out.push('\n');
                    if index == 0 {
                        out.push('|');
                        out.push_str(&" --- |".repeat(width));
                        out.push('\n');
                    }
                }
            }
            Piece::Image(index) => {
                let image = &draft.images[*index];
                report.images += 1;
                let name = format!("{slug}-{}.{}", image_files.len() + 1, image.extension);
                let alt = match image
                    .alt
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                {
                    Some(alt) => escape_text(&collapse_space(alt)),
                    None => {
                        report.images_without_alt += 1;
                        // The file name as alt text: `check` refuses it at this line until a
                        // person describes the picture.
                        name.clone()
                    }
                };
                let _ = writeln!(out, "![{alt}]({name})");
                image_files.push((name, image.bytes.clone()));
            }
        }
        previous = Some(piece);
    }
    if !draft.notes.is_empty() {
        report.notes = draft.notes.len();
        let _ = write!(out, "\n## {}\n\n", notes_heading(&lang));
        for (index, note) in draft.notes.iter().enumerate() {
            let text = inline_markdown(note, &mut report);
            let text = text.replace("\\\n", "\\\n   ");
            let text = if text.trim().is_empty() {
                "\u{a0}".to_string()
            } else {
                text
            };
            let _ = writeln!(out, "{}. {}", index + 1, text);
        }
    }
    Written {
        source: out,
        images: image_files,
        report,
    }
}

/// A YAML scalar for a front-matter value: as it is when YAML reads it back as the same text,
/// else double-quoted with escapes.
fn yaml_string(text: &str) -> String {
    let plain_is_safe = !text.is_empty()
        && !text.starts_with(|c: char| "!&*?|>'\"%@`#,[]{}-:~ ".contains(c) || c.is_ascii_digit())
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with([' ', ':'])
        && !text.chars().any(char::is_control)
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "y" | "n" | "~"
        );
    if plain_is_safe {
        return text.to_string();
    }
    let mut quoted = String::from('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The text of runs, without formatting.
pub fn plain(runs: &[Run]) -> String {
    let mut text = String::new();
    for run in runs {
        match run {
            Run::Text { text: t, .. } => text.push_str(t),
            Run::Link { runs, .. } => text.push_str(&plain(runs)),
            Run::Break => text.push(' '),
            Run::Note(n) => {
                let _ = write!(text, "[{n}]");
            }
            Run::Comment(_) => {}
        }
    }
    collapse_space(&text)
}

/// Runs of spaces (and tabs, and the line ends of a text box) made one space, kept at the end.
fn collapse_space(text: &str) -> String {
    let mut out = squeeze(text, |c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    if text.ends_with([' ', '\t', '\n', '\r']) && !out.is_empty() {
        out.push(' ');
    }
    out
}

/// `text` with each run of characters `is_space` takes made one space, none at either end.
fn squeeze(text: &str, is_space: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Characters that would be Markdown anywhere in a line, escaped with a backslash.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let entity = c == '&'
            && chars[i + 1..]
                .iter()
                .take(32)
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                .count()
                > 0
            && chars[i + 1..]
                .iter()
                .find(|c| !(c.is_ascii_alphanumeric() || **c == '#'))
                == Some(&';');
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|'
        ) || entity
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What would start a block at the beginning of a line (a heading, a list, a quote, a rule, a
/// numbered item), escaped.
fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let after_digits = trimmed[digits..].chars().next();
    if trimmed.starts_with(['#', '-', '+', '=']) {
        return format!("\\{trimmed}");
    }
    if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        let (number, rest) = trimmed.split_at(digits);
        return format!("{number}\\{rest}");
    }
    trimmed.to_string()
}

/// Runs as Markdown: bold and italic as `**`/`*` around the words (spaces kept outside),
/// links as `[text](url)`, breaks as hard breaks, note markers as `[n]`.
fn inline_markdown(runs: &[Run], report: &mut Report) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        match &runs[i] {
            Run::Text { bold, italic, .. } => {
                // A stretch of text runs of the same formatting, as one.
                let (bold, italic) = (*bold, *italic);
                let mut text = String::new();
                while let Some(Run::Text {
                    text: t,
                    bold: b,
                    italic: it,
                }) = runs.get(i)
                {
                    if (*b, *it) != (bold, italic) && !t.trim().is_empty() {
                        break;
                    }
                    text.push_str(t);
                    i += 1;
                }
                out.push_str(&emphasised(&text, bold, italic));
                continue;
            }
            Run::Link { url, runs: inner } => {
                report.links += 1;
                let text = inline_markdown(inner, report);
                let text = if text.trim().is_empty() {
                    escape_text(url)
                } else {
                    text
                };
                let _ = write!(out, "[{}]({})", text.trim(), link_target(url));
            }
            Run::Break => out.push_str("\\\n"),
            Run::Note(n) => {
                let _ = write!(out, "\\[{n}\\]");
            }
            Run::Comment(text) => {
                let text = collapse_space(text).replace("--", "–");
                let _ = write!(out, "<!-- {} -->", text.trim());
            }
        }
        i += 1;
    }
    // No break at the very end (a trailing `\` is text in Markdown).
    while out.ends_with("\\\n") {
        out.truncate(out.len() - 2);
    }
    collapse_inline_space(&out)
}

/// Text with emphasis markers around its words, its outer spaces outside them.
fn emphasised(text: &str, bold: bool, italic: bool) -> String {
    let collapsed = text.replace(['\t', '\n', '\r'], " ");
    let inner = collapsed.trim();
    if inner.is_empty() {
        return collapsed;
    }
    let lead = &collapsed[..collapsed.len() - collapsed.trim_start().len()];
    let trail = &collapsed[collapsed.trim_end().len()..];
    let marker = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    format!("{lead}{marker}{}{marker}{trail}", escape_text(inner))
}

/// Runs of spaces made one (outside hard breaks), the line's ends trimmed.
fn collapse_inline_space(text: &str) -> String {
    text.split("\\\n")
        .map(|line| squeeze(line, |c| c == ' '))
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// A link's address for Markdown: in angle brackets when it has spaces or parentheses.
fn link_target(url: &str) -> String {
    let url = url.trim();
    if url.contains([' ', '(', ')', '<', '>']) {
        format!(
            "<{}>",
            url.replace('<', "%3C")
                .replace('>', "%3E")
                .replace(' ', "%20")
        )
    } else {
        url.to_string()
    }
}

/// The styles along a style's inheritance (`basedOn` in Word, `parent-style-name` in ODF), the
/// style itself first; at most 20, so that a loop in a document's styles ends.
pub(crate) fn style_chain<'s, S: 's>(
    start: &str,
    style: impl Fn(&str) -> Option<&'s S>,
    parent: impl Fn(&'s S) -> Option<&'s str>,
) -> impl Iterator<Item = &'s S> {
    let mut next = style(start);
    std::iter::from_fn(move || {
        let current = next?;
        next = parent(current).and_then(&style);
        Some(current)
    })
    .take(20)
}

/// A slug from a title: lowercase a–z, digits and hyphens (å, ä → a, ö → o).
pub fn slug_of(title: &str) -> String {
    let slug = crate::source::suggest_name(title);
    let mut cut: String = slug.chars().take(60).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}

#[cfg(test)]
mod tests;
