//! The leaflet on the shipped programmes and variants of them (a publisher line, twice the
//! pledges, a short programme of ~400 words, a long one of ~12 000): it fills its sheets (a
//! multiple of four pages, at most one notes page, the body within the layout's range), a
//! lead-in never ends a page with its list overleaf, no hyphenation leaves fewer than three
//! letters on a line, links print their address on paper, and the print twin's slug line is
//! whole. Asserted on the laid-out pages and the PDFs.

mod common;

use std::path::Path;

use common::{Placed, SHIPPED, demo_project, placed_text, repo, shipped_project, trycksak};
use trycksak::output::RenderContext;
use trycksak::output::leaflet::{self, LeafletFit};
use trycksak::output::pdf::Medium;
use trycksak::project::Project;
use trycksak::source::load_programme;
use trycksak::typeset::{Compiled, Typesetter, labelled_metadata, labelled_position, page_texts};
use typst::layout::Point;

/// The leaflet of `source` for `medium`, laid out.
fn leaflet_of(root: &Path, source: &str, medium: Medium) -> (Compiled, LeafletFit) {
    let project = Project::open(root).unwrap();
    let typesetter = Typesetter::new(&project);
    let loaded = load_programme(&project, &root.join(source));
    let programme = loaded.programme.expect("loads");
    let cx = RenderContext::new(&typesetter, &loaded.file, false);
    let (compiled, _, fitted) = leaflet::typeset(&programme, &cx, medium).unwrap_or_else(|e| {
        panic!(
            "{source}: {:#?}",
            e.iter().map(|d| d.short()).collect::<Vec<_>>()
        )
    });
    (compiled, fitted)
}

/// Norrbotten's leaflet in the shipped project at `root`, its layout given `setting` (a line
/// under `leaflet:`).
fn norrbotten_with(root: &Path, setting: &str) -> (Compiled, LeafletFit) {
    let layout = "layouts/norrbotten/layout.yaml";
    let base = std::fs::read_to_string(repo().join(layout)).unwrap();
    std::fs::write(root.join(layout), format!("{base}leaflet:\n  {setting}\n")).unwrap();
    leaflet_of(
        root,
        "programmes/norrbotten/omstart-for-norrbotten.md",
        Medium::Screen,
    )
}

/// A page's lines of body text, top to bottom: text items on one baseline, left to right, with
/// whether the line ends in a hyphenation break. The running footer (below the text area) is
/// left out.
fn body_lines(compiled: &Compiled, page: usize) -> Vec<(String, bool)> {
    let frame = &compiled.document.pages()[page].frame;
    let mut items: Vec<Placed> = Vec::new();
    placed_text(frame, Point::zero(), &mut items);
    // A5: the text area ends 20 mm above the foot.
    let foot = frame.height().to_pt() - 20.0 * 72.0 / 25.4;
    items.retain(|t| t.y < foot);
    items.sort_by(|a, b| {
        a.y.round()
            .total_cmp(&b.y.round())
            .then(a.x.total_cmp(&b.x))
    });
    let mut lines: Vec<(f64, String, bool)> = Vec::new();
    for item in items {
        let hyphen = item.text == "\u{ad}";
        match lines.last_mut() {
            Some((y, line, ends)) if (*y - item.y).abs() < 1.0 => {
                if hyphen {
                    *ends = true;
                } else {
                    line.push_str(&item.text);
                    *ends = false;
                }
            }
            _ => lines.push((
                item.y,
                if hyphen { String::new() } else { item.text },
                hyphen,
            )),
        }
    }
    // Soft hyphens inside words are break points not taken: invisible, and no letters.
    lines
        .into_iter()
        .map(|(_, line, hyphen)| {
            let line = line.trim();
            let hyphen = hyphen || line.ends_with('\u{ad}');
            (line.replace('\u{ad}', ""), hyphen)
        })
        .filter(|(line, _)| !line.is_empty())
        .collect()
}

