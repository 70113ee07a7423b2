//! Word documents (OOXML, `.docx`): `word/document.xml` in reading order, with the styles
//! (`styles.xml`: headings by style name and outline level, whatever language the style ids are
//! in), the numbering definitions (`numbering.xml`: bullets or numbers, nesting, restarts), the
//! relationships (hyperlinks, images), the notes (`footnotes.xml`, `endnotes.xml`) and the
//! document properties (`docProps/core.xml`). Tracked insertions are accepted, deletions and
//! moved-from text dropped, comments dropped (or kept as notes to the editor), each counted.

use std::collections::{BTreeMap, HashMap};

use roxmltree::Node;

use super::package::{Package, parse_xml, resolve};
use super::{Draft, DraftImage, ImportError, ImportOptions, Piece, Run};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/// Whether `node` is the WordprocessingML element `name` (transitional or strict).
fn is_w(node: Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && matches!(node.tag_name().namespace(), Some(W | W_STRICT))
}

/// A WordprocessingML attribute (`w:val`), in either namespace, or without one.
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
        .or_else(|| node.attribute((W_STRICT, name)))
        .or_else(|| node.attribute(name))
}

/// A relationship id attribute (`r:id`, `r:embed`).
fn rel_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((R, name))
        .or_else(|| node.attribute((R_STRICT, name)))
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): `None` when absent.
fn toggle(props: Option<Node>, name: &str) -> Option<bool> {
    let element = child(props?, name)?;
    Some(!matches!(
        attr(element, "val"),
        Some("0" | "false" | "off" | "none")
    ))
}

/// A paragraph or character style, as far as the import needs it.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<(String, u8)>,
    bold: Option<bool>,
    italic: Option<bool>,
    /// Font size in half-points.
    size: Option<u32>,
}

/// One level of a numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    start: u64,
    text: String,
}

struct Styles {
    by_id: HashMap<String, Style>,
    /// The document's default size (half-points) and language.
    default_size: u32,
    default_lang: Option<String>,
}

impl Styles {
    fn chain(&self, id: &str) -> impl Iterator<Item = &Style> {
        super::style_chain(
            id,
            |id| self.by_id.get(id),
            |s: &Style| s.based_on.as_deref(),
        )
    }

    /// A property through the `basedOn` chain.
    fn find<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        self.chain(id).find_map(get)
    }

    /// The names of a style and the styles it is based on, lowercase.
    fn names(&self, id: &str) -> Vec<String> {
        self.chain(id).map(|s| s.name.to_lowercase()).collect()
    }
}

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Subtitle,
    Heading(u8),
    Contents,
    Body,
}

/// The heading level a style id says on its own ("Heading1", "Rubrik1", "Überschrift1",
/// "Otsikko1", "Titre1", …): Word stores the built-in names in English, but a document written
/// in another language may be missing them.
fn level_from_id(id: &str) -> Option<u8> {
    const WORDS: &[&str] = &[
        "heading",
        "rubrik",
        "überschrift",
        "uberschrift",
        "otsikko",
        "titre",
        "kop",
        "titolo",
        "encabezado",
        "título",
        "titulo",
        "nagłówek",
        "naglowek",
        "overskrift",
        "overskrift",
    ];
    let lower = id.to_lowercase();
    let digits: String = lower
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let word = lower[..lower.len() - digits.len()].trim_end_matches([' ', '-', '_']);
    let level: u8 = digits.chars().rev().collect::<String>().parse().ok()?;
    (WORDS.contains(&word) && (1..=9).contains(&level)).then_some(level)
}

fn role_of(styles: &Styles, id: &str) -> Role {
    let names = styles.names(id);
    let first = names.first().map(String::as_str).unwrap_or("");
    if first == "title" || id.eq_ignore_ascii_case("title") {
        return Role::Title;
    }
    if first == "subtitle" || id.eq_ignore_ascii_case("subtitle") || id == "Underrubrik" {
        return Role::Subtitle;
    }
    if first.starts_with("toc ") || first == "toc heading" || id.to_lowercase().starts_with("toc") {
        return Role::Contents;
    }
    for name in &names {
        if let Some(level) = name
            .strip_prefix("heading ")
            .and_then(|n| n.trim().parse::<u8>().ok())
        {
            return Role::Heading(level.clamp(1, 9));
        }
    }
    if let Some(level) = level_from_id(id) {
        return Role::Heading(level);
    }
    if let Some(outline) = styles.find(id, |s| s.outline) {
        return Role::Heading(outline + 1);
    }
    Role::Body
}

