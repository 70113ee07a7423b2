//! Overprint in the print twins, read back with lopdf as a print shop's preflight does (GWG 2022
//! SheetCMYK_CMYK): every black text run under 12 pt is painted under an ExtGState with
//! `/op true` and `/OPM 1`; text in any other colour knocks out.

mod common;

use common::{build_kinds, shipped_project, walk};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

fn number(object: &Object) -> f64 {
    object.as_float().unwrap() as f64
}

/// Whether the named ExtGState turns fill overprint on (`/op`, or `/OP` which also sets it)
/// with OPM 1; `None` when it says nothing about overprint.
fn overprint_of(doc: &Document, resources: &Dictionary, name: &[u8]) -> Option<(bool, i64)> {
    let states = resolve(doc, resources.get(b"ExtGState").ok()?)
        .as_dict()
        .ok()?;
    let state = resolve(doc, states.get(name).ok()?).as_dict().ok()?;
    let op = state
        .get(b"op")
        .or_else(|_| state.get(b"OP"))
        .ok()?
        .as_bool()
        .ok()?;
    let opm = state
        .get(b"OPM")
        .ok()
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    Some((op, opm))
}

#[derive(Clone, Copy)]
struct Painting {
    black: bool,
    overprint: (bool, i64),
    scale: f64,
}

