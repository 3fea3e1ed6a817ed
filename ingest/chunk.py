"""Blocks -> Chunks: small, never across a heading, table rows whole.

The embedding model reads at most 256 tokens and Swedish needs about 2.7 tokens a word,
so a chunk holds at most MAX_WORDS words. Short blocks under one heading are merged; a
long paragraph is cut between sentences; a long table row is cut between its cells, each
piece keeping the row's label so it still says what it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.schema import Block, Chunk, Document
from ingest.sentences import split_sentences

CHUNKER_VERSION = "21"  # 21: setext headings ("Title" over "====" or "----") in texts
MAX_WORDS = 70


def _words(text: str) -> int:
    return len(text.split())


@dataclass
class _Pending:
    """Text blocks waiting to become one chunk."""

    heading_path: tuple[str, ...] = ()
    texts: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    page: int | None = None
    source: Block | None = None  # the first block (its OCR provenance is the chunk's)

    @property
    def words(self) -> int:
        return sum(_words(t) for t in self.texts)


class _Chunker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.chunks: list[Chunk] = []
        self.pending = _Pending()
        self.headings: list[str] = []  # heading lines not yet followed by text

    def emit(
        self,
        text: str,
        path: tuple[str, ...],
        start: int,
        end: int,
        page: int | None,
        block: Block | None = None,
        source: Block | None = None,
    ) -> None:
        position = len(self.chunks)
        origin = block or source
        self.chunks.append(
            Chunk(
                chunk_id=f"{self.document.doc_id}#{position}",
                doc_id=self.document.doc_id,
                title=self.document.title,
                heading_path=path,
                text=text,
                start=start,
                end=end,
                page=page,
                row=block.table if block is not None else None,
                position=position,
                ocr=origin.ocr if origin is not None else False,
                ocr_confidence=origin.ocr_confidence if origin is not None else None,
            )
        )

    def flush(self) -> None:
        p = self.pending
        if p.texts:
            self.emit("\n".join(p.texts), p.heading_path, p.start, p.end, p.page, None, p.source)
        self.pending = _Pending()

    def take_headings(self) -> list[str]:
        lines, self.headings = self.headings, []
        return lines

    def add_text(self, block: Block) -> None:
        p = self.pending
        if p.texts and (
            p.heading_path != block.heading_path
            or p.page != block.page
            or (p.source is not None and p.source.ocr != block.ocr)
        ):
            self.flush()
            p = self.pending
        lead = self.take_headings()
        pieces = _windows(block.text, MAX_WORDS - sum(_words(h) for h in lead))
        for i, piece in enumerate(pieces):
            text_lines = [*lead, piece] if i == 0 else [piece]
            size = sum(_words(t) for t in text_lines)
            if self.pending.texts and self.pending.words + size > MAX_WORDS:
                self.flush()
            p = self.pending
            if not p.texts:
                p.heading_path, p.start, p.page = block.heading_path, block.start, block.page
                p.source = block
            p.texts.extend(text_lines)
            p.end = block.end

    def add_row(self, block: Block) -> None:
        self.flush()
        self.headings = []
        for piece in _row_pieces(block):
            self.emit(piece, block.heading_path, block.start, block.end, block.page, block)

    def run(self) -> list[Chunk]:
        for block in self.document.blocks:
            if block.kind == "heading":
                self.flush()
                if block.level > 0 or not self.headings:
                    self.headings = [*self.headings, block.text][-3:]
            elif block.kind == "table_row":
                self.add_row(block)
            else:
                self.add_text(block)
        self.flush()
        return self.chunks


def _windows(text: str, limit: int) -> list[str]:
    """Consecutive sentences grouped into pieces of at most `limit` words."""
    limit = max(limit, 20)
    if _words(text) <= limit:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in split_sentences(text):
        if current and _words(" ".join([*current, sentence])) > limit:
            pieces.append(" ".join(current))
            current = []
        if _words(sentence) > limit:  # one very long sentence: cut between words
            tokens = sentence.split()
            for i in range(0, len(tokens), limit):
                pieces.append(" ".join(tokens[i : i + limit]))
            continue
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _row_pieces(block: Block) -> list[str]:
    """A table record as one chunk, or as pieces that each repeat the row's label (a long
    label shortened; the first piece starts with the label itself, whole)."""
    if _words(block.text) <= MAX_WORDS or block.table is None:
        return [block.text] if _words(block.text) <= MAX_WORDS else _windows(block.text, MAX_WORDS)
    cells = [(h, v) for h, v in block.table.cells if v]
    label_header, label = cells[0]
    key = f"{label_header}: {label}" if label_header else label
    rest = cells[1:]
    long_label = _words(key) > MAX_WORDS // 3
    if long_label:
        # a long label is shortened where it is repeated, and kept whole as content; the
        # first piece starts with the label itself, so it does not repeat it
        key = " ".join(key.split()[: MAX_WORDS // 3]) + " …"
        rest = cells
    pieces: list[str] = []
    current: list[str] = []

    def head() -> list[str]:
        return [] if long_label and not pieces else [key]

    for header, value in rest:
        cell = f"{header}: {value}" if header else value
        room = MAX_WORDS - _words(key)
        for part in _windows(cell, room):
            if current and _words(" | ".join([*head(), *current, part])) > MAX_WORDS:
                pieces.append(" | ".join([*head(), *current]))
                current = []
            current.append(part)
    if current:
        pieces.append(" | ".join([*head(), *current]))
    return pieces or [key]


def chunk_document(document: Document) -> list[Chunk]:
    return _Chunker(document).run()
