//! OpenDocument text (`.odt`), as LibreOffice and many public offices save it: `content.xml`
//! in reading order, with the styles of `styles.xml` and `content.xml` (headings by outline
//! level, titles, bold and italic, sizes), the list styles (bullets or numbers, start values),
//! the notes, frames with pictures or text, and `meta.xml` for title, language and date. The
//! tracked changes' deleted text lives apart from the body (`text:tracked-changes`) and is left
//! there; annotations (comments) are dropped or kept as notes to the editor.

use std::collections::HashMap;

use roxmltree::Node;

use super::package::{Package, parse_xml, resolve};
use super::{Draft, DraftImage, ImportError, ImportOptions, Piece, Run};

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const FO: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const XLINK: &str = "http://www.w3.org/1999/xlink";

/// A paragraph or text style, as far as the import needs it.
#[derive(Debug, Clone, Default)]
struct Style {
    display: String,
    parent: Option<String>,
    outline: Option<u8>,
    bold: Option<bool>,
    italic: Option<bool>,
    /// Font size in points.
    size: Option<f64>,
}

struct Styles {
    by_name: HashMap<String, Style>,
    /// List style → for each level, whether it numbers and from what.
    lists: HashMap<String, Vec<Option<u64>>>,
    default_size: f64,
    default_lang: Option<String>,
}

impl Styles {
    fn chain(&self, name: &str) -> impl Iterator<Item = &Style> {
        super::style_chain(
            name,
            |n| self.by_name.get(n),
            |s: &Style| s.parent.as_deref(),
        )
    }

    /// A property through the parent styles.
    fn find<T>(&self, name: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        self.chain(name).find_map(get)
    }

    /// The display names of a style and its parents, lowercase.
    fn display_names(&self, name: &str) -> Vec<String> {
        self.chain(name).map(|s| s.display.to_lowercase()).collect()
    }
}

/// An element's local name: the ODF vocabularies do not reuse the names compared here.
fn local<'i>(node: Node<'_, 'i>) -> &'i str {
    node.tag_name().name()
}

fn read_styles(xml: &str, part: &str, styles: &mut Styles) -> Result<(), ImportError> {
    let doc = parse_xml(xml, part)?;
    for node in doc.descendants().filter(Node::is_element) {
        match node.tag_name().name() {
            "default-style" if node.attribute((STYLE, "family")) == Some("paragraph") => {
                if let Some(props) = node
                    .children()
                    .find(|c| c.tag_name().name() == "text-properties")
                {
                    if let Some(size) = props.attribute((FO, "font-size")).and_then(points) {
                        styles.default_size = size;
                    }
                    if let Some(language) =
                        props.attribute((FO, "language")).filter(|l| *l != "zxx")
                    {
                        styles.default_lang = Some(language.to_string());
                    }
                }
            }
            "style" => {
                let Some(name) = node.attribute((STYLE, "name")) else {
                    continue;
                };
                let props = node
                    .children()
                    .find(|c| c.tag_name().name() == "text-properties");
                styles.by_name.insert(
                    name.to_string(),
                    Style {
                        display: node
                            .attribute((STYLE, "display-name"))
                            .unwrap_or(name)
                            .replace("_20_", " "),
                        parent: node
                            .attribute((STYLE, "parent-style-name"))
                            .map(str::to_string),
                        outline: node
                            .attribute((STYLE, "default-outline-level"))
                            .and_then(|v| v.parse().ok()),
                        bold: props
                            .and_then(|p| p.attribute((FO, "font-weight")))
                            .map(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600)),
                        italic: props
                            .and_then(|p| p.attribute((FO, "font-style")))
                            .map(|s| s == "italic" || s == "oblique"),
                        size: props
                            .and_then(|p| p.attribute((FO, "font-size")))
                            .and_then(points),
                    },
                );
            }
            "list-style" => {
                let Some(name) = node.attribute((STYLE, "name")) else {
                    continue;
                };
                let mut levels = vec![None; 10];
                for level in node.children().filter(Node::is_element) {
                    let index = level
                        .attribute((TEXT, "level"))
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 10)
                        - 1;
                    if level.tag_name().name() == "list-level-style-number" {
                        let numbers = !level
                            .attribute((STYLE, "num-format"))
                            .unwrap_or("1")
                            .is_empty();
                        let start = level
                            .attribute((TEXT, "start-value"))
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1);
                        levels[index] = numbers.then_some(start);
                    }
                }
                styles.lists.insert(name.to_string(), levels);
            }
            _ => {}
        }
    }
    Ok(())
}

