//! The YAML front matter: parsed, every key checked, every problem located in the whole file.
//!
//! The YAML is first read as a plain mapping (syntax errors and duplicate keys come with their
//! position), then each key is checked on its own so that all problems are reported at once.

use std::ops::Range;

use serde_yaml::{Mapping, Value};

mod values;

use super::{Context, Parts, is_valid_name};
use crate::diagnostics::Diagnostic;
use crate::i18n::labels;
use crate::model::Metadata;
use crate::project::BASE_REGION;

/// The keys a front matter may have, with what each is for (the list documents them; the
/// messages name the keys).
pub const KEYS: &[(&str, &str)] = &[
    ("title", "the programme's title (required)"),
    ("region", "the layout folder under layouts/ (required)"),
    ("subtitle", "a subtitle"),
    ("lang", "the language as a BCP 47 tag (required)"),
    ("party", "the party"),
    ("period", "the period the programme covers, e.g. 2022–2026"),
    ("date", "the date of the programme, YYYY-MM-DD"),
    (
        "publisher",
        "the legally responsible publisher printed on leaflets",
    ),
    ("contact", "how to reach the party"),
    (
        "summary",
        "the lead text of the one-page summary, or `lead`, `pledges` (per section) and `overflow`",
    ),
    ("cover", "a cover image: `image` (path) and `alt` (text)"),
    (
        "lix_target",
        "a readability target: sections with a higher LIX get a warning",
    ),
    (
        "translation_of",
        "for a translation not named <slug>.<lang>.md beside its original: the original's path",
    ),
    (
        "translations_out_of_date",
        "`error` to build no translation that is behind its original (default `warning`)",
    ),
];

const COVER_KEYS: &[&str] = &["image", "alt"];
const SUMMARY_KEYS: &[&str] = &["lead", "pledges", "overflow"];

/// Words campaign workers write for our keys, in Swedish and English.
const ALIASES: &[(&str, &str)] = &[
    ("titel", "title"),
    ("rubrik", "title"),
    ("undertitel", "subtitle"),
    ("underrubrik", "subtitle"),
    ("län", "region"),
    ("språk", "lang"),
    ("language", "lang"),
    ("parti", "party"),
    ("mandatperiod", "period"),
    ("datum", "date"),
    ("utgivare", "publisher"),
    ("ansvarig_utgivare", "publisher"),
    ("author", "publisher"),
    ("kontakt", "contact"),
    ("sammanfattning", "summary"),
    ("ingress", "summary"),
    ("omslag", "cover"),
    ("bild", "image"),
    ("alt_text", "alt"),
    ("alttext", "alt"),
];