/// (small black runs that overprint with OPM 1, small black runs that knock out, other runs
/// that overprint) in one content stream.
fn text_runs(doc: &Document, content: &[u8], resources: &Dictionary) -> (usize, usize, usize) {
    let mut state = Painting {
        black: true,
        overprint: (false, 0),
        scale: 1.0,
    };
    let mut saved = Vec::new();
    let (mut size, mut matrix) = (0.0, 1.0);
    let mut cmyk = false;
    let mut counts = (0, 0, 0);
    for op in Content::decode(content).unwrap().operations {
        let n: Vec<f64> = op
            .operands
            .iter()
            .filter_map(|o| o.as_float().ok())
            .map(f64::from)
            .collect();
        match op.operator.as_str() {
            "q" => saved.push(state),
            "Q" => state = saved.pop().unwrap(),
            "cm" => state.scale *= (n[0] * n[3] - n[1] * n[2]).abs().sqrt(),
            "gs" => {
                if let Some(o) = overprint_of(doc, resources, op.operands[0].as_name().unwrap()) {
                    state.overprint = o;
                }
            }
            "k" => state.black = n[..3].iter().all(|v| *v == 0.0) && n[3] == 1.0,
            "g" => state.black = n[0] == 0.0,
            "rg" => state.black = false,
            "cs" => {
                cmyk = op.operands[0].as_name().unwrap() == b"DeviceCMYK";
                state.black = cmyk;
            }
            "sc" | "scn" => {
                state.black =
                    cmyk && n.len() == 4 && n[..3].iter().all(|v| *v == 0.0) && n[3] == 1.0
            }
            "BT" => matrix = 1.0,
            "Tf" => size = number(&op.operands[1]),
            "Tm" => matrix = (n[0] * n[3] - n[1] * n[2]).abs().sqrt(),
            "Tj" | "TJ" => {
                let small_black = state.black && size * matrix * state.scale < 12.0;
                match (small_black, state.overprint) {
                    (true, (true, 1)) => counts.0 += 1,
                    (true, _) => counts.1 += 1,
                    (false, (true, _)) => counts.2 += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    counts
}

#[test]
fn small_black_text_overprints_and_nothing_else_does() {
    let seeds = shipped_project();
    let photo = common::photo_project();
    let logo = common::logo_project();
    let mut pdfs = Vec::new();
    for dir in [&seeds, &photo, &logo] {
        let report = build_kinds(
            dir.path(),
            &[common::kind("leaflet-print"), common::kind("summary-print")],
        );
        assert_eq!(report.failed().count(), 0);
        pdfs.extend(
            walk(&dir.path().join("out"))
                .into_iter()
                .filter(|p| p.to_string_lossy().ends_with("-print.pdf")),
        );
    }
    pdfs.sort();
    assert_eq!(pdfs.len(), 10, "{pdfs:?}");
    for pdf in pdfs {
        let doc = Document::load(&pdf).unwrap();
        let mut totals = (0, 0, 0);
        for (_, page) in doc.get_pages() {
            let resources = common::page_resources(&doc, page);
            let counts = text_runs(&doc, &doc.get_page_content(page), &resources);
            totals = (
                totals.0 + counts.0,
                totals.1 + counts.1,
                totals.2 + counts.2,
            );
        }
        let name = pdf.file_name().unwrap().to_string_lossy();
        assert!(totals.0 > 0, "{name}: no small black run overprints");
        assert_eq!(totals.1, 0, "{name}: small black runs that knock out");
        assert_eq!(totals.2, 0, "{name}: other text that overprints");
        eprintln!("{name}: {} small black text runs overprint", totals.0);
    }
}

/// Every item GWG 2022 asks about, as `check --print` names it.
const ITEMS: [&str; 18] = [
    "pages",
    "crop box",
    "rotation",
    "user unit",
    "fonts",
    "font",
    "colour",
    "ICC colour",
    "spot colours",
    "transparency",
    "ink over 15 mm",
    "fine text",
    "rich black",
    "overprint",
    "overprint lines",
    "white",
    "thinnest line",
    "standard",
];

/// `check --print` reports every GWG item of the seeds' print twins with PASS, and fails a
/// print twin that knocks out its small black text (ours, with its overprint states turned
/// off), paints in ICC-based RGB, draws a 0.1 pt line and sets 6 pt white text, naming each
/// problem.
#[test]
fn check_print_reports_every_item_and_fails_knockout_icc_colour_and_hairlines() {
    let (dir, twins) = common::shipped_print_twins();
    assert_eq!(twins.len(), 6);
    for pdf in &twins {
        let (stdout, _) = common::outputs_of(
            common::trycksak(dir.path())
                .args(["check", "--print"])
                .arg(pdf),
            0,
        );
        assert!(stdout.contains(": PASS"), "{stdout}");
        for item in ITEMS {
            assert!(
                stdout
                    .lines()
                    .any(|l| l.starts_with(&format!("  {item:<16}"))),
                "{item}: {stdout}"
            );
        }
        assert!(
            stdout.contains(" black text runs under 12 pt, all overprint  [ok]"),
            "{stdout}"
        );
        assert!(stdout.contains("  ICC colour      none  [ok]"), "{stdout}");
    }

    let pdf = twins
        .iter()
        .find(|p| {
            p.to_string_lossy()
                .ends_with("omstart-for-norrbotten-leaflet-print.pdf")
        })
        .unwrap();
    let mut doc = Document::load(pdf).unwrap();
    for object in doc.objects.values_mut() {
        if let Ok(dict) = object.as_dict_mut()
            && dict.get(b"OPM").is_ok()
        {
            dict.set("op", false);
            dict.set("OP", false);
        }
    }
    // A red 0.1 pt line in ICC-based RGB on page 1, as a PDF from elsewhere might have.
    let profile = std::fs::read(common::repo().join("layouts/base/print/sRGB.icc")).unwrap();
    let mut profile_dict = Dictionary::new();
    profile_dict.set("N", 3);
    let profile = doc.add_object(lopdf::Stream::new(profile_dict, profile));
    let space = doc.add_object(Object::Array(vec![
        Object::Name(b"ICCBased".to_vec()),
        Object::Reference(profile),
    ]));
    let page = *doc.get_pages().get(&1).unwrap();
    let line = doc.add_object(lopdf::Stream::new(
        Dictionary::new(),
        // And 6 pt white text, which GWG flags.
        b"q /TsRGB CS 1 0 0 SCN 0.1 w 100 100 m 200 100 l S Q \
          q 0 0 0 0 k BT /f0 6 Tf 100 120 Td (x) Tj ET Q"
            .to_vec(),
    ));
    let page_dict = doc.get_object_mut(page).unwrap().as_dict_mut().unwrap();
    let mut contents = match page_dict.get(b"Contents").unwrap() {
        Object::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    contents.push(Object::Reference(line));
    page_dict.set("Contents", contents);
    let resources = page_dict.get(b"Resources").unwrap().clone();
    let resources = match resources {
        Object::Reference(id) => doc.get_object_mut(id).unwrap().as_dict_mut().unwrap(),
        _ => page_dict
            .get_mut(b"Resources")
            .unwrap()
            .as_dict_mut()
            .unwrap(),
    };
    let mut spaces = Dictionary::new();
    spaces.set("TsRGB", Object::Reference(space));
    match resources.get_mut(b"ColorSpace") {
        Ok(Object::Dictionary(existing)) => existing.set("TsRGB", Object::Reference(space)),
        _ => resources.set("ColorSpace", spaces),
    }
    let bad = dir.path().join("bad.pdf");
    doc.save(&bad).unwrap();
    let (stdout, _) = common::outputs_of(
        common::trycksak(dir.path())
            .args(["check", "--print"])
            .arg(&bad),
        1,
    );
    assert!(stdout.contains(": FAIL"), "{stdout}");
    for problem in [
        "✗ black text under 12 pt knocks out (does not overprint) on pages 1, 2, 3, 4",
        "✗ ICC-based colour (ICCBased RGB): convert it to DeviceCMYK for the press",
        "✗ lines under 0.125 pt on page 1: they may not print at all",
        "  thinnest line   0.100 pt (page 1)  [error]",
        "! text under 8 pt in white or in several inks on page 1",
    ] {
        assert!(stdout.contains(problem), "{problem}\n{stdout}");
    }

    // The same for machines.
    let (stdout, _) = common::outputs_of(
        common::trycksak(dir.path())
            .args(["check", "--print", "--json"])
            .arg(&bad),
        1,
    );
    let reports: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let report = &reports[0];
    assert_eq!(report["verdict"], "FAIL");
    let verdict_of = |item: &str| {
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["item"] == item)
            .map(|c| c["verdict"].as_str().unwrap().to_string())
    };
    assert_eq!(verdict_of("ICC colour").as_deref(), Some("error"));
    assert_eq!(verdict_of("overprint").as_deref(), Some("error"));
    assert_eq!(verdict_of("thinnest line").as_deref(), Some("error"));
    assert_eq!(verdict_of("rotation").as_deref(), Some("ok"));
    assert_eq!(verdict_of("fine text").as_deref(), Some("warning"));
    assert!((report["facts"]["thinnest_line_pt"].as_f64().unwrap() - 0.1).abs() < 1e-6);
}
