//! Comparing a translation with its original, unit by unit, through the record of what each
//! unit was made for.
//!
//! Three lists meet: the record (the original's units as the translation last knew them, in
//! the translation's order), the translation's units now and the original's units now. The
//! translation is aligned with the record by kind (a unit the translator has not touched
//! anchors the alignment), the record with the original by text; between two anchors an
//! original unit that went and one that came, of one kind, is an edit. A translation unit whose
//! text differs from the recorded fingerprint has been worked on since: it is taken as made for
//! the original's text now (the translator marks a unit done by editing it).

use super::record::{Entry, Record, fingerprint};
use super::units::{Kind, Unit, normalise};

/// What is out of step between a translation and its original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The original's unit changed since the translation's was made (`old` is the original's
    /// text then).
    Edited {
        translation: usize,
        original: usize,
        old: String,
    },
    /// The original has a unit the translation has none for yet; it would follow the
    /// translation's unit `after`.
    Added {
        original: usize,
        after: Option<usize>,
    },
    /// The translation has a unit whose original is gone (`old` is what it translated).
    Removed { translation: usize, old: String },
    /// A unit of the translation that is still its original's text.
    Untranslated { translation: usize, original: usize },
    /// A unit of the translation that translates no unit of the original.
    Extra { translation: usize },
    /// The translation has no unit for one the original had when it was made, and still has.
    Missing {
        original: usize,
        after: Option<usize>,
    },
}

impl Change {
    /// Whether the change means the translation does not say what the original says now
    /// (`Extra` is a question of structure, not of date).
    pub fn out_of_date(&self) -> bool {
        !matches!(self, Change::Extra { .. })
    }
}

/// The comparison, and the record as it should now be.
#[derive(Debug)]
pub struct Comparison {
    pub changes: Vec<Change>,
    pub record: Record,
    /// The record's entries by the translation unit each is for.
    pub entries: Vec<(usize, Entry)>,
    /// Each original unit's translation unit, if it has one, and whether that is in step.
    pub translated: Vec<Option<(usize, bool)>>,
}

