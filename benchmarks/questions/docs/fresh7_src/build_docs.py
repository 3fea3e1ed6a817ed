#!/usr/bin/env python3
"""Build the two invented documents of the fresh7 set from their plain-text sources.

Source markup (docs_src/*.txt), one block per line group:
  "# text"   -> document title (DOCX: Title style, HTML: <h1>)
  "## text"  -> heading (DOCX: Heading 1, HTML: <h2>)
  "- text"   -> bullet item (DOCX: List Bullet, HTML: <ul><li>)
  "1. text"  -> numbered item (DOCX: List Number, HTML: <ol><li>); the literal number is dropped
  "| a | b"  -> table row, first row is the header (DOCX: real Word table, HTML: <table>, <th> header)
  other non-empty lines -> paragraph

Usage: python3 build_docs.py   (needs python-docx in ./pylib: pip install --target pylib python-docx)
"""
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "pylib"))
import docx  # noqa: E402

SRC_A = os.path.join(HERE, "docs_src", "doc_a_avsiktsforklaring_aldre_norra_halsingland.txt")
SRC_B = os.path.join(HERE, "docs_src", "doc_b_verksamhetsplan_klimatanpassning_hoglandet.txt")
OUT_A = os.path.join(HERE, "docs", "avsiktsforklaring-halsoframjande-arbete-aldre-norra-halsingland-2025.docx")
OUT_B = os.path.join(HERE, "docs", "verksamhetsplan-klimatanpassningsnatverket-hoglandet-2025-2026.html")

NUM_RE = re.compile(r"^(\d+)\.\s+(.*)$")


def parse(path):
    """Return a list of blocks: (kind, payload)."""
    blocks = []
    table = None
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").strip()
            if line.startswith("|"):
                cells = [c.strip() for c in line.strip("|").split("|")]
                if table is None:
                    table = []
                    blocks.append(("table", table))
                table.append(cells)
                continue
            table = None
            if not line:
                continue
            if line.startswith("## "):
                blocks.append(("h", line[3:]))
            elif line.startswith("# "):
                blocks.append(("title", line[2:]))
            elif line.startswith("- "):
                blocks.append(("bullet", line[2:]))
            elif NUM_RE.match(line):
                blocks.append(("num", NUM_RE.match(line).group(2)))
            else:
                blocks.append(("p", line))
    return blocks


def build_docx(blocks, out):
    d = docx.Document()
    d.core_properties.title = next(p for k, p in blocks if k == "title")
    d.core_properties.author = "fresh7"
    for kind, payload in blocks:
        if kind == "title":
            d.add_paragraph(payload, style="Title")
        elif kind == "h":
            d.add_paragraph(payload, style="Heading 1")
        elif kind == "bullet":
            d.add_paragraph(payload, style="List Bullet")
        elif kind == "num":
            d.add_paragraph(payload, style="List Number")
        elif kind == "p":
            d.add_paragraph(payload)
        elif kind == "table":
            rows = payload
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j in range(ncol):
                    cell = t.cell(i, j)
                    cell.text = r[j] if j < len(r) else ""
                    if i == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
    d.save(out)


def build_html(blocks, out):
    esc = html.escape
    title = next(p for k, p in blocks if k == "title")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="sv">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
        "</head>",
        "<body>",
    ]
    open_list = None
    for kind, payload in blocks:
        want = {"bullet": "ul", "num": "ol"}.get(kind)
        if open_list and open_list != want:
            parts.append(f"</{open_list}>")
            open_list = None
        if want and not open_list:
            parts.append(f"<{want}>")
            open_list = want
        if kind == "title":
            parts.append(f"<h1>{esc(payload)}</h1>")
        elif kind == "h":
            parts.append(f"<h2>{esc(payload)}</h2>")
        elif kind in ("bullet", "num"):
            parts.append(f"<li>{esc(payload)}</li>")
        elif kind == "p":
            parts.append(f"<p>{esc(payload)}</p>")
        elif kind == "table":
            rows = payload
            parts.append("<table>")
            parts.append("<tr>" + "".join(f"<th>{esc(c)}</th>" for c in rows[0]) + "</tr>")
            for r in rows[1:]:
                parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>")
            parts.append("</table>")
    if open_list:
        parts.append(f"</{open_list}>")
    parts += ["</body>", "</html>", ""]
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(parts))


def main():
    os.makedirs(os.path.join(HERE, "docs"), exist_ok=True)
    build_docx(parse(SRC_A), OUT_A)
    build_html(parse(SRC_B), OUT_B)
    print("built", OUT_A)
    print("built", OUT_B)


if __name__ == "__main__":
    main()
