//! What trycksak knows of a programme's language, as data: `layouts/base/i18n/<lang>.yaml`,
//! built in, which a project (`layouts/base/i18n/`) or a region (`layouts/<region>/i18n/`)
//! changes key by key, like its layout ([`Languages`]). One parser of language tags
//! ([`primary`]) for every module that asks.
//!
//! A language without a file gets no quotation-mark replacement and the plain pledge rule
//! (any list after a paragraph ending in ":"); see [`PledgeWords`].

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use serde_yaml::Value;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::project::{BASE_REGION, PathError, Project};

/// The folder of a layout that holds its language files.
pub const I18N_DIR: &str = "i18n";

/// The built-in language files, by primary language subtag.
const FILES: &[(&str, &str)] = &[
    ("sv", include_str!("../layouts/base/i18n/sv.yaml")),
    ("fi", include_str!("../layouts/base/i18n/fi.yaml")),
    ("fit", include_str!("../layouts/base/i18n/fit.yaml")),
    ("se", include_str!("../layouts/base/i18n/se.yaml")),
    ("smj", include_str!("../layouts/base/i18n/smj.yaml")),
    ("sma", include_str!("../layouts/base/i18n/sma.yaml")),
    ("en", include_str!("../layouts/base/i18n/en.yaml")),
    ("nb", include_str!("../layouts/base/i18n/nb.yaml")),
    ("de", include_str!("../layouts/base/i18n/de.yaml")),
    ("pl", include_str!("../layouts/base/i18n/pl.yaml")),
    ("bs", include_str!("../layouts/base/i18n/bs.yaml")),
    ("hr", include_str!("../layouts/base/i18n/hr.yaml")),
    ("sr", include_str!("../layouts/base/i18n/sr.yaml")),
    ("ar", include_str!("../layouts/base/i18n/ar.yaml")),
    ("fa", include_str!("../layouts/base/i18n/fa.yaml")),
    ("ckb", include_str!("../layouts/base/i18n/ckb.yaml")),
    ("so", include_str!("../layouts/base/i18n/so.yaml")),
    ("ti", include_str!("../layouts/base/i18n/ti.yaml")),
];

/// Tags that share another language's file: Norwegian's three.
const ALIASES: &[(&str, &str)] = &[("no", "nb"), ("nn", "nb")];

/// One language's file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The primary subtag the file is for.
    pub language: String,
    /// Whether a native speaker has checked the file.
    pub reviewed: bool,
    /// Double opening, double closing, single opening, single closing.
    pub quotes: [String; 4],
    pub pledges: PledgeWords,
    /// The first elements a compound may start with, for hyphenation at the joint
    /// (`src/output/hyphenate.rs`), lower-case; none for most languages.
    #[serde(default)]
    pub compound_parts: Vec<String>,
    /// The direction the language is written in.
    pub direction: Direction,
    /// The words the outputs add around the programme's text.
    pub labels: crate::i18n::Labels,
    /// The accessibility report's words; English's for a file without them.
    #[serde(default)]
    report: Option<crate::i18n::ReportWords>,
    /// How the braille version is written in this language; none where liblouis has no table
    /// (the braille output is then an error for this language alone).
    #[serde(default)]
    pub braille: Option<BrailleCode>,
}

/// A language's braille: the liblouis tables (built in, `layouts/base/braille/`) and the words
/// and signs the braille version adds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrailleCode {
    /// The table list, as liblouis names it: `[sv-g0.utb]`.
    pub tables: Vec<String>,
    /// What the tables are, for the reader of the output's facts ("Swedish 6-dot uncontracted").
    pub name: String,
    /// A volume's place on its title page: "Volym {n} av {of}".
    pub volume: String,
    /// The marker of an unnumbered list item, as print text the tables translate.
    pub bullet: String,
    /// The signs before and after a passage in another language, in braille, where the
    /// language's braille rules have them (Swedish: dots 5, 2 before and after).
    #[serde(default)]
    pub other_language: Option<[String; 2]>,
}