/// Checks one leaflet as a reader and the print shop see it.
fn check_leaflet(root: &Path, source: &str) -> LeafletFit {
    let (compiled, fitted) = leaflet_of(root, source, Medium::Screen);
    let pages = compiled.document.pages().len();
    assert_eq!(pages % 4, 0, "{source}: {pages} pages");
    assert_eq!(pages, fitted.pages, "{source}");
    assert!(
        (9.5..=11.0).contains(&fitted.size),
        "{source}: {} pt",
        fitted.size
    );
    let texts = page_texts(&compiled.document);
    let notes = texts
        .iter()
        .filter(|t| t.trim_start().starts_with("Anteckningar"))
        .count();
    assert!(notes <= 1, "{source}: {notes} notes pages");
    assert_eq!(notes, fitted.notes_pages, "{source}");

    for page in 1..pages - 1 {
        let lines = body_lines(&compiled, page);
        if let Some((last, _)) = lines.last() {
            assert!(
                !last.ends_with(':'),
                "{source}: page {} ends with the lead-in “{last}”, its list overleaf",
                page + 1
            );
        }
    }
    for page in 0..pages {
        let lines = body_lines(&compiled, page);
        for (i, (line, hyphen)) in lines.iter().enumerate() {
            if !hyphen {
                continue;
            }
            let before = line.chars().rev().take_while(|c| c.is_alphabetic()).count();
            let after = lines.get(i + 1).map_or(3, |(next, _)| {
                next.chars().take_while(|c| c.is_alphabetic()).count()
            });
            assert!(
                before >= 3 && after >= 3,
                "{source}: page {}: a hyphenation leaves {before} + {after} letters: “{line}-”",
                page + 1
            );
        }
    }
    fitted
}

/// The shipped programmes varied: a publisher line, and every pledge twice.
fn variants(source: &str) -> Vec<(&'static str, String)> {
    vec![
        ("publisher", common::with_publisher(source)),
        ("doubled", common::with_doubled_pledges(source)),
    ]
}

/// A programme of about `words` words in sections of paragraphs and pledges, made of the words
/// of a seed.
fn generated(words: usize) -> String {
    let seed = std::fs::read_to_string(repo().join(SHIPPED[0].0)).unwrap();
    let body = seed.split("\n---\n").nth(1).unwrap();
    let vocabulary: Vec<&str> = body
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    let mut source = String::from("---\ntitle: Genererat program\nregion: demo\nlang: sv\n---\n\n");
    let mut count = 0;
    let mut n = 0;
    while count < words {
        source.push_str(&format!("\n## Avsnitt {}\n\n", n / 6 + 1));
        for _ in 0..3 {
            let sentence: Vec<&str> = (0..24)
                .map(|k| vocabulary[(n * 31 + k * 7) % vocabulary.len()])
                .collect();
            source.push_str(&format!("{}.\n\n", sentence.join(" ")));
            count += 24;
            n += 1;
        }
        source.push_str("Därför vill vi:\n\n");
        for _ in 0..3 {
            let pledge: Vec<&str> = (0..12)
                .map(|k| vocabulary[(n * 13 + k * 5) % vocabulary.len()])
                .collect();
            source.push_str(&format!("- {}.\n", pledge.join(" ")));
            count += 12;
            n += 1;
        }
    }
    source
}

#[test]
fn the_shipped_programmes_and_their_variants_fill_their_sheets() {
    let project = shipped_project();
    let mut notes = 0;
    for (source, _) in SHIPPED {
        let text = std::fs::read_to_string(repo().join(source)).unwrap();
        notes += check_leaflet(project.path(), source).notes_pages;
        for (name, variant) in variants(&text) {
            let path = source.replace(".md", &format!("-{name}.md"));
            std::fs::write(project.path().join(&path), variant).unwrap();
            check_leaflet(project.path(), &path);
        }
    }
    // Before copyfitting, the three seeds had 6 notes pages (3, 0 and 3).
    assert!(notes <= 1, "{notes} notes pages in the seeds");
}

