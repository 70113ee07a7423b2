//! `check`: everything a build would find wrong, without writing anything. Each programme is
//! loaded and its region's layout and glyphs checked; with `a11y`, its readability report is
//! made; with `print`, its print twins are made in memory and preflighted as a print shop would.

use std::path::{Path, PathBuf};

use crate::build::Outcome;
use crate::diagnostics::has_errors;
use crate::output::pdf::PdfContext;
use crate::output::{OutputKind, report};
use crate::preflight;
use crate::project::Project;
use crate::source::load_programme;
use crate::typeset::Typesetter;

/// What to check besides the sources and their layouts.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Make each programme's accessibility report.
    pub a11y: bool,
    /// Make each programme's print twins in memory and preflight them.
    pub print: bool,
}

/// What checking one programme found.
pub struct Checked {
    /// The programme's problems (nothing is written).
    pub outcome: Outcome,
    /// Its accessibility report, with `a11y`.
    pub report: Option<String>,
    /// Its print twins' preflight reports, with `print`, by the path they would have in `out/`.
    pub preflights: Vec<(PathBuf, preflight::Report)>,
    /// The pledges found, by section (`None` for the introduction), when the programme loaded.
    pub pledges: Option<Vec<(Option<String>, usize)>>,
}

/// Checks `sources` (absolute paths of programme files) of `project`.
pub fn check(project: &Project, sources: &[PathBuf], options: CheckOptions) -> Vec<Checked> {
    let typesetter = Typesetter::new(project);
    sources
        .iter()
        .map(|source| check_one(project, &typesetter, source, options))
        .collect()
}

fn check_one(
    project: &Project,
    typesetter: &Typesetter,
    source: &Path,
    options: CheckOptions,
) -> Checked {
    let loaded = load_programme(project, source);
    let mut checked = Checked {
        outcome: Outcome::new(project.relative(source).to_path_buf()),
        report: None,
        preflights: Vec::new(),
        pledges: None,
    };
    let diagnostics = &mut checked.outcome.diagnostics;
    diagnostics.extend(loaded.diagnostics);
    let Some(programme) = &loaded.programme else {
        return checked;
    };
    checked.pledges = Some(programme.pledges_by_section());
    diagnostics.extend(
        typesetter
            .layouts()
            .problems(&programme.meta.region)
            .iter()
            .cloned(),
    );
    let cx = PdfContext::new(typesetter, &loaded.file, false);
    if let Err(missing) = cx.check_glyphs(programme) {
        diagnostics.extend(missing);
    }
    if options.a11y && !has_errors(diagnostics) {
        let target = report::lix_target(programme, typesetter.layouts());
        let (text, warnings) = report::render(programme, &loaded.file, target);
        diagnostics.extend(warnings);
        checked.report = Some(text);
    }
    if options.print && !has_errors(diagnostics) {
        for kind in OutputKind::ALL.iter().copied().filter(|k| k.for_print()) {
            match kind.render(programme, &cx) {
                Ok(output) => {
                    diagnostics.extend(output.warnings);
                    let path = programme
                        .folder()
                        .join(kind.file_name(&programme.slug, &programme.meta.lang));
                    checked
                        .preflights
                        .push((path, preflight::inspect(&output.bytes)));
                }
                Err(errors) => diagnostics.extend(errors),
            }
        }
    }
    checked
}
