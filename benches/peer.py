#!/usr/bin/env python3
"""The speed issue's peer: what a campaign could script with the standard tools instead of
trycksak. For each programme given: pandoc 3 turns the Markdown into a Typst document and into
plain text, then Typst 0.15 compiles the PDF (two outputs a programme, against trycksak's
seven). With the project's own fonts, so both typeset with the same faces.

Needs PyPI's `pypandoc-binary` (pandoc 3) and `typst` (Typst's own Python binding, Typst 0.15);
`.ci/run` does not install them, `cargo bench` skips the peer where they are missing.

Usage: peer.py OUT_DIR FONTS_DIR PROGRAMME.md...
"""

import pathlib
import subprocess
import sys

import pypandoc
import typst


def main() -> None:
    out, fonts, sources = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    pandoc = pypandoc.get_pandoc_path()
    for source in sources:
        stem = out / pathlib.Path(source).stem
        subprocess.run(
            # The front matter's `region` is ours (a layout); Typst reads it as a country.
            [pandoc, source, "-f", "markdown", "-t", "typst", "-s", "-M", "region=SE"]
            + ["-o", f"{stem}.typ"],
            check=True,
        )
        subprocess.run(
            [pandoc, source, "-f", "markdown", "-t", "plain", "-o", f"{stem}.txt"],
            check=True,
        )
        typst.compile(f"{stem}.typ", output=f"{stem}.pdf", font_paths=[fonts])


if __name__ == "__main__":
    main()
