//! The braille version (PEF), checked as a braille producer would: valid against the PEF
//! 2008-1 schema (RELAX NG, `tests/data/pef/`, with libxml2's `xmllint`), every row within the
//! volume's `cols`, every page within its `rows`, only 6-dot cells; read back with liblouis's
//! own back-translator (`lou_translate --backward`, Debian's liblouis-bin) and compared with
//! the programme's sentences; its summary volume against the summary PDF (poppler).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{demo_project, have, pdftotext, shipped_project, trycksak, walk, words};

/// A PEF as its readers see it: volumes of sections of pages of rows.
struct Pef {
    cols: Vec<usize>,
    rows: Vec<usize>,
    /// Per volume, per section, per page, its rows.
    volumes: Vec<Vec<Vec<Vec<String>>>>,
}

fn read_pef(path: &Path) -> Pef {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut pef = Pef {
        cols: Vec::new(),
        rows: Vec::new(),
        volumes: Vec::new(),
    };
    for volume in doc.descendants().filter(|n| n.has_tag_name("volume")) {
        pef.cols
            .push(volume.attribute("cols").unwrap().parse().unwrap());
        pef.rows
            .push(volume.attribute("rows").unwrap().parse().unwrap());
        let sections = volume
            .children()
            .filter(|n| n.has_tag_name("section"))
            .map(|section| {
                section
                    .children()
                    .filter(|n| n.has_tag_name("page"))
                    .map(|page| {
                        page.children()
                            .filter(|n| n.has_tag_name("row"))
                            .map(|row| row.text().unwrap_or("").to_string())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        pef.volumes.push(sections);
    }
    pef
}

/// Checks `pef` against the schema and the page geometry; panics with what is wrong.
fn assert_valid(path: &Path) -> Pef {
    if have("xmllint", &["--version"], "libxml2-utils") {
        let schema = common::repo().join("tests/data/pef/pef-2008-1.rng");
        let output = Command::new("xmllint")
            .args(["--noout", "--relaxng"])
            .arg(&schema)
            .arg(path)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{} is not valid PEF: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let pef = read_pef(path);
    assert!(!pef.volumes.is_empty());
    for (v, volume) in pef.volumes.iter().enumerate() {
        for page in volume.iter().flatten() {
            assert!(
                page.len() <= pef.rows[v],
                "a page of {} rows in a volume of {}",
                page.len(),
                pef.rows[v]
            );
            for row in page {
                assert!(
                    row.chars().count() <= pef.cols[v],
                    "a row of {} cells: {row}",
                    row.chars().count()
                );
                assert!(
                    row.chars().all(|c| ('\u{2800}'..='\u{283f}').contains(&c)),
                    "a cell beyond 6 dots: {row}"
                );
            }
        }
    }
    pef
}

/// The text of the rows of `pages` (their page-number rows left out), read back with liblouis
/// (`tables`, Debian's), or `None` where liblouis-bin is not installed.
fn read_back(pages: &[Vec<String>], tables: &str) -> Option<String> {
    if !have("lou_translate", &["--version"], "liblouis-bin") {
        return None;
    }
    let mut braille = String::new();
    for page in pages {
        for row in page.iter().skip(1) {
            braille.push_str(row.trim_matches('\u{2800}'));
            braille.push('\n');
        }
    }
    let mut child = Command::new("lou_translate")
        .args(["--backward", &format!("unicode.dis,{tables}")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(braille.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    Some(String::from_utf8(output.stdout).unwrap())
}

/// The sentences of a text version, after its notice.
fn sentences(text: &str) -> Vec<String> {
    let body = text.split_once("\n\n").map_or(text, |(_, body)| body);
    let mut out = Vec::new();
    for paragraph in body.split("\n\n") {
        let paragraph = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut start = 0;
        for (i, c) in paragraph.char_indices() {
            if matches!(c, '.' | '!' | '?') && paragraph[i + 1..].starts_with(' ') {
                out.push(paragraph[start..=i].to_string());
                start = i + 2;
            }
        }
        out.push(paragraph[start.min(paragraph.len())..].to_string());
    }
    out.retain(|s| !words(s).is_empty());
    out
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

fn built(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = walk(&dir.join("out"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

#[test]
fn the_seeds_in_braille_are_valid_pef_and_read_back() {
    let project = shipped_project();
    trycksak(project.path())
        .args(["build", "--format", "braille,text,summary"])
        .assert()
        .success();
    let pefs = built(project.path(), "pef");
    assert_eq!(pefs.len(), 3, "{pefs:?}");
    for pef_path in &pefs {
        let pef = assert_valid(pef_path);
        // A summary volume and at least one of the programme, each opening with a title page.
        assert!(pef.volumes.len() >= 2);
        for volume in &pef.volumes {
            assert_eq!(volume.len(), 2, "a title page section and a text section");
        }
        let text_path = pef_path.with_extension("txt");
        let text = std::fs::read_to_string(&text_path).unwrap();
        let programme_pages: Vec<Vec<String>> = pef.volumes[1..]
            .iter()
            .flat_map(|volume| volume[1].clone())
            .collect();
        let Some(back) = read_back(&programme_pages, "sv-g0.utb") else {
            continue;
        };
        let back = words(&back);
        let all = sentences(&text);
        let read: Vec<_> = all
            .iter()
            .filter(|s| contains_run(&back, &words(s)))
            .collect();
        let share = read.len() as f64 / all.len() as f64;
        eprintln!(
            "{}: {} of {} sentences read back ({:.1} %)",
            pef_path.file_name().unwrap().to_string_lossy(),
            read.len(),
            all.len(),
            100.0 * share
        );
        assert!(share >= 0.95, "only {:.1} % read back", 100.0 * share);

        // The summary volume holds every pledge the summary PDF shows.
        let summary_pdf = pef_path.with_file_name(format!(
            "{}-summary.pdf",
            pef_path.file_stem().unwrap().to_string_lossy()
        ));
        let Some(pdf_text) = pdftotext(&summary_pdf) else {
            continue;
        };
        let pdf_words = words(&pdf_text);
        let summary_back = words(&read_back(&pef.volumes[0][1], "sv-g0.utb").unwrap());
        let pledges = pledges_of(&text);
        let mut shown = 0;
        for pledge in &pledges {
            // A pledge the PDF shows: its opening words are on the page.
            let opening: Vec<String> = words(pledge).into_iter().take(6).collect();
            if !contains_run(&pdf_words, &opening) {
                continue;
            }
            shown += 1;
            let pledge_words = words(pledge);
            let found = pledge_words
                .chunks(5)
                .filter(|chunk| contains_run(&summary_back, chunk))
                .count();
            assert!(
                found * 10 >= pledge_words.chunks(5).count() * 9,
                "the summary volume lacks the pledge {pledge:?}"
            );
        }
        assert!(
            shown > 0,
            "no pledge of the summary PDF found in {text_path:?}"
        );
    }
}

/// The items of a text version's lists (the pledges among them), each as one line.
fn pledges_of(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("• ") {
            items.extend(current.take());
            current = Some(rest.to_string());
        } else if trimmed.is_empty() {
            items.extend(current.take());
        } else if let Some(item) = &mut current {
            item.push(' ');
            item.push_str(trimmed);
        }
    }
    items.extend(current);
    items
}

#[test]
fn odd_input_gives_a_pef_and_a_language_without_tables_fails_alone() {
    let long_word = "å".repeat(5000);
    let header: Vec<String> = (1..=12).map(|i| format!("K{i}")).collect();
    let row: Vec<String> = (1..=12).map(|i| format!("{i} kr")).collect();
    let table = format!(
        "| {} |\n|{}\n| {} |\n",
        header.join(" | "),
        "---|".repeat(12),
        row.join(" | ")
    );
    let odd = format!(
        "---\ntitle: Udda 😀\nregion: demo\nlang: sv\nparty: Partiet\n---\n\nVi gillar 😀 och ∑ och 🇸🇪.\n\n{long_word}\n\n## Tabell\n\n{table}\nVi säger [Buorre beaivi]{{lang=se}} och [hyvää päivää]{{lang=fi}} till alla.\n"
    );
    let sami =
        "---\ntitle: Buorre beaivi\nregion: demo\nlang: se\n---\n\nMii háliidit buori eallima.\n";
    let project = demo_project(&[
        ("programmes/demo/udda.md", &odd),
        ("programmes/demo/samegiella.md", sami),
    ]);
    let assert = trycksak(project.path())
        .args(["--lang", "sv", "build", "--format", "braille,text"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    // The odd programme: a PEF, with one warning for the characters without braille.
    let pefs = built(project.path(), "pef");
    assert_eq!(pefs.len(), 1, "{pefs:?}\n{stderr}");
    let pef = assert_valid(&pefs[0]);
    assert!(
        stderr.contains("tecken saknar punktskrift i sv-g0.utb"),
        "{stderr}"
    );
    assert!(stderr.contains("udda.md:"), "{stderr}");
    // The 5 000-letter word is cut at rows' ends with the hyphen, and none of it is lost.
    let rows: Vec<&String> = pef.volumes[1..]
        .iter()
        .flat_map(|v| v.iter().flatten().flatten())
        .collect();
    let a_ring = "⠡";
    let cells: usize = rows.iter().map(|r| r.matches(a_ring).count()).sum();
    assert!(cells >= 5000, "{cells} of the word's 5000 letters");
    // Every one of the table's twelve columns, and the parts in Sami and Finnish, between the
    // signs of another language (dots 5, 2).
    if let Some(back) = read_back(
        &pef.volumes[1..]
            .iter()
            .flat_map(|v| v[1].clone())
            .collect::<Vec<_>>(),
        "sv-g0.utb",
    ) {
        let back = words(&back);
        for i in 1..=12 {
            let cell = [format!("k{i}"), i.to_string(), "kr".to_string()];
            assert!(contains_run(&back, &cell), "column K{i} lost");
        }
    }
    let all_cells: String = rows.iter().map(|r| r.as_str()).collect();
    assert!(all_cells.contains("⠐⠂"), "no sign of another language");
    // The Sami programme: its text version is made; its braille is one error, at `lang:`.
    assert!(
        project
            .path()
            .join("out/demo/samegiella/samegiella.txt")
            .exists()
    );
    assert!(
        stderr.contains("samegiella.md:4")
            && stderr.contains("ingen punktskriftstabell för språket `se`"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("punktskriftstabell för språket").count(), 1);
}

#[test]
fn a_layout_sets_the_page_and_the_volume_size() {
    let mut source = String::from("---\ntitle: Långt\nregion: demo\nlang: sv\n---\n\n");
    for section in 1..=30 {
        source.push_str(&format!("## Avsnitt {section}\n\n"));
        for _ in 0..8 {
            source
                .push_str("Vi vill att alla ska ha en bra skola och en trygg vård i hela länet. ");
        }
        source.push_str("\n\n");
    }
    let project = demo_project(&[
        ("programmes/demo/langt.md", &source),
        (
            "layouts/demo/layout.yaml",
            "braille:\n  build: true\n  cols: 32\n  rows: 27\n  volume_sheets: 10\n",
        ),
    ]);
    // `build: true`: made without `--format`.
    trycksak(project.path()).arg("build").assert().success();
    let pefs = built(project.path(), "pef");
    assert_eq!(pefs.len(), 1);
    let pef = assert_valid(&pefs[0]);
    assert!(pef.cols.iter().all(|&c| c == 32) && pef.rows.iter().all(|&r| r == 27));
    // Volumes of at most 10 sheets, both sides: a title sheet and 18 pages of text.
    assert!(pef.volumes.len() >= 3, "{} volumes", pef.volumes.len());
    for volume in &pef.volumes[1..] {
        assert!(volume[1].len() <= 18, "{} pages", volume[1].len());
    }
    // Each text volume but the first opens with a section's heading: three blank rows under
    // the page number, then the heading (MTM 9.1).
    for volume in &pef.volumes[2..] {
        let page = &volume[1][0];
        assert!(page[1..4].iter().all(String::is_empty), "{page:?}");
        assert!(page[4].starts_with("⠼"), "not a numbered heading: {page:?}");
    }
    // Page numbers run on from volume to volume, at the right of each page's first row.
    let first_rows: Vec<&String> = pef.volumes[1..]
        .iter()
        .flat_map(|v| v[1].iter().map(|page| &page[0]))
        .collect();
    assert!(first_rows[0].ends_with("⠼⠁"));
    assert!(first_rows[1].ends_with("⠼⠃"));
    assert_eq!(first_rows[0].chars().count(), 32);

    // A size no embosser has is one error at its line.
    std::fs::write(
        project.path().join("layouts/demo/layout.yaml"),
        "braille:\n  cols: 200\n",
    )
    .unwrap();
    let assert = trycksak(project.path())
        .args(["--lang", "en", "build", "--format", "braille"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("layout.yaml:2") && stderr.contains("`braille: cols` is 200"),
        "{stderr}"
    );
}

#[test]
fn finnish_and_arabic_programmes_read_back_with_their_own_tables() {
    let mut files = Vec::new();
    for lang in ["fi", "ar"] {
        let text = std::fs::read_to_string(
            common::repo().join(format!("tests/corpus/languages/{lang}.md")),
        )
        .unwrap()
        .replace("region: base", "region: demo");
        files.push((format!("programmes/demo/{lang}.md"), text));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    let project = demo_project(&files);
    trycksak(project.path())
        .args(["build", "--format", "braille,text"])
        .assert()
        .success();
    for (lang, tables) in [("fi", "fi.utb"), ("ar", "ar-ar-g1.utb")] {
        let pef_path = project.path().join(format!("out/demo/{lang}/{lang}.pef"));
        let pef = assert_valid(&pef_path);
        let pages: Vec<Vec<String>> = pef.volumes[1..]
            .iter()
            .flat_map(|volume| volume[1].clone())
            .collect();
        let Some(back) = read_back(&pages, tables) else {
            return;
        };
        // Arabic braille's digits read back as Arabic-Indic digits, and the source has some:
        // the same numbers either way.
        let western = |text: &str| -> String {
            text.chars()
                .map(|c| match c {
                    '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
                    c => c,
                })
                .collect()
        };
        let back = words(&western(&back));
        let text = western(&std::fs::read_to_string(pef_path.with_extension("txt")).unwrap());
        let all = sentences(&text);
        let missed: Vec<&String> = all
            .iter()
            .filter(|s| !contains_run(&back, &words(s)))
            .collect();
        let read = all.len() - missed.len();
        assert!(
            read * 100 >= all.len() * 95,
            "{lang}: {read} of {} sentences read back; not: {missed:?}",
            all.len()
        );
    }
}
