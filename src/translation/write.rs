//! Writing translations: starting one from its original, bringing one up to date with it, and
//! filling one in from translated texts (a PO file's). Each returns the translation's text and
//! its record; the command writes them.

use super::record::{Entry, Record, fingerprint};
use super::sync::{Change, compare};
use super::units::{Kind, Unit, replace, units, written};

/// A translation written, with its record and what was done, for the command to report.
#[derive(Debug)]
pub struct Written {
    pub text: String,
    pub record: Record,
    /// The original's units added to the translation (in the original's language, to
    /// translate), by the original's line.
    pub added: Vec<usize>,
    /// The units still out of date (edited in the original, or removed from it), by the
    /// translation's line: left for the translator.
    pub left: Vec<usize>,
}

/// The `lang:` line of a front matter set to `lang`.
fn with_lang(text: &str, lang: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_front = false;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if index == 0 && bare == "---" {
            in_front = true;
        } else if in_front && (bare == "---" || bare == "...") {
            in_front = false;
        } else if in_front && (bare.starts_with("lang:") || bare.starts_with("språk:")) {
            let ending = &line[bare.len()..];
            out.push_str(&format!("lang: {lang}{ending}"));
            continue;
        }
        out.push_str(line);
    }
    out
}

/// A translation of `original_text` into `lang`, begun: the original's text as it is, to be
/// translated in place, its language `lang`; every unit recorded as made for the original's
/// text now.
pub fn start(original_path: &str, original_text: &str, lang: &str) -> Written {
    let text = with_lang(original_text, lang);
    let record = Record {
        original: original_path.to_string(),
        units: units(&text)
            .iter()
            .map(|unit| Entry {
                kind: unit.kind.name(),
                original: unit.text.clone(),
                translation: fingerprint(&unit.text),
            })
            .collect(),
    };
    Written {
        text,
        record,
        added: Vec::new(),
        left: Vec::new(),
    }
}

/// `translation_text` brought up to date with `original_text`: each unit the original gained
/// (or the translation lacks) inserted where it belongs, in the original's language and marked
/// in the record as untranslated; every translated unit kept as it is, out-of-date ones
/// included (a translator revises those).
pub fn update(
    original_path: &str,
    original_text: &str,
    translation_text: &str,
    record: Option<&Record>,
) -> Written {
    let original = units(original_text);
    let translation = units(translation_text);
    let comparison = compare(original_path, &original, &translation, record);
    let original_lines: Vec<&str> = original_text.split_inclusive('\n').collect();
    let translation_lines: Vec<&str> = translation_text.split_inclusive('\n').collect();
    // Insertions after a translation line (0: after the front matter), in order.
    let mut insertions: Vec<(usize, String, Entry)> = Vec::new();
    let mut added = Vec::new();
    let mut left = Vec::new();
    let body_start = body_line(translation_text);
    for change in &comparison.changes {
        match change {
            Change::Added { original: o, after } | Change::Missing { original: o, after } => {
                let unit = &original[*o];
                if unit.kind.in_front_matter() {
                    continue;
                }
                let anchor = after.map(|t| &translation[t]);
                let at = anchor.map_or(body_start, |a| a.lines.end - 1);
                let block: String = original_lines
                    [unit.lines.start - 1..(unit.lines.end - 1).min(original_lines.len())]
                    .concat();
                let tight = unit.kind == Kind::Item && anchor.is_some_and(|a| a.kind == Kind::Item);
                let block = if tight { block } else { format!("\n{block}") };
                insertions.push((
                    at,
                    block,
                    Entry {
                        kind: unit.kind.name(),
                        original: unit.text.clone(),
                        translation: fingerprint(&unit.text),
                    },
                ));
                added.push(unit.line);
            }
            Change::Edited { translation: t, .. } | Change::Removed { translation: t, .. } => {
                left.push(translation[*t].line)
            }
            _ => {}
        }
    }
    // The text: the translation's lines with the insertions after theirs.
    let mut text = String::with_capacity(translation_text.len() + 256);
    let insert_after = |line: usize, text: &mut String| {
        for (at, block, _) in &insertions {
            if *at == line {
                if !text.ends_with('\n') && !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(block);
                if !block.ends_with('\n') {
                    text.push('\n');
                }
            }
        }
    };
    for (index, line) in translation_lines.iter().enumerate() {
        text.push_str(line);
        insert_after(index + 1, &mut text);
    }
    if translation_lines.is_empty() {
        insert_after(0, &mut text);
    }
    // The record: the translation's entries, with the inserted units' where they now stand.
    let mut entries_by_line: Vec<(usize, usize, Entry)> = comparison
        .entries
        .iter()
        .map(|(t, entry)| (translation[*t].lines.end - 1, 0, entry.clone()))
        .collect();
    for (order, (at, _, entry)) in insertions.iter().enumerate() {
        entries_by_line.push((*at, 1 + order, entry.clone()));
    }
    entries_by_line.sort_by_key(|(line, order, _)| (*line, *order));
    Written {
        text,
        record: Record {
            original: original_path.to_string(),
            units: entries_by_line.into_iter().map(|(_, _, e)| e).collect(),
        },
        added,
        left,
    }
}

