"""Lines and ruled tables of pages, top to bottom -> the text the txt/md parser reads.

Shared by the PDF parser (text layer) and the OCR reader (page images): headings are
recognised by size (or bold type), paragraphs are separated where the line spacing opens
up, tables are written as pipe rows in their place on the page, running headers and
footers are dropped. Each block then gets the page its text starts on.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace

from ingest.parse.text import parse_text
from ingest.schema import Block, PageReading

_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid\.?|s\.)?\s*\d{1,3}(?:\s*(?:av|/|\()\s*\d{1,3}\)?)?|[ivxlc]{1,7})$", re.I
)
_HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading
_MAX_HEADING_WORDS = 14
_BROKEN_WORD = re.compile(r"\w-$")
_CONJUNCTIONS = {"och", "eller", "samt", "resp.", "respektive", "till", "som"}
_PARAGRAPH_GAP = 0.6  # a gap above a line of this many line heights starts a paragraph
MARGIN = 0.08  # running headers and footers sit in this part of the page height
_RUNNING_MIN_PAGES = 3  # a margin line repeated on this many pages (and 40 %) is dropped


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    margin: bool = False  # in the top or bottom margin of the page


@dataclass(frozen=True)
class Grid:
    top: float
    rows: list[list[str]]


Item = Line | Grid


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
        self.previous: Line | None = None
        self.paragraph: list[str] = []  # lines of the paragraph being read
        self.heading: tuple[int, list[str]] | None = None  # (level, lines) being read

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def level(self, line: Line) -> int | None:
        if len(line.text.split()) > _MAX_HEADING_WORDS or _PAGE_NUMBER.match(line.text):
            return None
        if line.size >= self.body_size * _HEADING_RATIO:
            return self.heading_sizes.index(line.size) + 1
        if line.bold and line.size >= self.body_size * 0.95:
            return len(self.heading_sizes) + 1
        return None

    def page(self, items: list[Item]) -> None:
        self.write("\n\n")
        self.page_starts.append(self.length)
        self.previous = None
        for item in items:
            if isinstance(item, Grid):
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

    def _close(self, line: Line) -> bool:
        """True when the line follows the previous one within a paragraph's line spacing."""
        previous = self.previous
        if previous is None:
            return False
        height = previous.bottom - previous.top
        return line.top - previous.bottom <= _PARAGRAPH_GAP * height


def _margin_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text).casefold()


def _without_running_lines(pages: list[list[Item]]) -> list[list[Item]]:
    """Drop running headers and footers: margin lines repeated on many pages."""
    seen: Counter[str] = Counter()
    for items in pages:
        seen.update({_margin_key(i) for i in items if isinstance(i, Line) and i.margin})
    threshold = max(_RUNNING_MIN_PAGES, 0.4 * len(pages))
    running = {key for key, count in seen.items() if count >= threshold}
    return [
        [i for i in items if not (isinstance(i, Line) and i.margin and _margin_key(i) in running)]
        for items in pages
    ]


def _sizes(pages: list[list[Item]]) -> tuple[float, list[float]]:
    """The body text size (most characters) and the larger sizes, largest first."""
    weight: Counter[float] = Counter()
    for items in pages:
        for item in items:
            if isinstance(item, Line):
                weight[item.size] += len(item.text)
    if not weight:  # tables only
        return 0.0, []
    body = weight.most_common(1)[0][0]
    larger = sorted((s for s in weight if s >= body * _HEADING_RATIO), reverse=True)
    return body, larger


def write_blocks(
    pages: list[list[Item]], readings: dict[int, PageReading] | None = None
) -> tuple[str, str | None, list[Block]]:
    """(the text the block offsets point into, title found, blocks with page numbers).

    `readings` maps a page number (from 1) read by OCR to how it was read: its blocks are
    marked as OCR text with the page's mean word confidence.
    """
    readings = readings or {}
    pages = _without_running_lines(pages)
    body, larger = _sizes(pages)
    writer = _Writer(body, larger)
    for items in pages:
        writer.page(items)
    source = "".join(writer.parts)
    title, blocks = parse_text(source)
    starts = writer.page_starts
    paged = []
    for block in blocks:
        page = max(bisect.bisect_right(starts, block.start), 1)
        reading = readings.get(page)
        if reading is None:
            paged.append(replace(block, page=page))
        else:
            paged.append(replace(block, page=page, ocr=True, ocr_confidence=reading.confidence))
    return source, title, paged
