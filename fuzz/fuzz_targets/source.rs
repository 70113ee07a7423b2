//! Front matter + Markdown → model → text version and readability report: any bytes give either
//! a programme or at least one error, never a panic, and a valid programme's text version holds
//! every paragraph's words.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trycksak::model::{BlockKind, Inline};

/// `text` without white space and the invisible characters the text version leaves out.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
        })
        .collect()
}

/// The leaves of inline text, in order.
fn leaves(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push(text.clone()),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Link { content, .. } => leaves(content, out),
            Inline::LineBreak => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let fuzz = &*common::PROJECT;
    let loaded = trycksak::source::load_bytes(&fuzz.project, &fuzz.source, data);
    for diagnostic in &loaded.diagnostics {
        let _ = diagnostic.short();
    }
    let Some(programme) = loaded.programme else {
        assert!(
            loaded.diagnostics.iter().any(|d| d.is_error()),
            "no programme and no error"
        );
        return;
    };
    // Nothing lost: every piece of text of every intro paragraph is in the text version
    // (compared without white space, which wrapping changes).
    let text = trycksak::output::text::render(&programme);
    let flat = squeeze(&text);
    for block in &programme.intro {
        if let BlockKind::Paragraph { content } = &block.kind {
            let mut pieces = Vec::new();
            leaves(content, &mut pieces);
            for piece in pieces {
                let piece = squeeze(&piece);
                assert!(
                    flat.contains(&piece),
                    "text is missing from the text version: {piece:?}"
                );
            }
        }
    }
    let _ = trycksak::output::report::render(&programme, &loaded.file, None);
});
