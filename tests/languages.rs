//! Programmes in the languages of a Swedish campaign (`tests/corpus/languages/`: Swedish,
//! Finnish, Meänkieli, North Sámi, Arabic, Persian, Somali, Tigrinya): every default output is
//! built, each PDF says its language, each HTML page its language and direction, the pledges are
//! found in each, and the Arabic leaflet's text reads back (poppler) in logical order.

mod common;

use std::path::Path;

use common::{repo, walk};

/// A project with the shipped layouts and fonts and the language corpus's programmes.
fn language_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&repo().join("layouts"), &dir.path().join("layouts"));
    common::copy_dir(&repo().join("fonts"), &dir.path().join("fonts"));
    let folder = dir.path().join("programmes/base");
    std::fs::create_dir_all(&folder).unwrap();
    for source in walk(&repo().join("tests/corpus/languages")) {
        if source.extension().is_some_and(|e| e == "md")
            && source.file_name().is_some_and(|n| n != "README.md")
        {
            std::fs::copy(&source, folder.join(source.file_name().unwrap())).unwrap();
        }
    }
    dir
}

const LANGUAGES: &[(&str, &str)] = &[
    ("sv", "ltr"),
    ("fi", "ltr"),
    ("fit", "ltr"),
    ("se", "ltr"),
    ("ar", "rtl"),
    ("fa", "rtl"),
    ("so", "ltr"),
    ("ti", "ltr"),
];

/// Builds every programme of the project at `root` with each region's default outputs.
fn build_defaults(root: &Path) -> trycksak::build::BuildReport {
    let project = trycksak::project::Project::open(root).unwrap();
    let options = trycksak::build::BuildOptions::new(root.join("out"));
    trycksak::build::build(&project, &project.programme_sources().unwrap(), &options).unwrap()
}

/// The `/Lang` of a PDF's catalog.
fn pdf_lang(path: &Path) -> String {
    let doc = lopdf::Document::load(path).unwrap();
    let catalog = doc.catalog().unwrap();
    let lang = catalog.get(b"Lang").unwrap();
    String::from_utf8_lossy(lang.as_str().unwrap()).into_owned()
}

#[test]
fn every_language_builds_every_output_and_says_its_language_and_direction() {
    let project = language_project();
    let sources = trycksak::project::Project::open(project.path())
        .unwrap()
        .programme_sources()
        .unwrap();
    assert_eq!(sources.len(), LANGUAGES.len());
    let report = build_defaults(project.path());
    for outcome in &report.outcomes {
        let errors: Vec<String> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.short())
            .collect();
        assert!(
            errors.is_empty(),
            "{}: {errors:#?}",
            outcome.source.display()
        );
        // Each finds its two pledges by its own language's words.
        let pledges: usize = outcome
            .pledges
            .as_ref()
            .map(|p| p.iter().map(|(_, n)| n).sum())
            .unwrap_or(0);
        assert_eq!(pledges, 2, "{}", outcome.source.display());
    }
    for (lang, dir) in LANGUAGES {
        let folder = project.path().join("out/base").join(lang);
        for kind in ["leaflet", "summary", "leaflet-print", "summary-print"] {
            let pdf = folder.join(format!("{lang}-{kind}.pdf"));
            assert_eq!(pdf_lang(&pdf), *lang, "{}", pdf.display());
        }
        let page = std::fs::read_to_string(folder.join(format!("{lang}.html"))).unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{lang}: {}",
            &page[..200]
        );
        let text = std::fs::read_to_string(folder.join(format!("{lang}.txt"))).unwrap();
        let notice = &trycksak::i18n::labels(lang).text_notice;
        let first_words: String = notice
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.starts_with(&first_words), "{lang}: {text}");
    }
    // The Finnish report is in Finnish and says why no Finnish-calibrated measure is given.
    let report =
        std::fs::read_to_string(project.path().join("out/base/fi/fi-saavutettavuus.txt")).unwrap();
    assert!(report.starts_with("Saavutettavuusraportti: "), "{report}");
    let flowing = report.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowing.contains("Suomelle kalibroitua luettavuusmittaria ei anneta"),
        "{report}"
    );
    assert!(
        report.contains("(vaikea)") || report.contains("helppo)"),
        "{report}"
    );
}

