//! Translations kept in sync, as a campaign uses them: `trycksak translate` on a shipped seed,
//! the text translated (mechanically: each part gets a marker, which keeps its structure),
//! `build` — then the original edited and a pledge added, a PO file round trip for North Sámi
//! checked with gettext's `msgfmt --check`, and translations that lack a section or have an
//! extra paragraph.

mod common;

use std::path::Path;

use trycksak::translation::units::{Kind, replace, units, written};

const ORIGINAL: &str = "programmes/norrbotten/omstart-for-norrbotten.md";
const FINNISH: &str = "programmes/norrbotten/omstart-for-norrbotten.fi.md";

/// A project with the shipped layouts and fonts and the Norrbotten seed alone.
fn seed_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::repo().join("layouts"), &dir.path().join("layouts"));
    common::copy_dir(&common::repo().join("fonts"), &dir.path().join("fonts"));
    let folder = dir.path().join("programmes/norrbotten");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(common::repo().join(ORIGINAL), dir.path().join(ORIGINAL)).unwrap();
    dir
}

/// `text` with every part "translated": a marker at its end (tables as they are).
fn translated(text: &str, marker: &str) -> String {
    let replacements = units(text)
        .iter()
        .filter(|unit| unit.kind != Kind::Table)
        .map(|unit| {
            (
                unit.span.clone(),
                written(unit, &format!("{} {marker}", unit.text)),
            )
        })
        .collect();
    replace(text, replacements)
}

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let output = common::trycksak(dir)
        .args(["--diagnostic-format", "short"])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The seed translated into Finnish and built.
fn translated_project() -> tempfile::TempDir {
    let project = seed_project();
    let (ok, _, stderr) = run(project.path(), &["translate", ORIGINAL, "--to", "fi"]);
    assert!(ok, "{stderr}");
    let path = project.path().join(FINNISH);
    let started = std::fs::read_to_string(&path).unwrap();
    assert!(started.contains("\nlang: fi\n"), "{started}");
    std::fs::write(&path, translated(&started, "(suomeksi)")).unwrap();
    project
}

