"""PDF documents -> typed Blocks, with page numbers; pages without a text layer by OCR.

pdfplumber finds the ruled tables of each page and the text lines outside them. The lines
become a markdown-like text (headings recognised by font size or bold type are written as
"#" lines, paragraphs separated where the line spacing opens up, tables as pipe rows in
their place on the page) that the txt/md parser turns into blocks; each block then gets the
page its text starts on. Block offsets point into that text (see `pdf_text`).

Pages are read one at a time and each page's cached layout is released before the next
(pdfplumber keeps it otherwise, about 6 MB a page), so memory does not grow with the page
count. A PDF with more pages than AVTAL_MAX_PDF_PAGES (default 1000) is refused with the
reason before any page is read.

A page without text that holds a picture (a scan) is rendered at 300 dpi and read by OCR
(ingest.parse.ocr), page by page, after the text pages: its blocks are marked as OCR text
with the page's confidence. Without Tesseract such pages are listed as not read, and a PDF
with no text at all is refused with the command that installs OCR.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.messages import Problem
from ingest.messages import cause as one_line
from ingest.parse import ParsedFile, UnreadableDocument
from ingest.parse import ocr as ocr_reader
from ingest.parse.layout import MARGIN, Grid, Item, Line, join_lines, write_blocks
from ingest.parse.tables import EMPTY_CELL, holds_group_labels
from ingest.schema import Block, PageReading

ENCRYPTED = "encrypted_pdf"
NO_TEXT_READ = "pdf_no_text_read"
NOT_A_PDF = "not_a_pdf"
MAX_PAGES_ENV = "AVTAL_MAX_PDF_PAGES"
DEFAULT_MAX_PAGES = 1000

_SPACED_LEADER = re.compile(r"(?:\s?\.){4,}\s*")  # ". . . . 12" in a table of contents
_X_TOLERANCE_RATIO = 0.15  # a gap of this many font sizes between letters separates words
_SCAN_MAX_CHARS = 20  # a page with a picture and at most this much text is read by OCR
_SCAN_MIN_AREA = 0.3  # ... when its pictures cover this share of the page
_MAX_RENDER_PIXELS = 40_000_000  # a huge page is rendered at a lower resolution


def sniff(head: bytes) -> Problem | None:
    """Why the first bytes of a file cannot be a PDF, or None when they can."""
    return None if b"%PDF-" in head[:1024] else Problem(NOT_A_PDF)


def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    problem = sniff(path.read_bytes()[:1024])
    if problem:
        raise UnreadableDocument(problem.code)
    try:
        return pdfplumber.open(path)
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise UnreadableDocument(ENCRYPTED) from error
        raise UnreadableDocument("damaged_pdf", error=one_line(cause)) from error


def max_pages() -> int:
    """The page limit: AVTAL_MAX_PDF_PAGES, or DEFAULT_MAX_PAGES when unset or not a number."""
    try:
        return max(1, int(os.environ.get(MAX_PAGES_ENV, DEFAULT_MAX_PAGES)))
    except ValueError:
        return DEFAULT_MAX_PAGES


def page_count(pdf: Any) -> int:
    """The page count the document's page tree declares (no page is read)."""
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:  # a damaged page tree: count the pages themselves
        return len(pdf.pages)


def _check_pages(pdf: Any) -> None:
    pages, limit = page_count(pdf), max_pages()
    if pages > limit:
        raise UnreadableDocument("too_many_pages", pages=pages, limit=limit)


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: Any) -> list[Item]:
    """Text lines outside tables and the tables themselves, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[Item] = []
    lines = outside.extract_text_lines(return_chars=True, x_tolerance_ratio=_X_TOLERANCE_RATIO)
    outside.close()
    for line in lines:
        chars = [c for c in line["chars"] if c["text"].strip()]
        text = _SPACED_LEADER.sub("... ", " ".join(line["text"].split()))
        if not chars or not text:
            continue
        size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
        bold = all("bold" in c["fontname"].lower() for c in chars)
        margin = line["bottom"] < page.height * MARGIN or line["top"] > page.height * (1 - MARGIN)
        items.append(Line(line["top"], line["bottom"], text, size, bold, margin))
    for table in tables:
        grid = table.extract(x_tolerance_ratio=_X_TOLERANCE_RATIO)
        covered = _covered_from_left(table)
        header = [_cell(c) for c in grid[0]] if grid else []
        rows = [header] + [_row(r, covered[i], header) for i, r in enumerate(grid[1:], 1)]
        items.append(Grid(table.bbox[1], [r for r in rows if any(r)]))
    return sorted(items, key=lambda item: item.top)


def _covered_from_left(table: Any) -> list[list[bool]]:
    """Per row and column: the cell is missing because a cell to its left spans it (not one
    above). pdfplumber reports both as None; the cells' boxes tell them apart."""
    lefts: list[float | None] = []
    for column in range(max((len(r.cells) for r in table.rows), default=0)):
        boxes = [r.cells[column] for r in table.rows if column < len(r.cells)]
        lefts.append(min((b[0] for b in boxes if b is not None), default=None))
    out = []
    for row in table.rows:
        flags = []
        for column, box in enumerate(row.cells):
            before = [b for b in row.cells[:column] if b is not None]
            left = lefts[column]
            flags.append(
                box is None and bool(before) and (left is None or before[-1][2] > left + 1)
            )
        out.append(flags)
    return out


