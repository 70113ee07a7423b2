//! The typeset outputs: real PDFs of the shipped programmes and of made-up ones, checked for the
//! properties a print shop and a screen-reader user rely on.

mod common;

use std::path::Path;

use common::{
    SHIPPED, demo_project, missing_in_order, repo, seed_paragraphs, shipped_project, words,
};
use lopdf::{Document, Object};
use trycksak::build::{BuildOptions, build};
use trycksak::model::{BlockKind, plain_text};
use trycksak::output::RenderContext;
use trycksak::output::pdf::Medium;
use trycksak::output::{leaflet, summary};
use trycksak::project::Project;
use trycksak::source::load_programme;
use trycksak::typeset::{Typesetter, page_texts};

/// Runs `f` with a loaded programme and a PDF context for it.
fn with_programme<R>(
    root: &Path,
    source: &str,
    f: impl FnOnce(&trycksak::model::Programme, &RenderContext) -> R,
) -> R {
    let project = Project::open(root).unwrap();
    let typesetter = Typesetter::new(&project);
    let loaded = load_programme(&project, &root.join(source));
    let errors: Vec<String> = loaded.diagnostics.iter().map(|d| d.short()).collect();
    let programme = loaded
        .programme
        .unwrap_or_else(|| panic!("{source}: {errors:#?}"));
    let cx = RenderContext::new(&typesetter, &loaded.file, false);
    f(&programme, &cx)
}

fn shorts(diagnostics: &[trycksak::diagnostics::Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.short()).collect()
}

fn build_all(root: &Path, out: &str) -> trycksak::build::BuildReport {
    let project = Project::open(root).unwrap();
    let sources = project.programme_sources().unwrap();
    let options = BuildOptions::new(root.join(out));
    build(&project, &sources, &options).unwrap()
}

#[test]
fn every_shipped_programme_builds_every_format() {
    let project = shipped_project();
    let report = build_all(project.path(), "out");
    for outcome in &report.outcomes {
        assert!(
            !outcome.failed(),
            "{}: {:#?}",
            outcome.source.display(),
            shorts(&outcome.diagnostics)
        );
        let kinds: Vec<&str> = outcome.written.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "text",
                "leaflet",
                "summary",
                "leaflet-print",
                "summary-print",
                "report",
                "html"
            ]
        );
        let pages = |kind: &str| {
            outcome
                .written
                .iter()
                .find(|e| e.kind == kind)
                .and_then(|e| e.pages)
        };
        assert_eq!(pages("leaflet"), pages("leaflet-print"));
        for entry in &outcome.written {
            match entry.kind.as_str() {
                "text" => assert_eq!(entry.pages, None),
                "report" => assert!(
                    entry.path.ends_with("-tillganglighet.txt"),
                    "{}",
                    entry.path
                ),
                "leaflet" | "leaflet-print" => {
                    assert_eq!(entry.pages.unwrap() % 4, 0, "{}", entry.path)
                }
                "summary-print" => assert_eq!(entry.pages, Some(1)),
                "html" => assert!(entry.path.ends_with(".html"), "{}", entry.path),
                "summary" => {
                    assert_eq!(entry.pages, Some(1));
                    assert!(entry.facts["fit"]["size"].as_f64().unwrap() >= 8.0);
                }
                other => panic!("unexpected kind {other}"),
            }
        }
    }
    assert_eq!(report.outcomes.len(), 3);
}

#[test]
fn the_leaflet_text_keeps_every_seed_paragraph_in_order() {
    for (source, seed) in SHIPPED {
        let text = with_programme(&repo(), source, |programme, cx| {
            let (compiled, data, _) = leaflet::typeset(programme, cx, Medium::Screen)
                .unwrap_or_else(|e| panic!("{:#?}", shorts(&e)));
            assert_eq!(compiled.document.pages().len() % 4, 0);
            // The base template adds its notes pages itself: no second compile was needed.
            assert_eq!(data.notes_pages, 0, "{source}");
            common::leaflet_body_text(&compiled.document)
        });
        let missing = missing_in_order(&seed_paragraphs(seed), &text);
        assert!(
            missing.is_empty(),
            "{source}: missing from the leaflet: {missing:#?}"
        );
    }
}

