//! PO files for translation agencies and volunteers' tools (Poedit, Weblate, memoQ): one
//! message per unit of the original, as po4a makes them, read and written with `rspolib`.
//!
//! `msgctxt` names the section and the unit ("Vård — item 2"), a translator comment and the
//! reference give the original's line, `msgstr` is the translation's text where it has one, and
//! an out-of-date translation is `fuzzy` with the original's text it was made for as the
//! previous `msgid` (`#|`).

use std::collections::HashSet;

use rspolib::{FileOptions, POEntry, POFile};

use super::record::Record;
use super::sync::compare;
use super::units::{Kind, Unit, units};
use super::write::Translated;

/// The PO file of a translation of `original_text` (at `original_path`, in `source_lang`) into
/// `lang`: every unit of the original, with the translation's text where `translation` (its
/// text and record) has it.
pub fn export(
    original_path: &str,
    original_text: &str,
    source_lang: &str,
    lang: &str,
    translation: Option<(&str, Option<&Record>)>,
) -> String {
    let original = units(original_text);
    let (translation_units, comparison) = match translation {
        Some((text, record)) => {
            let translation_units = units(text);
            let comparison = compare(original_path, &original, &translation_units, record);
            (translation_units, Some(comparison))
        }
        None => (Vec::new(), None),
    };
    let mut file = POFile::new(FileOptions::default());
    file.header = Some(format!(
        "{original_path}: {source_lang} → {lang}, by trycksak.\nEach message is one part of the programme: its title, a heading, a paragraph, a list item\n(a pledge), a table or an image's alt text. Keep Markdown (**bold**, [links](…)) as it is."
    ));
    for (key, value) in [
        ("Project-Id-Version", original_path.to_string()),
        ("Language", lang.to_string()),
        ("MIME-Version", "1.0".to_string()),
        ("Content-Type", "text/plain; charset=UTF-8".to_string()),
        ("Content-Transfer-Encoding", "8bit".to_string()),
        ("X-Generator", "trycksak".to_string()),
        ("X-Source-Language", source_lang.to_string()),
    ] {
        file.metadata.insert(key.to_string(), value);
    }
    for (index, (unit, context)) in original.iter().zip(contexts(&original)).enumerate() {
        let mut entry = POEntry::new(0);
        entry.msgctxt = Some(context);
        entry.msgid = unit.text.clone();
        entry.comment = Some(describe(unit));
        entry.occurrences = vec![(original_path.to_string(), unit.line.to_string())];
        let mut msgstr = String::new();
        if let Some(comparison) = &comparison
            && let Some((t, in_step)) = comparison.translated[index]
        {
            msgstr = translation_units[t].text.clone();
            if !in_step {
                if msgstr == unit.text {
                    // Untranslated: the original's text is no translation.
                    msgstr.clear();
                } else {
                    entry.flags.push("fuzzy".to_string());
                    entry.previous_msgid = comparison
                        .entries
                        .iter()
                        .find(|(tt, _)| *tt == t)
                        .map(|(_, e)| e.original.clone());
                }
            }
        }
        entry.msgstr = Some(msgstr);
        file.entries.push(entry);
    }
    file.to_string()
}

/// A translator's note on a unit: what it is and how to keep it.
fn describe(unit: &Unit) -> String {
    let what = match unit.kind {
        Kind::Title => "The programme's title.",
        Kind::Subtitle => "The subtitle.",
        Kind::Party => "The party's name.",
        Kind::Lead => "The one-page summary's lead text.",
        Kind::Heading(_) => "A heading.",
        Kind::Paragraph => "A paragraph.",
        Kind::Item => "A list item (in a pledge list, a pledge: keep a bold lead phrase bold).",
        Kind::Table => "A table, in Markdown: keep the | and the line under the first row.",
        Kind::Alt => "An image's description for readers who cannot see it.",
    };
    what.to_string()
}

