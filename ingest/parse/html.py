"""HTML documents -> typed Blocks; also the block builder shared with the DOCX parser.

Only visible text counts: script, style, template, noscript, svg, hidden elements and
elements styled display:none are dropped. Headings h1-h6 set the heading path, paragraphs
and list items become blocks, and tables become header-labelled records through
ingest.parse.tables.Table (merged cells carried down, numbered items split). Block offsets
point into a plain text rendering of the document (see `html_text`).
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ingest.parse import ParsedFile
from ingest.parse.markup import clean_inline
from ingest.parse.tables import Table, looks_like_header
from ingest.parse.title import choose_title
from ingest.schema import Block, BlockKind, TableRow

_SKIPPED = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "select"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
           "div", "dl", "dt", "figcaption", "figure", "footer", "form", "header", "hr", "li",
           "main", "nav", "ol", "p", "pre", "section", "summary", "ul"}  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def cell_markup(paragraphs: list[str]) -> str:
    """A table cell's paragraphs in the form Table understands (one <p> per paragraph)."""
    parts = [html.escape(p, quote=False) for p in paragraphs if p.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return "".join(f"<p>{p}</p>" for p in parts)


class BlockBuilder:
    """Collects headings, paragraphs, list items and tables into Blocks, in order.

    The first heading before any other content is the document's title (level 0, outside
    every heading path), as in the txt/md parser.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.stack: list[tuple[int, str]] = []
        self.title: str | None = None
        self.tables = 0

    def _write(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text + "\n\n")
        self.length += len(text) + 2
        return start, start + len(text)

    def path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.stack)

    def heading(self, text: str, level: int) -> None:
        text = clean_inline(text)
        if not text:
            return
        start, end = self._write(text)
        if self.title is None and not self.blocks:
            self.title = text
            self.blocks.append(Block("heading", text, (), start, end, level=0))
            return
        level = max(level, 1)
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, text))
        self.blocks.append(Block("heading", text, self.path(), start, end, level=level))

    def text(self, kind: BlockKind, text: str) -> None:
        text = clean_inline(text)
        if text:
            start, end = self._write(text)
            self.blocks.append(Block(kind, text, self.path(), start, end))

    def table(self, rows: list[list[str | None]], header: list[str] | None = None) -> None:
        """Rows of raw cells (plain text or cell_markup, None where a rowspan above covers
        the cell); the header row apart, if known. A blank cell is empty, not merged."""
        rows = [r for r in rows if any(clean_inline(c or "") for c in r)]
        if header is None and len(rows) > 1 and looks_like_header([c or "" for c in rows[0]]):
            header, rows = [c or "" for c in rows[0]], rows[1:]
        if not rows:
            return
        width = max(len(r) for r in [*rows, header or []])
        labels = [clean_inline(c) for c in header or []]
        labels += [""] * (width - len(labels))
        self.tables += 1
        table = Table(labels if header else [], self.tables, width)
        if header:
            self._write(" | ".join(labels))
        for cells in rows:
            start, end = self._write(" | ".join(clean_inline(c or "") for c in cells))
            for record in table.add_row(cells):
                text = record.text()
                if text:
                    row = TableRow(table.number, record.row, tuple(record.cells), record.item)
                    self.blocks.append(Block("table_row", text, self.path(), start, end, table=row))

    def source(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------- HTML reading


def decode_html(data: bytes) -> str:
    """Decode by BOM, then <meta charset>, then UTF-8, falling back to cp1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii", "ignore").lower()
        name = "cp1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii"} else name
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@dataclass
class _Cell:
    paragraphs: list[str] = field(default_factory=list)
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass
class _TableState:
    rows: list[tuple[list[_Cell], bool]] = field(default_factory=list)  # (cells, in thead)
    row: list[_Cell] | None = None
    cell: _Cell | None = None
    in_head: bool = False


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


