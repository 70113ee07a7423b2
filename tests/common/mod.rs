//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (where the shipped programmes and layouts are).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the shipped project (programmes and layouts), to build into freely.
pub fn shipped_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["programmes", "layouts"] {
        copy_dir(&repo().join(folder), &dir.path().join(folder));
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Lowercased runs of letters and digits: the words a reader reads, without punctuation.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Checks that each paragraph's words appear as one unbroken run in `output`, and that the runs
/// come in the paragraphs' order. Returns the paragraphs that could not be found.
pub fn missing_in_order(paragraphs: &[String], output: &str) -> Vec<String> {
    let haystack = words(output);
    let mut position = 0;
    let mut missing = Vec::new();
    for paragraph in paragraphs {
        let needle = words(paragraph);
        if needle.is_empty() {
            continue;
        }
        match haystack[position..]
            .windows(needle.len())
            .position(|window| window == needle.as_slice())
        {
            Some(found) => position += found + needle.len(),
            None => missing.push(paragraph.clone()),
        }
    }
    missing
}

/// The paragraphs of a scraped seed page, without the sharing-button residue and empty lines.
pub fn seed_paragraphs(seed: &str) -> Vec<String> {
    const RESIDUE: &[&str] = &["facebook Twitter Email", "» Ladda ner programmet som pdf"];
    let text = std::fs::read_to_string(repo().join("tests/seeds").join(seed)).unwrap();
    text.lines()
        .map(|line| line.replace('\u{a0}', " ").trim().to_string())
        .filter(|line| !line.is_empty() && !RESIDUE.contains(&line.as_str()))
        .collect()
}

/// The shipped programmes and the seed pages they were made from.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "programmes/vasternorrland/drivkraft-vasternorrland.md",
        "vasternorrland.txt",
    ),
    (
        "programmes/varmland/regionalpolitiskt-program-2019-2022.md",
        "varmland.txt",
    ),
    (
        "programmes/norrbotten/omstart-for-norrbotten.md",
        "norrbotten.txt",
    ),
];

/// A temporary project made of `files` (path relative to the project, content), plus an empty
/// `layouts/demo/` so that `region: demo` is valid.
pub fn demo_project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("programmes")).unwrap();
    std::fs::create_dir_all(dir.path().join("layouts/demo")).unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// The real `trycksak` binary, run in `dir` with a clean environment.
pub fn trycksak(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("trycksak").unwrap();
    cmd.env_clear().env("NO_COLOR", "1").current_dir(dir);
    cmd
}

/// A PNG of `width` × `height` pixels, mid grey.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(width, height, image::Rgb([128, 128, 128]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

/// The header of a PNG claiming `width` × `height` pixels, followed by a few bytes of
/// compressed data: what a decompression bomb looks like before it is decoded.
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &byte in bytes {
            crc ^= byte as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &[0x78, 0x9c, 0x03, 0x00]);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Every file below `dir`.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// Builds every programme of the project at `root` into `root/out`, only `kinds`.
pub fn build_kinds(
    root: &Path,
    kinds: &[trycksak::output::OutputKind],
) -> trycksak::build::BuildReport {
    let project = trycksak::project::Project::open(root).unwrap();
    let mut options = trycksak::build::BuildOptions::new(root.join("out"));
    options.kinds = Some(kinds.to_vec());
    trycksak::build::build(&project, &project.programme_sources().unwrap(), &options).unwrap()
}

/// Fails with each programme's diagnostics unless every programme of `report` was built.
pub fn assert_built(report: &trycksak::build::BuildReport) {
    for outcome in &report.outcomes {
        assert!(
            !outcome.failed(),
            "{}: {:?}",
            outcome.source.display(),
            outcome
                .diagnostics
                .iter()
                .map(|d| d.short())
                .collect::<Vec<_>>()
        );
    }
}

/// Runs `command`, checks its exit code, and returns what it wrote to stdout and stderr.
pub fn outputs_of(command: &mut assert_cmd::Command, code: i32) -> (String, String) {
    let output = command.assert().code(code).get_output().clone();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// A valid programme of the `demo` region with one paragraph.
pub const PLAIN: &str = "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nText.\n";

/// The short form of every diagnostic of programme `index` in `report`.
pub fn shorts_of(report: &trycksak::build::BuildReport, index: usize) -> Vec<String> {
    report.outcomes[index]
        .diagnostics
        .iter()
        .map(|d| d.short())
        .collect()
}

/// The short form of the errors of programme `index` in `report`.
pub fn errors_of(report: &trycksak::build::BuildReport, index: usize) -> Vec<String> {
    report.outcomes[index]
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.short())
        .collect()
}

/// A text item as laid out: where it starts on the page, its size and width (points), its text.
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub width: f64,
    pub text: String,
}

