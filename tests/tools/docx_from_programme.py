#!/usr/bin/env python3
"""Writes a trycksak programme (Markdown with front matter) as a Word document the way Swedish
Word does, for the import's round-trip test (tests/import.rs): the text through python-docx, then
the package edited as Word itself writes it:

- localised style ids (Swedish Word names its built-in styles `Rubrik1`, `Punktlista`, `Rubrik`,
  `Underrubrik`; their `w:name` stays `heading 1`, `List Bullet`, …);
- bullets and numbers from the list styles' numbering, each numbered list restarted with its
  own `w:num` (as "Restart at" does), nesting by `w:ilvl`;
- bold lead phrases, italics, hyperlinks as relationships, hard line breaks;
- tables with a header row; an image with its alt text in `wp:docPr/@descr`;
- the document's language (`sv-SE` for `lang: sv`) in the default run properties.

Usage: docx_from_programme.py SOURCE.md OUT.docx [IMAGE.png]
(with IMAGE, the picture is added after the first paragraph, alt text "Ett exempel på en bild").
"""

import copy
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from markdown_it import MarkdownIt

SWEDISH_IDS = {
    "Title": "Rubrik",
    "Subtitle": "Underrubrik",
    "Heading1": "Rubrik1",
    "Heading2": "Rubrik2",
    "Heading3": "Rubrik3",
    "Heading4": "Rubrik4",
    "ListBullet": "Punktlista",
    "ListBullet2": "Punktlista2",
    "ListNumber": "Numreradlista",
    "ListNumber2": "Numreradlista2",
    "ListParagraph": "Liststycke",
    "TableGrid": "Tabellrutnt",
}


# The language Word writes for a programme's `lang`.
LANGUAGES = {"sv": "sv-SE", "en": "en-GB", "fi": "fi-FI", "nb": "nb-NO", "de": "de-DE"}


def front_matter(text):
    """The front matter's simple `key: value` lines, and the body."""
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    values = {}
    for line in match.group(1).splitlines():
        if ":" in line and not line.startswith((" ", "#")):
            key, value = line.split(":", 1)
            values[key.strip()] = value.strip().strip('"')
    return values, match.group(2)


def add_hyperlink(paragraph, url, runs_spec):
    part = paragraph.part
    r_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    for text, bold, italic in runs_spec:
        link.append(make_run(text, bold, italic, style="Hyperlink"))
    paragraph._p.append(link)


def make_run(text, bold, italic, style=None):
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    if style:
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), style)
        props.append(rstyle)
    if bold:
        props.append(OxmlElement("w:b"))
    if italic:
        props.append(OxmlElement("w:i"))
    if len(props):
        run.append(props)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def add_inline(paragraph, children):
    """Markdown inline tokens into a paragraph: bold, italic, links, breaks."""
    bold = italic = False
    link = None
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            link = (token.attrs.get("href", ""), [])
        elif kind == "link_close":
            add_hyperlink(paragraph, link[0], link[1])
            link = None
        elif kind in ("text", "code_inline"):
            if link is not None:
                link[1].append((token.content, bold, italic))
            else:
                paragraph._p.append(make_run(token.content, bold, italic))
        elif kind == "softbreak":
            if link is not None:
                link[1].append((" ", bold, italic))
            else:
                paragraph._p.append(make_run(" ", bold, italic))
        elif kind == "hardbreak":
            run = OxmlElement("w:r")
            run.append(OxmlElement("w:br"))
            paragraph._p.append(run)
        elif kind == "html_inline":
            pass


def set_numbering(paragraph, num_id, level):
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)


def new_num(document, abstract_id, start):
    """A new numbering instance of `abstract_id` restarting at `start`, as Word adds one."""
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(ids + [0]) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), str(abstract_id))
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_override = OxmlElement("w:startOverride")
    start_override.set(qn("w:val"), str(start))
    override.append(start_override)
    num.append(override)
    numbering.append(num)
    return num_id


def abstract_of_style(document, style_name):
    """The abstract numbering a list style's numbering instance uses."""
    style = document.styles[style_name]
    num_id = style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == num_id:
            return int(num.find(qn("w:abstractNumId")).get(qn("w:val"))), num_id
    raise SystemExit(f"no numbering for {style_name}")


def write(source, out, image=None):
    with open(source, encoding="utf-8") as f:
        values, body = front_matter(f.read())
    document = docx.Document()
    document.add_paragraph(values.get("title", ""), style="Title")
    if values.get("subtitle"):
        document.add_paragraph(values["subtitle"], style="Subtitle")
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(body)
    bullet_abstract, bullet_num = abstract_of_style(document, "List Bullet")
    number_abstract, _ = abstract_of_style(document, "List Number")
    lists = []  # (ordered, num_id) of the open lists
    i = 0
    first_paragraph_done = False
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1]) - 1
            paragraph = document.add_paragraph(style=f"Heading {level}")
            add_inline(paragraph, tokens[i + 1].children)
            i += 3
            continue
        if kind == "bullet_list_open":
            lists.append((False, bullet_num))
        elif kind == "ordered_list_open":
            start = int(token.attrs.get("start", 1))
            lists.append((True, new_num(document, number_abstract, start)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            if lists:
                ordered, num_id = lists[-1]
                style = "List Number" if ordered else "List Bullet"
                paragraph = document.add_paragraph(style=style)
                set_numbering(paragraph, num_id, len(lists) - 1)
            else:
                paragraph = document.add_paragraph()
            add_inline(paragraph, inline.children)
            if image and not first_paragraph_done and not lists:
                document.add_picture(image)
                doc_pr = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
                doc_pr.set("descr", "Ett exempel på en bild")
                first_paragraph_done = True
            i += 3
            continue
        elif kind == "table_open":
            rows = []
            j = i
            while tokens[j].type != "table_close":
                if tokens[j].type == "tr_open":
                    rows.append([])
                if tokens[j].type == "inline":
                    rows[-1].append(tokens[j].children)
                j += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = document.styles["Table Grid"]
            for r, row in enumerate(rows):
                for c, children in enumerate(row):
                    cell = table.cell(r, c)
                    add_inline(cell.paragraphs[0], children)
            i = j + 1
            continue
        i += 1
    # The document's language, as Swedish Word sets it.
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), LANGUAGES.get(values.get("lang", "sv"), values.get("lang", "sv")))
    # Swedish Word's style ids.
    ids = {}
    for style in document.styles.element.findall(qn("w:style")):
        old = style.get(qn("w:styleId"))
        if old in SWEDISH_IDS:
            ids[old] = SWEDISH_IDS[old]
            style.set(qn("w:styleId"), SWEDISH_IDS[old])
    for element in list(document.styles.element.iter()) + list(document.element.iter()):
        if element.tag in (qn("w:pStyle"), qn("w:basedOn"), qn("w:next"), qn("w:link"), qn("w:tblStyle")):
            value = element.get(qn("w:val"))
            if value in ids:
                element.set(qn("w:val"), ids[value])
    document.core_properties.title = values.get("title", "")
    document.save(out)


if __name__ == "__main__":
    write(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
