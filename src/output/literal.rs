//! What the templates' `literal()` (`layouts/base/inlines.typ`) looks for in a text run, found
//! here once per document instead of by Typst in every run of every compile: Typst hands a
//! regular expression to each call as a copy that builds its matcher again, and that was a
//! tenth of a leaflet's layout. Each `text` inline of the data gets `keep`, the byte ranges of
//! the words kept whole on a line (a written hyphen), and `long`, whether it holds a run of 40
//! or more characters without a space (which gets break opportunities). The patterns are the
//! template's, matched by the same engine, so the template draws the same text; a template
//! that does not read these fields searches itself.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Value, json};

/// `hyphenated` of `inlines.typ`.
static HYPHENATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+-\S+|\w+- \w+").expect("a valid pattern"));
/// `long-run` of `inlines.typ`.
static LONG_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S{40,}").expect("a valid pattern"));

/// Adds `keep` and `long` to every `text` inline of a template's data.
pub fn annotate(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("text")
                && let Some(Value::String(text)) = map.get("text")
            {
                let keep: Vec<Value> = if text.contains('-') {
                    HYPHENATED
                        .find_iter(text)
                        .map(|m| json!([m.start(), m.end()]))
                        .collect()
                } else {
                    Vec::new()
                };
                let long = LONG_RUN.is_match(text);
                map.insert("keep".into(), Value::Array(keep));
                map.insert("long".into(), Value::Bool(long));
                return;
            }
            map.values_mut().for_each(annotate);
        }
        Value::Array(items) => items.iter_mut().for_each(annotate),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_template_would() {
        let mut value = json!([
            {"type": "text", "text": "hälso- och sjukvård, Covid-19-pandemin och mer"},
            {"type": "text", "text": "utan bindestreck"},
            {"type": "emphasis", "content": [{"type": "text", "text": "https://example.se/en/mycket/lang/adress/som/inte/bryts"}]},
            {"type": "code", "text": "a-b"},
            {"type": "text", "text": "för HBTQ+-personers rätt"},
        ]);
        annotate(&mut value);
        assert_eq!(value[0]["keep"], json!([[0, 11], [23, 40]]));
        assert_eq!(value[0]["long"], json!(false));
        assert_eq!(value[1]["keep"], json!([]));
        assert_eq!(value[2]["content"][0]["long"], json!(true));
        assert!(value[3].get("keep").is_none());
        // A hyphen after a sign, not a letter, is a written hyphen too.
        assert_eq!(value[4]["keep"], json!([[5, 20]]));
    }
}
