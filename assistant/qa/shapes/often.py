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

from collections.abc import Sequence
from pathlib import Path

from assistant.qa.patterns import SPANS
from assistant.qa.question import Question
from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.roles import asks_plainly
from assistant.qa.shapes.stated import (
    of_what_is_asked,
    other_words,
    read_value,
    unclear_words,
)
from assistant.qa.shapes.words import word_pattern
from assistant.types import Answer, Hit
from ingest.schema import Chunk

OFTEN_FILE = Path(__file__).resolve().parents[1] / "data" / "often.toml"


def asks_often(question: Question) -> bool:
    """A question that asks only how often something happens."""
    return question.kind == "frequency" and asks_plainly(question)


def often_answer(question: Question, agreement: Agreement, hits: Sequence[Hit]) -> Answer | None:
    """The one frequency the agreement states, with the passage that states it, or None."""
    wanted = other_words(
        question, agreement.context, word_pattern(OFTEN_FILE, "question", "asking")
    )
    if not wanted:
        return None  # nothing to tell which sentence is about what the question asks

    def frequencies(chunk: Chunk, sentence: str) -> list[str]:
        headings = agreement.tokens(" ".join(chunk.heading_path))
        found = [
            *SPANS["frequency"].finditer(sentence),
            *word_pattern(OFTEN_FILE, "sentence", "other").finditer(sentence),
        ]
        return [
            m.group(0).strip()
            for m in found
            if _in_time(m.group(0).strip())
            and of_what_is_asked(sentence, m.span(), question, wanted, agreement.tokens, headings)
        ]

    # "kan sammanträda oftare vid behov": nothing is clear
    return read_value(question, agreement, hits, wanted, frequencies, unclear_words(OFTEN_FILE))


def _in_time(span: str) -> bool:
    """A frequency in time: a word of its own ("årligen", "kvartalsvis") or one ending in a
    unit of time ("fyra gånger per år", "varje mandatperiod"), not "varje kommun"."""
    last = span.split()[-1]
    return len(span.split()) == 1 or bool(
        word_pattern(OFTEN_FILE, "span", "time_words").fullmatch(last)
    )