def _row(cells: list[str | None], covered: list[bool], header: list[str]) -> list[str]:
    """A row as pipe table cells. The text reader takes a blank cell as merged with the one
    above, which is right for a cell pdfplumber reports as spanned from above (None) and for
    empty cells before the row's first value (a group label written once, but not in a column
    of parties or amounts); any other empty cell, or one spanned from its left, is written as
    EMPTY_CELL, so that it stays empty."""
    texts = [_cell(c) for c in cells]
    first = next((i for i, t in enumerate(texts) if t), len(texts))
    out = []
    for i, (cell, text) in enumerate(zip(cells, texts, strict=True)):
        label = header[i] if i < len(header) else ""
        if text:
            out.append(text)
        elif (cell is None and not covered[i]) or (i < first and holds_group_labels(label)):
            out.append("")
        else:
            out.append(EMPTY_CELL)
    return out


def _cell(value: str | None) -> str:
    text = ""
    for line in (value or "").splitlines():
        text = join_lines(text, " ".join(line.split()))
    return text.replace("|", "/")


def read_pdf(path: Path) -> tuple[str, str | None, list[Block]]:
    """(the text the block offsets point into, title found, blocks with page numbers)."""
    text, title, blocks, _ = read_pdf_pages(path)
    return text, title, blocks


def read_pdf_pages(path: Path) -> tuple[str, str | None, list[Block], list[PageReading]]:
    """read_pdf, and how each page without a text layer was read."""
    scanned: list[int] = []
    with _open(path) as pdf:
        _check_pages(pdf)
        try:
            pages = []
            for number, page in enumerate(pdf.pages, 1):
                items, scan = _released(page)
                pages.append(items)
                if scan:
                    scanned.append(number)
        except Exception as error:  # pdfminer failing on a damaged page
            raise UnreadableDocument("damaged_pdf", error=one_line(error)) from error
    readings: list[PageReading] = []
    if scanned:
        for result in _read_scans(path, scanned):
            pages[result.reading.page - 1] = result.items
            readings.append(result.reading)
    if not any(pages):
        raise _no_text_read(readings)
    read = {r.page: r for r in readings if r.confidence is not None}
    source, title, blocks = write_blocks(pages, read)
    return source, title, blocks, readings


def _no_text_read(readings: list[PageReading]) -> UnreadableDocument:
    if not readings or any(r.problem == ocr_reader.NOT_INSTALLED for r in readings):
        return UnreadableDocument(ocr_reader.OCR_MISSING)
    problems = Counter(_key(r.stored_problem() or Problem("page_empty")) for r in readings)
    pages = [[{"code": code, "details": dict(d)}, n] for (code, d), n in problems.most_common(3)]
    return UnreadableDocument(NO_TEXT_READ, pages=pages)


def _key(problem: Problem) -> tuple[str, tuple]:
    return problem.code, tuple(sorted(problem.details.items()))


def _read_scans(path: Path, numbers: list[int]) -> Iterator[ocr_reader.OcrPage]:
    """OCR of the given pages (from 1), rendered one at a time."""
    if not ocr_reader.available():
        for number in numbers:
            yield ocr_reader.OcrPage([], PageReading(number, None, ocr_reader.NOT_INSTALLED))
        return
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        yield from ocr_reader.read_pages(_rendered(document, numbers), len(numbers))
    finally:
        document.close()


def _rendered(document: Any, numbers: list[int]) -> Iterator[tuple[int, Any, int]]:
    for number in numbers:
        page = document[number - 1]
        try:
            width, height = page.get_size()
            scale = ocr_reader.DPI / 72
            scale = min(scale, math.sqrt(_MAX_RENDER_PIXELS / max(width * height * 1.0, 1.0)))
            image = page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()
        yield number, image, round(scale * 72)


def _released(page: Any) -> tuple[list[Item], bool]:
    """The items of one page, and whether it is a scan to read by OCR; the page's cached
    layout is released afterwards."""
    try:
        items = _page_items(page)
        return items, _is_scan(page, items)
    finally:
        page.close()


def _is_scan(page: Any, items: list[Item]) -> bool:
    text = sum(len(i.text) for i in items if isinstance(i, Line))
    if text > _SCAN_MAX_CHARS or any(isinstance(i, Grid) for i in items):
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(
        max(0.0, float(image["x1"] - image["x0"])) * max(0.0, float(image["bottom"] - image["top"]))
        for image in page.images
    )
    return covered / area >= _SCAN_MIN_AREA


def pdf_text(path: Path) -> str:
    """The text that the offsets of the PDF's blocks point into."""
    return read_pdf(path)[0]


def parse_pdf(path: Path) -> ParsedFile:
    text, title, blocks, readings = read_pdf_pages(path)
    return ParsedFile(title, blocks, text, tuple(readings))
