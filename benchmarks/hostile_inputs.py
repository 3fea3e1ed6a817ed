"""Hostile inputs for benchmarks/hostile.py and the tests: long text PDFs, huge questions."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures_formats import PdfPage, write_pdf

_LINES = [
    "Kommunerna samverkar om kollektivtrafik, infrastruktur och kompetensförsörjning i",
    "regionen. Styrgruppen följer upp planen årligen och rapporterar till kommunstyrelserna",
    "i de deltagande kommunerna. Ansvarig för åtgärden är respektive kommun inom sitt område.",
]


def text_pdf(path: Path, pages: int, lines_per_page: int = 45) -> Path:
    """A PDF of `pages` full pages of Swedish text, a numbered heading on each page."""
    out = []
    for number in range(1, pages + 1):
        page = PdfPage()
        page.text(50, 80, f"{number}. Avsnitt {number} om samverkan", 14, bold=True)
        for line in range(lines_per_page):
            text = f"{_LINES[line % len(_LINES)]} ({number}.{line})"
            page.text(50, 110 + line * 12, text, 9)
        page.text(290, 810, str(number), 9)
        out.append(page)
    return write_pdf(path, out)


def small_pages_pdf(path: Path, pages: int) -> Path:
    """Many pages with one short line each (a small file with a large page count)."""
    out = []
    for number in range(1, pages + 1):
        page = PdfPage()
        page.text(50, 60, f"Sida {number}: kommunerna samverkar om avfall och vatten.", 11)
        out.append(page)
    return write_pdf(path, out)


def long_questions() -> list[str]:
    """Three one-word questions of 40,000 to 100,000 characters."""
    return ["x" * 40_000, "ő" * 40_000, "x" * 100_000]
