//! The one loaded model of a programme. Every output renders from these types; nothing renders
//! from raw Markdown. The model serialises to JSON so that templates receive it as data.

use serde::Serialize;

/// A programme: its front matter and its body, parsed and validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programme {
    /// The source file, relative to the project root, with `/` separators.
    pub source: String,
    /// The file stem; names the output folder and files.
    pub slug: String,
    pub meta: Metadata,
    /// Blocks before the first section heading.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// The language files of its region: the words its outputs add, its quotation marks.
    #[serde(skip)]
    pub languages: std::sync::Arc<crate::language::Languages>,
    /// For a translation: its original.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<crate::translation::TranslationOf>,
}

/// What a translation behind its original is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutOfDate {
    #[default]
    Warning,
    Error,
}

impl Programme {
    /// The words the outputs add around its text, in its language.
    pub fn labels(&self) -> &crate::i18n::Labels {
        self.languages.labels(&self.meta.lang)
    }

    /// The file name of its output of `kind`: a translation's starts with its original's slug
    /// and its language (`omstart.fi-leaflet.pdf`, `omstart.fi.html`), beside the original's in
    /// the same folder.
    pub fn output_file(&self, kind: crate::output::OutputKind) -> String {
        match &self.translation {
            Some(_) => kind.file_name(
                &crate::translation::file_stem(&self.slug, &self.meta.lang),
                self.labels(),
            ),
            None => kind.file_name(&self.slug, self.labels()),
        }
    }
}

/// The front matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    pub title: String,
    pub subtitle: Option<String>,
    pub region: String,
    /// BCP 47 language tag (required in the front matter).
    pub lang: String,
    pub party: Option<String>,
    pub period: Option<String>,
    /// ISO 8601 calendar date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The legally responsible publisher printed on leaflets.
    pub publisher: Option<String>,
    pub contact: Option<String>,
    /// A short lead text for the one-page summary.
    pub summary: Option<String>,
    /// How many pledges of each section the one-page summary takes (all when `None`).
    pub summary_pledges: Option<u32>,
    /// What the summary does when not every pledge fits (the layout's choice when `None`).
    pub summary_overflow: Option<Overflow>,
    /// A LIX above this in a section is a warning (overrides the layout's target).
    pub lix_target: Option<f64>,
    pub cover: Option<Image>,
    /// For a translation not named after its original: the original's path, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_of: Option<String>,
    /// For a translation: what being behind its original is (overrides the layout's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations_out_of_date: Option<OutOfDate>,
}

/// A heading and everything under it up to the next heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// 2 for `##`, 3 for `###`, …
    pub level: u8,
    pub heading: Vec<Inline>,
    /// Line of the heading in the source file.
    pub line: usize,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
}

/// A block and the source line it starts on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub line: usize,
    #[serde(flatten)]
    pub kind: BlockKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph {
        content: Vec<Inline>,
    },
    /// A list of commitments (see `source::markdown` for how one is told from other lists):
    /// after a lead-in that announces them ("Därför vill vi:"), under a heading that names
    /// them ("Våra löften"), or marked `<!-- pledges -->`. The lead-in is empty when the list
    /// has none.
    PledgeList {
        lead_in: Vec<Inline>,
        /// `Some(start)` when the pledges are numbered.
        start: Option<u64>,
        items: Vec<ListItem>,
    },
    List {
        /// `Some(start)` for an ordered list.
        start: Option<u64>,
        items: Vec<ListItem>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    /// Blocks in another language than the programme's (`::: {lang=fi}` … `:::`).
    Lang {
        lang: String,
        dir: &'static str,
        blocks: Vec<Block>,
    },
    Table {
        align: Vec<Align>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Image(Image),
    /// Indented or fenced code: kept verbatim rather than lost.
    Preformatted {
        text: String,
    },
    ThematicBreak,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListItem {
    pub blocks: Vec<Block>,
    /// Marked for the one-page summary (`<!-- summary -->` in the item): when any pledge is
    /// marked, the summary shows the marked ones.
    #[serde(skip)]
    pub in_summary: bool,
}

/// What the one-page summary does when not every pledge fits at the smallest type size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overflow {
    /// Show as many pledges of each section as fit, and say which are left out (a warning).
    #[default]
    Shorten,
    /// Fail the summary, for campaigns that choose the pledges themselves.
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// Relative to the project root, with `/` separators; checked to exist inside the project.
    pub path: String,
    pub alt: String,
    /// Where the source refers to the image (byte range), for messages about it.
    #[serde(skip)]
    pub at: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Strikethrough {
        content: Vec<Inline>,
    },
    Link {
        url: String,
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    LineBreak,
    /// Words in another language than the programme's (`[Buorre beaivi]{lang=se}`): screen
    /// readers pronounce them, and the PDFs set them, as that language; `dir` is its direction.
    Lang {
        lang: String,
        dir: &'static str,
        content: Vec<Inline>,
    },
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }
}

/// The words of a run of inlines as plain text, without link targets: what a reader sees.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Lang { content, .. }
            | Inline::Link { content, .. } => push_plain_text(content, out),
            Inline::LineBreak => out.push(' '),
        }
    }
}

