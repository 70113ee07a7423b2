//! The HTML version and the index: their structure (language, one h1, landmarks, skip link,
//! contents, pledge lists, downloads), every seed paragraph in the page's text, and hostile
//! content shown as text. The in-browser checks (axe-core, reflow at 320 px) are the HTML
//! issue's next step.

mod common;

use std::path::Path;

use common::{
    SHIPPED, build_kinds, demo_project, kind, missing_in_order, seed_paragraphs, shipped_project,
};

/// The text a reader sees: tags dropped, the entities minijinja writes decoded.
fn visible_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

fn page(root: &Path, source: &str) -> String {
    std::fs::read_to_string(root.join("out").join(common::html_page_path(source))).unwrap()
}

#[test]
fn every_shipped_programme_has_an_accessible_page_with_every_sentence() {
    let project = shipped_project();
    let report = build_kinds(
        project.path(),
        &[kind("text"), kind("leaflet"), kind("summary"), kind("html")],
    );
    assert_eq!(report.failed().count(), 0);
    for (source, seed) in SHIPPED {
        let html = page(project.path(), source);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\" dir=\"ltr\">"),
            "{source}"
        );
        assert_eq!(html.matches("<h1>").count(), 1, "{source}");
        for landmark in ["<header", "<main id=\"main\">", "<footer"] {
            assert!(html.contains(landmark), "{source}: no {landmark}");
        }
        assert!(
            html.contains("<a class=\"skip\" href=\"#main\">"),
            "{source}"
        );
        assert!(html.contains("Content-Security-Policy"), "{source}");
        assert!(!html.contains("<script"), "{source}");
        // Pledge lists are lists after their lead-in paragraph.
        assert!(html.contains("<div class=\"pledges\">\n<p>"), "{source}");
        assert!(html.contains("</p>\n<ul>\n<li>"), "{source}");
        // Downloads: the other outputs of this build, with format and size.
        assert!(
            html.contains("-leaflet.pdf\">Folder</a> (PDF, "),
            "{source}"
        );
        assert!(html.contains(".txt\">Textversion</a> (TXT, "), "{source}");
        let missing = missing_in_order(&seed_paragraphs(seed), &visible_text(&html));
        assert!(
            missing.is_empty(),
            "{source}: missing from the page: {missing:#?}"
        );
    }
    // A table of contents where there are more than three sections.
    let varmland = page(project.path(), SHIPPED[1].0);
    assert!(
        varmland.contains("<nav class=\"toc\""),
        "Värmland has many sections"
    );
    // The introduction comes before the contents list, so that a screen reader's heading
    // navigation does not file it under "Innehåll".
    let intro = varmland
        .find("Socialdemokratin utgår från")
        .expect("Värmland's introduction");
    assert!(intro < varmland.find("<nav class=\"toc\"").unwrap());
    let norrbotten = page(project.path(), SHIPPED[2].0);
    assert!(
        !norrbotten.contains("<nav class=\"toc\""),
        "Norrbotten has three"
    );
    // Its logo is copied beside the page.
    assert!(norrbotten.contains(
        "<img src=\"bilder&#x2f;layouts-norrbotten-logo.svg\" alt=\"Logotyp Norrbotten\">"
    ));
    assert!(
        project
            .path()
            .join("out/norrbotten/omstart-for-norrbotten/bilder/layouts-norrbotten-logo.svg")
            .is_file()
    );

    let index = std::fs::read_to_string(project.path().join("out/index.html")).unwrap();
    assert_eq!(index.matches("<h3>").count(), 3, "{index}");
    assert!(index.contains("Omstart för Norrbotten</a></h3>"), "{index}");
    assert!(
        index.contains("-summary.pdf\">Sammanfattning</a> (PDF, 1 sida, "),
        "{index}"
    );
}

