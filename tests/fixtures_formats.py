"""Build small real PDF, DOCX and HTML files at test time.

The PDF writer is a minimal pure-Python one: Helvetica and Helvetica-Bold with WinAnsi
encoding (so åäö survive), text lines, ruled table grids, an image-only page for a "scanned"
document, and the standard RC4 security handler (revision 2) for an encrypted file.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------- PDF writer

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_PAGE_W, _PAGE_H = 595, 842


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


@dataclass
class _Security:
    """Standard security handler, V1/R2 (40-bit RC4)."""

    user_password: str
    file_id: bytes = b"0123456789abcdef"
    permissions: int = -44

    def __post_init__(self) -> None:
        owner_key = hashlib.md5(_padded("owner-" + self.user_password)).digest()[:5]
        self.owner = _rc4(owner_key, _padded(self.user_password))
        digest = hashlib.md5(
            _padded(self.user_password)
            + self.owner
            + struct.pack("<i", self.permissions)
            + self.file_id
        ).digest()
        self.key = digest[:5]
        self.user = _rc4(self.key, _PAD)

    def encrypt(self, number: int, data: bytes) -> bytes:
        salt = struct.pack("<i", number)[:3] + b"\x00\x00"
        return _rc4(hashlib.md5(self.key + salt).digest()[:10], data)

    def dictionary(self) -> bytes:
        return (
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + self.owner.hex().encode()
            + b"> /U <"
            + self.user.hex().encode()
            + b"> /P "
            + str(self.permissions).encode()
            + b" >>"
        )


def _pdf_string(text: str) -> bytes:
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"\\()":
            out += b"\\" + bytes([byte])
        elif byte > 126:
            out += f"\\{byte:03o}".encode()
        else:
            out.append(byte)
    return bytes(out + b")")


@dataclass
class PdfPage:
    """Drawing commands of one page; y grows downwards from the top edge, as on paper."""

    ops: list[bytes] = field(default_factory=list)
    image: bool = False

    def text(self, x: float, top: float, text: str, size: float = 11, bold: bool = False) -> None:
        font = b"/F2" if bold else b"/F1"
        y = _PAGE_H - top - size
        self.ops.append(
            b"BT " + font + f" {size} Tf {x} {y:.2f} Td ".encode() + _pdf_string(text) + b" Tj ET"
        )

    def line(self, x1: float, top1: float, x2: float, top2: float) -> None:
        y1, y2 = _PAGE_H - top1, _PAGE_H - top2
        self.ops.append(f"0.5 w {x1} {y1} m {x2} {y2} l S".encode())

    def table(
        self, x: float, top: float, widths: list[float], rows: list[list[list[str]]], size=9
    ) -> float:
        """A ruled grid; each cell is a list of lines. Returns the bottom of the table."""
        edges = [x]
        for width in widths:
            edges.append(edges[-1] + width)
        y = top
        self.line(edges[0], y, edges[-1], y)
        for row in rows:
            height = max(len(cell) for cell in row) * (size + 3) + 6
            for col, cell in enumerate(row):
                for n, text in enumerate(cell):
                    self.text(edges[col] + 3, y + 3 + n * (size + 3), text, size)
            y += height
            self.line(edges[0], y, edges[-1], y)
        for edge in edges:
            self.line(edge, top, edge, y)
        return y

    def scanned_image(self) -> None:
        """A grey picture over the page and no text: what a scan without OCR looks like."""
        self.image = True
        self.ops.append(b"q 500 0 0 700 50 70 cm /Im1 Do Q")


def write_pdf(path: Path, pages: list[PdfPage], user_password: str | None = None) -> Path:
    security = _Security(user_password) if user_password is not None else None
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]

    def stream(header: bytes, data: bytes) -> bytes:
        number = len(objects) + 1
        if security is not None:
            data = security.encrypt(number, data)
        extra = b" " + header if header else b""
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)

    objects.append(
        stream(
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8",
            b"\x80\xc0\xc0\x80",
        )
    )
    image_ref = len(objects)
    kids = []
    for page in pages:
        objects.append(stream(b"", b"\n".join(page.ops)))
        content = len(objects)
        xobject = b" /XObject << /Im1 %d 0 R >>" % image_ref if page.image else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >>%s >> >>"
            % (_PAGE_W, _PAGE_H, content, xobject)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    trailer_extra = b""
    if security is not None:
        objects.append(security.dictionary())
        file_id = security.file_id.hex().encode()
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), file_id, file_id)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


# --------------------------------------------------------------------------- shared content

TITLE = "Verksamhetsplan Familjen Helsingborg 2016-2019"
INTRO = "Kommunerna i Familjen Helsingborg samverkar för en hållbar tillväxt i Skåne."
SECTION_1 = "1. Infrastruktur och kollektivtrafik"
SECTION_2 = "2. Kompetensförsörjning och näringsliv"
HEADER = ["Mål", "Mätetal", "Ansvarig"]
SODERAS = "Söderåsbanan 1.6 Byggstart för Söderåsbanan senast år 2019."
VASTKUST = (
    "Västkustbanan 1.4 Västkustbanan Ängelholm-Maria station byggstart senast år 2019. "
    "1.5 Västkustbanan Maria station-Helsingborg C ingår i NTP 2018-2029."
)
LIST_ITEMS = ["Gemensam arbetsmarknad över kommungränserna.", "Fler lärlingsplatser i regionen."]
CLOSING = "Planen följs upp årligen av styrgruppen för Familjen Helsingborg."


def agreement_pdf(path: Path, user_password: str | None = None) -> Path:
    """Two pages: title, intro, section 1 with a ruled table; section 2 with a list."""
    first = PdfPage()
    first.text(50, 50, TITLE, 18, bold=True)
    first.text(50, 90, "Kommunerna i Familjen Helsingborg samverkar för en hållbar")
    first.text(50, 104, "tillväxt i Skåne.")
    first.text(50, 140, SECTION_1, 14, bold=True)
    first.text(50, 170, "Arbetet med infrastruktur bedrivs gemensamt av kommunerna.")
    bottom = first.table(
        50,
        200,
        [150, 250, 90],
        [
            [["Mål"], ["Mätetal"], ["Ansvarig"]],
            [
                ["Framgång i prioriterade", "infrastrukturprojekt."],
                ["Söderåsbanan 1.6 Byggstart för", "Söderåsbanan senast år 2019."],
                ["Svalöv"],
            ],
            [
                [""],
                [
                    "Västkustbanan 1.4 Västkustbanan Ängelholm-",
                    "Maria station byggstart senast år 2019.",
                    "1.5 Västkustbanan Maria station-",
                    "Helsingborg C ingår i NTP 2018-2029.",
                ],
                ["Helsingborg", "Helsingborg"],
            ],
        ],
    )
    first.text(50, bottom + 30, "Trafikfrågorna samordnas med Region Skåne.")
    first.text(290, 800, "1", 9)
    second = PdfPage()
    second.text(50, 50, SECTION_2, 14, bold=True)
    second.text(50, 80, "Kommunerna prioriterar följande insatser:")
    second.text(50, 110, "• " + LIST_ITEMS[0])
    second.text(50, 124, "• " + LIST_ITEMS[1])
    second.text(50, 160, CLOSING)
    second.text(290, 800, "2", 9)
    return write_pdf(path, [first, second], user_password)


def scanned_pdf(path: Path) -> Path:
    page = PdfPage()
    page.scanned_image()
    return write_pdf(path, [page])


def agreement_docx(path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading(TITLE, level=0)
    doc.add_paragraph(INTRO)
    doc.add_heading(SECTION_1, level=1)
    doc.add_paragraph("Arbetet med infrastruktur bedrivs gemensamt av kommunerna.")
    table = doc.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    row = table.rows[1].cells
    row[0].text = "Framgång i prioriterade infrastrukturprojekt."
    row[1].text = SODERAS
    row[2].text = "Svalöv"
    row = table.rows[2].cells
    row[1].text = VASTKUST
    row[2].text = "Helsingborg"
    row[2].add_paragraph("Helsingborg")
    doc.add_paragraph("Trafikfrågorna samordnas med Region Skåne.")
    doc.add_heading("Delmål för kollektivtrafiken", level=2)
    doc.add_paragraph("Resandet med kollektivtrafik ska öka med tio procent.")
    doc.add_heading(SECTION_2, level=1)
    doc.add_paragraph("Kommunerna prioriterar följande insatser:")
    for item in LIST_ITEMS:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_paragraph(CLOSING)
    doc.save(str(path))
    return path


AGREEMENT_HTML = f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Familjen Helsingborg</title>
<style>p {{ color: red; }} .dold {{ display: none }}</style>
<script>var hemlig = "skript ska inte indexeras";</script></head>
<body>
<nav hidden><a href="/">Startsida</a></nav>
<h1>{TITLE}</h1>
<p>Kommunerna i Familjen Helsingborg samverkar för en <b>hållbar</b> tillväxt i Skåne.</p>
<div style="display:none">Dold text som inte syns.</div>
<h2>{SECTION_1}</h2>
<p>Arbetet med infrastruktur bedrivs gemensamt av kommunerna.</p>
<table>
<thead><tr><th>Mål</th><th>Mätetal</th><th>Ansvarig</th></tr></thead>
<tbody>
<tr><td rowspan="2">Framgång i prioriterade infrastrukturprojekt.</td>
<td>{SODERAS}</td><td>Svalöv</td></tr>
<tr><td>{VASTKUST}</td><td>Helsingborg<br>Helsingborg</td></tr>
</tbody></table>
<h3>Delmål för kollektivtrafiken</h3>
<p>Resandet med kollektivtrafik ska öka med tio procent &amp; fler ska cykla.</p>
<h2>{SECTION_2}</h2>
<p>Kommunerna prioriterar följande insatser:
<ul><li>{LIST_ITEMS[0]}<li>{LIST_ITEMS[1]}</ul>
<p>{CLOSING}</p>
</body></html>
"""


def agreement_html(path: Path, encoding: str = "utf-8") -> Path:
    text = AGREEMENT_HTML
    if encoding != "utf-8":
        text = text.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">')
    path.write_bytes(text.encode(encoding))
    return path


# --------------------------------------------------------------------------- bad input

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def junk(size: int = 4096, seed: int = 0) -> bytes:
    """Random bytes without a PDF or ZIP signature (what a misnamed binary file holds)."""
    import random

    data = random.Random(seed).randbytes(size)
    return b"\x00JFIF" + data  # starts like no document format we read


def zip_without_document(path: Path) -> Path:
    """A ZIP package named .docx that holds no word/document.xml."""
    import zipfile

    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("bild.png", b"\x89PNG\r\n")
    return path


def damaged_pdf(path: Path) -> Path:
    """A PDF header followed by garbage: no objects, no trailer."""
    path.write_bytes(b"%PDF-1.4\n" + junk(2048, seed=1))
    return path
