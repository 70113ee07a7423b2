//! What a campaign worker and an accessibility reviewer are told about a valid programme, as
//! warnings at their line: alt text that says nothing, link text that says nothing, a list
//! pasted with bullet characters, a table without column headings, and a programme in which
//! no pledge list was found.

use std::sync::Arc;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::model::{BlockKind, Inline, Programme, plain_text};

/// Link texts that say nothing of where a link goes (WCAG 2.4.4), lowercase.
pub const VAGUE_LINK_TEXTS: &[&str] = &[
    "klicka här",
    "här",
    "läs mer",
    "mer",
    "länk",
    "click here",
    "here",
    "read more",
    "more",
    "link",
];

/// Alt texts that say nothing of what a picture shows, lowercase.
const EMPTY_ALT_TEXTS: &[&str] = &[
    "bild", "bilden", "foto", "fotot", "image", "photo", "picture", "img", "logo", "logotyp",
];

/// The characters a list pasted from a word processor starts its lines with.
const PASTED_BULLETS: &[char] = &['•', '·', '–', '—', '▪', '◦'];

/// Whether a link's text says nothing of where it goes.
pub fn is_vague_link_text(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    VAGUE_LINK_TEXTS.contains(&lower.trim_end_matches(['.', '!', ':', '…']).trim())
}

/// Whether a link's text is an address rather than words.
pub fn is_bare_address(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// The warnings of a valid programme.
pub fn lint(programme: &Programme, file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for image in programme.images() {
        let alt = image.alt.trim().to_lowercase();
        let letters = alt.chars().filter(|c| c.is_alphabetic()).count();
        if EMPTY_ALT_TEXTS.contains(&alt.as_str()) || letters < 5 {
            warnings.push(
                Diagnostic::warning(
                    file,
                    Some(image.at.clone()),
                    format!("the alt text `{}` says nothing about the picture", image.alt.trim()),
                )
                .with_help("describe what the picture shows, as to someone who cannot see it: `Sjukhuset i Kalix en vinterdag`"),
            );
        }
    }
    // The file's lines, split once: a paragraph's are looked up by number, never by scanning
    // the file again (that was quadratic in a source of many short paragraphs).
    let lines: Vec<&str> = file.text.lines().collect();
    for block in programme.blocks() {
        let at = Some(file.line_span(block.line));
        for run in block.own_inlines() {
            for (text, _) in links(run) {
                if is_vague_link_text(&text) {
                    warnings.push(
                        Diagnostic::warning(file, at.clone(), format!("the link text `{text}` says nothing of where the link goes"))
                            .with_help("write what the reader finds there: `[Trafikverkets sida om vägarbeten](https://…)`"),
                    );
                } else if is_bare_address(&text) {
                    warnings.push(
                        Diagnostic::warning(file, at.clone(), format!("the link text `{text}` is an address, not words"))
                            .with_help("a screen reader reads an address letter by letter: write what the reader finds there, `[Regionens budget](https://…)`"),
                    );
                }
            }
        }
        if let BlockKind::Table { header, .. } = &block.kind
            && header.iter().all(|cell| plain_text(cell).trim().is_empty())
        {
            warnings.push(
                Diagnostic::warning(file, at.clone(), "this table's header row is empty: readers and screen readers cannot tell what its columns hold")
                    .with_help("write a heading for each column in the table's first row, e.g. `| Sjukhus | Vårdplatser |`"),
            );
        }
        if matches!(block.kind, BlockKind::Paragraph { .. }) && pasted_list(&lines, block.line) {
            warnings.push(
                Diagnostic::warning(file, at.clone(), "this paragraph looks like a list pasted with bullet characters")
                    .with_help("start each line with `- ` to make a list (after a lead-in such as `Därför vill vi:` it is a pledge list, in the summary)"),
            );
        }
    }
    // A programme of sections or lists without a pledge (a note of one paragraph is none).
    let has_shape = !programme.sections.is_empty()
        || programme
            .blocks()
            .iter()
            .any(|b| matches!(b.kind, BlockKind::List { .. }));
    if has_shape && programme.pledge_count() == 0 {
        let at = programme
            .blocks()
            .into_iter()
            .find(|b| matches!(b.kind, BlockKind::List { .. }))
            .map(|list| file.line_span(list.line));
        warnings.push(
            Diagnostic::warning(
                file,
                at,
                "no pledges found: the one-page summary will show each section's opening instead",
            )
            .with_help("a list is a pledge list after a paragraph that announces it and ends with a colon (`Därför vill vi:`), under a heading that names pledges (`Våra löften`), or with `<!-- pledges -->` on the line before it"),
        );
    }
    warnings
}

/// The links of a run of inlines: their text and address.
fn links(inlines: &[Inline]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Link { url, content } => {
                out.push((plain_text(content).trim().to_string(), url.clone()))
            }
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content } => out.extend(links(content)),
            Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak => {}
        }
    }
    out
}

/// Whether the paragraph at `line` (1-based, of `lines`) has two or more lines that start with a
/// bullet character.
fn pasted_list(lines: &[&str], line: usize) -> bool {
    lines
        .get(line.saturating_sub(1)..)
        .unwrap_or_default()
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| {
            l.trim_start()
                .strip_prefix(PASTED_BULLETS)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .count()
        >= 2
}
