//! The accessible plain-text version, following WCAG's plain-text techniques T1–T3.
//!
//! - first a short notice of what the file is and how it differs from print (no page numbers);
//! - UTF-8, paragraphs separated by one blank line;
//! - the title underlined with `=`; sections numbered (`1.`, `1.1`, …), each heading preceded by
//!   two blank lines and followed by one, level-2 headings also underlined with `-`;
//! - one marker per list (`•`, or numbers for ordered lists), nested lists indented;
//! - lines wrapped at 72 characters at spaces only: a longer word or URL stays whole on its line;
//! - links as "text (URL)", images as "[Bild: alt]" (the word follows `lang`).

use super::context::{Made, RenderContext};
use super::kind::{Output, Rendered};
use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
use crate::model::{Block, BlockKind, Inline, ListItem, Programme, Section};

/// The accessible plain-text version (`<slug>.txt`).
pub struct TextOutput;
pub const TEXT: TextOutput = TextOutput;

impl Output for TextOutput {
    fn name(&self) -> &'static str {
        "text"
    }
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        &labels.text_title
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}.txt")
    }
    fn render(
        &self,
        programme: &Programme,
        _cx: &RenderContext,
        _made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        Ok(Rendered {
            bytes: render(programme).into_bytes(),
            ..Rendered::default()
        })
    }
}

/// The longest line, unless a single word or URL is longer.
pub const WIDTH: usize = 72;

/// Renders the plain-text version. Same programme → same bytes.
pub fn render(programme: &Programme) -> String {
    let labels = programme.labels();
    let mut w = Writer {
        out: String::new(),
        pending_blank_lines: 0,
        labels,
    };
    w.front_matter(programme);
    w.blocks(&programme.intro, 0);
    let mut numbers = Vec::new();
    for (i, section) in programme.sections.iter().enumerate() {
        numbers.push(i + 1);
        w.section(section, &mut numbers);
        numbers.pop();
    }
    if !w.out.is_empty() && !w.out.ends_with('\n') {
        w.out.push('\n');
    }
    // Soft hyphens, zero-width spaces and word joiners are hints for print; in a text read
    // aloud or searched they only split words. (Joiners between letters, ZWJ and ZWNJ, stay:
    // some scripts and emoji need them.)
    w.out
        .retain(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}'));
    w.out
}

/// `text` wrapped at [`WIDTH`] at spaces only: the first line starts with `first`, the others
/// with `rest`; a hard line break (`\n`) starts a new line with `rest`. A word longer than a
/// line stays whole on a line of its own.
pub fn wrap(text: &str, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut prefix = first;
    for segment in text.split('\n') {
        let segment = segment.trim();
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(prefix)
            .subsequent_indent(rest)
            .break_words(false)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        if segment.is_empty() {
            lines.push(prefix.to_string());
        }
        lines.extend(
            textwrap::wrap(segment, &options)
                .into_iter()
                .map(|line| line.into_owned()),
        );
        prefix = rest;
    }
    lines
}

struct Writer<'a> {
    out: String,
    pending_blank_lines: usize,
    labels: &'a Labels,
}

