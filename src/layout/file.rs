//! One `layout.yaml` as written: read through the read gate, parsed, and checked on its own, so
//! that every problem is located in the file that has it.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{COLOUR_NAMES, Colour, CoverStyle, EMBEDDED_BASE, LAYOUT_FILE, LEAFLET_FLOOR, Paper};
use crate::diagnostics::{Diagnostic, SourceFile, closest};
use crate::images::ImageProblem;
use crate::model::Overflow;
use crate::project::{BASE_REGION, LAYOUTS_DIR, PathError, Project};
use crate::sandbox;

/// `layout.yaml` as written: every key optional, so a region states only what differs from base.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LayoutFile {
    pub(super) name: Option<String>,
    pub(super) colours: Option<BTreeMap<String, Colour>>,
    pub(super) fonts: Option<FontsFile>,
    pub(super) logo: Option<String>,
    pub(super) paper: Option<PaperFile>,
    pub(super) cover: Option<CoverStyle>,
    pub(super) summary: Option<SummaryFile>,
    pub(super) leaflet: Option<LeafletFile>,
    pub(super) large_print: Option<bool>,
    pub(super) braille: Option<BrailleFile>,
    pub(super) lix_target: Option<f64>,
    pub(super) translations_out_of_date: Option<crate::model::OutOfDate>,
    pub(super) print: Option<PrintFile>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BrailleFile {
    pub(super) build: Option<bool>,
    pub(super) cols: Option<u32>,
    pub(super) rows: Option<u32>,
    pub(super) duplex: Option<bool>,
    pub(super) volume_sheets: Option<u32>,
}

