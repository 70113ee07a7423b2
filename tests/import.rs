//! `trycksak import` as campaign staff use it, on documents written the way Swedish Word writes
//! them (`tests/tools/docx_from_programme.py`, python-docx), on a board's reviewed draft
//! (`tests/tools/docx_review.py`), on 61 Word documents nobody here made (`tests/corpus/docx/`,
//! with pandoc as the independent reader of their words), on an `.odt` LibreOffice wrote, and on
//! hostile packages. The Python tooling and pandoc are installed by `.ci/run`; elsewhere a test
//! that needs them is skipped with a note (and fails under `CI=true`).

mod common;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{have, outputs_of, repo, trycksak};

fn have_python_docx() -> bool {
    have(
        "python3",
        &["-c", "import docx, markdown_it"],
        "python-docx and markdown-it-py",
    )
}

/// A project with the shipped layouts (and their fonts), no programmes.
fn empty_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&repo().join("layouts"), &dir.path().join("layouts"));
    common::copy_dir(&repo().join("fonts"), &dir.path().join("fonts"));
    std::fs::create_dir_all(dir.path().join("programmes/base")).unwrap();
    dir
}

fn python(script: &str, args: &[&Path]) {
    let status = Command::new("python3")
        .arg(repo().join("tests/tools").join(script))
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "{script} failed");
}

/// The text version from the first body paragraph of `source` on.
fn body_text(text: &str, source: &str) -> String {
    let body = source.splitn(3, "---\n").nth(2).unwrap_or("");
    let first = body
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with(['#', '<', '-', '|', '!']))
        .expect("a body paragraph");
    let words: String = first
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let words = words.replace("**", "").replace('*', "");
    let start = text
        .find(&words)
        .unwrap_or_else(|| panic!("`{words}` not in the text version:\n{text}"));
    text[start..].to_string()
}

fn text_version(project: &Path, source: &Path) -> String {
    outputs_of(
        trycksak(project).args([
            "-q",
            "build",
            "--format",
            "text",
            &source.display().to_string(),
        ]),
        0,
    );
    let slug = source.file_stem().unwrap().to_str().unwrap();
    let region = source
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let folder = project.join("out").join(region).join(slug);
    std::fs::read_to_string(folder.join(format!("{slug}.txt"))).unwrap()
}

/// Every shipped programme and every corpus programme, written as Swedish Word writes a
/// document, imports to a source whose text version is the original's, word for word, from the
/// first body paragraph on. One of them carries a picture with alt text.
#[test]
fn word_documents_of_every_programme_import_to_the_same_text_version() {
    if !have_python_docx() {
        return;
    }
    let mut sources: Vec<PathBuf> = common::walk(&repo().join("programmes"))
        .into_iter()
        .chain(common::walk(&repo().join("tests/corpus/programmes")))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    sources.sort();
    assert!(sources.len() >= 11);
    let project = empty_project();
    let work = tempfile::tempdir().unwrap();
    let picture = work.path().join("bild.png");
    std::fs::write(&picture, common::png(2000, 1300)).unwrap();
    for (index, original) in sources.iter().enumerate() {
        let text = std::fs::read_to_string(original).unwrap();
        let region = text
            .lines()
            .find_map(|l| l.strip_prefix("region: "))
            .unwrap()
            .trim()
            .to_string();
        let slug = original.file_stem().unwrap().to_str().unwrap().to_string();
        let folder = project.path().join("programmes").join(&region);
        std::fs::create_dir_all(&folder).unwrap();
        let copy = folder.join(format!("{slug}.md"));
        std::fs::write(&copy, &text).unwrap();
        let document = work.path().join(format!("{slug}.docx"));
        let with_picture = index == 0;
        if with_picture {
            python("docx_from_programme.py", &[original, &document, &picture]);
        } else {
            python("docx_from_programme.py", &[original, &document]);
        }
        let imported_slug = format!("{slug}-importerad");
        let (_, report) = outputs_of(
            trycksak(project.path()).args([
                "import",
                &document.display().to_string(),
                "--region",
                &region,
                "--slug",
                &imported_slug,
            ]),
            0,
        );
        assert!(
            report.contains("passes `trycksak check`"),
            "{slug}: {report}"
        );
        let imported = folder.join(format!("{imported_slug}.md"));
        let expected = body_text(&text_version(project.path(), &copy), &text);
        let mut got = body_text(&text_version(project.path(), &imported), &text);
        if with_picture {
            let image = "[Bild: Ett exempel på en bild]\n\n";
            assert!(
                got.contains(image),
                "{slug}: the picture is missing:\n{got}"
            );
            got = got.replacen(image, "", 1);
            let source = std::fs::read_to_string(&imported).unwrap();
            assert!(source.contains(&format!("![Ett exempel på en bild]({imported_slug}-1.png)")));
            assert!(folder.join(format!("{imported_slug}-1.png")).is_file());
        }
        assert_eq!(got, expected, "{slug}: the text versions differ");
        // Swedish Word's style ids: the headings were found by their names, not their ids.
        let source = std::fs::read_to_string(&imported).unwrap();
        assert!(
            source.contains(&format!("lang: {}", lang_of(&text))),
            "{source}"
        );
    }
}

