//! Hyphenation a reader accepts: trycksak chooses where a word may break, not Typst, so that no
//! fragment before or after a break is shorter than three letters (Swedish typographic
//! practice; Typst's patterns allow two: "hyrläka-/re."). The break points come from the same
//! patterns Typst uses (`hypher`), with our minimum, and reach the templates as soft hyphens in
//! the text; the templates turn Typst's own hyphenation off.
//!
//! Swedish compounds are split at their parts before the patterns see them ("gymnasie" +
//! "ungdomar", not "gymnasi-eungdomar"): the language file's `compound_parts`
//! (`layouts/base/i18n/<lang>.yaml`) are the first elements a compound may start with, and each
//! part is hyphenated on its own, the joint between them a break point.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::language::Languages;
use serde_json::Value;

/// The fewest letters before or after a hyphenation break.
pub const MIN_FRAGMENT: usize = 3;

/// How to hyphenate a language: its patterns and the first elements of its compounds.
#[derive(Clone, Copy)]
pub struct Hyphenation<'a> {
    pub patterns: hypher::Lang,
    pub compound_parts: &'a [String],
}

/// The hyphenation of a BCP 47 tag, if there are patterns for it, with the compounds of its
/// file in `languages`.
pub fn language<'a>(tag: &str, languages: &'a Languages) -> Option<Hyphenation<'a>> {
    let primary = crate::language::primary(tag);
    let patterns = hypher::Lang::from_iso(primary.as_bytes().try_into().ok()?)?;
    let compound_parts = languages.of(tag).map_or(&[][..], |l| &l.compound_parts[..]);
    Some(Hyphenation {
        patterns,
        compound_parts,
    })
}

