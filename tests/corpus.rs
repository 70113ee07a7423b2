//! The corpus (`tests/corpus/`): programmes of other parties, shapes and languages, built as a
//! new user's would be. Every output speaks for the programme: its own party and no other, the
//! pledges it makes (not its reference lists), its language's quotation marks; its text version
//! keeps the author's heading numbers and punctuation.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{build_kinds, copy_dir, kind, pdftotext, repo};
use trycksak::project::Project;
use trycksak::source::load_programme;

/// The corpus's programmes: file stem, language, party.
const CORPUS: &[(&str, &str, &str)] = &[
    ("landsbygd-och-vard", "sv", "Centerpartiet i Östergötland"),
    ("vanstern-kommun", "sv", "Vänsterpartiet Göteborg"),
    ("grona-loften", "sv", "Miljöpartiet de gröna i Uppsala"),
    ("flygblad", "sv", "Kristdemokraterna i Kiruna"),
    ("green-manifesto", "en", "Valley Green Party"),
    ("kestava-kunta", "fi", "Vihreät Oulu"),
    ("starkare-lan", "sv", "Liberalerna Norrbotten"),
    ("varden-forst", "sv", "Kristdemokraterna i Jönköpings län"),
];

/// Party names no corpus programme states: none of them may be printed.
const OTHER_PARTIES: &[&str] = &["Socialdemokraterna", "Moderaterna", "Sverigedemokraterna"];

/// The corpus built once (text, leaflet, summary, HTML) into a temporary project.
fn built() -> &'static Path {
    static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            copy_dir(
                &repo().join("tests/corpus/programmes"),
                &dir.path().join("programmes"),
            );
            let kinds = ["text", "leaflet", "summary", "html"].map(kind);
            let report = build_kinds(dir.path(), &kinds);
            common::assert_built(&report);
            dir
        })
        .path()
}

fn output(slug: &str, suffix: &str) -> PathBuf {
    built().join(format!("out/base/{slug}/{slug}{suffix}"))
}

fn pledges_of(slug: &str) -> Vec<(Option<String>, usize)> {
    let root = repo().join("tests/corpus");
    let project = Project::open(&root).unwrap();
    let loaded = load_programme(&project, &root.join(format!("programmes/base/{slug}.md")));
    let programme = loaded.programme.expect("the corpus programme loads");
    programme.pledges_by_section()
}

fn count_in(pledges: &[(Option<String>, usize)], heading: &str) -> usize {
    pledges
        .iter()
        .filter(|(h, _)| h.as_deref() == Some(heading))
        .map(|(_, n)| n)
        .sum()
}

#[test]
fn pledges_are_read_the_way_campaigns_write_them() {
    // Lead-ins that announce commitments, in Swedish, Finnish and English; never a reference list.
    let landsbygd = pledges_of("landsbygd-och-vard");
    assert_eq!(count_in(&landsbygd, "Vård och omsorg"), 5, "{landsbygd:?}");
    assert_eq!(count_in(&landsbygd, "Miljö och grön ekonomi"), 4);
    assert_eq!(count_in(&landsbygd, "Kollektivtrafik och infrastruktur"), 3);
    assert_eq!(
        count_in(&landsbygd, "Källor"),
        0,
        "a reference list is no pledge list"
    );
    let finnish = pledges_of("kestava-kunta");
    assert_eq!(count_in(&finnish, "1. Kestävä talous"), 3, "{finnish:?}");
    assert_eq!(count_in(&finnish, "2. Lapset ja nuoret"), 3);
    assert_eq!(count_in(&finnish, "Lähteet"), 0);
    // Numbered lists under headings that name pledges, without a lead-in.
    let green = pledges_of("grona-loften");
    assert_eq!(count_in(&green, "Tolv gröna löften"), 12, "{green:?}");
    assert_eq!(count_in(&green, "Våra vallöften för landsbygden"), 3);
    assert_eq!(count_in(&green, "Varför gröna löften"), 0);
    // A numbered pledge list after "Därför vill vi:" and "Vi kommer att arbeta för:".
    let left = pledges_of("vanstern-kommun");
    assert_eq!(
        left.iter().map(|(_, n)| n).sum::<usize>(),
        4 + 3 + 3 + 3,
        "{left:?}"
    );
    assert_eq!(
        pledges_of("flygblad").iter().map(|(_, n)| n).sum::<usize>(),
        5
    );
    assert_eq!(pledges_of("starkare-lan").len(), 16);
    assert!(pledges_of("green-manifesto").is_empty());
    let numbered = pledges_of("varden-forst");
    assert_eq!(count_in(&numbered, "3. Barn och unga"), 3, "{numbered:?}");
    assert_eq!(numbered.iter().map(|(_, n)| n).sum::<usize>(), 12);
}

