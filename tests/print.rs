//! The print twins, read back with lopdf as a print shop's checker would: crop marks in
//! registration colour outside the bleed, no RGB anywhere in the content, brand colours as their
//! own CMYK, image resolution checked at the printed size, and the preflight report.

mod common;

use common::{
    PLAIN, build_kinds, demo_project, errors_of, image_programme, outputs_of, page_resources,
    print_twins, shipped_print_twins, shipped_project, shorts_of, trycksak,
};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use trycksak::preflight;

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

/// The colour space a resource name stands for, as a short description.
fn space_of(doc: &Document, resources: &Dictionary, name: &[u8]) -> String {
    if matches!(name, b"DeviceRGB" | b"DeviceCMYK" | b"DeviceGray") {
        return String::from_utf8_lossy(name).into_owned();
    }
    let Ok(spaces) = resources.get(b"ColorSpace").map(|o| resolve(doc, o)) else {
        return "unknown".into();
    };
    let Ok(space) = spaces.as_dict().and_then(|d| d.get(name)) else {
        return "unknown".into();
    };
    match resolve(doc, space) {
        Object::Array(items) => {
            let family = String::from_utf8_lossy(items[0].as_name().unwrap()).into_owned();
            match family.as_str() {
                "Separation" => format!(
                    "Separation {}",
                    String::from_utf8_lossy(items[1].as_name().unwrap())
                ),
                "ICCBased" => {
                    let n = resolve(doc, &items[1])
                        .as_stream()
                        .unwrap()
                        .dict
                        .get(b"N")
                        .unwrap()
                        .as_i64()
                        .unwrap();
                    format!("ICCBased {n}")
                }
                _ => family,
            }
        }
        Object::Name(name) => String::from_utf8_lossy(name).into_owned(),
        _ => "unknown".into(),
    }
}

fn numbers(operands: &[Object]) -> Vec<f64> {
    operands
        .iter()
        .map(|o| o.as_float().unwrap() as f64)
        .collect()
}

fn boxed(doc: &Document, page: ObjectId, key: &[u8]) -> [f64; 4] {
    let array = doc.get_dictionary(page).unwrap().get(key).unwrap();
    let values = numbers(array.as_array().unwrap());
    values.try_into().unwrap()
}

/// Line segments stroked in `Separation All`, in page coordinates.
fn registration_segments(doc: &Document, page: ObjectId) -> Vec<[f64; 4]> {
    let resources = page_resources(doc, page);
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack = Vec::new();
    let mut stroke_all = false;
    let mut current = (0.0, 0.0);
    let mut segments = Vec::new();
    let apply =
        |m: [f64; 6], x: f64, y: f64| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push((ctm, stroke_all)),
            "Q" => (ctm, stroke_all) = stack.pop().unwrap(),
            "cm" => {
                let m: [f64; 6] = numbers(&op.operands).try_into().unwrap();
                ctm = [
                    m[0] * ctm[0] + m[1] * ctm[2],
                    m[0] * ctm[1] + m[1] * ctm[3],
                    m[2] * ctm[0] + m[3] * ctm[2],
                    m[2] * ctm[1] + m[3] * ctm[3],
                    m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
                    m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
                ];
            }
            "CS" => {
                let name = op.operands[0].as_name().unwrap();
                stroke_all = space_of(doc, &resources, name) == "Separation All";
            }
            "m" if stroke_all => {
                let v = numbers(&op.operands);
                current = apply(ctm, v[0], v[1]);
            }
            "l" if stroke_all => {
                let v = numbers(&op.operands);
                let end = apply(ctm, v[0], v[1]);
                segments.push([current.0, current.1, end.0, end.1]);
                current = end;
            }
            _ => {}
        }
    }
    segments
}

