#!/usr/bin/env python3
"""Build the fresh5 test documents from their plain-text sources.

Source format: '# ' title line, '## ' heading lines, lines containing ' | ' are table rows
(the first row of a run of consecutive rows is the header), other non-empty lines are
paragraphs.

  A (samverkansavtal, överförmyndarenhet)  -> DOCX (python-docx; title = Title style,
                                              '## ' headings = Heading 1, real Word table)
  B (handlingsplan, vattensamverkan)       -> HTML (<h1>, <h2>, <p>, <table> with <th>)

Usage: python3 make_docs.py [SRC_DIR] [OUT_DIR]
python-docx is taken from ./pylib if present (pip install --target ./pylib python-docx),
otherwise from the normal import path (e.g. PYTHONPATH=/work/fresh5/pylib).
"""
import html
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "pylib"))

from docx import Document  # noqa: E402
from docx.shared import Pt  # noqa: E402

DOC_A = "samverkansavtal-overformyndarenhet-arvika-eda-saffle-arjang-2025"
DOC_B = "handlingsplan-vattensamverkan-norra-kalmar-lan-2025-2027"


def parse(path):
    """Return a list of blocks: ('title', text), ('h', text), ('p', text), ('table', rows)."""
    blocks = []
    rows = []
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines + [""]:
        line = line.strip()
        if " | " in line:
            rows.append([c.strip() for c in line.split(" | ")])
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        if not line:
            continue
        if line.startswith("## "):
            blocks.append(("h", line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(("title", line[2:].strip()))
        else:
            blocks.append(("p", line))
    return blocks


def build_docx(blocks, out_path):
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for kind, val in blocks:
        if kind == "title":
            doc.add_heading(val, level=0)
            doc.core_properties.title = val
        elif kind == "h":
            doc.add_heading(val, level=1)
        elif kind == "p":
            doc.add_paragraph(val)
        elif kind == "table":
            ncols = max(len(r) for r in val)
            table = doc.add_table(rows=len(val), cols=ncols)
            table.style = "Table Grid"
            for i, row in enumerate(val):
                for j in range(ncols):
                    cell = table.cell(i, j)
                    cell.text = row[j] if j < len(row) else ""
                    if i == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            doc.add_paragraph("")
    doc.core_properties.language = "sv-SE"
    doc.save(out_path)


def build_html(blocks, out_path):
    e = html.escape
    title = next((v for k, v in blocks if k == "title"), "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="sv">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;}"
        "table{border-collapse:collapse;}th,td{border:1px solid #999;padding:4px 8px;"
        "text-align:left;vertical-align:top;}</style>",
        "</head>",
        "<body>",
    ]
    for kind, val in blocks:
        if kind == "title":
            out.append(f"<h1>{e(val)}</h1>")
        elif kind == "h":
            out.append(f"<h2>{e(val)}</h2>")
        elif kind == "p":
            out.append(f"<p>{e(val)}</p>")
        elif kind == "table":
            out.append("<table>")
            out.append("<thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in val[0]) + "</tr></thead>")
            out.append("<tbody>")
            for row in val[1:]:
                out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
            out.append("</tbody>")
            out.append("</table>")
    out += ["</body>", "</html>", ""]
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def main():
    default_src = os.path.join(HERE, "src")
    if not os.path.isdir(default_src):  # script copied next to the sources (fresh5_src/)
        default_src = HERE
    src = sys.argv[1] if len(sys.argv) > 1 else default_src
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    build_docx(parse(os.path.join(src, DOC_A + ".txt")), os.path.join(out, DOC_A + ".docx"))
    build_html(parse(os.path.join(src, DOC_B + ".txt")), os.path.join(out, DOC_B + ".html"))
    print("wrote", os.path.join(out, DOC_A + ".docx"), "and", os.path.join(out, DOC_B + ".html"))


if __name__ == "__main__":
    main()