#[test]
fn a_programme_without_pledges_is_told_so_at_check() {
    let root = repo().join("tests/corpus");
    let project = Project::open(&root).unwrap();
    let loaded = load_programme(&project, &root.join("programmes/base/green-manifesto.md"));
    let warnings: Vec<String> = loaded.diagnostics.iter().map(|d| d.short()).collect();
    assert!(
        warnings.iter().any(|w| w.contains("no pledges found")),
        "{warnings:?}"
    );
    let loaded = load_programme(
        &project,
        &root.join("programmes/base/landsbygd-och-vard.md"),
    );
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| !d.short().contains("pledge")),
        "{:?}",
        loaded
            .diagnostics
            .iter()
            .map(|d| d.short())
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_output_names_the_programme_s_own_party_and_no_other() {
    for (slug, _, party) in CORPUS {
        let html = std::fs::read_to_string(output(slug, ".html")).unwrap();
        assert!(html.contains(party), "{slug}: the HTML names no {party}");
        let mut texts = vec![("html", html)];
        for suffix in ["-leaflet.pdf", "-summary.pdf"] {
            let Some(text) = pdftotext(&output(slug, suffix)) else {
                return;
            };
            assert!(
                text.replace('\n', " ").contains(party),
                "{slug}{suffix}: no {party}"
            );
            texts.push((suffix, text));
        }
        for (what, text) in &texts {
            for other in OTHER_PARTIES {
                assert!(!text.contains(other), "{slug} {what} names {other}");
            }
        }
    }
}

#[test]
fn quotation_marks_follow_the_language_in_pdfs_and_html() {
    for (slug, lang, _) in CORPUS {
        let source =
            std::fs::read_to_string(repo().join(format!("tests/corpus/programmes/base/{slug}.md")))
                .unwrap();
        if !source.contains('"') {
            continue;
        }
        // The text version keeps what the author typed.
        let text = std::fs::read_to_string(output(slug, ".txt")).unwrap();
        assert!(
            text.contains('"'),
            "{slug}: the text version lost its quotes"
        );
        let (open, close) = match *lang {
            "en" => ('“', '”'),
            _ => ('”', '”'),
        };
        let html = std::fs::read_to_string(output(slug, ".html")).unwrap();
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        let visible: String = main
            .split('<')
            .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
            .collect();
        assert!(
            !visible.contains('"'),
            "{slug}: straight quotes in the HTML"
        );
        assert!(visible.contains(open) && visible.contains(close), "{slug}");
        for suffix in ["-leaflet.pdf", "-summary.pdf"] {
            let Some(pdf) = pdftotext(&output(slug, suffix)) else {
                return;
            };
            assert!(!pdf.contains('"'), "{slug}{suffix}: straight quotes");
        }
        let Some(leaflet) = pdftotext(&output(slug, "-leaflet.pdf")) else {
            return;
        };
        assert!(leaflet.contains(open), "{slug}: no {open} in the leaflet");
    }
}

#[test]
fn text_versions_keep_heading_numbers_and_punctuation_once() {
    for (slug, _, _) in CORPUS {
        let text = std::fs::read_to_string(output(slug, ".txt")).unwrap();
        for line in text.lines() {
            assert!(!line.trim_start().starts_with('.'), "{slug}: {line:?}");
            let words: Vec<&str> = line.split_whitespace().take(2).collect();
            let numbers = words
                .iter()
                .take_while(|w| {
                    w.trim_end_matches('.')
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.')
                        && w.chars().any(|c| c.is_ascii_digit())
                })
                .count();
            assert!(numbers < 2, "{slug}: a heading numbered twice: {line:?}");
        }
    }
    let finnish = std::fs::read_to_string(output("kestava-kunta", ".txt")).unwrap();
    assert!(finnish.contains("\n1. Kestävä talous\n"), "{finnish}");
    // A lead-in is a paragraph: a blank line before its list.
    assert!(finnish.contains("Siksi me haluamme:\n\n"), "{finnish}");
}

