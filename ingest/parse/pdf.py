"""PDF documents with a text layer -> typed Blocks, with page numbers.

pdfplumber finds the ruled tables of each page and the text lines outside them. The lines
become a markdown-like text (headings recognised by font size or bold type are written as
"#" lines, paragraphs separated where the line spacing opens up, tables as pipe rows in
their place on the page) that the txt/md parser turns into blocks; each block then gets the
page its text starts on. Block offsets point into that text (see `pdf_text`).

Pages are read one at a time and each page's cached layout is released before the next
(pdfplumber keeps it otherwise, about 6 MB a page), so memory does not grow with the page
count. A PDF with more pages than AVTAL_MAX_PDF_PAGES (default 1000) is refused with the
reason before any page is read.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ingest.parse import ParsedFile, UnreadableDocument
from ingest.parse.text import parse_text
from ingest.schema import Block

ENCRYPTED = "encrypted PDF; remove the password and add it again"
NO_TEXT_LAYER = "no text layer; OCR is not supported"
NOT_A_PDF = "not a PDF file (no %PDF header); export or save it as PDF again"
MAX_PAGES_ENV = "AVTAL_MAX_PDF_PAGES"
DEFAULT_MAX_PAGES = 1000
TOO_MANY_PAGES = "too many pages ({pages}; the limit is {limit}, set by AVTAL_MAX_PDF_PAGES)"

_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid\.?|s\.)?\s*\d{1,3}(?:\s*(?:av|/|\()\s*\d{1,3}\)?)?|[ivxlc]{1,7})$", re.I
)
_SPACED_LEADER = re.compile(r"(?:\s?\.){4,}\s*")  # ". . . . 12" in a table of contents
_HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading
_MAX_HEADING_WORDS = 14
_BROKEN_WORD = re.compile(r"\w-$")
_CONJUNCTIONS = {"och", "eller", "samt", "resp.", "respektive", "till", "som"}
_PARAGRAPH_GAP = 0.6  # a gap above a line of this many line heights starts a paragraph
_X_TOLERANCE_RATIO = 0.15  # a gap of this many font sizes between letters separates words
_MARGIN = 0.08  # running headers and footers sit in this part of the page height
_RUNNING_MIN_PAGES = 3  # a margin line repeated on this many pages (and 40 %) is dropped


def sniff(head: bytes) -> str | None:
    """Why the first bytes of a file cannot be a PDF, or None when they can."""
    return None if b"%PDF-" in head[:1024] else NOT_A_PDF


@dataclass(frozen=True)
class _Line:
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    margin: bool = False  # in the top or bottom margin of the page


@dataclass(frozen=True)
class _Grid:
    top: float
    rows: list[list[str]]


def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    problem = sniff(path.read_bytes()[:1024])
    if problem:
        raise UnreadableDocument(problem)
    try:
        return pdfplumber.open(path)
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise UnreadableDocument(ENCRYPTED) from error
        raise UnreadableDocument(f"damaged PDF ({_one_line(cause)})") from error


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
        raise UnreadableDocument(TOO_MANY_PAGES.format(pages=pages, limit=limit))


def _one_line(error: object) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: Any) -> list[_Line | _Grid]:
    """Text lines outside tables and the tables themselves, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[_Line | _Grid] = []
    lines = outside.extract_text_lines(return_chars=True, x_tolerance_ratio=_X_TOLERANCE_RATIO)
    outside.close()
    for line in lines:
        chars = [c for c in line["chars"] if c["text"].strip()]
        text = _SPACED_LEADER.sub("... ", " ".join(line["text"].split()))
        if not chars or not text:
            continue
        size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
        bold = all("bold" in c["fontname"].lower() for c in chars)
        margin = line["bottom"] < page.height * _MARGIN or line["top"] > page.height * (1 - _MARGIN)
        items.append(_Line(line["top"], line["bottom"], text, size, bold, margin))
    for table in tables:
        rows = [
            [_cell(c) for c in row] for row in table.extract(x_tolerance_ratio=_X_TOLERANCE_RATIO)
        ]
        items.append(_Grid(table.bbox[1], [r for r in rows if any(r)]))
    return sorted(items, key=lambda item: item.top)


def _cell(value: str | None) -> str:
    text = ""
    for line in (value or "").splitlines():
        text = join_lines(text, " ".join(line.split()))
    return text.replace("|", "/")


