//! The one-page summary: title, lead text and the pledges under their sections, on one page
//! whatever the programme.
//!
//! The fit is found by compiling: the roomiest setting first (largest type, roomy spacing); if it
//! runs over, the template's own measure of how much room the columns need tells where to look
//! next (text area grows with the square of the type size), and each guess is verified by a
//! compile. Only when even the tightest setting at the layout's smallest size cannot hold every
//! pledge does the summary leave pledges out: the same number from each section, first ones
//! first, as many as fit (found by compiling), with a warning that says which.

mod messages;
mod pledges;

pub use pledges::{lead, pledge_groups};

use messages::{near_empty, nothing_fits, overflow_error, shortened};

use super::context::{Made, RenderContext};
use super::fit::{self, Trial};
use super::kind::{Output, Rendered};
use super::pdf::{DocumentData, Medium, Pdf, TemplateData};
use super::twins;
use crate::i18n::Labels;

use crate::diagnostics::Diagnostic;
use crate::layout::{Layout, Paper};
use crate::model::{BlockKind, Inline, ListItem, Overflow, Programme, depth_first, plain_text};
use serde::Serialize;

use crate::typeset::{Compiled, labelled_metadata};

pub const TEMPLATE: &str = "summary.typ";

/// The least share of its column height a summary should fill: below it, a warning says so.
const LEAST_FILL: f64 = 0.45;
/// The body size (points) from which the leading is the roomiest; smaller type is set tighter.
const FULL_LEADING_FROM: f64 = 11.0;
/// Sizes are tried in steps of this many points.
const STEP: f64 = 0.25;
/// The label of the template's measure of the columns: `(needed: pt, available: pt)`.
const FIT_LABEL: &str = "trycksak-summary-fit";
/// The most compiles a summary's search takes once it has found a setting that fits (the
/// seeds take 1 to 3).
const COMPILES: usize = 4;
/// More pledge text (characters) than an A4 page holds in 8 pt type, several times over: a
/// programme with more is cut to about this much before the first compile, so that 10 000
/// pledges cost no more than a few hundred.
const MOST_TEXT: usize = 30_000;

/// The summary's template data: the shared part, and the setting and pledges it is set with.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryData<'a> {
    #[serde(flatten)]
    pub common: DocumentData<'a>,
    /// The type setting being tried.
    pub fit: Fit,
    /// The lead text.
    pub lead: Vec<Inline>,
    /// The pledges, grouped under their sections.
    pub pledges: Vec<PledgeGroup>,
}

impl TemplateData for SummaryData<'_> {
    fn common(&self) -> &DocumentData<'_> {
        &self.common
    }
}

/// A type setting of the one-page summary.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Fit {
    /// Body size in points.
    pub size: f64,
    /// Line spacing in em.
    pub leading: f64,
    pub columns: u32,
    /// The title's size, in em of the body.
    pub title: f64,
    /// The lead text's size, in em of the body.
    pub lead: f64,
    /// Space between pledges and groups, as a share of the roomiest.
    pub spacing: f64,
    /// The page margins, in millimetres.
    pub margin: f64,
}

/// A section heading of the summary and the pledges directly under it.
#[derive(Debug, Clone, Serialize)]
pub struct PledgeGroup {
    /// Typst heading level (1 for a `##` section).
    pub level: u8,
    pub heading: Vec<Inline>,
    pub items: Vec<crate::model::ListItem>,
    /// The section's pledges that the summary leaves out.
    pub omitted: usize,
    /// For a programme without pledges: the one item is the section's opening sentences, shown
    /// as a paragraph under its heading.
    pub opening: bool,
    /// The heading's line in the source (0 for the pledges before the first section).
    #[serde(skip)]
    pub line: usize,
}

/// How many of a section's pledges the summary shows, when it cannot show them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Shown {
    /// The section heading, as plain text.
    pub section: String,
    pub shown: usize,
    pub of: usize,
}

/// How the summary was fitted.
#[derive(Debug, Clone)]
pub struct Fitted {
    pub fit: Fit,
    /// How many layouts were compiled to find it.
    pub tries: usize,
    /// The sections whose pledges are not all shown (empty when every pledge is).
    pub shown: Vec<Shown>,
    /// The warning that says so.
    pub warnings: Vec<Diagnostic>,
    /// The pledges shown, under their sections.
    pub pledges: Vec<PledgeGroup>,
}

/// A summary PDF and how it was fitted.
pub struct Summary {
    pub pdf: Pdf,
    pub fitted: Fitted,
}

