//! Hostile and broken input that does not fit a fixture file (too large, generated, needing
//! symlinks, other regions or the real binary), the sandbox, and safe output: every case gives
//! one clear error at its place (or a documented rendering), never a panic or a hang, and the
//! other programmes are still built. The fixture corpus is `tests/bad_input.rs`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{
    build_kinds, demo_project, errors_of, outputs_of, png, repo, shipped_project, trycksak, walk,
};
use trycksak::project::Project;
use trycksak::source::load_programme;

const HEAD: &str = "---\ntitle: T\nregion: demo\nlang: sv\n---\n\n";

/// Loads `programmes/demo/p.md` with `body` after a valid front matter; the short diagnostics.
fn load(dir: &Path, body: &str) -> (Option<trycksak::model::Programme>, Vec<String>) {
    let path = dir.join("programmes/demo/p.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, format!("{HEAD}{body}")).unwrap();
    let project = Project::open(dir).unwrap();
    let loaded = load_programme(&project, &path);
    let shorts = loaded.diagnostics.iter().map(|d| d.short()).collect();
    (loaded.programme, shorts)
}

#[test]
fn a_50_mb_source_is_refused_before_it_is_read() {
    let dir = demo_project(&[]);
    let path = dir.path().join("programmes/demo/stor.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = HEAD.to_string();
    let paragraph = "Ett stycke text som upprepas tills filen är femtio megabyte stor.\n\n";
    while text.len() < 50_000_000 {
        text.push_str(paragraph);
    }
    std::fs::write(&path, text).unwrap();
    let started = Instant::now();
    let loaded = load_programme(&Project::open(dir.path()).unwrap(), &path);
    let shorts: Vec<String> = loaded.diagnostics.iter().map(|d| d.short()).collect();
    assert_eq!(
        shorts,
        [
            "programmes/demo/stor.md: error: the file is 50.0 MB; a programme source may be at most 5 MB (help: check that this is the programme text; split a very long programme into several files)"
        ]
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn ten_thousand_pledges_are_all_in_the_text_and_the_summary_says_which_it_shows() {
    let mut body = String::from("Vi vill:\n\n");
    for i in 0..10_000 {
        body.push_str(&format!("- Löfte nummer {i} om något viktigt\n"));
    }
    let dir = demo_project(&[]);
    let (programme, shorts) = load(dir.path(), &body);
    assert!(shorts.is_empty(), "{shorts:#?}");
    assert!(programme.is_some());
    let report = build_kinds(dir.path(), &[common::kind("text"), common::kind("summary")]);
    let errors = errors_of(&report, 0);
    assert!(errors.is_empty(), "{errors:#?}");
    let warnings = common::shorts_of(&report, 0);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("not every pledge fits the one-page summary")
                && w.contains("of 10000")
                && w.contains("`pledges: N`")),
        "{warnings:#?}"
    );
    assert!(dir.path().join("out/demo/p/p-summary.pdf").is_file());
    let text = std::fs::read_to_string(dir.path().join("out/demo/p/p.txt")).unwrap();
    for i in [0, 4_999, 9_999] {
        assert!(text.contains(&format!("Löfte nummer {i} om")), "pledge {i}");
    }
}

#[test]
fn a_5000_character_word_wraps_in_the_pdf_and_stays_whole_in_the_text() {
    let word = "a".repeat(5000);
    let dir = demo_project(&[]);
    let (programme, shorts) = load(dir.path(), &format!("Före {word} efter.\n"));
    assert!(shorts.is_empty(), "{shorts:#?}");
    let text = trycksak::output::text::render(&programme.unwrap());
    assert!(text.lines().any(|line| line == word));
    let report = build_kinds(
        dir.path(),
        &[common::kind("leaflet"), common::kind("leaflet-print")],
    );
    assert!(!report.outcomes[0].failed(), "{:#?}", errors_of(&report, 0));
    // Every character is on a page: it broke into lines instead of running off the paper.
    let pdf = dir.path().join("out/demo/p/p-leaflet.pdf");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let extracted = doc.extract_text(&pages).unwrap_or_default();
    let letters = extracted.chars().filter(|&c| c == 'a').count();
    assert!(letters >= 5000, "only {letters} of 5000 letters in the PDF");
}

#[test]
fn lists_and_quotes_nested_1000_deep_are_an_error_at_the_first_level_too_deep() {
    let dir = demo_project(&[]);
    let lists: String = (0..1000)
        .map(|i| format!("{}- punkt\n", "  ".repeat(i)))
        .collect();
    let (programme, shorts) = load(dir.path(), &lists);
    assert!(programme.is_none());
    assert_eq!(
        shorts,
        [
            "programmes/demo/p.md:15:17: error: lists and quotes are nested more than 8 levels deep here (help: flatten the structure: a printed page cannot indent this far readably)"
        ]
    );
    let quotes = format!("{} djupt citat\n", ">".repeat(1000));
    let (programme, shorts) = load(dir.path(), &quotes);
    assert!(programme.is_none());
    assert_eq!(shorts.len(), 1, "{shorts:#?}");
    assert!(shorts[0].starts_with(
        "programmes/demo/p.md:7:9: error: lists and quotes are nested more than 8 levels deep"
    ));
}

#[test]
fn emphasis_nested_1000_deep_keeps_its_text() {
    let dir = demo_project(&[]);
    let body = format!("{}djup text{}\n", "*x ".repeat(1000), " x*".repeat(1000));
    let (programme, shorts) = load(dir.path(), &body);
    assert!(shorts.is_empty(), "{shorts:#?}");
    let text = trycksak::output::text::render(&programme.unwrap());
    assert!(text.contains("djup text"), "{text}");
    let report = build_kinds(dir.path(), &[common::kind("leaflet")]);
    assert!(!report.outcomes[0].failed(), "{:#?}", errors_of(&report, 0));
}

#[test]
fn right_to_left_text_prints_in_the_built_in_fonts_and_a_script_without_one_is_one_error() {
    let dir = demo_project(&[]);
    let (programme, _) = load(dir.path(), "Hej och مرحبا och שלום och ሰላም.\n");
    assert!(programme.is_some());
    let report = build_kinds(dir.path(), &[common::kind("leaflet")]);
    assert!(
        errors_of(&report, 0).is_empty(),
        "{:#?}",
        errors_of(&report, 0)
    );
    let (_, _) = load(dir.path(), "Hej på georgiska: გამარჯობა, მეგობრებო.\n");
    let report = build_kinds(dir.path(), &[common::kind("leaflet")]);
    let errors = errors_of(&report, 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(
            "programmes/demo/p.md:7:19: error: no font has the Georgian script (8 characters, the first “გ”, U+10D2)"
        ),
        "{errors:#?}"
    );
}

#[test]
fn soft_hyphens_and_zero_width_characters_print_and_vanish_from_the_text() {
    let dir = demo_project(&[]);
    let (programme, shorts) = load(
        dir.path(),
        "Sjuk\u{ad}vård och hälso\u{200b}vård och ord\u{2060}fog.\n",
    );
    assert!(shorts.is_empty(), "{shorts:#?}");
    let text = trycksak::output::text::render(&programme.unwrap());
    assert!(
        text.contains("Sjukvård och hälsovård och ordfog."),
        "{text}"
    );
    let report = build_kinds(
        dir.path(),
        &[common::kind("leaflet"), common::kind("leaflet-print")],
    );
    assert!(!report.outcomes[0].failed(), "{:#?}", errors_of(&report, 0));
}

/// A project with the regions `trasig` (its leaflet template replaced by `template`) and `hel`,
/// one programme in each.
fn two_regions(template: &str) -> tempfile::TempDir {
    demo_project(&[
        ("layouts/trasig/leaflet.typ", template),
        ("layouts/hel/layout.yaml", "name: Hel\n"),
        (
            "programmes/trasig/a.md",
            "---\ntitle: A\nregion: trasig\nlang: sv\n---\n\nText.\n",
        ),
        (
            "programmes/hel/b.md",
            "---\ntitle: B\nregion: hel\nlang: sv\n---\n\nText.\n",
        ),
    ])
}

#[test]
fn a_layout_with_a_typst_syntax_error_is_located_and_other_regions_build() {
    let dir = two_regions("#import \"trycksak.typ\": *\n#let x = (1, 2\n");
    let (_, stderr) = outputs_of(
        trycksak(dir.path()).args(["--diagnostic-format", "short", "build"]),
        1,
    );
    assert!(
        stderr.contains("layouts/trasig/leaflet.typ:2:"),
        "not located in the template: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(dir.path().join("out/hel/b/b-leaflet.pdf").is_file());
    // The leaflet fails alone: its twin with it, the other outputs are written.
    assert!(!dir.path().join("out/trasig/a/a-leaflet.pdf").exists());
    assert!(!dir.path().join("out/trasig/a/a-leaflet-print.pdf").exists());
    assert!(dir.path().join("out/trasig/a/a.txt").is_file());
    assert!(dir.path().join("out/trasig/a/a-summary.pdf").is_file());
    assert!(
        stderr.contains("  programmes/trasig/a.md: leaflet, leaflet-print\n"),
        "{stderr}"
    );
}

#[test]
fn a_template_that_loops_forever_is_stopped_and_the_others_are_built() {
    let dir = two_regions(
        "#let n = 0\n#for i in range(100000) { for j in range(100000) { n += 1 } }\n#n\n",
    );
    let started = Instant::now();
    let (_, stderr) = outputs_of(
        trycksak(dir.path())
            .args(["--diagnostic-format", "short", "build", "--timeout", "2"])
            .timeout(Duration::from_secs(120)),
        1,
    );
    assert!(
        stderr.contains("programmes/trasig/a.md: error: typesetting the leaflet took longer than 2 s and was stopped: the layout's template may loop forever"),
        "{stderr}"
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(dir.path().join("out/hel/b/b-leaflet.pdf").is_file());
    assert!(!dir.path().join("out/trasig/a").exists());
}

#[test]
fn check_runs_through_the_build_s_runner_and_stops_a_looping_template_too() {
    let dir = two_regions(
        "#let n = 0\n#for i in range(100000) { for j in range(100000) { n += 1 } }\n#n\n",
    );
    for print in [false, true] {
        let started = Instant::now();
        let mut args = vec!["--diagnostic-format", "short", "check", "--timeout", "2"];
        if print {
            args.push("--print");
        }
        let (_, stderr) = outputs_of(
            trycksak(dir.path())
                .args(&args)
                .timeout(Duration::from_secs(120)),
            1,
        );
        assert!(
            stderr.contains("programmes/trasig/a.md: error: typesetting the leaflet took longer than 2 s and was stopped: the layout's template may loop forever"),
            "check (print: {print}): {stderr}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "check (print: {print})"
        );
        // Nothing is written by a check.
        assert!(!dir.path().join("out").exists());
    }
}

#[test]
fn a_panic_in_one_programme_is_its_internal_error_and_the_others_are_built() {
    let dir = two_regions("#import \"trycksak.typ\": *\nHej\n");
    let (_, stderr) = outputs_of(
        trycksak(dir.path()).env("TRYCKSAK_TEST_PANIC", "a").args([
            "--diagnostic-format",
            "short",
            "build",
            "--format",
            "text,leaflet",
        ]),
        1,
    );
    assert!(
        stderr.contains("programmes/trasig/a.md: error: internal error while making the text version: TRYCKSAK_TEST_PANIC asked for a panic in a (help: this is a bug in trycksak, not in your file: please report it with programmes/trasig/a.md attached; the other programmes were built)"),
        "{stderr}"
    );
    assert!(dir.path().join("out/hel/b/b-leaflet.pdf").is_file());
}

#[test]
fn images_through_symlinks_or_file_urls_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("bild.png"), png(10, 10)).unwrap();
    let dir = demo_project(&[]);
    std::fs::create_dir_all(dir.path().join("programmes/demo")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("bild.png"),
        dir.path().join("programmes/demo/lank.png"),
    )
    .unwrap();
    let (_, shorts) = load(dir.path(), "![En bild](lank.png)\n");
    assert_eq!(
        shorts,
        [
            "programmes/demo/p.md:7:1: error: the image `lank.png` is outside the project folder (help: copy the image into the project folder and refer to the copy)"
        ]
    );
    let url = format!(
        "![En bild](file://{})\n",
        outside.path().join("bild.png").display()
    );
    let (_, shorts) = load(dir.path(), &url);
    assert_eq!(shorts.len(), 1, "{shorts:#?}");
    assert!(shorts[0].contains("is a web address"), "{}", shorts[0]);
}

/// What a template may not read: the same secret, as text, JSON and an image, outside the
/// project, reached through symlinks in a region's folder and in `layouts/base/`.
#[test]
fn templates_cannot_read_through_symlinks_that_lead_out_of_layouts() {
    let outside = tempfile::tempdir().unwrap();
    let secret = "root:x:0:0:hemligt";
    std::fs::write(outside.path().join("secret.txt"), secret).unwrap();
    std::fs::write(
        outside.path().join("secret.json"),
        format!("{{\"s\": \"{secret}\"}}"),
    )
    .unwrap();
    std::fs::write(outside.path().join("secret.png"), png(40, 40)).unwrap();
    let reads = [
        ("read(\"pw.txt\")", "secret.txt", "pw.txt"),
        ("json(\"pw.json\").s", "secret.json", "pw.json"),
        ("image(\"pw.png\", alt: \"x\")", "secret.png", "pw.png"),
    ];
    for folder in ["trasig", "base"] {
        for (call, target, link) in reads {
            let template = format!("#import \"trycksak.typ\": *\n#{call}\n");
            let dir = demo_project(&[
                (&format!("layouts/{folder}/summary.typ"), &template),
                ("layouts/trasig/layout.yaml", "name: Trasig\n"),
                (
                    "programmes/trasig/a.md",
                    "---\ntitle: A\nregion: trasig\nlang: sv\n---\n\nText.\n",
                ),
            ]);
            std::os::unix::fs::symlink(
                outside.path().join(target),
                dir.path().join(format!("layouts/{folder}/{link}")),
            )
            .unwrap();
            let (_, stderr) = outputs_of(
                trycksak(dir.path()).args([
                    "--diagnostic-format",
                    "short",
                    "build",
                    "--format",
                    "summary",
                ]),
                1,
            );
            assert!(
                stderr.contains(&format!("layouts/{folder}/summary.typ:2:")),
                "{folder} {call}: not located at the template's line: {stderr}"
            );
            assert!(
                stderr.contains(&format!(
                    "layouts/{folder}/{link} leads outside the layouts folder"
                )),
                "{folder} {call}: {stderr}"
            );
            assert!(!stderr.contains(secret), "{stderr}");
            let out = dir.path().join("out");
            for file in walk(&out) {
                let bytes = std::fs::read(&file).unwrap();
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains("hemligt"),
                    "{} has the secret",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn a_font_linked_from_outside_the_project_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("fonts/NotoSans-Regular.ttf"),
        outside.path().join("Other.ttf"),
    )
    .unwrap();
    let dir = demo_project(&[("programmes/demo/p.md", common::PLAIN)]);
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("Other.ttf"),
        dir.path().join("fonts/Other.ttf"),
    )
    .unwrap();
    let (_, stderr) = outputs_of(
        trycksak(dir.path()).args(["--diagnostic-format", "short", "build"]),
        1,
    );
    assert!(
        stderr.contains(
            "fonts/Other.ttf: error: the font file leads outside the project folder (help: copy the font file into fonts/ instead of linking to it)"
        ),
        "{stderr}"
    );
}

#[test]
fn a_symlink_inside_out_is_refused_and_nothing_is_written_through_it() {
    let outside = tempfile::tempdir().unwrap();
    let dir = demo_project(&[
        ("programmes/demo/p.md", common::PLAIN),
        ("programmes/demo/q.md", &common::PLAIN.replace("T\n", "Q\n")),
    ]);
    std::fs::create_dir_all(dir.path().join("out/demo")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("out/demo/p")).unwrap();
    let (_, stderr) = outputs_of(
        trycksak(dir.path()).args(["--diagnostic-format", "short", "build", "--format", "text"]),
        1,
    );
    assert!(
        stderr.contains("out/demo/p is a symbolic link: trycksak does not write through links in the output folder"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    assert!(
        dir.path().join("out/demo/q/q.txt").is_file(),
        "the other programme is built"
    );

    // The lock file and the manifest obey the same rule.
    let dir = demo_project(&[("programmes/demo/p.md", common::PLAIN)]);
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    std::fs::write(outside.path().join("lock"), "").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("lock"),
        dir.path().join("out/.trycksak.lock"),
    )
    .unwrap();
    let (_, stderr) = outputs_of(trycksak(dir.path()).arg("build"), 1);
    assert!(stderr.contains("is a symbolic link"), "{stderr}");
}

#[test]
fn outputs_are_readable_by_others_under_the_usual_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = demo_project(&[("programmes/demo/p.md", common::PLAIN)]);
    // The child inherits the umask; 022 is what most systems set.
    unsafe { libc::umask(0o022) };
    outputs_of(trycksak(dir.path()).arg("build"), 0);
    let out = dir.path().join("out");
    let files = walk(&out);
    assert!(files.len() >= 6, "{files:#?}");
    for file in files {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{}", file.display());
    }
    for folder in [out.join("demo"), out.join("demo/p")] {
        let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755, "{}", folder.display());
    }
}

/// Every file under `dir` except `out/` and trycksak's own `.trycksak/` (the build cache), with
/// its size and modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path == dir.join("out") || path == dir.join(".trycksak") {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else {
                files.push((path, meta.len(), meta.modified().unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn nothing_is_written_outside_out_and_region_names_cannot_climb_out() {
    let dir = shipped_project();
    std::fs::write(
        dir.path().join("programmes/norrbotten/klattrare.md"),
        "---\ntitle: K\nregion: ../../../tmp/x\nlang: sv\n---\n\nText.\n",
    )
    .unwrap();
    let before = snapshot(dir.path());
    let (_, stderr) = outputs_of(
        trycksak(dir.path()).args(["--diagnostic-format", "short", "build"]),
        1,
    );
    assert!(
        stderr.contains("programmes/norrbotten/klattrare.md:3:"),
        "the region is not refused at its line: {stderr}"
    );
    assert_eq!(snapshot(dir.path()), before, "a file outside out/ changed");
    assert!(!Path::new("/tmp/x/klattrare").exists());
    assert_eq!(
        std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_dir())
            .count(),
        3,
        "only the three regions' folders"
    );
}

/// A project of `n` programmes (the seeds under other names), for long builds.
fn many_programmes(n: usize) -> tempfile::TempDir {
    let dir = shipped_project();
    let seeds = [
        "programmes/norrbotten/omstart-for-norrbotten.md",
        "programmes/varmland/regionalpolitiskt-program-2019-2022.md",
        "programmes/vasternorrland/drivkraft-vasternorrland.md",
    ];
    for i in 0..n {
        let seed = seeds[i % 3];
        let text = std::fs::read_to_string(repo().join(seed)).unwrap();
        let target = dir.path().join(seed.replace(".md", &format!("-{i:03}.md")));
        std::fs::write(target, text).unwrap();
    }
    dir
}

/// Checks that every PDF in `out/` is complete and the manifest lists only files that are there,
/// with their page counts. Returns the number of PDFs.
fn assert_out_is_consistent(out: &Path) -> usize {
    let mut pdfs = 0;
    for path in walk(out) {
        if path.extension().is_some_and(|e| e == "pdf") {
            let bytes = std::fs::read(&path).unwrap();
            let tail = &bytes[bytes.len().saturating_sub(32)..];
            assert!(
                tail.windows(5).any(|w| w == b"%%EOF"),
                "{} is cut short",
                path.display()
            );
            lopdf::Document::load_mem(&bytes)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
            pdfs += 1;
        }
    }
    if let Ok(json) = std::fs::read(out.join("manifest.json")) {
        let manifest: serde_json::Value = serde_json::from_slice(&json).expect("a whole manifest");
        for entry in manifest["outputs"].as_array().unwrap() {
            let path = out.join(entry["path"].as_str().unwrap());
            assert!(
                path.is_file(),
                "the manifest lists {} which is not there",
                path.display()
            );
            // And describes it truly: its size and checksum are the file's.
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(
                entry["bytes"].as_u64(),
                Some(bytes.len() as u64),
                "{}",
                path.display()
            );
            let sha256 = {
                use sha2::Digest;
                let digest = sha2::Sha256::digest(&bytes);
                digest
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            };
            assert_eq!(
                entry["sha256"].as_str(),
                Some(sha256.as_str()),
                "{}",
                path.display()
            );
            if let Some(pages) = entry["pages"].as_u64() {
                let doc = lopdf::Document::load(&path).unwrap();
                assert_eq!(doc.get_pages().len() as u64, pages, "{}", path.display());
            }
        }
    }
    pdfs
}

#[test]
fn a_build_killed_midway_leaves_only_complete_files_and_a_true_manifest() {
    let rounds: usize = std::env::var("TRYCKSAK_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let dir = many_programmes(27);
    let binary = assert_cmd::cargo::cargo_bin("trycksak");
    // A whole build first, so that every later one replaces files the manifest lists.
    trycksak(dir.path())
        .args(["-q", "build"])
        .assert()
        .success();
    let started = Instant::now();
    trycksak(dir.path())
        .args(["-q", "build"])
        .assert()
        .success();
    let whole = started.elapsed().as_millis() as u64;
    let sources: Vec<PathBuf> = walk(&dir.path().join("programmes"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    for round in 0..rounds {
        // Every source edited, so that each output is replaced by new bytes.
        for source in &sources {
            let text = std::fs::read_to_string(source).unwrap();
            std::fs::write(source, format!("{text}\nOmgång {round}.\n")).unwrap();
        }
        // Killed at a different moment each round, spread over a whole build's time.
        let delay = Duration::from_millis(50 + (round as u64 * 7919) % whole.max(100));
        let mut child = Command::new(&binary)
            .args(["-q", "build", "--jobs", "2"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        let pdfs = assert_out_is_consistent(&dir.path().join("out"));
        eprintln!("round {round}: killed after {delay:?}, {pdfs} complete PDFs in out/");
    }
    // The next build finishes the job (from the cache where a killed build completed a
    // programme) and removes the killed builds' temporary files.
    trycksak(dir.path())
        .args(["-q", "build"])
        .assert()
        .success();
    let pdfs = assert_out_is_consistent(&dir.path().join("out"));
    assert_eq!(pdfs, 30 * 4);
    for path in walk(&dir.path().join("out")) {
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(!name.ends_with(".tmp"), "a temporary file was left: {name}");
    }
    // What the cache kept is trusted only where complete: the files equal a clean build's.
    trycksak(dir.path())
        .args(["-q", "build", "--force", "--out", "clean"])
        .assert()
        .success();
    let out = dir.path().join("out");
    for path in walk(&out) {
        let relative = path.strip_prefix(&out).unwrap();
        if relative.ends_with(".trycksak.lock") {
            continue;
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(dir.path().join("clean").join(relative)).unwrap(),
            "{} differs from a clean build's",
            relative.display()
        );
    }
}

#[test]
fn a_second_build_into_the_same_folder_is_refused_while_the_first_runs() {
    let dir = many_programmes(12);
    let binary = assert_cmd::cargo::cargo_bin("trycksak");
    let mut first = Command::new(&binary)
        .args(["-q", "build"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lock = dir.path().join("out/.trycksak.lock");
    let waited = Instant::now();
    while !lock.exists() && waited.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(100));
    let (_, stderr) = outputs_of(trycksak(dir.path()).args(["build"]), 1);
    assert!(
        stderr.contains("another trycksak build is writing into") && stderr.contains("--out"),
        "{stderr}"
    );
    assert!(first.wait().unwrap().success());
    assert_out_is_consistent(&dir.path().join("out"));
    // Once the first is done, building again works.
    trycksak(dir.path())
        .args(["-q", "build"])
        .assert()
        .success();
}

#[test]
fn a_run_of_emphasis_markers_is_never_lost_off_the_page() {
    // `*_*_…`: one-letter emphases with no space between, which no line could break.
    let source = format!(
        "---\ntitle: E\nregion: demo\nlang: sv\n---\n\nText {} slut.\n",
        "*_".repeat(150)
    );
    let dir = common::demo_project(&[("programmes/demo/e.md", &source)]);
    let report = common::build_kinds(
        dir.path(),
        &[
            common::kind("text"),
            common::kind("leaflet"),
            common::kind("leaflet-print"),
        ],
    );
    assert_eq!(
        report.failed().count(),
        0,
        "{:?}",
        common::errors_of(&report, 0)
    );
    let text = std::fs::read_to_string(dir.path().join("out/demo/e/e.txt")).unwrap();
    let marks = |s: &str| s.chars().filter(|c| matches!(c, '*' | '_')).count();
    let Some(pdf) = common::pdftotext(&dir.path().join("out/demo/e/e-leaflet.pdf")) else {
        return;
    };
    assert!(marks(&text) >= 100, "{text}");
    assert_eq!(marks(&pdf), marks(&text), "{pdf}");
}

#[test]
fn text_that_runs_past_the_page_edge_is_named_as_such_not_as_margins() {
    // Twelve columns of 35-letter words: no cell can hold its word, and no word can break.
    let word = "a".repeat(35);
    let row = |cell: &dyn Fn(usize) -> String| {
        format!("| {} |", (0..12).map(cell).collect::<Vec<_>>().join(" | "))
    };
    let source = format!(
        "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nText.\n\n{}\n|{}\n{}\n",
        row(&|i| format!("h{i}")),
        "---|".repeat(12),
        row(&|_| word.clone())
    );
    let dir = common::demo_project(&[("programmes/demo/t.md", &source)]);
    let report = common::build_kinds(
        dir.path(),
        &[common::kind("leaflet"), common::kind("leaflet-print")],
    );
    let errors = common::errors_of(&report, 0);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("runs past the page edge on page 2: “aaaa")
                && e.contains("no line can break")),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("widen the page margins")),
        "{errors:#?}"
    );
}

#[test]
fn a_four_megabyte_source_of_short_paragraphs_is_read_in_linear_time() {
    // Under the 5 MB limit: a check that rescanned the file for every paragraph once took over
    // five minutes on it. The bound is a hang detector, not a speed target (that is `cargo
    // bench`'s (e)): a debug build takes about two seconds here.
    let mut source = String::from("---\ntitle: Stor\nregion: demo\nlang: sv\n---\n\n");
    let words = [
        "vi", "vill", "att", "regionen", "ska", "satsa", "på", "vården",
    ];
    let mut i = 0usize;
    while source.len() < 4_000_000 {
        let paragraph: Vec<&str> = (0..8)
            .map(|k| words[(i * 5 + k * 3) % words.len()])
            .collect();
        source.push_str(&paragraph.join(" "));
        source.push_str(".\n\n");
        i += 1;
    }
    let dir = common::demo_project(&[("programmes/demo/stor.md", &source)]);
    let started = Instant::now();
    let report = common::build_kinds(dir.path(), &[common::kind("text"), common::kind("report")]);
    common::assert_built(&report);
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "{:?} for 4 MB",
        started.elapsed()
    );
    let text = std::fs::read_to_string(dir.path().join("out/demo/stor/stor.txt")).unwrap();
    assert!(text.len() > 3_900_000);
}

#[test]
fn a_full_disk_names_each_output_that_failed() {
    // The output folder on a small file system of its own (root may mount one; elsewhere the
    // test is skipped with a note: it needs the privilege, not a tool).
    let dir = shipped_project();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=400k", "tmpfs"])
        .arg(&out)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small file system here (needs root)");
        return;
    }
    let result = std::panic::catch_unwind(|| {
        let (_, stderr) = outputs_of(
            trycksak(dir.path()).args(["--diagnostic-format", "short", "build"]),
            1,
        );
        assert!(stderr.contains("No space left on device"), "{stderr}");
        // Each programme that could not write all its outputs is named with them.
        let failed = stderr.split("Failed: ").nth(1).unwrap_or_default();
        assert!(failed.contains("programmes/"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    });
    let _ = Command::new("umount").arg(&out).status();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn reading_a_source_counts_toward_the_timeout() {
    // A 4 MB source takes a good part of a second to read; with a timeout of a millisecond
    // its programme fails for the time its reading took (the small one may or may not make it).
    let mut large = String::from("---\ntitle: Stor\nregion: demo\nlang: sv\n---\n\n");
    while large.len() < 4_000_000 {
        large.push_str("Vi vill att regionen ska satsa på vården i hela länet.\n\n");
    }
    let dir = common::demo_project(&[
        ("programmes/demo/stor.md", &large),
        ("programmes/demo/liten.md", common::PLAIN),
    ]);
    let project = Project::open(dir.path()).unwrap();
    let mut options = trycksak::build::BuildOptions::new(dir.path().join("out"));
    options.kinds = Some(vec![common::kind("text")]);
    options.timeout = Duration::from_millis(1);
    let sources = project.programme_sources().unwrap();
    let report = trycksak::build::build(&project, &sources, &options).unwrap();
    let large = report
        .outcomes
        .iter()
        .find(|o| o.source.ends_with("stor.md"))
        .unwrap();
    assert!(
        large
            .diagnostics
            .iter()
            .any(|d| d.short().contains("reading the source took longer than")),
        "{:?}",
        large
            .diagnostics
            .iter()
            .map(|d| d.short())
            .collect::<Vec<_>>()
    );
}