/// Every text item of `frame` (and the groups in it), placed on the page (`offset` added).
pub fn placed_text(
    frame: &typst::layout::Frame,
    offset: typst::layout::Point,
    out: &mut Vec<Placed>,
) {
    trycksak::typeset::visit_items(frame, &mut |here, item| {
        if let typst::layout::FrameItem::Text(text) = item {
            let at = offset + typst::layout::Point::zero().transform(here);
            out.push(Placed {
                x: at.x.to_pt(),
                y: at.y.to_pt(),
                size: text.size.to_pt(),
                width: text.width().to_pt(),
                text: text.text.to_string(),
            });
        }
    });
}

/// Whether an outside tool is there (`tool probe…` runs and succeeds); without it the test is
/// skipped with a note, except under `CI=true`, where `.ci/run` installs `what`.
pub fn have(tool: &str, probe: &[&str], what: &str) -> bool {
    let ok = std::process::Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install {what} (see .ci/run)"
        );
        eprintln!("note: {what} is missing: skipped");
    }
    ok
}

/// `pdftotext` of a PDF, or `None` (with a note) where poppler-utils is not installed; under
/// `CI=true` its absence fails the test, since CI installs it (`.ci/run`).
pub fn pdftotext(pdf: &Path) -> Option<String> {
    match std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(output) => {
            assert!(
                output.status.success(),
                "pdftotext failed on {}",
                pdf.display()
            );
            Some(String::from_utf8(output.stdout).unwrap())
        }
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install poppler-utils (see .ci/run)"
            );
            eprintln!("skipped: pdftotext (poppler-utils) is not installed");
            None
        }
    }
}

/// The text of a leaflet's pages without the running footers (the lines below the A5 text
/// area, which a page break puts into the middle of a paragraph), in reading order: lines top
/// to bottom, a word broken by hyphenation joined again.
pub fn leaflet_body_text(document: &typst_layout::PagedDocument) -> String {
    let mut out = String::new();
    for page in document.pages() {
        let mut items = Vec::new();
        placed_text(&page.frame, typst::layout::Point::zero(), &mut items);
        let foot = page.frame.height().to_pt() - 20.0 * 72.0 / 25.4;
        items.retain(|t| t.y < foot);
        items.sort_by(|a, b| {
            a.y.round()
                .total_cmp(&b.y.round())
                .then(a.x.total_cmp(&b.x))
        });
        let mut joined = false;
        for item in items {
            if item.text == "\u{ad}" {
                joined = true;
                continue;
            }
            if !out.is_empty() && !joined {
                out.push(' ');
            }
            joined = false;
            out.push_str(&item.text);
        }
    }
    out
}

/// A programme source with its front matter given a publisher and a contact line, as the law and
/// campaign staff add them.
pub fn with_publisher(source: &str) -> String {
    source.replacen(
        "\nregion: ",
        "\npublisher: Förnamn Efternamn, distriktsordförande\ncontact: info@example.se, 010-123 45 67\nregion: ",
        1,
    )
}

/// A programme source with every list item written twice (the copy a sentence longer).
pub fn with_doubled_pledges(source: &str) -> String {
    source
        .lines()
        .flat_map(|line| {
            let copy = line
                .starts_with("- ")
                .then(|| format!("{line} Och en gång till."));
            std::iter::once(line.to_string()).chain(copy)
        })
        .map(|line| line + "\n")
        .collect()
}

/// The output kind called `name`.
pub fn kind(name: &str) -> trycksak::output::OutputKind {
    trycksak::output::OutputKind::named(name).unwrap_or_else(|| panic!("no output kind {name}"))
}

/// A project with one hostile programme, `programmes/demo/elak.md`: scripts, `on…=` attributes
/// in HTML, alt text, headings and link addresses, and `</body>` in its text; built as `kinds`.
pub fn hostile_project(kinds: &[trycksak::output::OutputKind]) -> tempfile::TempDir {
    let source = "---\ntitle: <script>alert('titel')</script>\nregion: demo\nlang: sv\n---\n\nText med <script>alert(1)</script> och <img src=x onerror=alert(2)> och </body> i sig.\n\n<div onclick=\"alert(3)\">Ett block</div>\n\n## Rubrik \" onmouseover=\"alert(4)\n\nVi vill:\n\n- **Fet <b>fras</b>** med [länk](https://example.se/\"onclick=\"alert(5)).\n\n![En karta \" onerror=\"alert(6)](karta.png)\n";
    let project = demo_project(&[("programmes/demo/elak.md", source)]);
    std::fs::write(
        project.path().join("programmes/demo/karta.png"),
        png(40, 30),
    )
    .unwrap();
    let report = build_kinds(project.path(), kinds);
    assert!(!report.outcomes[0].failed(), "{:#?}", errors_of(&report, 0));
    project
}

/// Where the HTML page of `source` (`programmes/<region>/<slug>.md`) is written, under `out/`.
pub fn html_page_path(source: &str) -> String {
    let path = Path::new(source);
    let slug = path.file_stem().unwrap().to_str().unwrap();
    let region = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    format!("{region}/{slug}/{slug}.html")
}