/// How far down its columns a summary's text reaches: the lowest line of text between the
/// columns' top and the room they have, as laid out (print layout: the screen PDF is it, cut).
fn column_fill(root: &Path, source: &str) -> (f64, bool) {
    use trycksak::output::RenderContext;
    use trycksak::output::pdf::Medium;
    use trycksak::output::summary;
    use trycksak::typeset::{Typesetter, labelled_metadata};
    use typst::introspection::Introspector as _;
    use typst::layout::Point;

    let project = Project::open(root).unwrap();
    let typesetter = Typesetter::new(&project);
    let loaded = load_programme(&project, &root.join(source));
    let programme = loaded.programme.expect("loads");
    let cx = RenderContext::new(&typesetter, &loaded.file, false);
    let (compiled, _, fitted) = summary::typeset(&programme, &cx, Medium::Print).unwrap();
    let document = &compiled.document;
    let label =
        typst::foundations::Label::new(typst::utils::PicoStr::intern("trycksak-columns-top"))
            .unwrap();
    let marker = document.introspector().query_label(label).unwrap();
    let top = document
        .introspector()
        .position(marker.location().unwrap())
        .expect("the columns have a position");
    let available = labelled_metadata(document, "trycksak-summary-fit").unwrap()["available"]
        .as_f64()
        .unwrap();
    let top = top.point.y.to_pt();
    let mut items = Vec::new();
    common::placed_text(&document.pages()[0].frame, Point::zero(), &mut items);
    let lowest = items
        .iter()
        .filter(|t| !t.text.trim().is_empty() && t.y > top && t.y <= top + available)
        .map(|t| t.y)
        .fold(top, f64::max);
    ((lowest - top) / available, !fitted.shown.is_empty())
}

#[test]
fn summaries_use_their_page() {
    let corpus = repo().join("tests/corpus");
    let mut sources: Vec<(PathBuf, String)> = CORPUS
        .iter()
        .map(|(slug, _, _)| (corpus.clone(), format!("programmes/base/{slug}.md")))
        .collect();
    sources.extend(
        common::SHIPPED
            .iter()
            .map(|(source, _)| (repo(), source.to_string())),
    );
    let mut report = Vec::new();
    for (root, source) in &sources {
        let (fill, shortened) = column_fill(root, source);
        report.push(format!(
            "{source}: {:.0} %{}",
            fill * 100.0,
            if shortened { " (pledges left out)" } else { "" }
        ));
        let least = if shortened { 0.80 } else { 0.45 };
        assert!(
            fill >= least,
            "{source}: its text reaches {:.0} % of the column height",
            fill * 100.0
        );
    }
    eprintln!("{}", report.join("\n"));
}

/// A PDF's structure tree as (depth, type) in document order, read with lopdf.
fn structure(pdf: &Path) -> Vec<(usize, String)> {
    use lopdf::{Document, Object};
    fn walk(doc: &Document, object: &Object, depth: usize, out: &mut Vec<(usize, String)>) {
        let object = match object {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(object) => object,
                Err(_) => return,
            },
            other => other,
        };
        match object {
            Object::Array(items) => items.iter().for_each(|item| walk(doc, item, depth, out)),
            Object::Dictionary(dict) => {
                let Ok(kind) = dict.get(b"S").and_then(Object::as_name) else {
                    return;
                };
                out.push((depth, String::from_utf8_lossy(kind).into_owned()));
                if let Ok(kids) = dict.get(b"K") {
                    walk(doc, kids, depth + 1, out);
                }
            }
            _ => {}
        }
    }
    let doc = Document::load(pdf).unwrap();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .clone();
    let root = doc.dereference(&root).unwrap().1.as_dict().unwrap().clone();
    let mut out = Vec::new();
    walk(&doc, root.get(b"K").unwrap(), 0, &mut out);
    out
}

#[test]
fn a_summary_s_pledges_are_one_list_per_section_and_its_lines_are_paragraphs() {
    let summary = output("vanstern-kommun", "-summary.pdf");
    let tree = structure(&summary);
    let lists = tree.iter().filter(|(_, kind)| kind == "L").count();
    assert_eq!(lists, 4, "one list per section with pledges: {tree:?}");
    let items = tree.iter().filter(|(_, kind)| kind == "LI").count();
    assert_eq!(items, 13, "{tree:?}");
    // Nothing but block-level structure directly under the document.
    let document_depth = tree.iter().find(|(_, k)| k == "Document").map(|(d, _)| *d);
    if let Some(depth) = document_depth {
        for (d, kind) in &tree {
            if *d == depth + 1 {
                assert!(
                    !["Strong", "Span", "Em"].contains(&kind.as_str()),
                    "a bare {kind} under the document: {tree:?}"
                );
            }
        }
    }
}

/// How far down its text area each page's text reaches (0 to 1), from poppler's word boxes: the
/// text area of the base leaflet is 16 mm from the top to 20 mm from the foot (the running
/// footer below it is left out). `None` where poppler is missing.
fn page_fills(pdf: &Path) -> Option<Vec<f64>> {
    let output = std::process::Command::new("pdftotext")
        .args(["-bbox"])
        .arg(pdf)
        .arg("-")
        .output();
    let Ok(output) = output else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return None;
    };
    let text = String::from_utf8(output.stdout).unwrap();
    let number = |s: &str, key: &str| -> Vec<f64> {
        s.split(&format!("{key}=\""))
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
            .collect()
    };
    let mm = 72.0 / 25.4;
    Some(
        text.split("<page ")
            .skip(1)
            .map(|page| {
                let height = number(page, "height")[0];
                let (top, bottom) = (16.0 * mm, height - 20.0 * mm);
                let lowest = number(page, "yMax")
                    .into_iter()
                    .filter(|y| *y <= bottom + 2.0)
                    .fold(top, f64::max);
                (lowest - top) / (bottom - top)
            })
            .collect(),
    )
}