/// Arabic letters (not punctuation or bidi controls) as words.
fn arabic_words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        !('\u{0621}'..='\u{064A}').contains(&c) && !('\u{0671}'..='\u{06D3}').contains(&c)
    })
    .filter(|w| !w.is_empty())
    .map(str::to_string)
    .collect()
}

/// The length of the longest common subsequence of two word lists.
fn common_in_order(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for word in a {
        let mut previous = 0;
        for (j, other) in b.iter().enumerate() {
            let kept = row[j + 1];
            row[j + 1] = if word == other {
                previous + 1
            } else {
                row[j + 1].max(row[j])
            };
            previous = kept;
        }
    }
    row[b.len()]
}

#[test]
fn the_arabic_leaflets_text_reads_back_in_logical_order() {
    let project = language_project();
    build_defaults(project.path());
    let source = std::fs::read_to_string(project.path().join("programmes/base/ar.md")).unwrap();
    let expected = arabic_words(&source);
    let Some(text) = common::pdftotext(&project.path().join("out/base/ar/ar-leaflet.pdf")) else {
        return;
    };
    let got = arabic_words(&text);
    let kept = common_in_order(&expected, &got);
    let share = kept as f64 / expected.len() as f64;
    eprintln!(
        "Arabic leaflet: {kept} of {} words in logical order ({:.1} %)",
        expected.len(),
        share * 100.0
    );
    assert!(share >= 0.95, "{share}: {got:?}");
}

