"""A scanned page as an image: blank or not, straightened, its ruled tables found and erased.

Plain numpy on a grayscale page (0 black, 255 white); ingest.parse.ocr reads the result.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from statistics import median

import numpy as np

_MAX_SKEW = 3.0  # degrees searched when straightening a page
_MIN_SKEW = 0.15  # a page turned less than this is left as it is
_RULE_SLACK = 5  # pixels a vertical rule may wander (a page straightened to 0.1 degrees)


@dataclass(frozen=True)
class Table:
    rows: list[int]  # y of the horizontal rules, top to bottom (full resolution)
    columns: list[int]  # x of the vertical rules, left to right

    def contains(self, x: float, y: float) -> bool:
        return self.columns[0] <= x <= self.columns[-1] and self.rows[0] <= y <= self.rows[-1]


def _dark(gray: np.ndarray) -> np.ndarray:
    return gray < 128


def is_blank(gray: np.ndarray) -> bool:
    """Almost no dark pixels: an empty page (a few specks of dust allowed)."""
    return float(_dark(gray).mean()) < 0.001


def rotated(gray: np.ndarray, angle: float) -> np.ndarray:
    from PIL import Image

    image = Image.fromarray(gray).rotate(
        angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255
    )
    return np.asarray(image)


def skew_angle(gray: np.ndarray) -> float:
    """The rotation (degrees, counter-clockwise) that makes the text lines horizontal."""
    from PIL import Image

    small = Image.fromarray((_dark(gray[::4, ::4]) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    for angle in np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.1):
        turned = np.asarray(small.rotate(float(angle), resample=Image.Resampling.NEAREST))
        profile = turned.sum(axis=1, dtype=np.float64)
        score = float(np.sum(np.diff(profile) ** 2))
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 1)


def straightened(gray: np.ndarray) -> np.ndarray:
    angle = skew_angle(gray)
    return gray if abs(angle) < _MIN_SKEW else rotated(gray, angle)


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels of `mask` that lie in a horizontal run of at least `length` pixels."""
    height, width = mask.shape
    if width <= length:
        return np.zeros_like(mask)
    total = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=total[:, 1:])
    starts = (total[:, length:] - total[:, :-length]) == length  # a run starts here
    covered = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(np.pad(starts, ((0, 0), (0, length - 1))), axis=1, out=covered[:, 1:])
    ends = np.zeros_like(covered)
    ends[:, length:] = covered[:, :-length]
    return (covered - ends)[:, 1:] > 0


def _groups(indexes: np.ndarray) -> list[tuple[int, int]]:
    """Runs of consecutive integers as (first, last)."""
    found: list[tuple[int, int]] = []
    for i in indexes.tolist():
        if found and i <= found[-1][1] + 1:
            found[-1] = (found[-1][0], i)
        else:
            found.append((i, i))
    return found


def find_tables(gray: np.ndarray) -> list[Table]:
    """Ruled tables: bands between long horizontal rules that have vertical rules at both
    ends; the columns are the vertical rules found in most bands."""
    dark = _dark(gray)
    _height, width = dark.shape
    rules = _long_runs(dark, max(width // 8, 40))
    lines = [(a + b) // 2 for a, b in _groups(np.flatnonzero(rules.any(axis=1)))]
    tables: list[Table] = []
    current: list[tuple[int, int, list[int]]] = []  # bands (top, bottom, separators)
    for top, bottom in itertools.pairwise(lines):
        inner = dark[top + 3 : bottom - 2]
        separators: list[int] = []
        if inner.shape[0] >= 8:
            share = _widened(inner, _RULE_SLACK).mean(axis=0)  # a rule a little askew
            separators = [(a + b) // 2 for a, b in _groups(np.flatnonzero(share > 0.85))]
        if len(separators) >= 2 and (not current or current[-1][1] == top):
            current.append((top, bottom, separators))
            continue
        if current:
            tables.append(_table(current))
        current = [(top, bottom, separators)] if len(separators) >= 2 else []
    if current:
        tables.append(_table(current))
    return tables


def _widened(mask: np.ndarray, slack: int) -> np.ndarray:
    """Pixels with a dark pixel at most `slack` pixels to the left or right."""
    total = np.zeros((mask.shape[0], mask.shape[1] + 2 * slack + 1), dtype=np.int32)
    np.cumsum(np.pad(mask, ((0, 0), (slack, slack))), axis=1, out=total[:, 1:])
    return (total[:, 2 * slack + 1 :] - total[:, : -2 * slack - 1]) > 0


def _table(bands: list[tuple[int, int, list[int]]]) -> Table:
    votes: list[int] = sorted(x for _, _, xs in bands for x in xs)
    columns: list[int] = []
    for cluster in _clusters(votes, 6):
        if len(cluster) * 2 >= len(bands):
            columns.append(int(median(cluster)))
    if len(columns) < 2:
        columns = [min(votes), max(votes)]
    return Table([bands[0][0], *(b for _, b, _ in bands)], columns)


def _clusters(values: list[int], gap: int) -> list[list[int]]:
    clusters: list[list[int]] = []
    for value in values:
        if clusters and value - clusters[-1][-1] <= gap:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return clusters


def erase_rules(gray: np.ndarray) -> np.ndarray:
    """The image without its long horizontal and vertical rules (they read as | and _)."""
    dark = _dark(gray)
    height, width = dark.shape
    rules = _long_runs(dark, max(width // 8, 40)) | _long_runs(dark.T, max(height // 30, 40)).T
    if not rules.any():
        return gray
    grown = rules | np.roll(rules, 1, axis=0) | np.roll(rules, -1, axis=0)
    grown |= np.roll(grown, 1, axis=1) | np.roll(grown, -1, axis=1)
    cleaned = gray.copy()
    cleaned[grown] = 255
    return cleaned