#[test]
fn a_short_and_a_long_programme_fill_their_sheets() {
    let project = demo_project(&[
        ("programmes/demo/kort.md", &generated(400)),
        ("programmes/demo/lang.md", &generated(12_000)),
    ]);
    let short = check_leaflet(project.path(), "programmes/demo/kort.md");
    assert!(short.pages <= 8, "{short:?}");
    let long = check_leaflet(project.path(), "programmes/demo/lang.md");
    assert!(long.pages >= 24, "{long:?}");
}

#[test]
fn a_layout_can_fix_the_size_or_the_page_count() {
    let project = shipped_project();
    let root = project.path();
    let (_, fitted) = norrbotten_with(root, "size: 10.5");
    assert_eq!(fitted.size, 10.5);
    let (compiled, fitted) = norrbotten_with(root, "pages: 8");
    assert_eq!((fitted.pages, compiled.document.pages().len()), (8, 8));

    // A short text in a layout that fixes 8 pages: notes pages make them up.
    let project = demo_project(&[
        ("programmes/demo/kort.md", &generated(300)),
        ("layouts/demo/layout.yaml", "leaflet:\n  pages: 8\n"),
    ]);
    let (compiled, fitted) = leaflet_of(project.path(), "programmes/demo/kort.md", Medium::Screen);
    assert_eq!((fitted.pages, compiled.document.pages().len()), (8, 8));
    assert_eq!(fitted.size, 11.0);
    let notes = page_texts(&compiled.document)
        .iter()
        .filter(|t| t.trim_start().starts_with("Anteckningar"))
        .count();
    assert_eq!(fitted.notes_pages, notes);

    // Too few pages for the text: an error that says so.
    let project = demo_project(&[
        ("programmes/demo/lang.md", &generated(6_000)),
        ("layouts/demo/layout.yaml", "leaflet:\n  pages: 4\n"),
    ]);
    let (_, stderr) = common::outputs_of(
        trycksak(project.path()).args([
            "--diagnostic-format",
            "short",
            "build",
            "--format",
            "leaflet",
        ]),
        1,
    );
    assert!(
        stderr.contains("error: the leaflet does not fit the 4 pages the layout asks for (`leaflet: pages: 4`): even at 9.5 pt the text needs "),
        "{stderr}"
    );
    // A page count that is no booklet's: an error in the layout.
    let project = demo_project(&[
        ("programmes/demo/p.md", common::PLAIN),
        ("layouts/demo/layout.yaml", "leaflet:\n  pages: 6\n"),
    ]);
    let (_, stderr) = common::outputs_of(
        trycksak(project.path()).args(["--diagnostic-format", "short", "build"]),
        1,
    );
    assert!(
        stderr.contains("layouts/demo/layout.yaml:2:3: error: `leaflet: pages` is 6; a booklet's page count is a multiple of 4"),
        "{stderr}"
    );
}

/// Copyfitting reads where the text ends from the template's mark (`<text-end>`): right under the text's last
/// line, also where the text ends on a sheet's last page beside the colophon. (The mark went with
/// the colophon there, so every such leaflet read as full and no roomier size was tried.)
#[test]
fn the_fit_mark_stands_under_the_texts_last_line() {
    let project = shipped_project();
    let mut beside_colophon = 0;
    for size in ["9.5", "10", "10.5", "11"] {
        let (compiled, _) = norrbotten_with(project.path(), &format!("size: {size}"));
        let mark = labelled_metadata(&compiled.document, leaflet::FIT_LABEL).unwrap();
        let number = |key: &str| mark[key].as_f64().unwrap();
        let (page, end_y) = labelled_position(&compiled.document, leaflet::TEXT_END_LABEL).unwrap();
        let colophon_top = number("top") + number("body") - number("colophon");
        let mut items: Vec<Placed> = Vec::new();
        placed_text(
            &compiled.document.pages()[page - 1].frame,
            Point::zero(),
            &mut items,
        );
        let last_line = items
            .iter()
            .map(|item| item.y)
            .filter(|&y| y < colophon_top)
            .fold(f64::MIN, f64::max);
        // Below the last line's baseline by less than a line.
        let below = end_y - last_line;
        let line: f64 = size.parse::<f64>().unwrap() * 1.6;
        assert!(
            (0.0..line).contains(&below),
            "{size} pt: the mark is {below} pt under the text's last line on page {page}"
        );
        if page == compiled.document.pages().len() {
            beside_colophon += 1;
        }
    }
    assert!(
        beside_colophon > 0,
        "no size ends the text beside the colophon"
    );
}

