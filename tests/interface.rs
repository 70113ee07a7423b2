//! The campaign worker's first hour, as the real binary answers it: the interface in the
//! locale's language (Swedish for `sv*`, English otherwise, `--lang` over both), colours as a
//! brand manual gives them, `check` saying what `build` would, no stale print PDF after a failed
//! output, and the common slips read through with a note instead of silently.

mod common;

use common::{PLAIN, demo_project, image_programme, outputs_of, png, shipped_project, trycksak};

/// `trycksak` in `dir` under the locale `lang` (`LANG`), as a shell there would run it.
fn in_locale(dir: &std::path::Path, lang: &str) -> assert_cmd::Command {
    let mut command = trycksak(dir);
    command.env("LANG", lang);
    command
}

const MISSPELLED: &str = "---\ntitel: Vård\nregion: demo\nlang: sv\n---\n\nText.\n";

#[test]
fn a_misspelled_key_is_told_in_the_locales_language_with_its_place_and_fix() {
    let project = demo_project(&[("programmes/demo/vard.md", MISSPELLED)]);
    let (_, swedish) = outputs_of(
        in_locale(project.path(), "sv_SE.UTF-8").args(["--diagnostic-format", "short", "check"]),
        1,
    );
    assert!(
        swedish.contains(
            "programmes/demo/vard.md:2:1: error: okänd nyckel `titel` i huvudet (hjälp: menade du `title`?)"
        ),
        "{swedish}"
    );
    assert!(
        swedish.contains("Kontrollerade 1 program: 1 med fel"),
        "{swedish}"
    );
    let (_, english) = outputs_of(
        in_locale(project.path(), "en_US.UTF-8").args(["--diagnostic-format", "short", "check"]),
        1,
    );
    assert!(
        english.contains(
            "programmes/demo/vard.md:2:1: error: unknown key `titel` in the front matter (help: did you mean `title`?)"
        ),
        "{english}"
    );
    // `--lang` over the locale; LC_ALL over LANG, as POSIX orders them.
    let (_, chosen) = outputs_of(
        in_locale(project.path(), "sv_SE.UTF-8").args(["--lang", "en", "check"]),
        1,
    );
    assert!(chosen.contains("unknown key `titel`"), "{chosen}");
    let (_, all) = outputs_of(
        in_locale(project.path(), "en_US.UTF-8")
            .env("LC_ALL", "sv_FI.UTF-8")
            .arg("check"),
        1,
    );
    // The rich form keeps its structure: the severity, the place, the line, the fix.
    assert!(all.contains("fel: okänd nyckel `titel` i huvudet"), "{all}");
    assert!(all.contains("┌─ programmes/demo/vard.md:2:1"), "{all}");
    assert!(all.contains("= hjälp: menade du `title`?"), "{all}");
}

#[test]
fn help_and_usage_errors_are_in_the_locales_language() {
    let dir = tempfile::tempdir().unwrap();
    let (swedish, _) = outputs_of(in_locale(dir.path(), "sv_SE.UTF-8").arg("--help"), 0);
    assert!(swedish.contains("Användning: trycksak"), "{swedish}");
    assert!(swedish.contains("Kommandon:"), "{swedish}");
    assert!(
        swedish.contains("build      Bygg program till utfiler"),
        "{swedish}"
    );
    assert!(swedish.contains("Avancerade alternativ:"), "{swedish}");
    assert!(swedish.contains("trycksak serve --open"), "{swedish}");
    let (build, _) = outputs_of(
        in_locale(dir.path(), "sv_SE.UTF-8").args(["build", "--help"]),
        0,
    );
    assert!(
        build.contains("Utmappen (läses aldrig som indata)"),
        "{build}"
    );
    // `--format`'s values explained in Swedish too, under a Swedish heading.
    assert!(
        build.contains("Värden:\n") && build.contains("- leaflet: Broschyren med hela programmet"),
        "{build}"
    );
    assert!(!build.contains("Possible values"), "{build}");
    // The rarely needed options stand apart from the everyday ones.
    let everyday = build.find("Alternativ:").unwrap();
    let advanced = build.find("Avancerade alternativ:").unwrap();
    let shard = build.find("--shard").unwrap();
    assert!(everyday < advanced && advanced < shard, "{build}");
    let (english, _) = outputs_of(in_locale(dir.path(), "en_US.UTF-8").arg("--help"), 0);
    assert!(english.contains("Usage: trycksak"), "{english}");
    assert!(
        english.contains("build      Build programmes into output files"),
        "{english}"
    );
    let (_, typo) = outputs_of(in_locale(dir.path(), "sv_SE.UTF-8").arg("biuld"), 2);
    assert!(typo.contains("fel: okänt kommando `biuld`"), "{typo}");
    assert!(typo.contains("menade du `build`?"), "{typo}");
}

