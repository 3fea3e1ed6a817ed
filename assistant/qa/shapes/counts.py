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
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.qa.question import Question, Term
from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.roles import asked_parties, asks_plainly
from assistant.qa.shapes.stated import (
    Tokens,
    Unclear,
    clause_of,
    of_what_is_asked,
    other_words,
    read_value,
    unclear_words,
)
from assistant.qa.shapes.words import toml_data, word_pattern
from assistant.types import Answer, Hit
from ingest.lexical import STOPWORDS
from ingest.overview.lexicon import municipalities
from ingest.overview.names import find_names
from ingest.schema import Chunk

COUNTS_FILE = Path(__file__).resolve().parents[1] / "data" / "counts.toml"
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"


@cache
def count_pattern() -> re.Pattern[str]:
    """A count and the word after it, and the one after that ("13 ordinarie ledamöter")."""
    data = toml_data(COUNTS_FILE)["count"]
    number = r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?|" + "|".join(data["numbers"])
    modifier = "|".join(data["modifiers"])
    return re.compile(
        rf"(?<![\w,.–/-])(?:(?:{modifier})\s+)?(?P<number>{number})\s+"
        rf"(?P<first>{_WORD})(?:\s+(?P<second>{_WORD}))?",
        re.IGNORECASE,
    )


@cache
def _municipal() -> frozenset[str]:
    return frozenset(m.casefold() for m in municipalities())


def asks_count(question: Question) -> bool:
    """A question that asks only how many of one thing there are."""
    return question.counted is not None and asks_plainly(question)


def count_answer(question: Question, agreement: Agreement, hits: Sequence[Hit]) -> Answer | None:
    """The count the agreement states, with the passage that states it, or None."""
    counted = question.counted
    if counted is None:
        return None
    asking = word_pattern(COUNTS_FILE, "question", "counting")
    wanted = other_words(question, agreement.context, asking, but=counted)
    each = bool(word_pattern(COUNTS_FILE, "distributive", "question").search(question.text))
    # a municipality the question names ("Västerås stad") must be in the sentence: the
    # count must be its own; an organisation's name ("Skaraborgs Kommunalförbund") picks
    # the agreement
    parties = asked_parties(question.text) & _municipal()

    def counts(chunk: Chunk, sentence: str) -> list[str]:
        named = {n.canonical for n in find_names(sentence)} & _municipal()
        if not parties <= named or (named and not parties and chunk.row is None):
            # another municipality's count, or one municipality's of the whole (a table
            # row's count is its item's, whoever is responsible for it)
            return []
        headings = agreement.tokens(" ".join(chunk.heading_path))
        matches = [
            m
            for m in count_pattern().finditer(sentence)
            if _span(m, counted, agreement.tokens)
            and _own_count(m, question)
            and of_what_is_asked(
                sentence, m.span(), question, wanted, agreement.tokens, headings, True
            )
        ]
        distributive = word_pattern(COUNTS_FILE, "distributive", "sentence")
        if matches and not each and distributive.search(sentence):
            raise Unclear  # a count for each part, asked about the whole
        if each and not any(
            distributive.search(clause_of(sentence, *m.span())[0]) for m in matches
        ):
            return []  # asked about each part: a count of the whole is no answer
        return [_span(m, counted, agreement.tokens) for m in matches]

    # "kan utökas till fem ledamöter": nothing is clear
    unclear = unclear_words(COUNTS_FILE)
    return read_value(question, agreement, hits, wanted, counts, unclear)


def _own_count(match: re.Match[str], question: Question) -> bool:
    """Not a rate ("2 ledamöter per 10 000 invånare"), not given to another group ("utser två
    ledamöter till arbetsutskottet") unless the question asks so ("Hur många ledamöter utser
    Västerås till direktionen?")."""
    rest = match.string[match.end("first") :]
    if re.match(r"\s+(?:[\w-]+\s+)?per\s+\d", rest):
        return False
    return not re.match(r"\s+(?:[\w-]+\s+)?till\b", rest, re.IGNORECASE) or bool(
        re.search(r"\btill\b", question.text, re.IGNORECASE)
    )


def _span(match: re.Match[str], counted: Term, tokens: Tokens) -> str:
    """The count as the sentence writes it, up to the counted word; '' when it counts
    something else. A section's number before its heading ("§ 7 Revision") is no count."""
    first, second = match.group("first"), match.group("second")
    if first[:1].isupper() or match.string[: match.start()].rstrip().endswith("§"):
        return ""
    if counted.found_in(tokens(first)):
        return match.string[match.start() : match.end("first")]
    if first.casefold() in STOPWORDS:
        return ""  # "en av ledamöterna", "tre av dem": a part of the group, not its size
    if second and second[:1].islower() and counted.found_in(tokens(second)):
        return match.group(0)
    return ""
