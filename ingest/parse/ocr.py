"""Tesseract OCR with the Swedish model: a page image -> lines, ruled tables, a confidence.

One page at a time: the image is checked for blankness, straightened (a scan is often
1-2 degrees off), its ruled tables are found from the long dark lines and erased before
Tesseract reads the words (pytesseract, `image_to_data`: each word with its box and
confidence). A page that reads badly is given to Tesseract's orientation detection, and
read again turned when it lies on its side or upside down. Words inside a table's cells
become the table's rows; the other words become lines with an estimated font size, so
that the shared layout writer (ingest.parse.layout) finds headings and paragraphs.

Pages are read in parallel (threads: each runs a tesseract process), each with a time
limit, and a document has a total OCR time budget; pages beyond it are listed, not read.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from statistics import median
from typing import Any

import numpy as np

from ingest.messages import Problem
from ingest.parse.layout import MARGIN, Grid, Item, Line, join_lines
from ingest.parse.scan import Table, erase_rules, find_tables, is_blank, rotated, straightened
from ingest.schema import PageReading

TESSERACT_ENV = "AVTAL_TESSERACT"  # the tesseract binary (default: `tesseract` on PATH)
LANGUAGE = "swe"
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-swe"
# codes of the message tables (ingest/messages/)
OCR_MISSING = "pdf_ocr_missing"
NOT_INSTALLED = "page_ocr_missing"
BLANK = "blank_page"
NO_TEXT = "page_no_text"
NOT_TEXT = "page_not_text"
TIMED_OUT = "page_timed_out"  # details: seconds
OVER_BUDGET = "page_over_budget"  # details: seconds
HARD_TO_READ = "hard_to_read"  # details: confidence
DPI = 300
PAGE_SECONDS_ENV = "AVTAL_OCR_PAGE_SECONDS"
BUDGET_ENV = "AVTAL_OCR_DOCUMENT_SECONDS"
MIN_CONFIDENCE_ENV = "AVTAL_OCR_MIN_CONFIDENCE"
WORKERS_ENV = "AVTAL_OCR_WORKERS"
DEFAULT_PAGE_SECONDS = 60.0
DEFAULT_BUDGET_SECONDS = 1800.0
DEFAULT_MIN_CONFIDENCE = 80.0  # pages below this mean word confidence are to be checked
_GARBAGE_CONFIDENCE = 50.0  # below this, what Tesseract "read" is not text
_CAP_HEIGHT = 0.72  # height of capitals and ascenders, in font sizes
_ASCENDING = set("bdfhklt0123456789ABCDEFGHIJKLMNOPRSTUVWXYZ")
_NOT_CAP_HEIGHT = set("gjpqyQ,;()[]{}/|ÅÄÖÉÜåäöéü")

# progress(done, total) for the pages of the document being read (set by the build)
PageProgress = Callable[[int, int], None]
_progress: ContextVar[PageProgress | None] = ContextVar("ocr_progress", default=None)


def tesseract_binary() -> str | None:
    """The tesseract program to run, or None when it is not installed."""
    configured = os.environ.get(TESSERACT_ENV)
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=4)
def _languages(binary: str) -> frozenset[str]:
    try:
        done = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:])


def available() -> bool:
    """True when tesseract and its Swedish model are installed."""
    binary = tesseract_binary()
    return binary is not None and LANGUAGE in _languages(binary)


def _env_float(name: str, default: float) -> float:
    try:
        return max(1.0, float(os.environ.get(name, default)))
    except ValueError:
        return default


def page_seconds() -> float:
    return _env_float(PAGE_SECONDS_ENV, DEFAULT_PAGE_SECONDS)


def budget_seconds() -> float:
    return _env_float(BUDGET_ENV, DEFAULT_BUDGET_SECONDS)


def min_confidence() -> float:
    return _env_float(MIN_CONFIDENCE_ENV, DEFAULT_MIN_CONFIDENCE)


def workers() -> int:
    return int(_env_float(WORKERS_ENV, float(os.cpu_count() or 1)))


def page_problem(reading: PageReading, threshold: float | None = None) -> Problem | None:
    """Why a page read by OCR should be checked by a person; None when it reads well."""
    if reading.problem:
        return reading.stored_problem()
    threshold = min_confidence() if threshold is None else threshold
    if reading.confidence is not None and reading.confidence < threshold:
        return Problem(HARD_TO_READ, {"confidence": reading.confidence})
    return None


@contextmanager
def reporting(progress: PageProgress) -> Iterator[None]:
    """Report the pages read by OCR in this context to `progress(done, total)`."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


