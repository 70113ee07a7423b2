//! What the templates' `literal()` (`layouts/base/inlines.typ`) looks for in a text run, found
//! here once per document instead of by Typst in every run of every compile: Typst hands a
//! regular expression to each call as a copy that builds its matcher again, and that was a
//! tenth of a leaflet's layout. Each `text` inline of the data gets `keep`, the byte ranges of
//! the words kept whole on a line (a written hyphen), and `long`, whether it holds a run of 40
//! or more characters without a space (which gets break opportunities). The patterns are the
//! template's, matched by the same engine, so the template draws the same text; a template
//! that does not read these fields searches itself.
//!
//! The same pass measures what `keep-together` of `inlines.typ` weighs: a paragraph's
//! `length`, a list item's `length` (its paragraphs', 1 000 for any other block) and a pledge
//! list's `lead_in_length`, in bytes of the text as `plain()` makes it — counted in Typst,
//! every paragraph's inlines were walked and copied twice more in every compile.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Value, json};

use super::quotes::is_inline_run;

/// `hyphenated` of `inlines.typ`.
static HYPHENATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+-\S+|\w+- \w+").expect("a valid pattern"));
/// `long-run` of `inlines.typ`.
static LONG_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S{40,}").expect("a valid pattern"));

/// The most characters without a break opportunity across several inlines (`*_*_…` is a
/// run of one-letter emphases): past it, zero-width spaces are put in every [`BREAK_EVERY`]
/// characters, as `breakable` of `inlines.typ` does inside one text run.
const LONGEST_RUN: usize = 40;
const BREAK_EVERY: usize = 25;

