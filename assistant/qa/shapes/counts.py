"""How many of something an agreement states: "Hur många ledamöter har direktionen i
Tolkcentralen Västmanland?", "How many auditors does the federation have?", answered from
the sentence that counts it ("Förbundet ska ha tre revisorer och tre ersättare").

Like the roles (assistant/qa/shapes/roles.py), a fallback for when the passages' scorer
abstains, for a question that asks only how many of one thing there are ("hur många X",
"how many X": Question.counted) in an agreement it names. The sentences of that agreement
that hold what else the question names must count the thing itself, a number or a number
word right before its word ("tre revisorer", "13 ordinarie ledamöter"), and all give the
same count. A sentence that counts for each of several ("två ledamöter från varje kommun")
when the question asks about the whole, or the other way round, and a negated, possible or
proposed count leave the question unanswered. The number words and the other words are
data (assistant/qa/data/counts.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from assistant.qa.evidence import LIGHT_WEIGHT
from assistant.qa.question import Question, Term
from assistant.qa.shapes.card import MAX_ANSWER, SECOND_PART, card_answer
from assistant.qa.shapes.quote import quote_for
from assistant.qa.shapes.roles import (
    LEAD,
    NEGATED,
    QUOTE,
    QUOTE_MARKS,
    asked_parties,
    is_name,
    role_words,
    stating_sentences,
)
from assistant.types import Answer, Hit
from ingest.overview.lexicon import municipalities
from ingest.overview.names import find_names
from ingest.schema import Chunk

COUNTS_FILE = Path(__file__).resolve().parents[1] / "data" / "counts.toml"
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(COUNTS_FILE.read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])"


@cache
def _pattern(section: str, key: str) -> re.Pattern[str]:
    return re.compile(_alternation(_data()[section][key]), re.IGNORECASE)


@cache
def count_pattern() -> re.Pattern[str]:
    """A count and the word after it, and the one after that ("13 ordinarie ledamöter")."""
    data = _data()["count"]
    number = r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?|" + "|".join(data["numbers"])
    modifier = "|".join(data["modifiers"])
    return re.compile(
        rf"(?<![\w,.-])(?:(?:{modifier})\s+)?(?P<number>{number})\s+"
        rf"(?P<first>{_WORD})(?:\s+(?P<second>{_WORD}))?",
        re.IGNORECASE,
    )


@cache
def _municipal() -> frozenset[str]:
    return frozenset(m.casefold() for m in municipalities())


def asks_count(question: Question) -> bool:
    """A question that asks only how many of one thing there are."""
    text = question.text
    return (
        question.counted is not None
        and not NEGATED.search(text)
        and not SECOND_PART.search(text)
        and not role_words("question", "present").search(text)
    )


def count_answer(
    question: Question,
    doc_id: str,
    title: str,
    chunks: list[Chunk],
    hits: Sequence[Hit],
    tokens: Callable[[str], frozenset[str]],
    context: frozenset[str],
) -> Answer | None:
    """The count the agreement states, with the passage that states it, or None."""
    counted = question.counted
    if counted is None:
        return None
    wanted = _wanted(question, counted, context)
    each = bool(_pattern("distributive", "question").search(question.text))
    # a municipality the question names ("Västerås stad") must be in the sentence: the
    # count must be its own; an organisation's name ("Skaraborgs Kommunalförbund") picks
    # the agreement
    parties = asked_parties(question.text) & _municipal()
    found: dict[str, tuple[Chunk, str, str]] = {}
    for chunk, sentence in stating_sentences(chunks, doc_id, tokens, wanted):
        named = {n.canonical for n in find_names(sentence)} & _municipal()
        if not parties <= named or (named and not parties and chunk.row is None):
            # another municipality's count, or one municipality's of the whole (a table
            # row's count is its item's, whoever is responsible for it)
            continue
        counts = [m for m in count_pattern().finditer(sentence) if _counts(m, counted, tokens)]
        if not counts:
            continue
        if NEGATED.search(sentence) or _pattern("sentence", "unclear").search(sentence):
            return None  # "kan utökas till fem ledamöter": nothing is clear
        if bool(_pattern("distributive", "sentence").search(sentence)) != each:
            return None  # a count for each part, asked about the whole (or the reverse)
        for match in counts:
            span = _span(match, counted, tokens)
            found.setdefault(match.group("number").casefold(), (chunk, sentence, span))
    if len(found) != 1:
        return None
    chunk, sentence, span = next(iter(found.values()))
    lead = LEAD[question.language].format(party=span, title=title)
    quote = quote_for(chunk, sentence, min(QUOTE, MAX_ANSWER - len(lead) - QUOTE_MARKS))
    if sentence not in quote:
        return None
    return card_answer(question, lead, [(chunk, quote)], hits)


def _wanted(question: Question, counted: Term, context: frozenset[str]) -> list[Term]:
    """What the sentence must hold besides the count: the question's other words (not the
    words that frame it, not the agreement's own names, which pick the document)."""
    return [
        t
        for t in question.terms
        if t is not counted
        and t.weight > LIGHT_WEIGHT
        and not role_words("question", "frame").fullmatch(t.surface)
        and not role_words("question", "agreement").fullmatch(t.surface)
        and not _pattern("question", "counting").fullmatch(t.surface)
        and not (t.found_in(context) and is_name(t))
    ]


def _counts(match: re.Match[str], counted: Term, tokens: Callable[[str], frozenset[str]]) -> bool:
    """The count is of the asked thing: its word right after the number, or one word on."""
    return _span(match, counted, tokens) != ""


def _span(match: re.Match[str], counted: Term, tokens: Callable[[str], frozenset[str]]) -> str:
    """The count as the sentence writes it, up to the counted word; '' when it counts
    something else. A section's number before its heading ("§ 7 Revision") is no count."""
    first, second = match.group("first"), match.group("second")
    if first[:1].isupper() or match.string[: match.start()].rstrip().endswith("§"):
        return ""
    if counted.found_in(tokens(first)):
        return match.string[match.start() : match.end("first")]
    if second and second[:1].islower() and counted.found_in(tokens(second)):
        return match.group(0)
    return ""
