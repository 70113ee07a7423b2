//! The accessibility reviewer's pack: the readability report, the large-print PDF and the gates.

mod common;

use common::{SHIPPED, demo_project, repo, shipped_project, trycksak};
use trycksak::output::RenderContext;
use trycksak::output::large_print;
use trycksak::project::Project;
use trycksak::source::load_programme;
use trycksak::typeset::{Typesetter, has_hyphenation, page_lines, page_texts};

#[test]
fn large_print_has_short_unhyphenated_lines_and_every_paragraph() {
    let project = Project::open(&repo()).unwrap();
    let typesetter = Typesetter::new(&project);
    for (source, seed) in SHIPPED {
        let loaded = load_programme(&project, &repo().join(source));
        let programme = loaded.programme.unwrap();
        let cx = RenderContext::new(&typesetter, &loaded.file, false);
        let (compiled, _) =
            large_print::typeset(&programme, &cx).unwrap_or_else(|e| panic!("{e:#?}"));
        assert!(!has_hyphenation(&compiled.document), "{source}: hyphenated");
        let mut longest = 0;
        for lines in page_lines(&compiled.document) {
            for line in lines {
                longest = longest.max(line.chars().count());
                assert!(
                    line.chars().count() <= 60,
                    "{source}: line of {} characters: {line}",
                    line.chars().count()
                );
            }
        }
        assert!(
            longest >= 45,
            "{source}: lines are suspiciously short ({longest})"
        );
        let page = &compiled.document.pages()[1].frame;
        assert!((page.width().to_mm() - 210.0).abs() < 0.5, "not A4");
        let text = page_texts(&compiled.document).join(" ");
        let missing = common::missing_in_order(&common::seed_paragraphs(seed), &text);
        assert!(missing.is_empty(), "{source}: {missing:#?}");
    }
}

#[test]
fn large_print_pdfs_are_tagged_titled_and_swedish() {
    let project = shipped_project();
    trycksak(project.path())
        .args(["build", "--format", "large-print", "programmes/norrbotten"])
        .assert()
        .success();
    let pdf = project
        .path()
        .join("out/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-storstil.pdf");
    let bytes = std::fs::read(pdf).unwrap();
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = document.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"sv");
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("Omstart för Norrbotten") && raw.contains("pdfuaid:part"));
}

#[test]
fn check_a11y_prints_the_report_of_every_seed_and_exits_0() {
    let project = shipped_project();
    let output = trycksak(project.path())
        .args(["check", "--a11y"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.matches("Tillgänglighetsrapport: ").count(),
        3,
        "{stdout}"
    );
    for part in [
        "Hela programmet: LIX ",
        "Längsta meningar",
        "Längsta ord",
        "Rubriker",
        "Bilder och alternativtexter",
        "Länkar",
        "Språk: sv",
    ] {
        assert!(stdout.contains(part), "{part} missing");
    }
    assert!(stdout.contains("## Sjukvård som stärker hälsan och ger efterlängtad sjukvård (rad "));
}

#[test]
fn check_a11y_on_a_bad_source_exits_1_with_the_location() {
    let dir = demo_project(&[(
        "programmes/demo/p.md",
        "---\ntitle: T\nregion: demo\nlang: sv\n---\n\n## A\n\n#### B\n\n![bild.png](bild.png)\n",
    )]);
    std::fs::write(dir.path().join("programmes/demo/bild.png"), b"x").unwrap();
    let output = trycksak(dir.path())
        .args(["--diagnostic-format", "short", "check", "--a11y"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "programmes/demo/p.md:9:1: error: a `####` heading directly under a level-2 heading"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "programmes/demo/p.md:11:1: error: the alt text of this image is only its file name"
        ),
        "{stderr}"
    );
}

#[test]
fn a_section_over_the_lix_target_is_a_warning_and_is_in_the_report() {
    let long = "Regionens kompetensförsörjningsinsatser förutsätter långsiktiga samverkansstrukturer mellan utbildningsanordnare och arbetsgivare.";
    let dir = demo_project(&[(
        "programmes/demo/p.md",
        &format!(
            "---\ntitle: T\nregion: demo\nlang: sv\nlix_target: 40\n---\n\n## Lätt\n\nVi vill ha jobb. Du ska må bra.\n\n## Svår\n\n{long}\n"
        ),
    )]);
    let output = trycksak(dir.path())
        .args([
            "--diagnostic-format",
            "short",
            "build",
            "--format",
            "report",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("programmes/demo/p.md:12:1: warning: LIX "),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("warning: LIX").count(),
        1,
        "only the hard section: {stderr}"
    );
    let report =
        std::fs::read_to_string(dir.path().join("out/demo/p/p-tillganglighet.txt")).unwrap();
    assert!(report.contains("Mål: LIX 40,0"), "{report}");
    assert!(report.contains("Svår: LIX "), "{report}");
}

#[test]
fn vague_link_texts_and_bare_urls_are_flagged_in_the_report() {
    let dir = demo_project(&[(
        "programmes/demo/p.md",
        "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nLäs [här](https://s.se/a), <https://s.se/b> och [vårt vårdprogram](https://s.se/c).\n",
    )]);
    trycksak(dir.path())
        .args(["build", "--format", "report"])
        .assert()
        .success();
    let report =
        std::fs::read_to_string(dir.path().join("out/demo/p/p-tillganglighet.txt")).unwrap();
    // Compare with the report's line wrapping undone.
    let report = report.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        report.contains("rad 7: ”här” → https://s.se/a ⚠ länktexten säger inte vart länken leder"),
        "{report}"
    );
    assert!(
        report.contains("”https://s.se/b” → https://s.se/b ⚠ länktexten är en webbadress"),
        "{report}"
    );
    assert!(
        report.contains("”vårt vårdprogram” → https://s.se/c LIX"),
        "{report}"
    );
}

#[test]
fn the_report_counts_one_as_one() {
    let project = demo_project(&[(
        "programmes/demo/kort.md",
        "---\ntitle: Kort\nregion: demo\nlang: sv\n---\n\nVi bygger ut tåget.\n",
    )]);
    let output = trycksak(project.path())
        .args(["check", "--a11y"])
        .assert()
        .success()
        .get_output()
        .clone();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("4 ord, 1 mening, 0 långa ord"), "{report}");
    assert!(!report.contains("1 meningar"), "{report}");
}