#[test]
fn the_summary_has_every_pledge_on_one_page() {
    for (source, _) in SHIPPED {
        with_programme(&repo(), source, |programme, cx| {
            let (compiled, data, fitted) = summary::typeset(programme, cx, Medium::Screen)
                .unwrap_or_else(|e| panic!("{:#?}", shorts(&e)));
            assert_eq!(compiled.document.pages().len(), 1, "{source}");
            // No more compiles than before the fit had more levers (1, 3 and 3).
            assert!(
                (1..=3).contains(&fitted.tries),
                "{source}: {} tries",
                fitted.tries
            );
            let text = words(&page_texts(&compiled.document).join(" ")).join(" ");
            let mut pledges = 0;
            let mut check = |items: &[trycksak::model::ListItem]| {
                for item in items {
                    let BlockKind::Paragraph { content } = &item.blocks[0].kind else {
                        panic!()
                    };
                    let pledge = words(&plain_text(content)).join(" ");
                    assert!(
                        text.contains(&pledge),
                        "{source}: pledge missing from the summary: {pledge}"
                    );
                    pledges += 1;
                }
            };
            for block in programme
                .intro
                .iter()
                .chain(programme.all_sections().iter().flat_map(|s| &s.blocks))
            {
                if let BlockKind::PledgeList { items, .. } = &block.kind {
                    check(items);
                }
            }
            assert!(pledges >= 11);
            assert!(data.fit.size >= 8.0);
        });
    }
}

/// A project with one programme of `pledges` pledges of `words` words each, under four sections.
fn many_pledges_project(
    pledges: usize,
    words: usize,
    front_matter_extra: &str,
) -> tempfile::TempDir {
    let mut source = format!(
        "---\ntitle: Många löften\nregion: demo\nlang: sv\n{front_matter_extra}---\n\nVi har många löften.\n"
    );
    for i in 0..pledges {
        if i % (pledges / 4).max(1) == 0 {
            source.push_str(&format!(
                "\n## Avsnitt {}\n\nVi vill:\n\n",
                i / (pledges / 4).max(1) + 1
            ));
        }
        let filler = vec!["satsa"; words.saturating_sub(3)].join(" ");
        source.push_str(&format!("- Löfte nummer {i} {filler}\n"));
    }
    demo_project(&[("programmes/demo/lofte.md", &source)])
}

#[test]
fn eighty_pledges_still_fit_one_page() {
    let project = many_pledges_project(80, 12, "");
    with_programme(
        project.path(),
        "programmes/demo/lofte.md",
        |programme, cx| {
            let (compiled, data, _) = summary::typeset(programme, cx, Medium::Screen)
                .unwrap_or_else(|e| panic!("{:#?}", shorts(&e)));
            assert_eq!(compiled.document.pages().len(), 1);
            let text = page_texts(&compiled.document).join(" ");
            assert!(text.contains("Löfte nummer 0 ") && text.contains("Löfte nummer 79 "));
            assert!(data.fit.size >= 8.0);
        },
    );
}

/// The catalog, and the whole file as text (for the XMP metadata, which is uncompressed).
fn open_pdf(path: &Path) -> (Document, String) {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    (Document::load_mem(&bytes).unwrap(), text)
}