#[test]
fn markup_in_a_programme_is_shown_as_text_and_runs_nowhere() {
    let project = common::hostile_project(&[kind("html")]);
    let html = page(project.path(), "programmes/demo/elak.md");
    let body = html.split("<body>").nth(1).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!body.contains("<img src=x"), "{body}");
    assert!(!body.contains("<div onclick"), "{body}");
    // No attribute that a source wrote: every ` on…=` is inside escaped text.
    for attribute in ["onerror=\"", "onclick=\"", "onmouseover=\""] {
        assert!(!body.contains(attribute), "{attribute} in {body}");
    }
    // Straight quotes are typeset as the language's (”…”, ’…’) like any text: undo that to
    // compare with what the source wrote.
    let text = visible_text(&html)
        .replace(['”', '“'], "\"")
        .replace(['’', '‘'], "'");
    for shown in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "</body>",
        "<script>alert('titel')</script>",
    ] {
        assert!(text.contains(shown), "{shown} is not shown as text: {text}");
    }
}

#[test]
fn links_that_are_not_web_mail_or_phone_addresses_are_refused() {
    let source = "---\ntitle: T\nregion: demo\nlang: sv\n---\n\n[Klicka](javascript:alert(1)) och [data](data:text/html,hej).\n";
    let project = demo_project(&[("programmes/demo/l.md", source)]);
    let report = build_kinds(project.path(), &[kind("html")]);
    let errors = common::errors_of(&report, 0);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with("programmes/demo/l.md:7:1: error: the link `javascript:alert(1)` is not a web, mail or phone address"), "{}", errors[0]);
    assert!(!project.path().join("out/demo/l").exists());
}

#[test]
fn an_image_used_many_times_is_written_once() {
    let mut source = String::from("---\ntitle: Bilder\nregion: demo\nlang: sv\n---\n\nText.\n");
    for i in 0..50 {
        source.push_str(&format!("\n![Karta över länet, nummer {i}](karta.png)\n"));
    }
    let dir = common::demo_project(&[("programmes/demo/bilder.md", &source)]);
    std::fs::write(
        dir.path().join("programmes/demo/karta.png"),
        common::png(40, 30),
    )
    .unwrap();
    let report = build_kinds(dir.path(), &[kind("html")]);
    common::assert_built(&report);
    assert_eq!(report.outcomes[0].extras_written, 1);
    let copies = std::fs::read_dir(dir.path().join("out/demo/bilder/bilder"))
        .unwrap()
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn the_index_and_the_pages_link_what_the_public_reads_and_the_staff_page_the_rest() {
    let project = shipped_project();
    std::fs::remove_dir_all(project.path().join("programmes/varmland")).unwrap();
    std::fs::remove_dir_all(project.path().join("programmes/vasternorrland")).unwrap();
    let report = build_kinds(
        project.path(),
        &[
            kind("leaflet"),
            kind("leaflet-print"),
            kind("summary"),
            kind("summary-print"),
            kind("report"),
            kind("text"),
            kind("html"),
        ],
    );
    common::assert_built(&report);
    let folder = project.path().join("out/norrbotten/omstart-for-norrbotten");
    let page = std::fs::read_to_string(folder.join("omstart-for-norrbotten.html")).unwrap();
    let index = std::fs::read_to_string(project.path().join("out/index.html")).unwrap();
    // The index and the page are the public's: screen PDFs and the text version, never the
    // print shop's twins or the reviewer's report, and no link to the staff page.
    for public in [&index, &page] {
        assert!(public.contains("-leaflet.pdf\""), "{public}");
        assert!(public.contains("-summary.pdf\""), "{public}");
        assert!(public.contains("omstart-for-norrbotten.txt\""), "{public}");
        assert!(!public.contains("-print.pdf"), "{public}");
        assert!(!public.contains("tillganglighet"), "{public}");
        assert!(!public.contains("personal.html"), "{public}");
    }
    // The staff page lists the rest, a screen PDF never.
    let staff = std::fs::read_to_string(project.path().join("out/personal.html")).unwrap();
    assert!(staff.contains("-leaflet-print.pdf\""), "{staff}");
    assert!(staff.contains("-summary-print.pdf\""), "{staff}");
    assert!(staff.contains("-tillganglighet.txt\""), "{staff}");
    assert!(!staff.contains("-leaflet.pdf\""), "{staff}");
    assert!(staff.contains("<h1>För kampanjens personal"), "{staff}");
}