#[test]
fn a_translated_seed_builds_every_output_in_both_languages_linked_both_ways() {
    let project = translated_project();
    let (ok, _, stderr) = run(project.path(), &["build"]);
    assert!(ok, "{stderr}");
    // No warning for the translation: it is in step.
    assert!(!stderr.contains(FINNISH), "{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(project.path().join("out/manifest.json")).unwrap())
            .unwrap();
    let outputs = manifest["outputs"].as_array().unwrap();
    let kinds = |lang: &str| {
        let mut kinds: Vec<&str> = outputs
            .iter()
            .filter(|e| e["lang"] == lang)
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        kinds.sort();
        kinds
    };
    assert_eq!(kinds("fi"), kinds("sv"));
    assert!(kinds("fi").len() >= 7, "{:?}", kinds("fi"));
    for entry in outputs.iter().filter(|e| e["lang"] == "fi") {
        assert_eq!(entry["translation_of"], ORIGINAL);
        assert!(
            entry["path"]
                .as_str()
                .unwrap()
                .starts_with("norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.fi"),
            "{entry}"
        );
    }
    let folder = project.path().join("out/norrbotten/omstart-for-norrbotten");
    let swedish = std::fs::read_to_string(folder.join("omstart-for-norrbotten.html")).unwrap();
    let finnish = std::fs::read_to_string(folder.join("omstart-for-norrbotten.fi.html")).unwrap();
    assert!(finnish.contains("<html lang=\"fi\""));
    for page in [&swedish, &finnish] {
        assert!(page.contains(
            "<link rel=\"alternate\" hreflang=\"fi\" href=\"omstart-for-norrbotten.fi.html\">"
        ));
        assert!(page.contains(
            "<link rel=\"alternate\" hreflang=\"sv\" href=\"omstart-for-norrbotten.html\">"
        ));
    }
    assert!(swedish.contains(
        "<a href=\"omstart-for-norrbotten.fi.html\" hreflang=\"fi\" lang=\"fi\" dir=\"ltr\">Suomeksi</a>"
    ));
    assert!(finnish.contains(
        "<a href=\"omstart-for-norrbotten.html\" hreflang=\"sv\" lang=\"sv\" dir=\"ltr\">På svenska</a>"
    ));
    // The Finnish PDFs say their language.
    let leaflet =
        lopdf::Document::load(folder.join("omstart-for-norrbotten.fi-leaflet.pdf")).unwrap();
    let lang = leaflet
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    assert_eq!(lang, b"fi");
    // The index lists the translation under its original.
    let index = std::fs::read_to_string(project.path().join("out/index.html")).unwrap();
    let original_at = index.find("omstart-for-norrbotten.html\"").unwrap();
    let translation_at = index
        .find("omstart-for-norrbotten.fi.html\" hreflang=\"fi\"")
        .unwrap();
    assert!(original_at < translation_at);
    assert!(index.contains("<span lang=\"fi\" dir=\"ltr\">Suomeksi</span>"));
    // Its record is as it was made: building again changes nothing in it.
    let record = project
        .path()
        .join("programmes/norrbotten/omstart-for-norrbotten.fi.sync.yaml");
    let before = std::fs::read(&record).unwrap();
    let (ok, _, _) = run(project.path(), &["build"]);
    assert!(ok);
    assert_eq!(std::fs::read(&record).unwrap(), before);
}

#[test]
fn an_edit_and_a_new_pledge_in_the_original_warn_for_that_section_until_updated() {
    let project = translated_project();
    let (ok, _, stderr) = run(project.path(), &["build", "--format", "text"]);
    assert!(ok, "{stderr}");
    let original_path = project.path().join(ORIGINAL);
    let original = std::fs::read_to_string(&original_path).unwrap();
    let edited = original
        .replace(
            "Norrbotten står nu inför stora möjligheter",
            "Norrbotten står nu inför mycket stora möjligheter",
        )
        .replace(
            "som motsvarar länets behov av arbetskraft.\n",
            "som motsvarar länets behov av arbetskraft.\n- **Bygg ut bredbandet** Se till att hela länet får snabbt bredband före 2030.\n",
        );
    assert_ne!(edited, original);
    std::fs::write(&original_path, &edited).unwrap();
    let (ok, _, stderr) = run(project.path(), &["build", "--format", "text"]);
    assert!(ok, "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with(FINNISH))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    let section = "“Ta det regionala utvecklingsansvaret” (“Ta det regionala utvecklingsansvaret (suomeksi)”)";
    assert!(
        warnings[0].starts_with(&format!("{FINNISH}:23:1: warning: the original changed this paragraph since it was translated: {ORIGINAL}:23, in {section}")),
        "{stderr}"
    );
    assert!(
        warnings[1].starts_with(&format!("{FINNISH}:28:1: warning: the original has a new list item at {ORIGINAL}:29, in {section}")),
        "{stderr}"
    );
    // `check --translations` lists the old and the new text.
    let (_, stdout, _) = run(project.path(), &["check", "--translations", FINNISH]);
    assert!(
        stdout.contains("was: Norrbotten står nu inför stora möjligheter"),
        "{stdout}"
    );
    assert!(
        stdout.contains("now: Norrbotten står nu inför mycket stora möjligheter"),
        "{stdout}"
    );
    assert!(stdout.contains("new: **Bygg ut bredbandet**"), "{stdout}");
    // The switch makes them errors: the translation is not built.
    let finnish_path = project.path().join(FINNISH);
    let finnish = std::fs::read_to_string(&finnish_path).unwrap();
    let strict = finnish.replacen(
        "\nlang: fi\n",
        "\nlang: fi\ntranslations_out_of_date: error\n",
        1,
    );
    std::fs::write(&finnish_path, &strict).unwrap();
    let (ok, _, stderr) = run(project.path(), &["build", "--format", "text"]);
    assert!(!ok);
    assert!(
        stderr.contains(&format!("{FINNISH}:24:1: error: the original changed")),
        "{stderr}"
    );
    std::fs::write(&finnish_path, &finnish).unwrap();
    // --update adds the new pledge after its neighbour, in Swedish, and keeps the rest.
    let (ok, _, stderr) = run(
        project.path(),
        &["translate", ORIGINAL, "--to", "fi", "--update"],
    );
    assert!(ok, "{stderr}");
    let updated = std::fs::read_to_string(&finnish_path).unwrap();
    assert!(
        updated.contains("arbetskraft. (suomeksi)\n- **Bygg ut bredbandet** Se till att hela länet får snabbt bredband före 2030.\n"),
        "{updated}"
    );
    assert_eq!(
        updated.replace(
            "- **Bygg ut bredbandet** Se till att hela länet får snabbt bredband före 2030.\n",
            ""
        ),
        finnish
    );
    // Left: the edited paragraph (out of date) and the new pledge (untranslated).
    let (_, _, stderr) = run(project.path(), &["check", FINNISH]);
    let left: Vec<&str> = stderr.lines().filter(|l| l.starts_with(FINNISH)).collect();
    assert_eq!(left.len(), 2, "{stderr}");
    assert!(
        left[1].contains(":29:3: warning: this list item is still the original's text"),
        "{stderr}"
    );
    // The translator translates both: in step.
    let done = updated
        .replace(
            "- **Bygg ut bredbandet** Se till att hela länet får snabbt bredband före 2030.",
            "- **Laajakaista** Koko lääni saa nopean laajakaistan ennen vuotta 2030.",
        )
        .replace(
            "Norrbotten står nu inför stora möjligheter",
            "Norrbotten on nyt suurten mahdollisuuksien edessä",
        );
    std::fs::write(&finnish_path, done).unwrap();
    let (ok, _, stderr) = run(project.path(), &["build", "--format", "text"]);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains(FINNISH), "{stderr}");
}

/// `msgfmt --check` on a PO file, or `None` (with a note) where gettext is not installed; under
/// `CI=true` its absence fails the test.
fn msgfmt_check(po: &Path) -> Option<String> {
    match std::process::Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(po)
        .output()
    {
        Ok(output) => Some(if output.status.success() {
            String::new()
        } else {
            String::from_utf8_lossy(&output.stderr).into_owned()
        }),
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install gettext (see .ci/run)"
            );
            eprintln!("skipped: msgfmt (gettext) is not installed");
            None
        }
    }
}