fn lang_of(source: &str) -> String {
    source
        .lines()
        .find_map(|l| l.strip_prefix("lang: "))
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn a_reviewed_draft_imports_its_final_text_and_says_what_it_accepted_and_dropped() {
    if !have_python_docx() {
        return;
    }
    let project = common::demo_project(&[]);
    let document = project.path().join("granskad.docx");
    python("docx_review.py", &[&document]);
    let (_, report) = outputs_of(
        trycksak(project.path()).args([
            "import",
            "granskad.docx",
            "--region",
            "demo",
            "--lang",
            "sv",
        ]),
        0,
    );
    let source =
        std::fs::read_to_string(project.path().join("programmes/demo/program-for-visby.md"))
            .unwrap();
    assert!(source.contains("title: Program för Visby"), "{source}");
    assert!(source.contains("lang: sv"), "{source}");
    // The heading made by hand (bold 16 pt in a Normal paragraph) is a section.
    assert!(source.contains("\n## Resor och klimat\n"), "{source}");
    // The tracked insertion is in, the deletion out, the comment gone.
    assert!(
        source.contains("Vi vill bygga ut tåget till Visby hamn."),
        "{source}"
    );
    assert!(!source.contains("så snart det går"), "{source}");
    assert!(!source.contains("Stryk detta"), "{source}");
    assert!(
        report.contains(
            "a heading made by hand (bold, larger text) was read as a heading: “Resor och klimat”"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "1 tracked insertion accepted, 1 deletion dropped, 0 moves resolved, 1 comment dropped"
        ),
        "{report}"
    );
    // Importing again over it is refused; `--force` replaces it, and `--keep-comments` keeps
    // the reviewer's words as a note to the editor.
    let (_, refused) = outputs_of(
        trycksak(project.path()).args(["import", "granskad.docx", "--region", "demo"]),
        2,
    );
    assert!(
        refused.contains("programmes/demo/program-for-visby.md is there already"),
        "{refused}"
    );
    outputs_of(
        trycksak(project.path()).args([
            "import",
            "granskad.docx",
            "--region",
            "demo",
            "--force",
            "--keep-comments",
        ]),
        0,
    );
    let kept = std::fs::read_to_string(project.path().join("programmes/demo/program-for-visby.md"))
        .unwrap();
    assert!(kept.contains("<!-- Stryk detta före tryck -->"), "{kept}");
}

/// Words as pandoc and our text version both have them: letters and digits.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Word documents made by others (mammoth.js's and python-docx's test documents, see
/// `tests/corpus/docx/README.md`): each imports — and the source passes `check`, or fails it only
/// for a picture without a description, as designed — or is refused with one clear error; and
/// what imports keeps at least 98 % of the words pandoc reads in its body, footnotes and endnotes.
#[test]
fn word_documents_made_by_others_import_or_are_refused_clearly() {
    let documents: Vec<PathBuf> = common::walk(&repo().join("tests/corpus/docx"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(documents.len() >= 30, "{}", documents.len());
    let pandoc = have("pandoc", &["--version"], "pandoc");
    let project = common::demo_project(&[]);
    let (mut imported, mut refused) = (Vec::new(), Vec::new());
    for document in &documents {
        let slug = document
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_lowercase();
        let (_, stderr) = outputs_of_any(trycksak(project.path()).args([
            "--diagnostic-format",
            "short",
            "import",
            &document.display().to_string(),
            "--region",
            "demo",
            "--slug",
            &slug,
        ]));
        assert!(!stderr.contains("panicked"), "{slug}: {stderr}");
        let source = project.path().join(format!("programmes/demo/{slug}.md"));
        if !source.is_file() {
            // Refused: one error, about the file, with what to do.
            let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
            assert_eq!(errors.len(), 1, "{slug}: {stderr}");
            assert!(
                errors[0].starts_with(&document.display().to_string()),
                "{stderr}"
            );
            assert!(errors[0].contains("(help: "), "{stderr}");
            refused.push(slug);
            continue;
        }
        for error in stderr.lines().filter(|l| l.contains(": error: ")) {
            assert!(
                error.contains("the alt text of this image is only its file name"),
                "{slug}: {error}"
            );
        }
        imported.push((document.clone(), slug));
    }
    eprintln!(
        "{} imported, {} refused: {refused:?}",
        imported.len(),
        refused.len()
    );
    assert!(imported.len() >= 50, "{}", imported.len());
    if !pandoc {
        return;
    }
    // The text versions of all that imported, in one build.
    let _ = trycksak(project.path())
        .args(["-q", "build", "--format", "text"])
        .output()
        .unwrap();
    let mut lowest = (f64::INFINITY, String::new());
    for (document, slug) in &imported {
        let reference = Command::new("pandoc")
            .args([
                "-f",
                "docx",
                "-t",
                "plain",
                "--wrap=none",
                "--track-changes=accept",
            ])
            .arg(document)
            .output()
            .unwrap();
        let reference = String::from_utf8_lossy(&reference.stdout).into_owned();
        let text_path = project.path().join(format!("out/demo/{slug}/{slug}.txt"));
        let ours = std::fs::read_to_string(&text_path).unwrap_or_default();
        let (expected, found) = (words(&reference), words(&ours));
        let total: usize = expected.values().sum();
        if total == 0 {
            continue;
        }
        let kept: usize = expected
            .iter()
            .map(|(word, n)| (*n).min(found.get(word).copied().unwrap_or(0)))
            .sum();
        let share = 100.0 * kept as f64 / total as f64;
        let missing: Vec<&String> = expected
            .iter()
            .filter(|(w, n)| found.get(*w).copied().unwrap_or(0) < **n)
            .map(|(w, _)| w)
            .take(10)
            .collect();
        assert!(
            share >= 98.0,
            "{slug}: {share:.1} % of {total} words; missing {missing:?}"
        );
        if share < lowest.0 {
            lowest = (share, slug.clone());
        }
    }
    eprintln!(
        "lowest share of words kept: {:.1} % ({})",
        lowest.0, lowest.1
    );
}

/// Runs a command whatever its exit status; its stdout and stderr.
fn outputs_of_any(command: &mut assert_cmd::Command) -> (String, String) {
    let output = command.output().unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// An `.odt` that LibreOffice wrote from a seed (its Word document converted with `soffice
/// --convert-to odt`, see `tests/corpus/odt/README.md`) imports to the seed's text version.
#[test]
fn an_odt_from_libreoffice_imports_to_the_seeds_text_version() {
    let project = empty_project();
    let folder = project.path().join("programmes/norrbotten");
    std::fs::create_dir_all(&folder).unwrap();
    let original = repo().join("programmes/norrbotten/omstart-for-norrbotten.md");
    let text = std::fs::read_to_string(&original).unwrap();
    std::fs::write(folder.join("omstart-for-norrbotten.md"), &text).unwrap();
    let odt = repo().join("tests/corpus/odt/omstart-for-norrbotten.odt");
    let (_, report) = outputs_of(
        trycksak(project.path()).args([
            "import",
            &odt.display().to_string(),
            "--region",
            "norrbotten",
            "--slug",
            "fran-odt",
        ]),
        0,
    );
    assert!(report.contains("3 sections"), "{report}");
    let expected = body_text(
        &text_version(project.path(), &folder.join("omstart-for-norrbotten.md")),
        &text,
    );
    let got = body_text(
        &text_version(project.path(), &folder.join("fran-odt.md")),
        &text,
    );
    assert_eq!(got, expected);
}

/// A zip with the given parts, each deflated.
fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }
    bytes
}

const TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn document_with(body: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

#[test]
fn hostile_packages_are_refused_with_one_clear_error_and_nothing_is_written() {
    let paragraph = document_with("<w:p><w:r><w:t>Text</w:t></w:r></w:p>");
    let picture = document_with(
        r#"<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="En bild"/><a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
    );
    let rels = |target: &str, mode: &str| {
        format!(
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{target}"{mode}/></Relationships>"#
        )
    };
    let zeros = vec![b' '; 4 * 1024 * 1024];
    let bomb = document_with(&format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        String::from_utf8_lossy(&zeros)
    ));
    let outside = rels("../../../etc/passwd", "");
    let external = rels(
        "https://example.com/tracker.png",
        r#" TargetMode="External""#,
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bomb",
            package(&[("[Content_Types].xml", TYPES), ("word/document.xml", bomb.as_bytes())]),
            "it may be a zip bomb",
        ),
        (
            "outside",
            package(&[
                ("[Content_Types].xml", TYPES),
                ("word/document.xml", picture.as_bytes()),
                ("word/_rels/document.xml.rels", outside.as_bytes()),
            ]),
            "names a part outside its own package",
        ),
        (
            "external",
            package(&[
                ("[Content_Types].xml", TYPES),
                ("word/document.xml", picture.as_bytes()),
                ("word/_rels/document.xml.rels", external.as_bytes()),
            ]),
            "refers to a file outside itself: https://example.com/tracker.png",
        ),
        (
            "macros",
            package(&[
                ("[Content_Types].xml", TYPES),
                ("word/document.xml", paragraph.as_bytes()),
                ("word/vbaProject.bin", b"code"),
            ]),
            "contains macros",
        ),
        (
            "encrypted",
            [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0u8; 512][..]].concat(),
            "an encrypted Word document, or one in the old Word 97–2003 format",
        ),
        (
            "entities",
            package(&[
                ("[Content_Types].xml", TYPES),
                (
                    "word/document.xml",
                    br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#,
                ),
            ]),
            "cannot be read",
        ),
        ("not-a-document", b"Hej!".to_vec(), "is not a Word (.docx) or OpenDocument (.odt) document"),
    ];
    let project = common::demo_project(&[]);
    for (name, bytes, expected) in cases {
        let file = project.path().join(format!("{name}.docx"));
        std::fs::write(&file, bytes).unwrap();
        let (_, stderr) = outputs_of(
            trycksak(project.path()).args([
                "--diagnostic-format",
                "short",
                "import",
                &format!("{name}.docx"),
                "--region",
                "demo",
                "--slug",
                name,
            ]),
            1,
        );
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error:")).collect();
        assert_eq!(errors.len(), 1, "{name}: {stderr}");
        assert!(
            errors[0].starts_with(&format!("{name}.docx: error: ")),
            "{name}: {stderr}"
        );
        assert!(errors[0].contains(expected), "{name}: {stderr}");
        assert!(errors[0].contains("(help: "), "{name}: {stderr}");
        assert!(
            !project
                .path()
                .join(format!("programmes/demo/{name}.md"))
                .exists(),
            "{name}: a source was written"
        );
    }
    // Nothing was written anywhere but the documents themselves.
    let written: Vec<PathBuf> = common::walk(&project.path().join("programmes"));
    assert!(written.is_empty(), "{written:?}");
}
