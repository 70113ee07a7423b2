//! The braille version for embossers: `<slug>.pef` (PEF 2008-1), made from the model, not from
//! a PDF. Text is translated with liblouis's tables (through louis-rs, liblouis's own Rust
//! re-implementation) in the programme's language; its parts in another language with that
//! language's tables, between the signs its braille rules give (Swedish: MTM 4.3).
//!
//! One file, two kinds of volume: the first holds the summary (its lead and the pledges the
//! summary may show, with "… and N more pledges" where it leaves some out), so that a reader
//! can take the short volume alone; the next hold the whole programme, every sentence of it,
//! in volumes of at most the layout's `volume_sheets` sheets, each starting at a main heading
//! where one is near. Every volume opens with a title page: title, party, period and "volume
//! n of N". Pages are the layout's `cols` × `rows` (Swedish practice, 28 × 29, by default); the
//! first row of every page but a title page holds its number at the right.

mod format;
pub mod pef;
pub mod tables;

use std::collections::BTreeMap;
use std::sync::Arc;

use louis::{TranslationOptions, Translator};
use serde::Serialize;

use super::context::{Made, RenderContext};
use super::kind::{Output, Rendered};
use super::summary::{lead, pledge_groups};
use super::text::{inline_text, lead_phrase, numbered_by_author};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::i18n::Labels;
use crate::language::BrailleCode;
use crate::layout::{BrailleSettings, Layout};
use crate::model::{Block, BlockKind, Inline, ListItem, Programme, Section};
use format::{BLANK, Piece};

/// The braille version (`<slug>.pef`); built by default where the layout says
/// `braille: {build: true}`.
pub struct BrailleOutput;
pub const BRAILLE: BrailleOutput = BrailleOutput;

impl Output for BrailleOutput {
    fn name(&self) -> &'static str {
        "braille"
    }
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        &labels.braille_title
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}.pef")
    }
    fn by_default(&self, layout: Option<&Layout>) -> bool {
        layout.is_some_and(|l| l.braille.build)
    }
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        _made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let layout = cx.layout(programme)?;
        // louis-rs calls itself alpha: should it panic on some text, the braille version fails
        // alone, and the programme's other outputs are still made.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            render(programme, cx.source, &layout.braille)
        }))
        .unwrap_or_else(|panic| {
            let message = crate::diagnostics::panic_message(&*panic);
            Err(vec![
                Diagnostic::error(
                    cx.source,
                    None,
                    t!("internal-error", kind = self.name(), message = message),
                )
                .with_help(t!(
                    "internal-error.help",
                    source = programme.source.as_str()
                )),
            ])
        })
    }
}

/// What the manifest records of a braille version.
#[derive(Debug, Serialize)]
struct Facts<'a> {
    braille: &'a str,
    cols: u32,
    rows: u32,
    volumes: usize,
    summary_pages: usize,
}