pub(super) fn parse(
    cx: &Context,
    parts: &Parts,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Metadata> {
    let mapping = mapping_of(cx, parts, diagnostics)?;
    let names: Vec<&str> = KEYS.iter().map(|(name, _)| *name).collect();
    let mut fields = Fields {
        cx,
        parts,
        diagnostics,
    };
    fields.unknown_keys(&mapping, &names);
    let (title, region, lang) = fields.required(&mapping, &names);
    let date = fields.date(&mapping);
    let (summary_lead, summary_pledges, summary_overflow) = fields.summary(&mapping);
    let lang = lang.unwrap_or_else(|| "sv".to_string());
    // Read in this order: it is the order of their messages.
    let subtitle = fields.text(&mapping, "subtitle");
    let party = fields.text(&mapping, "party");
    let period = fields.text(&mapping, "period");
    let publisher = fields
        .text(&mapping, "publisher")
        .map(|name| without_label(name, &labels(&lang).publisher));
    let metadata = Metadata {
        title: title.clone().unwrap_or_default(),
        subtitle,
        region: region.clone().unwrap_or_default(),
        lang,
        party,
        period,
        date,
        publisher,
        contact: fields.text(&mapping, "contact"),
        lix_target: fields.lix_target(&mapping),
        summary: summary_lead,
        summary_pledges,
        summary_overflow,
        cover: fields.cover(&mapping),
        translation_of: fields.text(&mapping, "translation_of"),
        translations_out_of_date: fields.out_of_date(&mapping),
    };
    (title.is_some() && region.is_some()).then_some(metadata)
}

/// The front matter as a YAML mapping (empty front matter is an empty one), or its error.
fn mapping_of(cx: &Context, parts: &Parts, diagnostics: &mut Vec<Diagnostic>) -> Option<Mapping> {
    match serde_yaml::from_str::<Value>(parts.yaml) {
        Ok(Value::Mapping(mapping)) => Some(mapping),
        Ok(Value::Null) => Some(Mapping::new()),
        Ok(_) => {
            diagnostics.push(
                Diagnostic::error(
                    cx.file,
                    Some(cx.file.line_span(1)),
                    t!("front-matter-not-keys"),
                )
                .with_help(t!("front-matter-not-keys.help")),
            );
            None
        }
        Err(err) => {
            diagnostics.push(yaml_error(cx, parts, &err));
            None
        }
    }
}

impl Fields<'_, '_> {
    /// A key that is not a word, or not one of `names`, is an error (with a suggestion).
    fn unknown_keys(&mut self, mapping: &Mapping, names: &[&str]) {
        for key in mapping.keys() {
            let Some(key) = key.as_str() else {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.cx.file,
                        Some(self.cx.file.line_span(1)),
                        t!("key-not-a-word", kind = describe(key)),
                    )
                    .with_help(t!("key-not-a-word.help")),
                );
                continue;
            };
            if !names.contains(&key) {
                let span = self.key_span(key);
                self.diagnostics
                    .push(unknown_key(self.cx, span, key, names, "none"));
            }
        }
    }

    /// The required keys, `title`, `region` and `lang`, each an error when missing (unless a
    /// misspelling of it was already reported) or not valid.
    fn required(
        &mut self,
        mapping: &Mapping,
        names: &[&str],
    ) -> (Option<String>, Option<String>, Option<String>) {
        let file = self.cx.file;
        let at = file.line_span(1);
        let absent = |key: &str| !mapping.contains_key(key) && !misspelled(mapping, key, names);
        let missing = |key: &str, example: &str| {
            Diagnostic::error(
                file,
                Some(at.clone()),
                t!("front-matter-missing-key", key = key),
            )
            .with_help(t!(
                "front-matter-missing-key.help",
                key = key,
                example = example
            ))
        };
        let title = self.text(mapping, "title");
        let region = self.text(mapping, "region");
        if title.is_none() && absent("title") {
            self.diagnostics
                .push(missing("title", &t!("example-title")));
        }
        if region.is_none() && absent("region") {
            let example = self
                .cx
                .project
                .regions()
                .iter()
                .find(|r| *r != BASE_REGION)
                .cloned()
                .unwrap_or_else(|| BASE_REGION.to_string());
            self.diagnostics.push(missing("region", &example));
        }
        if let Some(region) = &region {
            self.check_region(region);
        }
        let lang = self.text(mapping, "lang");
        if lang.is_none() && absent("lang") {
            self.diagnostics.push(
                Diagnostic::error(
                    file,
                    Some(at.clone()),
                    t!("front-matter-missing-key", key = "lang"),
                )
                .with_help(t!("front-matter-missing-lang.help")),
            );
        }
        if let Some(lang) = &lang
            && !is_language_tag(lang)
        {
            let span = self.value_span("lang");
            self.diagnostics.push(
                Diagnostic::error(
                    file,
                    Some(span),
                    t!("not-a-language-tag", tag = lang.as_str()),
                )
                .with_help(t!("not-a-language-tag.help")),
            );
        }
        (title, region, lang)
    }

    /// `date`, an error unless it is a real day written YYYY-MM-DD.
    fn date(&mut self, mapping: &Mapping) -> Option<String> {
        let date = self.text(mapping, "date");
        if let Some(date) = &date
            && !is_iso_date(date)
        {
            let span = self.value_span("date");
            self.diagnostics.push(
                Diagnostic::error(
                    self.cx.file,
                    Some(span),
                    t!("not-a-date", date = date.as_str()),
                )
                .with_help(t!("not-a-date.help")),
            );
        }
        date
    }
}

/// The value without the label the templates print before it: campaign staff often write
/// `publisher: "Ansvarig utgivare: Anna Andersson"`, which would print the label twice.
fn without_label(value: String, label: &str) -> String {
    let rest = value
        .get(..label.len())
        .filter(|start| start.eq_ignore_ascii_case(label))
        .and_then(|_| value[label.len()..].trim_start().strip_prefix(':'))
        .map(str::trim);
    match rest {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => value,
    }
}

