//! The real `trycksak` binary, run with a clean environment on temporary copies of the project.

mod common;

use std::path::Path;

use common::{outputs_of, shipped_project, trycksak, walk};

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

const TEXTS: &[&str] = &[
    "norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.txt",
    "varmland/regionalpolitiskt-program-2019-2022/regionalpolitiskt-program-2019-2022.txt",
    "vasternorrland/drivkraft-vasternorrland/drivkraft-vasternorrland.txt",
];

#[test]
fn build_writes_every_text_version_and_a_manifest() {
    let project = shipped_project();
    let out = trycksak(project.path())
        .args(["build", "--format", "text"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("Built 3 programmes: 3 files into out/"),
        "{stderr}"
    );

    let out_dir = project.path().join("out");
    let manifest = manifest(&out_dir);
    let entries = manifest["outputs"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    for (entry, path) in entries.iter().zip(TEXTS) {
        assert_eq!(entry["path"], *path);
        assert_eq!(entry["kind"], "text");
        assert!(entry["pages"].is_null());
        let bytes = std::fs::read(out_dir.join(path)).unwrap();
        assert_eq!(entry["bytes"], bytes.len() as u64);
        assert_eq!(entry["sha256"], trycksak::fsutil::sha256_hex(&bytes));
        assert!(
            entry["programme"]
                .as_str()
                .unwrap()
                .starts_with("programmes/")
        );
    }
    let leftovers: Vec<_> = walk(&out_dir)
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn two_builds_give_identical_bytes() {
    let project = shipped_project();
    trycksak(project.path())
        .args(["build", "--out", "a"])
        .assert()
        .success();
    trycksak(project.path())
        .args(["build", "--out", "b"])
        .assert()
        .success();
    for path in TEXTS.iter().copied().chain(["manifest.json"]) {
        let a = std::fs::read(project.path().join("a").join(path)).unwrap();
        let b = std::fs::read(project.path().join("b").join(path)).unwrap();
        assert_eq!(a, b, "{path} differs");
    }
}

#[test]
fn project_and_out_flags_work_from_another_folder() {
    let project = shipped_project();
    let elsewhere = tempfile::tempdir().unwrap();
    trycksak(elsewhere.path())
        .arg("-C")
        .arg(project.path())
        .args(["build", "--out", "dist", "programmes/norrbotten"])
        .assert()
        .success();
    assert!(project.path().join("dist").join(TEXTS[0]).is_file());
    assert!(!project.path().join("dist").join(TEXTS[1]).exists());
    assert!(!elsewhere.path().join("dist").exists());
}

#[test]
fn one_bad_programme_fails_with_its_location_and_the_others_are_built() {
    let project = shipped_project();
    std::fs::write(
        project.path().join("programmes/norrbotten/trasig.md"),
        "---\ntitle: Trasig\nregion: norrbotten\nlang: sv\ndatum: 2022-01-01\n---\n\nText.\n",
    )
    .unwrap();
    let output = trycksak(project.path())
        .args(["--diagnostic-format", "short", "build", "--format", "text"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("programmes/norrbotten/trasig.md:5:1: error: unknown key `datum` in the front matter (help: did you mean `date`?)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Failed: 1 programme\n  programmes/norrbotten/trasig.md"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    for path in TEXTS {
        assert!(
            project.path().join("out").join(path).is_file(),
            "{path} was not built"
        );
    }
    assert_eq!(
        manifest(&project.path().join("out"))["outputs"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn human_diagnostics_show_the_source_line() {
    let project = shipped_project();
    let path = project.path().join("programmes/norrbotten/trasig.md");
    std::fs::write(
        &path,
        "---\ntitle: Trasig\nregion: norrbotten\nlang: sv\n---\n\n# Rubrik\n",
    )
    .unwrap();
    let output = trycksak(project.path())
        .args(["check", "programmes/norrbotten/trasig.md"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("programmes/norrbotten/trasig.md:7:1"),
        "{stderr}"
    );
    assert!(stderr.contains("# Rubrik"), "{stderr}");
    assert!(stderr.contains("help: use `##` for a section"), "{stderr}");
}

#[test]
fn check_writes_nothing_and_list_shows_programmes_and_regions() {
    let project = shipped_project();
    trycksak(project.path()).arg("check").assert().success();
    assert!(!project.path().join("out").exists());
    let output = trycksak(project.path())
        .arg("list")
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "programmes/norrbotten/omstart-for-norrbotten.md  [norrbotten]  Omstart för Norrbotten"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("Regions: base, norrbotten, varmland, vasternorrland"),
        "{stdout}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let project = shipped_project();
    trycksak(project.path())
        .args(["build", "--no-such-flag"])
        .assert()
        .code(2);
    trycksak(project.path())
        .args(["build", "programmes/finns-inte.md"])
        .assert()
        .code(2);
    trycksak(project.path())
        .args(["build", "--format", "pdf"])
        .assert()
        .code(2);
    let empty = tempfile::tempdir().unwrap();
    let output = trycksak(empty.path())
        .arg("build")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("is not inside a project (no `programmes/` folder here or in a folder above): run `trycksak init`")
    );
}

#[test]
fn a_new_programme_builds_as_it_is() {
    let project = shipped_project();
    trycksak(project.path())
        .args(["new", "programme", "norrbotten/halsa"])
        .assert()
        .success();
    let source = project.path().join("programmes/norrbotten/halsa.md");
    assert!(source.is_file());
    trycksak(project.path())
        .args(["build", "programmes/norrbotten/halsa.md"])
        .assert()
        .success();
    let text =
        std::fs::read_to_string(project.path().join("out/norrbotten/halsa/halsa.txt")).unwrap();
    assert!(
        text.contains("\n\n\nOur programme for Norrbotten\n===="),
        "{text}"
    );
    // Creating it again would overwrite someone's work: refused.
    trycksak(project.path())
        .args(["new", "programme", "norrbotten/halsa"])
        .assert()
        .code(2);
    trycksak(project.path())
        .args(["new", "programme", "Norrbotten/Hälsa"])
        .assert()
        .code(2);
}

#[test]
fn help_is_pinned() {
    let output = trycksak(Path::new("."))
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .clone();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn build_all_formats_with_previews_and_report_pages_and_the_summary_size() {
    let project = shipped_project();
    let output = trycksak(project.path())
        .args(["-v", "build", "--preview", "programmes/norrbotten"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    // 7 outputs, a PNG of each of the PDFs' 10 pages, and the logo beside the HTML page.
    assert!(
        stderr.contains("Built 1 programme: 7 files and 11 images and previews beside them"),
        "{stderr}"
    );
    assert!(
        stderr.contains("omstart-for-norrbotten-leaflet-print.pdf, 4 pages"),
        "{stderr}"
    );
    assert!(
        stderr.contains("omstart-for-norrbotten-leaflet.pdf, 4 pages, set in "),
        "{stderr}"
    );
    assert!(
        stderr.contains("omstart-for-norrbotten-summary.pdf, 1 page, set in"),
        "{stderr}"
    );
    let folder = project.path().join("out/norrbotten/omstart-for-norrbotten");
    for page in 1..=4 {
        let png = std::fs::read(
            folder.join(format!("omstart-for-norrbotten-leaflet-page-{page:02}.png")),
        )
        .unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
    assert!(
        folder
            .join("omstart-for-norrbotten-summary-page-01.png")
            .is_file()
    );
    let manifest = manifest(&project.path().join("out"));
    let summary = manifest["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "summary")
        .unwrap()
        .clone();
    assert_eq!(summary["pages"], 1);
    assert!(summary["fit"]["size"].as_f64().unwrap() >= 8.0);
    // The print twins state what the print shop needs, read back from the files.
    let leaflet_print = manifest["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "leaflet-print")
        .unwrap()
        .clone();
    assert_eq!(leaflet_print["pages"], 4);
    assert_eq!(leaflet_print["leaflet"]["pages"], 4);
    assert_eq!(leaflet_print["leaflet"]["notes_pages"], 0);
    assert_eq!(leaflet_print["trim_mm"], serde_json::json!([148.0, 210.0]));
    assert_eq!(leaflet_print["bleed_mm"], 3.0);
    assert_eq!(leaflet_print["colour"], "CMYK");
    assert_eq!(leaflet_print["pdfx"], "PDF/X-4");
    // Its previews show the bleed and marks: larger than the screen pages'.
    let size = |name: &str| {
        let png = image::open(folder.join(name)).unwrap();
        (png.width(), png.height())
    };
    let screen = size("omstart-for-norrbotten-leaflet-page-01.png");
    let print = size("omstart-for-norrbotten-leaflet-print-page-01.png");
    assert!(
        print.0 > screen.0 && print.1 > screen.1,
        "{screen:?} {print:?}"
    );
}

#[test]
fn a_new_region_builds_as_it_is() {
    let project = shipped_project();
    trycksak(project.path())
        .args(["new", "region", "jamtland", "--display-name", "Jämtland"])
        .assert()
        .success();
    let layout =
        std::fs::read_to_string(project.path().join("layouts/jamtland/layout.yaml")).unwrap();
    assert!(layout.contains("name: Jämtland"));
    trycksak(project.path())
        .args(["new", "programme", "jamtland/val"])
        .assert()
        .success();
    trycksak(project.path())
        .args(["build", "programmes/jamtland"])
        .assert()
        .success();
    assert!(
        project
            .path()
            .join("out/jamtland/val/val-leaflet.pdf")
            .is_file()
    );
    trycksak(project.path())
        .args(["new", "region", "jamtland"])
        .assert()
        .code(2);
    // A region's real name: its folder folded to a–z, its name on the covers as written.
    trycksak(project.path())
        .args(["new", "region", "Västerbotten"])
        .assert()
        .success();
    let layout =
        std::fs::read_to_string(project.path().join("layouts/vasterbotten/layout.yaml")).unwrap();
    assert!(layout.contains("name: Västerbotten"), "{layout}");
}

#[test]
fn watch_rebuilds_a_changed_programme_and_ignores_its_own_output() {
    use std::io::Read;
    use std::time::{Duration, Instant};

    let project = shipped_project();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("trycksak"))
        .args(["watch", "--format", "text"])
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let text = project.path().join("out").join(TEXTS[0]);
    let wait_for = |what: &dyn Fn() -> bool| {
        let started = Instant::now();
        while !what() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "watch did not rebuild in time"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_for(&|| project.path().join("out/manifest.json").is_file());
    let source = project
        .path()
        .join("programmes/norrbotten/omstart-for-norrbotten.md");
    let edited = std::fs::read_to_string(&source)
        .unwrap()
        .replace("**Korta köerna** Inled", "**Korta köerna** Påbörja genast");
    std::fs::write(&source, edited).unwrap();
    wait_for(&|| std::fs::read_to_string(&text).is_ok_and(|t| t.contains("Påbörja genast")));
    // Our own output changing must not start a build.
    std::fs::write(project.path().join("out/extra.txt"), "x").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap();
    child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(stderr.matches(" built (").count(), 2, "{stderr}");
    assert!(
        stderr.contains(
            "[programmes/norrbotten/omstart-for-norrbotten.md] 1 programme built (1 file)"
        ),
        "{stderr}"
    );
}

#[test]
fn init_starts_a_project_that_builds_and_commands_find_it_from_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("nytt");
    outputs_of(trycksak(dir.path()).args(["init", "nytt"]), 0);
    let (_, stderr) = outputs_of(trycksak(&project).arg("build"), 0);
    assert!(
        stderr.contains("Built 1 programme: 7 files into"),
        "{stderr}"
    );
    // A second init is refused, and says what to do instead.
    let (_, stderr) = outputs_of(trycksak(&project).arg("init"), 2);
    assert!(stderr.contains("is a project already"), "{stderr}");

    // From a folder inside the project, into the project's out/.
    let region = project.join("programmes/exempel");
    std::fs::remove_dir_all(project.join("out")).unwrap();
    outputs_of(trycksak(&region).args(["build", "vart-program.md"]), 0);
    assert!(
        project
            .join("out/exempel/vart-program/vart-program.txt")
            .is_file()
    );
    assert!(!region.join("out").exists());
    // The starter of a new programme uses the region's own name.
    outputs_of(
        trycksak(&region).args(["new", "programme", "exempel/andra"]),
        0,
    );
    let starter = std::fs::read_to_string(project.join("programmes/exempel/andra.md")).unwrap();
    assert!(
        starter.contains("title: Our programme for Exempel"),
        "{starter}"
    );

    // Outside any project: say how to start one.
    let (_, stderr) = outputs_of(trycksak(dir.path()).args(["new", "region", "gotland"]), 2);
    assert!(stderr.contains("run `trycksak init`"), "{stderr}");
}

#[test]
fn a_build_without_preview_removes_the_previews_an_earlier_one_left() {
    let project = shipped_project();
    let folder = project.path().join("out/norrbotten/omstart-for-norrbotten");
    outputs_of(
        trycksak(project.path()).args(["build", "--preview", "programmes/norrbotten"]),
        0,
    );
    assert!(
        folder
            .join("omstart-for-norrbotten-leaflet-page-01.png")
            .is_file()
    );
    outputs_of(
        trycksak(project.path()).args(["build", "programmes/norrbotten"]),
        0,
    );
    let pngs: Vec<_> = walk(&folder)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    assert!(pngs.is_empty(), "{pngs:#?}");
}

/// `--timings` writes Typst's trace with the template lines that cost the time, the way
/// `typst compile --timings` does, and the build still writes its outputs.
#[test]
fn timings_name_the_template_lines_and_the_passes() {
    let project = shipped_project();
    trycksak(project.path())
        .args([
            "build",
            "programmes/norrbotten",
            "--format",
            "leaflet",
            "--timings",
            "trace.json",
        ])
        .assert()
        .success();
    let trace: serde_json::Value =
        serde_json::from_slice(&std::fs::read(project.path().join("trace.json")).unwrap()).unwrap();
    let events = trace.as_array().unwrap();
    let named = |name: &str| events.iter().filter(|e| e["name"] == name).count();
    // Every event that starts ends; the leaflet takes Typst two passes and an export.
    assert_eq!(
        events.iter().filter(|e| e["ph"] == "B").count(),
        events.iter().filter(|e| e["ph"] == "E").count()
    );
    assert!(named("iter (1)") >= 2, "a start and an end");
    assert!(named("iter (2)") >= 2);
    assert!(named("pdf") >= 2);
    let template_line = events.iter().find(|e| {
        e["name"] == "func call"
            && e["args"]["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("trycksak.typ"))
    });
    let line = template_line.expect("a call of the shared template")["args"]["line"]
        .as_u64()
        .unwrap();
    let shared = std::fs::read_to_string(common::repo().join("layouts/base/trycksak.typ")).unwrap();
    assert!(
        line >= 1 && line as usize <= shared.lines().count(),
        "{line}"
    );
    assert!(
        project
            .path()
            .join("out/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-leaflet.pdf")
            .is_file()
    );
}

/// `trycksak watch > watch.log` with the log in the project: the lines it writes are no input,
/// so they start no build (it once rebuilt forever, a build per line). A note beside the sources
/// starts none either; a picture a source names rebuilds that programme only.
#[test]
fn watch_does_not_rebuild_for_its_own_log_or_files_no_programme_names() {
    use std::time::{Duration, Instant};

    let project = shipped_project();
    let log = project.path().join("watch.log");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("trycksak"))
        .args(["watch", "--format", "text"])
        .current_dir(project.path())
        .env_clear()
        .env("NO_COLOR", "1")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let builds = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .matches(" built (")
            .count()
    };
    let started = Instant::now();
    while builds() < 1 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no first build"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::write(project.path().join("ANTECKNINGAR.txt"), "att göra").unwrap();
    std::fs::write(project.path().join("programmes/norrbotten/utkast.txt"), "x").unwrap();
    std::thread::sleep(Duration::from_secs(3));
    let after_notes = builds();
    // A picture the Norrbotten source names: that programme alone is rebuilt.
    let source = project
        .path()
        .join("programmes/norrbotten/omstart-for-norrbotten.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replacen(
            "\n## ",
            "\n![Kalix sjukhus en vinterdag](kalix.png)\n\n## ",
            1,
        ),
    )
    .unwrap();
    std::fs::write(
        project.path().join("programmes/norrbotten/kalix.png"),
        common::png(40, 30),
    )
    .unwrap();
    let started = Instant::now();
    while builds() < after_notes + 1 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no rebuild for the source"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_secs(2));
    std::fs::write(
        project.path().join("programmes/norrbotten/kalix.png"),
        common::png(60, 40),
    )
    .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    child.kill().unwrap();
    child.wait().unwrap();
    let written = std::fs::read_to_string(&log).unwrap();
    assert_eq!(after_notes, 1, "{written}");
    let last = written.lines().rfind(|l| l.contains(" built (")).unwrap();
    assert!(
        last.contains("kalix.png") && last.contains("1 programme built"),
        "{written}"
    );
}