#[test]
fn init_writes_its_files_in_the_locales_language_and_they_build() {
    let dir = tempfile::tempdir().unwrap();
    let (_, said) = outputs_of(
        in_locale(dir.path(), "sv_SE.UTF-8").args(["init", "kampanj"]),
        0,
    );
    assert!(said.contains("Startade ett projekt i kampanj"), "{said}");
    let project = dir.path().join("kampanj");
    let note = std::fs::read_to_string(project.join("TRYCKSAK.md")).unwrap();
    assert!(note.starts_with("# Ett trycksak-projekt"), "{note}");
    let starter =
        std::fs::read_to_string(project.join("programmes/exempel/vart-program.md")).unwrap();
    assert!(starter.contains("# Måste finnas: titeln"), "{starter}");
    assert!(
        starter.contains("title: Vårt program för Exempel"),
        "{starter}"
    );
    let layout = std::fs::read_to_string(project.join("layouts/exempel/layout.yaml")).unwrap();
    assert!(
        layout.contains("# Profilfärger, som den grafiska manualen"),
        "{layout}"
    );
    let (_, built) = outputs_of(in_locale(&project, "sv_SE.UTF-8").arg("build"), 0);
    assert!(
        built.contains("Byggde 1 program: 7 filer till out/"),
        "{built}"
    );

    let english = tempfile::tempdir().unwrap();
    outputs_of(in_locale(english.path(), "en_US.UTF-8").arg("init"), 0);
    let note = std::fs::read_to_string(english.path().join("TRYCKSAK.md")).unwrap();
    assert!(note.starts_with("# A trycksak project"), "{note}");
    let starter =
        std::fs::read_to_string(english.path().join("programmes/exempel/vart-program.md")).unwrap();
    assert!(starter.contains("lang: en"), "{starter}");
    outputs_of(in_locale(english.path(), "en_US.UTF-8").arg("build"), 0);
}