/// The one-page summary for a medium (`<slug>-summary.pdf`), and its print twin
/// (`<slug>-summary-print.pdf`).
pub struct SummaryOutput(Medium);
pub const SCREEN: SummaryOutput = SummaryOutput(Medium::Screen);
pub const PRINT: SummaryOutput = SummaryOutput(Medium::Print);

/// What the manifest records of a summary: its setting, and the sections not shown whole.
#[derive(serde::Serialize)]
struct Facts<'a> {
    fit: Fit,
    #[serde(skip_serializing_if = "<[Shown]>::is_empty")]
    shown: &'a [Shown],
}

impl Output for SummaryOutput {
    fn name(&self) -> &'static str {
        match self.0 {
            Medium::Screen => "summary",
            Medium::Print => "summary-print",
        }
    }
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        match self.0 {
            Medium::Screen => &labels.summary_title,
            Medium::Print => &labels.summary_print_title,
        }
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}-{}.pdf", self.name())
    }
    fn made_from(&self) -> Option<super::OutputKind> {
        (self.0 == Medium::Print).then_some(super::OutputKind(&SCREEN))
    }
    fn for_print(&self) -> bool {
        self.0 == Medium::Print
    }
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        _made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let Summary { pdf, fitted } = render(programme, cx, self.0)?;
        let print = pdf.print.clone();
        let fit = fitted.fit;
        let mut summary = t!("summary-set-in", size = fit.size, columns = fit.columns);
        if !fitted.shown.is_empty() {
            let kept: usize = fitted.shown.iter().map(|s| s.shown).sum();
            let of: usize = fitted.shown.iter().map(|s| s.of).sum();
            summary.push_str(", ");
            summary.push_str(&t!(
                "summary-set-shown",
                kept = kept,
                of = of,
                sections = fitted.shown.len()
            ));
        }
        Ok(Rendered {
            summary: Some(summary),
            tries: Some(fitted.tries),
            ..Rendered::from(pdf)
        }
        .with_facts(&Facts {
            fit,
            shown: &fitted.shown,
        })
        .with_facts(&print))
    }
}

pub fn render(
    programme: &Programme,
    cx: &RenderContext,
    medium: Medium,
) -> Result<Summary, Vec<Diagnostic>> {
    let (compiled, data, fitted) = typeset(programme, cx, medium)?;
    let mut pdf = cx.export(compiled, &data.common)?;
    pdf.warnings.extend(fitted.warnings.iter().cloned());
    Ok(Summary { pdf, fitted })
}

/// The summary for `medium`: its twin of the one layout both share (see [`twins`]).
pub fn typeset<'a>(
    programme: &'a Programme,
    cx: &RenderContext<'a>,
    medium: Medium,
) -> Result<(Compiled, SummaryData<'a>, Fitted), Vec<Diagnostic>> {
    let layout = cx.layout(programme)?;
    let (laid_out, fitted) = twins::shared(&cx.twins, TEMPLATE, || lay_out(programme, cx, layout))?;
    let data = SummaryData {
        common: DocumentData::new(
            SummaryOutput(medium).name(),
            programme,
            layout,
            medium,
            cx.source,
        ),
        fit: fitted.fit,
        lead: lead(programme),
        pledges: fitted.pledges.clone(),
    };
    Ok((twins::for_medium(&laid_out, layout, medium), data, fitted))
}