struct Fields<'a, 'c> {
    cx: &'a Context<'c>,
    parts: &'a Parts<'a>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Fields<'_, '_> {
    /// Where a top-level `key:` is written. Keys of a block mapping start their line; for other
    /// YAML styles we fall back to the opening `---`.
    fn key_span(&self, key: &str) -> Range<usize> {
        self.nested_key_span(key, 0)
            .unwrap_or_else(|| self.cx.file.line_span(1))
    }

    /// Where `key:` is written with `indent` spaces before it.
    fn nested_key_span(&self, key: &str, indent: usize) -> Option<Range<usize>> {
        let mut offset = self.cx.file.offset(self.parts.yaml_line, 1);
        for line in self.parts.yaml.split_inclusive('\n') {
            let rest = line.strip_prefix(&" ".repeat(indent)).unwrap_or("");
            let unquoted = rest.trim_start_matches(['"', '\'']);
            let quote = rest.len() - unquoted.len();
            if !rest.starts_with(' ')
                && unquoted.starts_with(key)
                && unquoted[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .starts_with(':')
            {
                let start = offset + indent + quote;
                return Some(start..start + key.len());
            }
            offset += line.len();
        }
        None
    }

    /// Where the value of a top-level key is written (the rest of its line).
    fn value_span(&self, key: &str) -> Range<usize> {
        let key_span = self.key_span(key);
        let line_end = self.cx.file.text[key_span.end..]
            .find('\n')
            .map_or(self.cx.file.text.len(), |i| key_span.end + i);
        let after_colon = self.cx.file.text[key_span.end..line_end]
            .find(':')
            .map_or(key_span.end, |i| key_span.end + i + 1);
        let value = &self.cx.file.text[after_colon..line_end];
        let start = after_colon + (value.len() - value.trim_start().len());
        if start < line_end {
            start..line_end
        } else {
            key_span
        }
    }

    /// A text value: strings and numbers are accepted (a YAML `2022` is the text "2022"); an
    /// empty value counts as absent.
    fn text(&mut self, mapping: &Mapping, key: &str) -> Option<String> {
        let value = mapping.get(key)?;
        let text = match value {
            Value::Null => return self.required_but_empty(key),
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            other => {
                let span = self.value_span(key);
                self.diagnostics.push(
                    Diagnostic::error(
                        self.cx.file,
                        Some(span),
                        t!("value-not-text", key = key, kind = describe(other)),
                    )
                    .with_help(t!("value-not-text.help", key = key)),
                );
                return None;
            }
        };
        if text.is_empty() {
            return self.required_but_empty(key);
        }
        Some(text)
    }

    fn required_but_empty(&mut self, key: &str) -> Option<String> {
        if matches!(key, "title" | "region") {
            let span = self.key_span(key);
            self.diagnostics.push(
                Diagnostic::error(self.cx.file, Some(span), t!("value-empty", key = key))
                    .with_help(t!("value-empty.help", key = key)),
            );
        }
        None
    }

    fn check_region(&mut self, region: &str) {
        let regions = self.cx.project.regions();
        if regions.contains(region) && is_valid_name(region) {
            self.check_region_folder(region);
            return;
        }
        let span = self.value_span("region");
        let names: Vec<&str> = regions.iter().map(String::as_str).collect();
        let regions = names.join(", ");
        let help = match closest(region, &names) {
            Some(close) => t!(
                "no-such-region.help-close",
                close = close,
                regions = regions
            ),
            None => t!("no-such-region.help", regions = regions),
        };
        self.diagnostics.push(
            Diagnostic::error(
                self.cx.file,
                Some(span),
                t!("no-such-region", region = region),
            )
            .with_help(help),
        );
    }

    /// A programme in a region's folder (`programmes/gotland/…`) is that region's: a `region:`
    /// that names another would silently take another region's look and go to its folder in
    /// `out/`. The folder is the truth; a file outside the region folders names its own.
    fn check_region_folder(&mut self, region: &str) {
        let relative = self.cx.project.relative(self.cx.path);
        let mut parts = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy());
        let folder = match (parts.next(), parts.next(), parts.next()) {
            (Some(top), Some(folder), Some(_)) if top == crate::project::PROGRAMMES_DIR => {
                folder.into_owned()
            }
            _ => return,
        };
        if folder == region || !self.cx.project.regions().contains(&folder) {
            return;
        }
        let span = self.value_span("region");
        self.diagnostics.push(
            Diagnostic::error(
                self.cx.file,
                Some(span),
                t!(
                    "region-not-folder",
                    region = region,
                    folder = folder.as_str()
                ),
            )
            .with_help(t!(
                "region-not-folder.help",
                region = region,
                folder = folder.as_str()
            )),
        );
    }

    /// The indentation of the first key under the top-level `key:`.
    fn block_indent(&self, key: &str) -> usize {
        let mut lines = self
            .parts
            .yaml
            .lines()
            .skip_while(|line| !line.starts_with(key));
        lines.next();
        lines
            .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .map_or(2, |line| line.len() - line.trim_start().len())
    }
}

fn yaml_error(cx: &Context, parts: &Parts, err: &serde_yaml::Error) -> Diagnostic {
    let file = cx.file;
    // Whole-file position from a YAML line and column (both 1-based).
    let at = |line: usize, column: usize| {
        file.char_span(file.offset(parts.yaml_line + line - 1, column))
    };
    let full = err.to_string();
    // serde's own "at line N column M" is relative to the YAML: the reporter shows whole-file
    // positions instead.
    let message = full.split(" at line ").next().unwrap_or(&full);
    let error = |span: Option<Range<usize>>, message: &str, help: &str| {
        Diagnostic::error(file, span, t!("front-matter-not-yaml", message = message))
            .with_help(help)
    };
    if let Some(key) = message.strip_prefix("duplicate entry with key ") {
        let key = key.trim_matches('"');
        let span = top_level_key_lines(parts.yaml, key)
            .get(1)
            .map(|&line| at(line, 1))
            .or_else(|| err.location().map(|l| at(l.line(), l.column())));
        return error(
            span,
            &t!("yaml-duplicate-key", key = key),
            &t!("yaml-duplicate-key.help"),
        );
    }
    if let Some(position) = full.split("while scanning a quoted scalar at line ").nth(1) {
        let mut numbers = position
            .split(" column ")
            .map(|n| n.trim().parse::<usize>().unwrap_or(1));
        let (line, column) = (numbers.next().unwrap_or(1), numbers.next().unwrap_or(1));
        return error(
            Some(at(line, column)),
            &t!("yaml-unclosed-quote"),
            &t!("yaml-unclosed-quote.help"),
        );
    }
    let span = err.location().map(|l| at(l.line(), l.column()));
    let at_tab = span
        .as_ref()
        .is_some_and(|s| file.text[s.clone()].starts_with('\t'));
    if at_tab {
        return error(span, &t!("yaml-tab"), &t!("yaml-tab.help"));
    }
    let help = if message.contains("mapping values are not allowed") {
        t!("yaml-colon.help")
    } else {
        t!("yaml-other.help")
    };
    error(span, message, &help)
}

/// The 1-based YAML lines on which top-level `key:` is written.
fn top_level_key_lines(yaml: &str, key: &str) -> Vec<usize> {
    yaml.lines()
        .enumerate()
        .filter(|(_, line)| {
            let unquoted = line.trim_start_matches(['"', '\'']);
            !line.starts_with(' ')
                && unquoted
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start_matches(['"', '\'']).starts_with(':'))
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// Whether an unknown key of `mapping` looks like a misspelling of `key` (then that key's own
/// "missing" error would only repeat the unknown-key error).
fn misspelled(mapping: &Mapping, key: &str, known: &[&str]) -> bool {
    mapping
        .keys()
        .filter_map(Value::as_str)
        .any(|k| !known.contains(&k) && closest(k, known) == Some(key))
}

fn unknown_key(
    cx: &Context,
    span: Range<usize>,
    key: &str,
    known: &[&str],
    place: &str,
) -> Diagnostic {
    let help = match closest(key, known) {
        Some(close) => t!("did-you-mean", name = close),
        None => t!("unknown-key.help", keys = known.join(", ")),
    };
    Diagnostic::error(
        cx.file,
        Some(span),
        t!("unknown-key", key = key, place = place),
    )
    .with_help(help)
}

/// The known name closest to `word`: by the Swedish and English aliases first, then by spelling.
pub(crate) fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    if let Some((_, target)) = ALIASES.iter().find(|(alias, _)| *alias == lower)
        && let Some(found) = known.iter().find(|k| *k == target)
    {
        return Some(found);
    }
    crate::diagnostics::closest(&lower, known)
}

/// What kind of value a YAML value is, in words (the `$kind` of the messages that name it).
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "yes-no",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Sequence(_) => "list",
        Value::Mapping(_) => "keys",
        Value::Tagged(_) => "tagged",
    }
}