/// Compares `translation` with `original` through `record` (none for a translation made
/// without `trycksak translate`: then it is taken as made for the original as it is).
pub fn compare(
    original_path: &str,
    original: &[Unit],
    translation: &[Unit],
    record: Option<&Record>,
) -> Comparison {
    let synthesised;
    let record = match record {
        Some(record) => record,
        None => {
            // Without a record, the translation is aligned with the original by kind, and each
            // unit taken as made for the original's text now.
            let to_original = align(translation, original.len(), |t, o| {
                (translation[t].kind == original[o].kind).then_some(1)
            });
            synthesised = Record {
                original: original_path.to_string(),
                units: translation
                    .iter()
                    .enumerate()
                    .filter_map(|(t, unit)| {
                        let o = to_original[t]?;
                        Some(Entry {
                            kind: unit.kind.name(),
                            original: original[o].text.clone(),
                            translation: fingerprint(&unit.text),
                        })
                    })
                    .collect(),
            };
            &synthesised
        }
    };
    let entries = &record.units;
    // What the alignments compare, found once (they compare every pair).
    let kinds: Vec<Option<Kind>> = entries.iter().map(|e| Kind::from_name(&e.kind)).collect();
    let entry_kind = |r: usize| kinds[r];
    let fingerprints: Vec<String> = translation.iter().map(|u| fingerprint(&u.text)).collect();
    // The translation with the record: same kind; a unit whose text is as recorded weighs more.
    let t_to_r = align(translation, entries.len(), |t, r| {
        (Some(translation[t].kind) == entry_kind(r)).then(|| {
            if fingerprints[t] == entries[r].translation {
                3
            } else {
                1
            }
        })
    });
    let mut r_to_t = vec![None; entries.len()];
    for (t, r) in t_to_r.iter().enumerate() {
        if let Some(r) = r {
            r_to_t[*r] = Some(t);
        }
    }
    // The record with the original: the same text.
    let normalised: Vec<String> = original.iter().map(Unit::normalised).collect();
    let recorded: Vec<String> = entries.iter().map(|e| normalise(&e.original)).collect();
    let r_to_same = align_indices(entries.len(), original.len(), |r, o| {
        (entry_kind(r) == Some(original[o].kind) && recorded[r] == normalised[o]).then_some(1)
    });
    // Between two such anchors, a unit that went and one that came, of one kind, are an edit.
    let mut r_to_o: Vec<Option<(usize, bool)>> =
        r_to_same.iter().map(|o| o.map(|o| (o, false))).collect();
    let mut o_taken = vec![false; original.len()];
    for o in r_to_same.iter().flatten() {
        o_taken[*o] = true;
    }
    let mut next_o = 0;
    let mut r = 0;
    while r < entries.len() {
        if let Some((o, _)) = r_to_o[r] {
            next_o = o + 1;
            r += 1;
            continue;
        }
        // The gap: unmatched entries up to the next anchor, and unmatched originals before it.
        let gap_end = (r..entries.len())
            .find(|&x| r_to_o[x].is_some())
            .unwrap_or(entries.len());
        let o_end = r_to_o
            .get(gap_end)
            .and_then(|x| x.map(|(o, _)| o))
            .unwrap_or(original.len());
        for (rr, slot) in r_to_o.iter_mut().enumerate().take(gap_end).skip(r) {
            let kind = entry_kind(rr);
            if let Some(o) =
                (next_o..o_end).find(|&o| !o_taken[o] && Some(original[o].kind) == kind)
            {
                o_taken[o] = true;
                *slot = Some((o, true));
                next_o = o + 1;
            }
        }
        r = gap_end;
    }

    let mut changes = Vec::new();
    let mut units = Vec::new();
    let mut translated = vec![None; original.len()];
    let mut o_covered = vec![false; original.len()];
    for (r, entry) in entries.iter().enumerate() {
        let t = r_to_t[r];
        let o = r_to_o[r];
        if let Some((o, _)) = o {
            o_covered[o] = true;
        }
        match (t, o) {
            (None, Some((o, _))) => changes.push(Change::Missing {
                original: o,
                after: previous_translation(&r_to_t, r),
            }),
            (None, None) => {}
            (Some(t), None) => {
                changes.push(Change::Removed {
                    translation: t,
                    old: entry.original.clone(),
                });
                units.push((t, entry.clone()));
            }
            (Some(t), Some((o, edited))) => {
                let worked_on = fingerprints[t] != entry.translation;
                if edited && !worked_on {
                    translated[o] = Some((t, false));
                    changes.push(Change::Edited {
                        translation: t,
                        original: o,
                        old: entry.original.clone(),
                    });
                    units.push((t, entry.clone()));
                    continue;
                }
                let untranslated = is_untranslated(&translation[t], &original[o]);
                if untranslated {
                    changes.push(Change::Untranslated {
                        translation: t,
                        original: o,
                    });
                }
                translated[o] = Some((t, !untranslated));
                units.push((
                    t,
                    Entry {
                        kind: translation[t].kind.name(),
                        original: original[o].text.clone(),
                        translation: fingerprints[t].clone(),
                    },
                ));
            }
        }
    }
    // Originals no entry stands for: added since (or never translated).
    for (o, covered) in o_covered.iter().enumerate() {
        if !covered {
            // After the translation of the nearest original before it that has one.
            let after = (0..o).rev().find_map(|before| {
                let r = r_to_o
                    .iter()
                    .position(|x| x.map(|(o, _)| o) == Some(before))?;
                r_to_t[r]
            });
            changes.push(Change::Added { original: o, after });
        }
    }
    for (t, r) in t_to_r.iter().enumerate() {
        if r.is_none() {
            changes.push(Change::Extra { translation: t });
        }
    }
    units.sort_by_key(|(t, _)| *t);
    changes.sort_by_key(|change| position(change, translation.len()));
    Comparison {
        changes,
        record: Record {
            original: original_path.to_string(),
            units: units.iter().map(|(_, entry)| entry.clone()).collect(),
        },
        entries: units,
        translated,
    }
}

/// Where a change stands in the translation, for ordering: at its unit, or after one.
fn position(change: &Change, len: usize) -> (usize, usize) {
    match change {
        Change::Edited { translation, .. }
        | Change::Removed { translation, .. }
        | Change::Untranslated { translation, .. }
        | Change::Extra { translation } => (*translation, 0),
        Change::Added { after, original } | Change::Missing { after, original } => {
            (after.map_or(0, |a| a + 1).min(len), 1 + *original)
        }
    }
}

/// The translation unit of the nearest entry before `r` that has one.
fn previous_translation(r_to_t: &[Option<usize>], r: usize) -> Option<usize> {
    r_to_t[..r].iter().rev().find_map(|t| *t)
}

/// Whether a unit of the translation is its original's text, and that text is words (a name or
/// a number may stay as it is).
fn is_untranslated(translation: &Unit, original: &Unit) -> bool {
    let words = original
        .text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    words >= 4 && translation.normalised() == original.normalised()
}

/// For each of `a` (by index), the index in `0..b_len` it is aligned with: the alignment in
/// order that maximises the summed weight of the pairs `weight` allows.
fn align(
    a: &[Unit],
    b_len: usize,
    weight: impl Fn(usize, usize) -> Option<u32>,
) -> Vec<Option<usize>> {
    align_indices(a.len(), b_len, weight)
}

