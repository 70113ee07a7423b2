//! What a campaign worker and an accessibility reviewer are told about a valid programme, as
//! warnings at their line: alt text that says nothing, link text that says nothing, a table without column headings, and a programme in which
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
    // A language without a file: its text is typeset, its outputs' own words are English.
    if programme.languages.of(&programme.meta.lang).is_none() {
        let at = file
            .text
            .lines()
            .position(|line| line.starts_with("lang:"))
            .map(|index| file.line_span(index + 1));
        warnings.push(
            Diagnostic::warning(
                file,
                at,
                t!("no-language-file", lang = programme.meta.lang.as_str()),
            )
            .with_help(t!(
                "no-language-file.help",
                lang = programme.meta.lang.as_str()
            )),
        );
    }
    for image in programme.images() {
        let alt = image.alt.trim().to_lowercase();
        let letters = alt.chars().filter(|c| c.is_alphabetic()).count();
        if EMPTY_ALT_TEXTS.contains(&alt.as_str()) || letters < 5 {
            warnings.push(
                Diagnostic::warning(
                    file,
                    Some(image.at.clone()),
                    t!("alt-says-nothing", alt = image.alt.trim()),
                )
                .with_help(t!("alt-says-nothing.help")),
            );
        }
    }
    for block in programme.blocks() {
        let at = Some(file.line_span(block.line));
        for run in block.own_inlines() {
            for (text, _) in links(run) {
                if is_vague_link_text(&text) {
                    warnings.push(
                        Diagnostic::warning(
                            file,
                            at.clone(),
                            t!("vague-link-text", text = text.as_str()),
                        )
                        .with_help(t!("vague-link-text.help")),
                    );
                } else if is_bare_address(&text) {
                    warnings.push(
                        Diagnostic::warning(
                            file,
                            at.clone(),
                            t!("address-as-link-text", text = text.as_str()),
                        )
                        .with_help(t!("address-as-link-text.help")),
                    );
                }
            }
        }
        if let BlockKind::Table { header, .. } = &block.kind
            && header.iter().all(|cell| plain_text(cell).trim().is_empty())
        {
            warnings.push(
                Diagnostic::warning(file, at.clone(), t!("empty-table-header"))
                    .with_help(t!("empty-table-header.help")),
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
        warnings
            .push(Diagnostic::warning(file, at, t!("no-pledges")).with_help(t!("no-pledges.help")));
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
            | Inline::Strikethrough { content }
            | Inline::Lang { content, .. } => out.extend(links(content)),
            Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak => {}
        }
    }
    out
}
