//! Region layouts, layered: `layouts/<region>/` first, then `layouts/base/`, then the base layout
//! built into the binary. A region that only changes colours, fonts and logo is a `layout.yaml`
//! of a few lines; it may also override any template file by putting one of the same name in its
//! folder.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, SourceFile, closest};
use crate::images::ImageProblem;
use crate::model::Overflow;
use crate::project::{BASE_REGION, LAYOUTS_DIR, PathError, Project};
use crate::sandbox;

/// The layout file of every layout folder.
pub const LAYOUT_FILE: &str = "layout.yaml";

/// The base layout's files, built into the binary so that a project without `layouts/` builds.
const EMBEDDED_BASE: &[(&str, &str)] = &[
    (LAYOUT_FILE, include_str!("../layouts/base/layout.yaml")),
    ("trycksak.typ", include_str!("../layouts/base/trycksak.typ")),
    ("leaflet.typ", include_str!("../layouts/base/leaflet.typ")),
    ("summary.typ", include_str!("../layouts/base/summary.typ")),
    (
        "large-print.typ",
        include_str!("../layouts/base/large-print.typ"),
    ),
];

/// A colour as printed: cyan, magenta, yellow and black ink in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cmyk(pub [f64; 4]);

impl Cmyk {
    /// The colour for screens, as `#rrggbb`, by the usual uncalibrated conversion.
    pub fn to_rgb_hex(self) -> String {
        let [r, g, b] = self.to_rgb8();
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The colour for screens as red, green and blue, 0–255.
    pub fn to_rgb8(self) -> [u8; 3] {
        let [c, m, y, k] = self.0.map(|v| v / 100.0);
        let channel = |ink: f64| ((1.0 - ink) * (1.0 - k) * 255.0).round() as u8;
        [channel(c), channel(m), channel(y)]
    }
}

impl<'de> Deserialize<'de> for Cmyk {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let values = Vec::<f64>::deserialize(deserializer)?;
        let inks: [f64; 4] = values.as_slice().try_into().map_err(|_| {
            serde::de::Error::custom(format!(
                "a colour is four ink percentages [cyan, magenta, yellow, black], e.g. [0, 100, 85, 5]; this has {}",
                values.len()
            ))
        })?;
        if let Some(bad) = inks.iter().find(|v| !(0.0..=100.0).contains(*v)) {
            return Err(serde::de::Error::custom(format!(
                "ink percentages are 0 to 100, not {bad}"
            )));
        }
        Ok(Cmyk(inks))
    }
}

/// Paper sizes a layout may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CoverStyle {
    /// The whole cover in the primary colour, white type.
    Full,
    /// A band of the primary colour at the top, dark type below.
    Band,
    /// A vertical stripe of the primary colour at the side.
    Stripe,
}

