//! The accessibility reviewer's report: readability (LIX) of the whole programme and of each
//! section, the longest sentences and words, the heading outline, every image with its alt text,
//! every link with its text, and the language. Plain text, in Swedish for `sv`, else English.

use std::sync::Arc;

use super::context::{Made, RenderContext};
use super::kind::{Output, Rendered};
use super::text::wrap;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::i18n::{Labels, ReportWords};
use crate::language;
use crate::layout::Layouts;
use crate::model::{BlockKind, Inline, Programme, Section, plain_text};
use crate::readability::{Analysis, ProgrammeReadability, SectionReadability, analyse, band};
use crate::source::lint::{is_bare_address, is_vague_link_text};

/// The accessibility reviewer's readability report (`<slug>-tillganglighet.txt` for Swedish).
pub struct ReportOutput;
pub const REPORT: ReportOutput = ReportOutput;

impl Output for ReportOutput {
    fn for_public(&self) -> bool {
        false
    }
    fn name(&self) -> &'static str {
        "report"
    }
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        &labels.report_title
    }
    fn file_name(&self, slug: &str, labels: &Labels) -> String {
        format!("{slug}-{}.txt", labels.report_file)
    }
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        _made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let target = lix_target(programme, cx.typesetter.layouts());
        let (report, warnings) = render(programme, cx.source, target);
        Ok(Rendered {
            bytes: report.into_bytes(),
            warnings,
            ..Rendered::default()
        })
    }
}

/// The LIX target of a programme: its front matter's, else its region layout's.
pub fn lix_target(programme: &Programme, layouts: &Layouts) -> Option<f64> {
    programme.meta.lix_target.or_else(|| {
        layouts
            .get(&programme.meta.region)
            .and_then(|l| l.lix_target)
    })
}

/// The report, and a warning for each section over the LIX target (if one is set).
pub fn render(
    programme: &Programme,
    source: &Arc<SourceFile>,
    lix_target: Option<f64>,
) -> (String, Vec<Diagnostic>) {
    let lang = &programme.meta.lang;
    let w = &programme.labels().report;
    let mut readability = analyse(programme);
    readability.locate_sentences(&source.text);
    let mut out = Vec::new();
    let mut warnings = Vec::new();

    let title = format!("{}: {}", w.title, programme.meta.title);
    out.extend(wrap(&title, "", ""));
    out.push("=".repeat(title.chars().count().min(super::text::WIDTH)));
    out.push(String::new());
    out.push(format!("{}: {}", w.source, programme.source));
    out.push(format!("{}: {lang}", w.language));
    if language::primary(lang) != "sv" {
        out.extend(wrap(&w.calibrated, "", ""));
    }

    heading(&mut out, &w.readability);
    let line = |label: &str, analysis: &Analysis, indent: &str| -> Vec<String> {
        let c = analysis.counts;
        let lix = match c.lix() {
            Some(lix) => format!("LIX {} ({})", decimal(lix, lang), w.bands[band(lix)]),
            None => "LIX –".to_string(),
        };
        let counts = [c.words, c.sentences, c.long_words];
        let [words, sentences, long] = [0, 1, 2].map(|i| {
            let unit = if counts[i] == 1 {
                &w.units_one[i]
            } else {
                &w.units[i]
            };
            format!("{} {unit}", counts[i])
        });
        let text = format!("{label}: {lix}; {words}, {sentences}, {long}");
        wrap(&text, indent, &format!("{indent}    "))
    };
    out.extend(line(&w.whole, &readability.whole, ""));
    if readability.intro.counts.words > 0 {
        out.extend(line(&w.intro, &readability.intro, "  "));
    }
    fn sections<'a>(
        list: &'a [SectionReadability<'a>],
        numbers: &mut Vec<usize>,
        f: &mut dyn FnMut(&str, &'a SectionReadability<'a>, usize),
    ) {
        for (i, s) in list.iter().enumerate() {
            numbers.push(i + 1);
            let number = numbers
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(".");
            f(&number, s, numbers.len());
            sections(&s.subsections, numbers, f);
            numbers.pop();
        }
    }
    let mut over = Vec::new();
    sections(
        &readability.sections,
        &mut Vec::new(),
        &mut |number, s, depth| {
            let label = format!("{number} {}", plain_text(&s.section.heading));
            out.extend(line(&label, &s.analysis, &"  ".repeat(depth)));
            if let (Some(target), Some(lix)) = (lix_target, s.analysis.counts.lix())
                && lix > target
            {
                over.push((s.section, lix));
            }
        },
    );
    if let Some(target) = lix_target {
        out.push(String::new());
        out.push(format!("{}: LIX {}", w.target, decimal(target, lang)));
        for (section, lix) in &over {
            out.extend(wrap(
                &format!(
                    "{}: LIX {} ({})",
                    plain_text(&section.heading),
                    decimal(*lix, &programme.meta.lang),
                    w.over_target
                ),
                "  ",
                "    ",
            ));
            let span = source.line_span(section.line);
            warnings.push(
                Diagnostic::warning(
                    source,
                    Some(span),
                    t!(
                        "lix-over-target",
                        lix = lix.round(),
                        target = target.round()
                    ),
                )
                .with_help(t!("lix-over-target.help")),
            );
        }
    }

    longest(&mut out, w, &readability, &programme.source);
    outline(&mut out, w, programme);
    images_and_links(&mut out, w, programme);

    heading(&mut out, "LIX");
    out.extend(wrap(&w.how, "", ""));
    let mut text = out.join("\n");
    text.push('\n');
    (text, warnings)
}