/// Lays out the summary for print in the roomiest setting that fits one page, leaving pledges
/// out only when none does.
fn lay_out(
    programme: &Programme,
    cx: &RenderContext,
    layout: &Layout,
) -> Result<(Compiled, Fitted), Vec<Diagnostic>> {
    cx.check_glyphs(programme)?;
    let common = DocumentData::new(PRINT.name(), programme, layout, Medium::Print, cx.source);
    let chosen = pledge_groups(programme, &common.labels.intro);

    let candidates = candidates(
        layout.summary_min_size,
        layout.summary_max_size,
        layout.paper.summary,
        programme.meta.title.chars().count(),
    );
    let paper = layout.paper.summary.size_mm();
    let mut data = SummaryData {
        common,
        fit: candidates[0],
        lead: lead(programme),
        pledges: Vec::new(),
    };
    let mut tries = 0;
    let mut trial = |fit: Fit, pledges: &[PledgeGroup], data: &mut SummaryData| {
        tries += 1;
        data.fit = fit;
        data.pledges = pledges.to_vec();
        let compiled = cx.compile(TEMPLATE, data)?;
        let pages = compiled.document.pages().len();
        let measured = labelled_metadata(&compiled.document, FIT_LABEL).and_then(|value| {
            Some((
                value.get("needed")?.as_f64()?,
                value.get("available")?.as_f64()?,
            ))
        });
        let trial = match measured {
            Some((needed, available)) => Trial {
                fits: pages == 1 && needed <= available + 0.5,
                fill: needed / available.max(1.0),
            },
            // A region's own template that does not say: the page count alone.
            None => Trial {
                fits: pages == 1,
                fill: pages as f64,
            },
        };
        Ok::<_, Vec<Diagnostic>>((trial, (compiled, trial.fill)))
    };

    // A programme of thousands of pledges is cut to what could ever fit before the first compile.
    let most = per_section_within(&chosen, MOST_TEXT);
    let pledges = take_per_section(&chosen, most);

    let predict = |from: usize, fill: f64, to: usize| {
        fill * capacity(&candidates[from], paper) / capacity(&candidates[to], paper)
    };
    // Start where a guess from the text's length says it fits; each compile corrects it.
    let text = GuessedText {
        lead: &data.lead,
        pledges: &pledges,
        title_chars: programme.meta.title.chars().count(),
        logo: layout.logo.is_some(),
        foot: programme.meta.publisher.is_some() || programme.meta.contact.is_some(),
    };
    // The estimate is calibrated at 11 pt in two columns (the seeds' measured fills): it is
    // that setting's fill, whatever the layout's largest size.
    let anchor = candidates
        .iter()
        .position(|fit| fit.size <= FULL_LEADING_FROM)
        .unwrap_or(0);
    let guess = estimated_fill(&text, &candidates[anchor], paper);
    let start = (0..candidates.len())
        .find(|&i| predict(anchor, guess, i) <= 1.0)
        .unwrap_or(candidates.len() - 1);
    let found = fit::roomiest(candidates.len(), start, COMPILES, predict, |index| {
        trial(candidates[index], &pledges, &mut data)
    })?;
    let last = found.last;
    if let Some((index, (compiled, fill))) = found.best {
        let mut fitted = fitted(candidates[index], tries, &chosen, pledges);
        if most.is_some() {
            fitted
                .warnings
                .push(shortened(programme, cx.source, &fitted.shown));
        } else if index == 0 && fill < LEAST_FILL {
            // Even the largest type leaves most of the page empty.
            fitted
                .warnings
                .push(near_empty(programme, cx.source, fill, candidates[0]));
        }
        return Ok((compiled, fitted));
    }

    // Not every pledge fits even in the tightest setting: the pledges taken in turn (every
    // section's first, then every section's second, …), as many as fit, so that the page is
    // used whatever the sections' lengths.
    let tightest = *candidates.last().expect("at least one setting");
    let Some((count, compiled)) = most_that_fit(&pledges, last.1, &mut |subset| {
        trial(tightest, subset, &mut data)
    })?
    else {
        return Err(vec![nothing_fits(programme, cx.source, &data, tightest)]);
    };
    let shown = take_in_turn(&pledges, count);
    let per_section = whole_rounds(&shown);
    let overflow = programme
        .meta
        .summary_overflow
        .unwrap_or(layout.summary_overflow);
    if overflow == Overflow::Error {
        return Err(vec![overflow_error(
            programme,
            cx.source,
            &chosen,
            per_section,
            tightest,
        )]);
    }
    let mut fitted = fitted(tightest, tries, &chosen, shown);
    fitted
        .warnings
        .push(shortened(programme, cx.source, &fitted.shown));
    Ok((compiled, fitted))
}

/// The settings to try, roomiest first: for each size from the largest to the layout's
/// floor, roomy spacing and then tight (smaller title and lead, less space, narrower
/// margins), with more columns as the type gets smaller.
fn candidates(floor: f64, largest: f64, paper: Paper, title_chars: usize) -> Vec<Fit> {
    let largest = largest.max(floor);
    let steps = ((largest - floor) / STEP).floor() as usize;
    let most_columns = match paper {
        Paper::A4 => 4,
        Paper::A5 => 2,
        Paper::Dl => 1,
    };
    // A long title takes two or three lines of smaller type rather than a third of the page.
    let title = (36.0 / title_chars.max(1) as f64).sqrt().clamp(0.7, 1.0);
    let mut list = Vec::new();
    for i in 0..=steps {
        let size = largest - i as f64 * STEP;
        let leading = 0.45 + 0.15 * ((size - 8.0) / (FULL_LEADING_FROM - 8.0)).clamp(0.0, 1.0);
        // Large type for a short programme runs down one column (about 75 characters a line
        // on A4 at 15 pt), so that the page fills from the top to the foot.
        let columns = match size {
            s if s >= 15.0 => 1,
            s if s >= 9.5 => 2,
            s if s >= 8.5 => 3,
            _ => 4,
        }
        .min(most_columns);
        list.push(Fit {
            size,
            leading,
            columns,
            title: 2.0 * title,
            lead: 1.15,
            spacing: 1.0,
            margin: 11.0,
        });
        list.push(Fit {
            size,
            leading,
            columns,
            title: 1.6 * title,
            lead: 1.0,
            spacing: 0.7,
            margin: 8.0,
        });
    }
    list
}