fn align_indices(
    a_len: usize,
    b_len: usize,
    weight: impl Fn(usize, usize) -> Option<u32>,
) -> Vec<Option<usize>> {
    // best[i][j]: the best total for a[i..] and b[j..].
    let width = b_len + 1;
    let mut best = vec![0u32; (a_len + 1) * width];
    for i in (0..a_len).rev() {
        for j in (0..b_len).rev() {
            let skip = best[(i + 1) * width + j].max(best[i * width + j + 1]);
            let take = weight(i, j).map_or(0, |w| w + best[(i + 1) * width + j + 1]);
            best[i * width + j] = skip.max(take);
        }
    }
    let mut aligned = vec![None; a_len];
    let (mut i, mut j) = (0, 0);
    while i < a_len && j < b_len {
        let here = best[i * width + j];
        if let Some(w) = weight(i, j)
            && here == w + best[(i + 1) * width + j + 1]
        {
            aligned[i] = Some(j);
            i += 1;
            j += 1;
        } else if here == best[(i + 1) * width + j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    aligned
}

#[cfg(test)]
mod tests {
    use super::super::units::units;
    use super::*;

    const ORIGINAL: &str = "---\ntitle: Program\nregion: demo\nlang: sv\n---\n\nVi vill göra länet bättre för alla.\n\n## Vård\n\nVården ska finnas nära alla som bor här.\n\n- Fler läkare i hela länet.\n- Kortare köer till vården.\n\n## Skola\n\nSkolan ska ge alla barn en bra start.\n";
    const FINNISH: &str = "---\ntitle: Ohjelma\nregion: demo\nlang: fi\n---\n\nHaluamme parantaa lääniä kaikille.\n\n## Hoito\n\nHoidon on oltava lähellä kaikkia täällä asuvia.\n\n- Lisää lääkäreitä koko lääniin.\n- Lyhyemmät jonot hoitoon.\n\n## Koulu\n\nKoulun on annettava kaikille lapsille hyvä alku.\n";

    fn first_record() -> Record {
        compare("o.md", &units(ORIGINAL), &units(FINNISH), None).record
    }

    #[test]
    fn a_translation_in_step_has_no_changes() {
        let comparison = compare(
            "o.md",
            &units(ORIGINAL),
            &units(FINNISH),
            Some(&first_record()),
        );
        assert_eq!(comparison.changes, []);
        assert_eq!(comparison.record, first_record());
    }

    #[test]
    fn an_edit_and_an_added_pledge_in_the_original_are_found_where_they_are() {
        let original = ORIGINAL
            .replace(
                "Kortare köer till vården.",
                "Kortare köer till vården och tandvården.",
            )
            .replace(
                "- Kortare köer till vården och tandvården.\n",
                "- Kortare köer till vården och tandvården.\n- Ett nytt sjukhus i inlandet.\n",
            );
        let o = units(&original);
        let t = units(FINNISH);
        let comparison = compare("o.md", &o, &t, Some(&first_record()));
        assert_eq!(
            comparison.changes,
            [
                Change::Edited {
                    translation: 5,
                    original: 5,
                    old: "Kortare köer till vården.".into()
                },
                Change::Added {
                    original: 6,
                    after: Some(5)
                },
            ]
        );
        // The record is unchanged: the translator has not worked on anything yet.
        assert_eq!(comparison.record, first_record());
        // The translator translates the edited pledge: it is done.
        let worked = FINNISH.replace(
            "Lyhyemmät jonot hoitoon.",
            "Lyhyemmät jonot hoitoon ja hammashoitoon.",
        );
        let comparison = compare("o.md", &o, &units(&worked), Some(&first_record()));
        assert_eq!(
            comparison.changes,
            [Change::Added {
                original: 6,
                after: Some(5)
            }]
        );
    }

    #[test]
    fn a_missing_section_and_an_extra_paragraph_are_found() {
        let without_school = FINNISH.split("## Koulu").next().unwrap().to_string();
        let comparison = compare(
            "o.md",
            &units(ORIGINAL),
            &units(&without_school),
            Some(&first_record()),
        );
        assert_eq!(
            comparison.changes,
            [
                Change::Missing {
                    original: 6,
                    after: Some(5)
                },
                Change::Missing {
                    original: 7,
                    after: Some(5)
                },
            ]
        );
        let extra = FINNISH.replace(
            "Hoidon on oltava lähellä kaikkia täällä asuvia.\n",
            "Hoidon on oltava lähellä kaikkia täällä asuvia.\n\nYlimääräinen kappale.\n",
        );
        let comparison = compare(
            "o.md",
            &units(ORIGINAL),
            &units(&extra),
            Some(&first_record()),
        );
        assert_eq!(comparison.changes, [Change::Extra { translation: 4 }]);
    }

    #[test]
    fn a_unit_left_in_the_original_language_is_untranslated() {
        let half = FINNISH.replace(
            "Koulun on annettava kaikille lapsille hyvä alku.",
            "Skolan ska ge alla barn en bra start.",
        );
        let comparison = compare("o.md", &units(ORIGINAL), &units(&half), None);
        assert_eq!(
            comparison.changes,
            [Change::Untranslated {
                translation: 7,
                original: 7
            }]
        );
    }
}