/// Left to right, or right to left (Arabic, Persian, Sorani, Hebrew).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The words that tell a pledge list in this language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PledgeWords {
    /// Phrases of a lead-in's last sentence ("vill vi"), matched as whole words.
    pub lead_ins: Vec<String>,
    /// Parts of a heading ("löfte"), matched anywhere in it.
    pub headings: Vec<String>,
}

/// The primary language subtag of a BCP 47 tag, lower-case: `sv` for `sv-SE`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The built-in language file for a BCP 47 tag, if there is one (a programme reads its
/// region's [`Languages`], which a project may change).
pub fn of(tag: &str) -> Option<&'static Language> {
    all().get(file_tag(tag).as_str())
}

/// The languages whose built-in files give braille tables, by primary subtag.
pub fn with_braille() -> Vec<&'static str> {
    all()
        .iter()
        .filter(|(_, language)| language.braille.is_some())
        .map(|(tag, _)| *tag)
        .collect()
}

/// The primary subtag a tag's file is found under: Norwegian's three share one.
fn file_tag(tag: &str) -> String {
    let primary = primary(tag);
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == primary)
        .map_or(primary, |(_, to)| to.to_string())
}

fn all() -> &'static BTreeMap<&'static str, Language> {
    static ALL: OnceLock<BTreeMap<&'static str, Language>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(tag, text)| {
                // Built in and tested (`every_file_reads`): a broken file is our bug.
                let language: Language = serde_yaml::from_str(text)
                    .unwrap_or_else(|err| panic!("layouts/base/i18n/{tag}.yaml: {err}"));
                (*tag, with_report_words(language))
            })
            .collect()
    })
}

/// `language` with its report's words in its labels: its own, English's where it has none.
fn with_report_words(mut language: Language) -> Language {
    let english = || {
        FILES
            .iter()
            .find(|(tag, _)| *tag == "en")
            .and_then(|(_, text)| serde_yaml::from_str::<Language>(text).ok())
            .and_then(|en| en.report)
            .unwrap_or_default()
    };
    language.labels.report = language.report.clone().unwrap_or_else(english);
    language
}

/// The language files a region's programmes read: the built-in ones, each with the project's
/// `layouts/base/i18n/<lang>.yaml` and then the region's `layouts/<region>/i18n/<lang>.yaml`
/// merged over it key by key (a project may change one label, or add a language whole).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Languages {
    /// The languages a project or region file changes or adds, merged whole.
    own: BTreeMap<String, Language>,
}

/// The built-in language files alone, for what has no project.
pub static BUILT_IN: Languages = Languages {
    own: BTreeMap::new(),
};

impl Languages {
    /// The language files of `region` in `project`, and the problems of its own files (a file
    /// with a problem is not used: the built-in one stands).
    pub fn load(project: &Project, region: &str) -> (Languages, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut layers: BTreeMap<String, (Value, Arc<SourceFile>)> = BTreeMap::new();
        let mut folders = vec![BASE_REGION];
        if region != BASE_REGION {
            folders.push(region);
        }
        for folder in folders {
            for (tag, file) in own_files(project, folder, &mut problems) {
                let over: Value = match serde_yaml::from_str(&file.text) {
                    Ok(value) => value,
                    Err(err) => {
                        problems.push(not_valid(&file, &err));
                        continue;
                    }
                };
                let (merged, _) = layers.entry(tag.clone()).or_insert_with(|| {
                    let built_in = FILES
                        .iter()
                        .find(|(built, _)| *built == tag)
                        .and_then(|(_, text)| serde_yaml::from_str(text).ok())
                        .unwrap_or(Value::Mapping(Default::default()));
                    (built_in, Arc::clone(&file))
                });
                crate::layout::merge(merged, &over);
                layers.get_mut(&tag).expect("just inserted").1 = file;
            }
        }
        let mut own = BTreeMap::new();
        for (tag, (merged, file)) in layers {
            match serde_yaml::from_value::<Language>(merged) {
                Ok(language) if language.language != tag => problems.push(
                    Diagnostic::error(
                        &file,
                        crate::layout::key_span(&file, "language"),
                        t!(
                            "language-file-other-tag",
                            file = file.path.display().to_string(),
                            language = language.language.as_str(),
                            tag = tag.as_str()
                        ),
                    )
                    .with_help(t!("language-file-other-tag.help", tag = tag.as_str())),
                ),
                Ok(language) => {
                    own.insert(tag, with_report_words(language));
                }
                Err(err) => problems.push(not_valid(&file, &err)),
            }
        }
        (Languages { own }, problems)
    }