#[test]
fn pdfs_are_tagged_titled_swedish_and_embed_their_fonts() {
    let project = shipped_project();
    build_all(project.path(), "out");
    let out = project.path().join("out/norrbotten/omstart-for-norrbotten");
    for file in [
        "omstart-for-norrbotten-leaflet.pdf",
        "omstart-for-norrbotten-summary.pdf",
    ] {
        let (pdf, raw) = open_pdf(&out.join(file));
        let catalog = pdf.catalog().unwrap();
        let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
        assert_eq!(lang, b"sv", "{file}");
        assert!(
            catalog.get(b"StructTreeRoot").is_ok(),
            "{file} is not tagged"
        );
        let mark_info = pdf
            .dereference(catalog.get(b"MarkInfo").unwrap())
            .unwrap()
            .1
            .as_dict()
            .unwrap()
            .clone();
        assert_eq!(mark_info.get(b"Marked").unwrap(), &Object::Boolean(true));
        assert!(
            raw.contains("<dc:title>") && raw.contains("Omstart för Norrbotten"),
            "{file}: title not in XMP"
        );
        assert!(
            raw.contains("pdfuaid:part>1<") || raw.contains("pdfuaid:part=\"1\""),
            "{file}: not PDF/UA-1"
        );
        assert!(
            raw.contains("pdfaid:part>2<") || raw.contains("pdfaid:part=\"2\""),
            "{file}: not PDF/A-2"
        );

        let mut descriptors = 0;
        for object in pdf.objects.values() {
            if let Ok(dict) = object.as_dict()
                && dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"FontDescriptor")
            {
                descriptors += 1;
                let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| dict.get(key).is_ok());
                assert!(embedded, "{file}: a font is not embedded: {dict:?}");
            }
        }
        assert!(descriptors >= 1);
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let project = shipped_project();
    build_all(project.path(), "a");
    build_all(project.path(), "b");
    let a = std::fs::read(project.path().join("a/manifest.json")).unwrap();
    let b = std::fs::read(project.path().join("b/manifest.json")).unwrap();
    assert_eq!(a, b, "the manifests (with every file's sha256) differ");
    assert!(String::from_utf8(a).unwrap().contains("-leaflet.pdf"));
}

#[test]
fn typst_syntax_in_a_programme_prints_literally() {
    let hostile = r##"---
title: "#set page(width: 1cm) $x$"
region: demo
lang: sv
---

Skriv #set page(width: 1cm) och #read("/etc/passwd") och $x^2$ och @ref och <label> och \\ och #import "x.typ" och ]) #panic("no").

## #heading[Rubrik] = lika

- #set text(size: 100pt) `#eval("1+1")`
"##;
    let dir = demo_project(&[("programmes/demo/farlig.md", hostile)]);
    with_programme(dir.path(), "programmes/demo/farlig.md", |programme, cx| {
        let (compiled, _, _) = leaflet::typeset(programme, cx, Medium::Screen)
            .unwrap_or_else(|e| panic!("{:#?}", shorts(&e)));
        // Straight quotes are typeset as the language's (”…”) like any text: undone here.
        let text = page_texts(&compiled.document)
            .join(" ")
            .replace(['”', '“'], "\"");
        for literal in [
            "#set page(width: 1cm)",
            "#read(\"/etc/passwd\")",
            "$x^2$",
            "@ref",
            "<label>",
            "\\",
            "#panic(\"no\")",
            "#heading[Rubrik] = lika",
            "#eval(\"1+1\")",
        ] {
            assert!(
                text.contains(literal),
                "{literal:?} not printed literally in {text}"
            );
        }
        assert!(!text.contains("root:"), "a file was read");
        let width = compiled.document.pages()[1].frame.width().to_mm();
        assert!(
            (width - 148.0).abs() < 0.5,
            "the page width changed to {width} mm"
        );
    });
}

const PLAIN: &str = "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nText.\n";

fn project_with_override(template: &str) -> tempfile::TempDir {
    demo_project(&[
        ("layouts/demo/leaflet.typ", template),
        ("programmes/demo/p.md", PLAIN),
    ])
}

#[test]
fn a_layout_cannot_read_outside_the_project_or_load_packages() {
    for (template, expected) in [
        ("#read(\"../../../../../../etc/passwd\")", "escape"),
        ("#image(\"/../../etc/hostname\")", "escape"),
        (
            "#import \"@preview/cetz:0.3.0\"",
            "packages are not available offline: copy the package under layouts/",
        ),
    ] {
        let project = project_with_override(template);
        let errors = with_programme(project.path(), "programmes/demo/p.md", |programme, cx| {
            leaflet::typeset(programme, cx, Medium::Screen)
                .err()
                .expect("must fail")
        });
        let message = shorts(&errors).join("\n");
        assert!(message.contains(expected), "{template}: {message}");
        assert!(
            message.starts_with("layouts/demo/leaflet.typ:1:"),
            "{template}: not located in the layout: {message}"
        );
    }
}

