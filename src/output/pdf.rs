//! What the PDF outputs share: the data a template receives, the check that every character has
//! a font, and compiling + exporting through the [`Typesetter`].

use std::collections::BTreeMap;

use serde::Serialize;
use typst_pdf::PdfStandard;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::i18n::Labels;
use crate::layout::Layout;
use crate::model::{BlockKind, Inline, Programme};
use crate::typeset::{Compiled, DocumentMeta, Request, document_date, page_png};

use super::context::RenderContext;
use super::print::{self, PrintData};
pub use super::twins::Medium;
use super::{hyphenate, literal, quotes};

/// The standards of the screen PDFs: tagged for screen readers (PDF/UA-1) and archivable
/// (PDF/A-2a).
pub const SCREEN_STANDARDS: &[PdfStandard] = &[PdfStandard::Ua_1, PdfStandard::A_2a];

/// Everything a template may use, as `/programme.json`.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentData<'a> {
    pub kind: &'static str,
    /// Given to the templates as `programme`, prepared once a programme (`RenderContext::compile`).
    #[serde(skip)]
    pub programme: &'a Programme,
    pub layout: &'a Layout,
    /// `rgb` for screen PDFs; print PDFs use the CMYK values as defined.
    pub colour_space: &'static str,
    /// Print twins: bleed, marks and slug line; `None` on screens.
    pub print: Option<PrintData>,
    /// The layout's colours converted for screens, `#rrggbb`.
    pub screen_colours: BTreeMap<String, String>,
    pub labels: &'a Labels,
    /// The programme language's direction, `ltr` or `rtl` (its language file's): the templates
    /// set the text's direction by it and mirror what points the reading way.
    pub dir: &'static str,
    /// Whether the running text gets trycksak's hyphenation points (not for large print).
    #[serde(skip)]
    pub hyphenate: bool,
}

/// A template's data: the part every PDF shares ([`DocumentData`]) and a kind's own, which
/// embeds it (flattened: the templates read `data.kind`, `data.fit`, … alike).
pub trait TemplateData: Serialize {
    fn common(&self) -> &DocumentData<'_>;
}

impl TemplateData for DocumentData<'_> {
    fn common(&self) -> &DocumentData<'_> {
        self
    }
}

impl<'a> DocumentData<'a> {
    pub fn new(
        kind: &'static str,
        programme: &'a Programme,
        layout: &'a Layout,
        medium: Medium,
        source: &SourceFile,
    ) -> Self {
        let print =
            (medium == Medium::Print).then(|| PrintData::new(kind, programme, layout, source));
        DocumentData {
            kind,
            programme,
            layout,
            colour_space: if print.is_some() { "cmyk" } else { "rgb" },
            print,
            screen_colours: layout
                .colours
                .iter()
                .map(|(name, colour)| (name.clone(), colour.screen_hex()))
                .collect(),
            labels: programme.labels(),
            dir: programme.languages.direction(&programme.meta.lang).as_str(),
            hyphenate: true,
        }
    }
}

/// A finished PDF.
#[derive(Debug, Default)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: u32,
    /// PNG previews of the pages, when asked for.
    pub previews: Vec<Vec<u8>>,
    pub warnings: Vec<Diagnostic>,
    /// A print twin's facts for the manifest, from its preflight.
    pub print: Option<print::PrintFacts>,
}