/// A well-formed BCP 47 tag: a 2–3 letter language, then subtags of 1–8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `YYYY-MM-DD`, a real calendar day.
fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: Range<usize>| date[range].parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_publisher_written_with_its_label_gets_it_once() {
        use super::without_label;
        let label = "Ansvarig utgivare";
        assert_eq!(
            without_label("Ansvarig utgivare: Anna Andersson".into(), label),
            "Anna Andersson"
        );
        assert_eq!(
            without_label("ansvarig utgivare :Anna".into(), label),
            "Anna"
        );
        assert_eq!(
            without_label("Anna Andersson".into(), label),
            "Anna Andersson"
        );
        // Nothing after the label: kept as written.
        assert_eq!(
            without_label("Ansvarig utgivare:".into(), label),
            "Ansvarig utgivare:"
        );
        assert_eq!(without_label("Ansvarig".into(), label), "Ansvarig");
    }

    use super::*;

    #[test]
    fn dates_must_be_real_days() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("tomorrow"));
        assert!(!is_iso_date("2022-13-01"));
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("sv"));
        assert!(is_language_tag("se-Latn-SE"));
        assert!(is_language_tag("fit"));
        assert!(!is_language_tag("svenska"));
        assert!(!is_language_tag("s"));
    }

    #[test]
    fn suggestions_know_swedish_key_names() {
        let keys: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
        assert_eq!(closest("titel", &keys), Some("title"));
        assert_eq!(closest("Språk", &keys), Some("lang"));
        assert_eq!(closest("subtitel", &keys), Some("subtitle"));
        assert_eq!(closest("zzzz", &keys), None);
    }
}