    /// The language file for a BCP 47 tag, if there is one: the project's, else built in.
    pub fn of(&self, tag: &str) -> Option<&Language> {
        let tag = file_tag(tag);
        self.own.get(&tag).or_else(|| all().get(tag.as_str()))
    }

    /// The words the outputs add, for `tag`: its file's, else English's.
    pub fn labels(&self, tag: &str) -> &crate::i18n::Labels {
        &self
            .of(tag)
            .or_else(|| self.of("en"))
            .expect("the built-in English language file")
            .labels
    }

    /// The direction `tag` is written in: its file's, else left to right.
    pub fn direction(&self, tag: &str) -> Direction {
        self.of(tag)
            .map_or(Direction::Ltr, |language| language.direction)
    }
}

/// The language files in `layouts/<folder>/i18n/`, by primary subtag, sorted; a file equal to
/// the built-in one (the shipped project's own base) is skipped, as it changes nothing.
fn own_files(
    project: &Project,
    folder: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, Arc<SourceFile>)> {
    let dir = project.layouts_dir().join(folder).join(I18N_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let Some(tag) = path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        let tag = tag.to_ascii_lowercase();
        // The shipped project's own base holds the built-in files: seen to be equal (the bytes
        // are only compared, never used), they are skipped without the sandbox's checks.
        if let Some((_, text)) = FILES.iter().find(|(built, _)| *built == tag)
            && std::fs::metadata(&path).is_ok_and(|m| m.len() == text.len() as u64)
            && std::fs::read(&path).is_ok_and(|bytes| bytes == text.as_bytes())
        {
            continue;
        }
        let display = project.relative(&path).to_path_buf();
        match crate::sandbox::read(&project.layouts_dir(), &path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((tag, SourceFile::new(display, text.replace("\r\n", "\n")))),
                Err(_) => problems.push(unreadable(&display, t!("not-utf8"))),
            },
            Err(PathError::Missing(_)) => {}
            Err(PathError::Outside) => {
                problems.push(unreadable(&display, t!("path-outside-layouts")))
            }
            Err(err) => problems.push(unreadable(&display, err.describe())),
        }
    }
    files
}

fn unreadable(display: &Path, why: String) -> Diagnostic {
    Diagnostic::about(
        display,
        t!(
            "language-file-unreadable",
            file = display.display().to_string(),
            why = why
        ),
    )
    .with_help(t!("language-file-unreadable.help"))
}

/// A language file that does not read: located where YAML says, or at the key the error names
/// (a merged file's errors have no position).
fn not_valid(file: &Arc<SourceFile>, err: &serde_yaml::Error) -> Diagnostic {
    if let Some(at) = err.location() {
        let full = err.to_string();
        let message = full.split(" at line ").next().unwrap_or(&full);
        return Diagnostic::error(
            file,
            Some(file.char_span(file.offset(at.line(), at.column()))),
            t!("language-file-not-valid", message = message),
        )
        .with_help(t!("language-file-not-valid.help"));
    }
    let message = err.to_string();
    // "labels.skip: invalid type …", "unknown field `skp`, expected …", "missing field `skip`".
    let key = message
        .split_once(": ")
        .filter(|(path, _)| !path.contains(' '))
        .map(|(path, _)| path.rsplit('.').next().unwrap_or(path).to_string())
        .or_else(|| {
            message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
                .map(str::to_string)
        });
    let span = key.and_then(|key| crate::layout::key_span(file, &key));
    // serde lists the allowed keys: turn that into a suggestion.
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, expected)) = rest.split_once("`, expected ")
    {
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let help = match crate::diagnostics::closest(key, &known) {
            Some(close) => t!("did-you-mean", name = close),
            None => t!("unknown-key.help", keys = known.join(", ")),
        };
        return Diagnostic::error(file, span, t!("unknown-language-key", key = key))
            .with_help(help);
    }
    let help = if of(&tag_of(file)).is_some() {
        t!("language-file-not-valid.help")
    } else {
        t!("language-file-new.help", tag = tag_of(file))
    };
    Diagnostic::error(
        file,
        span,
        t!("language-file-not-valid", message = message.as_str()),
    )
    .with_help(help)
}