#[test]
fn paper_prints_every_link_address_and_the_screen_keeps_its_links() {
    let source = "---\ntitle: Länkar\nregion: demo\nlang: sv\n---\n\nLäs mer på [Trafikverkets sida](https://www.trafikverket.se/resa-och-trafik/vag/) och skriv till [oss](mailto:info@example.se). Hela programmet: https://www.example.se/program.\n";
    let project = demo_project(&[("programmes/demo/lankar.md", source)]);
    let root = project.path();
    common::outputs_of(
        trycksak(root).args(["build", "--format", "leaflet,leaflet-print"]),
        0,
    );
    let print = root.join("out/demo/lankar/lankar-leaflet-print.pdf");
    let screen = root.join("out/demo/lankar/lankar-leaflet.pdf");
    let Some(print_text) = common::pdftotext(&print) else {
        return;
    };
    let flat = print_text.split_whitespace().collect::<Vec<_>>().join(" ");
    for address in [
        "www.trafikverket.se/resa-och-trafik/vag",
        "info@example.se",
        "www.example.se/program",
    ] {
        // pdftotext joins a line that ends in a hyphen to the next one, without the hyphen.
        let squeezed = |text: &str| text.replace([' ', '-'], "");
        assert!(
            squeezed(&flat).contains(&squeezed(address)),
            "{address} is not on paper: {flat}"
        );
    }
    // An address written as the link's text is printed once.
    assert_eq!(flat.matches("www.example.se/program").count(), 1, "{flat}");
    // The screen leaflet keeps its links, clickable.
    let pdf = lopdf::Document::load(&screen).unwrap();
    fn uris_in(object: &lopdf::Object, out: &mut Vec<String>) {
        if let Ok(dict) = object.as_dict() {
            for (key, value) in dict.iter() {
                match value.as_str() {
                    Ok(uri) if key == b"URI" => out.push(String::from_utf8_lossy(uri).into_owned()),
                    _ => uris_in(value, out),
                }
            }
        }
    }
    let mut uris = Vec::new();
    for object in pdf.objects.values() {
        uris_in(object, &mut uris);
    }
    assert!(
        uris.iter()
            .any(|u| u.starts_with("https://www.trafikverket.se")),
        "{uris:?}"
    );
}

#[test]
fn the_slug_line_of_a_long_title_is_one_whole_line_inside_the_sheet() {
    let title =
        "Ett mycket långt namn på ett program som vill säga allt på en gång om hela länets framtid";
    assert!(title.chars().count() >= 88);
    let source = format!("---\ntitle: {title}\nregion: demo\nlang: sv\n---\n\nText.\n");
    let project = demo_project(&[("programmes/demo/lang-titel.md", &source)]);
    let (compiled, _) = leaflet_of(
        project.path(),
        "programmes/demo/lang-titel.md",
        Medium::Print,
    );
    let pages = compiled.document.pages().len();
    for (index, page) in compiled.document.pages().iter().enumerate() {
        let mut items = Vec::new();
        placed_text(&page.frame, Point::zero(), &mut items);
        let slug: Vec<&Placed> = items
            .iter()
            .filter(|t| (t.size - 5.5).abs() < 0.01)
            .collect();
        assert!(!slug.is_empty());
        let baseline = slug[0].y;
        assert!(
            slug.iter().all(|t| (t.y - baseline).abs() < 0.5),
            "the slug line wraps"
        );
        // The frame is the trimmed page; the media box is 3 mm of bleed and 10 mm for the
        // marks larger on every side.
        let outside = 13.0 * 72.0 / 25.4;
        let width = page.frame.width().to_pt();
        let height = page.frame.height().to_pt();
        for item in &slug {
            assert!(
                item.x >= -outside
                    && item.x + item.width <= width + outside
                    && item.y <= height + outside,
                "“{}” at {} + {} of {width} × {height}",
                item.text,
                item.x,
                item.width
            );
        }
        let text: String = slug.iter().map(|t| t.text.as_str()).collect();
        assert!(text.contains('…') && text.contains("trycksak"), "{text}");
        // Its page and the page count as they stand, not as Typst's first pass reads them
        // (page 1 of 1), when the slug line lays out nothing (`first-pass()`).
        let numbers = format!("sida{}/{pages}", index + 1);
        assert!(
            text.split_whitespace()
                .collect::<String>()
                .ends_with(&numbers),
            "{text}"
        );
    }
}

