//! The shipped programmes: they load cleanly, and their text versions keep every word of the
//! seed pages they were made from.

mod common;

use common::{SHIPPED, missing_in_order, repo, seed_paragraphs};
use trycksak::output::text;
use trycksak::project::Project;
use trycksak::source::load_programme;

fn text_version(source: &str) -> String {
    let project = Project::open(&repo()).unwrap();
    let loaded = load_programme(&project, &repo().join(source));
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.short()).collect();
    assert!(shown.is_empty(), "{source} has problems: {shown:#?}");
    text::render(&loaded.programme.unwrap())
}

#[test]
fn every_seed_paragraph_is_in_the_text_version_in_order() {
    for (source, seed) in SHIPPED {
        let paragraphs = seed_paragraphs(seed);
        assert!(
            paragraphs.len() > 10,
            "{seed} has too few paragraphs to be the real page"
        );
        let missing = missing_in_order(&paragraphs, &text_version(source));
        assert!(
            missing.is_empty(),
            "{source}: these paragraphs of {seed} are missing or out of order: {missing:#?}"
        );
    }
}

#[test]
fn the_order_check_notices_a_lost_or_moved_paragraph() {
    let paragraphs = seed_paragraphs("norrbotten.txt");
    let output = text_version(SHIPPED[2].0);
    let lost = output.replace("Kalix har sedan länge", "Kalix har länge");
    assert_eq!(missing_in_order(&paragraphs, &lost).len(), 1);
    let mut moved = paragraphs.clone();
    moved.swap(3, 8);
    assert!(!missing_in_order(&moved, &output).is_empty());
}

#[test]
fn no_line_is_longer_than_72_characters_unless_it_is_one_word() {
    for (source, _) in SHIPPED {
        for line in text_version(source).lines() {
            let long = line.chars().count() > text::WIDTH;
            assert!(
                !long || !line.trim().contains(' '),
                "{source}: line too long: {line:?}"
            );
        }
    }
}

#[test]
fn pledge_lists_keep_their_lead_in_and_bold_lead_phrases() {
    let project = Project::open(&repo()).unwrap();
    let programme = load_programme(&project, &repo().join(SHIPPED[2].0))
        .programme
        .unwrap();
    let mut pledges = 0;
    for section in programme.all_sections() {
        for block in &section.blocks {
            if let trycksak::model::BlockKind::PledgeList { lead_in, items, .. } = &block.kind {
                assert!(trycksak::model::plain_text(lead_in).ends_with("Därför vill vi:"));
                for item in items {
                    let trycksak::model::BlockKind::Paragraph { content } = &item.blocks[0].kind
                    else {
                        panic!()
                    };
                    assert!(matches!(content[0], trycksak::model::Inline::Strong { .. }));
                    pledges += 1;
                }
            }
        }
    }
    assert_eq!(pledges, 11);
}

#[test]
fn norrbotten_text_version() {
    insta::assert_snapshot!(text_version(SHIPPED[2].0));
}
