"""Leads: a short answer in front of the quote, only where the structure makes it certain.

The responsible cell of a quoted table row answers who is responsible; the one date,
amount or frequency of the quote answers when, how much or how often.
"""

from __future__ import annotations

import re

from assistant.qa.evidence import responsible_column
from assistant.qa.patterns import RESPONSIBLE_HEADER, SPANS
from assistant.qa.question import Question
from ingest.schema import Chunk

RESPONSIBLE_LEAD = {"sv": "Ansvarig", "en": "Responsible"}
MAX_LEAD = 90


def responsible_lead(question: Question, chunk: Chunk) -> str:
    """ "Ansvarig: Svalöv" from the responsible column of the quoted row."""
    if question.kind not in ("responsible", "who") or chunk.row is None:
        return ""
    if not responsible_column(chunk):
        return ""
    for header, value in chunk.row.cells:
        if value and RESPONSIBLE_HEADER.search(header) and len(value) <= MAX_LEAD:
            name = header if question.language == "sv" else RESPONSIBLE_LEAD["en"]
            return f"{name}: {value}"
    return ""


def span_lead(question: Question, quote: str) -> str:
    """The one date, amount or frequency of the quote, when the question asks for it; not
    one the question gives itself ("under 2025" for "Vilket datum hålls forumet 2025?")."""
    pattern = SPANS.get(question.kind)
    if pattern is None:
        return ""
    found = {m.group(0).strip() for m in pattern.finditer(quote) if not given(question, m.group(0))}
    if len(found) != 1:
        return ""
    (span,) = found
    return re.sub(r"\s+", " ", span) if len(span) <= MAX_LEAD else ""


# what may stand beside a question's own numbers in a span that says nothing more
# ("under 2025" for a question about 2025; not "maj 2025", "senast år 2019", "15 kr")
_FILLER = frozenset("under den år året i på in during the year".split())


def given(question: Question, span: str) -> bool:
    """The span says nothing the question does not: its numbers are the question's own and
    only filler words stand beside them."""
    numbers = _numbers(span)
    if not numbers or not numbers <= _numbers(question.text):
        return False
    rest = re.sub(r"\d[\d\u00a0 ]*", " ", span)
    return all(w in _FILLER for w in re.findall(r"\w+", rest.casefold()))


def _numbers(text: str) -> set[str]:
    """Whole numbers, thousands joined ("10 000" is 10000, not 10 and 000)."""
    return {re.sub(r"\D", "", n) for n in re.findall(r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+", text)}


def lead_for(question: Question, chunk: Chunk, quote: str) -> str:
    return responsible_lead(question, chunk) or span_lead(question, quote)