@dataclass(frozen=True)
class OcrPage:
    items: list[Item]
    reading: PageReading


@dataclass(frozen=True)
class _Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + self.height / 2


# -- Tesseract ----------------------------------------------------------------------------
def _tesseract() -> Any:
    import pytesseract

    binary = tesseract_binary()
    if binary is None:
        raise FileNotFoundError("tesseract")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # pages run in parallel instead
    pytesseract.pytesseract.tesseract_cmd = binary
    return pytesseract


def _words(gray: np.ndarray, dpi: int, seconds: float) -> list[_Word]:
    from PIL import Image

    pytesseract = _tesseract()
    data = pytesseract.image_to_data(
        Image.fromarray(gray),
        lang=LANGUAGE,
        config=f"--psm 3 --dpi {dpi}",
        output_type=pytesseract.Output.DICT,
        timeout=seconds,
    )
    words = []
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if not text.strip() or confidence < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        words.append(_Word(text.strip(), *box, confidence, key))
    return words


def _orientation(gray: np.ndarray, seconds: float) -> int:
    """Degrees (0, 90, 180, 270) Tesseract would turn the page by; 0 when unsure."""
    from PIL import Image

    pytesseract = _tesseract()
    try:
        found = pytesseract.image_to_osd(
            Image.fromarray(gray),
            config="--psm 0",
            output_type=pytesseract.Output.DICT,
            timeout=seconds,
        )
    except pytesseract.TesseractError:  # too few letters to decide
        return 0
    return int(found.get("rotate", 0)) if float(found.get("orientation_conf", 0)) > 1 else 0


def mean_confidence(words: list[_Word]) -> float | None:
    return sum(w.confidence for w in words) / len(words) if words else None


def _score(words: list[_Word]) -> float:
    return sum(w.confidence for w in words)


# -- words -> items -----------------------------------------------------------------------
def _size(words: list[_Word], dpi: int) -> float:
    """The font size (points) of a line, from the height of its capitals and ascenders."""
    tall = [
        w.height for w in words if set(w.text) & _ASCENDING and not set(w.text) & _NOT_CAP_HEIGHT
    ]
    height = median(tall) if tall else max(w.height for w in words) / 1.25 * _CAP_HEIGHT
    return float(round(height / _CAP_HEIGHT * 72 / dpi))


def _by_line(words: list[_Word]) -> list[list[_Word]]:
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    ordered = [sorted(ws, key=lambda w: w.left) for ws in lines.values()]
    return sorted(ordered, key=lambda ws: min(w.top for w in ws))


def _grid(table: Table, words: list[_Word], dpi: int) -> Grid:
    rows = len(table.rows) - 1
    columns = len(table.columns) - 1
    cells: list[list[list[_Word]]] = [[[] for _ in range(columns)] for _ in range(rows)]
    for word in words:
        x, y = word.centre
        row = int(np.searchsorted(table.rows, y)) - 1
        column = int(np.searchsorted(table.columns, x)) - 1
        cells[min(max(row, 0), rows - 1)][min(max(column, 0), columns - 1)].append(word)
    texts = []
    for row_cells in cells:
        row_texts = []
        for cell in row_cells:
            text = ""
            for line in _by_line(cell):
                text = join_lines(text, " ".join(w.text for w in line))
            row_texts.append(text.replace("|", "/"))
        texts.append(row_texts)
    return Grid(table.rows[0] * 72 / dpi, [r for r in texts if any(r)])


