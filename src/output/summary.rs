//! The one-page summary: title, lead text and every pledge under its section, set in the largest
//! type that fits one page.

use super::pdf::{DocumentData, Fit, Medium, Pdf, PdfContext, PledgeGroup};
use super::twins;
use crate::diagnostics::Diagnostic;
use crate::layout::Layout;
use crate::model::{BlockKind, Inline, ListItem, Programme, Section};
use crate::typeset::{Compiled, page_texts};

pub const TEMPLATE: &str = "summary.typ";

/// The largest body size tried, in points.
const LARGEST: f64 = 11.0;
/// Sizes are tried in steps of this many points.
const STEP: f64 = 0.25;

/// The settings to try, largest first: smaller type, tighter leading and more columns as the
/// size goes down, never below the layout's floor.
fn candidates(floor: f64) -> Vec<Fit> {
    let largest = LARGEST.max(floor);
    let steps = ((largest - floor) / STEP).floor() as usize;
    (0..=steps)
        .map(|i| {
            let size = largest - i as f64 * STEP;
            let leading = 0.45 + 0.15 * ((size - 8.0) / (LARGEST - 8.0)).clamp(0.0, 1.0);
            Fit {
                size,
                leading,
                columns: if size >= 9.5 { 2 } else { 3 },
            }
        })
        .collect()
}

/// A summary PDF and the setting it was set in.
pub struct Summary {
    pub pdf: Pdf,
    pub fit: Fit,
    /// How many settings were compiled to find it.
    pub tries: usize,
}

pub fn render(
    programme: &Programme,
    cx: &PdfContext,
    medium: Medium,
) -> Result<Summary, Vec<Diagnostic>> {
    let (compiled, data, tries) = typeset(programme, cx, medium)?;
    let fit = data.fit;
    let pdf = cx.export(compiled, &data)?;
    Ok(Summary { pdf, fit, tries })
}

/// The summary for `medium`, in the largest setting that fits one page: its twin of the one
/// layout both share (see [`twins`]); also returns how many settings were tried to find it.
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &PdfContext<'a>,
    medium: Medium,
) -> Result<(Compiled, DocumentData<'a>, usize), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    let (laid_out, fit, tries) =
        twins::shared(&cx.twins.summary, || lay_out(programme, cx, layout))?;
    let kind = match medium {
        Medium::Screen => "summary",
        Medium::Print => "summary-print",
    };
    let mut data = DocumentData::new(kind, programme, layout, medium, cx.source);
    data.lead = lead(programme);
    data.pledges = pledge_groups(programme, programme.meta.summary_pledges, data.labels.intro);
    data.fit = fit;
    Ok((twins::for_medium(&laid_out, layout, medium), data, tries))
}

/// Lays out the summary for print in the largest setting that fits one page; also returns the
/// setting and how many settings were tried.
fn lay_out(
    programme: &Programme,
    cx: &PdfContext,
    layout: &Layout,
) -> Result<(Compiled, Fit, usize), Vec<Diagnostic>> {
    cx.check_glyphs(programme)?;
    let mut data = DocumentData::new("summary-print", programme, layout, Medium::Print, cx.source);
    data.lead = lead(programme);
    data.pledges = pledge_groups(programme, programme.meta.summary_pledges, data.labels.intro);

    let candidates = candidates(layout.summary_min_size);
    let mut tries = 0;
    // A setting's layout, and whether it fits one page.
    let mut attempt =
        |fit: Fit, data: &mut DocumentData| -> Result<(bool, Compiled), Vec<Diagnostic>> {
            tries += 1;
            data.fit = fit;
            let compiled = cx.compile(TEMPLATE, data)?;
            Ok((compiled.document.pages().len() == 1, compiled))
        };
    // The largest size first: most short programmes fit at once. Otherwise, how far the text
    // runs over tells roughly where it would fit (the text's area grows with the square of the
    // type size); from there, step to the largest setting that fits (fitting is monotone).
    let (fits, first) = attempt(candidates[0], &mut data)?;
    let mut best = None;
    if fits {
        best = Some((0, first));
    } else {
        let needed = text_needed(&twins::screen(&first, layout).document);
        let page_width = first
            .document
            .pages()
            .first()
            .map_or(186.0, |p| p.frame.width().to_mm() - 24.0);
        drop(first);
        let capacity = |fit: &Fit| capacity(fit, page_width) / capacity(&candidates[0], page_width);
        let mut index = candidates
            .iter()
            .position(|c| capacity(c) >= needed)
            .unwrap_or(candidates.len() - 1)
            .max(1);
        let (fits, compiled) = attempt(candidates[index], &mut data)?;
        if fits {
            best = Some((index, compiled));
            // Larger settings while they fit.
            while index > 1 {
                let (fits, compiled) = attempt(candidates[index - 1], &mut data)?;
                if !fits {
                    break;
                }
                index -= 1;
                best = Some((index, compiled));
            }
        } else {
            // Smaller settings until one fits.
            while index + 1 < candidates.len() {
                index += 1;
                let (fits, compiled) = attempt(candidates[index], &mut data)?;
                if fits {
                    best = Some((index, compiled));
                    break;
                }
            }
        }
    }
    let Some((index, compiled)) = best else {
        return Err(vec![overflow(
            programme,
            cx,
            &mut data,
            *candidates.last().expect("at least one size"),
        )?]);
    };
    Ok((compiled, candidates[index], tries))
}

