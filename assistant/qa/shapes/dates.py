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
from collections.abc import Sequence
from pathlib import Path

from assistant.qa.patterns import SPANS
from assistant.qa.question import Question
from assistant.qa.shapes.lead import given
from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.roles import asks_plainly
from assistant.qa.shapes.stated import (
    of_what_is_asked,
    other_words,
    read_value,
    unclear_words,
)
from assistant.qa.shapes.validity import asks_validity
from assistant.qa.shapes.words import word_pattern
from assistant.types import Answer, Hit
from ingest.schema import Chunk

DATES_FILE = Path(__file__).resolve().parents[1] / "data" / "dates.toml"
_DAY = re.compile(r"\d{1,2} [a-zåäö]+|\d{4}-\d{2}-\d{2}", re.IGNORECASE)


def asks_date(question: Question) -> bool:
    """A question that asks only when one thing happens."""
    return question.kind == "when" and asks_plainly(question) and not asks_validity(question)


def date_answer(question: Question, agreement: Agreement, hits: Sequence[Hit]) -> Answer | None:
    """The one date the agreement states for what is asked, with its passage, or None."""
    wanted = other_words(
        question, agreement.context, word_pattern(DATES_FILE, "question", "asking")
    )
    if not wanted:
        return None  # nothing to tell which sentence is about what the question asks
    day = bool(word_pattern(DATES_FILE, "question", "day").search(question.text))

    def dates(chunk: Chunk, sentence: str) -> list[str]:
        headings = agreement.tokens(" ".join(chunk.heading_path))
        return [
            m.group(0).strip()
            for m in SPANS["when"].finditer(sentence)
            if _a_date(question, m, day)
            and of_what_is_asked(sentence, m.span(), question, wanted, agreement.tokens, headings)
        ]

    # "kan tidigast ske 2026": nothing is clear
    return read_value(question, agreement, hits, wanted, dates, unclear_words(DATES_FILE))


def _a_date(question: Question, match: re.Match[str], day: bool) -> bool:
    """A date the question does not give, a day when it asks for one; not a law's or a
    guide's number ("(2010:900)", "2021:3"), nor a "från 2019" the question does not ask
    since when."""
    span = match.group(0).strip()
    if given(question, span) or (day and not _DAY.search(span)):
        return False
    if match.string[match.end() : match.end() + 1] in (":", "/"):
        return False
    since = word_pattern(DATES_FILE, "question", "since")
    return not span.casefold().startswith("från ") or bool(since.search(question.text))