/// The braille page sizes and volume sizes a layout may ask for: cells a row, rows a page
/// (counting the page-number row), sheets a volume.
const BRAILLE_RANGES: [(&str, std::ops::RangeInclusive<u32>); 3] = [
    ("cols", 12..=60),
    ("rows", 10..=40),
    ("volume_sheets", 10..=200),
];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PrintFile {
    pub(super) bleed: Option<f64>,
    pub(super) safe: Option<f64>,
    pub(super) max_ink: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FontsFile {
    pub(super) body: Option<Vec<String>>,
    pub(super) heading: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PaperFile {
    pub(super) leaflet: Option<Paper>,
    pub(super) summary: Option<Paper>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SummaryFile {
    pub(super) min_size: Option<f64>,
    pub(super) max_size: Option<f64>,
    pub(super) overflow: Option<Overflow>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LeafletFile {
    pub(super) min_size: Option<f64>,
    pub(super) max_size: Option<f64>,
    pub(super) size: Option<f64>,
    pub(super) pages: Option<u32>,
    pub(super) margins: Option<super::Margins>,
}

/// The type sizes (points) a layout may give the summary's range.
const SUMMARY_SIZES: std::ops::RangeInclusive<f64> = 6.0..=20.0;

/// The text of a folder's `layout.yaml`: from disk, or built in for base; `None` if absent. A
/// file that cannot be used (it leads outside the project, it is not UTF-8) is a problem.
pub(super) fn read_layout_file(
    project: &Project,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Option<Arc<SourceFile>> {
    let path = dir.join(LAYOUT_FILE);
    let display = project.relative(&path).to_path_buf();
    let refused =
        |why: String| Diagnostic::about(&display, why).with_help(t!("layout-unreadable.help"));
    match sandbox::read(&project.layouts_dir(), &path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(SourceFile::new(display, text.replace("\r\n", "\n"))),
            Err(_) => {
                problems.push(refused(t!(
                    "layout-not-utf8",
                    file = display.display().to_string()
                )));
                None
            }
        },
        Err(PathError::Missing(_)) => None,
        Err(err) => {
            let why = match err {
                PathError::Outside => t!("path-outside-layouts"),
                err => err.describe(),
            };
            problems.push(refused(t!(
                "layout-unreadable",
                file = display.display().to_string(),
                why = why
            )));
            None
        }
    }
}

/// The built-in base layout, the first layer of every region's: it defines every key.
pub(super) fn built_in_base() -> Parsed {
    let text = EMBEDDED_BASE[0].1;
    Parsed {
        file: Some(SourceFile::new(
            format!("{LAYOUTS_DIR}/{BASE_REGION}/{LAYOUT_FILE} (built in)"),
            text.to_string(),
        )),
        layout: serde_yaml::from_str(text).unwrap_or_default(),
        value: serde_yaml::from_str(text).ok(),
    }
}

/// Parses and checks `file` (the `layout.yaml` of `dir`, if there is one); its problems go to
/// `problems`, and a file with any keeps no values to merge.
pub(super) fn parse_layout_file(
    project: &Project,
    file: Option<Arc<SourceFile>>,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Parsed {
    let Some(file) = file else {
        return Parsed::default();
    };
    let before = problems.len();
    let parsed: LayoutFile = match serde_yaml::from_str::<Option<LayoutFile>>(&file.text) {
        Ok(parsed) => parsed.unwrap_or_default(),
        Err(err) => {
            problems.push(yaml_problem(&file, &err));
            return Parsed {
                file: Some(file),
                ..Parsed::default()
            };
        }
    };
    let layout = check_values(project, parsed, &file, dir, problems);
    let value = (problems.len() == before)
        .then(|| serde_yaml::from_str(&file.text).ok())
        .flatten();
    Parsed {
        file: Some(file),
        layout,
        value,
    }
}

/// The checks of one file's values that need no other layer: colour names, leaflet sizes,
/// print distances, the logo file.
fn check_values(
    project: &Project,
    parsed: LayoutFile,
    file: &Arc<SourceFile>,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> LayoutFile {
    check_colour_names(&parsed, file, problems);
    check_sizes(&parsed, file, problems);
    check_print(&parsed, file, problems);
    check_logo(project, &parsed, file, dir, problems);
    parsed
}

/// Every colour named is one of [`COLOUR_NAMES`].
fn check_colour_names(parsed: &LayoutFile, file: &Arc<SourceFile>, problems: &mut Vec<Diagnostic>) {
    if let Some(colours) = &parsed.colours {
        for name in colours.keys() {
            if !COLOUR_NAMES.contains(&name.as_str()) {
                let span = key_span(file, name);
                let help = match closest(name, COLOUR_NAMES) {
                    Some(close) => t!("did-you-mean", name = close),
                    None => t!("unknown-colour.help", colours = COLOUR_NAMES.join(", ")),
                };
                problems.push(
                    Diagnostic::error(file, span, t!("unknown-colour", name = name.as_str()))
                        .with_help(help),
                );
            }
        }
    }
}

/// The summary's and the leaflet's type sizes within what reads well, and a booklet's pages a
/// multiple of four.
fn check_sizes(parsed: &LayoutFile, file: &Arc<SourceFile>, problems: &mut Vec<Diagnostic>) {
    if let Some(summary) = &parsed.summary {
        for (key, value) in [
            ("min_size", summary.min_size),
            ("max_size", summary.max_size),
        ] {
            if let Some(value) = value.filter(|v| !(SUMMARY_SIZES).contains(v)) {
                problems.push(
                    Diagnostic::error(
                        file,
                        key_span(file, key),
                        t!(
                            "summary-size-range",
                            key = key,
                            value = value,
                            min = *SUMMARY_SIZES.start(),
                            max = *SUMMARY_SIZES.end()
                        ),
                    )
                    .with_help(t!("summary-size-range.help")),
                );
            }
        }
    }
    if let Some(braille) = &parsed.braille {
        for ((key, range), value) in
            BRAILLE_RANGES
                .iter()
                .zip([braille.cols, braille.rows, braille.volume_sheets])
        {
            if let Some(value) = value.filter(|v| !range.contains(v)) {
                problems.push(
                    Diagnostic::error(
                        file,
                        key_span(file, key),
                        t!(
                            "braille-size-range",
                            key = *key,
                            value = value,
                            min = *range.start(),
                            max = *range.end()
                        ),
                    )
                    .with_help(t!("braille-size-range.help")),
                );
            }
        }
    }
    if let Some(leaflet) = &parsed.leaflet {
        for (key, value) in [
            ("min_size", leaflet.min_size),
            ("max_size", leaflet.max_size),
            ("size", leaflet.size),
        ] {
            if let Some(value) = value.filter(|v| !(LEAFLET_FLOOR..=16.0).contains(v)) {
                problems.push(
                    Diagnostic::error(
                        file,
                        key_span(file, key),
                        t!(
                            "leaflet-size-range",
                            key = key,
                            value = value,
                            min = LEAFLET_FLOOR,
                            max = 16
                        ),
                    )
                    .with_help(t!("leaflet-size-range.help")),
                );
            }
        }
        if let Some(pages) = leaflet.pages.filter(|p| *p == 0 || p % 4 != 0) {
            problems.push(
                Diagnostic::error(
                    file,
                    key_span(file, "pages"),
                    t!("leaflet-pages", pages = pages),
                )
                .with_help(t!("leaflet-pages.help")),
            );
        }
    }
}

/// The print twins' bleed, safe zone and ink limit within what print shops use.
fn check_print(parsed: &LayoutFile, file: &Arc<SourceFile>, problems: &mut Vec<Diagnostic>) {
    if let Some(print) = &parsed.print {
        for (key, value, max) in [("bleed", print.bleed, 10.0), ("safe", print.safe, 20.0)] {
            if let Some(value) = value.filter(|v| !(0.0..=max).contains(v)) {
                problems.push(
                    Diagnostic::error(
                        file,
                        key_span(file, key),
                        t!("print-margin-range", key = key, value = value, max = max),
                    )
                    .with_help(t!("print-margin-range.help")),
                );
            }
        }
        if let Some(ink) = print.max_ink.filter(|v| !(100.0..=400.0).contains(v)) {
            problems.push(
                Diagnostic::error(
                    file,
                    key_span(file, "max_ink"),
                    t!("print-max-ink-range", ink = ink),
                )
                .with_help(t!("print-max-ink-range.help")),
            );
        }
    }
}

/// The logo is an image file inside the project.
fn check_logo(
    project: &Project,
    parsed: &LayoutFile,
    file: &Arc<SourceFile>,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) {
    if let Some(logo) = &parsed.logo {
        let layout_file = dir.join(LAYOUT_FILE);
        let resolved = project.resolve_inside(&layout_file, logo);
        if let Ok(path) = &resolved
            && let Err(problem) = project
                .read(path)
                .map_err(|err| ImageProblem::Unreadable(err.describe().to_string()))
                .and_then(|bytes| crate::images::inspect_bytes(&bytes))
        {
            let (message, help) = problem.explain(logo);
            problems.push(
                Diagnostic::error(
                    file,
                    key_span(file, "logo"),
                    t!("logo-problem", problem = message),
                )
                .with_help(help),
            );
        }
        if let Err(err) = resolved {
            let span = key_span(file, "logo");
            let why = err.describe();
            problems.push(
                Diagnostic::error(
                    file,
                    span,
                    t!("logo-path", logo = logo.as_str(), problem = why),
                )
                .with_help(t!("logo-path.help")),
            );
        }
    }
}

/// A layout file as read, and the text it came from (for locating problems).
#[derive(Default)]
pub(super) struct Parsed {
    pub(super) file: Option<Arc<SourceFile>>,
    pub(super) layout: LayoutFile,
    /// The file's values, for merging; `None` when it is absent or has errors.
    pub(super) value: Option<serde_yaml::Value>,
}

impl Parsed {
    /// Whether this file sets the colour `name`.
    pub(super) fn defines_colour(&self, name: &str) -> bool {
        self.layout
            .colours
            .as_ref()
            .is_some_and(|colours| colours.contains_key(name))
    }

    /// Where `key:` is written in the region's file, else in base's.
    pub(super) fn locate(
        own: &Parsed,
        base: &Parsed,
        key: &str,
    ) -> Option<(Arc<SourceFile>, Option<std::ops::Range<usize>>)> {
        [own, base].into_iter().find_map(|parsed| {
            let file = parsed.file.as_ref()?;
            key_span(file, key).map(|span| (Arc::clone(file), Some(span)))
        })
    }
}

/// Where `key:` is written in a YAML file (any indentation).
pub(crate) fn key_span(file: &SourceFile, key: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            let start = offset + (line.len() - trimmed.len());
            return Some(start..start + key.len());
        }
        offset += line.len();
    }
    None
}

pub(super) fn yaml_problem(file: &Arc<SourceFile>, err: &serde_yaml::Error) -> Diagnostic {
    let span = err
        .location()
        .map(|l| file.char_span(file.offset(l.line(), l.column())));
    let full = err.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full).to_string();
    // serde lists the allowed keys: turn that into a suggestion.
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, expected)) = rest.split_once("`, expected ")
    {
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let help = match closest(key, &known) {
            Some(close) => t!("did-you-mean", name = close),
            None => t!("unknown-key.help", keys = known.join(", ")),
        };
        return Diagnostic::error(file, span, t!("unknown-layout-key", key = key)).with_help(help);
    }
    Diagnostic::error(file, span, t!("layout-not-valid", message = message))
        .with_help(t!("layout-not-valid.help"))
}
