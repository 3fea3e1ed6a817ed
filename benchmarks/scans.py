"""Scans made from the seed documents: typeset a corpus text file onto A4 page images with
a real font (DejaVu), optionally turned and speckled like a scanner's output, and put the
pages into PDFs (all scanned, or mixed with typed pages). Used by the OCR tests and by
benchmarks/ocr.py, which also needs the character error rate (`cer`).

The typesetting is deliberately plain: '#' lines are bold headings, tab-separated lines
are a ruled table (the first line its header), other lines are paragraphs, wrapped.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
)
A4_INCHES = (8.27, 11.69)
BODY_PT, TABLE_PT = 10.5, 9.0
HEADING_PT = {1: 16.0, 2: 13.0}
_TAG = re.compile(r"<[^>]+>")
_STARS = re.compile(r"^\*(.*)\*$")


def font_path(bold: bool = False) -> Path | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    try:  # matplotlib ships DejaVu too
        import matplotlib

        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
        return path if path.is_file() else None
    except ImportError:
        return None


@dataclass
class ScanPage:
    image: Any  # PIL image, mode "L"
    reference: list[str]  # the strings drawn, in reading order


def _clean(text: str) -> str:
    text = _TAG.sub(" ", text).replace("&amp;", "&").replace("**", "")
    return " ".join(text.split())


class _Typesetter:
    def __init__(self, dpi: int) -> None:
        from PIL import ImageFont

        self.dpi = dpi
        self.width = round(A4_INCHES[0] * dpi)
        self.height = round(A4_INCHES[1] * dpi)
        self.margin = round(0.9 * dpi)
        self.fonts: dict[tuple[float, bool], Any] = {}
        self._font = ImageFont.truetype
        self.pages: list[ScanPage] = []
        self._new_page()

    def font(self, size: float, bold: bool = False) -> Any:
        key = (size, bold)
        if key not in self.fonts:
            self.fonts[key] = self._font(str(font_path(bold)), round(size * self.dpi / 72))
        return self.fonts[key]

    def _new_page(self) -> None:
        from PIL import Image, ImageDraw

        image = Image.new("L", (self.width, self.height), 255)
        self.pages.append(ScanPage(image, []))
        self.draw = ImageDraw.Draw(image)
        self.y = self.margin

    def room(self, height: float) -> None:
        if self.y + height > self.height - self.margin and self.y > self.margin:
            self._new_page()

    def wrap(self, text: str, font: Any, width: float) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and font.getlength(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines

    def paragraph(self, text: str, size: float = BODY_PT, bold: bool = False) -> None:
        font = self.font(size, bold)
        step = size * 1.35 * self.dpi / 72
        for line in self.wrap(text, font, self.width - 2 * self.margin):
            self.room(step)
            self.draw.text((self.margin, self.y), line, font=font, fill=0)
            self.pages[-1].reference.append(line)
            self.y += step
        self.y += step * 0.7

    def table(self, rows: list[list[str]]) -> None:
        columns = max(len(r) for r in rows)
        rows = [r + [""] * (columns - len(r)) for r in rows]
        weights = [max(8, min(60, max(len(r[c]) for r in rows))) for c in range(columns)]
        total = self.width - 2 * self.margin
        widths = [total * w / sum(weights) for w in weights]
        edges = [self.margin + sum(widths[:c]) for c in range(columns + 1)]
        pad = 0.08 * self.dpi
        line = TABLE_PT * 1.3 * self.dpi / 72
        for n, row in enumerate(rows):
            font = self.font(TABLE_PT, bold=n == 0)
            cells = [self.wrap(text, font, widths[c] - 2 * pad) for c, text in enumerate(row)]
            height = max(1, *(len(c) for c in cells)) * line + 2 * pad
            if self.y + height > self.height - self.margin:
                self._new_page()
            top = self.y
            self.draw.line([(edges[0], top), (edges[-1], top)], fill=0, width=3)
            for c, lines in enumerate(cells):
                for k, text in enumerate(lines):
                    self.draw.text((edges[c] + pad, top + pad + k * line), text, font=font, fill=0)
                if lines:
                    self.pages[-1].reference.append(" ".join(lines))
            bottom = top + height
            self.draw.line([(edges[0], bottom), (edges[-1], bottom)], fill=0, width=3)
            for edge in edges:
                self.draw.line([(edge, top), (edge, bottom)], fill=0, width=3)
            self.y = bottom
        self.y += line


def typeset(text: str, dpi: int = 300) -> list[ScanPage]:
    """The pages of a seed document as clean page images, with what each page says."""
    setter = _Typesetter(dpi)
    table: list[list[str]] = []
    for raw in [*text.splitlines(), ""]:
        if "\t" in raw.strip():
            table.append([_clean(c) for c in raw.split("\t")])
            continue
        if table:
            setter.table(table)
            table = []
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            setter.room(60)
            setter.paragraph(_clean(line.lstrip("#")), HEADING_PT.get(level, 11.5), bold=True)
            continue
        starred = _STARS.match(line)
        setter.paragraph(_clean(starred.group(1) if starred else line))
    return [p for p in setter.pages if p.reference]


def degrade(image: Any, angle: float = 0.0, noise: float = 0.0, seed: int = 0) -> Any:
    """A scanner's look: turned by `angle` degrees, `noise` share of pixels flipped grey."""
    from PIL import Image

    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if not noise:
        return turned
    pixels = np.asarray(turned).astype(np.int16)
    generator = np.random.default_rng(seed)
    speckles = generator.random(pixels.shape) < noise
    pixels[speckles] = generator.integers(0, 256, int(speckles.sum()))
    blur = generator.normal(0, 12, pixels.shape)
    return Image.fromarray(np.clip(pixels + blur, 0, 255).astype(np.uint8))


def images_pdf(path: Path, images: list[Any], dpi: int = 300) -> Path:
    """A PDF of page images only: what a scanner produces."""
    first, *rest = [i.convert("L") for i in images]
    first.save(path, "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return path


def merged_pdf(path: Path, parts: list[tuple[Path, list[int] | None]]) -> Path:
    """A PDF of the given pages (0-based; None: all) of other PDFs, in order."""
    import pypdfium2

    merged = pypdfium2.PdfDocument.new()
    for source, pages in parts:
        document = pypdfium2.PdfDocument(source)
        merged.import_pages(document, pages)
        document.close()
    merged.save(str(path))
    merged.close()
    return path


def noisy_page(page: ScanPage, seed: int) -> Any:
    rng = random.Random(seed)
    angle = rng.choice([-1, 1]) * rng.uniform(1.0, 2.0)
    return degrade(page.image, angle, noise=0.002, seed=seed)


# -- character error rate -----------------------------------------------------------------
def normalised(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy row at a time."""
    if not a or not b:
        return max(len(a), len(b))
    codes_b = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    index = np.arange(len(b) + 1)
    row = index.copy()
    for i, char in enumerate(a, 1):
        cost = (codes_b != ord(char)).astype(np.int64)
        candidate = np.empty_like(row)
        candidate[0] = i
        candidate[1:] = np.minimum(row[1:] + 1, row[:-1] + cost)
        row = np.minimum.accumulate(candidate - index) + index
    return int(row[-1])


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of `hypothesis` against `reference` (whitespace normalised)."""
    reference, hypothesis = normalised(reference), normalised(hypothesis)
    return edit_distance(reference, hypothesis) / max(len(reference), 1)
