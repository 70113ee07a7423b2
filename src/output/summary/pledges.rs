//! What the summary shows: its lead text, and the pledges it may show under their sections.

use super::PledgeGroup;
use crate::model::{Block, BlockKind, Inline, ListItem, Programme, Section, plain_text};

/// The lead text: the front matter's `summary`, else the first paragraph of the programme.
pub fn lead(programme: &Programme) -> Vec<Inline> {
    if let Some(summary) = &programme.meta.summary {
        return vec![Inline::text(summary.clone())];
    }
    // A pledge list's lead-in is a paragraph too ("Vi vill att alla ska känna sig trygga. Därför
    // lovar vi:" opens a flyer).
    let first_paragraph = programme
        .intro
        .iter()
        .chain(programme.all_sections().into_iter().flat_map(|s| &s.blocks))
        .find_map(|block| match &block.kind {
            BlockKind::Paragraph { content } => Some(content.clone()),
            BlockKind::PledgeList { lead_in, .. } if !lead_in.is_empty() => Some(lead_in.clone()),
            _ => None,
        });
    first_paragraph.unwrap_or_default()
}

/// The pledges the summary may show, grouped under the headings of their sections, in document
/// order: those marked `<!-- summary -->` when any is, else the first `summary: pledges: N` of
/// each section (all without it). With marked pledges, sections without one are left out.
pub fn pledge_groups(programme: &Programme, intro_label: &str) -> Vec<PledgeGroup> {
    if programme.pledge_count() == 0 {
        return openings(programme);
    }
    let all_pledges = |blocks: &[Block]| -> Vec<ListItem> {
        blocks
            .iter()
            .flat_map(|block| match &block.kind {
                BlockKind::PledgeList { items, .. } => items.as_slice(),
                _ => &[],
            })
            .cloned()
            .collect()
    };
    let mut groups = Vec::new();
    let intro = all_pledges(&programme.intro);
    if !intro.is_empty() {
        groups.push(PledgeGroup {
            level: 1,
            heading: vec![Inline::text(intro_label)],
            items: intro,
            omitted: 0,
            opening: false,
            line: 0,
        });
    }
    fn walk(
        sections: &[Section],
        all_pledges: &dyn Fn(&[Block]) -> Vec<ListItem>,
        out: &mut Vec<PledgeGroup>,
    ) -> bool {
        let mut any = false;
        for section in sections {
            let at = out.len();
            let items = all_pledges(&section.blocks);
            let has_own = !items.is_empty();
            out.push(PledgeGroup {
                level: section.level.saturating_sub(1).max(1),
                heading: section.heading.clone(),
                items,
                omitted: 0,
                opening: false,
                line: section.line,
            });
            let has_nested = walk(&section.sections, all_pledges, out);
            if !has_own && !has_nested {
                out.truncate(at);
            }
            any |= has_own || has_nested;
        }
        any
    }
    walk(&programme.sections, &all_pledges, &mut groups);

    let marked = groups
        .iter()
        .flat_map(|g| &g.items)
        .any(|item| item.in_summary);
    let limit = programme.meta.summary_pledges.map(|n| n as usize);
    for group in &mut groups {
        let total = group.items.len();
        if marked {
            group.items.retain(|item| item.in_summary);
        } else if let Some(limit) = limit {
            group.items.truncate(limit);
        }
        group.omitted = total - group.items.len();
    }
    if marked {
        // A section shows when it has a marked pledge, or a subsection that does.
        let keep: Vec<bool> = (0..groups.len())
            .map(|i| {
                let level = groups[i].level;
                groups[i..]
                    .iter()
                    .enumerate()
                    .take_while(|(k, g)| *k == 0 || g.level > level)
                    .any(|(_, g)| !g.items.is_empty())
            })
            .collect();
        let mut keep = keep.into_iter();
        groups.retain(|_| keep.next().unwrap_or(false));
    }
    groups
}

/// The most characters of a section's opening the summary of a programme without pledges
/// shows: its first sentences, at least one.
const OPENING_CHARS: usize = 280;

/// For a programme without pledges: each section's heading with its opening sentences (from
/// its first paragraph), so that the page summarises the programme.
fn openings(programme: &Programme) -> Vec<PledgeGroup> {
    programme
        .sections
        .iter()
        .filter_map(|section| {
            let first = section.blocks.iter().find_map(|block| match &block.kind {
                BlockKind::Paragraph { content } => Some(plain_text(content)),
                _ => None,
            })?;
            Some(PledgeGroup {
                level: 1,
                heading: section.heading.clone(),
                items: vec![ListItem {
                    blocks: vec![Block {
                        line: section.line,
                        kind: BlockKind::Paragraph {
                            content: vec![Inline::text(first_sentences(&first, OPENING_CHARS))],
                        },
                    }],
                    in_summary: false,
                }],
                omitted: 0,
                opening: true,
                line: section.line,
            })
        })
        .collect()
}

/// The first sentences of `text` that end within `most` characters (at least the first).
fn first_sentences(text: &str, most: usize) -> String {
    let text = text.trim();
    let mut cut = None;
    let mut previous = ' ';
    for (count, (at, c)) in text.char_indices().enumerate() {
        if c == ' ' && matches!(previous, '.' | '!' | '?') {
            if count > most && cut.is_some() {
                break;
            }
            cut = Some(at);
            if count > most {
                break;
            }
        }
        previous = c;
    }
    match cut {
        Some(at) if text.chars().count() > most => text[..at].to_string(),
        _ => text.to_string(),
    }
}
