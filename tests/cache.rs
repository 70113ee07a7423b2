//! The build cache (`.trycksak/cache/`): a second build with nothing changed renders and
//! rewrites nothing (mtimes, manifest and index stay as they were); an edit rebuilds that
//! programme alone; a region's layout its region's; a removed output its programme; and a
//! cached build's files equal a clean one's, byte for byte.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use common::{shipped_project, trycksak, walk};

/// Every file under `out` with its modification time.
fn stamps(out: &Path) -> BTreeMap<String, SystemTime> {
    walk(out)
        .into_iter()
        .filter(|p| !p.ends_with(".trycksak.lock"))
        .map(|p| {
            let time = std::fs::metadata(&p).unwrap().modified().unwrap();
            (p.strip_prefix(out).unwrap().display().to_string(), time)
        })
        .collect()
}

fn build(dir: &Path, args: &[&str]) -> String {
    let output = trycksak(dir).arg("build").args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The files under `out` that changed between two stamps.
fn rewritten(
    before: &BTreeMap<String, SystemTime>,
    after: &BTreeMap<String, SystemTime>,
) -> Vec<String> {
    after
        .iter()
        .filter(|(path, time)| before.get(*path) != Some(time))
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
fn nothing_changed_nothing_rewritten_and_an_edit_rebuilds_only_its_programme() {
    let project = shipped_project();
    let dir = project.path();
    let out = dir.join("out");
    build(dir, &[]);
    let first = stamps(&out);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let said = build(dir, &[]);
    assert!(
        said.contains("(3 unchanged since the last build, not rewritten)"),
        "{said}"
    );
    assert_eq!(rewritten(&first, &stamps(&out)), Vec::<String>::new());
    // The warnings of the first build are shown again.
    let again = build(dir, &[]);
    assert_eq!(
        said.lines().count(),
        again.lines().count(),
        "{said}\n---\n{again}"
    );

    // One source edited: its files alone are rendered; those that differ are rewritten.
    let source = dir.join("programmes/varmland/regionalpolitiskt-program-2019-2022.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, text.replacen("Värmland", "Värmland län", 1)).unwrap();
    let before = stamps(&out);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let said = build(dir, &[]);
    assert!(said.contains("(2 unchanged"), "{said}");
    let changed = rewritten(&before, &stamps(&out));
    assert!(!changed.is_empty());
    for path in &changed {
        assert!(
            path.starts_with("varmland/")
                || ["manifest.json", "index.html", "personal.html"].contains(&path.as_str()),
            "{path} rewritten: {changed:?}"
        );
    }

    // A region's layout: that region's programmes are rebuilt, the others not.
    let layout = dir.join("layouts/norrbotten/layout.yaml");
    let text = std::fs::read_to_string(&layout).unwrap();
    std::fs::write(&layout, format!("{text}\n# a comment\n")).unwrap();
    let said = build(dir, &[]);
    assert!(said.contains("(2 unchanged"), "{said}");

    // A removed output: its programme is built again.
    std::fs::remove_file(
        out.join("vasternorrland/drivkraft-vasternorrland/drivkraft-vasternorrland.txt"),
    )
    .unwrap();
    let said = build(dir, &[]);
    assert!(said.contains("(2 unchanged"), "{said}");
    assert!(
        out.join("vasternorrland/drivkraft-vasternorrland/drivkraft-vasternorrland.txt")
            .is_file()
    );

    // The cached build's files are a clean build's, byte for byte (the manifest too).
    build(dir, &["--force", "--out", "clean"]);
    let cached: Vec<_> = walk(&out)
        .into_iter()
        .filter(|p| !p.ends_with(".trycksak.lock"))
        .collect();
    assert_eq!(cached.len(), walk(&dir.join("clean")).len() - 1);
    for path in cached {
        let relative = path.strip_prefix(&out).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(dir.join("clean").join(relative)).unwrap(),
            "{}",
            relative.display()
        );
    }
}

#[test]
fn the_shards_manifests_merge_into_the_whole_builds() {
    let project = shipped_project();
    let dir = project.path();
    build(dir, &["--shard", "1/2", "--out", "shard-1"]);
    build(dir, &["--shard", "2/2", "--out", "shard-2"]);
    build(dir, &[]);
    let output = trycksak(dir)
        .args(["manifest", "merge", "shard-1", "shard-2"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        std::fs::read_to_string(dir.join("out/manifest.json")).unwrap()
    );
    // A folder given twice lists each path twice: refused.
    let output = trycksak(dir)
        .args(["manifest", "merge", "shard-1", "shard-1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("two of the manifests list"));
}
