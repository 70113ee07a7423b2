//! The HTML version in a real browser, as an accessibility reviewer checks it: headless
//! Chromium (Debian's `chromium`) driven by npm's `puppeteer-core`, with npm's `axe-core`
//! injected (`tests/browser/check.mjs`); and the W3C Nu HTML Checker (npm's `vnu-jar`, on
//! Java) for markup and CSS. CI installs them all (`.ci/run`) and must run this; elsewhere it
//! is skipped, with a note, when one is missing.

mod common;

use std::path::Path;
use std::process::Command;

use common::{
    SHIPPED, build_kinds, kind, missing_in_order, repo, seed_paragraphs, shipped_project,
};

/// The browser's report of each page, or `None` (with a note) where the tools are missing.
fn check_in_browser(out: &Path, pages: &[&str]) -> Option<Vec<serde_json::Value>> {
    let script = repo().join("tests/browser/check.mjs");
    let ready = Path::new("/usr/bin/chromium").is_file()
        && repo()
            .join("tests/browser/node_modules/puppeteer-core")
            .is_dir()
        && repo().join("tests/browser/node_modules/axe-core").is_dir()
        && Command::new("node").arg("--version").output().is_ok();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium, node and tests/browser's npm packages (see .ci/run)"
        );
        eprintln!(
            "skipped: chromium, node or tests/browser/node_modules is missing (npm ci --prefix tests/browser)"
        );
        return None;
    }
    let output = Command::new("node")
        .arg(&script)
        .arg(out)
        .args(pages)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

#[test]
fn the_pages_and_the_index_pass_axe_reflow_and_keep_every_sentence() {
    let project = shipped_project();
    let report = build_kinds(
        project.path(),
        &[kind("text"), kind("leaflet"), kind("html")],
    );
    assert_eq!(report.failed().count(), 0);
    let mut pages: Vec<String> = SHIPPED
        .iter()
        .map(|(source, _)| common::html_page_path(source))
        .collect();
    pages.push("index.html".into());
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    let Some(results) = check_in_browser(&project.path().join("out"), &pages) else {
        return;
    };
    for (result, page) in results.iter().zip(&pages) {
        assert_eq!(
            result["axe"],
            serde_json::json!([]),
            "{page}: axe-core found violations"
        );
        // The layout's body font first, then the system stack: the style sheet was read (an
        // HTML entity in it once made every page fall back to the browser's serif).
        let family = result["fontFamily"].as_str().unwrap_or_default();
        assert!(
            *page == "index.html" || family.starts_with("Inter") && family.ends_with("sans-serif"),
            "{page}: font-family {family:?}"
        );
        let narrow = &result["narrow"];
        assert!(
            narrow["scrollWidth"].as_u64() <= narrow["width"].as_u64(),
            "{page} scrolls sideways at 320 px: {narrow}"
        );
    }
    for ((_, seed), result) in SHIPPED.iter().zip(&results) {
        let text = result["text"].as_str().unwrap();
        let missing = missing_in_order(&seed_paragraphs(seed), text);
        assert!(
            missing.is_empty(),
            "{seed}: not visible in the page: {missing:#?}"
        );
    }
}

#[test]
fn a_hostile_programme_runs_nothing_in_the_browser() {
    let project = common::hostile_project(&[kind("html")]);
    let Some(results) = check_in_browser(&project.path().join("out"), &["demo/elak/elak.html"])
    else {
        return;
    };
    let result = &results[0];
    assert_eq!(result["dialogs"], serde_json::json!([]), "a script ran");
    assert_eq!(
        result["handlers"],
        serde_json::json!([]),
        "an on… attribute exists"
    );
    assert_eq!(result["badLinks"], serde_json::json!([]));
    let text = result["text"].as_str().unwrap();
    assert!(
        text.contains("<script>alert(1)</script>") && text.contains("</body>"),
        "{text}"
    );
}