#[test]
fn a_screen_colour_from_the_brand_manual_builds_and_the_page_uses_it() {
    let project = demo_project(&[
        (
            "layouts/demo/layout.yaml",
            "colours:\n  primary: \"#003399\"\n  accent: {print: [0, 100, 85, 5], screen: \"#e2001a\"}\n",
        ),
        ("programmes/demo/p.md", PLAIN),
    ]);
    let (_, stderr) = outputs_of(
        trycksak(project.path()).args([
            "--diagnostic-format",
            "short",
            "build",
            "--format",
            "html,leaflet-print",
        ]),
        0,
    );
    // Inks converted from a screen colour are the print shop's to confirm: said at its line.
    assert!(
        stderr.contains("layouts/demo/layout.yaml:2:3: warning: `primary` is given only as a screen colour (#003399)"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(project.path().join("out/demo/p/p.html")).unwrap();
    assert!(page.contains("#003399"), "{page}");
    assert!(page.contains("#e2001a"), "{page}");
    // A colour in none of the forms says which forms there are, with an example.
    let wrong = demo_project(&[
        ("layouts/demo/layout.yaml", "colours:\n  primary: blue\n"),
        ("programmes/demo/p.md", PLAIN),
    ]);
    let (_, stderr) = outputs_of(
        trycksak(wrong.path()).args(["--diagnostic-format", "short", "check"]),
        1,
    );
    assert!(
        stderr.contains(
            "`blue` is not a colour: write a screen colour as `\"#\"` and six hexadecimal digits"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("invalid type"), "{stderr}");
}

/// CIE L*a*b* (D50) of an sRGB colour, through LittleCMS.
fn lab_of_srgb(rgb: [u8; 3]) -> lcms2::CIELab {
    let srgb = lcms2::Profile::new_icc(include_bytes!("../layouts/base/print/sRGB.icc")).unwrap();
    let d50 = lcms2::CIExyY {
        x: 0.3457,
        y: 0.3585,
        Y: 1.0,
    };
    let lab = lcms2::Profile::new_lab4_context(lcms2::GlobalContext::new(), &d50).unwrap();
    let to_lab: lcms2::Transform<[u8; 3], [f64; 3]> = lcms2::Transform::new(
        &srgb,
        lcms2::PixelFormat::RGB_8,
        &lab,
        lcms2::PixelFormat::Lab_DBL,
        lcms2::Intent::RelativeColorimetric,
    )
    .unwrap();
    let mut out = [[0.0; 3]];
    to_lab.transform_pixels(&[rgb], &mut out);
    let [l, a, b] = out[0];
    lcms2::CIELab { L: l, a, b }
}

#[test]
fn ink_colours_show_on_screen_as_littlecms_prints_them_through_fogra39() {
    use lcms2::CIELabExt;
    let project = shipped_project();
    let (_, _) = outputs_of(
        trycksak(project.path()).args(["build", "--format", "html", "programmes/norrbotten"]),
        0,
    );
    let page = std::fs::read_to_string(
        project
            .path()
            .join("out/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.html"),
    )
    .unwrap();
    let at = page
        .find("--primary:")
        .expect("the page names its primary colour");
    let hex = page[at..].split('#').nth(1).unwrap();
    let screen = [0, 2, 4].map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
    // Norrbotten's [100, 60, 0, 35] through the press's profile to sRGB, by LittleCMS itself.
    let press = lcms2::Profile::new_icc(include_bytes!(
        "../layouts/base/print/CoatedFOGRA39-trycksak.icc"
    ))
    .unwrap();
    let srgb = lcms2::Profile::new_icc(include_bytes!("../layouts/base/print/sRGB.icc")).unwrap();
    let proof: lcms2::Transform<[f64; 4], [u8; 3]> = lcms2::Transform::new_flags(
        &press,
        lcms2::PixelFormat::CMYK_DBL,
        &srgb,
        lcms2::PixelFormat::RGB_8,
        lcms2::Intent::RelativeColorimetric,
        lcms2::Flags::BLACKPOINT_COMPENSATION,
    )
    .unwrap();
    let mut expected = [[0u8; 3]];
    proof.transform_pixels(&[[100.0, 60.0, 0.0, 35.0]], &mut expected);
    let difference = lab_of_srgb(screen).cie2000_delta_e(&lab_of_srgb(expected[0]), 1.0, 1.0, 1.0);
    assert!(
        difference < 3.0,
        "ΔE2000 {difference:.2}: {screen:?} vs {:?}",
        expected[0]
    );
    // And not the naive formula's bright blue.
    let naive =
        lab_of_srgb([0x00, 0x42, 0xa6]).cie2000_delta_e(&lab_of_srgb(screen), 1.0, 1.0, 1.0);
    assert!(naive > 3.0, "ΔE2000 to #0042a6: {naive:.2}");
    let reported =
        lab_of_srgb([0x00, 0x4a, 0x80]).cie2000_delta_e(&lab_of_srgb(screen), 1.0, 1.0, 1.0);
    eprintln!(
        "Norrbotten's primary on screen {screen:02x?}: ΔE2000 {difference:.2} to LittleCMS's \
         transform, {reported:.2} to the issue's #004a80, {naive:.2} to the naive #0042a6"
    );
}

#[test]
fn check_says_what_build_says_and_a_failed_print_pdf_leaves_no_old_file() {
    let project = image_programme(2000, 1400);
    outputs_of(trycksak(project.path()).arg("build"), 0);
    let twin = project.path().join("out/demo/bild/bild-leaflet-print.pdf");
    assert!(twin.is_file());
    // The same programme with a 120 × 80 pixel image: too coarse for print.
    std::fs::write(
        project.path().join("programmes/demo/hamnen.png"),
        png(120, 80),
    )
    .unwrap();
    let short = ["--diagnostic-format", "short"];
    let (_, checked) = outputs_of(trycksak(project.path()).args(short).arg("check"), 1);
    let (_, built) = outputs_of(trycksak(project.path()).args(short).arg("build"), 1);
    let error = |text: &str| {
        text.lines()
            .find(|line| line.contains("ppi"))
            .unwrap_or_else(|| panic!("{text}"))
            .to_string()
    };
    assert!(error(&checked).contains("error: `programmes/demo/hamnen.png` prints at 26 ppi"));
    assert_eq!(error(&checked), error(&built));
    assert!(
        !twin.exists(),
        "the print PDF of the earlier build is still there"
    );
    assert!(
        built.contains("removed out/demo/bild/bild-leaflet-print.pdf of an earlier build"),
        "{built}"
    );
    assert!(
        built.contains("Built 0 programmes (and 1 in part): 6 files"),
        "{built}"
    );
    let manifest = std::fs::read_to_string(project.path().join("out/manifest.json")).unwrap();
    assert!(!manifest.contains("leaflet-print"), "{manifest}");
}

const SLIPS: &str = "---
title: Slarv
region: demo
lang: sv
---

Inledning.

##Resor och klimat

Därför vill vi:

• bygga ut tåget till Visby hamn
• införa fler bussturer på landsbygden
• sänka priset på färjan

Läs mer på [regionens sida](www.gotland.se/vard).
";

#[test]
fn common_slips_are_read_as_meant_with_a_note_at_their_line() {
    let project = demo_project(&[("programmes/demo/slarv.md", SLIPS)]);
    let (_, stderr) = outputs_of(
        trycksak(project.path()).args(["--diagnostic-format", "short", "check"]),
        1,
    );
    assert!(
        stderr.contains(
            "programmes/demo/slarv.md:9:1: warning: `##` with no space after it: read as a heading"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("programmes/demo/slarv.md:13:1: warning: these lines start with bullet characters: they are read as a list"),
        "{stderr}"
    );
    // A web address without its scheme: the fix is spelled out.
    assert!(
        stderr.contains("write `https://www.gotland.se/vard`"),
        "{stderr}"
    );
    // The pasted list is a pledge list under its own heading: the summary has its pledges.
    let fixed = SLIPS.replace("(www.gotland.se/vard)", "(https://www.gotland.se/vard)");
    std::fs::write(project.path().join("programmes/demo/slarv.md"), fixed).unwrap();
    let (stdout, _) = outputs_of(trycksak(project.path()).arg("check"), 0);
    assert!(
        stdout.contains("3 pledges in 1 section: Resor och klimat 3"),
        "{stdout}"
    );
}

#[test]
fn a_region_that_is_not_the_files_folder_is_an_error_at_its_line() {
    let project = demo_project(&[
        ("layouts/gotland/layout.yaml", "name: Gotland\n"),
        (
            "programmes/gotland/vard.md",
            "---\ntitle: Vård\nregion: demo\nlang: sv\n---\n\nText.\n",
        ),
        // Outside the region folders a programme names its region itself.
        (
            "programmes/nationellt/vard.md",
            "---\ntitle: Vård\nregion: gotland\nlang: sv\n---\n\nText.\n",
        ),
    ]);
    let (_, stderr) = outputs_of(
        trycksak(project.path()).args(["--diagnostic-format", "short", "check"]),
        1,
    );
    assert!(
        stderr.contains("programmes/gotland/vard.md:3:9: error: `region: demo` in a file of the region folder programmes/gotland/"),
        "{stderr}"
    );
    assert!(stderr.contains("write `region: gotland`"), "{stderr}");
    assert!(
        !stderr
            .lines()
            .any(|line| line.contains("nationellt") && line.contains("error")),
        "{stderr}"
    );
}

#[test]
fn new_names_folders_and_files_in_a_to_z_and_keeps_the_names_as_written() {
    let project = demo_project(&[]);
    outputs_of(
        trycksak(project.path()).args(["new", "region", "Västerbotten"]),
        0,
    );
    outputs_of(
        trycksak(project.path()).args(["new", "programme", "vasterbotten/Vård och omsorg 2026"]),
        0,
    );
    let source = std::fs::read_to_string(
        project
            .path()
            .join("programmes/vasterbotten/vard-och-omsorg-2026.md"),
    )
    .unwrap();
    assert!(source.contains("title: Vård och omsorg 2026"), "{source}");
    assert!(source.contains("region: vasterbotten"), "{source}");
}
