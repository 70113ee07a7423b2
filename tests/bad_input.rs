//! Bad sources: each fixture in `tests/fixtures/bad/CASE.md` must give exactly the diagnostics in
//! `CASE.expected` (one `path:line:col: error: message (help: …)` per line), never a panic.
//! The `summary-*` cases also build the one-page summary, whose warnings and errors count too.
//! After an intended change of messages, `TRYCKSAK_BLESS=1 cargo test --test bad_input` rewrites
//! the expected files; review the diff before committing.

mod common;

use trycksak::project::Project;
use trycksak::source::load_programme;

#[path = "common/bad_fixtures.rs"]
mod bad_fixtures;

use bad_fixtures::diagnostics_of;

#[test]
fn every_fixture_gives_its_expected_diagnostics() {
    bad_fixtures::check_all("expected");
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