def _layout(rows: list[list[_Cell]]) -> list[list[str | None]]:
    """Cells placed in their columns: spanned columns repeat the value, rows under a rowspan
    get None, which Table fills from above."""
    out: list[list[str | None]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def covered(placed: list[str | None]) -> None:
        col = len(placed)
        placed.append(None)
        pending[col] -= 1
        if not pending[col]:
            del pending[col]

    for cells in rows:
        placed: list[str | None] = []
        for cell in cells:
            while len(placed) in pending:
                covered(placed)
            value = cell_markup(cell.paragraphs)
            for _ in range(cell.colspan):
                if cell.rowspan > 1:
                    pending[len(placed)] = cell.rowspan - 1
                placed.append(value)
        while pending and len(placed) <= max(pending):
            if len(placed) in pending:
                covered(placed)
            else:
                placed.append("")
        out.append(placed)
    return out


class _HtmlReader(HTMLParser):
    def __init__(self, builder: BlockBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.buffer: list[str] = []
        self.skip: list[str] = []  # tags of the hidden element being skipped (nesting)
        self.heading: int | None = None
        self.lists: list[bool] = []  # per open list: is an item open
        self.tables: list[_TableState] = []
        self.page_title: list[str] = []
        self.in_title = False

    # text ---------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.page_title.append(data)
        else:
            self.buffer.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if not text:
            return
        table = self.tables[-1] if self.tables else None
        if table is not None and len(self.tables) == 1:
            if table.cell is not None:
                table.cell.paragraphs.append(text)
            return  # text between cells is not content
        if table is not None:  # nested table: its text joins the outer cell
            outer = self.tables[0].cell
            if outer is not None:
                outer.paragraphs.append(text)
            return
        if self.heading is not None:
            self.builder.heading(text, self.heading)
        elif self.lists and self.lists[-1]:
            self.builder.text("list_item", text)
        else:
            self.builder.text("paragraph", text)

    # tags ---------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag == self.skip[0] and tag not in _VOID:
                self.skip.append(tag)
            return
        attributes = dict(attrs)
        hidden = "hidden" in attributes or attributes.get("aria-hidden") == "true"
        if tag in _SKIPPED or hidden or _HIDDEN_STYLE.search(attributes.get("style") or ""):
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag == "title":
            self.in_title = True
        elif tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append(False)
        elif tag == "li":
            self.flush()
            if self.lists:
                self.lists[-1] = True
        elif tag == "table" or self.tables:
            self._table_start(tag, attributes)
        elif tag == "br":
            self.buffer.append(" ")
        elif tag in _BLOCKS:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[0]:
                self.skip.pop()
            return
        if tag == "title":
            self.in_title = False
        elif tag in _HEADINGS:
            self.flush()
            self.heading = None
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li":
            self.flush()
            if self.lists:
                self.lists[-1] = False
        elif self.tables:
            self._table_end(tag)
        elif tag in _BLOCKS:
            self.flush()

    # tables -------------------------------------------------------------------
    def _table_start(self, tag: str, attributes: dict[str, str | None]) -> None:
        self.flush()
        if tag == "table":
            self.tables.append(_TableState())
            return
        if len(self.tables) > 1:
            return
        table = self.tables[-1]
        if tag == "thead":
            table.in_head = True
        elif tag in ("tbody", "tfoot"):
            table.in_head = False
        elif tag == "tr":
            self._close_row(table)
            table.row = []
        elif tag in ("td", "th"):
            if table.row is None:
                table.row = []
            table.cell = _Cell(
                header=tag == "th",
                colspan=_span(attributes.get("colspan")),
                rowspan=_span(attributes.get("rowspan")),
            )
            table.row.append(table.cell)

    def _table_end(self, tag: str) -> None:
        self.flush()
        table = self.tables[-1]
        if tag == "table":
            self.tables.pop()
            if not self.tables:
                self._close_row(table)
                self._emit(table)
        elif len(self.tables) == 1 and tag == "tr":
            self._close_row(table)
        elif len(self.tables) == 1 and tag in ("td", "th"):
            table.cell = None

    @staticmethod
    def _close_row(table: _TableState) -> None:
        if table.row:
            table.rows.append((table.row, table.in_head))
        table.row, table.cell = None, None

    def _emit(self, table: _TableState) -> None:
        rows = [cells for cells, _ in table.rows]
        grid = _layout(rows)
        heads = 0
        for cells, in_head in table.rows:
            if not (in_head or all(c.header for c in cells)):
                break
            heads += 1
        header = None
        if heads and heads < len(grid):
            header = [
                " ".join(
                    dict.fromkeys(clean_inline(r[col] or "") for r in grid[:heads] if col < len(r))
                )
                for col in range(max(len(r) for r in grid[:heads]))
            ]
        self.builder.table(grid[heads:] if header else grid, header)


def read_html(path: Path) -> tuple[str, str | None, list[Block]]:
    """(the text the block offsets point into, title found, blocks)."""
    builder = BlockBuilder()
    reader = _HtmlReader(builder)
    reader.feed(decode_html(path.read_bytes()))
    reader.close()
    reader.flush()
    page_title = clean_inline(" ".join(reader.page_title)) or None
    title = choose_title(builder.title or page_title, builder.blocks)
    return builder.source(), title, builder.blocks


def html_text(path: Path) -> str:
    """The text that the offsets of the HTML document's blocks point into."""
    return read_html(path)[0]


def parse_html(path: Path) -> ParsedFile:
    text, title, blocks = read_html(path)
    return ParsedFile(title, blocks, text)