/// One decimal, written as the language writes numbers ("42,5" in Swedish).
fn decimal(value: f64, lang: &str) -> String {
    crate::i18n::decimal(value, 1, lang)
}

fn heading(out: &mut Vec<String>, title: &str) {
    out.push(String::new());
    out.push(String::new());
    out.push(title.to_string());
    out.push("-".repeat(title.chars().count()));
    out.push(String::new());
}

fn longest(
    out: &mut Vec<String>,
    w: &ReportWords,
    readability: &ProgrammeReadability,
    source: &str,
) {
    heading(out, &w.longest_sentences);
    for (i, sentence) in readability.whole.longest_sentences(5).iter().enumerate() {
        let head = format!(
            "{}. {} {}, {source}:{}: ",
            i + 1,
            sentence.words,
            w.words_unit,
            sentence.line
        );
        out.extend(wrap(&format!("{head}{}", sentence.text), "", "   "));
    }
    heading(out, &w.longest_words);
    let words: Vec<String> = readability
        .whole
        .longest_words(10)
        .iter()
        .map(|word| format!("{word} ({})", word.chars().count()))
        .collect();
    out.extend(wrap(&words.join(", "), "", ""));
}

fn outline(out: &mut Vec<String>, w: &ReportWords, programme: &Programme) {
    heading(out, &w.headings);
    fn walk(out: &mut Vec<String>, sections: &[Section], line_word: &str) {
        for section in sections {
            let indent = "  ".repeat(section.level as usize - 2);
            let marks = "#".repeat(section.level as usize);
            let text = format!(
                "{marks} {} ({line_word} {})",
                plain_text(&section.heading),
                section.line
            );
            out.extend(wrap(&text, &indent, &format!("{indent}   ")));
            walk(out, &section.sections, line_word);
        }
    }
    if programme.sections.is_empty() {
        out.push(w.none.to_string());
    }
    walk(out, &programme.sections, &w.line);
}

fn images_and_links(out: &mut Vec<String>, w: &ReportWords, programme: &Programme) {
    let mut images = Vec::new();
    let mut links = Vec::new();
    if let Some(cover) = &programme.meta.cover {
        images.push(format!("{}: ”{}”", cover.path, cover.alt));
    }
    for block in programme.blocks() {
        if let BlockKind::Image(image) = &block.kind {
            images.push(format!(
                "{} {}, {}: ”{}”",
                w.line, block.line, image.path, image.alt
            ));
        }
        for run in block.own_inlines() {
            collect_links(run, block.line, &mut links, w);
        }
    }
    heading(out, &w.images);
    if images.is_empty() {
        out.push(w.none.to_string());
    }
    for image in images {
        out.extend(wrap(&image, "", "  "));
    }
    heading(out, &w.links);
    if links.is_empty() {
        out.push(w.none.to_string());
    }
    for link in links {
        out.extend(wrap(&link, "", "  "));
    }
}

fn collect_links(content: &[Inline], line: usize, links: &mut Vec<String>, w: &ReportWords) {
    for inline in content {
        match inline {
            Inline::Link { url, content } => {
                let text = plain_text(content).trim().to_string();
                let flag = if is_vague_link_text(&text) {
                    format!(" ⚠ {}", w.bad_link)
                } else if is_bare_address(&text) {
                    format!(" ⚠ {}", w.bare_url)
                } else {
                    String::new()
                };
                links.push(format!("{} {line}: ”{text}” → {url}{flag}", w.line));
            }
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Lang { content, .. } => collect_links(content, line, links, w),
            _ => {}
        }
    }
}