#[test]
fn trycksak_gives_the_pdf_its_metadata_and_the_pages_their_running_data() {
    use typst::model::Document as _;
    // A template that sets nothing (four pages, for the booklet check): the title, author and
    // keywords are the programme's, and what the pages repeat is in /running.json.
    let project = project_with_override(
        "#context [Löptitel: #json(\"/running.json\").title, slug: #repr(json(\"/running.json\").slug_before)] #pagebreak() #pagebreak() #pagebreak()",
    );
    let (info, text) = with_programme(project.path(), "programmes/demo/p.md", |programme, cx| {
        let (compiled, _, _) = leaflet::typeset(programme, cx, Medium::Print)
            .unwrap_or_else(|e| panic!("{:#?}", shorts(&e)));
        (
            compiled.document.info().clone(),
            page_texts(&compiled.document).join(" "),
        )
    });
    assert_eq!(info.title.as_deref(), Some("T"));
    // A programme without `party:` in a region whose layout names none: no author at all,
    // rather than a name the programme does not state.
    assert!(info.author.is_empty(), "{:?}", info.author);
    assert!(info.keywords.is_empty(), "{info:?}");
    assert!(text.contains("Löptitel: T"), "{text}");
    assert!(text.contains("programmes/demo/p.md"), "{text}");

    // A template's own `set document` wins.
    let project = project_with_override(
        "#set document(title: \"Egen titel\", author: \"Egen\", keywords: (\"k\",))\nText #pagebreak() #pagebreak() #pagebreak()",
    );
    let info = with_programme(project.path(), "programmes/demo/p.md", |programme, cx| {
        let (compiled, _, _) = leaflet::typeset(programme, cx, Medium::Screen)
            .unwrap_or_else(|e| panic!("{:#?}", shorts(&e)));
        compiled.document.info().clone()
    });
    assert_eq!(info.title.as_deref(), Some("Egen titel"));
    assert_eq!(info.author, ["Egen"]);
    assert_eq!(info.keywords, ["k"]);
}

#[test]
fn a_symlink_out_of_the_project_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "hemligt").unwrap();
    let project = project_with_override("#read(\"/layouts/demo/link.txt\")");
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        project.path().join("layouts/demo/link.txt"),
    )
    .unwrap();
    let errors = with_programme(project.path(), "programmes/demo/p.md", |programme, cx| {
        leaflet::typeset(programme, cx, Medium::Screen)
            .err()
            .expect("must fail")
    });
    assert!(
        shorts(&errors)
            .join("\n")
            .contains("leads outside the project folder"),
        "{:#?}",
        shorts(&errors)
    );
}

#[test]
fn a_region_with_only_a_layout_file_builds_and_so_does_a_project_without_layouts() {
    let dir = demo_project(&[
        (
            "layouts/ny/layout.yaml",
            "name: Ny region\ncolours:\n  primary: [100, 60, 0, 35]\n",
        ),
        (
            "programmes/ny/p.md",
            "---\ntitle: T\nregion: ny\nlang: sv\n---\n\nText.\n",
        ),
    ]);
    let report = build_all(dir.path(), "out");
    assert!(
        !report.outcomes[0].failed(),
        "{:#?}",
        shorts(&report.outcomes[0].diagnostics)
    );
    assert_eq!(report.files_written(), 7);

    let bare = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(bare.path().join("programmes")).unwrap();
    std::fs::write(
        bare.path().join("programmes/p.md"),
        PLAIN.replace("demo", "base"),
    )
    .unwrap();
    let report = build_all(bare.path(), "out");
    assert!(
        !report.outcomes[0].failed(),
        "{:#?}",
        shorts(&report.outcomes[0].diagnostics)
    );
    assert!(bare.path().join("out/base/p/p-leaflet.pdf").is_file());
}