/// The 1-based line a source's front matter ends on (its closing `---`), 0 without one.
fn body_line(text: &str) -> usize {
    let mut lines = text.split('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return 0;
    }
    (2..)
        .zip(lines)
        .find(|(_, line)| matches!(line.trim_end(), "---" | "..."))
        .map_or(0, |(number, _)| number)
}

/// What a translated unit says: its text, and whether it was made for an older text of the
/// original (`previous`, a PO file's fuzzy entry) than the original's now.
#[derive(Debug, Clone)]
pub struct Translated {
    pub text: String,
    pub previous: Option<String>,
}

/// A translation of `original_text` into `lang` filled in from `translated` (one per unit of
/// the original, `None` where there is no translation: the original's text stays, to be
/// translated).
pub fn fill(
    original_path: &str,
    original_text: &str,
    lang: &str,
    translated: &[Option<Translated>],
) -> Written {
    let original = units(original_text);
    let mut replacements = Vec::new();
    let mut entries = Vec::new();
    for (unit, translated) in original.iter().zip(translated) {
        let (text, made_for) = match translated {
            Some(t) if !t.text.trim().is_empty() => (
                t.text.clone(),
                t.previous.clone().unwrap_or_else(|| unit.text.clone()),
            ),
            _ => (unit.text.clone(), unit.text.clone()),
        };
        replacements.push((unit.span.clone(), written(unit, &text)));
        entries.push(Entry {
            kind: unit.kind.name(),
            original: made_for,
            translation: fingerprint(&text),
        });
    }
    let text = with_lang(&replace(original_text, replacements), lang);
    Written {
        text,
        record: Record {
            original: original_path.to_string(),
            units: entries,
        },
        added: Vec::new(),
        left: Vec::new(),
    }
}

/// The units of a text, for the commands.
pub fn units_of(text: &str) -> Vec<Unit> {
    units(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "---\ntitle: Program\nregion: demo\nlang: sv\n---\n\nVi vill göra länet bättre för alla.\n\n## Vård\n\nVården ska finnas nära alla.\n\n- Fler läkare i hela länet.\n- Kortare köer till vården.\n";

    #[test]
    fn update_adds_a_new_pledge_after_its_neighbour_and_keeps_the_translation() {
        let started = start("o.md", ORIGINAL, "fi");
        assert!(started.text.contains("lang: fi\n"));
        let translated = started
            .text
            .replace(
                "Vi vill göra länet bättre för alla.",
                "Haluamme parantaa lääniä kaikille.",
            )
            .replace(
                "Fler läkare i hela länet.",
                "Lisää lääkäreitä koko lääniin.",
            );
        let original = ORIGINAL.replace(
            "- Kortare köer till vården.\n",
            "- Kortare köer till vården.\n- Ett nytt sjukhus i inlandet.\n",
        );
        let updated = update("o.md", &original, &translated, Some(&started.record));
        assert!(
            updated.text.ends_with(
                "- Lisää lääkäreitä koko lääniin.\n- Kortare köer till vården.\n- Ett nytt sjukhus i inlandet.\n"
            ),
            "{}",
            updated.text
        );
        assert!(updated.text.contains("Haluamme parantaa lääniä kaikille."));
        assert_eq!(updated.added, [15]);
        // In step now, but for the untranslated units.
        let again = compare(
            "o.md",
            &units(&original),
            &units(&updated.text),
            Some(&updated.record),
        );
        assert!(
            again
                .changes
                .iter()
                .all(|c| matches!(c, Change::Untranslated { .. })),
            "{:?}",
            again.changes
        );
    }
}