/// How much more text there is than fits the first page: all words over the first page's.
fn text_needed(document: &typst_layout::PagedDocument) -> f64 {
    let texts = page_texts(document);
    let words = |text: &String| text.split_whitespace().count() as f64;
    let total: f64 = texts.iter().map(words).sum();
    let first = texts.first().map_or(0.0, words).max(1.0);
    total / first
}

/// How much text a setting holds, up to a constant: the width of its columns over the area of
/// a line of type.
fn capacity(fit: &Fit, page_width_mm: f64) -> f64 {
    let columns_width = page_width_mm - (fit.columns as f64 - 1.0) * 6.0;
    columns_width / (fit.size * fit.size * (1.0 + fit.leading))
}

/// The error when even the smallest setting overflows: how much does not fit, and how to choose.
fn overflow(
    programme: &Programme,
    cx: &PdfContext,
    data: &mut DocumentData,
    floor: Fit,
) -> Result<Diagnostic, Vec<Diagnostic>> {
    data.fit = floor;
    let compiled = cx.compile(TEMPLATE, data)?;
    let texts = page_texts(&twins::screen(&compiled, data.layout).document);
    let words = |text: &String| text.split_whitespace().count();
    let total: usize = texts.iter().map(words).sum();
    let first = texts.first().map_or(0, words);
    let over = 100 * total.saturating_sub(first) / total.max(1);
    let pledges: usize = data.pledges.iter().map(|g| g.items.len()).sum();
    let per_section = data
        .pledges
        .iter()
        .map(|g| g.items.len())
        .max()
        .unwrap_or(1);
    let suggestion = (per_section * first / total.max(1)).max(1);
    let message = format!(
        "the summary does not fit on one page: even at {} pt, {} pages are needed and about {over} % of the text ({pledges} pledges) does not fit",
        floor.size,
        texts.len()
    );
    let lead_length = crate::model::plain_text(&data.lead).chars().count();
    // Without pledges to leave out, the lead itself is too long.
    let help = if pledges == 0 || lead_length > 1500 {
        format!(
            "the lead text ({lead_length} characters, the first paragraph unless the front matter says otherwise) is too long for one page: in the front matter of {}, write `summary:` with a short `lead:` under it",
            programme.source
        )
    } else {
        format!(
            "choose fewer pledges for the summary: in the front matter of {}, write `summary:` with `pledges: {suggestion}` under it to take the first {suggestion} pledges of each section (a `lead:` line keeps the lead text)",
            programme.source
        )
    };
    Ok(Diagnostic::error(cx.source, Some(0..3), message).with_help(help))
}

/// The lead text: the front matter's `summary`, else the first paragraph of the programme.
fn lead(programme: &Programme) -> Vec<Inline> {
    if let Some(summary) = &programme.meta.summary {
        return vec![Inline::text(summary.clone())];
    }
    let first_paragraph = programme
        .intro
        .iter()
        .chain(programme.all_sections().into_iter().flat_map(|s| &s.blocks))
        .find_map(|block| match &block.kind {
            BlockKind::Paragraph { content } => Some(content.clone()),
            _ => None,
        });
    first_paragraph.unwrap_or_default()
}

/// The pledges of each section (at most `limit` each), with the headings of the sections that
/// contain them, in document order.
pub fn pledge_groups(
    programme: &Programme,
    limit: Option<u32>,
    intro_label: &str,
) -> Vec<PledgeGroup> {
    let take = |blocks: &[crate::model::Block]| -> Vec<ListItem> {
        let items = blocks.iter().flat_map(|block| match &block.kind {
            BlockKind::PledgeList { items, .. } => items.as_slice(),
            _ => &[],
        });
        items
            .take(limit.map_or(usize::MAX, |n| n as usize))
            .cloned()
            .collect()
    };
    fn walk(
        sections: &[Section],
        take: &dyn Fn(&[crate::model::Block]) -> Vec<ListItem>,
        out: &mut Vec<PledgeGroup>,
    ) -> bool {
        let mut any = false;
        for section in sections {
            let at = out.len();
            let items = take(&section.blocks);
            let has_own = !items.is_empty();
            out.push(PledgeGroup {
                level: section.level.saturating_sub(1).max(1),
                heading: section.heading.clone(),
                items,
            });
            let has_nested = walk(&section.sections, take, out);
            if !has_own && !has_nested {
                out.truncate(at);
            }
            any |= has_own || has_nested;
        }
        any
    }
    let mut groups = Vec::new();
    let intro = take(&programme.intro);
    if !intro.is_empty() {
        groups.push(PledgeGroup {
            level: 1,
            heading: vec![Inline::text(intro_label)],
            items: intro,
        });
    }
    walk(&programme.sections, &take, &mut groups);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_go_from_largest_to_the_floor() {
        let list = candidates(8.0);
        assert_eq!(list.first().unwrap().size, LARGEST);
        assert_eq!(list.last().unwrap().size, 8.0);
        assert!(list.windows(2).all(|w| w[0].size > w[1].size));
        assert_eq!(
            candidates(12.0).iter().map(|f| f.size).collect::<Vec<_>>(),
            [12.0]
        );
    }
}