/// The footer of every page after the cover gives its page number and the running title, as
/// Typst's second pass lays it out (the first lays out no footer: `first-pass()`).
#[test]
fn every_page_after_the_cover_has_its_number_and_the_title_in_its_footer() {
    let dir = shipped_project();
    let (compiled, _) = leaflet_of(
        dir.path(),
        "programmes/varmland/regionalpolitiskt-program-2019-2022.md",
        Medium::Screen,
    );
    let pages = compiled.document.pages();
    assert_eq!(pages.len(), 20);
    for (index, page) in pages.iter().enumerate().skip(1) {
        let mut items = Vec::new();
        placed_text(&page.frame, Point::zero(), &mut items);
        let foot: String = items
            .iter()
            .filter(|t| (t.size - 8.0).abs() < 0.01 && t.y > page.frame.height().to_pt() - 72.0)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let number = (index + 1).to_string();
        assert!(
            foot.split_whitespace().any(|word| word == number)
                && foot.contains("Regionalpolitiskt"),
            "page {number}: {foot:?}"
        );
    }
}

#[test]
fn a_region_that_overrides_only_its_theme_builds_every_output() {
    // Wider margins and a pledge box of its own, in a few lines: the fitting, balancing and
    // keeping together stay base's.
    let theme = r#"#import "/layout/base/theme.typ": *
#let margin = (inside: 22mm, outside: 22mm, top: 20mm, bottom: 24mm)
#let pledge-box(lead-in, items, start: none) = block(stroke: 1pt + colour("accent"), inset: 1em, width: 100%, {
  if lead-in != none { strong(lead-in) }
  list(marker: [--], ..items)
})
"#;
    let project = shipped_project();
    std::fs::write(project.path().join("layouts/norrbotten/theme.typ"), theme).unwrap();
    let source = "programmes/norrbotten/omstart-for-norrbotten.md";
    let kinds: Vec<_> = trycksak::output::OutputKind::ALL.to_vec();
    let report = common::build_kinds(project.path(), &kinds);
    common::assert_built(&report);
    // The theme's margins: no body text nearer the trimmed edge than 22 mm.
    let (compiled, _) = leaflet_of(project.path(), source, Medium::Screen);
    let mm = 72.0 / 25.4;
    for (index, page) in compiled.document.pages().iter().enumerate().skip(1) {
        let mut items: Vec<Placed> = Vec::new();
        placed_text(&page.frame, Point::zero(), &mut items);
        let width = page.frame.width().to_pt();
        for item in items.iter().filter(|t| !t.text.trim().is_empty()) {
            assert!(
                item.x >= 22.0 * mm - 0.5 && item.x + item.width <= width - 22.0 * mm + 0.5,
                "page {}: {:?} at x {:.1} pt",
                index + 1,
                item.text,
                item.x
            );
        }
    }
    // Its pledge markers (`--` is an en dash in Typst markup), not base's arrows.
    let text = page_texts(&compiled.document).join(" ");
    assert!(
        text.contains("– Korta köerna") && !text.contains('→'),
        "{text}"
    );
}
