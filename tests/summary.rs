//! The one-page summary on the shipped programmes and on the variants campaign staff make of
//! them (a longer title, a publisher line, a long lead, twice the pledges, a 60-pledge section,
//! 10 000 pledges): always one page, text in every column, the body never under the layout's
//! floor, and every pledge either on the page or named in the warning as left out. Asserted on
//! the laid-out pages (text, positions, font sizes), not on the tool's log.

mod common;

use std::path::Path;

use common::{
    Placed, SHIPPED, build_kinds, demo_project, placed_text, repo, shipped_project, words,
};
use trycksak::model::{BlockKind, plain_text};
use trycksak::output::RenderContext;
use trycksak::output::pdf::Medium;
use trycksak::output::summary;
use trycksak::project::Project;
use trycksak::source::load_programme;
use trycksak::typeset::{Typesetter, page_texts};
use typst::layout::Point;

/// What one summary shows, checked: one page, every column with text, body ≥ floor, and every
/// pledge on the page or counted in the warning. Returns the body size and the warnings.
fn check_summary(root: &Path, source: &str) -> (f64, Vec<String>) {
    let project = Project::open(root).unwrap();
    let typesetter = Typesetter::new(&project);
    let loaded = load_programme(&project, &root.join(source));
    let programme = loaded.programme.expect("loads");
    let cx = RenderContext::new(&typesetter, &loaded.file, false);
    let (compiled, data, fitted) = summary::typeset(&programme, &cx, Medium::Screen)
        .unwrap_or_else(|e| {
            panic!(
                "{source}: {:#?}",
                e.iter().map(|d| d.short()).collect::<Vec<_>>()
            )
        });
    let pages = compiled.document.pages();
    assert_eq!(pages.len(), 1, "{source}: not one page");
    let floor = typesetter
        .layouts()
        .get(&programme.meta.region)
        .unwrap()
        .summary_min_size;
    assert!(
        fitted.fit.size >= floor,
        "{source}: {} pt under the floor",
        fitted.fit.size
    );

    let mut items = Vec::new();
    placed_text(&pages[0].frame, Point::zero(), &mut items);
    // The body: the most common text size is the body size, and none is under the floor.
    let body: Vec<&Placed> = items.iter().filter(|t| !t.text.trim().is_empty()).collect();
    let mut sizes: Vec<i64> = body
        .iter()
        .map(|t| (t.size * 100.0).round() as i64)
        .collect();
    sizes.sort();
    let mode = sizes
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map(|run| run[0] as f64 / 100.0)
        .unwrap();
    assert!(mode >= floor - 0.01, "{source}: body set in {mode} pt");
    assert!(
        (mode - fitted.fit.size).abs() < 0.01,
        "{source}: body {mode} pt, fit {}",
        fitted.fit.size
    );

    // Text in every column: columns start at the margin, one pitch apart.
    let page_width = pages[0].frame.width().to_pt();
    let margin = fitted.fit.margin * 72.0 / 25.4;
    let gutter = 6.0 * 72.0 / 25.4;
    let columns = fitted.fit.columns as usize;
    let units = data.pledges.len() + data.pledges.iter().map(|g| g.items.len()).sum::<usize>();
    if units >= columns {
        let width = (page_width - 2.0 * margin - gutter * (columns - 1) as f64) / columns as f64;
        // Below the header band: the first heading's line or lower.
        let top = body
            .iter()
            .filter(|t| {
                (t.size - fitted.fit.size * 1.35).abs() < 0.05
                    || (t.size - fitted.fit.size * 1.1).abs() < 0.05
            })
            .map(|t| t.y)
            .fold(f64::MAX, f64::min)
            - 30.0;
        for column in 0..columns {
            let left = margin + column as f64 * (width + gutter);
            let count = body
                .iter()
                .filter(|t| t.y > top && t.x >= left - 1.0 && t.x < left + width)
                .count();
            assert!(
                count > 0,
                "{source}: column {} of {columns} is empty",
                column + 1
            );
        }
    }

    // Every pledge on the page, or counted as left out of its section.
    let text = words(&page_texts(&compiled.document).join(" ")).join(" ");
    let chosen = summary::pledge_groups(&programme, &data.common.labels.intro);
    for (group, shown) in chosen.iter().zip(&data.pledges) {
        for item in &shown.items {
            let BlockKind::Paragraph { content } = &item.blocks[0].kind else {
                continue;
            };
            let pledge = words(&plain_text(content)).join(" ");
            assert!(text.contains(&pledge), "{source}: pledge missing: {pledge}");
        }
        let all = group.items.len() + group.omitted;
        if shown.items.len() < all {
            let named = fitted.shown.iter().any(|s| {
                s.section == plain_text(&group.heading)
                    && s.shown == shown.items.len()
                    && s.of == all
            });
            assert!(
                named,
                "{source}: {} left out of “{}” unnamed",
                all - shown.items.len(),
                plain_text(&group.heading)
            );
        }
    }
    let warnings = fitted.warnings.iter().map(|d| d.short()).collect();
    (fitted.fit.size, warnings)
}

