#!/usr/bin/env python3
"""Writes a Word document as a board leaves it after review, for tests/import.rs: a heading made
by hand (a Normal paragraph, bold, 16 pt), a tracked insertion and a tracked deletion (as Word's
"Track Changes" writes them, `w:ins` and `w:del` with `w:delText`), and a reviewer's comment
(`comments.xml`, with its range and reference in the text).

Usage: docx_review.py OUT.docx
"""

import sys

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt


def tracked(kind, text, run_id):
    """A `w:ins` or `w:del` holding one run of `text`."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), str(run_id))
    change.set(qn("w:author"), "Styrelsen")
    change.set(qn("w:date"), "2026-05-01T10:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    change.append(run)
    return change


def main(out):
    document = docx.Document()
    document.add_paragraph("Program för Visby", style="Title")
    document.add_paragraph("Inledningen till programmet står här.")

    heading = document.add_paragraph()
    run = heading.add_run("Resor och klimat")
    run.bold = True
    run.font.size = Pt(16)

    paragraph = document.add_paragraph()
    paragraph.add_run("Vi vill bygga ut tåget")
    paragraph._p.append(tracked("ins", " till Visby hamn", 1))
    paragraph._p.append(tracked("del", " så snart det går", 2))
    paragraph.add_run(".")

    commented = document.add_paragraph()
    commented._p.append(parse_xml(f'<w:commentRangeStart {nsdecls("w")} w:id="0"/>'))
    commented.add_run("Färjan ska bli billigare.")
    commented._p.append(parse_xml(f'<w:commentRangeEnd {nsdecls("w")} w:id="0"/>'))
    reference = parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        '<w:commentReference w:id="0"/></w:r>'
    )
    commented._p.append(reference)

    document.save(out)
    # The comment's own part, with its relationship and content type, as Word writes it.
    import zipfile

    comments = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:comments {nsdecls("w")}><w:comment w:id="0" w:author="Granskare" '
        'w:date="2026-05-02T09:00:00Z"><w:p><w:r><w:t>Stryk detta före tryck</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    )
    with zipfile.ZipFile(out) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/comments" Target="comments.xml"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.comments+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    parts["word/comments.xml"] = comments.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


if __name__ == "__main__":
    main(sys.argv[1])
