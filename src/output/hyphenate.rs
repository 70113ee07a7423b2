//! Hyphenation a reader accepts: trycksak chooses where a word may break, not Typst, so that no
//! fragment before or after a break is shorter than three letters (Swedish typographic
//! practice; Typst's patterns allow two: "hyrläka-/re."). The break points come from the same
//! patterns Typst uses (`hypher`), with our minimum, and reach the templates as soft hyphens in
//! the text; the templates turn Typst's own hyphenation off.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::Value;

/// The fewest letters before or after a hyphenation break.
pub const MIN_FRAGMENT: usize = 3;

/// The hyphenation patterns for a BCP 47 tag, if there are any.
pub fn language(tag: &str) -> Option<hypher::Lang> {
    let primary = tag.split('-').next()?.to_ascii_lowercase();
    hypher::Lang::from_iso(primary.as_bytes().try_into().ok()?)
}

/// `text` with a soft hyphen at every break point that leaves at least [`MIN_FRAGMENT`]
/// letters on each side.
pub fn text(text: &str, lang: hypher::Lang) -> String {
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

fn word(word: &str, lang: hypher::Lang, out: &mut String) {
    if word.chars().count() < 2 * MIN_FRAGMENT {
        out.push_str(word);
        return;
    }
    let mut first = true;
    for syllable in hypher::hyphenate_bounded(word, lang, MIN_FRAGMENT, MIN_FRAGMENT) {
        if !first {
            out.push('\u{ad}');
        }
        out.push_str(syllable);
        first = false;
    }
}

/// The break points already found in a programme's texts: its documents, and each setting a
/// fit search tries, share most of their text, and finding them is a good part of a compile.
#[derive(Default)]
pub struct Cache(Mutex<HashMap<String, String>>);

/// Puts the break points into the running text of a template's data: every `text` inline
/// outside headings, titles, the front matter and links (those are never hyphenated).
pub fn data(value: &mut Value, lang: hypher::Lang, cache: &Cache) {
    let mut known = cache.0.lock().unwrap_or_else(|e| e.into_inner());
    walk(value, lang, &mut known);
}

fn walk(value: &mut Value, lang: hypher::Lang, known: &mut HashMap<String, String>) {
    match value {
        // A link's text is often its address, which never hyphenates.
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("link") => {}
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
                    (_, inner) => walk(inner, lang, known),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| walk(item, lang, known)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_fragment_is_shorter_than_three_letters() {
        let sv = language("sv").unwrap();
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
        assert_eq!(language("xx"), None);
        assert_eq!(language("sv-FI"), Some(sv));
    }
}