/// The language a file is for, by its name.
fn tag_of(file: &SourceFile) -> String {
    file.path
        .file_stem()
        .map(|stem| stem.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

impl PledgeWords {
    /// Whether a lead-in announces commitments: its last sentence holds one of the phrases.
    pub fn announces_pledges(&self, lead_in: &str) -> bool {
        let sentence = last_sentence(lead_in).to_lowercase();
        self.lead_ins
            .iter()
            .any(|phrase| contains_words(&sentence, &phrase.to_lowercase()))
    }

    /// Whether a heading names pledges ("12 gröna löften").
    pub fn names_pledges(&self, heading: &str) -> bool {
        let heading = heading.to_lowercase();
        self.headings
            .iter()
            .any(|part| heading.contains(&part.to_lowercase()))
    }
}

/// The text after the last sentence end (". ", "! ", "? ") of a paragraph.
fn last_sentence(text: &str) -> &str {
    let text = text.trim();
    let mut start = 0;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if c.is_whitespace() && matches!(previous, '.' | '!' | '?' | '؟' | '።' | '۔') {
            start = at;
        }
        previous = c;
    }
    text[start..].trim()
}

/// Whether `phrase` occurs in `text` starting and ending at word boundaries.
fn contains_words(text: &str, phrase: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase).any(|(at, _)| {
        !is_word(text[..at].chars().next_back())
            && !is_word(text[at + phrase.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_reads_and_is_for_its_tag() {
        for (tag, _) in FILES {
            let language = of(tag).expect("a built-in language");
            assert_eq!(&language.language, tag);
            assert!(!language.pledges.lead_ins.is_empty());
        }
        assert_eq!(of("sv-SE").map(|l| l.language.as_str()), Some("sv"));
        assert_eq!(of("nn").map(|l| l.language.as_str()), Some("nb"));
        assert!(of("so").is_some());
        assert!(of("ka").is_none());
        assert_eq!(of("ar").map(|l| l.direction), Some(Direction::Rtl));
        assert_eq!(of("fi").map(|l| l.direction), Some(Direction::Ltr));
        // Every file has the report's words: its own, or English's.
        assert_eq!(
            of("so").unwrap().labels.report.title,
            "Accessibility report"
        );
        assert_eq!(
            of("sv").unwrap().labels.report.title,
            "Tillgänglighetsrapport"
        );
    }

    #[test]
    fn lead_ins_are_told_from_other_colons() {
        let sv = &of("sv").unwrap().pledges;
        assert!(sv.announces_pledges("Därför vill vi socialdemokrater arbeta för:"));
        assert!(sv.announces_pledges("Bakgrund. Centerpartiet vill:"));
        assert!(
            !sv.announces_pledges("Vi vill mycket. I programmet har vi använt följande källor:")
        );
        assert!(!sv.announces_pledges("Till exempel:"));
        assert!(!sv.announces_pledges("Villkoren är:"));
        let fi = &of("fi").unwrap().pledges;
        assert!(fi.announces_pledges("Siksi me haluamme:"));
        assert!(!fi.announces_pledges("Tässä ohjelmassa on käytetty seuraavia lähteitä:"));
        let en = &of("en").unwrap().pledges;
        assert!(en.announces_pledges("That is why we will:"));
        assert!(!en.announces_pledges("Sources:"));
        assert!(sv.names_pledges("12 gröna löften"));
        assert!(sv.names_pledges("Våra vallöften"));
        assert!(!sv.names_pledges("Sjukvård"));
        assert!(fi.names_pledges("Vaalilupauksemme"));
    }
}