#[test]
fn crop_marks_are_registration_colour_outside_the_bleed_on_every_page() {
    let (_dir, pdfs) = shipped_print_twins();
    assert_eq!(pdfs.len(), 6);
    for pdf in pdfs {
        let doc = Document::load(&pdf).unwrap();
        for (number, page) in doc.get_pages() {
            let bleed = boxed(&doc, page, b"BleedBox");
            let trim = boxed(&doc, page, b"TrimBox");
            let segments = registration_segments(&doc, page);
            // Two marks at each of the four corners.
            assert_eq!(segments.len(), 8, "{} page {number}", pdf.display());
            for [x0, y0, x1, y1] in segments {
                for (x, y) in [(x0, y0), (x1, y1)] {
                    let outside = x < bleed[0] - 1.0
                        || x > bleed[2] + 1.0
                        || y < bleed[1] - 1.0
                        || y > bleed[3] + 1.0;
                    assert!(
                        outside,
                        "{} page {number}: mark at ({x:.1}, {y:.1}) inside the BleedBox {bleed:?}",
                        pdf.display()
                    );
                }
                // Each mark lines up with a trim edge.
                let on_trim_line = [trim[0], trim[2]]
                    .iter()
                    .any(|t| (x0 - t).abs() < 0.01 && (x1 - t).abs() < 0.01)
                    || [trim[1], trim[3]]
                        .iter()
                        .any(|t| (y0 - t).abs() < 0.01 && (y1 - t).abs() < 0.01);
                assert!(
                    on_trim_line,
                    "{} page {number}: a mark off the trim lines",
                    pdf.display()
                );
            }
        }
    }
}

#[test]
fn print_content_has_no_rgb_and_brand_colours_keep_their_cmyk() {
    let dir = shipped_project();
    let report = build_kinds(dir.path(), &[common::kind("leaflet-print")]);
    assert_eq!(report.failed().count(), 0);
    for pdf in print_twins(dir.path()) {
        let doc = Document::load(&pdf).unwrap();
        let mut cmyk_fills: Vec<Vec<f64>> = Vec::new();
        // Every content stream: the pages' and every form XObject's (the SVG logo is one).
        let mut streams: Vec<(Vec<u8>, Dictionary)> = doc
            .get_pages()
            .values()
            .map(|&page| (doc.get_page_content(page), page_resources(&doc, page)))
            .collect();
        for object in doc.objects.values() {
            if let Ok(stream) = object.as_stream() {
                match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                    Ok(b"Form") => {
                        let resources = stream
                            .dict
                            .get(b"Resources")
                            .map(|o| resolve(&doc, o).as_dict().unwrap().clone())
                            .unwrap_or_default();
                        streams.push((stream.decompressed_content().unwrap(), resources));
                    }
                    Ok(b"Image") => {
                        let space = stream.dict.get(b"ColorSpace").map(|o| resolve(&doc, o));
                        assert!(
                            !matches!(space, Ok(Object::Name(n)) if n == b"DeviceRGB"),
                            "{}: an untagged RGB image",
                            pdf.display()
                        );
                    }
                    _ => {}
                }
            }
        }
        for (content, resources) in streams {
            for op in Content::decode(&content).unwrap().operations {
                match op.operator.as_str() {
                    "rg" | "RG" => panic!("{}: DeviceRGB operator {op:?}", pdf.display()),
                    "cs" | "CS" => {
                        let space = space_of(&doc, &resources, op.operands[0].as_name().unwrap());
                        assert!(
                            space != "DeviceRGB" && space != "ICCBased 3",
                            "{}: paints in {space}",
                            pdf.display()
                        );
                    }
                    "k" => cmyk_fills.push(numbers(&op.operands)),
                    _ => {}
                }
            }
        }
        if pdf.to_string_lossy().contains("norrbotten") {
            // Norrbotten's primary, [100, 60, 0, 35]: its cover band and the logo's arcs.
            assert!(
                cmyk_fills.iter().any(|c| c
                    .iter()
                    .zip([1.0, 0.6, 0.0, 0.35])
                    .all(|(a, b)| (a - b).abs() < 0.002)),
                "{}: the brand primary is not printed as its CMYK",
                pdf.display()
            );
        }
        let facts = preflight::inspect(&std::fs::read(&pdf).unwrap());
        assert!(
            facts.failures().is_empty(),
            "{}: {:?}",
            pdf.display(),
            facts.failures()
        );
        assert!(facts.rich_black_text.is_empty());
    }
}

