//! What the summary tells the campaign worker when not every pledge fits: the warning when it
//! shows some, the errors when it may not or cannot, each located where the fix goes.

use std::sync::Arc;

use super::{Fit, PledgeGroup, Shown, SummaryData};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::model::{Programme, plain_text};

/// Where the front matter says how the summary is made (`summary:`), else its title.
pub(super) fn front_matter_span(file: &SourceFile) -> std::ops::Range<usize> {
    let mut offset = 0;
    let mut title = None;
    for (number, line) in file.text.split_inclusive('\n').enumerate() {
        if number > 0 && line.trim_end() == "---" {
            break;
        }
        let span = offset..offset + line.trim_end().len();
        if line.starts_with("summary:") {
            return span;
        }
        if line.starts_with("title:") {
            title = Some(span);
        }
        offset += line.len();
    }
    title.unwrap_or_else(|| file.line_span(1))
}

/// How to choose the pledges yourself, for the warning and the errors.
const HOW_TO_CHOOSE: &str = "mark the pledges the summary should show with `<!-- summary -->` at the end of each, or write `summary:` in the front matter with `pledges: N` under it (the first N of each section)";

/// The warning when the summary shows only some pledges: how many of each section, of how many.
pub(super) fn shortened(
    programme: &Programme,
    source: &Arc<SourceFile>,
    shown: &[Shown],
) -> Diagnostic {
    let total: usize = shown.iter().map(|s| s.of).sum();
    let kept: usize = shown.iter().map(|s| s.shown).sum();
    const LISTED: usize = 6;
    let mut sections: Vec<String> = shown
        .iter()
        .take(LISTED)
        .map(|s| format!("“{}” {} of {}", s.section, s.shown, s.of))
        .collect();
    if shown.len() > LISTED {
        sections.push(format!("and {} more sections", shown.len() - LISTED));
    }
    Diagnostic::warning(
        source,
        Some(front_matter_span(source)),
        format!(
            "not every pledge fits the one-page summary: it shows the pledges in turn, every section's first, then every section's second and so on, as many as fit ({kept} of the {total} pledges of these sections): {}",
            sections.join("; ")
        ),
    )
    .with_help(format!(
        "{HOW_TO_CHOOSE}; `overflow: error` under `summary:` makes this an error. The other outputs of {} have every pledge",
        programme.source
    ))
}

/// The error when overflow is to be an error: located at the section with the most pledges,
/// with a number of pledges per section that was verified to fit.
pub(super) fn overflow_error(
    programme: &Programme,
    source: &Arc<SourceFile>,
    chosen: &[PledgeGroup],
    per_section: usize,
    tightest: Fit,
) -> Diagnostic {
    let largest = chosen
        .iter()
        .max_by_key(|g| (g.items.len() + g.omitted, std::cmp::Reverse(g.line)))
        .expect("a summary that overflows has pledges");
    let span = (largest.line > 0).then(|| source.line_span(largest.line));
    let fix = if per_section == 0 {
        "shorten the lead text and the section headings, or mark a few pledges with `<!-- summary -->`".to_string()
    } else {
        format!(
            "write `summary:` in the front matter with `pledges: {per_section}` under it (the first {per_section} of each section fit; checked), or {HOW_TO_CHOOSE_SHORT}"
        )
    };
    Diagnostic::error(
        source,
        span.or_else(|| Some(front_matter_span(source))),
        format!(
            "the one-page summary cannot show every pledge: even at {} pt only {per_section} pledges of each section fit, and this section has {}",
            tightest.size,
            largest.items.len() + largest.omitted
        ),
    )
    .with_help(format!(
        "{fix}. This is an error because the layout or the front matter of {} says `overflow: error`; with `overflow: shorten` the summary leaves out what does not fit, with a warning",
        programme.source
    ))
}

const HOW_TO_CHOOSE_SHORT: &str = "mark the pledges to show with `<!-- summary -->`";

/// The error when not even the title, lead and headings fit, without any pledge.
pub(super) fn nothing_fits(
    programme: &Programme,
    source: &Arc<SourceFile>,
    data: &SummaryData,
    tightest: Fit,
) -> Diagnostic {
    let lead = plain_text(&data.lead).chars().count();
    let sections = data.pledges.len();
    Diagnostic::error(
        source,
        Some(front_matter_span(source)),
        format!(
            "the one-page summary cannot fit even without pledges: at {} pt the title, the lead text ({lead} characters) and the {sections} section headings run over the page",
            tightest.size
        ),
    )
    .with_help(format!(
        "in the front matter of {}, write `summary:` with a short `lead:` under it (a sentence or two), or mark a few pledges with `<!-- summary -->` so that only their sections are shown",
        programme.source
    ))
}

/// The warning when even the largest type leaves most of the page empty: a programme of a few
/// pledges, or of few sections without pledges.
pub(super) fn near_empty(
    programme: &Programme,
    source: &Arc<SourceFile>,
    fill: f64,
    largest: Fit,
) -> Diagnostic {
    Diagnostic::warning(
        source,
        Some(front_matter_span(source)),
        format!(
            "the one-page summary fills only {} % of its page, even in {} pt type",
            (fill * 100.0).round(),
            largest.size
        ),
    )
    .with_help(format!(
        "give {} a lead text for the summary (`summary:` in the front matter with `lead:` under it), or mark more of its lists as pledges (`<!-- pledges -->` before a list); a layout may allow larger type (`summary: max_size`)",
        programme.source
    ))
}
