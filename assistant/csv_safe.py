"""CSV files that a spreadsheet opens as data: no cell is read as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with = + - @ (and, in some
versions, a tab or carriage return) as a formula, so a question or a passage such as
"=HYPERLINK(...)" would run when an administrator opens the export. Every text cell that
starts with one of them gets a leading apostrophe, which the spreadsheet shows as text.
Numbers (int and float values) are written as they are: -1 is a number, not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value to write in a cell: text starting like a formula gets a leading "'"."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(out: Path, columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Write rows (dicts keyed by columns) as CSV, UTF-8 with BOM for Excel; the row count."""
    count = 0
    with out.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({column: safe_cell(row.get(column)) for column in columns})
            count += 1
    return count