/// Typst writes a print twin's content streams uncompressed and hex-encodes its binary streams
/// for the finishing pass (`src/output/print/pdfx.rs`); what reaches the print shop is binary
/// and compressed, as Typst writes a PDF otherwise: fonts and images without an ASCIIHex layer,
/// every stream but the XMP metadata deflated.
#[test]
fn print_twins_streams_are_binary_and_compressed() {
    let (_dir, pdfs) = shipped_print_twins();
    for pdf in pdfs {
        let doc = Document::load(&pdf).unwrap();
        let mut fonts = 0;
        for (id, object) in &doc.objects {
            let Ok(stream) = object.as_stream() else {
                continue;
            };
            let filters = stream.filters().unwrap_or_default();
            assert!(
                !filters.contains(&&b"ASCIIHexDecode"[..]),
                "{}: stream {id:?} is hex-encoded",
                pdf.display()
            );
            if stream.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Metadata") {
                assert!(
                    filters.is_empty(),
                    "{}: the XMP is compressed",
                    pdf.display()
                );
            } else {
                assert!(
                    !filters.is_empty(),
                    "{}: stream {id:?} is uncompressed: {:?}",
                    pdf.display(),
                    stream.dict
                );
                stream.decompressed_content().unwrap();
            }
            if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"CIDFontType0C")
            {
                fonts += 1;
            }
        }
        assert!(fonts > 0, "{}: no embedded font found", pdf.display());
    }
}

