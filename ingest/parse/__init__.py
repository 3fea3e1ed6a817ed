"""One parser per file format: path -> ParsedFile (title found in the file, blocks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.schema import Block


class UnreadableDocument(Exception):
    """A file that cannot be indexed; the message says why, in words for the summary."""


@dataclass(frozen=True)
class ParsedFile:
    title: str | None
    blocks: list[Block]


def parse_plain_text(path: Path) -> ParsedFile:
    from ingest.parse.text import parse_text, read_text

    title, blocks = parse_text(read_text(path))
    return ParsedFile(title, blocks)


Parser = Callable[[Path], ParsedFile]

PARSERS: dict[str, Parser] = {
    ".txt": parse_plain_text,
    ".md": parse_plain_text,
}
