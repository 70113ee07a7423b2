//! A project for the fuzzers: region `demo` with the base layout, a real image, and the path a
//! fuzzed source is loaded as.

use std::path::PathBuf;
use std::sync::LazyLock;

use trycksak::project::Project;

pub struct FuzzProject {
    _dir: tempfile::TempDir,
    pub project: Project,
    /// Where the fuzzed source pretends to be: `programmes/demo/fuzz.md`.
    pub source: PathBuf,
}

pub static PROJECT: LazyLock<FuzzProject> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("programmes/demo");
    std::fs::create_dir_all(&demo).unwrap();
    std::fs::create_dir_all(dir.path().join("layouts/demo")).unwrap();
    // A 2 × 2 PNG the fuzzer can refer to as `bild.png` (made with Pillow, checked to decode).
    std::fs::write(
        demo.join("bild.png"),
        b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x16\x49\x44\x41\x54\x78\x9c\x63\xac\x68\xea\x61\x60\x60\x60\x62\x60\x60\x60\x60\x60\x00\x00\x12\x5e\x01\x8a\x6c\x81\x9d\xe3\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    )
    .unwrap();
    let project = Project::open(dir.path()).unwrap();
    let source = demo.join("fuzz.md");
    FuzzProject {
        _dir: dir,
        project,
        source,
    }
});