/// The screen and print PDF are one layout (`src/output/twins.rs`): the screen PDF is the print
/// layout cut at the trim, without marks and without print colour, and keeps its links; the
/// print PDF has the same pages and no link annotations.
#[test]
fn screen_pdfs_are_the_print_layout_cut_at_the_trim_without_marks_print_colour_or_links() {
    let dir = shipped_project();
    std::fs::write(
        dir.path().join("programmes/norrbotten/lankar.md"),
        "---\ntitle: Länkar\nregion: norrbotten\nlang: sv\n---\n\nLäs [hela programmet](https://example.org/program) och <https://example.org/kontakt>.\n\n## Vård\n\n- Vi vill ha [fler vårdcentraler](https://example.org/vard).\n",
    )
    .unwrap();
    let report = build_kinds(
        dir.path(),
        &[
            common::kind("leaflet"),
            common::kind("leaflet-print"),
            common::kind("summary"),
            common::kind("summary-print"),
        ],
    );
    assert_eq!(report.failed().count(), 0);
    let twins = print_twins(dir.path());
    assert_eq!(twins.len(), 8);
    let mut screen_links = 0;
    for print in twins {
        let screen =
            std::path::PathBuf::from(print.to_string_lossy().replace("-print.pdf", ".pdf"));
        let print_doc = Document::load(&print).unwrap();
        let screen_doc = Document::load(&screen).unwrap();
        let (print_pages, screen_pages) = (print_doc.get_pages(), screen_doc.get_pages());
        assert_eq!(
            print_pages.len(),
            screen_pages.len(),
            "{}",
            screen.display()
        );
        for (number, &page) in &screen_pages {
            let trim = boxed(&print_doc, print_pages[number], b"TrimBox");
            let media = boxed(&screen_doc, page, b"MediaBox");
            assert!(
                ((trim[2] - trim[0]) - (media[2] - media[0])).abs() < 0.01
                    && ((trim[3] - trim[1]) - (media[3] - media[1])).abs() < 0.01,
                "{} page {number}: the screen page {media:?} is not the trimmed page {trim:?}",
                screen.display()
            );
            let dict = screen_doc.get_dictionary(page).unwrap();
            assert!(!dict.has(b"TrimBox") && !dict.has(b"BleedBox"));
            screen_links += dict
                .get(b"Annots")
                .map(|a| resolve(&screen_doc, a).as_array().unwrap().len())
                .unwrap_or(0);
            let print_dict = print_doc.get_dictionary(print_pages[number]).unwrap();
            assert!(
                !print_dict.has(b"Annots"),
                "{} page {number}: a link annotation on paper",
                print.display()
            );
            let resources = page_resources(&screen_doc, page);
            let content = Content::decode(&screen_doc.get_page_content(page)).unwrap();
            for op in content.operations {
                match op.operator.as_str() {
                    "k" | "K" => panic!("{}: CMYK {op:?} on a screen page", screen.display()),
                    "cs" | "CS" => {
                        let space =
                            space_of(&screen_doc, &resources, op.operands[0].as_name().unwrap());
                        assert!(
                            !space.starts_with("Separation")
                                && space != "DeviceCMYK"
                                && space != "ICCBased 4",
                            "{} page {number}: paints in {space}",
                            screen.display()
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    // Three links in the leaflet, two in the summary (its lead; the list is not a pledge list).
    assert_eq!(screen_links, 5);
}

#[test]
fn images_are_checked_at_their_printed_size() {
    // A5 text column: 148 − 16 − 14 = 118 mm, about 4.65 in wide.
    // 1000 px over 118 mm ≈ 215 ppi: printed, with a warning naming the numbers.
    let dir = image_programme(1000, 600);
    let report = build_kinds(dir.path(), &[common::kind("leaflet-print")]);
    let outcome = &report.outcomes[0];
    assert!(!outcome.failed(), "{:#?}", outcome.diagnostics);
    let warnings: Vec<String> = outcome.diagnostics.iter().map(|d| d.short()).collect();
    let warning = warnings
        .iter()
        .find(|w| w.contains("ppi"))
        .unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        warning.starts_with("programmes/demo/bild.md:9:1: warning: `programmes/demo/hamnen.png` prints at 215 ppi in the leaflet's print PDF: 1000 × 600 pixels placed at 118 × 71 mm; below 224 ppi"),
        "{warning}"
    );
    // The preflight sees the same from the PDF alone.
    let pdf = print_twins(dir.path()).remove(0);
    let facts = preflight::inspect(&std::fs::read(&pdf).unwrap());
    assert_eq!(facts.images.len(), 1);
    assert!(
        (facts.images[0].ppi - 215.0).abs() < 1.0,
        "{:?}",
        facts.images
    );
    assert_eq!(facts.images[0].colour_space, "DeviceCMYK");

    // 300 px over 118 mm ≈ 65 ppi: the print twin is refused, the reason located.
    let dir = image_programme(300, 200);
    let report = build_kinds(
        dir.path(),
        &[common::kind("leaflet"), common::kind("leaflet-print")],
    );
    let outcome = &report.outcomes[0];
    assert!(outcome.failed());
    let errors = errors_of(&report, 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("programmes/demo/bild.md:9:1: error: `programmes/demo/hamnen.png` prints at 65 ppi in the leaflet's print PDF")
            && errors[0].contains("print needs at least 150")
            && errors[0].contains("1394 × 930 pixels give the 300 ppi"),
        "{}",
        errors[0]
    );
    assert!(print_twins(dir.path()).is_empty());
}

#[test]
fn a_coarse_image_fails_the_print_twins_alone() {
    let dir = image_programme(300, 200);
    let (_, stderr) = outputs_of(
        trycksak(dir.path()).args(["--diagnostic-format", "short", "build"]),
        1,
    );
    assert!(
        stderr.contains("programmes/demo/bild.md:9:1: error: `programmes/demo/hamnen.png` prints at 65 ppi in the leaflet's print PDF")
            && stderr.contains("1394 × 930 pixels give the 300 ppi"),
        "{stderr}"
    );
    assert!(
        stderr.contains("  programmes/demo/bild.md: leaflet-print, summary-print")
            || stderr.contains("  programmes/demo/bild.md: leaflet-print\n"),
        "the failed outputs are named: {stderr}"
    );
    let folder = dir.path().join("out/demo/bild");
    for written in [
        "bild.txt",
        "bild-tillganglighet.txt",
        "bild-leaflet.pdf",
        "bild-summary.pdf",
    ] {
        assert!(
            folder.join(written).is_file(),
            "{written} is not written: {stderr}"
        );
    }
    assert!(!folder.join("bild-leaflet-print.pdf").exists());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/manifest.json")).unwrap())
            .unwrap();
    let kinds: Vec<&str> = manifest["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"leaflet-print"), "{kinds:?}");
    assert!(
        kinds.contains(&"leaflet") && kinds.contains(&"text"),
        "{kinds:?}"
    );
}

#[test]
fn check_print_reports_pass_with_the_facts_and_fail_with_reasons() {
    let dir = shipped_project();
    let (stdout, _) = outputs_of(
        trycksak(dir.path()).args(["check", "--print", "programmes/norrbotten"]),
        0,
    );
    for expected in [
        "norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-leaflet-print.pdf: PASS",
        "  pages           4 (a multiple of 4: folds as a booklet)  [ok]",
        "  trim            148.0 × 210.0 mm  [ok]",
        "  bleed           3.0 mm  [ok]",
        "  boxes           TrimBox and BleedBox on every page, nested in the MediaBox  [ok]",
        "  standard        PDF/X-4  [ok]",
        "  output intent   FOGRA39, with its ICC profile embedded  [ok]",
        "omstart-for-norrbotten-summary-print.pdf: PASS",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    // A screen PDF is not for the press: FAIL, with reasons a print shop gives.
    trycksak(dir.path())
        .args(["build", "--format", "leaflet", "programmes/norrbotten"])
        .assert()
        .success();
    let screen = "out/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-leaflet.pdf";
    let (stdout, _) = outputs_of(trycksak(dir.path()).args(["check", "--print", screen]), 1);
    assert!(stdout.contains(": FAIL"), "{stdout}");
    assert!(
        stdout.contains("✗ pages without 3 mm bleed (BleedBox)"),
        "{stdout}"
    );
    assert!(stdout.contains("✗ no PDF/X output intent"), "{stdout}");
    // Damaged files from elsewhere: a verdict, not a crash.
    std::fs::write(dir.path().join("trasig.pdf"), b"%PDF-1.7\nnot really a PDF").unwrap();
    let (stdout, stderr) = outputs_of(
        trycksak(dir.path()).args(["check", "--print", "trasig.pdf"]),
        1,
    );
    assert!(
        stdout.contains("trasig.pdf: FAIL") && stdout.contains("cannot be read as a PDF"),
        "{stdout}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn layouts_with_too_much_ink_or_rich_black_text_get_warnings() {
    let dir = demo_project(&[
        (
            "layouts/demo/layout.yaml",
            "colours:\n  primary: [100, 100, 100, 60]\n  text: [60, 40, 40, 100]\n",
        ),
        ("programmes/demo/p.md", PLAIN),
    ]);
    let report = build_kinds(dir.path(), &[common::kind("text")]);
    let shorts = shorts_of(&report, 0);
    assert!(
        shorts.iter().any(|d| d
            .starts_with("layouts/demo/layout.yaml:2:3: warning: `primary` has 360 % ink in all")),
        "{shorts:#?}"
    );
    assert!(
        shorts.iter().any(|d| d.starts_with(
            "layouts/demo/layout.yaml:3:3: warning: `text` is a rich black (60/40/40/100)"
        )),
        "{shorts:#?}"
    );
    assert!(!report.outcomes[0].failed());
}

#[test]
fn text_closer_to_the_trim_than_the_safe_zone_is_an_error() {
    let dir = demo_project(&[
        ("layouts/demo/layout.yaml", "print:\n  safe: 15\n"),
        ("programmes/demo/p.md", PLAIN),
    ]);
    let report = build_kinds(dir.path(), &[common::kind("leaflet-print")]);
    let errors = errors_of(&report, 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains(
            "text in the leaflet's print PDF comes closer than 15 mm to the trimmed edge: page 1 ("
        ),
        "{}",
        errors[0]
    );
    // The default 5 mm holds for the base layout's margins.
    let dir = demo_project(&[("programmes/demo/p.md", PLAIN)]);
    let report = build_kinds(
        dir.path(),
        &[common::kind("leaflet-print"), common::kind("summary-print")],
    );
    assert!(
        !report.outcomes[0].failed(),
        "{:#?}",
        report.outcomes[0].diagnostics
    );
}
