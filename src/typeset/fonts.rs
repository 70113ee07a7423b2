//! The fonts a build may use: those built into the binary (the ones shipped in `fonts/`) and any
//! other font files in the project's `fonts/` folder. System fonts are never looked at, so a
//! build gives the same result on every machine.

use std::collections::BTreeSet;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::diagnostics::Diagnostic;
use crate::project::{FONTS_DIR, Project};

/// The fonts shipped in `fonts/`, built in so that a project without the folder still builds.
const EMBEDDED: &[(&str, &[u8])] = &[
    (
        "Inter-Regular.otf",
        include_bytes!("../../fonts/Inter-Regular.otf"),
    ),
    (
        "Inter-Italic.otf",
        include_bytes!("../../fonts/Inter-Italic.otf"),
    ),
    (
        "Inter-Bold.otf",
        include_bytes!("../../fonts/Inter-Bold.otf"),
    ),
    (
        "Inter-BoldItalic.otf",
        include_bytes!("../../fonts/Inter-BoldItalic.otf"),
    ),
    (
        "LibertinusSerif-Regular.otf",
        include_bytes!("../../fonts/LibertinusSerif-Regular.otf"),
    ),
    (
        "LibertinusSerif-Italic.otf",
        include_bytes!("../../fonts/LibertinusSerif-Italic.otf"),
    ),
    (
        "LibertinusSerif-Bold.otf",
        include_bytes!("../../fonts/LibertinusSerif-Bold.otf"),
    ),
    (
        "LibertinusSerif-BoldItalic.otf",
        include_bytes!("../../fonts/LibertinusSerif-BoldItalic.otf"),
    ),
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Bold.ttf",
        include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "NotoSansHebrew-Regular.ttf",
        include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Bold.ttf",
        include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf"),
    ),
    (
        "NotoSansEthiopic-Regular.ttf",
        include_bytes!("../../fonts/NotoSansEthiopic-Regular.ttf"),
    ),
    (
        "NotoSansEthiopic-Bold.ttf",
        include_bytes!("../../fonts/NotoSansEthiopic-Bold.ttf"),
    ),
];

/// Loaded fonts and their metadata, shared by every document of a build.
pub struct FontLibrary {
    pub(super) book: LazyHash<FontBook>,
    pub(super) fonts: Vec<Font>,
    /// Family names in lowercase.
    families: BTreeSet<String>,
    /// Font files of `fonts/` that were refused.
    problems: Vec<Diagnostic>,
}

impl FontLibrary {
    /// The built-in fonts plus every `.ttf`, `.otf`, `.ttc` and `.otc` file in the project's
    /// `fonts/` (files with the name of a built-in font are the same font and are skipped). A
    /// font file that cannot be used — a symlink that leads outside the project, say — is a
    /// problem in [`FontLibrary::problems`], never read.
    pub fn load(project: &Project) -> FontLibrary {
        let mut fonts: Vec<Font> = Vec::new();
        let mut problems = Vec::new();
        for (_, data) in EMBEDDED {
            fonts.extend(Font::iter(Bytes::new(*data)));
        }
        let dir = project.root.join(FONTS_DIR);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                let is_font = ["ttf", "otf", "ttc", "otc"].iter().any(|ext| {
                    path.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
                });
                if !is_font || EMBEDDED.iter().any(|(embedded, _)| *embedded == name) {
                    continue;
                }
                match project.read(&path) {
                    Ok(data) => fonts.extend(Font::iter(Bytes::new(data))),
                    Err(err) => {
                        problems.push(
                            Diagnostic::about(
                                project.relative(&path),
                                t!("font-file", problem = err.describe()),
                            )
                            .with_help(t!("font-file.help")),
                        );
                    }
                }
            }
        }
        let book = FontBook::from_fonts(&fonts);
        let families = fonts
            .iter()
            .map(|font| font.info().family.to_lowercase())
            .collect();
        FontLibrary {
            book: LazyHash::new(book),
            fonts,
            families,
            problems,
        }
    }

    /// Font files of `fonts/` that were refused (each an error).
    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
    }

    /// Family names, lowercase.
    pub fn families(&self) -> &BTreeSet<String> {
        &self.families
    }

    /// Whether some font has a glyph for `c`. Typst falls back to any font of the book, so a
    /// character is missing only if no font at all has it.
    pub fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(c as u32))
    }
}