fn read_styles(xml: Option<&str>) -> Result<Styles, ImportError> {
    let mut styles = Styles {
        by_id: HashMap::new(),
        default_size: 22,
        default_lang: None,
    };
    let Some(xml) = xml else {
        return Ok(styles);
    };
    let doc = parse_xml(xml, "word/styles.xml")?;
    for node in doc.descendants() {
        if is_w(node, "rPrDefault") {
            if let Some(size) = node
                .descendants()
                .find(|n| is_w(*n, "sz"))
                .and_then(|n| attr(n, "val"))
                .and_then(|v| v.parse().ok())
            {
                styles.default_size = size;
            }
            styles.default_lang = node
                .descendants()
                .find(|n| is_w(*n, "lang"))
                .and_then(|n| attr(n, "val"))
                .map(str::to_string);
        }
        if !is_w(node, "style") {
            continue;
        }
        let Some(id) = attr(node, "styleId") else {
            continue;
        };
        let ppr = child(node, "pPr");
        let rpr = child(node, "rPr");
        let numbering = ppr.and_then(|p| child(p, "numPr")).and_then(|num| {
            let id = child(num, "numId").and_then(|n| attr(n, "val"))?;
            let level = child(num, "ilvl")
                .and_then(|n| attr(n, "val"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            Some((id.to_string(), level))
        });
        styles.by_id.insert(
            id.to_string(),
            Style {
                name: child(node, "name")
                    .and_then(|n| attr(n, "val"))
                    .unwrap_or(id)
                    .to_string(),
                based_on: child(node, "basedOn")
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
                outline: ppr
                    .and_then(|p| child(p, "outlineLvl"))
                    .and_then(|n| attr(n, "val"))
                    .and_then(|v| v.parse::<u8>().ok())
                    .filter(|level| *level < 9),
                numbering,
                bold: toggle(rpr, "b"),
                italic: toggle(rpr, "i"),
                size: rpr
                    .and_then(|r| child(r, "sz"))
                    .and_then(|n| attr(n, "val"))
                    .and_then(|v| v.parse().ok()),
            },
        );
    }
    // The size of Normal text: the default paragraph style's, else the document default.
    let normal = doc
        .descendants()
        .find(|n| {
            is_w(*n, "style")
                && attr(*n, "default") == Some("1")
                && attr(*n, "type") == Some("paragraph")
        })
        .and_then(|n| attr(n, "styleId"))
        .map(str::to_string);
    if let Some(size) = normal.and_then(|id| styles.find(&id, |s| s.size)) {
        styles.default_size = size;
    }
    Ok(styles)
}

/// The numbering definitions: each numbering instance's levels (after its overrides).
fn read_numbering(xml: Option<&str>) -> Result<HashMap<String, Vec<Level>>, ImportError> {
    let mut instances = HashMap::new();
    let Some(xml) = xml else {
        return Ok(instances);
    };
    let doc = parse_xml(xml, "word/numbering.xml")?;
    let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
    let levels_of = |node: Node| -> Vec<Level> {
        let mut levels = vec![Level::default(); 9];
        for level in node.children().filter(|c| is_w(*c, "lvl")) {
            if let Some(index) = attr(level, "ilvl")
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|i| *i < 9)
            {
                levels[index] = levels_of_single(level);
            }
        }
        levels
    };
    for node in doc.root_element().children() {
        if is_w(node, "abstractNum")
            && let Some(id) = attr(node, "abstractNumId")
        {
            abstracts.insert(id.to_string(), levels_of(node));
        }
    }
    for node in doc.root_element().children().filter(|c| is_w(*c, "num")) {
        let (Some(id), Some(abstract_id)) = (
            attr(node, "numId"),
            child(node, "abstractNumId").and_then(|n| attr(n, "val")),
        ) else {
            continue;
        };
        let mut levels = abstracts.get(abstract_id).cloned().unwrap_or_default();
        for over in node.children().filter(|c| is_w(*c, "lvlOverride")) {
            let Some(index) = attr(over, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                continue;
            };
            if index >= levels.len() {
                continue;
            }
            if let Some(level) = child(over, "lvl") {
                levels[index] = levels_of_single(level);
            }
            if let Some(start) = child(over, "startOverride")
                .and_then(|n| attr(n, "val"))
                .and_then(|v| v.parse().ok())
            {
                levels[index].start = start;
            }
        }
        instances.insert(id.to_string(), levels);
    }
    Ok(instances)
}

/// One `w:lvl` of a numbering definition.
fn levels_of_single(level: Node) -> Level {
    Level {
        format: child(level, "numFmt")
            .and_then(|n| attr(n, "val"))
            .unwrap_or("decimal")
            .to_string(),
        start: child(level, "start")
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        text: child(level, "lvlText")
            .and_then(|n| attr(n, "val"))
            .unwrap_or("")
            .to_string(),
    }
}

/// A relationship: its target, and whether it lies outside the package.
struct Relation {
    target: String,
    external: bool,
    kind: String,
}

fn read_relations(xml: Option<&str>, part: &str) -> Result<HashMap<String, Relation>, ImportError> {
    let mut relations = HashMap::new();
    let Some(xml) = xml else {
        return Ok(relations);
    };
    let doc = parse_xml(xml, part)?;
    for node in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
    {
        if let (Some(id), Some(target)) = (node.attribute("Id"), node.attribute("Target")) {
            relations.insert(
                id.to_string(),
                Relation {
                    target: target.to_string(),
                    external: node.attribute("TargetMode") == Some("External"),
                    kind: node
                        .attribute("Type")
                        .unwrap_or("")
                        .rsplit('/')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                },
            );
        }
    }
    Ok(relations)
}

/// A number as a numbering format writes it (`decimal`, `lowerLetter`, `upperRoman`, …).
fn formatted(number: u64, format: &str) -> String {
    let letters = |upper: bool| {
        let mut n = number.max(1) - 1;
        let mut text = String::new();
        loop {
            let c = (b'a' + (n % 26) as u8) as char;
            text.insert(0, if upper { c.to_ascii_uppercase() } else { c });
            if n < 26 {
                break;
            }
            n = n / 26 - 1;
        }
        text
    };
    let roman = |upper: bool| {
        const TABLE: &[(u64, &str)] = &[
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ];
        let mut n = number.min(4999);
        let mut text = String::new();
        for (value, digits) in TABLE {
            while n >= *value {
                text.push_str(digits);
                n -= value;
            }
        }
        if upper { text.to_uppercase() } else { text }
    };
    match format {
        "lowerLetter" => letters(false),
        "upperLetter" => letters(true),
        "lowerRoman" => roman(false),
        "upperRoman" => roman(true),
        _ => number.to_string(),
    }
}

/// The reader's state while it walks the body.
struct Reader<'p> {
    package: &'p mut Package,
    styles: Styles,
    numbering: HashMap<String, Vec<Level>>,
    relations: HashMap<String, Relation>,
    notes: HashMap<(bool, String), Node<'p, 'p>>,
    options: ImportOptions,
    draft: Draft,
    /// The counters of each numbering instance's levels.
    counters: HashMap<String, [u64; 9]>,
    /// Which list each numbering instance's items are in now, and the last one's instance.
    list_ids: HashMap<String, usize>,
    last_list: Option<String>,
    next_list: usize,
    /// Images already read, by their part name.
    images: HashMap<String, usize>,
    /// The languages of runs, counted, when the styles name none.
    languages: BTreeMap<String, usize>,
    /// A complex field being read: its instruction so far, and whether its result has begun.
    field: Vec<Field>,
    /// Pieces found inside a paragraph (text boxes), placed after it.
    after: Vec<Piece>,
    depth: usize,
}

