//! What `build` and `check` say of a translation: each change ([`super::sync::Change`]) as a
//! diagnostic at its line in the translation, naming the section in both languages and the
//! line in the original; and the list `check --translations` prints.

use std::path::Path;
use std::sync::Arc;

use super::record::{self, Record};
use super::sync::{Change, Comparison, compare};
use super::units::{Kind, Unit, one_line, units};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::model::{OutOfDate, Programme};

/// A translation compared with its original: the units of both, and the comparison.
pub struct Compared {
    pub original_path: String,
    pub original: Vec<Unit>,
    pub translation: Vec<Unit>,
    pub comparison: Comparison,
    /// The record as read (none for a translation made without `trycksak translate`).
    pub record: Option<Record>,
    /// Why the record could not be read, if it could not.
    pub record_problem: Option<String>,
}

/// Compares the translation `programme` (its decoded source `file`) with its original.
pub fn compared(root: &Path, programme: &Programme, file: &SourceFile) -> Option<Compared> {
    let of = programme.translation.as_ref()?;
    let original_text = std::fs::read(root.join(&of.original)).ok()?;
    let original_text = String::from_utf8_lossy(&original_text).replace("\r\n", "\n");
    let (record, record_problem) =
        match record::read(&super::record_path(&root.join(&programme.source))) {
            Ok(record) => (record, None),
            Err(problem) => (None, Some(problem)),
        };
    let original = units(&original_text);
    let translation = units(&file.text);
    let comparison = compare(&of.original, &original, &translation, record.as_ref());
    Some(Compared {
        original_path: of.original.clone(),
        original,
        translation,
        comparison,
        record,
        record_problem,
    })
}

/// The diagnostics of a translation, errors for what is out of date when `setting` says so;
/// with `write_record`, its record brought up to date (written only when it changed).
pub fn check(
    root: &Path,
    programme: &Programme,
    file: &Arc<SourceFile>,
    setting: OutOfDate,
    write_record: bool,
) -> Vec<Diagnostic> {
    let Some(compared) = compared(root, programme, file) else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    if let Some(problem) = &compared.record_problem {
        let path = super::record_path(Path::new(&programme.source));
        diagnostics.push(
            Diagnostic::warning(
                file,
                None,
                t!(
                    "translation-record-unreadable",
                    record = path.display().to_string(),
                    problem = problem.as_str()
                ),
            )
            .with_help(t!("translation-record-unreadable.help")),
        );
    }
    if write_record && compared.record.as_ref() != Some(&compared.comparison.record) {
        let path = super::record_path(&root.join(&programme.source));
        if let Err(err) = record::write(&path, &compared.comparison.record) {
            diagnostics.push(Diagnostic::warning(
                file,
                None,
                t!(
                    "translation-record-unwritable",
                    record = path.display().to_string(),
                    problem = err.to_string()
                ),
            ));
        }
    }
    let lang = programme.meta.lang.as_str();
    let untranslated: Vec<&Change> = compared
        .comparison
        .changes
        .iter()
        .filter(|change| matches!(change, Change::Untranslated { .. }))
        .collect();
    // A translation just begun is all the original's text: one warning for its untranslated
    // parts rather than one per part (a 100-part programme gave 100), at the first of them;
    // `check --translations` lists each.
    let grouped = untranslated.len() > UNTRANSLATED_ONE_BY_ONE;
    for change in &compared.comparison.changes {
        if grouped && matches!(change, Change::Untranslated { .. }) {
            continue;
        }
        diagnostics.push(diagnostic(&compared, change, file, lang, setting));
    }
    if grouped {
        let at = diagnostic(&compared, untranslated[0], file, lang, setting).span;
        let Change::Untranslated {
            translation,
            original,
        } = untranslated[0]
        else {
            unreachable!("only untranslated parts are grouped")
        };
        diagnostics.push(
            Diagnostic::warning(
                file,
                at,
                t!(
                    "translation-untranslated-many",
                    count = untranslated.len(),
                    of = compared.translation.len(),
                    kind = kind_word(compared.translation[*translation].kind),
                    original = compared.original_path.as_str(),
                    line = compared.original[*original].line
                ),
            )
            .with_help(t!(
                "translation-untranslated-many.help",
                path = programme.source.as_str()
            )),
        );
        diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    }
    diagnostics
}

/// Up to this many untranslated parts are each a warning of its own; more are one.
const UNTRANSLATED_ONE_BY_ONE: usize = 5;

/// The section a unit stands in, for messages: its heading, else where it is.
fn section_of(units: &[Unit], unit: &Unit) -> String {
    if unit.kind.in_front_matter() {
        return t!("translation-front-matter");
    }
    match unit.heading {
        Some(h) => format!("“{}”", units[h].summary(50)),
        None if matches!(unit.kind, Kind::Heading(_)) => format!("“{}”", unit.summary(50)),
        None => t!("translation-introduction"),
    }
}

/// The section in both languages: “Vård” (“Hoito”), the translation's being the translation
/// of the original's heading (none where the translation has no such section yet).
fn both_sections(compared: &Compared, original: &Unit) -> String {
    let in_original = section_of(&compared.original, original);
    let heading = if matches!(original.kind, Kind::Heading(_)) {
        compared.original.iter().position(|u| u == original)
    } else {
        original.heading
    };
    let translated = heading
        .and_then(|h| compared.comparison.translated[h])
        .map(|(t, _)| format!("“{}”", compared.translation[t].summary(50)));
    match translated {
        Some(here) if here != in_original => format!("{in_original} ({here})"),
        _ => in_original,
    }
}