/// The PEF of `programme`, or the error of a language without braille tables.
pub fn render(
    programme: &Programme,
    source: &Arc<SourceFile>,
    settings: &BrailleSettings,
) -> Result<Rendered, Vec<Diagnostic>> {
    let lang = programme.meta.lang.as_str();
    let Some(code) = programme
        .languages
        .of(lang)
        .and_then(|language| language.braille.as_ref())
    else {
        return Err(vec![no_table(programme, source)]);
    };
    let translator = tables::translator(&code.tables).map_err(|error| {
        vec![
            Diagnostic::error(
                source,
                lang_line(source),
                t!(
                    "braille-table-broken",
                    tables = code.tables.join(", "),
                    lang = lang,
                    error = error
                ),
            )
            .with_help(t!("braille-table-broken.help")),
        ]
    })?;
    let mut writer = Writer {
        programme,
        code,
        main: translator,
        undefined: BTreeMap::new(),
        pieces: Vec::new(),
    };
    let labels = programme.labels();
    let cols = settings.cols as usize;
    // The first row of a page holds its number.
    let text_rows = settings.rows.saturating_sub(1) as usize;
    let hyphen = writer.hyphen();

    writer.summary(labels);
    let summary = format::set(
        &std::mem::take(&mut writer.pieces),
        cols,
        text_rows,
        &hyphen,
    );
    writer.programme_text(labels);
    let text = format::set(
        &std::mem::take(&mut writer.pieces),
        cols,
        text_rows,
        &hyphen,
    );

    let sides = if settings.duplex { 2 } else { 1 };
    // A volume's sheets: its title page's (one), its text's.
    let max_pages = (settings.volume_sheets as usize).saturating_sub(1) * sides;
    let text_volumes = format::volumes(&text, max_pages);
    let count = 1 + text_volumes.len();

    let mut volumes = Vec::with_capacity(count);
    volumes.push(pef::Volume {
        sections: vec![
            writer.title_page(
                1,
                count,
                Some(&labels.summary_title),
                cols,
                text_rows,
                &hyphen,
            ),
            writer.numbered(&summary, 0, cols),
        ],
    });
    let mut number = 0;
    for (i, range) in text_volumes.iter().enumerate() {
        let pages = &text[range.clone()];
        volumes.push(pef::Volume {
            sections: vec![
                writer.title_page(i + 2, count, None, cols, text_rows, &hyphen),
                writer.numbered(pages, number, cols),
            ],
        });
        number += pages.len();
    }

    let meta = &programme.meta;
    let name = format!(
        "{}/{}",
        meta.region,
        programme.output_file(super::OutputKind::named("braille").expect("in KINDS"))
    );
    let pef = pef::write(
        &pef::Head {
            name: &name,
            title: &meta.title,
            creator: meta.party.as_deref(),
            publisher: meta.publisher.as_deref(),
            language: lang,
            date: meta.date.as_deref().and_then(pef::iso_date),
            description: &code.name,
        },
        &pef::Geometry {
            cols: settings.cols,
            rows: settings.rows,
            duplex: settings.duplex,
        },
        &volumes,
    );
    let pages = volumes
        .iter()
        .flat_map(|volume| &volume.sections)
        .map(Vec::len)
        .sum::<usize>();
    let mut warnings = Vec::new();
    if let Some(warning) = writer.undefined_warning(source) {
        warnings.push(warning);
    }
    let facts = Facts {
        braille: &code.name,
        cols: settings.cols,
        rows: settings.rows,
        volumes: count,
        summary_pages: summary.len(),
    };
    Ok(Rendered {
        bytes: pef.into_bytes(),
        pages: Some(pages as u32),
        summary: Some(t!(
            "braille-made",
            cols = settings.cols,
            rows = settings.rows,
            volumes = count,
            pages = pages,
            code = code.name.as_str()
        )),
        warnings,
        ..Rendered::default()
    }
    .with_facts(&facts))
}

/// The line of the front matter's `lang:`, if it has one.
fn lang_line(source: &SourceFile) -> Option<std::ops::Range<usize>> {
    source
        .text
        .lines()
        .position(|line| line.starts_with("lang:"))
        .map(|index| source.line_span(index + 1))
}

fn no_table(programme: &Programme, source: &Arc<SourceFile>) -> Diagnostic {
    let lang = programme.meta.lang.as_str();
    Diagnostic::error(
        source,
        lang_line(source),
        t!("braille-no-table", lang = lang),
    )
    .with_help(t!(
        "braille-no-table.help",
        languages = crate::language::with_braille().join(", "),
        source = programme.source.as_str(),
        lang = crate::language::primary(lang)
    ))
}

/// Translates and collects the pieces of the book.
struct Writer<'a> {
    programme: &'a Programme,
    code: &'a BrailleCode,
    main: Arc<Translator>,
    /// Characters the tables have no braille for: each with the first line it is on.
    undefined: BTreeMap<char, usize>,
    pieces: Vec<Piece>,
}

