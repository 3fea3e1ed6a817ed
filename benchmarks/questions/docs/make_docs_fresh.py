"""Build the three invented documents from docs_source/*.txt.
Run with PYTHONPATH=/tmp/fresh_pylib (python-docx, reportlab installed there)."""
import html, os
SRC = '/work/fresh/docs_source'; OUT = '/work/fresh/docs'

def parse(name):
    blocks = []
    for l in open(os.path.join(SRC, name), encoding='utf-8').read().split('\n'):
        if not l.strip(): continue
        if l.startswith('# '): blocks.append(('h1', l[2:]))
        elif l.startswith('## '): blocks.append(('h2', l[3:]))
        elif l.startswith('- '): blocks.append(('li', l[2:]))
        elif l.startswith('| '): blocks.append(('tr', [c.strip() for c in l[2:].split(' | ')]))
        else: blocks.append(('p', l))
    return blocks

# A: DOCX
from docx import Document
from docx.shared import Pt
b = parse('hoglandet-kompetenssamverkan-avsiktsforklaring-2025-2028.txt')
d = Document()
d.core_properties.title = b[0][1]
for kind, t in b:
    if kind == 'h1': d.add_heading(t, level=1)
    elif kind == 'h2': d.add_heading(t, level=2)
    elif kind == 'li': d.add_paragraph(t, style='List Bullet')
    else: d.add_paragraph(t)
d.save(os.path.join(OUT, 'hoglandet-kompetenssamverkan-avsiktsforklaring-2025-2028.docx'))

# B: HTML
b = parse('e-arkiv-bergslagen-samverkansavtal-2024-2027.txt')
parts = ['<!DOCTYPE html>', '<html lang="sv">', '<head>', '<meta charset="utf-8">',
         '<title>%s</title>' % html.escape(b[0][1]), '</head>', '<body>', '<main>']
inlist = False
for kind, t in b:
    if kind != 'li' and inlist: parts.append('</ul>'); inlist = False
    if kind == 'h1': parts.append('<h1>%s</h1>' % html.escape(t))
    elif kind == 'h2': parts.append('<h2>%s</h2>' % html.escape(t))
    elif kind == 'li':
        if not inlist: parts.append('<ul>'); inlist = True
        parts.append('<li>%s</li>' % html.escape(t))
    else: parts.append('<p>%s</p>' % html.escape(t))
parts += ['</main>', '</body>', '</html>']
open(os.path.join(OUT, 'e-arkiv-bergslagen-samverkansavtal-2024-2027.html'), 'w', encoding='utf-8').write('\n'.join(parts) + '\n')

# C: PDF
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
pdfmetrics.registerFont(TTFont('DV', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DVB', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))
ss = getSampleStyleSheet()
body = ParagraphStyle('b', parent=ss['Normal'], fontName='DV', fontSize=10, leading=14, spaceAfter=6)
h1 = ParagraphStyle('h1', parent=ss['Heading1'], fontName='DVB', fontSize=16, leading=20)
h2 = ParagraphStyle('h2', parent=ss['Heading2'], fontName='DVB', fontSize=12, leading=16)
cell = ParagraphStyle('c', parent=body, fontSize=8, leading=10.5, spaceAfter=0)
cellb = ParagraphStyle('cb', parent=cell, fontName='DVB')
b = parse('halsingestraket-verksamhetsplan-2025-2027.txt')
story = []; rows = []
def flush():
    global rows
    if rows:
        t = Table(rows, colWidths=[12.4*cm, 10.4*cm, 3.2*cm], repeatRows=1)
        t.setStyle(TableStyle([('GRID', (0,0), (-1,-1), 0.5, colors.grey),
                               ('BACKGROUND', (0,0), (-1,0), colors.lightgrey),
                               ('VALIGN', (0,0), (-1,-1), 'TOP')]))
        story.append(t); story.append(Spacer(1, 8)); rows = []
for kind, t in b:
    if kind != 'tr': flush()
    if kind == 'h1': story.append(Paragraph(html.escape(t), h1))
    elif kind == 'h2': story.append(Paragraph(html.escape(t), h2))
    elif kind == 'tr':
        st = cellb if not rows else cell
        rows.append([Paragraph(html.escape(c), st) for c in t])
    else: story.append(Paragraph(html.escape(t), body))
flush()
doc = SimpleDocTemplate(os.path.join(OUT, 'halsingestraket-verksamhetsplan-2025-2027.pdf'), pagesize=landscape(A4),
                        title=b[0][1], author='Samverkan Hälsingestråket',
                        leftMargin=1.8*cm, rightMargin=1.8*cm, topMargin=2*cm, bottomMargin=2*cm)
doc.build(story)
print('built')