def join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph, undoing hyphenation at the line break:
    "infrastruktur-" + "projekt" -> "infrastrukturprojekt", "Ängelholm-" + "Maria" ->
    "Ängelholm-Maria", "kollektiv-" + "och cykeltrafik" stays two words."""
    if not first or not second:
        return first or second
    if not _BROKEN_WORD.search(first) or not second[0].isalnum():
        return f"{first} {second}"
    if second.split()[0].casefold() in _CONJUNCTIONS:
        return f"{first} {second}"
    if second[0].islower():
        return first[:-1] + second
    return first + second


class _Writer:
    """Writes the text that the txt/md parser reads, page by page."""

    def __init__(self, body_size: float, heading_sizes: list[float]) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page_starts: list[int] = []
        self.body_size = body_size
        self.heading_sizes = heading_sizes  # larger than body, largest first
        self.previous: _Line | None = None
        self.paragraph: list[str] = []  # lines of the paragraph being read
        self.heading: tuple[int, list[str]] | None = None  # (level, lines) being read

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def level(self, line: _Line) -> int | None:
        if len(line.text.split()) > _MAX_HEADING_WORDS or _PAGE_NUMBER.match(line.text):
            return None
        if line.size >= self.body_size * _HEADING_RATIO:
            return self.heading_sizes.index(line.size) + 1
        if line.bold and line.size >= self.body_size * 0.95:
            return len(self.heading_sizes) + 1
        return None

    def page(self, items: list[_Line | _Grid]) -> None:
        self.write("\n\n")
        self.page_starts.append(self.length)
        self.previous = None
        for item in items:
            if isinstance(item, _Grid):
                self.flush()
                self.write("\n" + "".join(f"| {' | '.join(r)} |\n" for r in item.rows) + "\n")
                self.previous = None
                continue
            if _PAGE_NUMBER.match(item.text):
                continue
            level = self.level(item)
            close = self._close(item)
            if level is not None:
                if not (close and self.heading and self.heading[0] == level):
                    self.flush()
                    self.heading = (level, [])
                self.heading[1].append(item.text)
            else:
                if not close or self.heading:
                    self.flush()
                self.add_line(item.text)
            self.previous = item
        self.flush()

    def add_line(self, text: str) -> None:
        lines = self.paragraph
        if lines and _BROKEN_WORD.search(lines[-1]) and text[0].isalnum():
            lines[-1] = join_lines(lines[-1], text)
        else:
            lines.append(text)

    def flush(self) -> None:
        if self.heading:
            level, lines = self.heading
            self.write(f"{'#' * min(level, 6)} {' '.join(lines)}\n\n")
        if self.paragraph:
            self.write("\n".join(self.paragraph) + "\n\n")
        self.heading, self.paragraph = None, []

    def _close(self, line: _Line) -> bool:
        """True when the line follows the previous one within a paragraph's line spacing."""
        previous = self.previous
        if previous is None:
            return False
        height = previous.bottom - previous.top
        return line.top - previous.bottom <= _PARAGRAPH_GAP * height


def _margin_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text).casefold()


def _without_running_lines(pages: list[list[_Line | _Grid]]) -> list[list[_Line | _Grid]]:
    """Drop running headers and footers: margin lines repeated on many pages."""
    seen: Counter[str] = Counter()
    for items in pages:
        seen.update({_margin_key(i) for i in items if isinstance(i, _Line) and i.margin})
    threshold = max(_RUNNING_MIN_PAGES, 0.4 * len(pages))
    running = {key for key, count in seen.items() if count >= threshold}
    return [
        [i for i in items if not (isinstance(i, _Line) and i.margin and _margin_key(i) in running)]
        for items in pages
    ]


def _sizes(pages: list[list[_Line | _Grid]]) -> tuple[float, list[float]]:
    """The body text size (most characters) and the larger sizes, largest first."""
    weight: Counter[float] = Counter()
    for items in pages:
        for item in items:
            if isinstance(item, _Line):
                weight[item.size] += len(item.text)
    if not weight:  # tables only
        return 0.0, []
    body = weight.most_common(1)[0][0]
    larger = sorted((s for s in weight if s >= body * _HEADING_RATIO), reverse=True)
    return body, larger


def read_pdf(path: Path) -> tuple[str, str | None, list[Block]]:
    """(the text the block offsets point into, title found, blocks with page numbers)."""
    with _open(path) as pdf:
        _check_pages(pdf)
        try:
            pages = [_released(page) for page in pdf.pages]
        except Exception as error:  # pdfminer failing on a damaged page
            raise UnreadableDocument(f"damaged PDF ({_one_line(error)})") from error
    if not any(pages):
        raise UnreadableDocument(NO_TEXT_LAYER)
    pages = _without_running_lines(pages)
    body, larger = _sizes(pages)
    writer = _Writer(body, larger)
    for items in pages:
        writer.page(items)
    source = "".join(writer.parts)
    title, blocks = parse_text(source)
    starts = writer.page_starts
    paged = [_with_page(b, bisect.bisect_right(starts, b.start)) for b in blocks]
    return source, title, paged


def _released(page: Any) -> list[_Line | _Grid]:
    """The items of one page; the page's cached layout is released afterwards."""
    try:
        return _page_items(page)
    finally:
        page.close()


def _with_page(block: Block, page: int) -> Block:
    return replace(block, page=max(page, 1))


def pdf_text(path: Path) -> str:
    """The text that the offsets of the PDF's blocks point into."""
    return read_pdf(path)[0]


def parse_pdf(path: Path) -> ParsedFile:
    text, title, blocks = read_pdf(path)
    return ParsedFile(title, blocks, text)