#[derive(Debug, Default)]
struct Field {
    instruction: String,
    in_result: bool,
    link: Option<String>,
    runs: Vec<Run>,
}

/// The formatting a run inherits.
#[derive(Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
    size: u32,
}

pub fn read(package: &mut Package, options: &ImportOptions) -> Result<Draft, ImportError> {
    let content_types = package.text("[Content_Types].xml")?.unwrap_or_default();
    if content_types.contains("macroEnabled") {
        return Err(ImportError::new("import-macros"));
    }
    let main = main_part(package)?;
    let folder = main
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder)
        .to_string();
    let rels_name = format!(
        "{folder}/_rels/{}.rels",
        main.rsplit('/').next().unwrap_or("")
    );
    let document = package
        .text(&main)?
        .ok_or_else(|| ImportError::new("import-not-a-document"))?;
    let styles = read_styles(package.text(&format!("{folder}/styles.xml"))?.as_deref())?;
    let numbering = read_numbering(package.text(&format!("{folder}/numbering.xml"))?.as_deref())?;
    let relations = read_relations(package.text(&rels_name)?.as_deref(), &rels_name)?;
    for relation in relations.values() {
        if relation.external && relation.kind != "hyperlink" {
            return Err(ImportError::new("import-external").with("target", &relation.target));
        }
    }
    let footnotes = package.text(&format!("{folder}/footnotes.xml"))?;
    let endnotes = package.text(&format!("{folder}/endnotes.xml"))?;
    let core = package.text("docProps/core.xml")?;
    let footnotes_doc = footnotes
        .as_deref()
        .map(|xml| parse_xml(xml, "word/footnotes.xml"))
        .transpose()?;
    let endnotes_doc = endnotes
        .as_deref()
        .map(|xml| parse_xml(xml, "word/endnotes.xml"))
        .transpose()?;
    let doc = parse_xml(&document, &main)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is_w(*n, "body"))
        .ok_or_else(|| ImportError::new("import-not-a-document"))?;
    let comments = doc
        .descendants()
        .filter(|n| is_w(*n, "commentReference"))
        .count();
    let mut notes = HashMap::new();
    for (is_end, doc) in [(false, &footnotes_doc), (true, &endnotes_doc)] {
        if let Some(doc) = doc {
            for note in doc
                .root_element()
                .children()
                .filter(|n| is_w(*n, "footnote") || is_w(*n, "endnote"))
            {
                if let Some(id) = attr(note, "id") {
                    notes.insert((is_end, id.to_string()), note);
                }
            }
        }
    }
    let mut reader = Reader {
        package,
        styles,
        numbering,
        relations,
        notes,
        options: options.clone(),
        draft: Draft::default(),
        counters: HashMap::new(),
        list_ids: HashMap::new(),
        last_list: None,
        next_list: 0,
        images: HashMap::new(),
        languages: BTreeMap::new(),
        field: Vec::new(),
        after: Vec::new(),
        depth: 0,
    };
    reader.draft.counts.comments = comments;
    reader.blocks(body, &folder)?;
    let mut draft = std::mem::take(&mut reader.draft);
    draft.lang = reader
        .styles
        .default_lang
        .clone()
        .or_else(|| {
            reader
                .languages
                .iter()
                .max_by_key(|(_, count)| **count)
                .map(|(lang, _)| lang.clone())
        })
        .map(|tag| primary_tag(&tag));
    if let Some(core) = core.as_deref() {
        read_core(core, &mut draft)?;
    }
    finish_title(&mut draft);
    Ok(draft)
}

/// `sv-SE` → `sv`, `en-GB` → `en`: the front matter's `lang` is the language, which is what the
/// outputs follow.
fn primary_tag(tag: &str) -> String {
    crate::language::primary(tag)
}

/// The main document part, from the package's relationships (`_rels/.rels`).
fn main_part(package: &mut Package) -> Result<String, ImportError> {
    let rels = package.text("_rels/.rels")?;
    let relations = read_relations(rels.as_deref(), "_rels/.rels")?;
    let main = relations
        .values()
        .find(|r| r.kind == "officeDocument")
        .and_then(|r| resolve("", &r.target))
        .unwrap_or_else(|| "word/document.xml".to_string());
    Ok(main)
}

