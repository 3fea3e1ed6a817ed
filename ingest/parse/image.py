"""Page images (.png, .jpg, .tif; a multi-page TIFF page by page) -> Blocks, by OCR.

Every block is OCR text with its page's confidence. Without Tesseract the image is refused
with the command that installs it; an image with no readable text is refused with the
reason found for its pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.messages import Problem, cause
from ingest.parse import ParsedFile, UnreadableDocument
from ingest.parse import ocr as ocr_reader
from ingest.parse.layout import write_blocks
from ingest.parse.pdf import max_pages
from ingest.schema import Block, PageReading

IMAGE_OCR_MISSING = "image_ocr_missing"
MAX_PIXELS = 80_000_000  # below Pillow's decompression-bomb warning (89 MP)
_MIN_DPI, _MAX_DPI = 70, 1200

_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
NOT_AN_IMAGE = "not_an_image"  # details: kind


def sniff(suffix: str, head: bytes) -> Problem | None:
    """Why the first bytes cannot be an image of the named type, or None when they can."""
    magic = _MAGIC.get(suffix)
    if magic is None or head.startswith(magic):
        return None
    kind = {".jpeg": "JPEG", ".jpg": "JPEG", ".tif": "TIFF", ".tiff": "TIFF"}.get(suffix, "PNG")
    return Problem(NOT_AN_IMAGE, {"kind": kind})


def _dpi(image: Any) -> int:
    found = image.info.get("dpi")
    try:
        dpi = round(float(found[0])) if found else ocr_reader.DPI
    except (TypeError, ValueError, IndexError):
        dpi = ocr_reader.DPI
    return dpi if _MIN_DPI <= dpi <= _MAX_DPI else ocr_reader.DPI


def _frames(image: Any) -> Iterator[tuple[int, Any, int]]:
    from PIL import ImageSequence

    limit = max_pages()
    for number, frame in enumerate(ImageSequence.Iterator(image), 1):
        if number > limit:
            break
        yield number, frame.convert("L"), _dpi(image)


def read_image(path: Path) -> tuple[str, str | None, list[Block], list[PageReading]]:
    """(text, title found, blocks, how each page was read) of a page image."""
    from PIL import Image, UnidentifiedImageError

    if not ocr_reader.available():
        raise UnreadableDocument(IMAGE_OCR_MISSING)
    try:
        image = Image.open(path)
    except Image.DecompressionBombError as error:  # far over Pillow's own pixel limit
        limit = MAX_PIXELS / 1e6
        raise UnreadableDocument("image_far_too_large", pixels=179, limit=limit) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise UnreadableDocument("damaged_image", error=cause(error, 120)) from error
    with image:
        pixels = image.width * image.height
        if pixels > MAX_PIXELS:
            limit = MAX_PIXELS / 1e6
            megapixels = f"{pixels / 1e6:.0f}"
            raise UnreadableDocument("image_too_large", pixels=megapixels, limit=limit)
        frames = getattr(image, "n_frames", 1)
        try:
            results = list(ocr_reader.read_pages(_frames(image), min(frames, max_pages())))
        except (OSError, ValueError, SyntaxError) as error:  # truncated or damaged data
            raise UnreadableDocument("damaged_image", error=cause(error, 120)) from error
    readings = [r.reading for r in results]
    pages = [r.items for r in results]
    if not any(pages):
        problems = [(r.stored_problem() or Problem("page_empty")).to_dict() for r in readings]
        unique = [p for i, p in enumerate(problems) if p not in problems[:i]]
        raise UnreadableDocument("image_no_text", problems=unique)
    read = {r.page: r for r in readings if r.confidence is not None}
    source, title, blocks = write_blocks(pages, read)
    return source, title, blocks, readings


def image_text(path: Path) -> str:
    """The text that the offsets of the image's blocks point into."""
    return read_image(path)[0]


def parse_image(path: Path) -> ParsedFile:
    text, title, blocks, readings = read_image(path)
    return ParsedFile(title, blocks, text, tuple(readings))