impl Writer<'_> {
    /// The cells that end the part of a word cut at a row's end: the table's hyphen.
    fn hyphen(&mut self) -> String {
        let hyphen = self.translate("-", None, 0);
        if hyphen.is_empty() || hyphen.contains(BLANK) {
            "⠤".to_string()
        } else {
            hyphen
        }
    }

    /// `text` in braille: in the programme's language, or in `lang`'s where it is another
    /// language with tables of its own (between the signs the programme's braille gives such
    /// passages). Characters the tables do not have are written as liblouis writes them,
    /// `\x1f600/`, and remembered for the warning; the result has only 6-dot cells.
    fn translate(&mut self, text: &str, lang: Option<&str>, line: usize) -> String {
        let text = plain(text);
        if text.trim().is_empty() {
            // The space between two parts in other languages.
            return if text.is_empty() {
                String::new()
            } else {
                BLANK.to_string()
            };
        }
        let other = lang.filter(|lang| {
            crate::language::primary(lang) != crate::language::primary(&self.programme.meta.lang)
        });
        // Another language's own tables where it has them; the programme's where it has none.
        let translator = other
            .and_then(|lang| self.programme.languages.of(lang))
            .and_then(|language| language.braille.as_ref())
            .and_then(|code| tables::translator(&code.tables).ok())
            .unwrap_or_else(|| Arc::clone(&self.main));
        let cells = self.translate_with(&translator, &text, line);
        match (other, &self.code.other_language) {
            // The signs go round the words, inside the blanks that join the part to its text.
            (Some(_), Some([before, after])) => {
                let words = cells.trim_matches(BLANK);
                cells.replacen(words, &format!("{before}{words}{after}"), 1)
            }
            _ => cells,
        }
    }

    fn translate_with(&mut self, translator: &Translator, text: &str, line: usize) -> String {
        // Nearly always every character has braille: the positions are asked for only when not.
        if let Ok(cells) = translator.translate(text)
            && cells.chars().all(is_six_dot)
        {
            return cells;
        }
        let result = translator.translate_with_options(text, TranslationOptions::default());
        let Ok(result) = result else {
            return String::new();
        };
        let chars: Vec<char> = text.chars().collect();
        let mut missing = Vec::new();
        for (at, cell) in result.output.chars().enumerate() {
            if !is_six_dot(cell) {
                let input = result
                    .input_positions
                    .as_ref()
                    .and_then(|positions| positions.get(at))
                    .copied();
                if let Some(c) = input.and_then(|i| chars.get(i)) {
                    missing.push(*c);
                }
            }
        }
        if missing.is_empty() {
            return result.output;
        }
        for c in &missing {
            self.undefined.entry(*c).or_insert(line);
        }
        let escaped: String = chars
            .iter()
            .map(|c| {
                if missing.contains(c) {
                    format!("\\x{:04x}/", *c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
        let output = translator.translate(&escaped).unwrap_or_default();
        // Never more than six dots, whatever a table does: dots 7 and 8 dropped.
        output
            .chars()
            .map(|cell| {
                if is_six_dot(cell) {
                    cell
                } else if ('\u{2800}'..='\u{28ff}').contains(&cell) {
                    char::from_u32(cell as u32 & 0x283f).unwrap_or(BLANK)
                } else {
                    BLANK
                }
            })
            .collect()
    }

    /// `inlines` in braille, each part in its own language.
    fn inlines(&mut self, inlines: &[Inline], lang: Option<&str>, line: usize) -> String {
        let mut out = String::new();
        let mut run = Vec::new();
        for inline in inlines {
            if let Inline::Lang {
                lang: part,
                content,
                ..
            } = inline
            {
                out.push_str(&self.translate(&inline_text(&run), lang, line));
                run.clear();
                out.push_str(&self.translate(&inline_text(content), Some(part), line));
            } else {
                run.push(inline.clone());
            }
        }
        out.push_str(&self.translate(&inline_text(&run), lang, line));
        out
    }

    fn text(&mut self, first: usize, rest: usize, text: &str, lang: Option<&str>, line: usize) {
        let cells = self.translate(text, lang, line);
        if !cells.trim_matches(BLANK).is_empty() {
            self.pieces.push(Piece::Text { first, rest, cells });
        }
    }

    fn heading(&mut self, level: u8, text: &str, line: usize) {
        let cells = self.translate(text, None, line);
        if !cells.trim_matches(BLANK).is_empty() {
            self.pieces.push(Piece::Heading { level, cells });
        }
    }

    /// The summary volume's text: the lead, then the pledges the summary may show under their
    /// sections' headings, and how many each section has besides.
    fn summary(&mut self, labels: &Labels) {
        let programme = self.programme;
        let lead_text = inline_text(&lead(programme));
        self.text(2, 0, &lead_text, None, 1);
        for group in pledge_groups(programme, &labels.intro) {
            let heading = inline_text(&group.heading);
            self.heading(2, &heading, group.line);
            if group.opening {
                for item in &group.items {
                    self.blocks(&item.blocks, 0, None);
                }
            } else {
                self.list(&group.items, None, 0, None);
            }
            if group.omitted > 0 {
                let more = if group.omitted == 1 {
                    labels.more_pledge.clone()
                } else {
                    labels
                        .more_pledges
                        .replace("{n}", &group.omitted.to_string())
                };
                self.text(2, 2, &more, None, group.line);
            }
        }
    }

    /// The whole programme: the front matter's text, the introduction, every section.
    fn programme_text(&mut self, labels: &Labels) {
        let programme = self.programme;
        let meta = &programme.meta;
        self.heading(1, &meta.title, 1);
        if let Some(subtitle) = &meta.subtitle {
            self.text(0, 0, subtitle, None, 1);
            self.pieces.push(Piece::Blank);
        }
        for (label, value) in [
            (&labels.party, &meta.party),
            (&labels.period, &meta.period),
            (&labels.date, &meta.date),
            (&labels.publisher, &meta.publisher),
            (&labels.contact, &meta.contact),
        ] {
            if let Some(value) = value {
                self.text(0, 2, &format!("{label}: {value}"), None, 1);
            }
        }
        if let Some(cover) = &meta.cover {
            self.text(0, 2, &format!("[{}: {}]", labels.image, cover.alt), None, 1);
        }
        if let Some(summary) = &meta.summary {
            self.pieces.push(Piece::Blank);
            self.text(2, 0, summary, None, 1);
        }
        self.pieces.push(Piece::Blank);
        self.blocks(&programme.intro, 0, None);
        for (i, section) in programme.sections.iter().enumerate() {
            self.section(section, &mut vec![i + 1]);
        }
    }

    fn section(&mut self, section: &Section, numbers: &mut Vec<usize>) {
        let heading = inline_text(&section.heading);
        let number = numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(".");
        // MTM 9.1: numbered headings tell their levels apart; one its author numbered keeps
        // the author's number.
        let text = if numbered_by_author(&heading) {
            heading.trim().to_string()
        } else if numbers.len() == 1 {
            format!("{number}. {}", heading.trim())
        } else {
            format!("{number} {}", heading.trim())
        };
        let level = if numbers.len() == 1 { 1 } else { 2 };
        self.heading(level, &text, section.line);
        self.blocks(&section.blocks, 0, None);
        for (i, subsection) in section.sections.iter().enumerate() {
            numbers.push(i + 1);
            self.section(subsection, numbers);
            numbers.pop();
        }
    }

    fn blocks(&mut self, blocks: &[Block], indent: usize, lang: Option<&str>) {
        for block in blocks {
            self.block(block, indent, lang);
        }
    }

    /// One block at `indent` cells; `lang` is the language of the passage it stands in.
    fn block(&mut self, block: &Block, indent: usize, lang: Option<&str>) {
        let line = block.line;
        match &block.kind {
            BlockKind::Paragraph { content } => {
                let cells = self.inlines(content, lang, line);
                self.push_text(indent + 2, indent, cells);
            }
            BlockKind::PledgeList {
                lead_in,
                start,
                items,
            } => {
                let cells = self.inlines(lead_in, lang, line);
                self.push_text(indent + 2, indent, cells);
                self.list(items, *start, indent, lang);
            }
            BlockKind::List { start, items } => self.list(items, *start, indent, lang),
            BlockKind::Lang { lang, blocks, .. } => self.blocks(blocks, indent, Some(lang)),
            BlockKind::Quote { blocks } => self.blocks(blocks, indent + 2, lang),
            BlockKind::Table { header, rows, .. } => {
                self.pieces.push(Piece::Blank);
                if rows.is_empty() {
                    for cell in header {
                        self.text(indent, indent + 2, &inline_text(cell), lang, line);
                    }
                }
                for (i, row) in rows.iter().enumerate() {
                    if i > 0 {
                        self.pieces.push(Piece::Blank);
                    }
                    for (column, cell) in row.iter().enumerate() {
                        let label = header.get(column).map(|h| inline_text(h));
                        let value = inline_text(cell);
                        let text = match label.as_deref().map(str::trim) {
                            Some(label) if !label.is_empty() => format!("{label}: {value}"),
                            _ => value,
                        };
                        self.text(indent, indent + 2, &text, lang, line);
                    }
                }
                self.pieces.push(Piece::Blank);
            }
            BlockKind::Image(image) => {
                let labels = self.programme.labels();
                let text = format!("[{}: {}]", labels.image, image.alt);
                self.text(indent, indent + 2, &text, lang, line);
            }
            BlockKind::Preformatted { text } => {
                for text_line in text.lines() {
                    self.text(indent, indent + 2, text_line, lang, line);
                }
            }
            // MTM 9.6: a line of dots 2, 3, 5, 6 sets a passage apart.
            BlockKind::ThematicBreak => self.pieces.push(Piece::Text {
                first: indent + 4,
                rest: indent,
                cells: "⠶".repeat(8),
            }),
        }
    }

    fn push_text(&mut self, first: usize, rest: usize, cells: String) {
        if !cells.trim_matches(BLANK).is_empty() {
            self.pieces.push(Piece::Text { first, rest, cells });
        }
    }

    /// A list: each item's marker (the language's bullet, or its number) at `indent`, its text
    /// hanging two cells further in; a pledge's lead phrase on a row of its own.
    fn list(&mut self, items: &[ListItem], start: Option<u64>, indent: usize, lang: Option<&str>) {
        let bullet = self.code.bullet.clone();
        for (i, item) in items.iter().enumerate() {
            let marker = match start {
                Some(start) => format!("{}.", start + i as u64),
                None => bullet.clone(),
            };
            let marker = self.translate(&marker, None, 0);
            let inner = indent + 2;
            let mut blocks = item.blocks.iter();
            if let Some(first) = blocks.next() {
                let line = first.line;
                if let Some((lead_text, rest)) = lead_phrase(first) {
                    let lead_cells = self.translate(&lead_text, lang, line);
                    self.push_text(indent, inner, format!("{marker}{BLANK}{lead_cells}"));
                    let rest = self.translate(&rest, lang, line);
                    self.push_text(inner, inner, rest);
                } else if let BlockKind::Paragraph { content } = &first.kind {
                    let cells = self.inlines(content, lang, line);
                    self.push_text(indent, inner, format!("{marker}{BLANK}{cells}"));
                } else {
                    self.push_text(indent, inner, marker);
                    self.block(first, inner, lang);
                }
            }
            for block in blocks {
                self.block(block, inner, lang);
            }
        }
    }

    /// A volume's title page: the title, subtitle, party and period, what the volume holds
    /// and its place among the volumes.
    fn title_page(
        &mut self,
        volume: usize,
        volumes: usize,
        holds: Option<&str>,
        cols: usize,
        text_rows: usize,
        hyphen: &str,
    ) -> Vec<Vec<String>> {
        let saved = std::mem::take(&mut self.pieces);
        let meta = &self.programme.meta;
        self.heading(1, &meta.title, 1);
        if let Some(subtitle) = &meta.subtitle {
            self.text(0, 0, subtitle, None, 1);
        }
        self.pieces.push(Piece::Blank);
        for value in [&meta.party, &meta.period].into_iter().flatten() {
            self.text(0, 2, value, None, 1);
        }
        self.pieces.push(Piece::Blank);
        if let Some(holds) = holds {
            self.text(0, 2, holds, None, 0);
        }
        let place = self
            .code
            .volume
            .replace("{n}", &volume.to_string())
            .replace("{of}", &volumes.to_string());
        self.text(0, 2, &place, None, 0);
        let pieces = std::mem::replace(&mut self.pieces, saved);
        format::set(&pieces, cols, text_rows, hyphen)
            .into_iter()
            .map(|page| {
                // A title page has no number: its first row is blank.
                std::iter::once(String::new()).chain(page.rows).collect()
            })
            .collect()
    }

    /// `pages` with their numbers (from `before + 1`) at the right of their first rows.
    fn numbered(&mut self, pages: &[format::Page], before: usize, cols: usize) -> Vec<Vec<String>> {
        pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                let number = self.translate(&(before + i + 1).to_string(), None, 0);
                let width = number.chars().count();
                let number_row = format!(
                    "{}{number}",
                    BLANK.to_string().repeat(cols.saturating_sub(width))
                );
                std::iter::once(number_row)
                    .chain(page.rows.iter().cloned())
                    .collect()
            })
            .collect()
    }

    /// The warning for the characters the tables have no braille for.
    fn undefined_warning(&self, source: &Arc<SourceFile>) -> Option<Diagnostic> {
        let (&first, &line) = self.undefined.iter().min_by_key(|(_, line)| **line)?;
        // Words the tables add (a list's marker) have no line: the title's then.
        let line = line.max(1);
        Some(
            Diagnostic::warning(
                source,
                Some(source.line_span(line)),
                t!(
                    "braille-undefined",
                    count = self.undefined.len(),
                    tables = self.code.tables.join(", "),
                    first = format!("{first} (U+{:04X})", first as u32),
                    line = line
                ),
            )
            .with_help(t!("braille-undefined.help")),
        )
    }
}

/// Whether `cell` is a braille cell of six dots at most (U+2800–U+283F).
fn is_six_dot(cell: char) -> bool {
    ('\u{2800}'..='\u{283f}').contains(&cell)
}

/// Text as the tables take it: one space for any run of white space (a line break, a no-break
/// space; kept at the ends, where another part joins), without the invisible hints for print
/// and screen (soft hyphens, zero-width spaces, joiners).
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        // Joiners shape letters on screen (Persian's half-space, U+200C); braille has no cell
        // for them.
        if matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}
