use std::path::PathBuf;

use trycksak::check::{CheckOptions, check};
use trycksak::preflight;

use super::{Result, open, pledge_census, report as print_problems};
use crate::{Env, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Programme files or folders to check (default: everything under programmes/).
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Also print each programme's accessibility report (readability, headings, images, links).
    #[arg(long)]
    a11y: bool,

    /// Preflight the print PDFs as a print shop would: make each programme's print twins (in
    /// memory) and report boxes, fonts, colours, ink and image resolution with PASS or FAIL.
    /// PDF files among PATHS are read and checked as they are.
    #[arg(long)]
    print: bool,

    /// With --print: write the preflight reports as one JSON array on stdout (file, verdict,
    /// and every check with its verdict, value and problem) instead of text.
    #[arg(long, requires = "print")]
    json: bool,

    /// List every part of each translation that is behind its original, with the original's
    /// old and new text.
    #[arg(long)]
    translations: bool,

    /// Give up on a document that takes longer than this to typeset (a template that loops
    /// forever): its programme fails, the others are checked.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    timeout: u64,
}

/// Checks sources, their regions' layouts and that every character has a font; writes nothing.
pub fn run(env: &Env, args: Args) -> Result<Status> {
    let (pdfs, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.iter().cloned().partition(|p| {
            args.print && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        });
    let mut preflight_failed = 0;
    let mut json = Vec::new();
    let mut show = |path: &std::path::Path, report: &preflight::Report| {
        let name = path.display().to_string();
        if args.json {
            json.push(report.to_json(&name));
        } else {
            print!("{}", report.render(&name));
        }
        usize::from(!report.failures().is_empty())
    };
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).map_err(|err| {
            super::Error::Usage(anyhow::anyhow!(
                "{}: {err}",
                t!("cannot-read", path = pdf.display().to_string())
            ))
        })?;
        let report = preflight::inspect(&bytes);
        let failed = show(pdf, &report);
        if failed > 0 && !report.is_pdfx() {
            eprintln!("{}", screen_pdf_hint(pdf));
        }
        preflight_failed += failed;
    }
    if !pdfs.is_empty() && paths.is_empty() {
        print_json(args.json, &json);
        return Ok(if preflight_failed == 0 {
            Status::Success
        } else {
            Status::Failure
        });
    }
    let (project, sources) = open(env, &paths)?;
    let options = CheckOptions {
        a11y: args.a11y,
        print: args.print,
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
    };
    let mut outcomes = Vec::new();
    for checked in check(&project, &sources, options)? {
        if let Some(report) = &checked.report {
            println!("{report}");
        }
        for (path, report) in &checked.preflights {
            preflight_failed += show(path, report);
        }
        if let Some(pledges) = &checked.outcome.pledges
            && !env.quiet
            && !args.json
        {
            println!(
                "{}: {}",
                checked.outcome.source.display(),
                pledge_census(pledges)
            );
        }
        outcomes.push(checked.outcome);
    }
    print_json(args.json, &json);
    print_problems(env, &outcomes);
    if args.translations {
        print_translations(&project, &sources);
    }
    let failed = outcomes.iter().filter(|o| o.failed()).count();
    if !env.quiet {
        eprintln!(
            "{}",
            t!("checked", programmes = outcomes.len(), failed = failed)
        );
    }
    Ok(if failed == 0 && preflight_failed == 0 {
        Status::Success
    } else {
        Status::Failure
    })
}

/// `--translations`: each translation among `sources` with what is behind in it.
fn print_translations(project: &trycksak::project::Project, sources: &[PathBuf]) {
    let mut count = 0;
    let mut behind = 0;
    for source in sources {
        let loaded = trycksak::source::load_programme(project, source);
        let Some(programme) = loaded.programme.filter(|p| p.translation.is_some()) else {
            continue;
        };
        let Some(compared) =
            trycksak::translation::check::compared(&project.root, &programme, &loaded.file)
        else {
            continue;
        };
        count += 1;
        let list = trycksak::translation::check::report(&compared, &programme.source);
        if compared.comparison.changes.iter().any(|c| c.out_of_date()) {
            behind += 1;
        }
        if list.is_empty() {
            println!(
                "{}",
                t!(
                    "translations-in-step",
                    file = programme.source.as_str(),
                    original = compared.original_path.as_str()
                )
            );
        } else {
            print!("{list}");
        }
    }
    if count == 0 {
        println!("{}", t!("translations-none"));
    } else {
        println!(
            "{}",
            t!("translations-summary", count = count, behind = behind)
        );
    }
}

/// What to send instead of a PDF that is not made for print: its print twin beside it
/// (`x-leaflet.pdf` → `x-leaflet-print.pdf`) when there is one.
fn screen_pdf_hint(pdf: &std::path::Path) -> String {
    let twin = pdf
        .file_stem()
        .map(|stem| pdf.with_file_name(format!("{}-print.pdf", stem.to_string_lossy())));
    match twin.filter(|twin| twin.is_file()) {
        Some(twin) => t!("screen-pdf-hint.twin", twin = twin.display().to_string()),
        None => t!("screen-pdf-hint"),
    }
}

fn print_json(wanted: bool, reports: &[serde_json::Value]) {
    if wanted {
        let text = serde_json::to_string_pretty(reports).expect("JSON values serialise");
        println!("{text}");
    }
}
