//! Independent checks of the PDFs with poppler's tools, as a print shop or reviewer would run
//! them on the leaflet, summary and large-print PDFs: `pdffonts` (every font embedded),
//! `pdfinfo` (tagged, titled, page counts) and
//! `pdftotext` (every seed paragraph in order, after joining hyphenated line ends).
//!
//! CI installs poppler-utils and must run this; elsewhere it is skipped, with a note, when the
//! tools are missing.

mod common;

use std::path::Path;
use std::process::Command;

use common::{missing_in_order, seed_paragraphs, shipped_project};
use trycksak::build::{BuildOptions, build};
use trycksak::output::OutputKind;
use trycksak::project::Project;

fn run(tool: &str, pdf: &Path) -> String {
    let output = Command::new(tool)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{tool} failed on {}",
        pdf.display()
    );
    String::from_utf8(output.stdout).unwrap()
}

fn poppler_available() -> bool {
    let found = ["pdftotext", "pdfinfo", "pdffonts"]
        .iter()
        .all(|tool| Command::new(tool).arg("-v").output().is_ok());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils (see .ci/run)"
        );
        eprintln!("skipped: poppler-utils (pdftotext, pdfinfo, pdffonts) is not installed");
    }
    found
}

#[test]
fn poppler_sees_embedded_fonts_tags_titles_page_counts_and_every_sentence() {
    if !poppler_available() {
        return;
    }
    let dir = shipped_project();
    let project = Project::open(dir.path()).unwrap();
    let options = BuildOptions {
        out_dir: dir.path().join("out"),
        kinds: Some(OutputKind::ALL.to_vec()),
        preview: false,
        jobs: None,
        progress: None,
    };
    let report = build(&project, &project.programme_sources().unwrap(), &options).unwrap();
    assert_eq!(report.failed().count(), 0);

    for (region, slug, seed) in [
        (
            "vasternorrland",
            "drivkraft-vasternorrland",
            "vasternorrland.txt",
        ),
        (
            "varmland",
            "regionalpolitiskt-program-2019-2022",
            "varmland.txt",
        ),
        ("norrbotten", "omstart-for-norrbotten", "norrbotten.txt"),
    ] {
        for kind in ["leaflet", "summary", "storstil"] {
            let pdf = dir
                .path()
                .join(format!("out/{region}/{slug}/{slug}-{kind}.pdf"));
            let fonts = run("pdffonts", &pdf);
            let rows: Vec<&str> = fonts.lines().skip(2).collect();
            assert!(!rows.is_empty());
            for row in rows {
                // Columns: name, type, encoding, emb, sub, uni, object ID.
                let columns: Vec<&str> = row.split_whitespace().collect();
                let emb = columns[columns.len() - 5];
                assert_eq!(emb, "yes", "{}: font not embedded: {row}", pdf.display());
            }
            let info = run("pdfinfo", &pdf);
            assert!(info.contains("Tagged:          yes"), "{info}");
            let title = info
                .lines()
                .find(|l| l.starts_with("Title:"))
                .unwrap_or_default();
            assert!(title.len() > "Title:".len() + 5, "{info}");
            let pages: u32 = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            match kind {
                "leaflet" => assert_eq!(pages % 4, 0, "{}", pdf.display()),
                "summary" => assert_eq!(pages, 1, "{}", pdf.display()),
                _ => assert!(pages > 1),
            }
            if kind != "summary" {
                let text = run("pdftotext", &pdf)
                    .replace("\u{ad}\n", "")
                    .replace("-\n", "");
                let missing = missing_in_order(&seed_paragraphs(seed), &text);
                assert!(
                    missing.is_empty(),
                    "{}: missing: {missing:#?}",
                    pdf.display()
                );
            }
        }
    }
}
