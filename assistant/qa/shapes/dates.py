"""When something happens: "Senast när ska samverkan utvärderas?", "When is the coastline
analysis to be ready?", answered from the sentence that states it ("Analysen ska vara klar
senast den 30 september 2026").

Like the roles, counts and frequencies, a fallback for when the passages' scorer abstains,
for a question that asks only when one thing happens (not how long the agreement is valid:
the card answers that) in an agreement it names. The sentences of that agreement that hold
every other word of the question must state one date the question does not give itself
(a day when the question asks for a date), and all the same one. A sentence about a date
that may be, is preliminary or approximate leaves the question unanswered. The words are
data (assistant/qa/data/dates.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from assistant.qa.evidence import LIGHT_WEIGHT
from assistant.qa.patterns import SPANS
from assistant.qa.question import Question, Term
from assistant.qa.shapes.card import MAX_ANSWER, SECOND_PART, card_answer
from assistant.qa.shapes.lead import given
from assistant.qa.shapes.quote import quote_for
from assistant.qa.shapes.roles import (
    LEAD,
    NEGATED,
    QUOTE,
    QUOTE_MARKS,
    is_name,
    role_words,
    stating_sentences,
)
from assistant.qa.shapes.validity import asks_validity
from assistant.types import Answer, Hit
from ingest.schema import Chunk

DATES_FILE = Path(__file__).resolve().parents[1] / "data" / "dates.toml"
_DAY = re.compile(r"\d{1,2} [a-zåäö]+|\d{4}-\d{2}-\d{2}", re.IGNORECASE)


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(DATES_FILE.read_text(encoding="utf-8"))


@cache
def _pattern(section: str, key: str) -> re.Pattern[str]:
    words = _data()[section][key]
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


def asks_date(question: Question) -> bool:
    """A question that asks only when one thing happens."""
    text = question.text
    return (
        question.kind == "when"
        and not NEGATED.search(text)
        and not SECOND_PART.search(text)
        and not role_words("question", "present").search(text)
        and not asks_validity(question)
    )


def date_answer(
    question: Question,
    doc_id: str,
    title: str,
    chunks: list[Chunk],
    hits: Sequence[Hit],
    tokens: Callable[[str], frozenset[str]],
    context: frozenset[str],
) -> Answer | None:
    """The one date the agreement states for what is asked, with its passage, or None."""
    wanted = _wanted(question, context)
    if not wanted:
        return None  # nothing to tell which sentence is about what the question asks
    day = bool(_pattern("question", "day").search(question.text))
    found: dict[str, tuple[Chunk, str, str]] = {}
    for chunk, sentence in stating_sentences(chunks, doc_id, tokens, wanted):
        own = tokens(sentence) | tokens(" ".join(chunk.heading_path))
        if not all(t.found_in(own) for t in wanted):
            continue  # the sentence itself must say what happens then
        spans = [m.group(0).strip() for m in SPANS["when"].finditer(sentence)]
        spans = [s for s in spans if not given(question, s) and (not day or _DAY.search(s))]
        if not spans:
            continue
        if NEGATED.search(sentence) or _pattern("sentence", "unclear").search(sentence):
            return None  # "kan tidigast ske 2026": nothing is clear
        for span in spans:
            found.setdefault(re.sub(r"\s+", " ", span).casefold(), (chunk, sentence, span))
    if len(found) != 1:
        return None
    chunk, sentence, span = next(iter(found.values()))
    lead = LEAD[question.language].format(party=span, title=title)
    quote = quote_for(chunk, sentence, min(QUOTE, MAX_ANSWER - len(lead) - QUOTE_MARKS))
    if sentence not in quote:
        return None
    return card_answer(question, lead, [(chunk, quote)], hits)


def _wanted(question: Question, context: frozenset[str]) -> list[Term]:
    """What the sentence must hold besides the date: the question's other words (not the
    words asking when, not the agreement's own names)."""
    return [
        t
        for t in question.terms
        if t.weight > LIGHT_WEIGHT
        and not _pattern("question", "asking").fullmatch(t.surface)
        and not role_words("question", "frame").fullmatch(t.surface)
        and not role_words("question", "agreement").fullmatch(t.surface)
        and not (t.found_in(context) and is_name(t))
    ]
