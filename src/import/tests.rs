//! The source writer: the document's text stays text, the structure becomes Markdown.

use super::*;

fn text(s: &str) -> Run {
    Run::Text {
        text: s.to_string(),
        bold: false,
        italic: false,
    }
}

fn bold(s: &str) -> Run {
    Run::Text {
        text: s.to_string(),
        bold: true,
        italic: false,
    }
}

fn source_of(pieces: Vec<Piece>) -> String {
    let draft = Draft {
        title: Some("Vårt program: 2026".into()),
        lang: Some("sv".into()),
        pieces,
        ..Draft::default()
    };
    write_source(&draft, "demo", "vart-program").source
}

#[test]
fn markdown_in_the_documents_text_stays_text() {
    let source = source_of(vec![
        Piece::Paragraph(vec![text(
            "# inte en rubrik *inte kursiv* [inte](en-länk) <b> &amp; 1_000",
        )]),
        Piece::Paragraph(vec![text("1. inte en lista")]),
        Piece::Paragraph(vec![text("- inte heller")]),
    ]);
    assert!(source.contains("title: \"Vårt program: 2026\""), "{source}");
    assert!(
        source.contains(
            "\\# inte en rubrik \\*inte kursiv\\* \\[inte\\](en-länk) \\<b\\> \\&amp; 1\\_000"
        ),
        "{source}"
    );
    assert!(source.contains("\n1\\. inte en lista\n"), "{source}");
    assert!(source.contains("\n\\- inte heller\n"), "{source}");
}

#[test]
fn headings_start_at_two_and_never_skip_a_level() {
    let heading = |level, s: &str| Piece::Heading {
        level,
        runs: vec![text(s)],
        by_hand: false,
    };
    let source = source_of(vec![
        heading(2, "A"),
        heading(4, "B"),
        heading(2, "C"),
        heading(3, "D"),
    ]);
    assert!(
        source.contains("\n## A\n\n### B\n\n## C\n\n### D\n"),
        "{source}"
    );
}

#[test]
fn lists_keep_their_numbers_lead_phrases_and_nesting() {
    let item = |list, depth, number, runs| Piece::Item {
        list,
        depth,
        number,
        runs,
    };
    let source = source_of(vec![
        Piece::Paragraph(vec![text("Därför vill vi:")]),
        item(1, 0, Some(3), vec![bold("Bygg"), text(" tåget")]),
        item(1, 1, None, vec![text("till hamnen")]),
        item(1, 0, Some(4), vec![text("sänk priset")]),
        item(2, 0, None, vec![text("en annan lista")]),
    ]);
    assert!(
        source.contains("Därför vill vi:\n\n3. **Bygg** tåget\n   - till hamnen\n4. sänk priset\n\n<!-- -->\n\n- en annan lista\n"),
        "{source}"
    );
}

#[test]
fn notes_links_and_tables_are_kept() {
    let draft = Draft {
        title: Some("T".into()),
        lang: Some("en".into()),
        pieces: vec![
            Piece::Paragraph(vec![
                text("See "),
                Run::Link {
                    url: "https://example.org/a b".into(),
                    runs: vec![text("the plan")],
                },
                Run::Note(1),
            ]),
            Piece::Table(vec![
                vec![vec![text("Town")], vec![text("Beds | now")]],
                vec![vec![text("Kalix")], vec![]],
            ]),
        ],
        notes: vec![vec![text("Adopted in 2026.")]],
        ..Draft::default()
    };
    let source = write_source(&draft, "demo", "t").source;
    assert!(
        source.contains("See [the plan](<https://example.org/a%20b>)\\[1\\]"),
        "{source}"
    );
    assert!(
        source.contains("| Town | Beds \\| now |\n| --- | --- |\n| Kalix |  |\n"),
        "{source}"
    );
    assert!(
        source.ends_with("## Notes\n\n1. Adopted in 2026.\n"),
        "{source}"
    );
}
