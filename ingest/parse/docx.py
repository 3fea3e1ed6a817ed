"""Word .docx documents -> typed Blocks, in document order (python-docx).

Heading styles ("Heading 1", "Rubrik 1", styles based on them, or an outline level) give
headings with their levels; the Title style gives the title; list styles and numbered
paragraphs give list items; tables become header-labelled records (the first row is the
header) through ingest.parse.tables.Table. Block offsets point into a plain text rendering
of the document (see `docx_text`).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ingest.messages import Problem, cause
from ingest.parse import ParsedFile, UnreadableDocument
from ingest.parse.html import BlockBuilder, cell_markup
from ingest.parse.title import choose_title
from ingest.schema import Block

OLE_FORMAT = "ole_format"
NOT_A_DOCX = "not_a_docx"
NO_WORD_DOCUMENT = "no_word_document"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "rubrik"}
_LIST_STYLE = re.compile(r"\blist|\bliststycke|punktlista|numrerad lista", re.IGNORECASE)
_MAX_STYLE_DEPTH = 8
# Paragraphs and tables at the top level of the body; an agreement has a few thousand.
# Each takes about 0.3 ms to read, so the limit bounds a parse to about 15 s.
MAX_PARTS = 50_000


def sniff(head: bytes) -> Problem | None:
    """Why the first bytes of a file cannot be a .docx, or None when they can."""
    if head.startswith(_OLE_MAGIC):
        return Problem(OLE_FORMAT)
    return None if head.startswith(b"PK\x03\x04") else Problem(NOT_A_DOCX)


def _open(path: Path) -> Any:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    problem = sniff(path.read_bytes()[:8])
    if problem:
        raise UnreadableDocument(problem.code)
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
    except zipfile.BadZipFile as error:
        raise UnreadableDocument("damaged_docx", error=cause(error)) from error
    if "word/document.xml" not in names:
        raise UnreadableDocument(NO_WORD_DOCUMENT)
    try:
        return Document(str(path))
    except (PackageNotFoundError, KeyError) as error:
        raise UnreadableDocument(NO_WORD_DOCUMENT) from error


def _outline_level(element: Any) -> int | None:
    values = element.xpath("./w:pPr/w:outlineLvl/@w:val")
    if values and values[0].isdigit() and int(values[0]) < 9:
        return int(values[0]) + 1
    return None


def _heading_level(paragraph: Any) -> int | None:
    """1-6 for a heading, 0 for the title, None for body text."""
    level = _outline_level(paragraph._p)
    if level is not None:
        return level
    style = paragraph.style
    for _ in range(_MAX_STYLE_DEPTH):
        if style is None:
            return None
        name = (style.name or "").strip()
        if name.casefold() in _TITLE_STYLES:
            return 0
        match = _HEADING_STYLE.match(name) or _HEADING_STYLE.match(style.style_id or "")
        if match:
            return int(match.group(1))
        level = _outline_level(style.element)
        if level is not None:
            return level
        style = style.base_style
    return None


def _is_list(paragraph: Any) -> bool:
    if paragraph._p.xpath("./w:pPr/w:numPr"):
        return True
    style = paragraph.style
    return style is not None and bool(_LIST_STYLE.search(style.name or ""))


def _table_rows(table: Any) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            paragraphs = [" ".join(p.text.split()) for p in cell.paragraphs]
            cells.append(cell_markup(paragraphs))
        rows.append(cells)
    return rows


def read_docx(path: Path) -> tuple[str, str | None, list[Block]]:
    """(the text the block offsets point into, title found, blocks)."""
    from docx.table import Table as DocxTable

    document = _open(path)
    parts = len(document.element.body)
    if parts > MAX_PARTS:
        raise UnreadableDocument("too_many_parts", parts=parts, limit=MAX_PARTS)
    builder = BlockBuilder()
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            rows = [r for r in _table_rows(item) if any(r)]
            if len(rows) > 1:
                builder.table(rows[1:], rows[0])
            else:
                builder.table(rows)
            continue
        text = " ".join(item.text.split())
        if not text:
            continue
        level = _heading_level(item)
        if level is not None:
            builder.heading(text, level)
        else:
            builder.text("list_item" if _is_list(item) else "paragraph", text)
    found = builder.title or (document.core_properties.title or "").strip() or None
    return builder.source(), choose_title(found, builder.blocks), builder.blocks


def docx_text(path: Path) -> str:
    """The text that the offsets of the .docx document's blocks point into."""
    return read_docx(path)[0]


def parse_docx(path: Path) -> ParsedFile:
    text, title, blocks = read_docx(path)
    return ParsedFile(title, blocks, text)
