//! The Markdown body → sections, blocks and inlines, parsed once with comrak.
//!
//! Positions from comrak are relative to the body; every diagnostic is moved to whole-file
//! lines so that an editor jumps to the right place.

use std::ops::Range;

use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};
use comrak::{Arena, Options, parse_document};

use super::{Context, Parts};
use crate::diagnostics::Diagnostic;
use crate::language::{Languages, PledgeWords};
use crate::model::{Align, Block, BlockKind, Image, Inline, ListItem, Section, plain_text};

pub(super) struct Body {
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// Whether each list, in document order, is a pledge list: a translation's lists follow
    /// its original's.
    pub pledge_lists: Vec<bool>,
}

/// `lang` is the front matter's language, when it could be read: it decides, with the region's
/// `languages`, which words mark a pledge list.
pub(super) fn parse(
    cx: &Context,
    parts: &Parts,
    lang: Option<&str>,
    languages: &Languages,
    original_pledge_lists: Option<&[bool]>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.parse.sourcepos_chars = true;
    let body = language_fences(parts.body);
    let (body, repairs) = repair_pasted(&body);
    for repair in &repairs {
        let line = cx.file.line_span(parts.body_line + repair.line - 1);
        let (message, help) = match repair.kind {
            Repair::PastedList => (t!("pasted-list"), t!("pasted-list.help")),
            Repair::HeadingWithoutSpace => (
                t!("heading-without-space"),
                t!("heading-without-space.help"),
            ),
        };
        diagnostics.push(Diagnostic::warning(cx.file, Some(line), message).with_help(help));
    }
    let root = parse_document(&arena, &body, &options);

    let mut parser = Parser {
        cx,
        body_line: parts.body_line,
        diagnostics,
        warned_html: false,
        depth: 0,
        inline_depth: 0,
        reported_nesting: false,
        languages,
        pledge_words: lang.and_then(|lang| languages.of(lang)).map(|l| &l.pledges),
        pledge_heading: false,
        original_pledge_lists,
        pledge_lists: Vec::new(),
    };
    let mut outline = Outline::default();
    let children: Vec<&AstNode> = root.children().collect();
    let mut pending = Vec::new();
    for node in children {
        if let NodeValue::Heading(heading) = &node.data().value {
            let blocks = parser.blocks(&std::mem::take(&mut pending));
            outline.push_blocks(blocks);
            parser.heading(node, heading.level, &mut outline);
        } else {
            pending.push(node);
        }
    }
    let blocks = parser.blocks(&pending);
    outline.push_blocks(blocks);
    let mut body = outline.finish();
    body.pledge_lists = parser.pledge_lists;
    body
}

struct Parser<'a, 'c> {
    cx: &'a Context<'c>,
    body_line: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
    warned_html: bool,
    /// How many lists and quotes enclose the block being read.
    depth: usize,
    /// How many emphases, links and the like enclose the text being read.
    inline_depth: usize,
    reported_nesting: bool,
    /// The language files of the programme's region.
    languages: &'a Languages,
    /// The language's words for pledges; `None` for a language without a file (then any list
    /// after a paragraph ending in ":" is a pledge list, as before languages had words).
    pledge_words: Option<&'a PledgeWords>,
    /// Whether the open section's heading names pledges ("Våra löften").
    pledge_heading: bool,
    /// For a translation: which of its original's lists are pledge lists, in order.
    original_pledge_lists: Option<&'a [bool]>,
    /// Which lists so far are pledge lists.
    pledge_lists: Vec<bool>,
}

/// The end of a span in another language, `]{lang=se}`; compiled once (every inline run is
/// searched for it).
static CLOSING_SPAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\]\{\s*lang\s*=\s*\x22?([^\x22}\s]*)\x22?\s*\}").expect("a valid pattern")
});

/// The line that opens a block in another language, `::: {lang=fi}`.
static OPENING_FENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r#"^\s*:::+\s*\{\s*lang\s*=\s*"?([^"}\s]*)"?\s*\}\s*$"#)
        .expect("a valid pattern")
});

/// Lists and quotes nested deeper than this cannot be printed readably (each level indents);
/// deeper is an error, not a stack overflow somewhere further down the pipeline.
const MAX_NESTING: usize = 8;
/// Emphasis in emphasis in emphasis…: beyond this, the text is kept and the formatting dropped.
const MAX_INLINE_NESTING: usize = 8;

