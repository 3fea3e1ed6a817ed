#!/usr/bin/env python3
"""Build the two invented documents of the fresh6 set from docs_src/*.txt.

Doc A (samverkansavtal) -> docs/samverkansavtal_tillstandsenhet_alkohol_tobak.pdf (fpdf2, DejaVuSans)
Doc B (handlingsplan)   -> docs/handlingsplan_maltidssamverkan_hoglandet_2025-2026.md
Run:  python3 build_docs.py   (fpdf2 is looked for in ./pylib, installed with
      pip install --target /work/fresh6/pylib fpdf2)
"""
import os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "pylib"))
from fpdf import FPDF  # noqa: E402

SRC_A = os.path.join(HERE, "docs_src", "A_samverkansavtal_tillstandsenhet_alkohol_tobak.txt")
SRC_B = os.path.join(HERE, "docs_src", "B_handlingsplan_maltidssamverkan_hoglandet.txt")
OUT_A = os.path.join(HERE, "docs", "samverkansavtal_tillstandsenhet_alkohol_tobak.pdf")
OUT_B = os.path.join(HERE, "docs", "handlingsplan_maltidssamverkan_hoglandet_2025-2026.md")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"


class Doc(FPDF):
    def footer(self):
        self.set_y(-15)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 8, f"Sida {self.page_no()}", align="C")


def build_pdf(src, out):
    pdf = Doc(format="A4")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
    pdf.set_title("Samverkansavtal om gemensam tillståndsenhet för alkohol och tobak")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    lines = open(src, encoding="utf-8").read().splitlines()
    table = []

    def flush_table():
        if not table:
            return
        cols = [width * 0.45, width * 0.2, width * 0.35]
        pdf.ln(1)
        for i, row in enumerate(table):
            pdf.set_font("DejaVu", "B" if i == 0 or row[0] == "Totalt" else "", 10)
            for w, cell in zip(cols, row):
                pdf.cell(w, 7, cell, border=1, align="L" if w == cols[0] else "R")
            pdf.ln(7)
        pdf.ln(3)
        table.clear()

    for line in lines:
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush_table()
        if not line.strip():
            continue
        if line.startswith("# "):
            pdf.set_font("DejaVu", "B", 16)
            pdf.multi_cell(width, 8, line[2:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif line.startswith("## "):
            if pdf.get_y() > pdf.h - 45:  # keep a heading with the text that follows it
                pdf.add_page()
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 13)
            pdf.multi_cell(width, 7, line[3:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(width, 5.6, line, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    flush_table()
    pdf.output(out)


def main():
    os.makedirs(os.path.join(HERE, "docs"), exist_ok=True)
    build_pdf(SRC_A, OUT_A)
    shutil.copyfile(SRC_B, OUT_B)  # the source already is Markdown (headings, list, pipe table)
    print("built", OUT_A)
    print("built", OUT_B)


if __name__ == "__main__":
    main()
