"""What an agreement works on: "Vilka samverkansområden pekar avsiktsförklaringen ut?" /
"What focus issues does MalmöLundregionen work on?" answered from the agreement's card, when
the document states its areas in one list ("Dessa samverkansområden är kompetensförsörjning,
näringsliv samt framtidens välfärd."): the areas named and that sentence quoted and cited.

Areas the card reads from numbered headings are not an answer (a document's headings are
also "Bakgrund", "Parter", "Syfte"); nor is a card of another kind of document than the one
asked about. Otherwise the question goes to the passages as any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.qa.question import Question
from assistant.qa.shapes.members import chunk_holding, verbatim_quote
from assistant.qa.shapes.validity import same_kind
from assistant.types import Answer, Citation, Hit
from ingest.overview.model import Card
from ingest.schema import Chunk

_AREAS = (
    r"(?:samverkansområden|samarbetsområden|fokusfrågor|fokusområden|målområden|"
    r"insatsområden|prioriterade områden|områden)"
)
ASKS_AREAS = (
    re.compile(rf"^vilka (?:är )?(?:\w+ )?{_AREAS}\b", re.IGNORECASE),
    re.compile(
        r"^(?:which|what) (?:are the )?(?:focus issues|focus areas|areas of cooperation|"
        r"cooperation areas|target areas|priority areas|areas)\b",
        re.IGNORECASE,
    ),
)
LEAD = {"sv": "Områden i ”{title}”", "en": "Areas in ”{title}”"}
MAX_ANSWER = 600


def asks_areas(question: Question) -> bool:
    return any(p.search(question.text.strip()) for p in ASKS_AREAS)


def areas_answer(
    question: Question, card: Card | None, chunks: list[Chunk], hits: Sequence[Hit]
) -> Answer | None:
    """The areas of the card's stated list, that list cited; None when the card has no
    single passage naming them all."""
    if card is None or card.areas.source != "document" or len(card.areas.values) < 2:
        return None
    if len(card.areas.evidence) != 1 or not same_kind(question, card):
        return None
    evidence = card.areas.evidence[0]
    if not all(v.casefold() in evidence.quote.casefold() for v in card.areas.values):
        return None
    chunk = chunk_holding(chunks, evidence)
    if chunk is None:
        return None
    quote = verbatim_quote(chunk, evidence)
    lang = question.language
    joint = " och " if lang == "sv" else " and "
    values = card.areas.values
    listed = ", ".join(values[:-1]) + joint + values[-1]
    text = f"{LEAD[lang].format(title=card.title)}: {listed} [1] – ”{quote}”"
    if len(text) > MAX_ANSWER:
        return None
    return Answer(text, True, lang, (Citation(1, chunk, quote),), tuple(hits))