impl<'n> Parser<'_, '_> {
    fn line(&self, node: &'n AstNode<'n>) -> usize {
        node.data().sourcepos.start.line + self.body_line - 1
    }

    fn span(&self, node: &'n AstNode<'n>) -> Range<usize> {
        let pos = node.data().sourcepos;
        let file = self.cx.file;
        let start = file.offset(pos.start.line + self.body_line - 1, pos.start.column.max(1));
        let end = file.offset(pos.end.line + self.body_line - 1, pos.end.column.max(1));
        let end = file.text[end..]
            .chars()
            .next()
            .map_or(end, |c| end + c.len_utf8());
        start..end.max(start)
    }

    fn error(
        &mut self,
        node: &'n AstNode<'n>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let span = self.span(node);
        self.diagnostics
            .push(Diagnostic::error(self.cx.file, Some(span), message).with_help(help));
    }

    fn heading(&mut self, node: &'n AstNode<'n>, level: u8, outline: &mut Outline) {
        let content = self.inlines(node);
        if level == 1 {
            self.error(node, t!("h1-heading"), t!("h1-heading.help"));
            return;
        }
        if plain_text(&content).trim().is_empty() {
            self.error(node, t!("empty-heading"), t!("empty-heading.help"));
            return;
        }
        let parent = outline.open_level();
        if level > parent + 1 {
            let marks = "#".repeat(level as usize);
            let expected = "#".repeat(parent as usize + 1);
            self.error(
                node,
                t!("skipped-heading-level", marks = marks, parent = parent),
                t!("skipped-heading-level.help", expected = expected),
            );
        }
        let line = self.line(node);
        self.pledge_heading = self
            .pledge_words
            .is_some_and(|words| words.names_pledges(&plain_text(&content)));
        outline.open(Section {
            level,
            heading: content,
            line,
            blocks: Vec::new(),
            sections: Vec::new(),
        });
    }

    /// A sequence of sibling blocks, with the pledge lists among them told apart (a list
    /// becomes a [`BlockKind::PledgeList`] by [`Parser::pledge_rule`]).
    fn blocks(&mut self, nodes: &[&'n AstNode<'n>]) -> Vec<Block> {
        let mut blocks: Vec<Block> = Vec::new();
        let mut mark = None;
        // The language parts open here: their tag, where their blocks start, their fence.
        let mut parts: Vec<(String, usize, &'n AstNode<'n>)> = Vec::new();
        for &node in nodes {
            if let NodeValue::HtmlBlock(html) = &node.data().value
                && let Some(said) = list_mark(&html.literal)
            {
                mark = Some(said);
                continue;
            }
            if let NodeValue::HtmlBlock(html) = &node.data().value
                && let Some(fence) = fence_of(&html.literal)
            {
                match fence {
                    Some(tag) if crate::source::front_matter::is_language_tag(&tag) => {
                        parts.push((tag, blocks.len(), node));
                    }
                    Some(tag) => self.error(
                        node,
                        t!("not-a-language-tag", tag = tag.as_str()),
                        t!("not-a-language-tag.help"),
                    ),
                    None => match parts.pop() {
                        Some((lang, start, open)) => {
                            let inner: Vec<Block> = blocks.drain(start..).collect();
                            blocks.push(Block {
                                line: self.line(open),
                                kind: BlockKind::Lang {
                                    dir: self.languages.direction(&lang).as_str(),
                                    lang,
                                    blocks: inner,
                                },
                            });
                        }
                        None => self.error(
                            node,
                            t!("fence-closes-nothing"),
                            t!("fence-closes-nothing.help"),
                        ),
                    },
                }
                continue;
            }
            if let NodeValue::List(list) = &node.data().value {
                let lead_in = match blocks.last().map(|b| &b.kind) {
                    Some(BlockKind::Paragraph { content })
                        if plain_text(content).trim_end().ends_with(LEAD_IN_COLONS) =>
                    {
                        Some(content.clone())
                    }
                    _ => None,
                };
                let own = self.pledge_rule(node, lead_in.as_deref(), mark.take());
                // A translation's list is a pledge list where its original's is: the words
                // that tell one are the original language's.
                let pledges = self
                    .original_pledge_lists
                    .and_then(|original| original.get(self.pledge_lists.len()).copied())
                    .unwrap_or(own);
                self.pledge_lists.push(pledges);
                if pledges {
                    let start = (list.list_type == ListType::Ordered).then_some(list.start as u64);
                    // Lists inside pledges are told by their own lead-ins, not the heading.
                    let heading = std::mem::replace(&mut self.pledge_heading, false);
                    let items = self.list_items(node);
                    self.pledge_heading = heading;
                    let kind = BlockKind::PledgeList {
                        lead_in: lead_in.clone().unwrap_or_default(),
                        start,
                        items,
                    };
                    match (lead_in, blocks.last_mut()) {
                        (Some(_), Some(last)) => last.kind = kind,
                        _ => blocks.push(Block {
                            line: self.line(node),
                            kind,
                        }),
                    }
                    continue;
                }
            }
            mark = None;
            blocks.extend(self.block(node));
        }
        for (lang, _, open) in parts {
            self.error(
                open,
                t!("fence-unclosed", lang = lang.as_str()),
                t!("fence-unclosed.help"),
            );
        }
        blocks
    }

    /// Whether a list is a pledge list. In order: a `<!-- pledges -->` or `<!-- no pledges -->`
    /// comment right before it decides; a pledge marked `<!-- summary -->` makes it one; a
    /// lead-in (the paragraph before it, ending with ":") whose last sentence announces
    /// commitments in the programme's language ("Därför vill vi:", not "Källor:"); and, at the
    /// top of a section whose heading names pledges ("Tolv gröna löften"), any list.
    fn pledge_rule(
        &self,
        list: &'n AstNode<'n>,
        lead_in: Option<&[Inline]>,
        mark: Option<bool>,
    ) -> bool {
        if let Some(said) = mark {
            return said;
        }
        if list.children().any(marked_for_summary) {
            return true;
        }
        let announced = lead_in.is_some_and(|lead_in| match self.pledge_words {
            Some(words) => words.announces_pledges(&plain_text(lead_in)),
            None => true,
        });
        announced || (self.depth == 0 && self.pledge_heading)
    }

    fn block(&mut self, node: &'n AstNode<'n>) -> Vec<Block> {
        let line = self.line(node);
        let value = node.data().value.clone();
        let kind = match value {
            NodeValue::Paragraph => {
                if let Some(images) = self.image_paragraph(node) {
                    return images;
                }
                BlockKind::Paragraph {
                    content: self.inlines(node),
                }
            }
            NodeValue::List(_) | NodeValue::BlockQuote if self.depth >= MAX_NESTING => {
                if !std::mem::replace(&mut self.reported_nesting, true) {
                    self.error(
                        node,
                        t!("nested-too-deep", levels = MAX_NESTING),
                        t!("nested-too-deep.help"),
                    );
                }
                return Vec::new();
            }
            NodeValue::List(list) => {
                self.depth += 1;
                let items = self.list_items(node);
                self.depth -= 1;
                BlockKind::List {
                    start: (list.list_type == ListType::Ordered).then_some(list.start as u64),
                    items,
                }
            }
            NodeValue::BlockQuote => {
                let children: Vec<_> = node.children().collect();
                self.depth += 1;
                let blocks = self.blocks(&children);
                self.depth -= 1;
                BlockKind::Quote { blocks }
            }
            NodeValue::CodeBlock(code) => BlockKind::Preformatted {
                text: code.literal.trim_end_matches('\n').to_string(),
            },
            NodeValue::ThematicBreak => BlockKind::ThematicBreak,
            NodeValue::Table(table) => self.table(node, &table.alignments),
            NodeValue::HtmlBlock(html) => {
                let literal = html.literal.trim();
                if is_html_comment(literal) {
                    return Vec::new();
                }
                self.warn_html(node);
                BlockKind::Paragraph {
                    content: vec![Inline::text(literal)],
                }
            }
            NodeValue::Heading(_) => {
                self.error(node, t!("heading-in-list"), t!("heading-in-list.help"));
                return Vec::new();
            }
            other => {
                self.error(
                    node,
                    t!("unsupported-markdown", element = format!("{other:?}")),
                    t!("unsupported-markdown.help"),
                );
                return Vec::new();
            }
        };
        vec![Block { line, kind }]
    }

    fn list_items(&mut self, list: &'n AstNode<'n>) -> Vec<ListItem> {
        list.children()
            .map(|item| {
                let children: Vec<_> = item.children().collect();
                ListItem {
                    blocks: self.blocks(&children),
                    in_summary: marked_for_summary(item),
                }
            })
            .collect()
    }

    fn table(&mut self, node: &'n AstNode<'n>, alignments: &[TableAlignment]) -> BlockKind {
        let align = alignments
            .iter()
            .map(|a| match a {
                TableAlignment::None => Align::None,
                TableAlignment::Left => Align::Left,
                TableAlignment::Center => Align::Center,
                TableAlignment::Right => Align::Right,
            })
            .collect();
        let mut header = Vec::new();
        let mut rows = Vec::new();
        for row in node.children() {
            let is_header = matches!(row.data().value, NodeValue::TableRow(true));
            let cells: Vec<Vec<Inline>> = row.children().map(|cell| self.inlines(cell)).collect();
            if is_header {
                header = cells;
            } else {
                rows.push(cells);
            }
        }
        BlockKind::Table {
            align,
            header,
            rows,
        }
    }

    /// A paragraph of nothing but images (and the spaces between them) is a run of image
    /// blocks; `None` for any other paragraph.
    fn image_paragraph(&mut self, paragraph: &'n AstNode<'n>) -> Option<Vec<Block>> {
        let mut images = Vec::new();
        for child in paragraph.children() {
            match &child.data().value {
                NodeValue::Image(_) => images.push(child),
                NodeValue::SoftBreak | NodeValue::LineBreak => {}
                NodeValue::Text(text) if text.trim().is_empty() => {}
                _ => return None,
            }
        }
        if images.is_empty() {
            return None;
        }
        Some(
            images
                .into_iter()
                .filter_map(|node| self.image(node))
                .collect(),
        )
    }

    fn image(&mut self, node: &'n AstNode<'n>) -> Option<Block> {
        let NodeValue::Image(link) = &node.data().value.clone() else {
            return None;
        };
        let alt = plain_text(&self.inlines(node)).trim().to_string();
        if alt.is_empty() {
            self.error(node, t!("image-no-alt"), t!("image-no-alt.help"));
            return None;
        }
        if let Some(problem) = alt_problem(&alt, &link.url, &link.title) {
            self.error(node, problem, t!("image-bad-alt.help"));
            return None;
        }
        let span = self.span(node);
        match self.cx.resolve_image(&link.url, span.clone()) {
            Ok(path) => Some(Block {
                line: self.line(node),
                kind: BlockKind::Image(Image {
                    path,
                    alt,
                    at: span,
                }),
            }),
            Err(diagnostic) => {
                self.diagnostics.push(*diagnostic);
                None
            }
        }
    }

    /// The inline children of `node`, with adjacent text merged and runs of spaces collapsed.
    fn inlines(&mut self, node: &'n AstNode<'n>) -> Vec<Inline> {
        if self.inline_depth >= MAX_INLINE_NESTING {
            return vec![Inline::text(descendant_text(node))];
        }
        self.inline_depth += 1;
        let inlines = self.inlines_of(node);
        self.inline_depth -= 1;
        inlines
    }

    fn inlines_of(&mut self, node: &'n AstNode<'n>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for child in node.children() {
            let value = child.data().value.clone();
            let inline = match value {
                NodeValue::Text(text) => Inline::text(text.as_ref()),
                NodeValue::SoftBreak => Inline::text(" "),
                NodeValue::LineBreak => Inline::LineBreak,
                NodeValue::Code(code) => Inline::Code { text: code.literal },
                NodeValue::Emph => Inline::Emphasis {
                    content: self.inlines(child),
                },
                NodeValue::Strong => Inline::Strong {
                    content: self.inlines(child),
                },
                NodeValue::Strikethrough => Inline::Strikethrough {
                    content: self.inlines(child),
                },
                NodeValue::Link(link) => {
                    let content = self.inlines(child);
                    if plain_text(&content).trim().is_empty() {
                        self.error(child, t!("link-no-text"), t!("link-no-text.help"));
                    }
                    let url = link.url.trim().to_string();
                    let lower = url.to_ascii_lowercase();
                    if !LINK_SCHEMES.iter().any(|scheme| lower.starts_with(scheme)) {
                        let help = if looks_like_web_address(&url) {
                            t!("link-not-an-address.help-scheme", url = url.as_str())
                        } else {
                            t!("link-not-an-address.help")
                        };
                        self.error(child, t!("link-not-an-address", url = url.as_str()), help);
                    }
                    Inline::Link { url, content }
                }
                NodeValue::Image(_) => {
                    self.error(child, t!("image-in-text"), t!("image-in-text.help"));
                    continue;
                }
                NodeValue::HtmlInline(html) => {
                    if is_html_comment(&html) {
                        continue;
                    }
                    self.warn_html(child);
                    Inline::text(html)
                }
                _ => Inline::text(plain_text(&self.inlines(child))),
            };
            push_inline(&mut out, inline);
        }
        self.language_spans(node, out)
    }

    /// `[words]{lang=se}` in a run of inlines, made a span of that language (pandoc's bracketed
    /// spans, which Markdown writers know). A `[` that no `]{lang=…}` closes stays text.
    fn language_spans(&mut self, node: &'n AstNode<'n>, items: Vec<Inline>) -> Vec<Inline> {
        let closing = &*CLOSING_SPAN;
        if !items
            .iter()
            .any(|item| matches!(item, Inline::Text { text } if closing.is_match(text)))
        {
            return items;
        }
        let mut out: Vec<Inline> = Vec::new();
        // Where each open `[` stands in `out` (as a text of its own until it is closed).
        let mut open: Vec<usize> = Vec::new();
        for item in items {
            let Inline::Text { text } = item else {
                out.push(item);
                continue;
            };
            let mut rest = text.as_str();
            loop {
                let next_open = rest.find('[');
                let next_close = closing
                    .captures(rest)
                    .map(|c| (c.get(0).unwrap().range(), c[1].to_string()));
                match (next_open, next_close) {
                    (Some(at), close) if close.as_ref().is_none_or(|(r, _)| at < r.start) => {
                        push_text(&mut out, &rest[..at]);
                        open.push(out.len());
                        out.push(Inline::text("["));
                        rest = &rest[at + 1..];
                    }
                    (_, Some((range, tag))) => {
                        push_text(&mut out, &rest[..range.start]);
                        match open.pop() {
                            Some(start) if crate::source::front_matter::is_language_tag(&tag) => {
                                let content: Vec<Inline> = out.drain(start + 1..).collect();
                                out.pop();
                                out.push(Inline::Lang {
                                    dir: self.languages.direction(&tag).as_str(),
                                    lang: tag,
                                    content,
                                });
                            }
                            Some(start) => {
                                self.error(
                                    node,
                                    t!("not-a-language-tag", tag = tag.as_str()),
                                    t!("not-a-language-tag.help"),
                                );
                                let _ = start;
                                push_text(&mut out, &rest[range.clone()]);
                            }
                            None => push_text(&mut out, &rest[range.clone()]),
                        }
                        rest = &rest[range.end..];
                    }
                    _ => {
                        push_text(&mut out, rest);
                        break;
                    }
                }
            }
        }
        // The texts kept apart while a `[` was open, joined again.
        let mut joined = Vec::with_capacity(out.len());
        for item in out {
            push_inline(&mut joined, item);
        }
        joined
    }

    fn warn_html(&mut self, node: &'n AstNode<'n>) {
        if std::mem::replace(&mut self.warned_html, true) {
            return;
        }
        let span = self.span(node);
        self.diagnostics.push(
            Diagnostic::warning(self.cx.file, Some(span), t!("html-not-interpreted"))
                .with_help(t!("html-not-interpreted.help")),
        );
    }
}

