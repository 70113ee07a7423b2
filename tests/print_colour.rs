//! The print twins' colour, read back independently of trycksak's own preflight: lopdf for the
//! objects, LittleCMS (the `lcms2` crate, our own transforms) for colour differences, and
//! Ghostscript's CMYK renderer for the ink on paper. GWG 2022 (SheetCMYK_CMYK) allows painting
//! only in DeviceCMYK and DeviceGray, plus the registration colour `All` of the marks.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{
    CHECKER, RGB_LOGO, build_kinds, demo_project, kind, logo_project, page_resources,
    photo_project, print_twins, shipped_project, walk,
};
use lcms2::{CIELab, CIELabExt, Intent, PixelFormat, Profile, Transform};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

const FOGRA39: &[u8] = include_bytes!("../layouts/base/print/CoatedFOGRA39-trycksak.icc");

/// The print twins of the seeds, of the photo programme and of the RGB-logo region, with the
/// projects that hold them.
fn seeds_photo_and_logo() -> (Vec<tempfile::TempDir>, Vec<PathBuf>) {
    let projects = vec![shipped_project(), photo_project(), logo_project()];
    let pdfs = projects
        .iter()
        .flat_map(|p| build_print(p.path()))
        .collect();
    (projects, pdfs)
}

fn build_print(root: &Path) -> Vec<PathBuf> {
    let report = build_kinds(root, &[kind("leaflet-print"), kind("summary-print")]);
    assert_eq!(
        report.failed().count(),
        0,
        "{:?}",
        common::errors_of(&report, 0)
    );
    let pdfs = print_twins(root);
    assert!(!pdfs.is_empty());
    pdfs
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

/// A colour space as a short description: its family, with the colorant of a Separation and
/// the component count of an ICC profile.
fn describe(doc: &Document, space: &Object) -> String {
    match resolve(doc, space) {
        Object::Name(name) => String::from_utf8_lossy(name).into_owned(),
        Object::Array(items) => {
            let family = items
                .first()
                .and_then(|o| o.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            match family.as_str() {
                "Separation" => format!(
                    "Separation {}",
                    String::from_utf8_lossy(items[1].as_name().unwrap_or(b"?"))
                ),
                "ICCBased" => {
                    let n = resolve(doc, &items[1])
                        .as_stream()
                        .ok()
                        .and_then(|s| s.dict.get(b"N").ok()?.as_i64().ok());
                    format!("ICCBased {n:?}")
                }
                "Indexed" => format!("Indexed {}", describe(doc, &items[1])),
                _ => family,
            }
        }
        other => format!("{other:?}"),
    }
}

/// Every colour space the file paints with or declares: content operators of pages, forms and
/// tiling patterns; named spaces in resources; images, shadings and transparency groups.
fn colour_spaces(doc: &Document) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut streams: Vec<(Vec<u8>, Dictionary)> = Vec::new();
    for page in doc.get_pages().values() {
        let resources = page_resources(doc, *page);
        streams.push((doc.get_page_content(*page), resources));
    }
    for object in doc.objects.values() {
        let dict = match object {
            Object::Stream(stream) => &stream.dict,
            Object::Dictionary(dict) => dict,
            _ => continue,
        };
        let is_form = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form");
        let is_tiling = dict.get(b"PatternType").and_then(Object::as_i64).ok() == Some(1);
        if let (Object::Stream(stream), true) = (object, is_form || is_tiling) {
            let resources = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| resolve(doc, o).as_dict().ok().cloned())
                .unwrap_or_default();
            streams.push((stream.decompressed_content().unwrap(), resources));
        }
        match dict.get(b"ColorSpace").map(|o| resolve(doc, o)) {
            // A resource dictionary's named spaces.
            Ok(Object::Dictionary(named)) => {
                for (_, space) in named.iter() {
                    found.insert(describe(doc, space));
                }
            }
            // An image's or a shading's own space.
            Ok(space) => {
                found.insert(describe(doc, space));
            }
            Err(_) => {}
        }
        if let Ok(group) = dict.get(b"Group").map(|o| resolve(doc, o))
            && let Ok(space) = group.as_dict().and_then(|g| g.get(b"CS"))
        {
            found.insert(format!("group {}", describe(doc, space)));
        }
    }
    for (content, resources) in streams {
        let named = resources
            .get(b"ColorSpace")
            .ok()
            .and_then(|o| resolve(doc, o).as_dict().ok().cloned())
            .unwrap_or_default();
        for op in Content::decode(&content).unwrap().operations {
            let space = match op.operator.as_str() {
                "rg" | "RG" => "DeviceRGB".to_string(),
                "k" | "K" => "DeviceCMYK".to_string(),
                "g" | "G" => "DeviceGray".to_string(),
                "cs" | "CS" => {
                    let name = op.operands[0].as_name().unwrap();
                    match named.get(name) {
                        Ok(space) => describe(doc, space),
                        Err(_) => String::from_utf8_lossy(name).into_owned(),
                    }
                }
                _ => continue,
            };
            found.insert(space);
        }
    }
    found
}

