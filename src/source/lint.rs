//! What a campaign worker and an accessibility reviewer are told about a valid programme, as
//! warnings at their line: alt text that says nothing, link text that says nothing, a list
//! pasted with bullet characters, and a list that is not a pledge list (so not in the summary).

use std::sync::Arc;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::model::{Block, BlockKind, Inline, Programme, depth_first, plain_text};

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
        if matches!(block.kind, BlockKind::Paragraph { .. }) && pasted_list(file, block.line) {
            warnings.push(
                Diagnostic::warning(file, at.clone(), "this paragraph looks like a list pasted with bullet characters")
                    .with_help("start each line with `- ` to make a list (after a paragraph ending with `:` it is a pledge list, in the summary)"),
            );
        }
    }
    let mut areas: Vec<&[Block]> = vec![&programme.intro];
    areas.extend(programme.all_sections().iter().map(|s| s.blocks.as_slice()));
    for blocks in areas {
        let pledges = blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::PledgeList { .. }));
        let list = depth_first(blocks)
            .into_iter()
            .find(|b| matches!(b.kind, BlockKind::List { start: None, .. }));
        if let (false, Some(list)) = (pledges, list) {
            warnings.push(
                Diagnostic::warning(
                    file,
                    Some(file.line_span(list.line)),
                    "this list is no pledge list: the paragraph before it does not end with `:`, so its items are not in the one-page summary",
                )
                .with_help("end the paragraph before the list with a colon (`Därför vill vi:`) if the items are pledges"),
            );
        }
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

/// Whether the paragraph at `line` has two or more lines that start with a bullet character.
fn pasted_list(file: &SourceFile, line: usize) -> bool {
    file.text
        .lines()
        .skip(line.saturating_sub(1))
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| {
            l.trim_start()
                .strip_prefix(PASTED_BULLETS)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .count()
        >= 2
}