/// Alt text that tells a reader nothing: the file name, or the same words as the caption.
pub(super) fn alt_problem(alt: &str, path: &str, caption: &str) -> Option<String> {
    let alt = alt.trim().to_lowercase();
    let file = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_lowercase();
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem);
    if alt == file || alt == stem {
        return Some(t!("alt-is-file-name", file = file.as_str()));
    }
    if !caption.trim().is_empty() && alt == caption.trim().to_lowercase() {
        return Some(t!("alt-is-caption"));
    }
    None
}

/// The colons a lead-in ends with: the Latin one, Ethiopic's preface colon (Tigrinya's "፦") and
/// colon, and the full-width one.
const LEAD_IN_COLONS: &[char] = &[':', '፦', '፥', '：'];

/// A common slip that the text is read through, with a note at its line.
enum Repair {
    /// Lines starting with `•`, `–` and the like (pasted from a word processor): read as a
    /// Markdown list.
    PastedList,
    /// `##Heading`: read as the heading it was meant to be.
    HeadingWithoutSpace,
}

struct Repaired {
    /// 1-based line of the body.
    line: usize,
    kind: Repair,
}

/// The characters a list pasted from a word processor starts its lines with.
pub(super) const PASTED_BULLETS: &[char] = &['•', '·', '–', '—', '▪', '◦', '●'];