impl Block {
    /// The blocks directly inside this one (a list's items', a quote's), in order. Every kind
    /// is named: a new kind of block must say what it holds.
    pub fn children(&self) -> Vec<&Block> {
        match &self.kind {
            BlockKind::PledgeList { items, .. } | BlockKind::List { items, .. } => {
                items.iter().flat_map(|item| &item.blocks).collect()
            }
            BlockKind::Quote { blocks } | BlockKind::Lang { blocks, .. } => blocks.iter().collect(),
            BlockKind::Paragraph { .. }
            | BlockKind::Table { .. }
            | BlockKind::Image(_)
            | BlockKind::Preformatted { .. }
            | BlockKind::ThematicBreak => Vec::new(),
        }
    }

    /// The runs of text this block holds itself, not its children's: a paragraph, a lead-in,
    /// table cells. (Preformatted text is plain: see [`BlockKind::Preformatted`].)
    pub fn own_inlines(&self) -> Vec<&[Inline]> {
        match &self.kind {
            BlockKind::Paragraph { content } => vec![content.as_slice()],
            BlockKind::PledgeList { lead_in, .. } => vec![lead_in.as_slice()],
            BlockKind::Table { header, rows, .. } => header
                .iter()
                .chain(rows.iter().flatten())
                .map(Vec::as_slice)
                .collect(),
            BlockKind::List { .. }
            | BlockKind::Quote { .. }
            | BlockKind::Lang { .. }
            | BlockKind::Image(_)
            | BlockKind::Preformatted { .. }
            | BlockKind::ThematicBreak => Vec::new(),
        }
    }
}

/// `blocks` and every block inside them, depth first in document order (a list before its
/// items' blocks).
pub fn depth_first(blocks: &[Block]) -> Vec<&Block> {
    fn walk<'a>(block: &'a Block, out: &mut Vec<&'a Block>) {
        out.push(block);
        for child in block.children() {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        walk(block, &mut out);
    }
    out
}

impl Programme {
    /// Every block of the programme, depth first in document order: the introduction's, then
    /// each section's (subsections after their section).
    pub fn blocks(&self) -> Vec<&Block> {
        let mut out = depth_first(&self.intro);
        for section in self.all_sections() {
            out.extend(depth_first(&section.blocks));
        }
        out
    }

    /// Every image: the cover's, then those in the text.
    pub fn images(&self) -> Vec<&Image> {
        let mut images: Vec<&Image> = self.meta.cover.iter().collect();
        images.extend(
            self.blocks()
                .into_iter()
                .filter_map(|block| match &block.kind {
                    BlockKind::Image(image) => Some(image),
                    _ => None,
                }),
        );
        images
    }

    /// Its folder in the output folder: `<region>/<slug>`. Region and slug are checked to be
    /// plain names, so it is inside the output folder.
    pub fn folder(&self) -> std::path::PathBuf {
        std::path::Path::new(&self.meta.region).join(&self.slug)
    }

    /// The number of pledges: the items of every pledge list.
    pub fn pledge_count(&self) -> usize {
        self.blocks()
            .into_iter()
            .map(|block| match &block.kind {
                BlockKind::PledgeList { items, .. } => items.len(),
                _ => 0,
            })
            .sum()
    }

    /// Where the pledges are: each section with pledge lists of its own (by its heading's
    /// text; the introduction as `None`) and how many pledges it has, in document order.
    pub fn pledges_by_section(&self) -> Vec<(Option<String>, usize)> {
        let count = |blocks: &[Block]| -> usize {
            depth_first(blocks)
                .into_iter()
                .map(|block| match &block.kind {
                    BlockKind::PledgeList { items, .. } => items.len(),
                    _ => 0,
                })
                .sum()
        };
        let mut out = vec![(None, count(&self.intro))];
        for section in self.all_sections() {
            out.push((Some(plain_text(&section.heading)), count(&section.blocks)));
        }
        out.retain(|(_, n)| *n > 0);
        out
    }

    /// Every section, depth first, in document order.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
            for section in sections {
                out.push(section);
                walk(&section.sections, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }
}