/// Title, language and date from the document properties, where the text gave none.
fn read_core(xml: &str, draft: &mut Draft) -> Result<(), ImportError> {
    let doc = parse_xml(xml, "docProps/core.xml")?;
    for node in doc.descendants().filter(|n| n.is_element()) {
        let text = node.text().unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        match node.tag_name().name() {
            "title" if draft.title.is_none() => draft.title = Some(text.to_string()),
            "language" if draft.lang.is_none() => draft.lang = Some(primary_tag(text)),
            "created" if draft.date.is_none() => {
                let day = text.get(..10).unwrap_or("");
                if day.len() == 10 && day.as_bytes()[4] == b'-' && !day.starts_with("1601") {
                    draft.date = Some(day.to_string());
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A title from the first heading when the document has no Title paragraph and no title in its
/// properties: the first heading is then the document's title, not a section.
fn finish_title(draft: &mut Draft) {
    if draft.title.is_some() {
        return;
    }
    if let Some(index) = draft
        .pieces
        .iter()
        .position(|p| matches!(p, Piece::Heading { .. }))
        && let Piece::Heading { runs, .. } = &draft.pieces[index]
    {
        let min = draft
            .pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .min();
        let is_top =
            matches!(&draft.pieces[index], Piece::Heading { level, .. } if Some(*level) == min);
        let single_top = draft
            .pieces
            .iter()
            .filter(|p| matches!(p, Piece::Heading { level, .. } if Some(*level) == min))
            .count()
            == 1;
        if is_top && single_top {
            draft.title = Some(super::plain(runs));
            draft.pieces.remove(index);
        }
    }
}

impl<'p> Reader<'p> {
    /// The block-level children of `node` (the body, a table cell, a text box, a content
    /// control), in order.
    fn blocks(&mut self, node: Node, folder: &str) -> Result<(), ImportError> {
        self.depth += 1;
        if self.depth > 64 {
            self.depth -= 1;
            return Ok(());
        }
        for block in node.children().filter(Node::is_element) {
            match block.tag_name().name() {
                "p" if is_w(block, "p") => self.paragraph(block, folder)?,
                "tbl" if is_w(block, "tbl") => self.table(block, folder)?,
                "del" | "moveFrom" if is_w(block, "del") || is_w(block, "moveFrom") => {
                    self.draft.counts.deletions += 1;
                }
                "sdt" | "sdtContent" | "customXml" | "ins" | "moveTo" | "smartTag" => {
                    if is_w(block, "ins") {
                        self.draft.counts.insertions += 1;
                    }
                    if is_w(block, "moveTo") {
                        self.draft.counts.moves += 1;
                    }
                    if is_w(block, "sdt") {
                        if let Some(content) = child(block, "sdtContent") {
                            self.blocks(content, folder)?;
                        }
                    } else {
                        self.blocks(block, folder)?;
                    }
                }
                "AlternateContent" => {
                    if let Some(choice) = block.children().find(|c| c.tag_name().name() == "Choice")
                    {
                        self.blocks(choice, folder)?;
                    }
                }
                _ => {}
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn paragraph(&mut self, node: Node, folder: &str) -> Result<(), ImportError> {
        let ppr = child(node, "pPr");
        let style = ppr
            .and_then(|p| child(p, "pStyle"))
            .and_then(|s| attr(s, "val"))
            .unwrap_or("")
            .to_string();
        let role = if style.is_empty() {
            Role::Body
        } else {
            role_of(&self.styles, &style)
        };
        let own_outline = ppr
            .and_then(|p| child(p, "outlineLvl"))
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|level| *level < 9);
        let role = match (role, own_outline) {
            (Role::Body, Some(level)) => Role::Heading(level + 1),
            (role, _) => role,
        };
        let numbering = ppr
            .and_then(|p| child(p, "numPr"))
            .and_then(|num| {
                let id = child(num, "numId").and_then(|n| attr(n, "val"))?;
                let level = child(num, "ilvl")
                    .and_then(|n| attr(n, "val"))
                    .and_then(|v| v.parse().ok());
                Some((id.to_string(), level))
            })
            .map(|(id, level)| {
                let style_level = self
                    .styles
                    .find(&style, |s| s.numbering.clone())
                    .map_or(0, |(_, level)| level);
                (id, level.unwrap_or(style_level))
            })
            .or_else(|| self.styles.find(&style, |s| s.numbering.clone()))
            .filter(|(id, _)| id != "0" && self.numbering.contains_key(id));
        let base = Format {
            bold: self.styles.find(&style, |s| s.bold).unwrap_or(false),
            italic: self.styles.find(&style, |s| s.italic).unwrap_or(false),
            size: self
                .styles
                .find(&style, |s| s.size)
                .unwrap_or(self.styles.default_size),
        };
        let mut runs = Vec::new();
        let mut sizes = Vec::new();
        self.inline(node, base, folder, &mut runs, &mut sizes)?;
        let after = std::mem::take(&mut self.after);
        let images: Vec<Piece> = after
            .iter()
            .filter(|p| matches!(p, Piece::Image(_)))
            .cloned()
            .collect();
        let text = super::plain(&runs);
        if role == Role::Contents {
            if !text.trim().is_empty() {
                self.draft.counts.contents_dropped += 1;
            }
            return Ok(());
        }
        let has_text = !text.trim().is_empty();
        let heading_level = match role {
            Role::Heading(level) => Some(level),
            // A second Title paragraph is a heading of the top level.
            Role::Title if self.draft.title.is_some() => Some(1),
            _ => None,
        };
        if !has_text {
            // Nothing to say: only the pictures it holds.
        } else if role == Role::Title && self.draft.title.is_none() {
            self.draft.title = Some(text);
        } else if role == Role::Subtitle && self.draft.subtitle.is_none() {
            self.draft.subtitle = Some(text);
        } else if let Some(level) = heading_level {
            let mut runs = runs;
            // A heading numbered by Word keeps its number as text, as the reader saw it.
            if let Some((id, ilvl)) = &numbering {
                let number = self.number_text(id, *ilvl);
                if !number.is_empty() && !text.starts_with(&number) {
                    runs.insert(
                        0,
                        Run::Text {
                            text: format!("{number} "),
                            bold: false,
                            italic: false,
                        },
                    );
                }
            }
            self.last_list = None;
            // The heading style's bold is its look, not emphasis.
            self.draft.pieces.push(Piece::Heading {
                level,
                runs: unbold(runs),
                by_hand: false,
            });
        } else if let Some((id, ilvl)) = &numbering {
            let (id, ilvl) = (id.clone(), *ilvl);
            let level = self.numbering[&id]
                .get(ilvl as usize)
                .cloned()
                .unwrap_or_default();
            let number = self.count(&id, ilvl);
            let list = self.list_for(&id);
            let bullet = level.format == "bullet" || level.format == "none";
            self.draft.pieces.push(Piece::Item {
                list,
                depth: ilvl.min(8),
                number: (!bullet).then_some(number),
                runs,
            });
        } else {
            self.last_list = None;
            let by_hand = self.looks_like_heading(&runs, &sizes, &text);
            if by_hand {
                let size = sizes.iter().copied().max().unwrap_or(0);
                self.draft.pieces.push(Piece::Heading {
                    level: hand_level(size),
                    runs: unbold(runs),
                    by_hand: true,
                });
            } else {
                self.draft.pieces.push(Piece::Paragraph(runs));
            }
        }
        self.draft.pieces.extend(images);
        self.draft
            .pieces
            .extend(after.into_iter().filter(|p| !matches!(p, Piece::Image(_))));
        Ok(())
    }

    /// A heading made by hand: short, standing alone, every letter bold, and set larger than the
    /// document's body text.
    fn looks_like_heading(&self, runs: &[Run], sizes: &[u32], text: &str) -> bool {
        let chars = text.chars().count();
        let all_bold = runs.iter().all(|run| match run {
            Run::Text { text, bold, .. } => *bold || text.trim().is_empty(),
            Run::Break => false,
            _ => false,
        });
        let largest = sizes.iter().copied().max().unwrap_or(0);
        (2..=120).contains(&chars)
            && !text.trim_end().ends_with(['.', ',', ';', ':'])
            && all_bold
            && largest * 10 >= self.styles.default_size * 12
    }

    /// The next number of level `ilvl` of numbering `id`, the deeper levels restarting.
    fn count(&mut self, id: &str, ilvl: u8) -> u64 {
        let levels = &self.numbering[id];
        let counters = self.counters.entry(id.to_string()).or_insert_with(|| {
            let mut start = [0u64; 9];
            for (i, level) in levels.iter().enumerate().take(9) {
                start[i] = level.start.saturating_sub(1);
            }
            start
        });
        let i = (ilvl as usize).min(8);
        counters[i] += 1;
        for (deeper, level) in levels.iter().enumerate().skip(i + 1).take(8 - i) {
            counters[deeper] = level.start.saturating_sub(1);
        }
        counters[i]
    }

    /// A numbered heading's number as Word shows it ("2.1.").
    fn number_text(&mut self, id: &str, ilvl: u8) -> String {
        let levels = self.numbering[id].clone();
        let level = levels.get(ilvl as usize).cloned().unwrap_or_default();
        if level.format == "bullet" || level.format == "none" {
            return String::new();
        }
        self.count(id, ilvl);
        let counters = self.counters[id];
        let mut text = level.text.clone();
        for (i, lvl) in levels.iter().enumerate().take(9) {
            text = text.replace(&format!("%{}", i + 1), &formatted(counters[i], &lvl.format));
        }
        text.trim().to_string()
    }

    /// Which list the items of numbering `id` are in: a new one when another list or a
    /// paragraph came between.
    fn list_for(&mut self, id: &str) -> usize {
        if self.last_list.as_deref() != Some(id) || !self.list_ids.contains_key(id) {
            self.next_list += 1;
            self.list_ids.insert(id.to_string(), self.next_list);
        }
        self.last_list = Some(id.to_string());
        self.list_ids[id]
    }

    /// The runs under `node` (a paragraph, a hyperlink, an insertion, …) into `runs`, with the
    /// size of each piece of text into `sizes`.
    fn inline(
        &mut self,
        node: Node,
        base: Format,
        folder: &str,
        runs: &mut Vec<Run>,
        sizes: &mut Vec<u32>,
    ) -> Result<(), ImportError> {
        self.depth += 1;
        if self.depth > 64 {
            self.depth -= 1;
            return Ok(());
        }
        for item in node.children().filter(Node::is_element) {
            let name = item.tag_name().name();
            let is_main = matches!(item.tag_name().namespace(), Some(W | W_STRICT));
            match name {
                "r" if is_main => self.run(item, base, folder, runs, sizes)?,
                "hyperlink" if is_main => {
                    let mut inner = Vec::new();
                    self.inline(item, base, folder, &mut inner, sizes)?;
                    let target = rel_attr(item, "id")
                        .and_then(|id| self.relations.get(id))
                        .filter(|r| r.external)
                        .map(|r| r.target.clone())
                        .filter(|url| is_address(url));
                    match target {
                        Some(url) => self.push_link(runs, url, inner),
                        None => {
                            if attr(item, "anchor").is_some() {
                                self.draft.counts.internal_links += 1;
                            }
                            self.push_all(runs, inner);
                        }
                    }
                }
                "ins" | "moveTo" if is_main => {
                    if name == "ins" {
                        self.draft.counts.insertions += 1;
                    } else {
                        self.draft.counts.moves += 1;
                    }
                    self.inline(item, base, folder, runs, sizes)?;
                }
                "del" if is_main => self.draft.counts.deletions += 1,
                "moveFrom" if is_main => {}
                "fldSimple" if is_main => {
                    let instruction = attr(item, "instr").unwrap_or("");
                    let mut inner = Vec::new();
                    self.inline(item, base, folder, &mut inner, sizes)?;
                    match hyperlink_of(instruction).filter(|url| is_address(url)) {
                        Some(url) => self.push_link(runs, url, inner),
                        None => self.push_all(runs, inner),
                    }
                }
                "smartTag" | "customXml" | "sdt" | "sdtContent" | "dir" | "bdo" if is_main => {
                    self.inline(item, base, folder, runs, sizes)?;
                }
                "AlternateContent" => {
                    if let Some(choice) = item.children().find(|c| c.tag_name().name() == "Choice")
                    {
                        self.inline(choice, base, folder, runs, sizes)?;
                    }
                }
                "pPr" | "proofErr" | "bookmarkStart" | "bookmarkEnd" | "commentRangeStart"
                | "commentRangeEnd" | "permStart" | "permEnd" => {}
                _ => {}
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn push_link(&mut self, runs: &mut Vec<Run>, url: String, inner: Vec<Run>) {
        if let Some(field) = self
            .field
            .last_mut()
            .filter(|f| f.in_result && f.link.is_some())
        {
            field.runs.extend(inner);
            return;
        }
        let _ = &self.options;
        runs.push(Run::Link { url, runs: inner });
    }

    fn push_all(&mut self, runs: &mut Vec<Run>, inner: Vec<Run>) {
        for run in inner {
            self.push(runs, run);
        }
    }

    /// A run into `runs`, or into the hyperlink field whose result is being read.
    fn push(&mut self, runs: &mut Vec<Run>, run: Run) {
        match self.field.last_mut() {
            Some(field) if field.in_result && field.link.is_some() => field.runs.push(run),
            _ => runs.push(run),
        }
    }

    fn run(
        &mut self,
        node: Node,
        base: Format,
        folder: &str,
        runs: &mut Vec<Run>,
        sizes: &mut Vec<u32>,
    ) -> Result<(), ImportError> {
        let rpr = child(node, "rPr");
        let character_style = rpr
            .and_then(|r| child(r, "rStyle"))
            .and_then(|s| attr(s, "val"))
            .map(str::to_string);
        let styled = |get: fn(&Style) -> Option<bool>| {
            character_style
                .as_deref()
                .and_then(|id| self.styles.find(id, get))
        };
        let format = Format {
            bold: toggle(rpr, "b")
                .or_else(|| styled(|s| s.bold))
                .unwrap_or(base.bold),
            italic: toggle(rpr, "i")
                .or_else(|| styled(|s| s.italic))
                .unwrap_or(base.italic),
            size: rpr
                .and_then(|r| child(r, "sz"))
                .and_then(|n| attr(n, "val"))
                .and_then(|v| v.parse().ok())
                .or_else(|| {
                    character_style
                        .as_deref()
                        .and_then(|id| self.styles.find(id, |s| s.size))
                })
                .unwrap_or(base.size),
        };
        if toggle(rpr, "vanish") == Some(true) {
            self.draft.counts.hidden += 1;
            return Ok(());
        }
        if let Some(lang) = rpr
            .and_then(|r| child(r, "lang"))
            .and_then(|n| attr(n, "val"))
        {
            *self.languages.entry(lang.to_string()).or_default() += 1;
        }
        let text_run = |text: String| Run::Text {
            text,
            bold: format.bold,
            italic: format.italic,
        };
        for item in node.children().filter(Node::is_element) {
            let is_main = matches!(item.tag_name().namespace(), Some(W | W_STRICT));
            match item.tag_name().name() {
                "t" if is_main => {
                    let text = item.text().unwrap_or("").to_string();
                    if self.in_instruction() {
                        continue;
                    }
                    if !text.trim().is_empty() {
                        sizes.push(format.size);
                    }
                    self.push(runs, text_run(text));
                }
                "instrText" if is_main => {
                    if let Some(field) = self.field.last_mut() {
                        field.instruction.push_str(item.text().unwrap_or(""));
                    }
                }
                "fldChar" if is_main => match attr(item, "fldCharType") {
                    Some("begin") => self.field.push(Field::default()),
                    Some("separate") => {
                        if let Some(field) = self.field.last_mut() {
                            field.in_result = true;
                            field.link =
                                hyperlink_of(&field.instruction).filter(|url| is_address(url));
                        }
                    }
                    Some("end") => {
                        if let Some(field) = self.field.pop()
                            && let Some(url) = field.link
                        {
                            self.push(
                                runs,
                                Run::Link {
                                    url,
                                    runs: field.runs,
                                },
                            );
                        }
                    }
                    _ => {}
                },
                "tab" | "ptab" if is_main => self.push(runs, text_run(" ".into())),
                "br" | "cr" if is_main => {
                    if matches!(attr(item, "type"), Some("page" | "column")) {
                        self.push(runs, text_run(" ".into()));
                    } else {
                        self.push(runs, Run::Break);
                    }
                }
                "noBreakHyphen" if is_main => self.push(runs, text_run("\u{2011}".into())),
                "sym" if is_main => {
                    let symbol = attr(item, "char")
                        .and_then(|code| u32::from_str_radix(code, 16).ok())
                        .map(|code| if code >= 0xF000 { code - 0xF000 } else { code })
                        .and_then(char::from_u32)
                        .filter(|c| !c.is_control());
                    if let Some(symbol) = symbol {
                        self.push(runs, text_run(symbol.to_string()));
                    }
                }
                "footnoteReference" | "endnoteReference" if is_main => {
                    let is_end = item.tag_name().name() == "endnoteReference";
                    if let Some(id) = attr(item, "id") {
                        self.note(is_end, id, folder, runs)?;
                    }
                }
                "commentReference" if is_main => {
                    if self.options.keep_comments
                        && let Some(id) = attr(item, "id")
                    {
                        let text = self.comment_text(id)?;
                        if !text.is_empty() {
                            self.push(runs, Run::Comment(text));
                        }
                    }
                }
                "drawing" if is_main => self.drawing(item, folder)?,
                "pict" | "object" if is_main => {
                    let image = item
                        .descendants()
                        .find(|n| n.tag_name().name() == "imagedata");
                    let alt = item
                        .descendants()
                        .find(|n| n.tag_name().name() == "shape")
                        .and_then(|n| n.attribute("alt"))
                        .map(str::to_string);
                    let textbox = item.descendants().find(|n| is_w(*n, "txbxContent"));
                    if let Some(textbox) = textbox {
                        self.textbox(textbox, folder)?;
                    } else if let Some(id) = image.and_then(|n| rel_attr(n, "id")) {
                        self.image(id, alt, folder)?;
                    } else if item.tag_name().name() == "object" {
                        self.draft.counts.objects += 1;
                    }
                }
                "AlternateContent" => {
                    if let Some(choice) = item.children().find(|c| c.tag_name().name() == "Choice")
                    {
                        for part in choice.children().filter(Node::is_element) {
                            if is_w(part, "drawing") {
                                self.drawing(part, folder)?;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether a field's instruction (not its shown result) is being read.
    fn in_instruction(&self) -> bool {
        self.field.last().is_some_and(|f| !f.in_result)
    }

    /// A DrawingML drawing: a picture (with its alt text) or a text box.
    fn drawing(&mut self, node: Node, folder: &str) -> Result<(), ImportError> {
        if let Some(textbox) = node.descendants().find(|n| is_w(*n, "txbxContent")) {
            return self.textbox(textbox, folder);
        }
        let properties = node.descendants().find(|n| n.tag_name().name() == "docPr");
        let alt = properties
            .and_then(|p| p.attribute("descr").or_else(|| p.attribute("title")))
            .map(str::to_string);
        let blip = node.descendants().find(|n| n.tag_name().name() == "blip");
        match blip.and_then(|b| rel_attr(b, "embed").or_else(|| rel_attr(b, "link"))) {
            Some(id) => self.image(id, alt, folder),
            None => {
                // A chart or a shape: nothing to carry over but its description.
                self.draft.counts.objects += 1;
                Ok(())
            }
        }
    }

    /// A text box's paragraphs, read in order after the paragraph it is anchored in.
    fn textbox(&mut self, node: Node, folder: &str) -> Result<(), ImportError> {
        let outer = std::mem::take(&mut self.draft.pieces);
        let outer_after = std::mem::take(&mut self.after);
        self.blocks(node, folder)?;
        let inner = std::mem::replace(&mut self.draft.pieces, outer);
        self.after = outer_after;
        self.after.extend(inner);
        Ok(())
    }

    fn image(&mut self, id: &str, alt: Option<String>, folder: &str) -> Result<(), ImportError> {
        let Some(relation) = self.relations.get(id) else {
            return Ok(());
        };
        if relation.external {
            return Err(ImportError::new("import-external").with("target", &relation.target));
        }
        let part = resolve(folder, &relation.target)
            .ok_or_else(|| ImportError::new("import-outside").with("target", &relation.target))?;
        let index = match self.images.get(&part) {
            Some(index) => *index,
            None => {
                let Some(bytes) = self.package.read(&part)? else {
                    return Ok(());
                };
                let extension = image_extension(&bytes, &part);
                let Some(extension) = extension else {
                    // An EMF or WMF drawing: no format a PDF can show.
                    self.draft.counts.objects += 1;
                    return Ok(());
                };
                if let Err(problem) = crate::images::inspect_bytes(&bytes) {
                    let (message, _) = problem.explain(&part);
                    return Err(ImportError::new("import-image").with("why", message));
                }
                self.draft.images.push(DraftImage {
                    bytes,
                    extension,
                    alt: None,
                });
                let index = self.draft.images.len() - 1;
                self.images.insert(part, index);
                index
            }
        };
        if let Some(alt) = alt.filter(|a| !a.trim().is_empty()) {
            self.draft.images[index].alt.get_or_insert(alt);
        }
        self.after.push(Piece::Image(index));
        Ok(())
    }

    /// A footnote's or endnote's text, as a numbered note, its marker in the text.
    fn note(
        &mut self,
        is_end: bool,
        id: &str,
        folder: &str,
        runs: &mut Vec<Run>,
    ) -> Result<(), ImportError> {
        let Some(note) = self.notes.get(&(is_end, id.to_string())).copied() else {
            return Ok(());
        };
        let mut text = Vec::new();
        let mut sizes = Vec::new();
        let pieces = std::mem::take(&mut self.draft.pieces);
        for (index, paragraph) in note.children().filter(|n| is_w(*n, "p")).enumerate() {
            if index > 0 {
                text.push(Run::Break);
            }
            self.inline(paragraph, Format::default(), folder, &mut text, &mut sizes)?;
        }
        // Pictures in a note go after the paragraph; its text boxes are read into the note.
        let stray = std::mem::replace(&mut self.draft.pieces, pieces);
        let _ = stray;
        self.draft.notes.push(text);
        let number = self.draft.notes.len();
        self.push(runs, Run::Note(number));
        Ok(())
    }

    fn comment_text(&mut self, id: &str) -> Result<String, ImportError> {
        let Some(xml) = self.package.text("word/comments.xml")? else {
            return Ok(String::new());
        };
        let doc = parse_xml(&xml, "word/comments.xml")?;
        let text = doc
            .descendants()
            .find(|n| is_w(*n, "comment") && attr(*n, "id") == Some(id))
            .map(|comment| {
                comment
                    .descendants()
                    .filter(|n| is_w(*n, "t"))
                    .filter_map(|n| n.text())
                    .collect::<Vec<_>>()
                    .join("")
            })
            .unwrap_or_default();
        Ok(text)
    }

    fn table(&mut self, node: Node, folder: &str) -> Result<(), ImportError> {
        self.last_list = None;
        let mut rows = Vec::new();
        for row in node.children().filter(|n| is_w(*n, "tr")) {
            let mut cells = Vec::new();
            for cell in row.children().filter(|n| is_w(*n, "tc") || is_w(*n, "sdt")) {
                let cell = if is_w(cell, "sdt") {
                    match cell.descendants().find(|n| is_w(*n, "tc")) {
                        Some(tc) => tc,
                        None => continue,
                    }
                } else {
                    cell
                };
                let span = child(cell, "tcPr")
                    .and_then(|p| child(p, "gridSpan"))
                    .and_then(|g| attr(g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let continued = child(cell, "tcPr")
                    .and_then(|p| child(p, "vMerge"))
                    .is_some_and(|v| attr(v, "val") != Some("restart"));
                // The cell's text: its paragraphs (and any nested table's) on one line.
                let outer = std::mem::take(&mut self.draft.pieces);
                self.blocks(cell, folder)?;
                let inner = std::mem::replace(&mut self.draft.pieces, outer);
                let mut runs = Vec::new();
                for piece in inner {
                    let piece_runs = match piece {
                        Piece::Heading { runs, .. } | Piece::Paragraph(runs) => runs,
                        Piece::Item { runs, .. } => runs,
                        Piece::Table(rows) => rows
                            .into_iter()
                            .flatten()
                            .flat_map(|cell| {
                                let mut cell = cell;
                                cell.push(Run::Text {
                                    text: " ".into(),
                                    bold: false,
                                    italic: false,
                                });
                                cell
                            })
                            .collect(),
                        Piece::Image(index) => {
                            // An image in a table goes after it.
                            self.after.push(Piece::Image(index));
                            continue;
                        }
                    };
                    if !runs.is_empty() {
                        runs.push(Run::Text {
                            text: " ".into(),
                            bold: false,
                            italic: false,
                        });
                    }
                    runs.extend(piece_runs);
                }
                let runs = runs
                    .into_iter()
                    .map(|run| {
                        if run == Run::Break {
                            Run::Text {
                                text: " ".into(),
                                bold: false,
                                italic: false,
                            }
                        } else {
                            run
                        }
                    })
                    .collect();
                cells.push(if continued { Vec::new() } else { runs });
                for _ in 1..span {
                    cells.push(Vec::new());
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

/// The level of a heading made by hand, by its size: larger is higher (20 pt and up a first
/// level, then by steps).
fn hand_level(size_half_points: u32) -> u8 {
    match size_half_points {
        40.. => 1,
        30..40 => 2,
        26..30 => 3,
        _ => 4,
    }
}

/// A heading's runs without the bold that made it one by hand.
fn unbold(runs: Vec<Run>) -> Vec<Run> {
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

/// Whether a link target is an address a reader can follow from print or the web (`https://`,
/// `http://`, `mailto:`, `tel:`); a link to a file beside the document is kept as its text.
fn is_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// The address of a `HYPERLINK "…"` field (a link to a bookmark, `\l`, is none).
fn hyperlink_of(instruction: &str) -> Option<String> {
    let rest = instruction.trim().strip_prefix("HYPERLINK")?.trim();
    if rest.starts_with("\\l") {
        return None;
    }
    let url = rest.trim_start_matches('"');
    let url = url.split('"').next()?.trim();
    (!url.is_empty()).then(|| url.to_string())
}

/// The file ending of an image, from its bytes (or its part name for SVG); `None` for formats a
/// PDF cannot take (EMF, WMF, TIFF).
fn image_extension(bytes: &[u8], part: &str) -> Option<String> {
    if crate::images::looks_like_svg(bytes) {
        return Some("svg".into());
    }
    match image::guess_format(bytes).ok()? {
        image::ImageFormat::Png => Some("png".into()),
        image::ImageFormat::Jpeg => Some("jpg".into()),
        image::ImageFormat::Gif => Some("gif".into()),
        image::ImageFormat::WebP => Some("webp".into()),
        _ => {
            let _ = part;
            None
        }
    }
}