/// `layout.yaml` as written: every key optional, so a region states only what differs from base.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    name: Option<String>,
    colours: Option<BTreeMap<String, Cmyk>>,
    fonts: Option<FontsFile>,
    logo: Option<String>,
    paper: Option<PaperFile>,
    cover: Option<CoverStyle>,
    summary: Option<SummaryFile>,
    leaflet: Option<LeafletFile>,
    large_print: Option<bool>,
    lix_target: Option<f64>,
    print: Option<PrintFile>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrintFile {
    bleed: Option<f64>,
    safe: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FontsFile {
    body: Option<Vec<String>>,
    heading: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PaperFile {
    leaflet: Option<Paper>,
    summary: Option<Paper>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummaryFile {
    min_size: Option<f64>,
    overflow: Option<Overflow>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LeafletFile {
    min_size: Option<f64>,
    max_size: Option<f64>,
    size: Option<f64>,
    pages: Option<u32>,
}

/// How the leaflet's body type is chosen (points): within `min_size..=max_size` so that the
/// text fills its sheets, unless the layout fixes the size or the page count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LeafletSettings {
    pub min_size: f64,
    pub max_size: f64,
    pub size: Option<f64>,
    pub pages: Option<u32>,
}

/// The smallest body size a leaflet may be set in, whatever the layout says.
pub const LEAFLET_FLOOR: f64 = 9.0;

/// The colours every layout has (base defines them; a region may change any).
pub const COLOUR_NAMES: &[&str] = &["primary", "accent", "tint", "text", "on-primary"];

/// A region's effective layout: its own `layout.yaml` over the base one.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub region: String,
    pub name: String,
    pub colours: BTreeMap<String, Cmyk>,
    pub fonts: Fonts,
    /// The logo, as a path relative to the project root.
    pub logo: Option<String>,
    pub paper: PaperSizes,
    pub cover: CoverStyle,
    /// The smallest type size (pt) the one-page summary may use.
    pub summary_min_size: f64,
    /// What the summary does when not every pledge fits at `summary_min_size`.
    pub summary_overflow: Overflow,
    pub leaflet: LeafletSettings,
    /// Whether builds make the large-print PDF without being asked.
    pub large_print: bool,
    /// A LIX above this in a section is a warning in the readability report.
    pub lix_target: Option<f64>,
    pub print: PrintSettings,
}

/// What the print twins need from the layout, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PrintSettings {
    /// How far backgrounds run on past the trim.
    pub bleed_mm: f64,
    /// How far inside the trim all text must stay.
    pub safe_mm: f64,
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
        let base_file = read_layout_file(project, &base_dir, &mut base_problems);
        let base = Parsed {
            layout: parse_layout_file(project, &base_file, &base_dir, &mut base_problems),
            file: base_file,
        };
        for region in project.regions() {
            let dir = project.root.join(LAYOUTS_DIR).join(region);
            let mut problems = base_problems.clone();
            let own = if region == BASE_REGION {
                Parsed {
                    file: None,
                    layout: LayoutFile::default(),
                }
            } else {
                let file = read_layout_file(project, &dir, &mut problems);
                Parsed {
                    layout: parse_layout_file(project, &file, &dir, &mut problems),
                    file,
                }
            };
            let layout = resolve(region, &own, &base, families, &mut problems, project, &dir);
            check_contrast(&layout, &own, &base, &mut problems);
            check_ink(&layout, &own, &base, &mut problems);
            let mut search = vec![dir];
            if region != BASE_REGION {
                search.push(base_dir.clone());
            }
            layouts.search.insert(region.clone(), search);
            layouts.layouts.insert(region.clone(), layout);
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
                    return Err(format!(
                        "{} leads outside the layouts folder: templates may read only files inside layouts/ (copy the file in rather than linking to it)",
                        display.display()
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

/// The text of a folder's `layout.yaml`: from disk, or built in for base; `None` if absent. A
/// file that cannot be used (it leads outside the project, it is not UTF-8) is a problem.
fn read_layout_file(
    project: &Project,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Option<Arc<SourceFile>> {
    let path = dir.join(LAYOUT_FILE);
    let display = project.relative(&path).to_path_buf();
    let refused = |why: String| {
        let file = SourceFile::new(&display, String::new());
        Diagnostic::error(&file, None, why)
            .with_help("a layout.yaml must be a UTF-8 text file inside the project folder")
    };
    match sandbox::read(&project.layouts_dir(), &path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(SourceFile::new(display, text.replace("\r\n", "\n"))),
            Err(_) => {
                problems.push(refused(format!("{} is not UTF-8 text", display.display())));
                None
            }
        },
        Err(PathError::Missing(_)) if dir.file_name().is_some_and(|n| n == BASE_REGION) => {
            Some(SourceFile::new(
                format!("{LAYOUTS_DIR}/{BASE_REGION}/{LAYOUT_FILE} (built in)"),
                EMBEDDED_BASE[0].1.to_string(),
            ))
        }
        Err(PathError::Missing(_)) => None,
        Err(err) => {
            let why = match err {
                PathError::Outside => "leads outside the layouts folder".to_string(),
                err => err.describe().to_string(),
            };
            problems.push(refused(format!("{} {why}", display.display())));
            None
        }
    }
}

fn parse_layout_file(
    project: &Project,
    file: &Option<Arc<SourceFile>>,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> LayoutFile {
    let Some(file) = file else {
        return LayoutFile::default();
    };
    let parsed: LayoutFile = match serde_yaml::from_str::<Option<LayoutFile>>(&file.text) {
        Ok(parsed) => parsed.unwrap_or_default(),
        Err(err) => {
            problems.push(yaml_problem(file, &err));
            return LayoutFile::default();
        }
    };
    if let Some(colours) = &parsed.colours {
        for name in colours.keys() {
            if !COLOUR_NAMES.contains(&name.as_str()) {
                let span = key_span(file, name);
                let help = match closest(name, COLOUR_NAMES) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the colours are: {}", COLOUR_NAMES.join(", ")),
                };
                problems.push(
                    Diagnostic::error(file, span, format!("unknown colour `{name}`"))
                        .with_help(help),
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
                        format!("`leaflet: {key}` is {value} pt; it must be {LEAFLET_FLOOR} to 16 pt"),
                    )
                    .with_help("a leaflet's body text reads well at 9.5 to 11 pt; below 9 pt it is too small for many readers"),
                );
            }
        }
        if let Some(pages) = leaflet.pages.filter(|p| *p == 0 || p % 4 != 0) {
            problems.push(
                Diagnostic::error(
                    file,
                    key_span(file, "pages"),
                    format!(
                        "`leaflet: pages` is {pages}; a booklet's page count is a multiple of 4"
                    ),
                )
                .with_help("e.g. `pages: 12`: three sheets folded in two"),
            );
        }
    }
    if let Some(print) = &parsed.print {
        for (key, value, max) in [("bleed", print.bleed, 10.0), ("safe", print.safe, 20.0)] {
            if let Some(value) = value.filter(|v| !(0.0..=max).contains(v)) {
                problems.push(
                    Diagnostic::error(
                        file,
                        key_span(file, key),
                        format!("`print: {key}` is {value} mm; it must be 0 to {max} mm"),
                    )
                    .with_help(
                        "print shops ask for a 3 mm bleed and text at least 5 mm inside the trim",
                    ),
                );
            }
        }
    }
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
                Diagnostic::error(file, key_span(file, "logo"), format!("the logo {message}"))
                    .with_help(help),
            );
        }
        if let Err(err) = resolved {
            let span = key_span(file, "logo");
            let why = err.describe();
            problems.push(
                Diagnostic::error(file, span, format!("the logo `{logo}` {why}"))
                    .with_help("put the logo file in this layout's folder and write its file name"),
            );
        }
    }
    parsed
}

/// A layout file as read, and the text it came from (for locating problems).
struct Parsed {
    file: Option<Arc<SourceFile>>,
    layout: LayoutFile,
}

impl Parsed {
    /// Where `key:` is written in the region's file, else in base's.
    fn locate(
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

/// WCAG 2.1 AA: the layout's colours used for text must stand out from their background
/// (4.5:1; 3:1 for the pledge markers, which are graphics, not text).
fn check_contrast(layout: &Layout, own: &Parsed, base: &Parsed, problems: &mut Vec<Diagnostic>) {
    const PAIRS: &[(&str, &str, f64, &str)] = &[
        ("text", "paper", 4.5, "body text on the page"),
        ("text", "tint", 4.5, "pledges on their tinted box"),
        (
            "primary",
            "paper",
            4.5,
            "headings, links and cover text on the page",
        ),
        (
            "on-primary",
            "primary",
            4.5,
            "text on the primary colour (cover, summary header)",
        ),
        ("accent", "tint", 3.0, "pledge markers on their tinted box"),
    ];
    let rgb = |name: &str| match name {
        "paper" => "#ffffff".to_string(),
        _ => layout.colours[name].to_rgb_hex(),
    };
    for (fore, back, needed, used_for) in PAIRS {
        let ratio = contrast_ratio(&rgb(fore), &rgb(back));
        if ratio + 1e-9 < *needed {
            let (file, span) = Parsed::locate(own, base, fore).unwrap_or_else(|| {
                (
                    SourceFile::new(
                        format!("{LAYOUTS_DIR}/{}/{LAYOUT_FILE}", layout.region),
                        String::new(),
                    ),
                    None,
                )
            });
            problems.push(
                Diagnostic::error(
                    &file,
                    span,
                    format!("`{fore}` on `{back}` has a contrast of {ratio:.1}:1, below the {needed}:1 that WCAG AA asks for {used_for}"),
                )
                .with_help(format!("make `{fore}` darker or `{back}` lighter (more black ink darkens a colour)")),
            );
        }
    }
}

/// Print: a colour with more ink than the press can dry smudges; black text built from four
/// inks (rich black) blurs when the plates are slightly off. Warnings: the PDF is still valid.
fn check_ink(layout: &Layout, own: &Parsed, base: &Parsed, problems: &mut Vec<Diagnostic>) {
    let locate = |name: &str| {
        Parsed::locate(own, base, name).unwrap_or_else(|| {
            let display = format!("{LAYOUTS_DIR}/{}/{LAYOUT_FILE}", layout.region);
            (SourceFile::new(display, String::new()), None)
        })
    };
    for (name, cmyk) in &layout.colours {
        let total: f64 = cmyk.0.iter().sum();
        if total > INK_LIMIT + 1e-9 {
            let (file, span) = locate(name);
            problems.push(
                Diagnostic::warning(
                    &file,
                    span,
                    format!("`{name}` has {total:.0} % ink in all, more than the {INK_LIMIT:.0} % a press can print cleanly on coated paper"),
                )
                .with_help("lower cyan, magenta or yellow until the four add up to 300 or less"),
            );
        }
    }
    let [c, m, y, k] = layout.colours["text"].0;
    if k >= 80.0 && c + m + y > 0.0 {
        let (file, span) = locate("text");
        problems.push(
            Diagnostic::warning(
                &file,
                span,
                format!("`text` is a rich black ({c:.0}/{m:.0}/{y:.0}/{k:.0}): small type in four inks blurs when the plates are slightly off"),
            )
            .with_help("print body text in black ink only: `text: [0, 0, 0, 100]`"),
        );
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

/// The WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let channel = |i: usize| {
            let v = u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0) as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn resolve(
    region: &str,
    own: &Parsed,
    base: &Parsed,
    families: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
    project: &Project,
    dir: &Path,
) -> Layout {
    // Where a font family is named, for locating a problem with it: the region's file, or base's.
    let files = [own.file.clone(), base.file.clone()];
    let (own, base) = (&own.layout, &base.layout);
    let mut colours = base.colours.clone().unwrap_or_default();
    colours.extend(own.colours.clone().unwrap_or_default());
    colours.retain(|name, _| COLOUR_NAMES.contains(&name.as_str()));
    for name in COLOUR_NAMES {
        colours.entry(name.to_string()).or_insert(Cmyk([
            0.0,
            0.0,
            0.0,
            if *name == "on-primary" { 0.0 } else { 100.0 },
        ]));
    }
    let pick = |f: fn(&FontsFile) -> Option<Vec<String>>| {
        own.fonts
            .as_ref()
            .and_then(f)
            .or_else(|| base.fonts.as_ref().and_then(f))
            .unwrap_or_else(|| vec!["Inter".into()])
    };
    let fonts = Fonts {
        body: pick(|f| f.body.clone()),
        heading: pick(|f| f.heading.clone()),
    };
    for family in fonts.body.iter().chain(&fonts.heading) {
        if !families.contains(&family.to_lowercase()) {
            let file = files
                .iter()
                .flatten()
                .find(|file| file.text.contains(family.as_str()))
                .cloned()
                .unwrap_or_else(|| {
                    SourceFile::new(project.relative(&dir.join(LAYOUT_FILE)), String::new())
                });
            let span = file
                .text
                .find(family.as_str())
                .map(|start| start..start + family.len());
            let known: Vec<&str> = families.iter().map(String::as_str).collect();
            let help = match closest(&family.to_lowercase(), &known) {
                Some(close) => format!(
                    "did you mean `{close}`? Fonts come only from fonts/ (and the built-in ones)"
                ),
                None => format!(
                    "the font families available are: {}; add font files to fonts/ for others",
                    known.join(", ")
                ),
            };
            problems.push(
                Diagnostic::error(&file, span, format!("there is no font family `{family}`"))
                    .with_help(help),
            );
        }
    }
    let own_logo = own.logo.as_ref().map(|logo| (dir.to_path_buf(), logo));
    let base_dir = project.root.join(LAYOUTS_DIR).join(BASE_REGION);
    let logo = own_logo
        .or_else(|| base.logo.as_ref().map(|logo| (base_dir, logo)))
        .and_then(|(dir, logo)| project.resolve_inside(&dir.join(LAYOUT_FILE), logo).ok())
        .map(|path| project.relative(&path).to_string_lossy().replace('\\', "/"));
    let pick_print = |f: fn(&PrintFile) -> Option<f64>| {
        own.print
            .as_ref()
            .and_then(f)
            .or_else(|| base.print.as_ref().and_then(f))
    };
    let paper = |f: fn(&PaperFile) -> Option<Paper>, default| {
        own.paper
            .as_ref()
            .and_then(f)
            .or_else(|| base.paper.as_ref().and_then(f))
            .unwrap_or(default)
    };
    Layout {
        region: region.to_string(),
        name: own
            .name
            .clone()
            .or_else(|| base.name.clone())
            .unwrap_or_else(|| region.to_string()),
        colours,
        fonts,
        logo,
        paper: PaperSizes {
            leaflet: paper(|p| p.leaflet, Paper::A5),
            summary: paper(|p| p.summary, Paper::A4),
        },
        cover: own.cover.or(base.cover).unwrap_or(CoverStyle::Band),
        summary_min_size: own
            .summary
            .as_ref()
            .and_then(|s| s.min_size)
            .or_else(|| base.summary.as_ref().and_then(|s| s.min_size))
            .unwrap_or(8.0),
        leaflet: {
            let pick = |f: fn(&LeafletFile) -> Option<f64>| {
                own.leaflet
                    .as_ref()
                    .and_then(f)
                    .or_else(|| base.leaflet.as_ref().and_then(f))
            };
            let min_size = pick(|l| l.min_size).unwrap_or(9.5).max(LEAFLET_FLOOR);
            LeafletSettings {
                min_size,
                max_size: pick(|l| l.max_size).unwrap_or(11.0).max(min_size),
                size: pick(|l| l.size),
                pages: own
                    .leaflet
                    .as_ref()
                    .and_then(|l| l.pages)
                    .or_else(|| base.leaflet.as_ref().and_then(|l| l.pages)),
            }
        },
        summary_overflow: own
            .summary
            .as_ref()
            .and_then(|s| s.overflow)
            .or_else(|| base.summary.as_ref().and_then(|s| s.overflow))
            .unwrap_or(Overflow::Shorten),
        large_print: own.large_print.or(base.large_print).unwrap_or(false),
        lix_target: own.lix_target.or(base.lix_target),
        print: PrintSettings {
            bleed_mm: pick_print(|p| p.bleed).unwrap_or(3.0),
            safe_mm: pick_print(|p| p.safe).unwrap_or(5.0),
        },
    }
}

/// Where `key:` is written in a YAML file (any indentation).
fn key_span(file: &SourceFile, key: &str) -> Option<std::ops::Range<usize>> {
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

fn yaml_problem(file: &Arc<SourceFile>, err: &serde_yaml::Error) -> Diagnostic {
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
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("the keys allowed here are: {}", known.join(", ")),
        };
        return Diagnostic::error(file, span, format!("unknown key `{key}` in the layout"))
            .with_help(help);
    }
    Diagnostic::error(file, span, format!("the layout is not valid: {message}"))
        .with_help("see layouts/base/layout.yaml for every key with an explanation")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_match_wcag() {
        assert!((contrast_ratio("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!((contrast_ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }

    #[test]
    fn cmyk_converts_for_screens() {
        assert_eq!(Cmyk([0.0, 0.0, 0.0, 100.0]).to_rgb_hex(), "#000000");
        assert_eq!(Cmyk([0.0, 0.0, 0.0, 0.0]).to_rgb_hex(), "#ffffff");
        assert_eq!(Cmyk([0.0, 100.0, 100.0, 0.0]).to_rgb_hex(), "#ff0000");
    }
}