/// A guess of the roomiest setting's fill from the text's length: an A4 page of it holds about
/// 3 500 characters of lead and pledges (the seeds' measured fills, least squares), each pledge
/// and heading taking a dozen more (its line end and spacing); a title of more than one line
/// and a foot (publisher, contact) take room from the columns. Only where the search starts.
fn estimated_fill(text: &GuessedText, fit: &Fit, (width, height): (f64, f64)) -> f64 {
    let mut chars = plain_text(text.lead).chars().count();
    for group in text.pledges {
        chars += 12 + plain_text(&group.heading).chars().count();
        for item in &group.items {
            chars += 12;
            for block in depth_first(&item.blocks) {
                chars += block
                    .own_inlines()
                    .iter()
                    .map(|run| plain_text(run).chars().count())
                    .sum::<usize>();
            }
        }
    }
    // In millimetres, as the template sets them: the title at `fit.title` em of the body (a
    // character about half its size wide), beside the logo; the foot one line of 0.85 em and
    // its 1.2 em of space.
    let em = 0.3528 * fit.size;
    let title_em = em * fit.title;
    let title_width = width - 2.0 * fit.margin - 12.0 - if text.logo { 18.0 } else { 0.0 };
    let per_line = (title_width / (0.5 * title_em)).max(1.0);
    let title_lines = (text.title_chars as f64 / per_line).ceil().max(1.0);
    let extra = (title_lines - 1.0) * 1.3 * title_em + if text.foot { 2.05 * em } else { 0.0 };
    let rows = height - 2.0 * fit.margin - (10.0 + em * (fit.title * 1.3 + 3.0));
    let room = rows / (rows - extra).max(rows / 4.0);
    chars as f64 / 3_500.0 * (210.0 * 297.0) / (width * height) * room
}

/// What [`estimated_fill`] reads of a programme.
struct GuessedText<'a> {
    lead: &'a [Inline],
    pledges: &'a [PledgeGroup],
    title_chars: usize,
    logo: bool,
    foot: bool,
}

/// How much text a setting holds, up to a constant: the columns' area over the area a line of
/// type takes, less the header.
fn capacity(fit: &Fit, (width, height): (f64, f64)) -> f64 {
    let em = 0.3528 * fit.size;
    let columns = width - 2.0 * fit.margin - (fit.columns as f64 - 1.0) * 6.0;
    let header = 10.0 + em * (fit.title * 1.3 + 3.0);
    let rows = height - 2.0 * fit.margin - header;
    columns * rows / (fit.size * fit.size * (1.0 + fit.leading) * (0.85 + 0.15 * fit.spacing))
}

/// The result of a search: `shown` pledges of the `chosen` ones are in the summary.
fn fitted(fit: Fit, tries: usize, chosen: &[PledgeGroup], pledges: Vec<PledgeGroup>) -> Fitted {
    let shown = chosen
        .iter()
        .zip(&pledges)
        .filter(|(all, shown)| all.items.len() + all.omitted > shown.items.len())
        .map(|(all, shown)| Shown {
            section: plain_text(&all.heading),
            shown: shown.items.len(),
            of: all.items.len() + all.omitted,
        })
        .collect();
    Fitted {
        fit,
        tries,
        shown,
        warnings: Vec::new(),
        pledges,
    }
}

/// At most `per_section` of each group's pledges (all of them for `None`); the others count as
/// omitted.
fn take_per_section(groups: &[PledgeGroup], per_section: Option<usize>) -> Vec<PledgeGroup> {
    groups
        .iter()
        .map(|group| {
            let take = per_section.map_or(group.items.len(), |n| n.min(group.items.len()));
            PledgeGroup {
                items: group.items[..take].to_vec(),
                omitted: group.omitted + group.items.len() - take,
                ..group.clone()
            }
        })
        .collect()
}

