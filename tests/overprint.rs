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
    let dir = shipped_project();
    let report = build_kinds(
        dir.path(),
        &[common::kind("leaflet-print"), common::kind("summary-print")],
    );
    assert_eq!(report.failed().count(), 0);
    let mut pdfs: Vec<_> = walk(&dir.path().join("out"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with("-print.pdf"))
        .collect();
    pdfs.sort();
    assert_eq!(pdfs.len(), 6, "{pdfs:?}");
    for pdf in pdfs {
        let doc = Document::load(&pdf).unwrap();
        let mut totals = (0, 0, 0);
        for (_, page) in doc.get_pages() {
            let (direct, ids) = doc.get_page_resources(page).unwrap();
            let resources = direct
                .cloned()
                .or_else(|| {
                    ids.first()
                        .map(|id| doc.get_dictionary(*id).unwrap().clone())
                })
                .unwrap_or_default();
            let counts = text_runs(&doc, &doc.get_page_content(page), &resources);
            totals = (
                totals.0 + counts.0,
                totals.1 + counts.1,
                totals.2 + counts.2,
            );
        }
        let name = pdf.file_name().unwrap().to_string_lossy();
        assert!(
            totals.0 > 10,
            "{name}: only {} small black runs overprint",
            totals.0
        );
        assert_eq!(totals.1, 0, "{name}: small black runs that knock out");
        assert_eq!(totals.2, 0, "{name}: other text that overprints");
        eprintln!("{name}: {} small black text runs overprint", totals.0);
    }
}

/// `check --print` counts the overprinting runs and fails a print twin whose small black text
/// knocks out: here ours, with its overprint states turned off.
#[test]
fn check_print_fails_black_text_that_knocks_out() {
    let dir = shipped_project();
    let report = build_kinds(dir.path(), &[common::kind("leaflet-print")]);
    assert_eq!(report.failed().count(), 0);
    let pdf = walk(&dir.path().join("out"))
        .into_iter()
        .find(|p| {
            p.to_string_lossy()
                .ends_with("omstart-for-norrbotten-leaflet-print.pdf")
        })
        .unwrap();
    let (stdout, _) = common::outputs_of(
        common::trycksak(dir.path())
            .args(["check", "--print"])
            .arg(&pdf),
        0,
    );
    assert!(stdout.contains(": PASS"), "{stdout}");
    assert!(
        stdout.contains(" black text runs under 12 pt, all overprint"),
        "{stdout}"
    );

    let mut doc = Document::load(&pdf).unwrap();
    for object in doc.objects.values_mut() {
        if let Ok(dict) = object.as_dict_mut()
            && dict.get(b"OPM").is_ok()
        {
            dict.set("op", false);
            dict.set("OP", false);
        }
    }
    let knocking_out = dir.path().join("knocks-out.pdf");
    doc.save(&knocking_out).unwrap();
    let (stdout, _) = common::outputs_of(
        common::trycksak(dir.path())
            .args(["check", "--print"])
            .arg(&knocking_out),
        1,
    );
    assert!(stdout.contains(": FAIL"), "{stdout}");
    assert!(
        stdout
            .contains("black text under 12 pt knocks out (does not overprint) on pages 1, 2, 3, 4"),
        "{stdout}"
    );
}