/// The body with pasted bullet lists made Markdown lists and `##Heading` made `## Heading`,
/// outside code blocks. A bullet character becomes `-` (one character for one, so that every
/// position, counted in characters, stays where it was); a run of two or more lines is needed,
/// since a single `– ` line is how Swedish text marks speech. Only `##` to `######` count as
/// headings: `#val2026` is a hashtag.
fn repair_pasted(body: &str) -> (String, Vec<Repaired>) {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let bullet_of = |line: &str| {
        let rest = line.trim_start();
        let bullet = rest.chars().next()?;
        (PASTED_BULLETS.contains(&bullet) && rest[bullet.len_utf8()..].starts_with(' '))
            .then_some(bullet)
    };
    let mut repaired = Vec::new();
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<&str> = None;
    let mut run_start = None;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        if fence.is_some() || marker.is_some() {
            out.push_str(line);
            continue;
        }
        let bullet = bullet_of(line);
        let in_run = bullet.is_some()
            && (i > 0 && bullet_of(lines[i - 1]) == bullet
                || lines
                    .get(i + 1)
                    .is_some_and(|next| bullet_of(next) == bullet));
        if let Some(bullet) = bullet.filter(|_| in_run) {
            if run_start.is_none() {
                run_start = Some(i);
                repaired.push(Repaired {
                    line: i + 1,
                    kind: Repair::PastedList,
                });
            }
            out.push_str(&line.replacen(bullet, "-", 1));
            continue;
        }
        run_start = None;
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        let after = trimmed[hashes..].chars().next();
        if (2..=6).contains(&hashes) && after.is_some_and(char::is_alphanumeric) {
            let indent = line.len() - trimmed.len();
            out.push_str(&line[..indent + hashes]);
            out.push(' ');
            out.push_str(&line[indent + hashes..]);
            repaired.push(Repaired {
                line: i + 1,
                kind: Repair::HeadingWithoutSpace,
            });
            continue;
        }
        out.push_str(line);
    }
    (out, repaired)
}

