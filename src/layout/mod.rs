//! Region layouts, layered: the built-in base layout, then the project's `layouts/base/`, then
//! `layouts/<region>/` (`resolve.rs` merges their values; `file.rs` reads and checks one file;
//! `checks.rs` checks a resolved layout's colours). A region that only changes colours, fonts
//! and logo is a `layout.yaml` of a few lines; it may also override any template file by putting
//! one of the same name in its folder (the template lookup: [`Layouts::template`]).

mod checks;
mod colour;
mod file;
mod resolve;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use checks::contrast_ratio;
pub use colour::{Colour, Given};
pub(crate) use file::key_span;
use file::{Parsed, built_in_base, parse_layout_file, read_layout_file};
pub(crate) use resolve::merge;
use resolve::{Layer, resolve};

use crate::diagnostics::Diagnostic;
use crate::language::Languages;
use crate::model::Overflow;
use crate::project::{BASE_REGION, LAYOUTS_DIR, PathError, Project};
use crate::sandbox;

/// The layout file of every layout folder.
pub const LAYOUT_FILE: &str = "layout.yaml";

/// The base layout's files, built into the binary so that a project without `layouts/` builds.
/// The built-in base layout's `layout.yaml`, every key with its explanation (`trycksak layout
/// --defaults` prints it).
pub fn documented_defaults() -> &'static str {
    EMBEDDED_BASE[0].1
}

const EMBEDDED_BASE: &[(&str, &str)] = &[
    (LAYOUT_FILE, include_str!("../../layouts/base/layout.yaml")),
    (
        "trycksak.typ",
        include_str!("../../layouts/base/trycksak.typ"),
    ),
    (
        "inlines.typ",
        include_str!("../../layouts/base/inlines.typ"),
    ),
    ("data.typ", include_str!("../../layouts/base/data.typ")),
    (
        "palette.typ",
        include_str!("../../layouts/base/palette.typ"),
    ),
    ("theme.typ", include_str!("../../layouts/base/theme.typ")),
    (
        "leaflet.typ",
        include_str!("../../layouts/base/leaflet.typ"),
    ),
    (
        "summary.typ",
        include_str!("../../layouts/base/summary.typ"),
    ),
    (
        "large-print.typ",
        include_str!("../../layouts/base/large-print.typ"),
    ),
    ("page.html", include_str!("../../layouts/base/page.html")),
    ("index.html", include_str!("../../layouts/base/index.html")),
];

/// Paper sizes a layout may choose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    #[default]
    A5,
    /// 99 × 210 mm, the folded-A4 leaflet.
    Dl,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A5 => (148.0, 210.0),
            Paper::Dl => (99.0, 210.0),
        }
    }
}

/// How the leaflet's cover is composed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CoverStyle {
    /// The whole cover in the primary colour, white type.
    #[default]
    Full,
    /// A band of the primary colour at the top, dark type below.
    Band,
    /// A vertical stripe of the primary colour at the side.
    Stripe,
}

/// How the leaflet's body type is chosen (points): within `min_size..=max_size` so that the
/// text fills its sheets, unless the layout fixes the size or the page count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LeafletSettings {
    pub min_size: f64,
    pub max_size: f64,
    pub size: Option<f64>,
    pub pages: Option<u32>,
    /// The text pages' margins (the theme's `margin`).
    pub margins: Margins,
}

/// Page margins in millimetres: inside (the fold), outside, top and bottom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub inside: f64,
    pub outside: f64,
    pub top: f64,
    pub bottom: f64,
}

/// The smallest body size a leaflet may be set in, whatever the layout says.
pub const LEAFLET_FLOOR: f64 = 9.0;

/// The colours every layout has (base defines them; a region may change any).
pub const COLOUR_NAMES: &[&str] = &["primary", "accent", "tint", "text", "on-primary"];

/// A region's effective layout: its own `layout.yaml` over the base one.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub region: String,
    /// The organisation or region name the layout prints on covers ("Norrbotten"), if it
    /// names one. Never a party's default: a programme's party is its own `party:`.
    pub name: Option<String>,
    pub colours: BTreeMap<String, Colour>,
    pub fonts: Fonts,
    /// The logo, as a path relative to the project root.
    pub logo: Option<String>,
    pub paper: PaperSizes,
    pub cover: CoverStyle,
    /// The smallest type size (pt) the one-page summary may use.
    pub summary_min_size: f64,
    /// The largest: a summary of a few pledges grows up to it, so that its page looks full.
    pub summary_max_size: f64,
    /// What the summary does when not every pledge fits at `summary_min_size`.
    pub summary_overflow: Overflow,
    pub leaflet: LeafletSettings,
    /// Whether builds make the large-print PDF without being asked.
    pub large_print: bool,
    pub braille: BrailleSettings,
    /// A LIX above this in a section is a warning in the readability report.
    pub lix_target: Option<f64>,
    /// What a translation behind its original is: a warning, or (before printing) an error.
    pub translations_out_of_date: crate::model::OutOfDate,
    pub print: PrintSettings,
    /// Its language files: built in, with the project's and the region's changes.
    #[serde(skip)]
    pub languages: Arc<crate::language::Languages>,
}

/// The braille version's pages and volumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BrailleSettings {
    /// Whether builds make it without being asked.
    pub build: bool,
    /// Cells a row.
    pub cols: u32,
    /// Rows a page, the page-number row among them.
    pub rows: u32,
    /// Embossed on both sides of the sheet.
    pub duplex: bool,
    /// The most sheets a volume holds.
    pub volume_sheets: u32,
}