impl<'a> RenderContext<'a> {
    /// The layout of the programme's region; an error if it has problems.
    pub fn layout(&self, programme: &Programme) -> Result<&'a Layout, Vec<Diagnostic>> {
        let region = &programme.meta.region;
        let problems = self.typesetter.layouts().problems(region);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(problems.to_vec());
        }
        self.typesetter.layouts().get(region).ok_or_else(|| {
            vec![Diagnostic::error(
                self.source,
                None,
                t!("no-layout", region = region.as_str()),
            )]
        })
    }

    /// Lays out `template` with `data`, its running text with the break points of
    /// [`hyphenate`].
    pub fn compile(
        &self,
        template: &str,
        data: &impl TemplateData,
    ) -> Result<Compiled, Vec<Diagnostic>> {
        let common = data.common();
        let date = document_date(common.programme.meta.date.as_deref());
        let mut value = serde_json::to_value(data).expect("the document data serialises");
        self.prepare(&mut value, common);
        // The programme is the same for every document and every compile of the fitting (only
        // what a kind adds changes): it is prepared once, which was a tenth of a compile.
        let address = std::ptr::from_ref(common.programme) as usize;
        let prepare_programme = || {
            let mut programme =
                serde_json::to_value(common.programme).expect("the programme serialises");
            self.prepare(&mut programme, common);
            programme
        };
        let (made_of, prepared) = self.prepared[usize::from(common.hyphenate)]
            .get_or_init(|| (address, prepare_programme()));
        let programme = if *made_of == address {
            prepared.clone()
        } else {
            prepare_programme()
        };
        if let serde_json::Value::Object(map) = &mut value {
            map.insert("programme".into(), programme);
        }
        // From the data as the templates get it (hyphenation points and all), so that a running
        // title reads the same as the title.
        let running = serde_json::json!({
            "title": value.pointer("/programme/meta/title"),
            "slug_before": value.pointer("/print/slug_before"),
            "slug_title": value.pointer("/print/slug_title"),
            "slug_after": value.pointer("/print/slug_after"),
        });
        let meta = &common.programme.meta;
        let info = DocumentMeta {
            title: meta.title.clone(),
            author: meta.party.clone().or_else(|| common.layout.name.clone()),
            keywords: common.layout.name.iter().cloned().collect(),
        };
        self.typesetter.compile(&Request {
            region: &meta.region,
            template,
            data: &value,
            running: &running,
            info: &info,
            date,
        })
    }

    /// Smart quotes, hyphenation points (unless `common.hyphenate` is off), break points and
    /// the lengths `keep-together` weighs, put into template data.
    fn prepare(&self, value: &mut serde_json::Value, common: &DocumentData) {
        let languages = &common.programme.languages;
        quotes::data(value, &common.programme.meta.lang, languages);
        if common.hyphenate
            && let Some(lang) = hyphenate::language(&common.programme.meta.lang, languages)
        {
            hyphenate::data(value, lang, languages, &self.hyphenated);
        }
        literal::break_long_runs(value);
        literal::annotate(value);
    }

    /// Exports a laid-out document (and previews, if asked for). Print twins are checked for
    /// image resolution and finished as PDF/X-4.
    pub fn export(&self, compiled: Compiled, data: &DocumentData) -> Result<Pdf, Vec<Diagnostic>> {
        let date = document_date(data.programme.meta.date.as_deref());
        let ident = format!("trycksak/{}/{}", data.programme.source, data.kind);
        let mut warnings = compiled.warnings.clone();
        let mut print_facts = None;
        let bytes = match &data.print {
            None => self
                .typesetter
                .pdf(&compiled, &ident, date, SCREEN_STANDARDS, false)?,
            Some(settings) => {
                let subject = print::Subject {
                    programme: data.programme,
                    layout: data.layout,
                    kind: data.kind,
                    print: settings,
                    source: self.source,
                    root: self.typesetter.root(),
                };
                print::check_safe_zone(&compiled.document, &subject)?;
                let images = print::check_images(&compiled.document, &subject)?;
                warnings.extend(images);
                let bytes = self
                    .typesetter
                    .pdf(&compiled, &ident, date, print::STANDARDS, true)?;
                let finished = print::pdfx::finish(bytes, settings, &data.programme.meta.title)
                    .map_err(|problem| vec![self.finishing_problem(problem, data.kind)])?;
                warnings.extend(print::check_press(&finished.facts, &subject)?);
                print_facts = Some(print::facts(&finished.facts));
                finished.bytes
            }
        };
        let pages = compiled.document.pages().len();
        let previews = if self.preview {
            // Print previews show the bleed and the marks, as the print shop sees the sheet.
            let with_bleed = data.print.is_some();
            (0..pages)
                .filter_map(|page| page_png(&compiled.document, page, 110.0, with_bleed))
                .collect()
        } else {
            Vec::new()
        };
        Ok(Pdf {
            bytes,
            pages: pages as u32,
            previews,
            warnings,
            print: print_facts,
        })
    }

    fn finishing_problem(&self, problem: print::pdfx::Problem, kind: &str) -> Diagnostic {
        match problem {
            print::pdfx::Problem::Content(what) => Diagnostic::error(
                self.source,
                None,
                t!("output-cannot-be-made", kind = kind, what = what),
            )
            .with_help(t!("output-cannot-be-made.help")),
            print::pdfx::Problem::Internal(err) => {
                Diagnostic::error(self.source, None, t!("internal-print-error", message = err))
                    .with_help(t!("internal-print-error.help"))
            }
        }
    }

    /// Every character of the programme's visible text must be in some font: a missing glyph
    /// would print as an empty box. Located at its first use in the source.
    pub fn check_glyphs(&self, programme: &Programme) -> Result<(), Vec<Diagnostic>> {
        let mut missing: Vec<char> = Vec::new();
        let mut check = |text: &str| {
            for c in text.chars() {
                if !is_invisible(c) && !missing.contains(&c) && !self.typesetter.fonts().covers(c) {
                    missing.push(c);
                }
            }
        };
        let meta = &programme.meta;
        for text in [
            Some(&meta.title),
            meta.subtitle.as_ref(),
            meta.party.as_ref(),
            meta.period.as_ref(),
        ]
        .into_iter()
        .chain([
            meta.publisher.as_ref(),
            meta.contact.as_ref(),
            meta.summary.as_ref(),
        ])
        .flatten()
        {
            check(text);
        }
        visit_text(programme, &mut check);
        if missing.is_empty() {
            return Ok(());
        }
        // One error per script no font has (a Georgian word is one problem, not one per letter),
        // at its first character in the source; symbols of no script are one error together.
        use unicode_script::{Script, UnicodeScript};
        let mut by_script: Vec<(Script, Vec<char>)> = Vec::new();
        for c in missing {
            let script = match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => Script::Common,
                script => script,
            };
            match by_script.iter_mut().find(|(s, _)| *s == script) {
                Some((_, chars)) => chars.push(c),
                None => by_script.push((script, vec![c])),
            }
        }
        Err(by_script
            .into_iter()
            .map(|(script, chars)| {
                let first = chars
                    .iter()
                    .filter_map(|c| self.source.text.find(*c).map(|at| (at, *c)))
                    .min();
                let span = first.map(|(at, c)| at..at + c.len_utf8());
                let shown = first.map_or(chars[0], |(_, c)| c);
                let listed: Vec<String> = chars.iter().take(8).map(char::to_string).collect();
                let listed = listed.join(" ");
                let message = if script == Script::Common {
                    t!(
                        "no-font-for-characters",
                        characters = listed,
                        count = chars.len()
                    )
                } else {
                    t!(
                        "no-font-for-script",
                        script = script.full_name().replace('_', " "),
                        count = chars.len(),
                        character = shown.to_string(),
                        code = format!("U+{:04X}", shown as u32)
                    )
                };
                let help = if script == Script::Common {
                    t!("no-font-for-characters.help")
                } else {
                    t!(
                        "no-font-for-script.help",
                        script = script.full_name().replace('_', " ")
                    )
                };
                Diagnostic::error(self.source, span, message).with_help(help)
            })
            .collect())
    }
}

/// Characters that are never drawn: spaces, line ends, soft hyphens, zero-width joiners and the
/// like.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{fe00}'..='\u{fe0f}')
}

/// Calls `f` with every text a reader sees in the body: headings, paragraphs, lists, tables.
pub fn visit_text(programme: &Programme, f: &mut dyn FnMut(&str)) {
    fn inlines(items: &[Inline], f: &mut dyn FnMut(&str)) {
        for inline in items {
            match inline {
                Inline::Text { text } | Inline::Code { text } => f(text),
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strikethrough { content }
                | Inline::Lang { content, .. }
                | Inline::Link { content, .. } => inlines(content, f),
                Inline::LineBreak => {}
            }
        }
    }
    for section in programme.all_sections() {
        inlines(&section.heading, f);
    }
    for block in programme.blocks() {
        for run in block.own_inlines() {
            inlines(run, f);
        }
        if let BlockKind::Preformatted { text } = &block.kind {
            f(text);
        }
    }
}