/// Appends `text` as an inline of its own (not joined to the one before: that may be a `[`
/// whose span is not closed yet).
fn push_text(out: &mut Vec<Inline>, text: &str) {
    if !text.is_empty() {
        out.push(Inline::text(text));
    }
}

/// Pandoc's fenced divs for a language part (`::: {lang=fi}` … `:::`), made the HTML comments
/// the block reader takes them as (`<!-- lang=fi -->`, `<!-- /lang -->`): a line for a line, so
/// that every other line stays where it was. Code blocks are left alone.
pub(crate) fn language_fences(body: &str) -> String {
    let opening = &*OPENING_FENCE;
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        let end = &line[content.len()..];
        if fence.is_none() && marker.is_none() {
            if let Some(tag) = opening.captures(content) {
                out.push_str(&format!("<!-- lang={} -->{end}", &tag[1]));
                continue;
            }
            if trimmed.trim_end().chars().all(|c| c == ':') && trimmed.trim_end().len() >= 3 {
                out.push_str(&format!("<!-- /lang -->{end}"));
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// What a block comment made of a fence says: `Some(Some(tag))` opens a part, `Some(None)`
/// closes one, `None` is another comment.
fn fence_of(html: &str) -> Option<Option<String>> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    if inner == "/lang" {
        return Some(None);
    }
    inner
        .strip_prefix("lang=")
        .map(|tag| Some(tag.trim().to_string()))
}

/// A link target written as a web address without its scheme (`www.gotland.se/vard`,
/// `region.se`): a host name of dotted words, optionally a path — what `https://` would fix.
fn looks_like_web_address(target: &str) -> bool {
    let host = target.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.len() >= 2
                && tld.chars().all(char::is_alphabetic)
                && !FILE_ENDINGS.contains(&tld.to_ascii_lowercase().as_str())
        })
}

