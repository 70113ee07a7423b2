//! Quotation marks as the language writes them: a programme typed with straight quotes
//! (`"…"`, `'…'`) gets ”…” in Swedish, “…” in English, „…“ in German in its PDFs and HTML
//! version (the marks are the language file's `quotes`). The text version keeps what the author
//! typed. Whether a straight quote opens or closes is read from the character before it, across
//! the inlines of a paragraph (`"*Vård*"` closes after the emphasis).

use serde_json::Value;

use crate::language::Languages;

/// The types of the model's inlines, as serialised.
const INLINE_TYPES: &[&str] = &[
    "text",
    "emphasis",
    "strong",
    "strikethrough",
    "link",
    "code",
    "line-break",
    "lang",
];

/// Values of the data outside the programme's text, which keep their characters.
const NOT_TEXT: &[&str] = &[
    "layout",
    "labels",
    "print",
    "screen_colours",
    "colour_space",
    "kind",
    "source",
    "slug",
    "path",
    "url",
    "lang",
    "dir",
    "region",
    "date",
];

/// Front-matter and other plain string values that are the programme's words.
const TEXT_STRINGS: &[&str] = &["title", "subtitle", "summary", "alt", "party", "publisher"];

/// Replaces the straight quotes of every text in `value` (a template's or page's data) with the
/// marks of `lang` in `languages`; nothing for a language without a file.
pub fn data(value: &mut Value, lang: &str, languages: &Languages) {
    if let Some(language) = languages.of(lang) {
        walk(value, &language.quotes, languages);
    }
}

fn walk(value: &mut Value, marks: &[String; 4], languages: &Languages) {
    match value {
        // A block part in another language: its own marks.
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("lang") => {
            let own = map
                .get("lang")
                .and_then(Value::as_str)
                .and_then(|tag| languages.of(tag))
                .map(|language| language.quotes.clone());
            if let (Some(own), Some(blocks)) = (own, map.get_mut("blocks")) {
                walk(blocks, &own, languages);
            }
        }
        Value::Array(items) if is_inline_run(items) => run(items, marks, languages, &mut None),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| walk(item, marks, languages)),
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                match inner {
                    _ if NOT_TEXT.contains(&key.as_str()) => {}
                    Value::String(text) if TEXT_STRINGS.contains(&key.as_str()) => {
                        *text = smarten(text, marks, &mut None);
                    }
                    _ => walk(inner, marks, languages),
                }
            }
        }
        _ => {}
    }
}

/// Whether `items` is a run of inlines (a paragraph's or heading's content), not of blocks.
pub(super) fn is_inline_run(items: &[Value]) -> bool {
    !items.is_empty()
        && items.iter().all(|item| {
            item.get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| INLINE_TYPES.contains(&t))
                // A language part is inline when it holds inlines, a block when it holds blocks.
                && item.get("blocks").is_none()
        })
}

/// A run of inlines, `previous` the character before it.
fn run(
    items: &mut [Value],
    marks: &[String; 4],
    languages: &Languages,
    previous: &mut Option<char>,
) {
    for item in items {
        let Value::Object(map) = item else { continue };
        match map.get("type").and_then(Value::as_str) {
            Some("text") => {
                if let Some(Value::String(text)) = map.get_mut("text") {
                    *text = smarten(text, marks, previous);
                }
            }
            Some("code") => {
                // Code is printed as written; only its last character is context.
                if let Some(last) = map
                    .get("text")
                    .and_then(Value::as_str)
                    .and_then(|t| t.chars().last())
                {
                    *previous = Some(last);
                }
            }
            Some("line-break") => *previous = None,
            // A part in another language: that language's marks (none where it has no file).
            Some("lang") => {
                let own = map
                    .get("lang")
                    .and_then(Value::as_str)
                    .and_then(|tag| languages.of(tag))
                    .map(|language| language.quotes.clone());
                if let Some(own) = own {
                    if let Some(Value::Array(content)) = map.get_mut("content") {
                        run(content, &own, languages, previous);
                    } else if let Some(blocks) = map.get_mut("blocks") {
                        walk(blocks, &own, languages);
                    }
                }
            }
            _ => {
                if let Some(Value::Array(content)) = map.get_mut("content") {
                    run(content, marks, languages, previous);
                }
            }
        }
    }
}

/// `text` with its straight quotes replaced; `previous` is the character before it and becomes
/// its last.
pub fn smarten(text: &str, marks: &[String; 4], previous: &mut Option<char>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let opens = previous.is_none_or(|p| {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | '–' | '—' | '-' | '/')
                || marks.iter().any(|m| m.starts_with(p))
        });
        match c {
            '"' => out.push_str(&marks[if opens { 0 } else { 1 }]),
            '\'' => {
                let in_word = previous.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|n| n.is_alphanumeric());
                if in_word {
                    // An apostrophe ("Fredrik's", "geht's") is ’ in every language.
                    out.push('’');
                } else {
                    out.push_str(&marks[if opens { 2 } else { 3 }]);
                }
            }
            _ => out.push(c),
        }
        *previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(lang: &str) -> [String; 4] {
        crate::language::of(lang).unwrap().quotes.clone()
    }

    #[test]
    fn straight_quotes_become_the_language_s() {
        let sv = marks("sv");
        assert_eq!(
            smarten(r#"Ett "vårdkontrakt" nu"#, &sv, &mut None),
            "Ett ”vårdkontrakt” nu"
        );
        assert_eq!(
            smarten(r#""Ja", sa hon."#, &marks("en"), &mut None),
            "“Ja”, sa hon."
        );
        assert_eq!(
            smarten(r#"Er sagte "ja""#, &marks("de"), &mut None),
            "Er sagte „ja“"
        );
        assert_eq!(smarten("it's 'so'", &marks("en"), &mut None), "it’s ‘so’");
    }

    #[test]
    fn a_part_in_another_language_takes_its_marks() {
        let mut value = serde_json::json!({
            "content": [
                {"type": "text", "text": "Hon sa \"hej\" och "},
                {"type": "lang", "lang": "de", "dir": "ltr", "content": [
                    {"type": "text", "text": "er sagte \"ja\""}
                ]}
            ],
            "blocks": [
                {"type": "lang", "lang": "en", "dir": "ltr", "line": 3, "blocks": [
                    {"type": "paragraph", "line": 3, "content": [{"type": "text", "text": "\"Yes\""}]}
                ]}
            ]
        });
        data(&mut value, "sv", &crate::language::BUILT_IN);
        assert_eq!(value["content"][0]["text"], "Hon sa ”hej” och ");
        assert_eq!(value["content"][1]["content"][0]["text"], "er sagte „ja“");
        assert_eq!(
            value["blocks"][0]["blocks"][0]["content"][0]["text"],
            "“Yes”"
        );
    }

    #[test]
    fn a_quote_closes_after_emphasis_in_the_same_paragraph() {
        let mut value = serde_json::json!({
            "content": [
                {"type": "text", "text": "Vi säger \""},
                {"type": "emphasis", "content": [{"type": "text", "text": "nej"}]},
                {"type": "text", "text": "\" till det."},
                {"type": "link", "url": "https://x.se/\"", "content": [{"type": "text", "text": "sida"}]}
            ],
            "layout": {"name": "\"x\""}
        });
        data(&mut value, "sv", &crate::language::BUILT_IN);
        assert_eq!(value["content"][0]["text"], "Vi säger ”");
        assert_eq!(value["content"][2]["text"], "” till det.");
        assert_eq!(value["content"][3]["url"], "https://x.se/\"");
        assert_eq!(value["layout"]["name"], "\"x\"");
    }
}