#[test]
fn leaflets_use_their_pages() {
    let seeds = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("programmes"), &seeds.path().join("programmes"));
    copy_dir(&repo().join("layouts"), &seeds.path().join("layouts"));
    build_kinds(seeds.path(), &[kind("leaflet")]);
    let mut leaflets: Vec<PathBuf> = CORPUS
        .iter()
        .map(|(slug, _, _)| output(slug, "-leaflet.pdf"))
        .collect();
    leaflets.extend(
        common::walk(&seeds.path().join("out"))
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with("-leaflet.pdf")),
    );
    let mut report = Vec::new();
    for leaflet in &leaflets {
        let Some(fills) = page_fills(leaflet) else {
            return;
        };
        let name = leaflet.file_name().unwrap().to_string_lossy().into_owned();
        report.push(format!(
            "{name}: {:?}",
            fills
                .iter()
                .map(|f| (f * 100.0).round())
                .collect::<Vec<_>>()
        ));
        // The pages of text: not the cover, not the last (its colophon stands at its foot).
        let text_pages = &fills[1..fills.len() - 1];
        for (i, fill) in text_pages.iter().enumerate() {
            assert!(
                *fill >= 0.40,
                "{name}: page {} is {:.0} % used",
                i + 2,
                fill * 100.0
            );
        }
        let short = text_pages.iter().filter(|f| **f < 0.70).count();
        assert!(
            short <= 1,
            "{name}: {short} pages end above 70 % of their height: {fills:?}"
        );
    }
    eprintln!("{}", report.join("\n"));
    // A programme that fits one page after its cover is a flyer: one sheet, two pages.
    assert_eq!(
        page_fills(&output("flygblad", "-leaflet.pdf")).map(|f| f.len()),
        Some(2)
    );
}

#[test]
fn a_short_list_and_the_paragraph_that_introduces_it_share_a_page() {
    // landsbygd-och-vard ends with "Källor": a paragraph ending in a colon and a list of two
    // sources, which used to break after the first source, leaving the second alone on the
    // colophon page.
    let Some(text) = pdftotext(&output("landsbygd-och-vard", "-leaflet.pdf")) else {
        return;
    };
    let page_of = |needle: &str| {
        text.split('\u{c}')
            .position(|page| page.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} is not in the leaflet:\n{text}"))
    };
    let lead_in = page_of("följande");
    assert_eq!(page_of("Väntetider i vården"), lead_in, "{text}");
    assert_eq!(page_of("Regionens årsredovisning 2021"), lead_in, "{text}");
}

/// The break points (letters before each) of a word hyphenated as the PDFs are.
fn breaks_of(word: &str) -> Vec<usize> {
    let sv = trycksak::output::hyphenate::language("sv", &trycksak::language::BUILT_IN).unwrap();
    let hyphenated = trycksak::output::hyphenate::text(word, sv);
    let mut letters = 0;
    let mut out = Vec::new();
    for c in hyphenated.chars() {
        if c == '\u{ad}' {
            out.push(letters);
        } else {
            letters += 1;
        }
    }
    out
}

#[test]
fn swedish_compounds_break_at_their_joints() {
    let list = std::fs::read_to_string(repo().join("tests/corpus/compounds-sv.txt")).unwrap();
    let (compounds, whole) = list.split_once("\n# whole\n").unwrap();
    let mut wrong = Vec::new();
    for line in compounds
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let parts: Vec<&str> = line.split('|').collect();
        let joints: Vec<usize> = parts
            .iter()
            .scan(0, |at, part| {
                *at += part.chars().count();
                Some(*at)
            })
            .take(parts.len() - 1)
            .collect();
        let breaks = breaks_of(&parts.concat());
        for joint in &joints {
            if !breaks.contains(joint) || breaks.iter().any(|b| b.abs_diff(*joint) == 1) {
                wrong.push(format!("{line}: breaks at {breaks:?}"));
            }
        }
    }
    let parts = &trycksak::language::of("sv").unwrap().compound_parts;
    for word in whole
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let breaks = breaks_of(word);
        for part in parts.iter().filter(|p| word.starts_with(p.as_str())) {
            if breaks.contains(&part.chars().count()) {
                wrong.push(format!("{word}: broken after `{part}` ({breaks:?})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