impl Writer<'_> {
    /// Asks for at least `n` blank lines before whatever comes next (none at the top).
    fn blank(&mut self, n: usize) {
        self.pending_blank_lines = self.pending_blank_lines.max(n);
    }

    fn line(&mut self, text: &str) {
        if !self.out.is_empty() {
            for _ in 0..self.pending_blank_lines {
                self.out.push('\n');
            }
        }
        self.pending_blank_lines = 0;
        self.out.push_str(text.trim_end());
        self.out.push('\n');
    }

    /// Writes `text` wrapped at [`WIDTH`]: the first line starts with `first`, the others with
    /// `rest`. Hard line breaks (`\n`) in `text` start a new line with `rest`.
    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        for line in wrap(text, first, rest) {
            self.line(&line);
        }
    }

    fn front_matter(&mut self, programme: &Programme) {
        let meta = &programme.meta;
        self.wrapped(&self.labels.text_notice, "", "");
        self.blank(2);
        self.heading(&meta.title, '=');
        if let Some(subtitle) = &meta.subtitle {
            self.blank(1);
            self.wrapped(subtitle, "", "");
        }
        self.blank(1);
        let labels = self.labels;
        for (label, value) in [
            (&labels.party, &meta.party),
            (&labels.period, &meta.period),
            (&labels.date, &meta.date),
            (&labels.publisher, &meta.publisher),
            (&labels.contact, &meta.contact),
        ] {
            if let Some(value) = value {
                self.wrapped(&format!("{label}: {value}"), "", "  ");
            }
        }
        if let Some(cover) = &meta.cover {
            self.blank(1);
            self.wrapped(&format!("[{}: {}]", labels.image, cover.alt), "", " ");
        }
        if let Some(summary) = &meta.summary {
            self.blank(1);
            self.wrapped(summary, "", "");
        }
        self.blank(1);
    }

    /// A heading line (wrapped if long), underlined with `underline` to its longest line.
    fn heading(&mut self, text: &str, underline: char) {
        let lines = wrap(text, "", "");
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        for line in &lines {
            self.line(line);
        }
        self.line(&underline.to_string().repeat(longest.min(WIDTH)));
    }

    fn section(&mut self, section: &Section, numbers: &mut Vec<usize>) {
        let number = numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let number = if numbers.len() == 1 {
            format!("{number}.")
        } else {
            number
        };
        // A heading the author numbered ("1. Kestävä talous") keeps its number and gets none.
        let heading = inline_text(&section.heading);
        let text = if numbered_by_author(&heading) {
            heading.trim().to_string()
        } else {
            format!("{number} {heading}")
        };
        self.blank(2);
        if numbers.len() == 1 {
            self.heading(&text, '-');
        } else {
            self.wrapped(&text, "", "");
        }
        self.blank(1);
        self.blocks(&section.blocks, 0);
        for (i, subsection) in section.sections.iter().enumerate() {
            numbers.push(i + 1);
            self.section(subsection, numbers);
            numbers.pop();
        }
    }

    fn blocks(&mut self, blocks: &[Block], indent: usize) {
        for block in blocks {
            self.blank(1);
            self.block(block, indent, None);
        }
    }

    /// One block at `indent`; `marker` replaces the indent of its first line (list items).
    fn block(&mut self, block: &Block, indent: usize, marker: Option<&str>) {
        let pad = " ".repeat(indent);
        let first = marker.map_or_else(|| pad.clone(), |m| format!("{pad}{m}"));
        let rest = " ".repeat(first.chars().count());
        let rest = if marker.is_some() { rest } else { pad.clone() };
        let inner = rest.chars().count();
        match &block.kind {
            BlockKind::Paragraph { content } => self.wrapped(&inline_text(content), &first, &rest),
            BlockKind::PledgeList {
                lead_in,
                start,
                items,
            } => {
                let lead_in = inline_text(lead_in);
                if !lead_in.trim().is_empty() {
                    self.wrapped(&lead_in, &first, &rest);
                    // A paragraph ends with a blank line (WCAG T1), the lead-in too.
                    self.blank(1);
                } else if marker.is_some() {
                    self.line(&first);
                }
                self.list(items, *start, inner);
            }
            BlockKind::List { start, items } => {
                if marker.is_some() {
                    self.line(&first);
                }
                self.list(items, *start, inner);
            }
            // Another language's blocks: as written, in their place.
            BlockKind::Lang { blocks, .. } => {
                for (i, block) in blocks.iter().enumerate() {
                    if i > 0 {
                        self.blank(1);
                    }
                    self.block(block, indent, if i == 0 { marker } else { None });
                }
            }
            BlockKind::Quote { blocks } => {
                if marker.is_some() {
                    self.line(&first);
                }
                for (i, block) in blocks.iter().enumerate() {
                    if i > 0 {
                        self.blank(1);
                    }
                    self.block(block, inner + 4, None);
                }
            }
            BlockKind::Table { header, rows, .. } => {
                if marker.is_some() {
                    self.line(&first);
                }
                // A table of a header row alone (a framed note, as Word documents have): its
                // cells, so that nothing of it is lost.
                if rows.is_empty() {
                    for cell in header {
                        let text = inline_text(cell);
                        if !text.trim().is_empty() {
                            self.wrapped(&text, &rest, &format!("{rest}  "));
                        }
                    }
                }
                for (i, row) in rows.iter().enumerate() {
                    if i > 0 {
                        self.blank(1);
                    }
                    for (column, cell) in row.iter().enumerate() {
                        let label = header
                            .get(column)
                            .map(|h| inline_text(h))
                            .unwrap_or_default();
                        let value = inline_text(cell);
                        let text = if label.trim().is_empty() {
                            value
                        } else {
                            format!("{}: {value}", label.trim())
                        };
                        self.wrapped(&text, &rest, &format!("{rest}  "));
                    }
                }
            }
            BlockKind::Image(image) => {
                self.wrapped(
                    &format!("[{}: {}]", self.labels.image, image.alt),
                    &first,
                    &format!("{rest} "),
                );
            }
            BlockKind::Preformatted { text } => {
                if marker.is_some() {
                    self.line(&first);
                }
                for line in text.lines() {
                    self.wrapped(line, &rest, &rest);
                }
            }
            BlockKind::ThematicBreak => self.line(&format!("{first}– – –")),
        }
    }

    fn list(&mut self, items: &[ListItem], start: Option<u64>, indent: usize) {
        let last_number = start.map(|s| s + items.len().saturating_sub(1) as u64);
        let number_width = last_number.map_or(0, |n| n.to_string().len());
        for (i, item) in items.iter().enumerate() {
            let marker = match start {
                Some(start) => format!("{:>number_width$}. ", start + i as u64),
                None => "• ".to_string(),
            };
            self.item(item, &marker, indent);
        }
    }

    fn item(&mut self, item: &ListItem, marker: &str, indent: usize) {
        let inner = indent + marker.chars().count();
        let mut blocks = item.blocks.iter();
        match blocks.next() {
            None => self.line(&format!("{}{}", " ".repeat(indent), marker)),
            Some(first) => {
                if let Some((lead, rest)) = lead_phrase(first) {
                    // A pledge that opens with a bold lead phrase: the phrase on its own line.
                    self.wrapped(
                        &lead,
                        &format!("{}{marker}", " ".repeat(indent)),
                        &" ".repeat(inner),
                    );
                    self.wrapped(&rest, &" ".repeat(inner), &" ".repeat(inner));
                } else {
                    self.block(first, indent, Some(marker));
                }
            }
        }
        for block in blocks {
            if !matches!(block.kind, BlockKind::List { .. }) {
                self.blank(1);
            }
            self.block(block, inner, None);
        }
    }
}

