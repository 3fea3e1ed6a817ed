"""Build the two invented documents from their plain-text sources.

Source format (src/*.txt): '# ' title, '## ' heading, lines containing ' | ' are table rows
(consecutive rows form one table, the first row is the header), other lines are paragraphs.
Run: PYTHONPATH=<python-docx, fpdf2> python3 make_docs_fresh4.py (sources in fresh4_src/,
output in fresh4/; written by the helper who wrote fresh4.jsonl from the documents only)
"""
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
SRC = HERE / "fresh4_src"
OUT = HERE / "fresh4"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

DOC_A = ("A_kronoberg_samverkansavtal_e-arkiv.txt", "kronoberg-samverkansavtal-e-arkiv-2025.docx")
DOC_B = ("B_gastrikland_verksamhetsplan_pendling.txt", "gastrike-pendlingssamverkan-verksamhetsplan-2025-2026.pdf")


def blocks(text):
    """Yield ('title'|'h'|'p', str) or ('table', [[cells], ...])."""
    rows = []
    for line in text.splitlines():
        line = line.rstrip()
        if " | " in line:
            rows.append([c.strip() for c in line.split(" | ")])
            continue
        if rows:
            yield ("table", rows)
            rows = []
        if not line:
            continue
        if line.startswith("## "):
            yield ("h", line[3:])
        elif line.startswith("# "):
            yield ("title", line[2:])
        else:
            yield ("p", line)
    if rows:
        yield ("table", rows)


def make_docx(src, dst):
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = "Samverkansavtal om gemensam e-arkivfunktion i Kronobergs län"
    doc.core_properties.author = "Växjö kommun, kommunledningsförvaltningen"
    for kind, val in blocks(src.read_text(encoding="utf-8")):
        if kind == "title":
            doc.add_heading(val, level=0)
        elif kind == "h":
            doc.add_heading(val, level=1)
        elif kind == "p":
            doc.add_paragraph(val)
        else:
            table = doc.add_table(rows=0, cols=len(val[0]))
            table.style = "Table Grid"
            for i, row in enumerate(val):
                cells = table.add_row().cells
                for c, txt in zip(cells, row):
                    c.text = txt
                    if i == 0:
                        for r in c.paragraphs[0].runs:
                            r.bold = True
            doc.add_paragraph()
    doc.save(dst)


def make_pdf(src, dst):
    pdf = FPDF(format="A4")
    pdf.set_title("Verksamhetsplan 2025-2026 för Gästrike pendlingssamverkan")
    pdf.set_author("Gästrike pendlingssamverkan, sekretariatet Region Gävleborg")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_B)
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for kind, val in blocks(src.read_text(encoding="utf-8")):
        if kind == "title":
            pdf.set_font("DejaVu", "B", 16)
            pdf.multi_cell(0, 8, val, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 7, val, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, val, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        else:
            pdf.set_font("DejaVu", "", 8)
            with pdf.table(
                col_widths=(8, 95, 50, 27),
                headings_style=FontFace(emphasis="BOLD"),
                line_height=5,
                text_align=("LEFT", "LEFT", "LEFT", "LEFT"),
            ) as table:
                for row in val:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
            pdf.ln(3)
    pdf.output(dst)


def main():
    OUT.mkdir(exist_ok=True)
    make_docx(SRC / DOC_A[0], OUT / DOC_A[1])
    make_pdf(SRC / DOC_B[0], OUT / DOC_B[1])
    print("wrote", OUT / DOC_A[1], "and", OUT / DOC_B[1])


if __name__ == "__main__":
    main()
