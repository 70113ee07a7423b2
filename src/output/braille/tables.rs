//! liblouis's tables, built in (`layouts/base/braille/`, LGPL-2.1+, from liblouis 3.24 as
//! Debian ships it; see its README), and a translator per table list, compiled once per process.
//!
//! louis-rs reads a table from memory only without its `include`s, so a table is flattened
//! here: each `include` line is replaced by the included table's text (once per table list,
//! as an included file defines nothing new the second time).

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use louis::{Direction, Translator};

macro_rules! table {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../layouts/base/braille/", $name)),
        )
    };
}

/// Every built-in table, by file name.
const TABLES: &[(&str, &str)] = &[
    table!("Pl-Pl-g1.utb"),
    table!("ar-ar-g1-core.uti"),
    table!("ar-ar-g1.utb"),
    table!("ar-ar-math.uti"),
    table!("braille-patterns.cti"),
    table!("countries.cti"),
    table!("de-accents.cti"),
    table!("de-chardefs6.cti"),
    table!("de-eurobrl6.dis"),
    table!("de-g0-core.uti"),
    table!("de-g0.utb"),
    table!("digits6Dots.uti"),
    table!("digits6DotsPlusDot6.uti"),
    table!("digits8Dots.uti"),
    table!("en-ueb-chardefs.uti"),
    table!("en-ueb-g1.ctb"),
    table!("en-ueb-math.ctb"),
    table!("fa-ir-g1.utb"),
    table!("fi.utb"),
    table!("hr-chardefs.cti"),
    table!("hr-digits.uti"),
    table!("hr-g1.ctb"),
    table!("hr-translation.cti"),
    table!("latinLetterDef6Dots.uti"),
    table!("latinLowercase.uti"),
    table!("latinUppercaseComp6.uti"),
    table!("litdigits6Dots.uti"),
    table!("loweredDigits6Dots.uti"),
    table!("no-no-chardefs6.uti"),
    table!("no-no-g0.utb"),
    table!("no-no-latinLetterDef6Dots_diacritics.uti"),
    table!("no-no.dis"),
    table!("pl.tbl"),
    table!("spaces.uti"),
    table!("sv-g0.utb"),
    table!("text_nabcc.dis"),
];

/// The text of the built-in table `name`.
fn table(name: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The tables `names` as one table's text, their `include`s replaced by the included text.
/// An unknown table is an error naming it.
pub fn flattened(names: &[String]) -> Result<String, String> {
    fn push(name: &str, seen: &mut BTreeSet<String>, out: &mut String) -> Result<(), String> {
        if !seen.insert(name.to_string()) {
            return Ok(());
        }
        let text = table(name).ok_or_else(|| name.to_string())?;
        for line in text.lines() {
            let mut words = line.split_whitespace();
            if words.next() == Some("include")
                && let Some(included) = words.next()
            {
                push(included, seen, out)?;
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        Ok(())
    }
    let mut seen = BTreeSet::new();
    let mut out = String::new();
    for name in names {
        push(name, &mut seen, &mut out)?;
    }
    Ok(out)
}

/// A translator for the table list `names`, compiled once per process (a table of a few
/// thousand rules takes tens of milliseconds to compile; a build of 290 programmes asks for
/// it 290 times).
pub fn translator(names: &[String]) -> Result<Arc<Translator>, String> {
    static COMPILED: OnceLock<Mutex<HashMap<Vec<String>, Arc<Translator>>>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(Default::default);
    if let Some(translator) = compiled
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(names)
    {
        return Ok(Arc::clone(translator));
    }
    let text = flattened(names)?;
    let translator = Translator::from_table_source(&text, Direction::Forward)
        .map_err(|err| format!("{}: {err:?}", names.join(", ")))?;
    let translator = Arc::new(translator);
    compiled
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(names.to_vec(), Arc::clone(&translator));
    Ok(translator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_flattens_with_its_includes() {
        for (name, _) in TABLES {
            flattened(&[name.to_string()]).unwrap_or_else(|missing| panic!("{name}: {missing}"));
        }
    }

    #[test]
    fn swedish_uncontracted() {
        let sv = translator(&["sv-g0.utb".to_string()]).unwrap();
        for text in [
            "Vi vill ha 25 nya förskolor i Luleå.",
            "https://example.se/a?b=1",
            "Hej 😀 ∑",
        ] {
            let braille = sv.translate(text).unwrap();
            eprintln!("{text} → {braille}");
        }
    }
}

#[cfg(test)]
mod odd_input {
    use super::*;

    /// Every table, on text of any script and odd characters: no panic.
    #[test]
    fn any_text_translates_without_a_panic() {
        let tables = [
            "sv-g0.utb",
            "fi.utb",
            "en-ueb-g1.ctb",
            "no-no-g0.utb",
            "de-g0.utb",
            "pl.tbl",
            "hr-g1.ctb",
            "ar-ar-g1.utb",
            "fa-ir-g1.utb",
        ];
        let pieces = [
            "a",
            "Å",
            "1",
            "12,5",
            " ",
            "\u{301}",
            "\u{200f}",
            "\u{0}",
            "\u{7}",
            "😀",
            "🇸🇪",
            "\u{fe0f}",
            "ح",
            "ی",
            "\u{654}",
            "ŋ",
            "č",
            "ש",
            "ግ",
            "გ",
            "-",
            "—",
            "\\",
            "/",
            "\u{ad}",
            "…",
            "”",
            "%",
            "§",
            "www.",
            "@",
            "\u{10ffff}",
            "\u{e000}",
            "ﷺ",
            "Ⅻ",
            "½",
            "x²",
        ];
        let mut state = 0x2545_f491_u64;
        for table in tables {
            let translator = translator(&[table.to_string()]).unwrap();
            for _ in 0..2000 {
                let mut text = String::new();
                for _ in 0..(state % 40) {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                }
                let _ = translator.translate(&text);
                let _ =
                    translator.translate_with_options(&text, louis::TranslationOptions::default());
            }
        }
    }
}