/// The 24 patches of a colour checker chart, in sRGB (BabelColor's averages): skin tones,
/// foliage, sky, the primaries and a grey ramp.
pub const CHECKER: [[u8; 3]; 24] = [
    [115, 82, 68],
    [194, 150, 130],
    [98, 122, 157],
    [87, 108, 67],
    [133, 128, 177],
    [103, 189, 170],
    [214, 126, 44],
    [80, 91, 166],
    [193, 90, 99],
    [94, 60, 108],
    [157, 188, 64],
    [224, 163, 46],
    [56, 61, 150],
    [70, 148, 73],
    [175, 54, 60],
    [231, 199, 31],
    [187, 86, 149],
    [8, 133, 161],
    [243, 243, 242],
    [200, 200, 200],
    [160, 160, 160],
    [122, 122, 121],
    [85, 85, 85],
    [52, 52, 52],
];

/// The chart as a 6 × 4 grid of 250 px patches: 1500 px over the 118 mm text column of an A5
/// leaflet is 323 ppi.
pub fn chart_png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(1500, 1000, |x, y| {
        image::Rgb(CHECKER[(y / 250 * 6 + x / 250) as usize])
    });
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

/// An RGB logo as campaign staff draw them: flat colours, a grey, a thin stroke, a
/// half-transparent shape and a gradient.
pub const RGB_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="0">
    <stop offset="0" stop-color="#1a7fd4"/><stop offset="1" stop-color="#e8f4ff"/>
  </linearGradient></defs>
  <rect x="4" y="4" width="112" height="40" fill="url(#sky)"/>
  <circle cx="40" cy="80" r="30" fill="#d12e2e"/>
  <circle cx="80" cy="80" r="30" fill="rgb(40,160,80)" fill-opacity="0.6"/>
  <rect x="10" y="112" width="100" height="4" fill="#666666"/>
  <path d="M10 50 L110 50" stroke="#333333" stroke-width="1"/>
  <path d="M10 106 L110 106" stroke="#000000" stroke-width="2"/>
</svg>"##;

/// A programme with an RGB photo: the colour chart at 323 ppi.
pub fn photo_project() -> tempfile::TempDir {
    let dir = demo_project(&[(
        "programmes/demo/bild.md",
        "---\ntitle: Färger\nregion: demo\nlang: sv\n---\n\nEtt diagram med färgrutor.\n\n\
         ![Färgrutor för kontroll av tryckets färger](diagram.png)\n\nText efter bilden.\n",
    )]);
    std::fs::write(dir.path().join("programmes/demo/diagram.png"), chart_png()).unwrap();
    dir
}

/// A region whose logo is the RGB SVG above.
pub fn logo_project() -> tempfile::TempDir {
    demo_project(&[
        (
            "programmes/demo/logo.md",
            "---\ntitle: Loggan\nregion: demo\nlang: sv\n---\n\n## Vi lovar\n\n\
             - Fler bussar på landsbygden.\n- Kortare köer i vården.\n",
        ),
        ("layouts/demo/layout.yaml", "name: Demo\nlogo: logo.svg\n"),
        ("layouts/demo/logo.svg", RGB_LOGO),
    ])
}

/// The shipped programmes with both print twins built (none failing), and the twins' paths.
pub fn shipped_print_twins() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = shipped_project();
    let report = build_kinds(dir.path(), &[kind("leaflet-print"), kind("summary-print")]);
    assert_eq!(report.failed().count(), 0);
    let twins = print_twins(dir.path());
    (dir, twins)
}

/// The print twins under `root/out`, sorted.
pub fn print_twins(root: &Path) -> Vec<PathBuf> {
    let mut pdfs: Vec<_> = walk(&root.join("out"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with("-print.pdf"))
        .collect();
    pdfs.sort();
    pdfs
}

/// A page's resources as lopdf finds them: its own, or the first it inherits.
pub fn page_resources(doc: &lopdf::Document, page: lopdf::ObjectId) -> lopdf::Dictionary {
    let (direct, ids) = doc.get_page_resources(page).unwrap();
    direct
        .cloned()
        .or_else(|| {
            ids.first()
                .map(|id| doc.get_dictionary(*id).unwrap().clone())
        })
        .unwrap_or_default()
}

/// A programme of the `demo` region with one photo of `width` × `height` pixels between two
/// paragraphs, as wide as the leaflet's text column (118 mm in A5).
pub fn image_programme(width: u32, height: u32) -> tempfile::TempDir {
    let dir = demo_project(&[(
        "programmes/demo/bild.md",
        "---\ntitle: Bilder\nregion: demo\nlang: sv\n---\n\nText före.\n\n![Hamnen i Luleå en vinterdag](hamnen.png)\n\nText efter.\n",
    )]);
    std::fs::write(
        dir.path().join("programmes/demo/hamnen.png"),
        png(width, height),
    )
    .unwrap();
    dir
}
