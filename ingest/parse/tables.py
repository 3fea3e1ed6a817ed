"""Tables as self-contained records.

PDF exports flatten tables into tab-separated lines, markdown pipe rows, or cells holding
HTML fragments. Each row becomes one or more records whose values carry their column
headers. A merged cell takes the value above: a cell the source marks as covered by the one
above (None: an HTML rowspan, a PDF cell pdfplumber reports as spanned from above), blank
cells before the row's first value (a group label written once, in its first row; never in a
column of parties or amounts, where a blank is a total row's or an unassigned row's), and in
tables read from text (tab or pipe rows, where a merge leaves only a blank) any blank cell.
Elsewhere a blank cell is empty and stays empty (an HTML, DOCX or PDF total row without a
comment); so is a cell holding only EMPTY_CELL, which is how a PDF's empty cell is written.
A cell that lists numbered items ("1.4 ... 1.5 ...") beside a cell with as many values
("Helsingborg Helsingborg") is split into one record per item.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.parse.markup import clean_inline, has_checkbox, html_parts

_SEPARATOR = re.compile(r"^[\s|:+\-]*-{2,}[\s|:+\-]*$")
_ITEM_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\.(\d{1,2})\.?(?=\s)")
_NAME = re.compile(r"^[A-ZÅÄÖÆØÉÜ][\wÅÄÖåäöÆØæøÉéÜü-]*$")
_MAX_HEADER_WORDS = 5
EMPTY_CELL = "–"  # what a PDF's empty cell is written as, so that it does not read as merged
# Columns a group label is never carried into: parties and amounts.
_NOT_A_GROUP = re.compile(
    r"ansvar|\bpart|kommun|region|organisation|aktör|belopp|kostnad|summa|avgift|kronor|"
    r"\bkr\b|tkr|budget",
    re.IGNORECASE,
)


def holds_group_labels(header: str) -> bool:
    """Whether a blank cell of this column, before a row's first value, repeats the label
    above (not in a column of parties or amounts)."""
    return not _NOT_A_GROUP.search(header)


def is_separator(line: str) -> bool:
    """Rule lines such as '--\t---\t---' or '|---|---|' carry no content."""
    return bool(_SEPARATOR.match(line))


def split_tab_row(line: str) -> list[str]:
    return line.rstrip("\r\n").split("\t")


def split_pipe_row(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip() for c in inner.split("|")]


def looks_like_header(raw_cells: list[str]) -> bool:
    """A header row: at least two short labels, no sentences, no form checkboxes."""
    cells = [clean_inline(c) for c in raw_cells]
    filled = [c for c in cells if c]
    if len(filled) < 2 or any(has_checkbox(c) for c in raw_cells):
        return False
    for cell in filled:
        if len(cell.split()) > _MAX_HEADER_WORDS or len(cell) > 40 or cell.endswith((".", ":")):
            return False
        if _ITEM_NUMBER.search(cell):
            return False
    return True


@dataclass
class Record:
    """One output record: (header, value) pairs and the source row it came from."""

    cells: list[tuple[str, str]]
    row: int
    item: int | None

    def text(self) -> str:
        parts = []
        for header, value in self.cells:
            if not value:
                continue
            parts.append(f"{header}: {value}" if header else value)
        return " | ".join(parts)


@dataclass
class Table:
    """Rows of one table, in order; tracks the values that merged cells inherit."""

    header: list[str]
    number: int
    width: int
    blank_is_merged: bool = False  # True for tables read from text, where merges leave blanks
    rows: int = 0
    above: list[str] = field(default_factory=list)

    def add_row(self, raw_cells: Sequence[str | None]) -> list[Record]:
        fitted = _fit(list(raw_cells), self.width)
        if not any(clean_inline(c or "") for c in fitted):
            return []
        first = next(i for i, c in enumerate(fitted) if clean_inline(c or ""))
        cells = [self._value(i, c, leading=i < first) for i, c in enumerate(fitted)]
        self.above = cells
        self.rows += 1
        return self._records(cells)

    def _value(self, column: int, cell: str | None, leading: bool) -> str:
        """The cell's own value, or the value above when the cell is merged with it."""
        above = self.above[column] if self.above else ""
        if cell is None:
            return above
        if cell.strip() == EMPTY_CELL:
            return ""
        if clean_inline(cell):
            return cell
        header = self.header[column] if column < len(self.header) else ""
        return above if self.blank_is_merged or (leading and holds_group_labels(header)) else ""

    def _records(self, cells: list[str]) -> list[Record]:
        items = _split_items(cells)
        headers = self.header or [""] * self.width
        records = []
        for index, values in enumerate(items):
            record_cells = list(zip(headers, values, strict=True))
            records.append(Record(record_cells, self.rows, index + 1 if len(items) > 1 else None))
        return records


def _fit(cells: list[str | None], width: int) -> list[str | None]:
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    if len(cells) > width:
        extra = " ".join(c for c in cells[width - 1 :] if c and c.strip())
        return [*cells[: width - 1], extra]
    return cells


def _numbered_items(text: str) -> tuple[str, list[str]]:
    """Split 'label 1.4 first. 1.5 second.' into ('label', ['1.4 first.', '1.5 second.']).

    Items are numbers with the same major part in consecutive order (1.4, 1.5, ...);
    other numbers in the text ("strategi 2.0") stay inside their item.
    """
    starts: list[int] = []
    major, minor = None, 0
    for match in _ITEM_NUMBER.finditer(text):
        this_major, this_minor = match.group(1), int(match.group(2))
        if major is None or (this_major == major and this_minor == minor + 1):
            starts.append(match.start())
            major, minor = this_major, this_minor
    if len(starts) < 2:
        return text, [text]
    lead = text[: starts[0]].strip()
    bounds = [*starts, len(text)]
    items = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return lead, items


def _split_items(raw_cells: list[str]) -> list[list[str]]:
    """One list of cell values per item; a single list when the row holds one item."""
    plain = [" ".join(html_parts(c)) for c in raw_cells]
    best_col, best = -1, (plain[0] if plain else "", [])
    for col, text in enumerate(plain):
        lead, items = _numbered_items(text)
        if len(items) > max(1, len(best[1])):
            best_col, best = col, (lead, items)
    if best_col < 0:
        return [plain]
    lead, items = best
    n = len(items)
    columns: list[list[str]] = []
    for col, raw in enumerate(raw_cells):
        if col == best_col:
            columns.append([f"{lead} {item}".strip() for item in items])
        else:
            columns.append(_spread(raw, plain[col], n))
    return [list(values) for values in zip(*columns, strict=True)]


def _spread(raw: str, text: str, n: int) -> list[str]:
    """Give each of n items its own value when the cell holds exactly n of them."""
    parts = html_parts(raw)
    if len(parts) == n:
        return parts
    words = text.split()
    if len(words) == n and all(_NAME.match(w) for w in words):
        return words
    return [text] * n
