#!/usr/bin/env python3
"""Build the two invented documents from docs_src/ into docs/.

Markup in docs_src/*.txt:  '# ' title, '## ' heading, '### ' caption,
'| a | b |' table row (first row = header), '- ' numbered list item (DOCX),
any other non-empty line = one paragraph.
Doc A -> text PDF (fpdf2, DejaVuSans), Doc B -> DOCX (python-docx).
Run: PYTHONPATH=pylib python3 build_docs.py
"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "pylib"))

SRC = os.path.join(HERE, "docs_src")
OUT = os.path.join(HERE, "docs")
DOC_A = "samverkansavtal-overformyndare-adalen-2025"
DOC_B = "handlingsplan-biblioteksamverkan-jamtland-2025-2027"
FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def parse(path):
    """Return a list of blocks: (kind, payload)."""
    blocks, table = [], None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if table is None:
                table = []
                blocks.append(("table", table))
            table.append(cells)
            continue
        table = None
        if not line.strip():
            continue
        if line.startswith("### "):
            blocks.append(("caption", line[4:]))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        elif line.startswith("- "):
            blocks.append(("li", line[2:]))
        else:
            blocks.append(("p", line))
    return blocks


def build_pdf(blocks, out):
    from fpdf import FPDF
    from fpdf.fonts import FontFace
    pdf = FPDF(format="A4")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
    pdf.set_title("Samverkansavtal om gemensam överförmyndarnämnd och gemensamt kansli i Ådalen")
    pdf.set_author("Kramfors kommun, Härnösands kommun, Sollefteå kommun")
    pdf.add_page()
    w = pdf.epw
    for kind, val in blocks:
        if kind == "h1":
            pdf.set_font("DejaVu", "B", 15)
            pdf.multi_cell(w, 7.5, val, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h2":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.multi_cell(w, 6.5, val, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "caption":
            pdf.ln(1)
            pdf.set_font("DejaVu", "B", 10)
            pdf.multi_cell(w, 5.5, val, new_x="LMARGIN", new_y="NEXT")
        elif kind == "table":
            pdf.set_font("DejaVu", "", 10)
            with pdf.table(col_widths=(60, 30, 40), width=130, align="LEFT",
                           text_align=("LEFT", "RIGHT", "RIGHT"),
                           headings_style=FontFace(emphasis="BOLD"),
                           line_height=6) as t:
                for r in val:
                    row = t.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(3)
        else:  # p / li
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(w, 5.6, val, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(out)


def build_docx(blocks, out):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    d.core_properties.title = "Handlingsplan 2025–2027 för biblioteksamverkan i Jämtlands län"
    d.core_properties.author = "Styrgruppen för biblioteksamverkan i Jämtlands län"
    for kind, val in blocks:
        if kind == "h1":
            d.add_heading(val, level=1)
        elif kind == "h2":
            d.add_heading(val, level=2)
        elif kind == "caption":
            d.add_heading(val, level=3)
        elif kind == "li":
            d.add_paragraph(val, style="List Number")
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, r in enumerate(val):
                for j, c in enumerate(r):
                    cell = t.cell(i, j)
                    cell.text = c
                    if i == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            d.add_paragraph("")
        else:
            d.add_paragraph(val)
    d.save(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    build_pdf(parse(os.path.join(SRC, DOC_A + ".txt")), os.path.join(OUT, DOC_A + ".pdf"))
    build_docx(parse(os.path.join(SRC, DOC_B + ".txt")), os.path.join(OUT, DOC_B + ".docx"))
    print("built", os.listdir(OUT))


if __name__ == "__main__":
    main()