def page_items(words: list[_Word], tables: list[Table], height: int, dpi: int) -> list[Item]:
    """Lines outside tables and the tables themselves, top to bottom (points)."""
    inside: list[list[_Word]] = [[] for _ in tables]
    outside: list[_Word] = []
    for word in words:
        for n, table in enumerate(tables):
            if table.contains(*word.centre):
                inside[n].append(word)
                break
        else:
            outside.append(word)
    items: list[Item] = [_grid(t, ws, dpi) for t, ws in zip(tables, inside, strict=True) if ws]
    scale = 72 / dpi
    for line in _by_line(outside):
        top = min(w.top for w in line)
        bottom = max(w.top + w.height for w in line)
        margin = bottom < height * MARGIN or top > height * (1 - MARGIN)
        text = " ".join(w.text for w in line)
        items.append(Line(top * scale, bottom * scale, text, _size(line, dpi), False, margin))
    return sorted(items, key=lambda item: item.top)


# -- pages --------------------------------------------------------------------------------
def _read(gray: np.ndarray, dpi: int, seconds: float) -> tuple[list[_Word], list[Table]]:
    tables = find_tables(gray)
    return _words(erase_rules(gray), dpi, seconds), tables


def read_page(image: Any, number: int, dpi: int = DPI, seconds: float | None = None) -> OcrPage:
    """Read one page image (PIL) by OCR; never raises for what is on the page."""
    started = time.perf_counter()
    seconds = page_seconds() if seconds is None else seconds

    def result(
        items: list[Item], confidence: float | None, problem: str = "", **details: float
    ) -> OcrPage:
        elapsed = round(time.perf_counter() - started, 2)
        return OcrPage(items, PageReading(number, confidence, problem, elapsed, details))

    gray = np.asarray(image.convert("L"))
    if is_blank(gray):
        return result([], None, BLANK)
    try:
        gray = straightened(gray)
        words, tables = _read(gray, dpi, seconds)
        confidence = mean_confidence(words)
        if confidence is None or confidence < min_confidence():
            turn = _orientation(gray, seconds)
            if turn:
                turned = rotated(gray, -turn)
                again, again_tables = _read(turned, dpi, seconds)
                if _score(again) > _score(words):
                    gray, words, tables = turned, again, again_tables
                    confidence = mean_confidence(words)
    except RuntimeError as error:  # pytesseract: "Tesseract process timeout"
        if "timeout" not in str(error).lower():
            raise
        return result([], None, TIMED_OUT, seconds=seconds)
    if confidence is None:
        return result([], None, NO_TEXT)
    if confidence < _GARBAGE_CONFIDENCE:
        return result([], round(confidence, 1), NOT_TEXT)
    return result(page_items(words, tables, gray.shape[0], dpi), round(confidence, 1))


def read_pages(
    images: Iterable[tuple[int, Any, int]], total: int, budget: float | None = None
) -> Iterator[OcrPage]:
    """OcrPages for (page number, PIL image, dpi), in page order, read in parallel.

    At most a few images are held at a time (the iterable is read as workers free up).
    Pages not started within the document's time budget are returned unread.
    """
    budget = budget_seconds() if budget is None else budget
    started = time.perf_counter()
    progress = _progress.get()
    done = 0
    pending: list[tuple[int, Future[OcrPage] | None]] = []
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        for number, image, dpi in images:
            if time.perf_counter() - started > budget:
                pending.append((number, None))
            else:
                pending.append((number, pool.submit(read_page, image, number, dpi)))
            del image
            while len([f for _, f in pending if f is not None]) > workers():
                done += 1
                yield _finish(pending.pop(0), budget)
                if progress is not None:
                    progress(done, total)
        while pending:
            done += 1
            yield _finish(pending.pop(0), budget)
            if progress is not None:
                progress(done, total)


def _finish(entry: tuple[int, Future[OcrPage] | None], budget: float) -> OcrPage:
    number, future = entry
    if future is None:
        return OcrPage([], PageReading(number, None, OVER_BUDGET, details={"seconds": budget}))
    return future.result()
