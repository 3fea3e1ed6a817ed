"""One parser per file format: path -> ParsedFile (title found in the file, blocks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.messages import CodedError
from ingest.schema import Block, PageReading


class UnreadableDocument(CodedError):
    """A file that cannot be indexed: a code of the message tables and its details."""


@dataclass(frozen=True)
class ParsedFile:
    title: str | None
    blocks: list[Block]
    text: str = ""  # the text the block offsets point into (what the reader shows)
    readings: tuple[PageReading, ...] = ()  # pages read by OCR (or that needed it)


def parse_plain_text(path: Path) -> ParsedFile:
    from ingest.parse.decode import read_text
    from ingest.parse.text import parse_text

    text = read_text(path)
    title, blocks = parse_text(text)
    return ParsedFile(title, blocks, text)


def parse_html_file(path: Path) -> ParsedFile:
    from ingest.parse.html import parse_html

    return parse_html(path)


def parse_pdf_file(path: Path) -> ParsedFile:
    from ingest.parse.pdf import parse_pdf

    return parse_pdf(path)


def parse_docx_file(path: Path) -> ParsedFile:
    from ingest.parse.docx import parse_docx

    return parse_docx(path)


def parse_image_file(path: Path) -> ParsedFile:
    from ingest.parse.image import parse_image

    return parse_image(path)


Parser = Callable[[Path], ParsedFile]

PARSERS: dict[str, Parser] = {
    ".txt": parse_plain_text,
    ".md": parse_plain_text,
    ".html": parse_html_file,
    ".htm": parse_html_file,
    ".pdf": parse_pdf_file,
    ".docx": parse_docx_file,
    ".png": parse_image_file,
    ".jpg": parse_image_file,
    ".jpeg": parse_image_file,
    ".tif": parse_image_file,
    ".tiff": parse_image_file,
}
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