/// "12pt", "0.5in", "4.2mm" in points; percentages (relative sizes) are not sizes.
fn points(value: &str) -> Option<f64> {
    let value = value.trim();
    let (number, unit) = value.split_at(value.find(|c: char| c.is_alphabetic() || c == '%')?);
    let number: f64 = number.parse().ok()?;
    match unit {
        "pt" => Some(number),
        "in" => Some(number * 72.0),
        "cm" => Some(number * 72.0 / 2.54),
        "mm" => Some(number * 72.0 / 25.4),
        "pc" => Some(number * 12.0),
        _ => None,
    }
}

#[derive(Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
    size: f64,
}

struct Reader<'p> {
    package: &'p mut Package,
    styles: Styles,
    options: ImportOptions,
    draft: Draft,
    /// Lists by their numbering: the list counters while a list is open.
    next_list: usize,
    images: HashMap<String, usize>,
    after: Vec<Piece>,
    depth: usize,
}

pub fn read(package: &mut Package, options: &ImportOptions) -> Result<Draft, ImportError> {
    let mimetype = package.text("mimetype")?.unwrap_or_default();
    if !mimetype.is_empty()
        && !mimetype
            .trim()
            .starts_with("application/vnd.oasis.opendocument.text")
    {
        return Err(ImportError::new("import-not-a-document"));
    }
    let mut styles = Styles {
        by_name: HashMap::new(),
        lists: HashMap::new(),
        default_size: 12.0,
        default_lang: None,
    };
    if let Some(xml) = package.text("styles.xml")? {
        read_styles(&xml, "styles.xml", &mut styles)?;
    }
    let content = package
        .text("content.xml")?
        .ok_or_else(|| ImportError::new("import-not-a-document"))?;
    read_styles(&content, "content.xml", &mut styles)?;
    if let Some(size) = styles.find("Standard", |s| s.size) {
        styles.default_size = size;
    }
    let meta = package.text("meta.xml")?;
    let doc = parse_xml(&content, "content.xml")?;
    let text = doc
        .descendants()
        .find(|n| {
            n.tag_name().name() == "text"
                && n.tag_name()
                    .namespace()
                    .is_some_and(|ns| ns.contains(":office:"))
        })
        .ok_or_else(|| ImportError::new("import-not-a-document"))?;
    let mut reader = Reader {
        package,
        styles,
        options: options.clone(),
        draft: Draft::default(),
        next_list: 0,
        images: HashMap::new(),
        after: Vec::new(),
        depth: 0,
    };
    // Tracked changes: the regions say what was inserted and deleted; the deleted text stays
    // in them, out of the body.
    for region in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "changed-region")
    {
        for change in region.children().filter(Node::is_element) {
            match change.tag_name().name() {
                "insertion" => reader.draft.counts.insertions += 1,
                "deletion" => reader.draft.counts.deletions += 1,
                _ => {}
            }
        }
    }
    reader.draft.counts.comments = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "annotation")
        .count();
    reader.blocks(text, None)?;
    let mut draft = std::mem::take(&mut reader.draft);
    draft.lang = reader
        .styles
        .default_lang
        .clone()
        .map(|tag| crate::language::primary(&tag));
    if let Some(meta) = meta.as_deref() {
        let doc = parse_xml(meta, "meta.xml")?;
        for node in doc.descendants().filter(Node::is_element) {
            let value = node.text().unwrap_or("").trim();
            if value.is_empty() {
                continue;
            }
            match node.tag_name().name() {
                "title" if draft.title.is_none() => draft.title = Some(value.to_string()),
                "language" if draft.lang.is_none() => {
                    draft.lang = Some(crate::language::primary(value));
                }
                "creation-date" if draft.date.is_none() => {
                    let day = value.get(..10).unwrap_or("");
                    if day.len() == 10 && day.as_bytes()[4] == b'-' {
                        draft.date = Some(day.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    Ok(draft)
}

/// The list an item belongs to, and where it is.
#[derive(Clone)]
struct ListContext {
    id: usize,
    depth: u8,
    style: Option<String>,
    counter: u64,
}

impl<'p> Reader<'p> {
    fn blocks(&mut self, node: Node, list: Option<&mut ListContext>) -> Result<(), ImportError> {
        self.depth += 1;
        if self.depth > 64 {
            self.depth -= 1;
            return Ok(());
        }
        let mut list = list;
        for block in node.children().filter(Node::is_element) {
            match local(block) {
                "p" | "h" => self.paragraph(block)?,
                "list" => {
                    let style = block
                        .attribute((TEXT, "style-name"))
                        .map(str::to_string)
                        .or_else(|| list.as_ref().and_then(|l| l.style.clone()));
                    let continues = block.attribute((TEXT, "continue-numbering")) == Some("true");
                    let mut context = match list.as_deref() {
                        Some(outer) => ListContext {
                            id: outer.id,
                            depth: outer.depth + 1,
                            style,
                            counter: 0,
                        },
                        None => {
                            self.next_list += 1;
                            ListContext {
                                id: self.next_list,
                                depth: 0,
                                style,
                                counter: 0,
                            }
                        }
                    };
                    if continues {
                        context.counter = self.last_counter(context.depth);
                    }
                    self.list(block, &mut context)?;
                }
                "table" => self.table(block)?,
                "section" | "index-body" => self.blocks(block, list.as_deref_mut())?,
                "table-of-content" | "alphabetical-index" | "illustration-index" => {
                    self.draft.counts.contents_dropped += block
                        .descendants()
                        .filter(|n| n.tag_name().name() == "p")
                        .count();
                }
                "tracked-changes" | "sequence-decls" | "variable-decls" | "user-field-decls"
                | "forms" | "soft-page-break" => {}
                _ => {}
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// The number the last item of a list at `depth` had (for `continue-numbering`).
    fn last_counter(&self, depth: u8) -> u64 {
        self.draft
            .pieces
            .iter()
            .rev()
            .find_map(|p| match p {
                Piece::Item {
                    depth: d,
                    number: Some(n),
                    ..
                } if *d == depth => Some(*n),
                _ => None,
            })
            .unwrap_or(0)
    }

    fn list(&mut self, node: Node, context: &mut ListContext) -> Result<(), ImportError> {
        for item in node.children().filter(Node::is_element) {
            let name = local(item);
            if name != "list-item" && name != "list-header" {
                continue;
            }
            if let Some(start) = item
                .attribute((TEXT, "start-value"))
                .and_then(|v| v.parse::<u64>().ok())
            {
                context.counter = start.saturating_sub(1);
            }
            let numbered = name == "list-item" && self.numbered(context);
            if numbered {
                if context.counter == 0 {
                    context.counter = self.start_of(context).saturating_sub(1);
                }
                context.counter += 1;
            }
            let mut first = true;
            for block in item.children().filter(Node::is_element) {
                match local(block) {
                    "p" | "h" if first => {
                        first = false;
                        let runs = self.runs_of(block)?;
                        let after = std::mem::take(&mut self.after);
                        self.draft.pieces.push(Piece::Item {
                            list: context.id,
                            depth: context.depth.min(8),
                            number: numbered.then_some(context.counter),
                            runs,
                        });
                        self.draft.pieces.extend(after);
                    }
                    "list" => {
                        let mut inner = ListContext {
                            id: context.id,
                            depth: context.depth + 1,
                            style: block
                                .attribute((TEXT, "style-name"))
                                .map(str::to_string)
                                .or_else(|| context.style.clone()),
                            counter: 0,
                        };
                        self.list(block, &mut inner)?;
                    }
                    _ => {
                        // A second paragraph of an item: its own paragraph after it.
                        self.paragraph(block)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn numbered(&self, context: &ListContext) -> bool {
        context
            .style
            .as_deref()
            .and_then(|s| self.styles.lists.get(s))
            .and_then(|levels| levels.get(context.depth as usize).copied())
            .flatten()
            .is_some()
    }

    fn start_of(&self, context: &ListContext) -> u64 {
        context
            .style
            .as_deref()
            .and_then(|s| self.styles.lists.get(s))
            .and_then(|levels| levels.get(context.depth as usize).copied())
            .flatten()
            .unwrap_or(1)
    }

    fn paragraph(&mut self, node: Node) -> Result<(), ImportError> {
        let style = node
            .attribute((TEXT, "style-name"))
            .unwrap_or("")
            .to_string();
        let names = self.styles.display_names(&style);
        let runs = self.runs_of(node)?;
        let after = std::mem::take(&mut self.after);
        let text = super::plain(&runs);
        let outline = if local(node) == "h" {
            Some(
                node.attribute((TEXT, "outline-level"))
                    .and_then(|v| v.parse::<u8>().ok())
                    .or_else(|| self.styles.find(&style, |s| s.outline))
                    .unwrap_or(1)
                    .clamp(1, 9),
            )
        } else {
            self.styles.find(&style, |s| s.outline)
        };
        let is = |wanted: &str| names.iter().any(|n| n == wanted);
        if text.trim().is_empty() {
        } else if is("title") && self.draft.title.is_none() {
            self.draft.title = Some(text);
        } else if is("subtitle") && self.draft.subtitle.is_none() {
            self.draft.subtitle = Some(text);
        } else if names.first().is_some_and(|n| n.starts_with("contents ")) {
            self.draft.counts.contents_dropped += 1;
        } else if let Some(level) = outline.or_else(|| is("title").then_some(1)) {
            self.draft.pieces.push(Piece::Heading {
                level,
                runs: plain_weight(runs),
                by_hand: false,
            });
        } else if self.looks_like_heading(&runs, &style, node, &text) {
            let size = self.largest_size(node, &style);
            self.draft.pieces.push(Piece::Heading {
                level: if size >= 20.0 {
                    1
                } else if size >= 15.0 {
                    2
                } else {
                    3
                },
                runs: plain_weight(runs),
                by_hand: true,
            });
        } else {
            self.draft.pieces.push(Piece::Paragraph(runs));
        }
        self.draft.pieces.extend(after);
        Ok(())
    }

    fn base_format(&self, style: &str) -> Format {
        Format {
            bold: self.styles.find(style, |s| s.bold).unwrap_or(false),
            italic: self.styles.find(style, |s| s.italic).unwrap_or(false),
            size: self
                .styles
                .find(style, |s| s.size)
                .unwrap_or(self.styles.default_size),
        }
    }

    fn largest_size(&self, node: Node, style: &str) -> f64 {
        let base = self.base_format(style).size;
        node.descendants()
            .filter(|n| n.tag_name().name() == "span")
            .filter_map(|n| n.attribute((TEXT, "style-name")))
            .filter_map(|s| self.styles.find(s, |st| st.size))
            .fold(base, f64::max)
    }

    fn looks_like_heading(&self, runs: &[Run], style: &str, node: Node, text: &str) -> bool {
        let chars = text.chars().count();
        let all_bold = runs.iter().all(|run| match run {
            Run::Text { text, bold, .. } => *bold || text.trim().is_empty(),
            _ => false,
        });
        (2..=120).contains(&chars)
            && !text.trim_end().ends_with(['.', ',', ';', ':'])
            && all_bold
            && self.largest_size(node, style) >= self.styles.default_size * 1.2
    }

    fn runs_of(&mut self, node: Node) -> Result<Vec<Run>, ImportError> {
        let style = node
            .attribute((TEXT, "style-name"))
            .unwrap_or("")
            .to_string();
        let base = self.base_format(&style);
        let mut runs = Vec::new();
        self.inline(node, base, &mut runs)?;
        Ok(runs)
    }

    fn inline(
        &mut self,
        node: Node,
        format: Format,
        runs: &mut Vec<Run>,
    ) -> Result<(), ImportError> {
        self.depth += 1;
        if self.depth > 64 {
            self.depth -= 1;
            return Ok(());
        }
        let text_run = |text: String, format: Format| Run::Text {
            text,
            bold: format.bold,
            italic: format.italic,
        };
        for item in node.children() {
            if item.is_text() {
                let text = item.text().unwrap_or("").replace(['\n', '\r'], " ");
                if !text.is_empty() {
                    runs.push(text_run(text, format));
                }
                continue;
            }
            if !item.is_element() {
                continue;
            }
            match local(item) {
                "span" => {
                    let style = item.attribute((TEXT, "style-name")).unwrap_or("");
                    let inner = Format {
                        bold: self.styles.find(style, |s| s.bold).unwrap_or(format.bold),
                        italic: self
                            .styles
                            .find(style, |s| s.italic)
                            .unwrap_or(format.italic),
                        size: self.styles.find(style, |s| s.size).unwrap_or(format.size),
                    };
                    self.inline(item, inner, runs)?;
                }
                "a" => {
                    let mut inner = Vec::new();
                    self.inline(item, format, &mut inner)?;
                    let href = item.attribute((XLINK, "href")).unwrap_or("");
                    let lower = href.to_ascii_lowercase();
                    if ["https://", "http://", "mailto:", "tel:"]
                        .iter()
                        .any(|s| lower.starts_with(s))
                    {
                        runs.push(Run::Link {
                            url: href.to_string(),
                            runs: inner,
                        });
                    } else {
                        if href.starts_with('#') {
                            self.draft.counts.internal_links += 1;
                        }
                        runs.extend(inner);
                    }
                }
                "s" => {
                    let count = item
                        .attribute((TEXT, "c"))
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(100);
                    runs.push(text_run(" ".repeat(count), format));
                }
                "tab" => runs.push(text_run(" ".into(), format)),
                "line-break" => runs.push(Run::Break),
                "note" => {
                    let body = item.children().find(|c| c.tag_name().name() == "note-body");
                    let mut text = Vec::new();
                    if let Some(body) = body {
                        for (index, paragraph) in body
                            .children()
                            .filter(|c| matches!(c.tag_name().name(), "p" | "h"))
                            .enumerate()
                        {
                            if index > 0 {
                                text.push(Run::Break);
                            }
                            self.inline(paragraph, Format::default(), &mut text)?;
                        }
                    }
                    self.draft.notes.push(text);
                    runs.push(Run::Note(self.draft.notes.len()));
                }
                "annotation" => {
                    if self.options.keep_comments {
                        let comment: String = item
                            .descendants()
                            .filter(|n| n.tag_name().name() == "p")
                            .map(|p| p.descendants().filter_map(|t| t.text()).collect::<String>())
                            .collect::<Vec<_>>()
                            .join(" ");
                        if !comment.trim().is_empty() {
                            runs.push(Run::Comment(comment));
                        }
                    }
                }
                "frame" => self.frame(item)?,
                "deletion"
                | "tracked-changes"
                | "bookmark"
                | "bookmark-start"
                | "bookmark-end"
                | "change"
                | "change-start"
                | "change-end"
                | "soft-page-break"
                | "annotation-end"
                | "reference-mark-start"
                | "reference-mark-end" => {}
                // Fields (page numbers, dates, cross-references): their shown text.
                _ => self.inline(item, format, runs)?,
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// A frame: a picture (with its title or description as alt text) or a text box.
    fn frame(&mut self, node: Node) -> Result<(), ImportError> {
        let alt = node
            .children()
            .find(|c| c.tag_name().name() == "desc")
            .or_else(|| node.children().find(|c| c.tag_name().name() == "title"))
            .and_then(|n| n.text())
            .map(str::to_string);
        for item in node.children().filter(Node::is_element) {
            match local(item) {
                "image" => {
                    let Some(href) = item.attribute((XLINK, "href")) else {
                        continue;
                    };
                    if href.contains("://") {
                        return Err(ImportError::new("import-external").with("target", href));
                    }
                    let part = resolve("", href)
                        .ok_or_else(|| ImportError::new("import-outside").with("target", href))?;
                    self.image(&part, alt.clone())?;
                    return Ok(());
                }
                "text-box" => {
                    let outer = std::mem::take(&mut self.draft.pieces);
                    self.blocks(item, None)?;
                    let inner = std::mem::replace(&mut self.draft.pieces, outer);
                    self.after.extend(inner);
                    return Ok(());
                }
                "object" | "object-ole" => {
                    self.draft.counts.objects += 1;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn image(&mut self, part: &str, alt: Option<String>) -> Result<(), ImportError> {
        let index = match self.images.get(part) {
            Some(index) => *index,
            None => {
                let Some(bytes) = self.package.read(part)? else {
                    return Ok(());
                };
                let extension = match image::guess_format(&bytes) {
                    Ok(image::ImageFormat::Png) => "png",
                    Ok(image::ImageFormat::Jpeg) => "jpg",
                    Ok(image::ImageFormat::Gif) => "gif",
                    Ok(image::ImageFormat::WebP) => "webp",
                    _ if crate::images::looks_like_svg(&bytes) => "svg",
                    _ => {
                        self.draft.counts.objects += 1;
                        return Ok(());
                    }
                };
                if let Err(problem) = crate::images::inspect_bytes(&bytes) {
                    let (message, _) = problem.explain(part);
                    return Err(ImportError::new("import-image").with("why", message));
                }
                self.draft.images.push(DraftImage {
                    bytes,
                    extension: extension.to_string(),
                    alt: None,
                });
                self.images
                    .insert(part.to_string(), self.draft.images.len() - 1);
                self.draft.images.len() - 1
            }
        };
        if let Some(alt) = alt.filter(|a| !a.trim().is_empty()) {
            self.draft.images[index].alt.get_or_insert(alt);
        }
        self.after.push(Piece::Image(index));
        Ok(())
    }

    fn table(&mut self, node: Node) -> Result<(), ImportError> {
        let mut rows = Vec::new();
        for row in node
            .descendants()
            .filter(|n| n.tag_name().name() == "table-row")
            // Rows of a nested table are its own.
            .filter(|n| {
                n.ancestors()
                    .find(|a| a.tag_name().name() == "table")
                    .is_some_and(|t| t == node)
            })
        {
            let mut cells = Vec::new();
            for cell in row.children().filter(Node::is_element) {
                match local(cell) {
                    "table-cell" => {
                        let mut runs = Vec::new();
                        for paragraph in cell
                            .descendants()
                            .filter(|n| matches!(n.tag_name().name(), "p" | "h"))
                        {
                            if !runs.is_empty() {
                                runs.push(Run::Text {
                                    text: " ".into(),
                                    bold: false,
                                    italic: false,
                                });
                            }
                            let format = self.base_format(
                                paragraph.attribute((TEXT, "style-name")).unwrap_or(""),
                            );
                            self.inline(paragraph, format, &mut runs)?;
                        }
                        let runs = runs
                            .into_iter()
                            .map(|run| match run {
                                Run::Break => Run::Text {
                                    text: " ".into(),
                                    bold: false,
                                    italic: false,
                                },
                                other => other,
                            })
                            .collect();
                        cells.push(runs);
                        let span = cell
                            .attribute((TABLE, "number-columns-spanned"))
                            .and_then(|v| v.parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                        for _ in 1..span {
                            cells.push(Vec::new());
                        }
                    }
                    "covered-table-cell" => {}
                    _ => {}
                }
            }
            if !cells.is_empty() {
                rows.push(cells);
            }
        }
        if !rows.is_empty() {
            self.draft.pieces.push(Piece::Table(rows));
        }
        let after = std::mem::take(&mut self.after);
        self.draft.pieces.extend(after);
        Ok(())
    }
}

/// A heading's runs without the weight that is its style's look.
fn plain_weight(runs: Vec<Run>) -> Vec<Run> {
    runs.into_iter()
        .map(|run| match run {
            Run::Text { text, italic, .. } => Run::Text {
                text,
                bold: false,
                italic,
            },
            other => other,
        })
        .collect()
}
