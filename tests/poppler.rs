//! Independent checks of the PDFs with poppler's tools, as a print shop or reviewer would run
//! them on the leaflet, summary and large-print PDFs: `pdffonts` (every font embedded),
//! `pdfinfo` (tagged, titled, page counts) and
//! `pdftotext` (every seed paragraph in order, after joining hyphenated line ends and leaving
//! out the running footers).
//!
//! CI installs poppler-utils and must run this; elsewhere it is skipped, with a note, when the
//! tools are missing.

mod common;

use std::path::Path;
use std::process::Command;

use common::{build_kinds, missing_in_order, seed_paragraphs, shipped_project};
use trycksak::output::OutputKind;

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
    let report = build_kinds(dir.path(), OutputKind::ALL);
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
        for kind in [
            "leaflet",
            "summary",
            "storstil",
            "leaflet-print",
            "summary-print",
        ] {
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
                "leaflet" | "leaflet-print" => assert_eq!(pages % 4, 0, "{}", pdf.display()),
                "summary" | "summary-print" => assert_eq!(pages, 1, "{}", pdf.display()),
                _ => assert!(pages > 1),
            }
            if !kind.starts_with("summary") {
                // The running footer ("9  Drivkraft Västernorrland") is an artifact, outside the
                // tag tree; it is cropped off the leaflets (the text area ends 20 mm above the
                // trim's foot, which is 13 mm inside the print twin's media box), since where a
                // page break splits a long paragraph pdftotext puts it in between.
                let crop_mm = match kind {
                    "leaflet" => Some(190.0),
                    "leaflet-print" => Some(203.0),
                    _ => None,
                };
                let text: String = match crop_mm {
                    Some(mm) => {
                        let height = format!("{:.0}", mm * 72.0 / 25.4);
                        let output = Command::new("pdftotext")
                            .args(["-x", "0", "-y", "0", "-W", "2000", "-H", &height])
                            .arg(&pdf)
                            .arg("-")
                            .output()
                            .unwrap();
                        String::from_utf8(output.stdout).unwrap()
                    }
                    None => run("pdftotext", &pdf),
                }
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

/// `pdfinfo -box` on every page: (TrimBox, BleedBox, MediaBox) in points.
fn page_boxes(pdf: &Path) -> Vec<[[f64; 4]; 3]> {
    let output = Command::new("pdfinfo")
        .args(["-box", "-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .unwrap();
    let info = String::from_utf8(output.stdout).unwrap();
    let boxes = |name: &str| -> Vec<[f64; 4]> {
        info.lines()
            .filter(|l| l.starts_with("Page") && l.contains(name))
            .map(|l| {
                let values: Vec<f64> = l
                    .split(':')
                    .nth(1)
                    .unwrap()
                    .split_whitespace()
                    .map(|v| v.parse().unwrap())
                    .collect();
                values.try_into().unwrap()
            })
            .collect()
    };
    let (trim, bleed, media) = (boxes("TrimBox"), boxes("BleedBox"), boxes("MediaBox"));
    assert_eq!(trim.len(), bleed.len());
    trim.into_iter()
        .zip(bleed)
        .zip(media)
        .map(|((t, b), m)| [t, b, m])
        .collect()
}

/// The words of `pdftotext` inside `area` (x, y from the top left, width, height, in points):
/// for a print twin its TrimBox, which leaves out the slug line under the page.
fn words_in(pdf: &Path, area: Option<[f64; 4]>) -> Vec<String> {
    let mut command = Command::new("pdftotext");
    if let Some([x, y, w, h]) = area {
        command.args(["-r", "72"]);
        for (flag, value) in [("-x", x), ("-y", y), ("-W", w), ("-H", h)] {
            command.args([flag, &format!("{}", value.round() as i64)]);
        }
    }
    let output = command.arg(pdf).arg("-").output().unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .replace("\u{ad}\n", "")
        .replace("-\n", "")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn print_twins_have_exact_boxes_pdfx_and_the_same_text_as_the_screen_pdfs() {
    if !poppler_available() {
        return;
    }
    let dir = shipped_project();
    let report = build_kinds(
        dir.path(),
        &[
            common::kind("leaflet"),
            common::kind("summary"),
            common::kind("leaflet-print"),
            common::kind("summary-print"),
        ],
    );
    assert_eq!(report.failed().count(), 0);
    let mm = |points: f64| points * 25.4 / 72.0;
    let qpdf = Command::new("qpdf").arg("--version").output().is_ok();
    assert!(
        qpdf || std::env::var_os("CI").is_none(),
        "CI must install qpdf"
    );
    for (region, slug) in [
        ("vasternorrland", "drivkraft-vasternorrland"),
        ("varmland", "regionalpolitiskt-program-2019-2022"),
        ("norrbotten", "omstart-for-norrbotten"),
    ] {
        let folder = dir.path().join(format!("out/{region}/{slug}"));
        for (kind, trim_mm) in [("leaflet", [148.0, 210.0]), ("summary", [210.0, 297.0])] {
            let print = folder.join(format!("{slug}-{kind}-print.pdf"));
            let screen = folder.join(format!("{slug}-{kind}.pdf"));
            let boxes = page_boxes(&print);
            assert!(!boxes.is_empty());
            for &[trim, bleed, media] in &boxes {
                let size = [mm(trim[2] - trim[0]), mm(trim[3] - trim[1])];
                assert!(
                    (size[0] - trim_mm[0]).abs() < 0.05 && (size[1] - trim_mm[1]).abs() < 0.05,
                    "{}: TrimBox {size:?} mm",
                    print.display()
                );
                for side in 0..4 {
                    let outward = if side < 2 {
                        trim[side] - bleed[side]
                    } else {
                        bleed[side] - trim[side]
                    };
                    assert!(
                        (mm(outward) - 3.0).abs() < 0.01,
                        "{}: bleed {}",
                        print.display(),
                        mm(outward)
                    );
                    let room = if side < 2 {
                        bleed[side] - media[side]
                    } else {
                        media[side] - bleed[side]
                    };
                    assert!(mm(room) >= 9.9, "{}: no room for marks", print.display());
                }
            }
            let info = run("pdfinfo", &print);
            assert!(info.contains("PDF subtype:    PDF/X-4"), "{info}");
            assert!(info.contains("PDF version:     1.6"), "{info}");
            let [trim, _, media] = boxes[0];
            let trim_area = [
                trim[0],
                media[3] - trim[3],
                trim[2] - trim[0],
                trim[3] - trim[1],
            ];
            assert_eq!(
                words_in(&print, Some(trim_area)),
                words_in(&screen, None),
                "{}: the print twin's text differs from the screen PDF's",
                print.display()
            );
            if qpdf {
                let check = Command::new("qpdf")
                    .arg("--check")
                    .arg(&print)
                    .output()
                    .unwrap();
                let stdout = String::from_utf8_lossy(&check.stdout);
                assert!(
                    check.status.success()
                        && stdout.contains("No syntax or stream encoding errors"),
                    "{}: {stdout}",
                    print.display()
                );
            }
        }
    }
}
