//! Translations kept in sync with their original.
//!
//! A translation is a source beside its original: `programmes/<region>/<slug>.<lang>.md`
//! translates `<slug>.md` (or the file its `translation_of:` names). Its outputs go into the
//! original's folder with the language in their names (`<slug>.fi.html`,
//! `<slug>-leaflet.fi.pdf`). Beside it, `<slug>.<lang>.sync.yaml` records, unit by unit
//! ([`units`]), the original's text each unit of the translation was made for: the tool writes
//! it, the translator edits plain Markdown. [`sync`] compares the three (the record, the
//! original now, the translation now) and says what is out of date; [`write`] starts a
//! translation, brings it up to date and reads it back from a PO file ([`po`]).

pub mod check;
pub mod po;
pub mod record;
pub mod sync;
pub mod units;
pub mod write;

use std::path::{Path, PathBuf};

use serde::Serialize;

/// What a translation says of its original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationOf {
    /// The original's source, relative to the project, with `/` separators.
    pub original: String,
}

/// The extension of a translation's record, after the translation's stem.
pub const RECORD_SUFFIX: &str = "sync.yaml";

/// A translation's file stem split into its original's slug and its language:
/// `omstart.fi` → (`omstart`, `fi`); `None` for a stem without a language after a dot.
pub fn split_stem(stem: &str) -> Option<(&str, &str)> {
    let (slug, lang) = stem.rsplit_once('.')?;
    (crate::source::is_valid_name(slug) && crate::source::is_language_tag(lang))
        .then_some((slug, lang))
}

/// The source a translation at `path` translates by its name: `<slug>.md` beside it.
pub fn original_by_name(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let (slug, _) = split_stem(stem)?;
    Some(path.with_file_name(format!("{slug}.md")))
}

/// The record kept beside the translation at `path`: `omstart.fi.md` → `omstart.fi.sync.yaml`.
pub fn record_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.{RECORD_SUFFIX}"))
}

/// The translation of `original` (a source path) into `lang`: `<slug>.<lang>.md` beside it.
pub fn translation_path(original: &Path, lang: &str) -> PathBuf {
    let stem = original
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    original.with_file_name(format!("{stem}.{lang}.md"))
}

/// What a translation's output files are named from, in its original's folder: the slug and
/// the language, `omstart.fi` (`omstart.fi.html`, `omstart.fi-leaflet.pdf`), so that each
/// language's files sort together and a print twin is its screen PDF's name with `-print`.
pub fn file_stem(slug: &str, lang: &str) -> String {
    format!("{slug}.{lang}")
}

/// The other language versions of the source at `path` by their names: its original (for a
/// translation) and the translations beside the original.
pub fn family(path: &Path) -> Vec<PathBuf> {
    let original = original_by_name(path).unwrap_or_else(|| path.to_path_buf());
    let Some(slug) = original
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
    else {
        return Vec::new();
    };
    let mut family: Vec<PathBuf> = std::fs::read_dir(original.parent().unwrap_or(Path::new(".")))
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|candidate| {
            candidate.extension().is_some_and(|e| e == "md")
                && candidate
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(split_stem)
                    .is_some_and(|(of, _)| of == slug)
        })
        .chain(original.is_file().then(|| original.clone()))
        .filter(|candidate| candidate != path)
        .collect();
    family.sort();
    family
}

/// One language version of a programme, for the HTML version's language switcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub lang: String,
    pub dir: &'static str,
    /// Its HTML version's file name, in the same folder.
    pub file: String,
    /// The language named in itself: "Suomeksi".
    pub name: String,
    /// Whether it is the page's own language.
    pub current: bool,
}

/// Every language version of `programme` (its original and the translations beside it), in
/// the order original first, then by language tag.
pub fn versions(project_root: &Path, programme: &crate::model::Programme) -> Vec<Version> {
    let source = project_root.join(&programme.source);
    let original = match &programme.translation {
        Some(of) => project_root.join(&of.original),
        None => source.clone(),
    };
    let Some(folder) = original.parent() else {
        return Vec::new();
    };
    let Some(slug) = original.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    let html = |lang: Option<&str>| {
        let stem = lang.map_or(slug.to_string(), |lang| file_stem(slug, lang));
        crate::output::OutputKind::HTML.file_name(&stem, programme.labels())
    };
    let version = |lang: &str, file: String| Version {
        lang: lang.to_string(),
        dir: programme.languages.direction(lang).as_str(),
        file,
        name: programme.languages.labels(lang).in_language.clone(),
        current: lang == programme.meta.lang,
    };
    let mut versions = Vec::new();
    if let Some(lang) = front_matter_lang(&original) {
        versions.push(version(&lang, html(None)));
    }
    let mut translations: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let stem = name.strip_suffix(".md")?;
            let (of, lang) = split_stem(stem)?;
            (of == slug).then(|| lang.to_string())
        })
        .collect();
    translations.sort();
    for lang in translations {
        if !versions.iter().any(|v| v.lang == lang) {
            versions.push(version(&lang, html(Some(&lang))));
        }
    }
    if versions.len() < 2 {
        return Vec::new();
    }
    versions
}

/// The `lang:` of a source's front matter, read without loading it.
pub fn front_matter_lang(path: &Path) -> Option<String> {
    front_matter_value(&std::fs::read_to_string(path).ok()?, "lang")
}

/// A top-level string value of a source's front matter.
pub fn front_matter_value(text: &str, key: &str) -> Option<String> {
    let rest = text.strip_prefix("---")?;
    let end = rest.find("\n---")?;
    let value: serde_yaml::Value = serde_yaml::from_str(&rest[..end]).ok()?;
    value.get(key)?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_named_after_its_original_and_language() {
        assert_eq!(split_stem("omstart.fi"), Some(("omstart", "fi")));
        assert_eq!(split_stem("omstart.se"), Some(("omstart", "se")));
        assert_eq!(split_stem("omstart"), None);
        assert_eq!(split_stem("omstart.x1"), None);
        assert_eq!(
            record_path(Path::new("p/r/omstart.fi.md")),
            Path::new("p/r/omstart.fi.sync.yaml")
        );
        assert_eq!(
            translation_path(Path::new("p/r/omstart.md"), "se"),
            Path::new("p/r/omstart.se.md")
        );
        assert_eq!(file_stem("omstart", "fi"), "omstart.fi");
    }
}