fn assert_cmyk_only(pdf: &Path) {
    let doc = Document::load(pdf).unwrap();
    let allowed = [
        "DeviceCMYK",
        "DeviceGray",
        "Separation All",
        "Pattern",
        "group DeviceCMYK",
    ];
    let spaces = colour_spaces(&doc);
    let others: Vec<&String> = spaces
        .iter()
        .filter(|s| !allowed.contains(&s.as_str()))
        .collect();
    assert!(others.is_empty(), "{}: paints in {others:?}", pdf.display());
    // Nothing ICC-based is left anywhere, but the output intent's profile.
    for (id, object) in &doc.objects {
        if let Object::Array(items) = object {
            assert_ne!(
                items.first().and_then(|o| o.as_name().ok()),
                Some(b"ICCBased".as_slice()),
                "{}: object {id:?}",
                pdf.display()
            );
        }
    }
}

/// The matrix `m` (a b c d e f) applied before `c`.
fn multiply(m: &[f64], c: [f64; 6]) -> [f64; 6] {
    [
        m[0] * c[0] + m[1] * c[2],
        m[0] * c[1] + m[1] * c[3],
        m[2] * c[0] + m[3] * c[2],
        m[2] * c[1] + m[3] * c[3],
        m[4] * c[0] + m[5] * c[2] + c[4],
        m[4] * c[1] + m[5] * c[3] + c[5],
    ]
}