/// The W3C Nu HTML Checker's errors (markup and CSS) for each page, or `None` (with a note)
/// where Java or npm's `vnu-jar` is missing.
fn validator_errors(out: &Path, pages: &[String]) -> Option<Vec<String>> {
    let jar = repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() || Command::new("java").arg("-version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Java and tests/browser's npm packages (see .ci/run)"
        );
        eprintln!("skipped: java or vnu-jar is missing (npm ci --prefix tests/browser)");
        return None;
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--also-check-css"])
        .args(pages.iter().map(|page| out.join(page)))
        .output()
        .unwrap();
    // vnu writes its report to stderr.
    let report: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap();
    Some(
        report["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["type"] == "error")
            .map(|m| format!("{}: {}", m["url"], m["message"]))
            .collect(),
    )
}

#[test]
fn the_pages_are_valid_html_and_css() {
    let project = shipped_project();
    common::copy_dir(
        &repo().join("tests/corpus/programmes/base"),
        &project.path().join("programmes/base"),
    );
    let report = build_kinds(project.path(), &[kind("text"), kind("html")]);
    assert_eq!(report.failed().count(), 0);
    let out = project.path().join("out");
    let mut pages: Vec<String> = common::walk(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| p.strip_prefix(&out).unwrap().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert!(pages.len() >= 10, "{pages:?}");
    let Some(errors) = validator_errors(&out, &pages) else {
        return;
    };
    assert!(errors.is_empty(), "{errors:#?}");
}

/// A project of the language corpus's programmes (`tests/corpus/languages/<from>.md` as
/// `programmes/base/<to>.md`), its text and HTML versions built: the project and its `out/`.
fn language_pages(sources: &[(String, String)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let project = tempfile::tempdir().unwrap();
    common::copy_dir(&repo().join("layouts"), &project.path().join("layouts"));
    common::copy_dir(&repo().join("fonts"), &project.path().join("fonts"));
    let folder = project.path().join("programmes/base");
    std::fs::create_dir_all(&folder).unwrap();
    let corpus = repo().join("tests/corpus/languages");
    for (from, to) in sources {
        std::fs::copy(
            corpus.join(format!("{from}.md")),
            folder.join(format!("{to}.md")),
        )
        .unwrap();
    }
    let report = build_kinds(project.path(), &[kind("text"), kind("html")]);
    assert_eq!(report.failed().count(), 0);
    let out = project.path().join("out");
    (project, out)
}

/// The pages of the language corpus (`tests/corpus/languages/`: Arabic and Persian right to
/// left, Tigrinya in Ethiopic, Sámi and Finnish) pass axe-core and the validator, and show
/// their text in the reading order of their direction.
#[test]
fn the_pages_in_every_language_and_direction_pass_axe_and_the_validator() {
    let corpus: Vec<(String, String)> = common::walk(&repo().join("tests/corpus/languages"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem.clone(), stem)
        })
        .collect();
    let (_project, out) = language_pages(&corpus);
    let languages = ["ar", "fa", "fi", "fit", "se", "so", "sv", "ti"];
    let pages: Vec<String> = languages
        .iter()
        .map(|lang| format!("base/{lang}/{lang}.html"))
        .chain(["index.html".to_string()])
        .collect();
    let Some(results) = assert_valid_and_accessible(&out, &pages) else {
        return;
    };
    for (result, page) in results.iter().zip(&pages) {
        let narrow = &result["narrow"];
        assert!(
            narrow["scrollWidth"].as_u64() <= narrow["width"].as_u64(),
            "{page} scrolls sideways at 320 px: {narrow}"
        );
    }
    let arabic = results[0]["text"].as_str().unwrap();
    assert!(
        arabic.contains("يجب أن يصل الناس إلى المركز الصحي بسرعة"),
        "{arabic}"
    );
}

/// A programme with its Arabic and Finnish translations (the language corpus's texts): every
/// page, with its language switcher and `hreflang` links, and the index that lists the
/// translations under their original, pass axe-core and the validator.
#[test]
fn translated_pages_and_their_language_switcher_pass_axe_and_the_validator() {
    let versions = [("sv", "vardag"), ("ar", "vardag.ar"), ("fi", "vardag.fi")]
        .map(|(from, to)| (from.to_string(), to.to_string()));
    let (_project, out) = language_pages(&versions);
    let pages: Vec<String> = ["vardag", "vardag.ar", "vardag.fi"]
        .iter()
        .map(|stem| format!("base/vardag/{stem}.html"))
        .chain(["index.html".to_string()])
        .collect();
    let arabic = std::fs::read_to_string(out.join(&pages[1])).unwrap();
    assert!(arabic.contains(
        "<a href=\"vardag.fi.html\" hreflang=\"fi\" lang=\"fi\" dir=\"ltr\">Suomeksi</a>"
    ));
    assert!(arabic.contains("<span aria-current=\"page\" lang=\"ar\" dir=\"rtl\">بالعربية</span>"));
    assert_valid_and_accessible(&out, &pages);
}

/// The validator and axe-core on `pages` (under `out`): no error from either. The browser's
/// results, for further checks; `None` where a tool is missing (outside CI).
fn assert_valid_and_accessible(
    out: &std::path::Path,
    pages: &[String],
) -> Option<Vec<serde_json::Value>> {
    if let Some(errors) = validator_errors(out, pages) {
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    let results = check_in_browser(out, &pages)?;
    for (result, page) in results.iter().zip(&pages) {
        assert_eq!(
            result["axe"],
            serde_json::json!([]),
            "{page}: axe-core found violations"
        );
    }
    Some(results)
}
