"""How often something happens: "Hur ofta sammanträder styrgruppen i Kustsamverkan
Sydöstra Skåne?", "How often does the steering group meet?", answered from the sentence that
states it ("Styrgruppen sammanträder fyra gånger per år").

Like the roles and the counts, a fallback for when the passages' scorer abstains, for a
question that asks only how often (not "… och vem ansvarar?") in an agreement it names. The
sentences of that agreement that hold every other word of the question (a body such as
"styrgruppen" by its whole name) must state one frequency in time ("fyra gånger per år",
"varje år", "kvartalsvis"; not "varje kommun"), and all the same one. A sentence about what
may be, was, or is done when needed leaves the question unanswered. The words are data
(assistant/qa/data/often.toml).
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
from assistant.types import Answer, Hit
from ingest.schema import Chunk

OFTEN_FILE = Path(__file__).resolve().parents[1] / "data" / "often.toml"


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(OFTEN_FILE.read_text(encoding="utf-8"))


@cache
def _pattern(section: str, key: str) -> re.Pattern[str]:
    words = _data()[section][key]
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


def asks_often(question: Question) -> bool:
    """A question that asks only how often something happens."""
    text = question.text
    return (
        question.kind == "frequency"
        and not NEGATED.search(text)
        and not SECOND_PART.search(text)
        and not role_words("question", "present").search(text)
    )


def often_answer(
    question: Question,
    doc_id: str,
    title: str,
    chunks: list[Chunk],
    hits: Sequence[Hit],
    tokens: Callable[[str], frozenset[str]],
    context: frozenset[str],
) -> Answer | None:
    """The one frequency the agreement states, with the passage that states it, or None."""
    wanted = _wanted(question, context)
    if not wanted:
        return None  # nothing to tell which sentence is about what the question asks
    found: dict[str, tuple[Chunk, str, str]] = {}
    for chunk, sentence in stating_sentences(chunks, doc_id, tokens, wanted):
        own = tokens(sentence) | tokens(" ".join(chunk.heading_path))
        if not all(t.found_in(own) for t in wanted):
            continue  # the sentence itself must say what happens so often
        spans = [m.group(0).strip() for m in SPANS["frequency"].finditer(sentence)]
        spans = [s for s in spans if _in_time(s)]
        if not spans:
            continue
        if NEGATED.search(sentence) or _pattern("sentence", "unclear").search(sentence):
            return None  # "kan sammanträda oftare vid behov": nothing is clear
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


def _in_time(span: str) -> bool:
    """A frequency in time: a word of its own ("årligen", "kvartalsvis") or one ending in a
    unit of time ("fyra gånger per år", "varje mandatperiod"), not "varje kommun"."""
    last = span.split()[-1]
    return len(span.split()) == 1 or bool(_pattern("span", "time_words").fullmatch(last))


def _wanted(question: Question, context: frozenset[str]) -> list[Term]:
    """What the sentence must hold besides the frequency: the question's other words (not
    the words asking how often, not the agreement's own names)."""
    return [
        t
        for t in question.terms
        if t.weight > LIGHT_WEIGHT
        and not _pattern("question", "asking").fullmatch(t.surface)
        and not role_words("question", "frame").fullmatch(t.surface)
        and not role_words("question", "agreement").fullmatch(t.surface)
        and not (t.found_in(context) and is_name(t))
    ]
