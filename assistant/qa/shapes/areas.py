"""What an agreement works on: "Vilka samverkansområden pekar avsiktsförklaringen ut?" /
"What focus issues does MalmöLundregionen work on?" answered from the agreement's card, when
the document states its areas in one list ("Dessa samverkansområden är kompetensförsörjning,
näringsliv samt framtidens välfärd."): the areas named and that sentence quoted and cited.

Areas the card reads from numbered headings are not an answer (a document's headings are
also "Bakgrund", "Parter", "Syfte"). As for who takes part (members.py): only for a
question about the agreement as a whole whose agreement is found, when the card is of the
kind of document asked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.qa.question import Question
from assistant.qa.shapes.card import (
    about_the_agreement,
    card_answer,
    chunk_holding,
    listed,
    same_kind,
    verbatim_quote,
)
from assistant.types import Answer, Hit
from ingest.overview.model import Card
from ingest.schema import Chunk

_NAMED_AREAS = (
    r"(?:samverkansområden|samarbetsområden|fokusfrågor|fokusområden|målområden|"
    r"insatsområden|prioriterade områden)"
)
# "områden" / "areas" alone only with a verb of working on them (not "areas affected by")
_WORKS_ON = r"(?:pekar|prioriter\w*|arbetar|jobbar|samverkar|driver|fokuserar|work|focus|cover)"
ASKS_AREAS = (
    re.compile(rf"^vilka (?:är )?(?:\w+ )?{_NAMED_AREAS}\b", re.IGNORECASE),
    re.compile(rf"^vilka områden\b.*\b{_WORKS_ON}", re.IGNORECASE),
    re.compile(
        r"^(?:which|what) (?:are the )?(?:focus issues|focus areas|areas of cooperation|"
        r"cooperation areas|target areas|priority areas)\b",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?:which|what) areas\b.*\b{_WORKS_ON}", re.IGNORECASE),
)
LEAD = {"sv": "Områden i ”{title}”: {areas}", "en": "Areas in ”{title}”: {areas}"}


def asks_areas(question: Question) -> bool:
    text = question.text.strip()
    return any(p.search(text) for p in ASKS_AREAS) and about_the_agreement(question)


def areas_answer(
    question: Question, card: Card | None, chunks: list[Chunk], hits: Sequence[Hit]
) -> Answer | None:
    """The areas of the card's stated list, that list cited; None when the card has no
    single passage naming them all or is of another kind than the one asked about."""
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
    lang = question.language
    lead = LEAD[lang].format(title=card.title, areas=listed(card.areas.values, lang))
    return card_answer(question, lead, [(chunk, verbatim_quote(chunk, evidence))], hits)