/// Endings of file names, which a link to a file (`sida.html`) has where a host has its
/// top-level domain.
const FILE_ENDINGS: &[&str] = &[
    "html", "htm", "pdf", "md", "txt", "doc", "docx", "odt", "jpg", "jpeg", "png", "gif", "svg",
];

/// All text under `node`, without formatting (iterative: the nesting may be deep).
fn descendant_text<'n>(node: &'n AstNode<'n>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        match &descendant.data().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(code) => text.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            NodeValue::HtmlInline(html) if !is_html_comment(html) => text.push_str(html),
            _ => {}
        }
    }
    text
}

/// What a link may point to: the web, e-mail and phone (no `javascript:`, `data:` or `file:`,
/// and no address relative to a page that does not exist on paper).
const LINK_SCHEMES: &[&str] = &["https://", "http://", "mailto:", "tel:"];

/// The comments that mark a pledge for the one-page summary.
pub const SUMMARY_MARKERS: &[&str] = &["summary", "sammanfattning"];

/// The comments that say the list after them is, or is not, a pledge list.
pub const PLEDGE_MARKERS: &[&str] = &["pledges", "löften"];
pub const NOT_PLEDGE_MARKERS: &[&str] = &["no pledges", "not pledges", "inga löften", "ej löften"];

/// What an HTML comment says of the list after it: `Some(true)` for `<!-- pledges -->`,
/// `Some(false)` for `<!-- no pledges -->`, `None` for any other comment or HTML.
fn list_mark(html: &str) -> Option<bool> {
    let inner = html.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
    let inner = inner.trim().to_lowercase();
    if PLEDGE_MARKERS.contains(&inner.as_str()) {
        Some(true)
    } else if NOT_PLEDGE_MARKERS.contains(&inner.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// Whether a list item holds a `<!-- summary -->` comment of its own (not in a nested list).
fn marked_for_summary<'n>(item: &'n AstNode<'n>) -> bool {
    fn walk<'n>(node: &'n AstNode<'n>) -> bool {
        node.children().any(|child| match &child.data().value {
            NodeValue::List(_) => false,
            NodeValue::HtmlInline(html) => is_marker(html),
            NodeValue::HtmlBlock(html) => is_marker(&html.literal),
            _ => walk(child),
        })
    }
    fn is_marker(html: &str) -> bool {
        let inner = html
            .trim()
            .strip_prefix("<!--")
            .and_then(|h| h.strip_suffix("-->"));
        inner.is_some_and(|inner| {
            SUMMARY_MARKERS
                .iter()
                .any(|marker| inner.trim().eq_ignore_ascii_case(marker))
        })
    }
    walk(item)
}

