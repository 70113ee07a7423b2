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
        .map(|s| {
            t!(
                "summary-section-shown",
                section = s.section.as_str(),
                shown = s.shown,
                of = s.of
            )
        })
        .collect();
    if shown.len() > LISTED {
        sections.push(t!("summary-more-sections", count = shown.len() - LISTED));
    }
    Diagnostic::warning(
        source,
        Some(front_matter_span(source)),
        t!(
            "summary-shortened",
            kept = kept,
            total = total,
            sections = sections.join("; ")
        ),
    )
    .with_help(t!(
        "summary-shortened.help",
        source = programme.source.as_str()
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
    Diagnostic::error(
        source,
        span.or_else(|| Some(front_matter_span(source))),
        t!(
            "summary-overflow",
            size = tightest.size,
            fit = per_section,
            has = largest.items.len() + largest.omitted
        ),
    )
    .with_help(t!(
        "summary-overflow.help",
        fit = per_section,
        source = programme.source.as_str()
    ))
}

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
        t!(
            "summary-nothing-fits",
            size = tightest.size,
            lead = lead,
            sections = sections
        ),
    )
    .with_help(t!(
        "summary-nothing-fits.help",
        source = programme.source.as_str()
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
        t!(
            "summary-near-empty",
            percent = (fill * 100.0).round(),
            size = largest.size
        ),
    )
    .with_help(t!(
        "summary-near-empty.help",
        source = programme.source.as_str()
    ))
}