/// What the print twins need from the layout, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PrintSettings {
    /// How far backgrounds run on past the trim.
    pub bleed_mm: f64,
    /// How far inside the trim all text must stay.
    pub safe_mm: f64,
    /// The most total ink (percent) over any 15 mm square before a warning.
    pub max_ink: f64,
}

pub use crate::print_rules::INK_LIMIT;

#[derive(Debug, Clone, Serialize)]
pub struct Fonts {
    pub body: Vec<String>,
    pub heading: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct PaperSizes {
    pub leaflet: Paper,
    pub summary: Paper,
}

/// Every region's layout, loaded once per build.
#[derive(Debug, Default)]
pub struct Layouts {
    layouts: HashMap<String, Layout>,
    /// Problems per region; a region with errors cannot build.
    problems: HashMap<String, Vec<Diagnostic>>,
    /// Folders searched for template files, per region: its own, then base (when on disk).
    search: HashMap<String, Vec<PathBuf>>,
    /// The project's `layouts/` folder: no template file may resolve outside it.
    layouts_dir: PathBuf,
}

/// A template file found by the layered lookup (a `.typ` file, or a file a template reads).
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// The path shown in messages, e.g. `layouts/norrbotten/leaflet.typ`.
    pub display: PathBuf,
    pub bytes: Vec<u8>,
}

impl Layouts {
    /// Loads base and every region of `project`, checking fonts against `families`. The
    /// problems of the fonts folder (`font_problems`) are every region's, like base's.
    pub fn load(
        project: &Project,
        families: &BTreeSet<String>,
        font_problems: &[Diagnostic],
    ) -> Layouts {
        let mut layouts = Layouts {
            layouts_dir: project.layouts_dir(),
            ..Layouts::default()
        };
        let base_dir = project.root.join(LAYOUTS_DIR).join(BASE_REGION);
        let mut base_problems = font_problems.to_vec();
        let built_in = built_in_base();
        let base_file = read_layout_file(project, &base_dir, &mut base_problems);
        let base = parse_layout_file(project, base_file, &base_dir, &mut base_problems);
        for region in project.regions() {
            let dir = project.root.join(LAYOUTS_DIR).join(region);
            let mut problems = base_problems.clone();
            let own = if region == BASE_REGION {
                Parsed::default()
            } else {
                let file = read_layout_file(project, &dir, &mut problems);
                parse_layout_file(project, file, &dir, &mut problems)
            };
            let layers = [
                Layer {
                    parsed: &built_in,
                    dir: base_dir.clone(),
                },
                Layer {
                    parsed: &base,
                    dir: base_dir.clone(),
                },
                Layer {
                    parsed: &own,
                    dir: dir.clone(),
                },
            ];
            let (languages, language_problems) = Languages::load(project, region);
            problems.extend(language_problems);
            if let Some(mut layout) = resolve(region, &layers, families, &mut problems, project) {
                layout.languages = Arc::new(languages);
                checks::check_contrast(&layout, &own, &base, &mut problems);
                checks::check_ink(&layout, &own, &base, &mut problems);
                layouts.layouts.insert(region.clone(), layout);
            }
            let mut search = vec![dir];
            if region != BASE_REGION {
                search.push(base_dir.clone());
            }
            layouts.search.insert(region.clone(), search);
            layouts.problems.insert(region.clone(), problems);
        }
        layouts
    }

    pub fn get(&self, region: &str) -> Option<&Layout> {
        self.layouts.get(region)
    }

    /// The problems of a region's layout (and of base, which every region builds on).
    pub fn problems(&self, region: &str) -> &[Diagnostic] {
        self.problems.get(region).map_or(&[], Vec::as_slice)
    }

    /// Finds a template file for `region`: its folder, then base on disk, then built-in base.
    /// A file that is there but resolves outside `layouts/` (a symlink that leads out) is
    /// refused, with the reason: it is never read.
    pub fn template(&self, region: &str, name: &str) -> Result<Option<TemplateFile>, String> {
        for dir in self.search.get(region).into_iter().flatten() {
            let display = Path::new(LAYOUTS_DIR)
                .join(dir.file_name().unwrap_or_default())
                .join(name);
            match sandbox::read(&self.layouts_dir, &dir.join(name)) {
                Ok(bytes) => return Ok(Some(TemplateFile { display, bytes })),
                Err(PathError::Missing(_)) => continue,
                Err(PathError::Outside) => {
                    return Err(t!(
                        "template-outside-layouts",
                        path = display.display().to_string()
                    ));
                }
                Err(err) => return Err(format!("{} {}", display.display(), err.describe())),
            }
        }
        let Some((_, text)) = EMBEDDED_BASE.iter().find(|(file, _)| *file == name) else {
            return Ok(None);
        };
        Ok(Some(TemplateFile {
            display: PathBuf::from(format!("{LAYOUTS_DIR}/{BASE_REGION}/{name} (built in)")),
            bytes: text.as_bytes().to_vec(),
        }))
    }
}

/// The name a region's own `layout.yaml` gives it ("Gotland"), for starters; the folder name
/// with a capital letter when it gives none.
pub fn display_name(project: &Project, region: &str) -> String {
    let file = project.layouts_dir().join(region).join(LAYOUT_FILE);
    sandbox::read(&project.layouts_dir(), &file)
        .ok()
        .and_then(|bytes| serde_yaml::from_slice::<serde_yaml::Value>(&bytes).ok())
        .and_then(|value| value.get("name")?.as_str().map(str::to_string))
        .unwrap_or_else(|| {
            let mut chars = region.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
}