fn kind_word(kind: Kind) -> String {
    let name = match kind {
        Kind::Heading(_) => "heading".to_string(),
        other => other.name(),
    };
    t!("unit-kind", kind = name)
}

fn diagnostic(
    compared: &Compared,
    change: &Change,
    file: &Arc<SourceFile>,
    lang: &str,
    setting: OutOfDate,
) -> Diagnostic {
    let original_path = compared.original_path.as_str();
    let t_units = &compared.translation;
    let o_units = &compared.original;
    let short = |text: &str| one_line(text, 80);
    // The unit's first line: a whole paragraph underlined says no more.
    let at_unit = |t: usize| {
        let span = t_units[t].span.clone();
        let end = file.text[span.clone()]
            .find('\n')
            .map_or(span.end, |n| span.start + n);
        let end = file
            .char_span(end.min(span.start + 80))
            .start
            .max(span.start);
        Some(span.start..end)
    };
    let after = |after: &Option<usize>| {
        Some(match after {
            Some(t) => file.line_span(t_units[*t].lines.end.saturating_sub(1).max(1)),
            None => file.line_span(1),
        })
    };
    let update_help = t!(
        "translation-added.help",
        original = original_path,
        lang = lang
    );
    let (span, message, help) = match change {
        Change::Edited {
            translation,
            original,
            old,
        } => {
            let (t, o) = (&t_units[*translation], &o_units[*original]);
            (
                at_unit(*translation),
                t!(
                    "translation-edited",
                    kind = kind_word(t.kind),
                    original = original_path,
                    line = o.line,
                    section = both_sections(compared, o)
                ),
                t!(
                    "translation-edited.help",
                    old = short(old),
                    new = o.summary(80)
                ),
            )
        }
        Change::Added { original, after: a } | Change::Missing { original, after: a } => {
            let o = &o_units[*original];
            let (kind, section) = (kind_word(o.kind), both_sections(compared, o));
            let message = if matches!(change, Change::Added { .. }) {
                t!(
                    "translation-added",
                    kind = kind,
                    original = original_path,
                    line = o.line,
                    section = section
                )
            } else {
                t!(
                    "translation-missing",
                    kind = kind,
                    original = original_path,
                    line = o.line,
                    section = section
                )
            };
            (after(a), message, update_help)
        }
        Change::Removed { translation, old } => {
            let t = &t_units[*translation];
            (
                at_unit(*translation),
                t!(
                    "translation-removed",
                    kind = kind_word(t.kind),
                    original = original_path,
                    old = short(old)
                ),
                t!("translation-removed.help"),
            )
        }
        Change::Untranslated {
            translation,
            original,
        } => {
            let t = &t_units[*translation];
            (
                at_unit(*translation),
                t!(
                    "translation-untranslated",
                    kind = kind_word(t.kind),
                    original = original_path,
                    line = o_units[*original].line
                ),
                t!("translation-untranslated.help"),
            )
        }
        Change::Extra { translation } => {
            let t = &t_units[*translation];
            (
                at_unit(*translation),
                t!(
                    "translation-extra",
                    kind = kind_word(t.kind),
                    original = original_path
                ),
                t!("translation-extra.help"),
            )
        }
    };
    let diagnostic = if change.out_of_date() && setting == OutOfDate::Error {
        Diagnostic::error(file, span, message)
    } else {
        Diagnostic::warning(file, span, message)
    };
    diagnostic.with_help(help)
}

/// The list `check --translations` prints for one translation: each out-of-date unit with the
/// original's old and new text; empty when it is in step.
pub fn report(compared: &Compared, translation_path: &str) -> String {
    let mut out = String::new();
    let o_units = &compared.original;
    let t_units = &compared.translation;
    for change in &compared.comparison.changes {
        let entry = match change {
            Change::Edited {
                translation,
                original,
                old,
            } => t!(
                "translations-list-edited",
                file = translation_path,
                line = t_units[*translation].line,
                original = compared.original_path.as_str(),
                original_line = o_units[*original].line,
                old = old.as_str(),
                new = o_units[*original].text.as_str()
            ),
            Change::Added { original, .. } | Change::Missing { original, .. } => t!(
                "translations-list-added",
                file = translation_path,
                original = compared.original_path.as_str(),
                original_line = o_units[*original].line,
                new = o_units[*original].text.as_str()
            ),
            Change::Removed { translation, old } => t!(
                "translations-list-removed",
                file = translation_path,
                line = t_units[*translation].line,
                old = old.as_str()
            ),
            Change::Untranslated { translation, .. } => t!(
                "translations-list-untranslated",
                file = translation_path,
                line = t_units[*translation].line,
                text = t_units[*translation].text.as_str()
            ),
            Change::Extra { translation } => t!(
                "translations-list-extra",
                file = translation_path,
                line = t_units[*translation].line,
                text = t_units[*translation].text.as_str()
            ),
        };
        out.push_str(&entry);
        out.push_str("\n\n");
    }
    out
}
