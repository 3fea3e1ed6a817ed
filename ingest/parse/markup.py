"""Turn the markup left in PDF exports (HTML fragments, markdown emphasis) into plain text."""

from __future__ import annotations

import html
import re

_CHECKED = re.compile(r"<input\b[^>]*\bchecked\b[^>]*>", re.IGNORECASE)
_CHECKBOX = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARA = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)]+)\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(\S(?:.*?\S)?)\1")
_ESCAPE = re.compile(r"\\([*_#\[\]()`\\-])")
_SPACES = re.compile(r"[ \t\u00a0]+")
_FOOTNOTE_MARK = re.compile(r"(?:(?<=\w)|^)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")

CHECKED_BOX = "☒"
EMPTY_BOX = "☐"


def html_parts(cell: str) -> list[str]:
    """The visible texts of the <p> elements of a cell, or the whole cell when it has none."""
    parts = [clean_inline(p) for p in _PARA.findall(cell)]
    parts = [p for p in parts if p]
    if parts:
        return parts
    text = clean_inline(cell)
    return [text] if text else []


def clean_inline(text: str) -> str:
    """Visible text of one line or cell: entities decoded, tags removed, spaces folded.

    Entities are decoded first, so an encoded tag or markdown link (&lt;b&gt;,
    !&#91;x&#93;(http://…)) is removed like a plain one, as the reader removes it.
    """
    text = html.unescape(text)
    text = _CHECKED.sub(CHECKED_BOX + " ", text)
    text = _CHECKBOX.sub(EMPTY_BOX + " ", text)
    text = _BREAK.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _FOOTNOTE_MARK.sub("", text)  # footnote references: ledningsgrupp¹
    return _SPACES.sub(" ", text).strip()


def has_checkbox(text: str) -> bool:
    return _CHECKBOX.search(text) is not None