/// Strokes as printed: (thinnest width in points, black strokes under 2 pt, how many of them
/// are painted under an ExtGState with `/OP true` and `/OPM 1`). Pages and the forms they draw,
/// with the transformation.
fn strokes(doc: &Document) -> (f64, usize, usize) {
    #[derive(Clone, Copy)]
    struct State {
        ctm: [f64; 6],
        width: f64,
        black: bool,
        /// The stroke space is DeviceCMYK or DeviceGray.
        device: bool,
        overprint: bool,
    }
    fn walk(
        doc: &Document,
        content: &[u8],
        resources: &Dictionary,
        start: State,
        found: &mut (f64, usize, usize),
    ) {
        let mut state = start;
        let mut stack = Vec::new();
        let named = |key: &[u8], name: &[u8]| -> Option<Object> {
            let dict = resolve(doc, resources.get(key).ok()?).as_dict().ok()?;
            Some(resolve(doc, dict.get(name).ok()?).clone())
        };
        for op in Content::decode(content).unwrap().operations {
            let v: Vec<f64> = op
                .operands
                .iter()
                .filter_map(|o| o.as_float().ok().map(f64::from))
                .collect();
            match op.operator.as_str() {
                "q" => stack.push(state),
                "Q" => state = stack.pop().unwrap(),
                "cm" => state.ctm = multiply(&v, state.ctm),
                "w" => state.width = v[0],
                "K" => (state.black, state.device) = (v == [0.0, 0.0, 0.0, 1.0], true),
                "G" => (state.black, state.device) = (v == [0.0], true),
                "RG" => (state.black, state.device) = (false, false),
                // DeviceCMYK and DeviceGray start black; every other space is not black ink.
                "CS" => {
                    state.device = matches!(
                        op.operands[0].as_name().unwrap(),
                        b"DeviceCMYK" | b"DeviceGray"
                    );
                    state.black = state.device;
                }
                "SC" | "SCN" => {
                    state.black = state.device && (v == [0.0, 0.0, 0.0, 1.0] || v == [0.0])
                }
                "gs" => {
                    if let Some(Object::Dictionary(gs)) =
                        named(b"ExtGState", op.operands[0].as_name().unwrap())
                        && let Ok(on) = gs.get(b"OP").and_then(Object::as_bool)
                    {
                        let opm = gs.get(b"OPM").and_then(Object::as_i64).unwrap_or(0);
                        state.overprint = on && opm == 1;
                    }
                }
                "S" | "s" | "B" | "B*" | "b" | "b*" => {
                    let m = state.ctm;
                    let width = state.width.abs() * (m[0] * m[3] - m[1] * m[2]).abs().sqrt();
                    found.0 = found.0.min(width);
                    if state.black && width < 2.0 {
                        found.1 += 1;
                        found.2 += usize::from(state.overprint);
                    }
                }
                "Do" => {
                    if let Some(Object::Stream(form)) =
                        named(b"XObject", op.operands[0].as_name().unwrap())
                        && form.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
                    {
                        let matrix: Vec<f64> = form
                            .dict
                            .get(b"Matrix")
                            .and_then(Object::as_array)
                            .map(|a| a.iter().map(|o| o.as_float().unwrap() as f64).collect())
                            .unwrap_or_else(|_| vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
                        let inner = State {
                            ctm: multiply(&matrix, state.ctm),
                            ..state
                        };
                        let own = form
                            .dict
                            .get(b"Resources")
                            .ok()
                            .and_then(|o| resolve(doc, o).as_dict().ok().cloned())
                            .unwrap_or_else(|| resources.clone());
                        walk(
                            doc,
                            &form.decompressed_content().unwrap(),
                            &own,
                            inner,
                            found,
                        );
                    }
                }
                _ => {}
            }
        }
    }
    let mut found = (f64::INFINITY, 0, 0);
    for page in doc.get_pages().values() {
        let resources = page_resources(doc, *page);
        let start = State {
            ctm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            width: 1.0,
            black: true,
            device: true,
            overprint: false,
        };
        walk(
            doc,
            &doc.get_page_content(*page),
            &resources,
            start,
            &mut found,
        );
    }
    found
}

#[test]
fn no_hairlines_and_thin_black_lines_overprint() {
    let (_projects, pdfs) = seeds_photo_and_logo();
    let mut black_lines = 0;
    for pdf in &pdfs {
        let (thinnest, black, overprinting) = strokes(&Document::load(pdf).unwrap());
        eprintln!(
            "{}: thinnest {thinnest:.3} pt, {black} thin black lines",
            pdf.display()
        );
        assert!(thinnest >= 0.125, "{}: a {thinnest} pt line", pdf.display());
        assert_eq!(
            black,
            overprinting,
            "{}: black lines knock out",
            pdf.display()
        );
        black_lines += black;
    }
    // The logo's black rule, on the leaflet's cover and the summary.
    assert!(black_lines >= 2, "{black_lines}");
}

/// A logo drawing a hairline fails the print twins, naming the page; the screen PDFs and the
/// other outputs are still made.
#[test]
fn a_hairline_in_the_logo_fails_the_print_twins_alone() {
    let dir = logo_project();
    let hairline = RGB_LOGO.replace("stroke-width=\"2\"/>", "stroke-width=\"0.1\"/>");
    std::fs::write(dir.path().join("layouts/demo/logo.svg"), hairline).unwrap();
    let report = build_kinds(
        dir.path(),
        &[kind("leaflet"), kind("leaflet-print"), kind("text")],
    );
    let errors = common::errors_of(&report, 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("error: the leaflet's print PDF draws lines as thin as")
            && errors[0].contains("on page(s) 1: the press may not print lines under 0.125 pt"),
        "{}",
        errors[0]
    );
    let made: Vec<String> = walk(&dir.path().join("out"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(made.contains(&"logo-leaflet.pdf".to_string()), "{made:?}");
    assert!(made.contains(&"logo.txt".to_string()), "{made:?}");
    assert!(!made.iter().any(|f| f.ends_with("-print.pdf")), "{made:?}");
}

#[test]
fn seeds_photos_and_rgb_logos_print_in_cmyk_and_grey_only() {
    let (_projects, pdfs) = seeds_photo_and_logo();
    for pdf in &pdfs {
        assert_cmyk_only(pdf);
    }
    // The photo went through as an image, now CMYK.
    let leaflet = pdfs
        .iter()
        .find(|p| p.to_string_lossy().ends_with("bild-leaflet-print.pdf"))
        .unwrap();
    let doc = Document::load(leaflet).unwrap();
    let images: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .map(|s| describe(&doc, s.dict.get(b"ColorSpace").unwrap()))
        .collect();
    assert!(images.contains(&"DeviceCMYK".to_string()), "{images:?}");
}

/// 8-bit samples of the largest image in a PDF, with its colour space's component count.
fn largest_image(pdf: &Path) -> (u32, u32, usize, Vec<u8>) {
    let doc = Document::load(pdf).unwrap();
    let stream = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .max_by_key(|s| s.dict.get(b"Width").unwrap().as_i64().unwrap())
        .unwrap();
    let width = stream.dict.get(b"Width").unwrap().as_i64().unwrap() as u32;
    let height = stream.dict.get(b"Height").unwrap().as_i64().unwrap() as u32;
    let components = match describe(&doc, stream.dict.get(b"ColorSpace").unwrap()).as_str() {
        "DeviceCMYK" => 4,
        "DeviceRGB" | "ICCBased Some(3)" => 3,
        other => panic!("{}: image in {other}", pdf.display()),
    };
    assert_eq!(
        stream
            .dict
            .get(b"BitsPerComponent")
            .unwrap()
            .as_i64()
            .unwrap(),
        8
    );
    let samples = stream.decompressed_content().unwrap();
    assert_eq!(samples.len(), (width * height) as usize * components);
    (width, height, components, samples)
}

#[test]
fn a_photo_prints_in_the_colours_it_shows_on_screen() {
    let dir = photo_project();
    let report = build_kinds(dir.path(), &[kind("leaflet"), kind("leaflet-print")]);
    assert_eq!(report.failed().count(), 0);
    let pdfs = walk(&dir.path().join("out"));
    let find = |suffix: &str| {
        pdfs.iter()
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap()
            .clone()
    };
    let (width, height, rgb_components, screen) = largest_image(&find("-leaflet.pdf"));
    let (print_width, print_height, cmyk_components, print) =
        largest_image(&find("-leaflet-print.pdf"));
    assert_eq!((width, height, rgb_components), (1500, 1000, 3));
    assert_eq!(
        (print_width, print_height, cmyk_components),
        (1500, 1000, 4)
    );

    // Both back to Lab: the screen's through sRGB, the print's through the print condition.
    let lab = Profile::new_lab4_context(lcms2::GlobalContext::new(), &Default::default()).unwrap();
    let srgb = Profile::new_srgb();
    let press = Profile::new_icc(FOGRA39).unwrap();
    let from_screen: Transform<[u8; 3], [f64; 3]> = Transform::new(
        &srgb,
        PixelFormat::RGB_8,
        &lab,
        PixelFormat::Lab_DBL,
        Intent::RelativeColorimetric,
    )
    .unwrap();
    let from_print: Transform<[u8; 4], [f64; 3]> = Transform::new(
        &press,
        PixelFormat::CMYK_8,
        &lab,
        PixelFormat::Lab_DBL,
        Intent::RelativeColorimetric,
    )
    .unwrap();
    let mut differences = Vec::new();
    for (patch, expected) in CHECKER.iter().enumerate() {
        // The patch's centre.
        let (x, y) = ((patch % 6) * 250 + 125, (patch / 6) * 250 + 125);
        let at = y * width as usize + x;
        let rgb = [screen[at * 3], screen[at * 3 + 1], screen[at * 3 + 2]];
        assert_eq!(&rgb, expected, "the screen twin keeps the photo's pixels");
        let cmyk = [0, 1, 2, 3].map(|i| print[at * 4 + i]);
        let (mut a, mut b) = ([[0.0; 3]], [[0.0; 3]]);
        from_screen.transform_pixels(&[rgb], &mut a);
        from_print.transform_pixels(&[cmyk], &mut b);
        let lab = |[l, a, b]: [f64; 3]| CIELab { L: l, a, b };
        differences.push(lab(a[0]).cie2000_delta_e(&lab(b[0]), 1.0, 1.0, 1.0));
    }
    let mean = differences.iter().sum::<f64>() / differences.len() as f64;
    eprintln!("ΔE2000 per patch: {differences:.1?}, mean {mean:.2}");
    assert!(mean < 3.0, "mean ΔE2000 {mean:.2}: {differences:.1?}");
}

/// Ghostscript's CMYK render of `pdf` at `dpi`: each page's pixels, width and height. `None`
/// where Ghostscript is missing (outside CI).
fn ghostscript_cmyk(pdf: &Path, dpi: u32) -> Option<Vec<CmykPage>> {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new("gs")
        .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc"])
        .arg(format!("-r{dpi}"))
        .arg(format!(
            "-sOutputFile={}/page-%03d.tif",
            out.path().display()
        ))
        .arg(pdf)
        .status();
    match status {
        Ok(status) => assert!(status.success(), "gs failed on {}", pdf.display()),
        Err(_) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "Ghostscript (gs) is missing; .ci/run installs it"
            );
            eprintln!(
                "note: gs not found, skipping the render of {}",
                pdf.display()
            );
            return None;
        }
    }
    let mut pages: Vec<PathBuf> = walk(out.path());
    pages.sort();
    Some(pages.iter().map(|page| tiff_cmyk(page)).collect())
}

/// The largest total ink (percent) averaged over any 15 mm square, per page, on Ghostscript's
/// render.
fn ghostscript_tac(pdf: &Path) -> Option<Vec<f64>> {
    // 36 dpi: a 15 mm square is 21 pixels; fine enough for an average over it.
    let pages = ghostscript_cmyk(pdf, 36)?;
    let side = (15.0 / 25.4 * 36.0_f64).round() as u32;
    Some(
        pages
            .into_iter()
            .map(|(pixels, width, height)| {
                let ink: Vec<f64> = pixels
                    .iter()
                    .map(|p| p.iter().map(|&v| f64::from(v)).sum::<f64>() / 255.0 * 100.0)
                    .collect();
                max_window_mean(&ink, width, height, side)
            })
            .collect(),
    )
}

/// A rendered page: its CMYK pixels, width and height.
type CmykPage = (Vec<[u8; 4]>, u32, u32);

/// A tiff32nc page: uncompressed, 8-bit CMYK.
fn tiff_cmyk(path: &Path) -> CmykPage {
    let bytes = std::fs::read(path).unwrap();
    let little = &bytes[..2] == b"II";
    let u16_at = |at: usize| {
        let b = [bytes[at], bytes[at + 1]];
        if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    };
    let u32_at = |at: usize| {
        let b = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
        if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    };
    let directory = u32_at(4) as usize;
    let (mut width, mut height, mut strips, mut strip_count) = (0, 0, 0usize, 0usize);
    let mut offsets_are_long = true;
    for entry in 0..u16_at(directory) as usize {
        let at = directory + 2 + entry * 12;
        let (tag, kind, count) = (u16_at(at), u16_at(at + 2), u32_at(at + 4) as usize);
        let value = if kind == 3 {
            u16_at(at + 8) as u32
        } else {
            u32_at(at + 8)
        };
        match tag {
            256 => width = value,
            257 => height = value,
            259 => assert_eq!(value, 1, "compressed TIFF"),
            273 => {
                strips = value as usize;
                strip_count = count;
                offsets_are_long = kind == 4;
            }
            _ => {}
        }
    }
    let offsets: Vec<usize> = if strip_count == 1 {
        vec![strips]
    } else {
        (0..strip_count)
            .map(|i| {
                if offsets_are_long {
                    u32_at(strips + i * 4) as usize
                } else {
                    u16_at(strips + i * 2) as usize
                }
            })
            .collect()
    };
    // Strips are written in order; each holds whole rows.
    let row = width as usize * 4;
    let rows_per_strip = (height as usize).div_ceil(strip_count);
    let mut pixels = Vec::with_capacity((width * height) as usize);
    for (i, offset) in offsets.iter().enumerate() {
        let rows = rows_per_strip.min(height as usize - i * rows_per_strip);
        for pixel in bytes[*offset..*offset + rows * row].chunks_exact(4) {
            pixels.push([pixel[0], pixel[1], pixel[2], pixel[3]]);
        }
    }
    (pixels, width, height)
}

/// The largest mean over any `side` × `side` window (a summed-area table).
fn max_window_mean(values: &[f64], width: u32, height: u32, side: u32) -> f64 {
    let (w, h, s) = (width as usize, height as usize, side as usize);
    let mut sums = vec![0.0; (w + 1) * (h + 1)];
    for y in 0..h {
        for x in 0..w {
            sums[(y + 1) * (w + 1) + x + 1] =
                values[y * w + x] + sums[y * (w + 1) + x + 1] + sums[(y + 1) * (w + 1) + x]
                    - sums[y * (w + 1) + x];
        }
    }
    let mut best: f64 = 0.0;
    for y in 0..=h.saturating_sub(s) {
        for x in 0..=w.saturating_sub(s) {
            let (x1, y1) = ((x + s).min(w), (y + s).min(h));
            let sum = sums[y1 * (w + 1) + x1] - sums[y * (w + 1) + x1] - sums[y1 * (w + 1) + x]
                + sums[y * (w + 1) + x];
            best = best.max(sum / ((x1 - x) * (y1 - y)) as f64);
        }
    }
    best
}

#[test]
fn total_ink_over_any_15_mm_square_stays_within_gwg_320_percent() {
    let (_projects, pdfs) = seeds_photo_and_logo();
    for pdf in &pdfs {
        let Some(pages) = ghostscript_tac(pdf) else {
            return;
        };
        eprintln!("{}: max ink over 15 mm per page {pages:.0?}", pdf.display());
        for (page, tac) in pages.iter().enumerate() {
            assert!(
                *tac <= 320.0,
                "{} page {}: {tac:.0} % ink over 15 mm",
                pdf.display(),
                page + 1
            );
        }
    }
}

/// A CMYK JPEG prints with its inks untouched: the print twin embeds the very file, which an
/// independent renderer lays down as the inks it holds; the screen twin shows it in RGB.
#[test]
fn a_cmyk_jpeg_keeps_its_inks_in_print_and_turns_rgb_on_screen() {
    let jpeg = std::fs::read(common::repo().join("tests/fixtures/cmyk-stripes.jpg")).unwrap();
    let dir = demo_project(&[(
        "programmes/demo/cmyk.md",
        "---\ntitle: Tryckfärger\nregion: demo\nlang: sv\n---\n\nFärgrutor i CMYK.\n\n\
         ![Rutor i cyan, magenta, gult och svart](rutor.jpg)\n\nText efter.\n",
    )]);
    std::fs::write(dir.path().join("programmes/demo/rutor.jpg"), &jpeg).unwrap();
    let report = build_kinds(dir.path(), &[kind("leaflet"), kind("leaflet-print")]);
    assert_eq!(
        report.failed().count(),
        0,
        "{:?}",
        common::errors_of(&report, 0)
    );
    let pdfs = walk(&dir.path().join("out"));
    let find = |suffix: &str| {
        pdfs.iter()
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap()
            .clone()
    };
    let print = find("-leaflet-print.pdf");
    let doc = Document::load(&print).unwrap();
    let image = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .unwrap();
    assert_eq!(
        image.content, jpeg,
        "the print twin embeds the JPEG as it is"
    );
    assert_eq!(
        describe(&doc, image.dict.get(b"ColorSpace").unwrap()),
        "DeviceCMYK"
    );
    assert_cmyk_only(&print);

    // The screen twin: RGB pixels, the cyan stripe cyan.
    let (width, _, components, pixels) = largest_image(&find("-leaflet.pdf"));
    assert_eq!(components, 3);
    let cyan = &pixels[(140 * width as usize + 100) * 3..][..3];
    assert!(cyan[0] < 60 && cyan[1] > 120 && cyan[2] > 200, "{cyan:?}");

    // Ghostscript's CMYK render of the print twin has the JPEG's inks where it lies.
    let Some(pages) = ghostscript_cmyk(&print, 72) else {
        return;
    };
    let inks: BTreeSet<[u8; 4]> = pages
        .into_iter()
        .flat_map(|(pixels, _, _)| pixels)
        .collect();
    for stripe in [
        [255, 0, 0, 0],
        [0, 255, 0, 0],
        [0, 0, 255, 0],
        [128, 64, 0, 0],
        [20, 10, 200, 30],
    ] {
        assert!(
            inks.iter()
                .any(|p| p.iter().zip(stripe).all(|(a, b)| a.abs_diff(b) <= 3)),
            "{stripe:?} not printed"
        );
    }
}

/// A layout whose cover colour lays down more ink than the press takes gets a warning naming
/// the page; the print twin is still made.
#[test]
fn too_much_ink_over_an_area_is_a_warning_naming_the_page() {
    let dir = demo_project(&[
        (
            "layouts/demo/layout.yaml",
            "colours:\n  primary: [90, 80, 80, 90]\nprint:\n  max_ink: 300\n",
        ),
        ("programmes/demo/p.md", common::PLAIN),
    ]);
    let report = build_kinds(dir.path(), &[kind("leaflet-print")]);
    assert!(
        !report.outcomes[0].failed(),
        "{:?}",
        common::errors_of(&report, 0)
    );
    let shorts = common::shorts_of(&report, 0);
    assert!(
        shorts.iter().any(|d| d.contains(
            "warning: page 1 of the leaflet's print PDF has 340 % total ink over 15 mm, more than the \
             300 % the layout allows (`print: max_ink`)"
        )),
        "{shorts:#?}"
    );
    assert_eq!(print_twins(dir.path()).len(), 1);
}

#[test]
fn two_brand_colours_of_k_100_keep_their_own_inks() {
    // Both are black on screen (#000000); on paper each must print in its own inks, and an RGB
    // black in a logo must not become either of them.
    let dir = demo_project(&[
        (
            "layouts/svart/layout.yaml",
            "name: Svart\ncolours:\n  primary: [60, 0, 0, 100]\n  accent: [0, 60, 0, 100]\n",
        ),
        (
            "programmes/svart/p.md",
            "---\ntitle: Svart\nregion: svart\nlang: sv\n---\n\nText.\n\n## Rubrik\n\nDärför vill vi:\n\n- göra något\n",
        ),
    ]);
    let report = build_kinds(dir.path(), &[kind("leaflet"), kind("leaflet-print")]);
    assert_eq!(report.failed().count(), 0);
    let doc = Document::load(dir.path().join("out/svart/p/p-leaflet-print.pdf")).unwrap();
    let mut fills = BTreeSet::new();
    for page in doc.get_pages().values() {
        let content = Content::decode(&doc.get_page_content(*page)).unwrap();
        for op in content.operations {
            if op.operator == "k" || op.operator == "K" {
                let inks: Vec<String> = op
                    .operands
                    .iter()
                    .map(|o| format!("{:.2}", o.as_float().unwrap()))
                    .collect();
                fills.insert(inks.join(" "));
            }
        }
    }
    // The cover's primary field and the headings; the pledge markers' accent.
    assert!(fills.contains("0.60 0.00 0.00 1.00"), "{fills:?}");
    assert!(fills.contains("0.00 0.60 0.00 1.00"), "{fills:?}");
}