/// Puts break opportunities into runs without a space that span several inlines and are
/// [`LONGEST_RUN`] characters or more: no text runs off the page edge, whatever its markup. A
/// run inside one text inline is the template's to break (its `long`).
pub fn break_long_runs(value: &mut Value) {
    match value {
        Value::Array(items) if is_inline_run(items) => {
            let mut leaves = Vec::new();
            collect_leaves(items, &mut leaves);
            let breaks = break_points(&leaves);
            if breaks.iter().any(|b| !b.is_empty()) {
                let mut breaks = breaks.into_iter();
                apply_breaks(items, &mut breaks);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(break_long_runs),
        // Preformatted text keeps its lines, and gets break points only in a long run.
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("preformatted") => {
            if let Some(Value::String(text)) = map.get_mut("text") {
                let after = break_points_within(text);
                if !after.is_empty() {
                    *text = with_breaks(text, &after);
                }
            }
        }
        Value::Object(map) => map.values_mut().for_each(break_long_runs),
        _ => {}
    }
}

/// The char offsets after which a break opportunity goes in the long runs of one text.
fn break_points_within(text: &str) -> Vec<usize> {
    let spaces: Vec<bool> = text.chars().map(char::is_whitespace).collect();
    let mut out = Vec::new();
    let mut start = 0;
    for run in spaces.split(|space| *space) {
        if run.len() >= LONGEST_RUN {
            out.extend((start + BREAK_EVERY - 1..start + run.len()).step_by(BREAK_EVERY));
        }
        start += run.len() + 1;
    }
    out
}

/// `text` with a zero-width space after each char offset of `after` (in ascending order).
fn with_breaks(text: &str, after: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + 3 * after.len());
    let mut after = after.iter().peekable();
    for (at, c) in text.chars().enumerate() {
        out.push(c);
        if after.next_if(|&&next| next == at).is_some() {
            out.push('\u{200B}');
        }
    }
    out
}

/// The texts of a run of inlines in reading order (a line break as a space).
fn collect_leaves(items: &[Value], out: &mut Vec<String>) {
    for item in items {
        match item.get("type").and_then(Value::as_str) {
            Some("text" | "code") => out.push(item["text"].as_str().unwrap_or("").to_string()),
            Some("line-break") => out.push(" ".to_string()),
            _ => {
                if let Some(Value::Array(content)) = item.get("content") {
                    collect_leaves(content, out);
                }
            }
        }
    }
}

/// For each leaf, the char offsets after which a break opportunity goes: in runs that cross a
/// leaf's edge and are long.
fn break_points(leaves: &[String]) -> Vec<Vec<usize>> {
    // Each char as (leaf, offset, is_space).
    let chars: Vec<(usize, usize, bool)> = leaves
        .iter()
        .enumerate()
        .flat_map(|(leaf, text)| {
            text.chars()
                .enumerate()
                .map(move |(at, c)| (leaf, at, c.is_whitespace() || c == '\u{200B}'))
        })
        .collect();
    let mut breaks = vec![Vec::new(); leaves.len()];
    for run in chars.split(|(_, _, space)| *space) {
        let crosses = run.first().map(|c| c.0) != run.last().map(|c| c.0);
        if !crosses || run.len() < LONGEST_RUN {
            continue;
        }
        for (i, (leaf, at, _)) in run.iter().enumerate() {
            if (i + 1) % BREAK_EVERY == 0 && i + 1 < run.len() {
                breaks[*leaf].push(*at);
            }
        }
    }
    breaks
}

fn apply_breaks(items: &mut [Value], breaks: &mut std::vec::IntoIter<Vec<usize>>) {
    for item in items {
        match item.get("type").and_then(Value::as_str) {
            Some("text") => {
                let after = breaks.next().unwrap_or_default();
                if let Some(Value::String(text)) = item.get_mut("text")
                    && !after.is_empty()
                {
                    *text = with_breaks(text, &after);
                }
            }
            Some("code" | "line-break") => {
                breaks.next();
            }
            _ => {
                if let Some(Value::Array(content)) = item.get_mut("content") {
                    apply_breaks(content, breaks);
                }
            }
        }
    }
}

/// Adds `keep` and `long` to every `text` inline of a template's data, and the lengths
/// `keep-together` weighs to paragraphs, list items and pledge lists.
pub fn annotate(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let kind = map.get("type").and_then(Value::as_str).map(str::to_owned);
            match kind.as_deref() {
                Some("paragraph") => {
                    let length = map.get("content").map_or(0, plain_length);
                    map.insert("length".into(), json!(length));
                }
                Some(list @ ("list" | "pledge-list")) => {
                    if list == "pledge-list" {
                        let length = map.get("lead_in").map_or(0, plain_length);
                        map.insert("lead_in_length".into(), json!(length));
                    }
                    // Each item: its paragraphs' lengths, 1 000 for any other block.
                    let items = map.get_mut("items").and_then(Value::as_array_mut);
                    for item in items.into_iter().flatten() {
                        let Some(item) = item.as_object_mut() else {
                            continue;
                        };
                        let length: usize = item
                            .get("blocks")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .map(|block| block.get("content").map_or(1000, plain_length))
                            .sum();
                        item.insert("length".into(), json!(length));
                    }
                }
                _ => {}
            }
            if kind.as_deref() == Some("text")
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

/// The length in bytes of inlines as text, as `plain()` of `inlines.typ` makes it: text and
/// code as written, a line break a space, what an emphasis, link or other span holds.
fn plain_length(inlines: &Value) -> usize {
    let Some(items) = inlines.as_array() else {
        return 0;
    };
    items
        .iter()
        .map(|item| match item.get("type").and_then(Value::as_str) {
            Some("text" | "code") => item.get("text").and_then(Value::as_str).map_or(0, str::len),
            Some("line-break") => 1,
            _ => item.get("content").map_or(0, plain_length),
        })
        .sum()
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

    #[test]
    fn measures_paragraphs_items_and_lead_ins_as_plain_text() {
        let mut value = json!({"type": "pledge-list",
            "lead_in": [{"type": "text", "text": "Vi vill:"}],
            "items": [{"blocks": [
                {"type": "paragraph", "content": [
                    {"type": "text", "text": "att "},
                    {"type": "strong", "content": [{"type": "text", "text": "öka"}]},
                    {"type": "line-break"},
                    {"type": "code", "text": "x"},
                    {"type": "link", "url": "https://example.se", "content": [{"type": "text", "text": "här"}]},
                ]},
                {"type": "list", "items": []},
            ]}],
        });
        annotate(&mut value);
        assert_eq!(value["lead_in_length"], json!(8));
        // "att " 4, "öka" 4 (ö takes two bytes), a space, "x", "här" 4.
        assert_eq!(value["items"][0]["blocks"][0]["length"], json!(14));
        // Another block than a paragraph weighs 1 000.
        assert_eq!(value["items"][0]["length"], json!(1014));
    }

    #[test]
    fn a_run_of_one_letter_emphases_gets_break_points() {
        let run: Vec<Value> = (0..60)
            .map(|i| json!({"type": "emphasis", "content": [{"type": "text", "text": if i % 2 == 0 { "_" } else { "*" }}]}))
            .collect();
        let mut value = json!({"content": [{"type": "text", "text": "Text "}]});
        value["content"].as_array_mut().unwrap().extend(run);
        break_long_runs(&mut value);
        let texts: String = value["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| {
                item.get("text")
                    .or_else(|| item["content"][0].get("text"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert_eq!(texts.matches('\u{200B}').count(), 2, "{texts:?}");
        // A long word in one text inline is the template's to break, and a short run is left.
        let mut one = json!([{"type": "text", "text": "x".repeat(60) + " och"}, {"type": "emphasis", "content": [{"type": "text", "text": "ord"}]}]);
        break_long_runs(&mut one);
        assert!(!one.to_string().contains('\u{200B}'));
    }
}