/// The languages a tagged PDF names for its parts: the `/Lang` of structure elements (a block's
/// paragraph) and of marked-content sequences (`/Span <</Lang (se)>> BDC`, which Typst writes
/// for words in another language inside a paragraph).
fn structure_languages(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).unwrap();
    let mut found: Vec<String> = doc
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| {
            dict.get(b"Type")
                .ok()
                .and_then(|t| t.as_name().ok())
                .is_some_and(|name| name == b"StructElem")
        })
        .filter_map(|dict| dict.get(b"Lang").ok())
        .filter_map(|lang| {
            lang.as_str()
                .ok()
                .map(|s| String::from_utf8_lossy(s).into_owned())
        })
        .collect();
    let marked = regex::bytes::Regex::new(r"/Lang\s*\(([^)]*)\)\s*>>\s*BDC").unwrap();
    for object in doc.objects.values() {
        if let Ok(stream) = object.as_stream() {
            let content = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            for capture in marked.captures_iter(&content) {
                found.push(String::from_utf8_lossy(&capture[1]).into_owned());
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

const PARTS: &str = "---
title: Välkommen
region: base
lang: sv
---

Vi hälsar alla välkomna: [Buorre beaivi]{lang=se} och [*tervetuloa*]{lang=fi}!

::: {lang=fi}
Tämä kappale on suomeksi. Kunnan palvelut ovat saatavilla myös suomeksi.
:::

Och tillbaka på svenska.
";

/// WCAG 3.1.2, language of parts: a span and a block in another language keep their language
/// in the HTML (`lang`, `dir`) and in the tagged PDF's structure elements (`/Lang`), and their
/// words in the text version.
#[test]
fn parts_in_another_language_say_so_in_the_page_and_the_pdf() {
    let project = common::demo_project(&[]);
    common::copy_dir(&repo().join("fonts"), &project.path().join("fonts"));
    std::fs::create_dir_all(project.path().join("programmes/base")).unwrap();
    std::fs::write(project.path().join("programmes/base/delar.md"), PARTS).unwrap();
    let report = build_defaults(project.path());
    assert!(
        !report.outcomes[0].failed(),
        "{:#?}",
        report.outcomes[0].diagnostics
    );
    let folder = project.path().join("out/base/delar");
    let page = std::fs::read_to_string(folder.join("delar.html")).unwrap();
    assert!(
        page.contains(r#"<span lang="se" dir="ltr">Buorre beaivi</span>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<span lang="fi" dir="ltr"><em>tervetuloa</em></span>"#),
        "{page}"
    );
    assert!(page.contains(r#"<div lang="fi" dir="ltr">"#), "{page}");
    let text = std::fs::read_to_string(folder.join("delar.txt")).unwrap();
    assert!(
        text.contains("välkomna: Buorre beaivi och tervetuloa!"),
        "{text}"
    );
    assert!(text.contains("Tämä kappale on suomeksi."), "{text}");
    for pdf in ["delar-leaflet.pdf", "delar-summary.pdf"] {
        let languages = structure_languages(&folder.join(pdf));
        for lang in ["se", "fi"] {
            if pdf.contains("summary") && lang == "se" {
                continue;
            }
            assert!(
                languages.contains(&lang.to_string()),
                "{pdf}: {languages:?}"
            );
        }
    }
}

#[test]
fn a_language_part_with_a_wrong_tag_or_no_end_is_an_error_at_its_line() {
    let project = common::demo_project(&[(
        "programmes/demo/fel.md",
        "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nHej [världen]{lang=svenska}.\n\n::: {lang=fi}\nTämä jää auki.\n",
    )]);
    let output = common::trycksak(project.path())
        .args(["--diagnostic-format", "short", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("programmes/demo/fel.md:7:1: error: `svenska` is not a language tag"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "programmes/demo/fel.md:9:1: error: the part in `fi` that starts here is never closed"
        ),
        "{stderr}"
    );
}

/// The titles of a PDF's bookmarks (its outline), in order.
fn bookmark_titles(doc: &lopdf::Document) -> Vec<String> {
    let mut titles = Vec::new();
    let catalog = doc.catalog().unwrap();
    let Ok(outlines) = catalog.get(b"Outlines").and_then(|o| doc.dereference(o)) else {
        return titles;
    };
    let mut next = outlines
        .1
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"First").ok())
        .cloned();
    while let Some(reference) = next {
        let Ok((_, item)) = doc.dereference(&reference) else {
            break;
        };
        let Ok(item) = item.as_dict() else { break };
        if let Ok(title) = item.get(b"Title").and_then(|t| t.as_str()) {
            titles.push(
                lopdf::decode_text_string(&lopdf::Object::String(
                    title.to_vec(),
                    lopdf::StringFormat::Literal,
                ))
                .unwrap_or_default(),
            );
        }
        next = item.get(b"Next").ok().cloned();
    }
    titles
}

/// The right-to-left PDFs are tagged PDF/UA files like the others; their bookmarks read as the
/// headings do (Arabic at a heading's end does not break them, typst/typst#6258); a table's
/// first column stands at the right.
#[test]
fn the_arabic_pdfs_are_tagged_with_whole_bookmarks_and_tables_read_from_the_right() {
    let project = language_project();
    build_defaults(project.path());
    let folder = project.path().join("out/base/ar");
    for kind in ["leaflet", "summary", "leaflet-print", "summary-print"] {
        let path = folder.join(format!("ar-{kind}.pdf"));
        let doc = lopdf::Document::load(&path).unwrap();
        let catalog = doc.catalog().unwrap();
        assert!(catalog.get(b"StructTreeRoot").is_ok(), "{kind}");
        let raw = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        assert!(
            raw.contains("pdfuaid:part"),
            "{kind}: no PDF/UA identification"
        );
    }
    let leaflet = lopdf::Document::load(folder.join("ar-leaflet.pdf")).unwrap();
    let titles = bookmark_titles(&leaflet);
    assert!(titles.iter().any(|t| t == "الصحة"), "{titles:?}");
    assert!(titles.iter().any(|t| t == "المدرسة"), "{titles:?}");
    // The table's first header, "المدينة", stands right of its second, "المدارس".
    let output = std::process::Command::new("pdftotext")
        .args(["-bbox"])
        .arg(folder.join("ar-leaflet.pdf"))
        .arg("-")
        .output();
    let Ok(output) = output else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        return;
    };
    let bbox = String::from_utf8_lossy(&output.stdout).into_owned();
    let x_of = |word: &str| -> f64 {
        let reversed: String = word.chars().rev().collect();
        let line = bbox
            .lines()
            .find(|l| l.contains(&format!(">{word}<")) || l.contains(&format!(">{reversed}<")))
            .unwrap_or_else(|| panic!("{word} not in the leaflet"));
        let x = line
            .split("xMin=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        x.parse().unwrap()
    };
    assert!(
        x_of("المدينة") > x_of("المدارس"),
        "the table reads left to right"
    );
}

#[test]
fn a_project_and_a_region_change_the_built_in_language_files_key_by_key() {
    let project = common::demo_project(&[
        (
            "layouts/base/i18n/sv.yaml",
            "# The project's words for the skip link and the pledge headings.\nlabels:\n  skip: \"Hoppa direkt till programmet\"\npledges:\n  headings: [\"punkter\"]\n  lead_ins: [\"vill vi\"]\n",
        ),
        (
            "layouts/demo/i18n/sv.yaml",
            "# This region quotes with guillemets.\nquotes: [\"»\", \"«\", \"›\", \"‹\"]\n",
        ),
        (
            "programmes/demo/program.md",
            "---\ntitle: Program\nregion: demo\nlang: sv\n---\n\n## Våra tio punkter\n\nVi sa \"ja\" till det.\n\n- Fler bussar.\n- Lägre taxor.\n",
        ),
    ]);
    let output = common::trycksak(project.path())
        .args(["build", "--format", "html", "--format", "text"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let page =
        std::fs::read_to_string(project.path().join("out/demo/program/program.html")).unwrap();
    // The project's skip link; the region's quotation marks; the built-in words elsewhere.
    assert!(page.contains("Hoppa direkt till programmet"), "{page}");
    assert!(page.contains("»ja«"), "{page}");
    assert!(page.contains(">Textversion<"), "{page}");
    // The project's pledge heading word finds the list under "Våra tio punkter"; the built-in
    // words do not.
    let pledges = |project: &Path| {
        let check = common::trycksak(project).arg("check").output().unwrap();
        String::from_utf8_lossy(&check.stdout).into_owned()
    };
    assert!(
        pledges(project.path()).contains("2 pledges in 1 section: Våra tio punkter"),
        "{}",
        pledges(project.path())
    );
    std::fs::remove_file(project.path().join("layouts/base/i18n/sv.yaml")).unwrap();
    assert!(
        !pledges(project.path()).contains("2 pledges"),
        "{}",
        pledges(project.path())
    );
}

#[test]
fn a_language_file_with_a_mistake_is_an_error_at_its_line_and_the_region_does_not_build() {
    let project = common::demo_project(&[
        (
            "layouts/demo/i18n/fi.yaml",
            "labels:\n  skip: \"Siirry\"\n  skp: \"typo\"\n",
        ),
        ("layouts/demo/i18n/ka.yaml", "language: ka\n"),
        (
            "programmes/demo/program.md",
            "---\ntitle: Program\nregion: demo\nlang: sv\n---\n\nText.\n",
        ),
    ]);
    let output = common::trycksak(project.path())
        .args(["--diagnostic-format", "short", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "layouts/demo/i18n/fi.yaml:3:3: error: unknown key `skp` in the language file (help: did you mean `skip`?)"
        ),
        "{stderr}"
    );
    // A language only the project has must be whole: the missing keys are named.
    assert!(
        stderr.contains("layouts/demo/i18n/ka.yaml: error: the language file is not valid: missing field `reviewed` (help: trycksak has no file for `ka`"),
        "{stderr}"
    );
    assert!(!output.status.success());
}
