//! The fixtures of `tests/fixtures/bad/`, loaded as a programme of a fresh project, for the
//! English and the Swedish test (`bad_input.rs`, `bad_input_sv.rs`).

use trycksak::project::Project;
use trycksak::source::load_programme;

use super::common;

/// Loads `content` as `programmes/demo/NAME.md` of a fresh project with the regions `demo` and
/// `norrbotten`, next to a file `outside.png` outside the project and the images written below;
/// returns the short diagnostics.
pub fn diagnostics_of(name: &str, content: &[u8]) -> Vec<String> {
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
    // `summary-*` cases are about the one-page summary, `render-*` cases about what only
    // rendering finds (a script no font has): build the summary, and take the build's word.
    if (name.starts_with("summary-") || name.starts_with("render-")) && loaded.programme.is_some() {
        let mut options = trycksak::build::BuildOptions::new(root.join("out"));
        options.kinds = Some(vec![common::kind("summary")]);
        let report = trycksak::build::build(&project, &[source], &options).unwrap();
        return common::shorts_of(&report, 0);
    }
    loaded.diagnostics.iter().map(|d| d.short()).collect()
}

/// Checks every fixture against its expected diagnostics in `CASE.<extension>` (`expected`
/// for English, `expected.sv` for Swedish: the test binary sets the language).
pub fn check_all(extension: &str) {
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
        let expected_path = case.with_extension(extension);
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