fn is_html_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
}

/// Appends an inline, merging text into the previous text and collapsing runs of spaces.
fn push_inline(out: &mut Vec<Inline>, inline: Inline) {
    if let Inline::Text { text } = inline {
        let previous_space = match out.last() {
            Some(Inline::Text { text }) => text.ends_with(' '),
            _ => false,
        };
        let mut collapsed = String::with_capacity(text.len());
        let mut space = previous_space;
        for c in text.chars() {
            let is_space = c == ' ' || c == '\t';
            if is_space && space {
                continue;
            }
            space = is_space;
            collapsed.push(if is_space { ' ' } else { c });
        }
        if collapsed.is_empty() {
            return;
        }
        if let Some(Inline::Text { text }) = out.last_mut() {
            text.push_str(&collapsed);
        } else {
            out.push(Inline::Text { text: collapsed });
        }
    } else {
        out.push(inline);
    }
}

/// Builds the section tree from a flat run of headings and blocks.
#[derive(Default)]
struct Outline {
    intro: Vec<Block>,
    /// The open sections, outermost first.
    open: Vec<Section>,
    sections: Vec<Section>,
}

impl Outline {
    /// The level of the innermost open section; 1 (the title) when none is open.
    fn open_level(&self) -> u8 {
        self.open.last().map_or(1, |s| s.level)
    }

    fn push_blocks(&mut self, blocks: Vec<Block>) {
        match self.open.last_mut() {
            Some(section) => section.blocks.extend(blocks),
            None => self.intro.extend(blocks),
        }
    }

    fn open(&mut self, section: Section) {
        while self
            .open
            .last()
            .is_some_and(|open| open.level >= section.level)
        {
            self.close_innermost();
        }
        self.open.push(section);
    }

    fn close_innermost(&mut self) {
        if let Some(closed) = self.open.pop() {
            match self.open.last_mut() {
                Some(parent) => parent.sections.push(closed),
                None => self.sections.push(closed),
            }
        }
    }

    fn finish(mut self) -> Body {
        while !self.open.is_empty() {
            self.close_innermost();
        }
        Body {
            intro: self.intro,
            sections: self.sections,
            pledge_lists: Vec::new(),
        }
    }
}
