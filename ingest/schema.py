"""Data that flows from the corpus to the index and on to the assistant.

Frozen dataclasses with typed provenance; nothing here reads files or settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ingest.messages import Problem, stored

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
OCR_MARK = "(inläst med OCR)"  # appended to the citation label of text read by OCR
OCR_MARK_EN = "(read by OCR)"


@dataclass(frozen=True)
class TableRow:
    """One record of a table: every value carries its column header.

    `cells` holds (header, value) pairs in column order; a header may be "" when the
    source table had none for that column. `table` numbers the tables of a document.
    `item` is set when a row held several numbered items (1.4 ..., 1.5 ...) that were
    split into records of their own.
    """

    table: int
    row: int
    cells: tuple[tuple[str, str], ...]
    item: int | None = None

    def value(self, header: str) -> str | None:
        wanted = header.casefold()
        for name, value in self.cells:
            if name.casefold() == wanted:
                return value
        return None


@dataclass(frozen=True)
class Block:
    """A typed piece of a parsed document, with its place in the source text."""

    kind: BlockKind
    text: str
    heading_path: tuple[str, ...]
    start: int
    end: int
    page: int | None = None
    table: TableRow | None = None
    level: int = 0  # heading level (1 = top); 0 for other kinds
    ocr: bool = False  # read from a page image by OCR
    ocr_confidence: float | None = None  # the page's mean word confidence (0-100), OCR only


@dataclass(frozen=True)
class Document:
    doc_id: str  # stable id: the path relative to the corpus folder, with "/"
    path: str
    title: str
    blocks: tuple[Block, ...]
    content_hash: str
    organisations: tuple[str, ...] = ()
    period: str = ""
    text: str = field(default="", repr=False)  # what the block offsets point into
    readings: tuple[PageReading, ...] = ()  # pages read by OCR, or that needed it


@dataclass(frozen=True)
class PageReading:
    """How one page without a text layer was read.

    `confidence` is Tesseract's mean word confidence (0-100), None when nothing was read;
    `problem` is the code of why the page gave no (or doubtful) text, '' when it is fine.
    """

    page: int
    confidence: float | None
    problem: str = ""  # a code of the message tables (ingest/messages/)
    seconds: float = 0.0
    details: dict[str, float] = field(default_factory=dict)  # the problem's details

    def stored_problem(self) -> Problem | None:
        """The problem OCR noted for this page (not a low confidence); None when none."""
        if not self.problem:
            return None
        if self.details:
            return Problem(self.problem, dict(self.details))
        return stored(self.problem, page=True)


@dataclass(frozen=True)
class Chunk:
    """The unit that is embedded, searched, cited and shown."""

    chunk_id: str
    doc_id: str
    title: str
    heading_path: tuple[str, ...]
    text: str
    start: int
    end: int
    page: int | None = None
    row: TableRow | None = None
    position: int = 0  # order of the chunk within its document
    ocr: bool = False  # read from a page image by OCR
    ocr_confidence: float | None = None  # the page's mean word confidence (0-100), OCR only

    @property
    def section(self) -> str:
        return " › ".join(self.heading_path)

    def label(self, language: str = "sv") -> str:
        parts = [self.title, *self.heading_path]
        if self.page is not None:
            parts.append(f"s. {self.page}" if language == "sv" else f"p. {self.page}")
        label = " › ".join(p for p in parts if p)
        if not self.ocr:
            return label
        return f"{label} {OCR_MARK if language == 'sv' else OCR_MARK_EN}"


@dataclass(frozen=True)
class ParseProblem:
    """A file that could not be indexed, and why (shown in the ingest summary)."""

    path: str
    problem: Problem

    @property
    def reason(self) -> str:
        """Why, in English (the ingest summary and logs)."""
        return str(self.problem)

    def to_dict(self) -> dict:
        return {"file": self.path, "reason": self.reason, **self.problem.to_dict()}


@dataclass(frozen=True)
class ParseResult:
    documents: tuple[Document, ...] = ()
    problems: tuple[ParseProblem, ...] = field(default_factory=tuple)