/// A paragraph that opens with a bold phrase followed by more text: (phrase, rest).
pub(crate) fn lead_phrase(block: &Block) -> Option<(String, String)> {
    let BlockKind::Paragraph { content } = &block.kind else {
        return None;
    };
    let (Inline::Strong { content: lead }, rest) = content.split_first()? else {
        return None;
    };
    let rest = inline_text(rest);
    let mut lead = inline_text(lead).trim().to_string();
    // Punctuation after the bold phrase (`**Korta köerna**.`) ends the phrase's line.
    let after = rest.trim_start();
    let punctuation = after
        .find(|c: char| !matches!(c, '.' | ',' | ':' | ';' | '!' | '?' | ')' | '…'))
        .unwrap_or(after.len());
    lead.push_str(&after[..punctuation]);
    let rest = after[punctuation..].trim();
    (!rest.is_empty()).then(|| (lead, rest.to_string()))
}

/// Whether a heading starts with its author's own number: "1. Talous", "2.3 Koulut", "IV. Vård".
pub(crate) fn numbered_by_author(heading: &str) -> bool {
    let heading = heading.trim_start();
    let number = heading
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(heading.len());
    let roman = heading
        .find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L'))
        .unwrap_or(heading.len());
    let digits = &heading[..number];
    // "2030 – ett län" is a year, not a number: an author's number has a dot or is short.
    let is_number = digits.starts_with(|c: char| c.is_ascii_digit())
        && (digits.contains('.') || digits.len() <= 2)
        && heading[number..].starts_with([' ', '\u{a0}', ')']);
    let is_roman = roman > 0
        && heading[roman..].starts_with(['.', ')'])
        && heading[roman + 1..].starts_with(' ');
    is_number || is_roman
}

/// Inlines as plain text: links become "text (URL)", hard line breaks `\n`.
pub(crate) fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(inlines, &mut out);
    out
}

fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Lang { content, .. } => push_inline_text(content, out),
            Inline::Link { url, content } => {
                let text = inline_text(content);
                let shown_url = url.strip_prefix("mailto:").unwrap_or(url);
                out.push_str(&text);
                if text.trim() != shown_url && text.trim() != url {
                    out.push_str(" (");
                    out.push_str(shown_url);
                    out.push(')');
                }
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    fn programme(intro: Vec<Block>, sections: Vec<Section>) -> Programme {
        Programme {
            source: "programmes/x/y.md".into(),
            slug: "y".into(),
            meta: Metadata {
                title: "Vårt program".into(),
                subtitle: None,
                region: "x".into(),
                lang: "sv".into(),
                party: Some("Partiet".into()),
                period: None,
                date: None,
                publisher: None,
                contact: None,
                summary: None,
                summary_pledges: None,
                summary_overflow: None,
                lix_target: None,
                cover: None,
                translation_of: None,
                translations_out_of_date: None,
            },
            intro,
            sections,
            languages: Default::default(),
            translation: None,
        }
    }

    fn paragraph(text: &str) -> Block {
        Block {
            line: 1,
            kind: BlockKind::Paragraph {
                content: vec![Inline::text(text)],
            },
        }
    }

    fn section(level: u8, heading: &str, blocks: Vec<Block>, sections: Vec<Section>) -> Section {
        Section {
            level,
            heading: vec![Inline::text(heading)],
            line: 1,
            blocks,
            sections,
        }
    }

    #[test]
    fn wraps_at_72_at_spaces_and_keeps_long_words_whole() {
        let long_word = "x".repeat(90);
        let text = format!("{} {long_word} slut", "ord ".repeat(40));
        let out = render(&programme(vec![paragraph(&text)], vec![]));
        for line in out.lines() {
            assert!(
                line.chars().count() <= WIDTH || !line.contains(' '),
                "too long: {line:?}"
            );
        }
        assert!(out.lines().any(|l| l == long_word));
    }

    #[test]
    fn headings_have_two_blank_lines_before_one_after_and_visible_levels() {
        let p = programme(
            vec![paragraph("Inledning.")],
            vec![section(
                2,
                "Jobben",
                vec![paragraph("Text.")],
                vec![section(3, "Skola", vec![paragraph("Mer.")], vec![])],
            )],
        );
        let out = render(&p);
        let (notice, rest) = out.split_once("\n\n\n").unwrap();
        assert!(notice.starts_with("Det här är textversionen av programmet"));
        assert_eq!(
            rest,
            "Vårt program\n============\n\nParti: Partiet\n\nInledning.\n\n\n1. Jobben\n---------\n\nText.\n\n\n1.1 Skola\n\nMer.\n"
        );
    }

    #[test]
    fn lists_links_and_images() {
        let items = vec![
            ListItem {
                blocks: vec![paragraph("ett")],
                in_summary: false,
            },
            ListItem {
                in_summary: false,
                blocks: vec![
                    paragraph("två"),
                    Block {
                        line: 1,
                        kind: BlockKind::List {
                            start: Some(9),
                            items: vec![
                                ListItem {
                                    blocks: vec![paragraph("inre")],
                                    in_summary: false,
                                };
                                2
                            ],
                        },
                    },
                ],
            },
        ];
        let link = Block {
            line: 1,
            kind: BlockKind::Paragraph {
                content: vec![Inline::Link {
                    url: "https://s.se".into(),
                    content: vec![Inline::text("Läs")],
                }],
            },
        };
        let image = Block {
            line: 1,
            kind: BlockKind::Image(crate::model::Image {
                path: "a.png".into(),
                alt: "En karta".into(),
                at: 0..0,
            }),
        };
        let p = programme(
            vec![
                Block {
                    line: 1,
                    kind: BlockKind::List { start: None, items },
                },
                link,
                image,
            ],
            vec![],
        );
        let out = render(&p);
        assert!(
            out.contains("• ett\n• två\n   9. inre\n  10. inre\n"),
            "{out}"
        );
        assert!(out.contains("\nLäs (https://s.se)\n"));
        assert!(out.contains("\n[Bild: En karta]\n"));
    }

    #[test]
    fn author_numbers_and_lead_phrase_punctuation_are_kept_once() {
        assert!(numbered_by_author("1. Kestävä talous"));
        assert!(numbered_by_author("2.3 Koulut"));
        assert!(numbered_by_author("IV. Vård"));
        assert!(!numbered_by_author("2030 – ett hållbart län"));
        assert!(!numbered_by_author("Vård och omsorg"));
        let out = render(&programme(
            vec![],
            vec![section(
                2,
                "1. Kestävä talous",
                vec![paragraph("Teksti.")],
                vec![],
            )],
        ));
        assert!(out.contains("\n1. Kestävä talous\n"), "{out}");
        assert!(!out.contains("1. 1."), "{out}");
        let pledge = Block {
            line: 1,
            kind: BlockKind::Paragraph {
                content: vec![
                    Inline::Strong {
                        content: vec![Inline::text("Korta köerna")],
                    },
                    Inline::text(". Vi behöver fler."),
                ],
            },
        };
        assert_eq!(
            lead_phrase(&pledge),
            Some(("Korta köerna.".to_string(), "Vi behöver fler.".to_string()))
        );
    }
}