#[test]
fn a_character_no_font_has_is_an_error_at_its_place() {
    let dir = demo_project(&[(
        "programmes/demo/p.md",
        "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nVi 😀 Norrbotten, ŋ och ŧ finns.\n",
    )]);
    let errors = with_programme(dir.path(), "programmes/demo/p.md", |programme, cx| {
        leaflet::typeset(programme, cx, Medium::Screen)
            .err()
            .expect("must fail")
    });
    let message = shorts(&errors).join("\n");
    assert_eq!(errors.len(), 1, "{message}");
    assert!(
        message
            .starts_with("programmes/demo/p.md:7:4: error: no font has the character 😀: it would print as an empty box"),
        "{message}"
    );
}

#[test]
fn a_bad_layout_file_is_located_with_a_suggestion() {
    let dir = demo_project(&[
        (
            "layouts/demo/layout.yaml",
            "name: Demo\ncolors:\n  primary: [0, 0, 0, 100]\n",
        ),
        ("programmes/demo/p.md", PLAIN),
    ]);
    let report = build_all(dir.path(), "out");
    let message = shorts(&report.outcomes[0].diagnostics).join("\n");
    assert!(message.contains("layouts/demo/layout.yaml:2:1: error: unknown key `colors` in the layout (help: did you mean `colours`?)"), "{message}");
    assert!(report.outcomes[0].written.is_empty());
}

#[test]
fn a_layout_whose_colours_are_hard_to_read_fails_with_the_contrast() {
    let dir = demo_project(&[
        (
            "layouts/demo/layout.yaml",
            "name: Demo\ncolours:\n  primary: [0, 40, 100, 0]\n  text: [0, 0, 0, 50]\n",
        ),
        ("programmes/demo/p.md", PLAIN),
    ]);
    let report = build_all(dir.path(), "out");
    let message = shorts(&report.outcomes[0].diagnostics).join("\n");
    assert!(
        message.contains(
            "layouts/demo/layout.yaml:3:3: error: `primary` on white paper has a contrast of"
        ),
        "{message}"
    );
    assert!(
        message.contains(
            "layouts/demo/layout.yaml:4:3: error: `text` on white paper has a contrast of 2.7:1, below"
        ),
        "{message}"
    );
    // The advice names the colour the region sets and the way that helps: the white text on a
    // yellow primary is helped by a darker primary, said at `primary`'s line.
    assert!(
        message.contains(
            "layouts/demo/layout.yaml:3:3: error: `on-primary` on `primary` has a contrast of 2.0:1, below the 4.5:1 that WCAG AA asks for the cover's and the summary header's text (help: make `primary` darker"
        ),
        "{message}"
    );
    assert!(report.outcomes[0].written.is_empty());
}

#[test]
fn a_partial_base_layout_changes_only_what_it_says() {
    // The built-in base is the one place defaults live: a project's own base file that sets only
    // a name keeps the built-in cover, sizes and print settings.
    let project = demo_project(&[
        ("layouts/base/layout.yaml", "name: Eget parti\n"),
        (
            "layouts/demo/layout.yaml",
            "colours:\n  tint: [0, 5, 5, 0]\n",
        ),
    ]);
    let typesetter = Typesetter::new(&Project::open(project.path()).unwrap());
    let layout = typesetter.layouts().get("demo").unwrap();
    assert_eq!(layout.name.as_deref(), Some("Eget parti"));
    assert_eq!(layout.cover, trycksak::layout::CoverStyle::Full);
    assert_eq!(layout.summary_min_size, 8.0);
    assert_eq!(layout.print.bleed_mm, 3.0);
    assert_eq!(layout.colours["tint"].ink, [0.0, 5.0, 5.0, 0.0]);
    assert_eq!(layout.colours["primary"].ink, [0.0, 100.0, 90.0, 10.0]);
    assert!(typesetter.layouts().problems("demo").is_empty());
}