/// The shipped programmes varied as campaign staff vary them.
fn variants(source: &str) -> Vec<(&'static str, String)> {
    let longer_title = source.replacen(
        "\ntitle: ",
        "\ntitle: Kommunerna tillsammans för hela länet – ",
        1,
    );
    let publisher = common::with_publisher(source);
    let lead = source.replacen(
        "\nregion: ",
        "\nsummary: Vi vill att hela länet ska växa. Det kräver jobb i alla kommuner. Vården ska finnas nära dig. Skolan ska ge alla barn samma chans.\nregion: ",
        1,
    );
    let doubled = common::with_doubled_pledges(source);
    let all = doubled
        .replacen(
            "\ntitle: ",
            "\ntitle: Kommunerna tillsammans för hela länet – ",
            1,
        )
        .replacen(
            "\nregion: ",
            "\npublisher: Förnamn Efternamn\ncontact: info@example.se\nregion: ",
            1,
        );
    vec![
        ("title", longer_title),
        ("publisher", publisher),
        ("lead", lead),
        ("doubled", doubled),
        ("all", all),
    ]
}

#[test]
fn the_shipped_programmes_and_their_variants_each_get_a_one_page_summary() {
    let project = shipped_project();
    for (source, _) in SHIPPED {
        let text = std::fs::read_to_string(repo().join(source)).unwrap();
        check_summary(project.path(), source);
        for (name, variant) in variants(&text) {
            let path = source.replace(".md", &format!("-{name}.md"));
            std::fs::write(project.path().join(&path), variant).unwrap();
            check_summary(project.path(), &path);
        }
    }
}

#[test]
fn the_seeds_keep_their_type_size_or_grow() {
    // Before the fit had more levers than size and columns: 11, 9 and 8 pt.
    for (source, before) in [
        ("programmes/norrbotten/omstart-for-norrbotten.md", 11.0),
        (
            "programmes/varmland/regionalpolitiskt-program-2019-2022.md",
            9.0,
        ),
        ("programmes/vasternorrland/drivkraft-vasternorrland.md", 8.0),
    ] {
        let (size, warnings) = check_summary(&repo(), source);
        assert!(size >= before, "{source}: {size} pt, was {before} pt");
        assert!(warnings.is_empty(), "{source}: {warnings:#?}");
    }
}

/// A programme of `sections` sections with `pledges` pledges each, of about `words` words.
fn pledges_project(
    sections: usize,
    pledges: usize,
    words: usize,
    front: &str,
) -> tempfile::TempDir {
    let mut source = format!(
        "---\ntitle: Många löften\nregion: demo\nlang: sv\n{front}---\n\nVi har många löften.\n"
    );
    for s in 0..sections {
        source.push_str(&format!("\n## Avsnitt {}\n\nVi vill:\n\n", s + 1));
        for p in 0..pledges {
            let filler = vec!["satsa"; words.saturating_sub(4)].join(" ");
            source.push_str(&format!("- Löfte {} i avsnitt {} {filler}\n", p + 1, s + 1));
        }
    }
    demo_project(&[("programmes/demo/lofte.md", &source)])
}

