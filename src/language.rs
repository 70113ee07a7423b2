//! What trycksak knows of a programme's language, as data: `layouts/base/i18n/<lang>.yaml`,
//! built in. One parser of language tags ([`primary`]) for every module that asks.
//!
//! A language without a file gets no quotation-mark replacement and the plain pledge rule
//! (any list after a paragraph ending in ":"); see [`PledgeWords`].

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Deserialize)]
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

/// The direction a language is written in: its file's, else left to right.
pub fn direction(tag: &str) -> Direction {
    of(tag).map_or(Direction::Ltr, |language| language.direction)
}

/// The language file for a BCP 47 tag, if there is one.
pub fn of(tag: &str) -> Option<&'static Language> {
    let primary = primary(tag);
    let primary = ALIASES
        .iter()
        .find(|(alias, _)| *alias == primary)
        .map_or(primary.as_str(), |(_, to)| to);
    all().get(primary)
}

fn all() -> &'static BTreeMap<&'static str, Language> {
    static ALL: OnceLock<BTreeMap<&'static str, Language>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: BTreeMap<&'static str, Language> = FILES
            .iter()
            .map(|(tag, text)| {
                // Built in and tested (`every_file_reads`): a broken file is our bug.
                let language: Language = serde_yaml::from_str(text)
                    .unwrap_or_else(|err| panic!("layouts/base/i18n/{tag}.yaml: {err}"));
                (*tag, language)
            })
            .collect();
        // Each language's labels carry its report's words, English's where it has none.
        let english = all
            .get("en")
            .and_then(|en| en.report.clone())
            .unwrap_or_default();
        for language in all.values_mut() {
            language.labels.report = language.report.clone().unwrap_or_else(|| english.clone());
        }
        all
    })
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
