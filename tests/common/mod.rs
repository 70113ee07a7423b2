//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (where the shipped programmes and layouts are).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the shipped project (programmes and layouts), to build into freely.
pub fn shipped_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["programmes", "layouts"] {
        copy_dir(&repo().join(folder), &dir.path().join(folder));
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Lowercased runs of letters and digits: the words a reader reads, without punctuation.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Checks that each paragraph's words appear as one unbroken run in `output`, and that the runs
/// come in the paragraphs' order. Returns the paragraphs that could not be found.
pub fn missing_in_order(paragraphs: &[String], output: &str) -> Vec<String> {
    let haystack = words(output);
    let mut position = 0;
    let mut missing = Vec::new();
    for paragraph in paragraphs {
        let needle = words(paragraph);
        if needle.is_empty() {
            continue;
        }
        match haystack[position..]
            .windows(needle.len())
            .position(|window| window == needle.as_slice())
        {
            Some(found) => position += found + needle.len(),
            None => missing.push(paragraph.clone()),
        }
    }
    missing
}

/// The paragraphs of a scraped seed page, without the sharing-button residue and empty lines.
pub fn seed_paragraphs(seed: &str) -> Vec<String> {
    const RESIDUE: &[&str] = &["facebook Twitter Email", "» Ladda ner programmet som pdf"];
    let text = std::fs::read_to_string(repo().join("tests/seeds").join(seed)).unwrap();
    text.lines()
        .map(|line| line.replace('\u{a0}', " ").trim().to_string())
        .filter(|line| !line.is_empty() && !RESIDUE.contains(&line.as_str()))
        .collect()
}

/// The shipped programmes and the seed pages they were made from.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "programmes/vasternorrland/drivkraft-vasternorrland.md",
        "vasternorrland.txt",
    ),
    (
        "programmes/varmland/regionalpolitiskt-program-2019-2022.md",
        "varmland.txt",
    ),
    (
        "programmes/norrbotten/omstart-for-norrbotten.md",
        "norrbotten.txt",
    ),
];

/// A temporary project made of `files` (path relative to the project, content), plus an empty
/// `layouts/demo/` so that `region: demo` is valid.
pub fn demo_project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("programmes")).unwrap();
    std::fs::create_dir_all(dir.path().join("layouts/demo")).unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// The real `trycksak` binary, run in `dir` with a clean environment.
pub fn trycksak(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("trycksak").unwrap();
    cmd.env_clear().env("NO_COLOR", "1").current_dir(dir);
    cmd
}