/// A compile of a setting: whether it fits and how full it is, the layout and its fill.
type TrialLayout = Result<(Trial, (Compiled, f64)), Vec<Diagnostic>>;

/// How many of `pledges`, taken in turn ([`take_in_turn`]), fit the tightest setting, and their
/// layout; `None` when not even none do (the title and lead alone run over). `fill` is the
/// last compile's, where the search starts; `trial` compiles a subset.
fn most_that_fit(
    pledges: &[PledgeGroup],
    fill: f64,
    trial: &mut dyn FnMut(&[PledgeGroup]) -> TrialLayout,
) -> Result<Option<(usize, Compiled)>, Vec<Diagnostic>> {
    let total: usize = pledges.iter().map(|g| g.items.len()).sum();
    // From the estimate (the text's height is about proportional to the pledges), verified
    // by a compile; each next guess lies strictly between the most known to fit and the fewest
    // known not to, so the search ends.
    let mut fits_up_to: Option<(usize, Compiled)> = None;
    let mut fails_at = total;
    let mut probe = ((total as f64 / fill.max(1.0)).floor() as usize).min(total.saturating_sub(1));
    loop {
        let (result, (compiled, _)) = trial(&take_in_turn(pledges, probe))?;
        if result.fits {
            fits_up_to = Some((probe, compiled));
        } else {
            fails_at = probe;
        }
        let Some((low, _)) = &fits_up_to else {
            if probe == 0 {
                break;
            }
            probe = ((probe as f64 / result.fill.max(1.0)).floor() as usize).min(probe - 1);
            continue;
        };
        let low = *low;
        if fails_at - low <= 1 {
            break;
        }
        let guess = (probe as f64 / result.fill.max(0.01)).floor() as usize;
        probe = guess.clamp(low + 1, fails_at - 1);
    }
    Ok(fits_up_to)
}

/// The first `count` pledges taken in turn: every group's first, then every group's second, and
/// so on in document order; the others count as omitted.
fn take_in_turn(groups: &[PledgeGroup], count: usize) -> Vec<PledgeGroup> {
    let mut take = vec![0; groups.len()];
    let mut left = count;
    let deepest = groups.iter().map(|g| g.items.len()).max().unwrap_or(0);
    'rounds: for round in 0..deepest {
        for (taken, group) in take.iter_mut().zip(groups) {
            if left == 0 {
                break 'rounds;
            }
            if group.items.len() > round {
                *taken += 1;
                left -= 1;
            }
        }
    }
    groups
        .iter()
        .zip(take)
        .map(|(group, take)| PledgeGroup {
            items: group.items[..take].to_vec(),
            omitted: group.omitted + group.items.len() - take,
            ..group.clone()
        })
        .collect()
}

/// How many pledges of every section `shown` holds at least (or all of a section's): the
/// `pledges: N` that is sure to fit.
fn whole_rounds(shown: &[PledgeGroup]) -> usize {
    shown
        .iter()
        .filter(|g| g.omitted > 0)
        .map(|g| g.items.len())
        .min()
        .unwrap_or(0)
}

/// The largest number of pledges per section whose text stays within `most` characters;
/// `None` when all of them do.
fn per_section_within(groups: &[PledgeGroup], most: usize) -> Option<usize> {
    let length = |item: &ListItem| {
        item.blocks
            .iter()
            .map(|block| match &block.kind {
                BlockKind::Paragraph { content } => plain_text(content).len(),
                _ => 200,
            })
            .sum::<usize>()
    };
    let deepest = groups.iter().map(|g| g.items.len()).max().unwrap_or(0);
    let mut total = 0;
    for n in 0..deepest {
        total += groups
            .iter()
            .filter_map(|g| g.items.get(n))
            .map(length)
            .sum::<usize>();
        if total > most {
            return Some(n.max(1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_go_from_roomiest_to_the_floor() {
        let list = candidates(8.0, 14.0, Paper::A4, 20);
        assert_eq!(list.first().unwrap().size, 14.0);
        assert_eq!(list.last().unwrap().size, 8.0);
        assert!(list.windows(2).all(|w| w[0].size >= w[1].size));
        assert_eq!(list.last().unwrap().columns, 4);
        assert_eq!(
            candidates(12.0, 11.0, Paper::A5, 20)
                .iter()
                .map(|f| (f.size, f.columns))
                .collect::<Vec<_>>(),
            [(12.0, 2), (12.0, 2)]
        );
    }
}
