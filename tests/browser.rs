//! The HTML version in a real browser, as an accessibility reviewer checks it: headless
//! Chromium (Debian's `chromium`) driven by npm's `puppeteer-core`, with npm's `axe-core`
//! injected (`tests/browser/check.mjs`). CI installs all three (`.ci/run`) and must run this;
//! elsewhere it is skipped, with a note, when one is missing.

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