/// `text` with a soft hyphen at every break point that leaves at least [`MIN_FRAGMENT`]
/// letters on each side.
pub fn text(text: &str, lang: Hyphenation<'_>) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word_start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphabetic(), word_start) {
            (true, None) => word_start = Some(at),
            (true, Some(_)) => {}
            (false, Some(start)) => {
                // Words joined by a written hyphen ("Covid-19-pandemin", "hälso- och") are
                // kept whole on one line by the templates: no break points in them.
                if c == '-' || text[..start].ends_with('-') {
                    out.push_str(&text[start..at]);
                } else {
                    word(&text[start..at], lang, &mut out);
                }
                word_start = None;
                if at < text.len() {
                    out.push(c);
                }
            }
            (false, None) => {
                if at < text.len() {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn word(word: &str, lang: Hyphenation<'_>, out: &mut String) {
    if word.chars().count() < 2 * MIN_FRAGMENT {
        out.push_str(word);
        return;
    }
    let mut first = true;
    for part in compound_parts(word, lang.compound_parts) {
        if !first {
            out.push('\u{ad}');
        }
        first = false;
        if part.chars().count() < 2 * MIN_FRAGMENT {
            out.push_str(part);
            continue;
        }
        let mut first_syllable = true;
        for syllable in hypher::hyphenate_bounded(part, lang.patterns, MIN_FRAGMENT, MIN_FRAGMENT) {
            if !first_syllable {
                out.push('\u{ad}');
            }
            out.push_str(syllable);
            first_syllable = false;
        }
    }
}

/// Endings a part may be followed by that make a word an inflected form, not a compound
/// ("region" + "erna"): a rest that starts with one must be longer to count as a second part.
const INFLECTED: &[&str] = &["er", "ar", "or", "en", "et", "ell", "isk", "al", "iv", "an"];

/// `word` split at the first elements it starts with (the longest known one, again and again),
/// each part of at least [`MIN_FRAGMENT`] letters; the rest must be five letters or more (seven
/// after an ending such as "-er" or "-ell"), so that "regionerna" stays one word.
fn compound_parts<'w>(word: &'w str, parts: &[String]) -> Vec<&'w str> {
    let mut out = Vec::new();
    let mut rest = word;
    let lower = word.to_lowercase();
    // Only where the lower-case word has the same byte offsets (a capital Å is two bytes, å too).
    if lower.len() != word.len() {
        return vec![word];
    }
    let mut at = 0;
    loop {
        let tail = &lower[at..];
        let found = parts
            .iter()
            .filter(|part| tail.starts_with(part.as_str()))
            .map(String::len)
            .filter(|&len| {
                let remainder = &tail[len..];
                let letters = remainder.chars().count();
                let inflected = INFLECTED.iter().any(|e| remainder.starts_with(e));
                tail[..len].chars().count() >= MIN_FRAGMENT
                    && letters >= if inflected { 7 } else { 5 }
            })
            .max();
        match found {
            Some(len) => {
                out.push(&rest[..len]);
                rest = &rest[len..];
                at += len;
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// The break points already found in a programme's texts: its documents, and each setting a
/// fit search tries, share most of their text, and finding them is a good part of a compile.
#[derive(Default)]
pub struct Cache(Mutex<HashMap<String, String>>);

/// Puts the break points into the running text of a template's data: every `text` inline
/// outside headings, titles, the front matter and links (those are never hyphenated).
/// Parts in another language take that language's patterns from `languages`.
pub fn data(value: &mut Value, lang: Hyphenation<'_>, languages: &Languages, cache: &Cache) {
    let mut known = cache.0.lock().unwrap_or_else(|e| e.into_inner());
    walk(value, lang, languages, &mut known);
}

fn walk(
    value: &mut Value,
    lang: Hyphenation<'_>,
    languages: &Languages,
    known: &mut HashMap<String, String>,
) {
    match value {
        // A link's text is often its address, which never hyphenates.
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("link") => {}
        // A part in another language: its own patterns, or none where it has none (Sámi).
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("lang") => {
            let own = map
                .get("lang")
                .and_then(Value::as_str)
                .and_then(|tag| language(tag, languages));
            if let Some(own) = own {
                for key in ["content", "blocks"] {
                    if let Some(inner) = map.get_mut(key) {
                        walk(inner, own, languages, known);
                    }
                }
            }
        }
        Value::Object(map) => {
            let is_text = map.get("type").and_then(Value::as_str) == Some("text");
            for (key, inner) in map.iter_mut() {
                match (key.as_str(), inner) {
                    ("heading" | "meta" | "layout" | "labels" | "print", _) => {}
                    ("text", Value::String(s)) if is_text => {
                        *s = known
                            .entry(std::mem::take(s))
                            .or_insert_with_key(|plain| text(plain, lang))
                            .clone();
                    }
                    (_, inner) => walk(inner, lang, languages, known),
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| walk(item, lang, languages, known)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::BUILT_IN;

    #[test]
    fn no_fragment_is_shorter_than_three_letters() {
        let sv = language("sv", &BUILT_IN).unwrap();
        let hyphenated = text("hyrläkare, orter och arbetsmarknadsutbildning.", sv);
        // A break leaves at least three letters of the word on each line.
        for word in hyphenated.split(|c: char| !c.is_alphabetic() && c != '\u{ad}') {
            for (at, _) in word.match_indices('\u{ad}') {
                let before = word[..at].chars().filter(|c| c.is_alphabetic()).count();
                let after = word[at..].chars().filter(|c| c.is_alphabetic()).count();
                assert!(before >= 3 && after >= 3, "{hyphenated}: {word}");
            }
        }
        assert!(hyphenated.contains('\u{ad}'), "{hyphenated}");
        assert_eq!(
            hyphenated.replace('\u{ad}', ""),
            "hyrläkare, orter och arbetsmarknadsutbildning."
        );
        assert_eq!(
            text("alkohol- och Covid-19-pandemin", sv),
            "alkohol- och Covid-19-pandemin"
        );
        assert!(language("xx", &BUILT_IN).is_none());
        assert!(language("sv-FI", &BUILT_IN).is_some_and(|l| l.patterns == sv.patterns));
    }

    #[test]
    fn a_part_in_another_language_takes_its_own_patterns_or_none() {
        let mut value = serde_json::json!([
            {"type": "text", "text": "arbetsmarknadsutbildning"},
            {"type": "lang", "lang": "se", "dir": "ltr", "content": [
                {"type": "text", "text": "dearvvašvuođabálvalusat"}
            ]},
            {"type": "lang", "lang": "fi", "dir": "ltr", "content": [
                {"type": "text", "text": "terveyspalvelut"}
            ]}
        ]);
        data(
            &mut value,
            language("sv", &BUILT_IN).unwrap(),
            &BUILT_IN,
            &Cache::default(),
        );
        assert!(value[0]["text"].as_str().unwrap().contains('\u{ad}'));
        // North Sámi has no patterns: its words are left whole, never broken as Swedish.
        assert_eq!(value[1]["content"][0]["text"], "dearvvašvuođabálvalusat");
        assert_eq!(
            value[2]["content"][0]["text"].as_str().unwrap(),
            text("terveyspalvelut", language("fi", &BUILT_IN).unwrap())
        );
    }
}
