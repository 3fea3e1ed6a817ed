"""What one sentence of an agreement states: the ground the answers read from a stating
sentence share when the passages' scorer abstains (how many: counts.py, how often:
often.py, when: dates.py; who holds a role: roles.py).

The sentences of the named agreement that hold the question's other words are read; each
gives the values of the kind asked ("tre revisorer", "fyra gånger per år"), or says the
question is unclear. Exactly one value among them answers, quoted with its sentence.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from assistant.qa.evidence import LIGHT_WEIGHT
from assistant.qa.question import Question, Term
from assistant.qa.shapes.card import MAX_ANSWER, SECOND_PART, card_answer
from assistant.qa.shapes.named import Agreement
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

Tokens = Callable[[str], frozenset[str]]


class Unclear(Exception):
    """A sentence about what is asked that leaves it unclear ("kan", "vid behov")."""


@cache
def toml_data(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def word_pattern(path: Path, section: str, key: str) -> re.Pattern[str]:
    """The data file's words (regular expressions) as whole words, any case."""
    words = toml_data(path)[section][key]
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


def asks_plainly(question: Question) -> bool:
    """Not negated, not two questions in one, not about what holds now or held before
    (which the agreement's text does not say)."""
    text = question.text
    return (
        not NEGATED.search(text)
        and not SECOND_PART.search(text)
        and not role_words("question", "present").search(text)
    )


def other_words(
    question: Question, context: frozenset[str], asking: re.Pattern[str], but: Term | None = None
) -> list[Term]:
    """What the sentence must hold besides the value: the question's words, not those that
    only ask for the value ("hur ofta"), frame it ("vilken kommun"), name the agreement or
    pick it by a name its opening gives."""
    return [
        t
        for t in question.terms
        if t is not but
        and t.weight > LIGHT_WEIGHT
        and not asking.fullmatch(t.surface)
        and not role_words("question", "frame").fullmatch(t.surface)
        and not role_words("question", "agreement").fullmatch(t.surface)
        and not (t.found_in(context) and is_name(t))
    ]


def holds_all(chunk: Chunk, sentence: str, tokens: Tokens, wanted: list[Term]) -> bool:
    """The sentence itself (with its passage's headings) holds every wanted term."""
    own = tokens(sentence) | tokens(" ".join(chunk.heading_path))
    return all(t.found_in(own) for t in wanted)


def one_value(
    sentences: Iterable[tuple[Chunk, str]], values: Callable[[Chunk, str], list[str]]
) -> tuple[Chunk, str, str] | None:
    """The one value the sentences state (the first sentence stating it), or None when they
    state none, several, or one of them is unclear."""
    found: dict[str, tuple[Chunk, str, str]] = {}
    for chunk, sentence in sentences:
        try:
            spans = values(chunk, sentence)
        except Unclear:
            return None
        for span in spans:
            found.setdefault(re.sub(r"\s+", " ", span).casefold(), (chunk, sentence, span))
    return next(iter(found.values())) if len(found) == 1 else None


def read_value(
    question: Question,
    agreement: Agreement,
    hits: Sequence[Hit],
    wanted: list[Term],
    values: Callable[[Chunk, str], list[str]],
    unclear: re.Pattern[str],
    own_sentence: bool = True,
) -> Answer | None:
    """The one value the agreement's sentences about what is asked state, answered with its
    sentence: the sentences holding the wanted words (by themselves, or with the sentence
    before them when own_sentence is False); one negated or unclear ("kan", "vid behov")
    while stating a value leaves the question unanswered."""
    tokens = agreement.tokens

    def checked(chunk: Chunk, sentence: str) -> list[str]:
        if own_sentence and not holds_all(chunk, sentence, tokens, wanted):
            return []
        spans = values(chunk, sentence)
        if spans and (NEGATED.search(sentence) or unclear.search(sentence)):
            raise Unclear
        return spans

    stating = stating_sentences(agreement.chunks, agreement.doc_id, tokens, wanted)
    return stated_answer(question, agreement.title, one_value(stating, checked), hits)


def stated_answer(
    question: Question,
    title: str,
    stated: tuple[Chunk, str, str] | None,
    hits: Sequence[Hit],
) -> Answer | None:
    """The value in front, then the passage quoted around its sentence, cited."""
    if stated is None:
        return None
    chunk, sentence, value = stated
    lead = LEAD[question.language].format(party=value, title=title)
    quote = quote_for(chunk, sentence, min(QUOTE, MAX_ANSWER - len(lead) - QUOTE_MARKS))
    if sentence not in quote:
        return None
    return card_answer(question, lead, [(chunk, quote)], hits)