#[test]
fn a_sixty_pledge_section_shows_as_many_as_fit_and_says_how_many() {
    let project = pledges_project(3, 60, 14, "");
    let (size, warnings) = check_summary(project.path(), "programmes/demo/lofte.md");
    assert_eq!(size, 8.0);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let warning = &warnings[0];
    assert!(
        warning.starts_with("programmes/demo/lofte.md:2:1: warning: not every pledge fits the one-page summary: it shows the pledges in turn, every section's first, then every section's second and so on, as many as fit ("),
        "{warning}"
    );
    assert!(
        warning.contains(" of 60;") || warning.contains(" of 60)"),
        "{warning}"
    );
    assert!(!warning.contains("0 %"), "{warning}");
    assert!(
        warning.contains("<!-- summary -->") && warning.contains("pledges: N"),
        "{warning}"
    );
}

#[test]
fn ten_thousand_pledges_give_a_summary_and_a_warning() {
    let project = pledges_project(1, 10_000, 6, "");
    let (_, warnings) = check_summary(project.path(), "programmes/demo/lofte.md");
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].contains(" of 10000"), "{}", warnings[0]);
}

#[test]
fn overflow_error_fails_the_summary_with_a_suggestion_that_fits() {
    let project = pledges_project(3, 60, 14, "summary:\n  overflow: error\n");
    let root = project.path();
    let report = build_kinds(root, &[common::kind("text"), common::kind("summary")]);
    let errors = common::errors_of(&report, 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    // Located at the heading of the section with the most pledges (the first of equals).
    assert!(
        errors[0].starts_with("programmes/demo/lofte.md:11:1: error: the one-page summary cannot show every pledge: even at 8 pt only "),
        "{}",
        errors[0]
    );
    assert!(
        root.join("out/demo/lofte/lofte.txt").is_file(),
        "the text version is still written"
    );
    assert!(!root.join("out/demo/lofte/lofte-summary.pdf").exists());
    let suggested: usize = errors[0]
        .split("`pledges: ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no suggestion: {}", errors[0]));

    // Following the suggestion fits, with every chosen pledge on the page.
    let project = pledges_project(
        3,
        60,
        14,
        &format!("summary:\n  overflow: error\n  pledges: {suggested}\n"),
    );
    let (_, warnings) = check_summary(project.path(), "programmes/demo/lofte.md");
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn marked_pledges_are_the_ones_the_summary_shows() {
    let source = "---\ntitle: Utvalt\nregion: demo\nlang: sv\n---\n\nInledning.\n\n## Ett\n\nVi vill:\n\n- Första löftet\n- Andra löftet <!-- summary -->\n- Tredje löftet\n\n## Två\n\nVi vill:\n\n- Fjärde löftet\n\n## Tre\n\nVi vill:\n\n- Femte löftet <!-- sammanfattning -->\n";
    let project = demo_project(&[("programmes/demo/utvalt.md", source)]);
    let root = project.path();
    check_summary(root, "programmes/demo/utvalt.md");
    let report = build_kinds(root, &[common::kind("summary")]);
    assert!(common::errors_of(&report, 0).is_empty());
    let project_ = Project::open(root).unwrap();
    let typesetter = Typesetter::new(&project_);
    let loaded = load_programme(&project_, &root.join("programmes/demo/utvalt.md"));
    let programme = loaded.programme.unwrap();
    let cx = RenderContext::new(&typesetter, &loaded.file, false);
    let (compiled, _, _) = summary::typeset(&programme, &cx, Medium::Screen).unwrap();
    let text = page_texts(&compiled.document).join(" ");
    assert!(
        text.contains("Andra löftet") && text.contains("Femte löftet"),
        "{text}"
    );
    assert!(
        !text.contains("Första löftet") && !text.contains("Fjärde"),
        "{text}"
    );
    // The comment is no text anywhere.
    let plain = trycksak::output::text::render(&programme);
    assert!(
        !plain.contains("summary") && plain.contains("Andra löftet\n"),
        "{plain}"
    );
}