/// A unique context for each unit: its section's heading (or "front matter", "introduction"),
/// its kind and its number of that kind there.
fn contexts(units: &[Unit]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut counts: std::collections::HashMap<(Option<usize>, String), usize> = Default::default();
    units
        .iter()
        .enumerate()
        .map(|(index, unit)| {
            let section = if unit.kind.in_front_matter() {
                "front matter".to_string()
            } else if matches!(unit.kind, Kind::Heading(_)) {
                unit.summary(40)
            } else {
                unit.heading
                    .map_or("introduction".to_string(), |h| units[h].summary(40))
            };
            let count = counts
                .entry((unit.heading, unit.kind.name()))
                .and_modify(|n| *n += 1)
                .or_insert(1);
            let mut context = format!("{section} — {} {count}", unit.kind.name());
            if !seen.insert(context.clone()) {
                context = format!("{context} (#{})", index + 1);
                seen.insert(context.clone());
            }
            context
        })
        .collect()
}

/// Why a PO file could not be read.
#[derive(Debug)]
pub struct PoError(pub String);

/// The translations a PO file holds for the units of `original_text`: matched by context and
/// text; a message whose `msgid` is no longer the original's text (the original changed since
/// the file was exported) counts as made for that older text. Also the number of messages
/// that match no unit.
pub fn import(
    po_text: &str,
    original_text: &str,
) -> Result<(Vec<Option<Translated>>, usize), PoError> {
    let file = rspolib::pofile(po_text).map_err(|err| PoError(err.to_string()))?;
    let original = units(original_text);
    let contexts = contexts(&original);
    let mut translated: Vec<Option<Translated>> = vec![None; original.len()];
    let mut unmatched = 0;
    for entry in file
        .entries
        .iter()
        .filter(|e| !e.obsolete && !e.msgid.is_empty())
    {
        let msgstr = entry.msgstr.clone().unwrap_or_default();
        let by_context = entry
            .msgctxt
            .as_ref()
            .and_then(|c| contexts.iter().position(|own| own == c));
        let by_text = || {
            original
                .iter()
                .enumerate()
                .position(|(o, unit)| translated[o].is_none() && unit.text == entry.msgid)
        };
        let Some(o) = by_context
            .filter(|&o| original[o].text == entry.msgid || by_text().is_none())
            .or_else(by_text)
        else {
            unmatched += 1;
            continue;
        };
        if msgstr.trim().is_empty() {
            continue;
        }
        let previous = if entry.fuzzy() {
            // Not yet checked by the translator: made for its previous text, else for none.
            Some(entry.previous_msgid.clone().unwrap_or_default())
        } else if entry.msgid != original[o].text {
            Some(entry.msgid.clone())
        } else {
            None
        };
        translated[o] = Some(Translated {
            text: msgstr,
            previous,
        });
    }
    Ok((translated, unmatched))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "---\ntitle: Program\nregion: demo\nlang: sv\n---\n\nVi vill \"mer\".\n\n## Vård\n\n- **Fler** läkare.\n- Kortare köer.\n\n![En karta](karta.png)\n";

    #[test]
    fn every_unit_is_a_message_and_comes_back() {
        let po = export("programmes/demo/p.md", ORIGINAL, "sv", "se", None);
        let file = rspolib::pofile(po.as_str()).unwrap();
        let ids: Vec<&str> = file.entries.iter().map(|e| e.msgid.as_str()).collect();
        assert_eq!(
            ids,
            [
                "Program",
                "Vi vill \"mer\".",
                "Vård",
                "**Fler** läkare.",
                "Kortare köer.",
                "En karta"
            ]
        );
        assert_eq!(file.entries[3].msgctxt.as_deref(), Some("Vård — item 1"));
        assert!(po.contains("#: programmes/demo/p.md:11\n"), "{po}");
        // Filled with the msgid (as a test may), read back.
        let filled = po.replace("msgstr \"\"\n\n", "msgstr \"x\"\n\n");
        let (translated, unmatched) = import(&filled, ORIGINAL).unwrap();
        assert_eq!(unmatched, 0);
        assert!(translated.iter().filter(|t| t.is_some()).count() >= 5);
    }
}