#[test]
fn a_po_file_for_north_sami_goes_out_and_comes_back() {
    let project = seed_project();
    let po = project.path().join("omstart.se.po");
    let (ok, _, stderr) = run(
        project.path(),
        &["translate", ORIGINAL, "--to", "se", "--po", "omstart.se.po"],
    );
    assert!(ok, "{stderr}");
    if let Some(problems) = msgfmt_check(&po) {
        assert_eq!(problems, "", "msgfmt --check");
    }
    let exported = rspolib::pofile(std::fs::read_to_string(&po).unwrap().as_str()).unwrap();
    // One message per part: title, party, paragraphs, headings, pledges (the seed has no image).
    let original = std::fs::read_to_string(project.path().join(ORIGINAL)).unwrap();
    let parts = units(&original);
    assert_eq!(exported.entries.len(), parts.len());
    let count = |kind: Kind| parts.iter().filter(|u| u.kind == kind).count();
    assert_eq!(count(Kind::Heading(2)), 3);
    assert_eq!(count(Kind::Item), 11);
    assert!(
        exported
            .entries
            .iter()
            .any(|e| e.msgctxt.as_deref() == Some("Ta det regionala utvecklingsansvaret — item 2"))
    );
    assert!(exported.metadata.get("Language").is_some_and(|l| l == "se"));
    // Every msgstr filled (with its msgid, as a test may), imported, built.
    let mut filled = exported.clone();
    for entry in &mut filled.entries {
        entry.msgstr = Some(format!("{} (sámegillii)", entry.msgid));
    }
    std::fs::write(&po, filled.to_string()).unwrap();
    if let Some(problems) = msgfmt_check(&po) {
        assert_eq!(problems, "", "msgfmt --check");
    }
    let (ok, _, stderr) = run(
        project.path(),
        &[
            "translate",
            ORIGINAL,
            "--to",
            "se",
            "--import",
            "omstart.se.po",
        ],
    );
    assert!(ok, "{stderr}");
    let sami = project
        .path()
        .join("programmes/norrbotten/omstart-for-norrbotten.se.md");
    let text = std::fs::read_to_string(&sami).unwrap();
    assert!(text.contains("\nlang: se\n"));
    assert!(
        text.contains("## Ta det regionala utvecklingsansvaret (sámegillii)\n"),
        "{text}"
    );
    let (ok, _, stderr) = run(project.path(), &["build"]);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("omstart-for-norrbotten.se.md"), "{stderr}");
    assert!(
        project
            .path()
            .join("out/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.se-leaflet.pdf")
            .is_file()
    );
    // Exported again, it is all translated, nothing fuzzy.
    let (ok, _, _) = run(
        project.path(),
        &["translate", ORIGINAL, "--to", "se", "--po", "again.po"],
    );
    assert!(ok);
    let again = rspolib::pofile(
        std::fs::read_to_string(project.path().join("again.po"))
            .unwrap()
            .as_str(),
    )
    .unwrap();
    assert!(again.entries.iter().all(|e| {
        !e.fuzzy()
            && e.msgstr
                .as_deref()
                .is_some_and(|s| s.ends_with("(sámegillii)"))
    }));
}

#[test]
fn a_missing_section_and_an_extra_paragraph_are_warned_where_they_are() {
    let project = translated_project();
    let path = project.path().join(FINNISH);
    let full = std::fs::read_to_string(&path).unwrap();
    let (ok, _, stderr) = run(project.path(), &["build", "--format", "text"]);
    assert!(ok, "{stderr}");
    // The last section left out.
    let without = full
        .split("## Kultur")
        .next()
        .unwrap()
        .trim_end()
        .to_string()
        + "\n";
    std::fs::write(&path, &without).unwrap();
    let (_, _, stderr) = run(project.path(), &["check", FINNISH]);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with(FINNISH)).collect();
    assert_eq!(warnings.len(), 5, "{stderr}");
    assert!(
        warnings
            .iter()
            .all(|w| w.contains("this translation has nothing for the original's")),
        "{stderr}"
    );
    assert!(
        warnings[0].contains(&format!("heading at {ORIGINAL}:30")),
        "{stderr}"
    );
    assert!(
        warnings[0].starts_with(&format!("{FINNISH}:28:")),
        "{stderr}"
    );
    // An extra paragraph in the first section.
    let extra = full.replacen(
        "\n\n- **Korta köerna**",
        "\n\nYlimääräinen kappale, jota alkuperäisessä ei ole.\n\n- **Korta köerna**",
        1,
    );
    std::fs::write(&path, &extra).unwrap();
    let (_, _, stderr) = run(project.path(), &["check", FINNISH]);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with(FINNISH)).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].starts_with(&format!(
            "{FINNISH}:16:1: warning: this paragraph translates nothing in the original"
        )),
        "{stderr}"
    );
}
