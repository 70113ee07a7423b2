//! Bad sources: each fixture in `tests/fixtures/bad/CASE.md` must give exactly the diagnostics in
//! `CASE.expected` (one `path:line:col: error: message (help: …)` per line), never a panic.
//! The `summary-*` cases also build the one-page summary, whose warnings and errors count too.
//! After an intended change of messages, `TRYCKSAK_BLESS=1 cargo test --test bad_input` rewrites
//! the expected files; review the diff before committing.

mod common;

use trycksak::project::Project;
use trycksak::source::load_programme;

/// Loads `content` as `programmes/demo/NAME.md` of a fresh project with the regions `demo` and
/// `norrbotten`, next to a file `outside.png` outside the project and the images written below;
/// returns the short diagnostics.
fn diagnostics_of(name: &str, content: &[u8]) -> Vec<String> {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("outside.png"), b"not really").unwrap();
    let root = temp.path().join("project");
    for region in ["demo", "norrbotten"] {
        std::fs::create_dir_all(root.join("layouts").join(region)).unwrap();
    }
    let source = root.join("programmes/demo").join(format!("{name}.md"));
    std::fs::create_dir_all(source.parent().unwrap()).unwrap();
    std::fs::write(&source, content).unwrap();
    let demo = root.join("programmes/demo");
    std::fs::write(demo.join("omslag.png"), common::png(8, 6)).unwrap();
    std::fs::write(demo.join("karta.png"), common::png(8, 6)).unwrap();
    // Images that must be refused: text named .png, a PNG cut short, a 30 000 × 30 000 bomb.
    std::fs::write(demo.join("inte-en-bild.png"), b"<html>404 Not Found</html>").unwrap();
    let whole = common::png(300, 300);
    std::fs::write(demo.join("trasig.png"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(demo.join("bomb.png"), common::png_header(30_000, 30_000)).unwrap();
    let project = Project::open(&root).unwrap();
    let loaded = load_programme(&project, &source);
    if loaded.diagnostics.iter().any(|d| d.is_error()) {
        assert!(
            loaded.programme.is_none(),
            "{name}: a programme with errors must not be built"
        );
    }
    // `summary-*` cases are about the one-page summary: build it, and take the build's word.
    if name.starts_with("summary-") && loaded.programme.is_some() {
        let mut options = trycksak::build::BuildOptions::new(root.join("out"));
        options.kinds = Some(vec![common::kind("summary")]);
        let report = trycksak::build::build(&project, &[source], &options).unwrap();
        return common::shorts_of(&report, 0);
    }
    loaded.diagnostics.iter().map(|d| d.short()).collect()
}

#[test]
fn every_fixture_gives_its_expected_diagnostics() {
    let dir = common::repo().join("tests/fixtures/bad");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_stem().unwrap().to_str().unwrap();
        let actual = diagnostics_of(name, &std::fs::read(case).unwrap());
        let expected_path = case.with_extension("expected");
        if std::env::var_os("TRYCKSAK_BLESS").is_some() {
            std::fs::write(&expected_path, actual.join("\n") + "\n").unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        let expected: Vec<&str> = expected.lines().collect();
        if actual.is_empty() || actual != expected {
            failures.push(format!(
                "{name}:\n  expected: {expected:#?}\n  actual:   {actual:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn single(name: &str, content: &[u8]) -> String {
    let diagnostics = diagnostics_of(name, content);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    diagnostics[0].clone()
}

#[test]
fn invalid_utf8_is_located() {
    let d = single(
        "latin1",
        b"---\ntitle: R\xe4tt\nregion: demo\nlang: sv\n---\n",
    );
    assert!(
        d.starts_with("programmes/demo/latin1.md:2:9: error: the file is not valid UTF-8 text"),
        "{d}"
    );
    assert!(d.contains("UTF-8"));
}

#[test]
fn a_nul_byte_is_refused() {
    let d = single(
        "nul",
        b"---\ntitle: A\nregion: demo\nlang: sv\n---\n\nText\0.\n",
    );
    assert!(
        d.starts_with("programmes/demo/nul.md:7:5: error: the file contains a NUL byte"),
        "{d}"
    );
}

#[test]
fn bom_and_crlf_are_accepted_and_lines_still_count() {
    let ok = "\u{feff}---\r\ntitle: A\r\nregion: demo\r\nlang: sv\r\n---\r\n\r\nText.\r\n";
    assert!(diagnostics_of("crlf", ok.as_bytes()).is_empty());
    let bad = "\u{feff}---\r\ntitle: A\r\nregion: demo\r\nlang: sv\r\n---\r\n\r\n# Rubrik\r\n";
    let d = single("crlf-bad", bad.as_bytes());
    assert!(
        d.starts_with("programmes/demo/crlf-bad.md:7:1: error: a `#` heading"),
        "{d}"
    );
}

#[test]
fn lines_are_counted_in_the_whole_file_not_the_body() {
    // Ten lines of front matter push the body down: the error is on line 17 of the file.
    let mut source = String::from("---\ntitle: A\nregion: demo\nlang: sv\n");
    for i in 0..10 {
        source.push_str(&format!("# comment {i}\n"));
    }
    source.push_str("---\n\n# Rubrik\n");
    let d = single("offset", source.as_bytes());
    assert!(d.starts_with("programmes/demo/offset.md:17:1:"), "{d}");
}

#[test]
fn html_is_printed_as_text_with_one_warning_and_comments_are_dropped() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path();
    std::fs::create_dir_all(root.join("layouts/demo")).unwrap();
    std::fs::create_dir_all(root.join("programmes/demo")).unwrap();
    let source = root.join("programmes/demo/html.md");
    std::fs::write(&source, "---\ntitle: A\nregion: demo\nlang: sv\n---\n\n<!-- en anteckning -->\n\nEtt <b>fett</b> ord.\n\n<div>block</div>\n").unwrap();
    let project = Project::open(root).unwrap();
    let loaded = load_programme(&project, &source);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(!loaded.diagnostics[0].is_error());
    let text = trycksak::output::text::render(&loaded.programme.unwrap());
    assert!(text.contains("Ett <b>fett</b> ord."), "{text}");
    assert!(text.contains("<div>block</div>"));
    assert!(!text.contains("anteckning"));
}
