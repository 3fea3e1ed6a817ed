"""How long an agreement is valid: "Hur länge gäller samverkansavtalet mellan Region
Gotland, Nynäshamn och Oskarshamn?" / "Until when is the declaration of intent valid?"
answered from the agreement's card: the sentences that state its period, quoted and cited.

As for who takes part (members.py): only for a question about the agreement as a whole
whose agreement is found, when the card is of the kind of document asked about and states,
from the document itself, the part of the period asked for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.qa.question import Question
from assistant.qa.shapes.card import about_the_agreement, card_answer, quoted_passages, same_kind
from assistant.types import Answer, Hit
from ingest.overview.lexicon import cues, word_pattern
from ingest.overview.model import Card
from ingest.schema import Chunk

ASKS_VALIDITY = (
    re.compile(
        r"^(?:hur länge (?:gäller|löper)|när (?:löper|går) .+ ut\b|"
        r"(?:från|fr\.o\.m\.|från och med) (?:vilket datum|när) gäller|"
        r"(?:under )?vilken \w*(?:period|tid) (?:gäller|avser|omfattar|har)|"
        r"vilka år (?:gäller|avser|omfattar|löper)|när träder .+ i kraft|"
        r"har .+ (?:något|ett) slutdatum|när (?:börjar|upphör|slutar) .+ (?:att )?gälla|"
        r"till (?:och med )?när gäller|vilken giltighetstid)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:until when (?:is|does)|how long (?:is|does|will) .+ (?:valid|run|apply|last)\b|"
        r"when does .+ (?:expire|end|run out)\b|from (?:when|which date) (?:is|does) .+ "
        r"(?:valid|apply)\b|(?:for )?what (?:period|dates?) does .+ (?:cover|apply|span)|"
        r"(?:which|what) years does .+ (?:cover|span|run)|does .+ have an end date|"
        r"what is the (?:agreement|contract|validity) period|"
        r"when does .+ (?:enter into force|take effect|come into force|start to apply)|"
        r"what is the validity of)",
        re.IGNORECASE,
    ),
)
# notice, extension and review are other questions than the period itself
NOT_VALIDITY = re.compile(
    r"\b(?:uppsägning\w*|förläng\w*|notice|extend\w*|renew\w*|prövas|review\w*|hur många)\b",
    re.IGNORECASE,
)
# the end or the start of the period asked for; other questions ask for the whole period
ASKS_END = re.compile(
    r"\b(?:until when|expire|end|end date|run out|till (?:och med )?när|"
    r"när (?:löper|går) .+ ut|slutdatum|upphör|slutar)\b",
    re.IGNORECASE,
)
ASKS_START = re.compile(
    r"(?:\bfrån (?:och med )?(?:vilket datum|när)|\bfr\.o\.m\.|\bfrom (?:when|which date)|"
    r"\bi kraft\b|\binto force\b|\btake effect\b|\bbörjar\b|\bstart to apply\b)",
    re.IGNORECASE,
)
LEAD = {"sv": "Enligt ”{title}”:", "en": "According to ”{title}”:"}


def asks_validity(question: Question) -> bool:
    text = question.text.strip()
    return (
        any(p.search(text) for p in ASKS_VALIDITY)
        and not NOT_VALIDITY.search(text)
        and about_the_agreement(question)
    )


def _states_what_is_asked(question: Question, card: Card) -> bool:
    """The card states the end (or 'tills vidare') when the end is asked for, the start when
    the start is, both (or the start and 'tills vidare') for the whole period: a period the
    rules read only in part is no answer."""
    period = card.period
    has_end = bool(period.end) or period.open_ended
    if ASKS_END.search(question.text):
        return has_end
    if ASKS_START.search(question.text):
        return bool(period.start)
    return bool(period.start) and has_end


def validity_answer(
    question: Question, card: Card | None, chunks: list[Chunk], hits: Sequence[Hit]
) -> Answer | None:
    """The sentences that state the card's period, cited; None when the card does not state
    what is asked or is of another kind of document than the one asked about."""
    if card is None or card.period.source != "document" or not card.period.stated:
        return None
    if not same_kind(question, card) or not _states_what_is_asked(question, card):
        return None
    validity = word_pattern([*cues()["period"]["validity"], *cues()["period"]["open_ended"]])
    # a review sentence is no validity
    quoted = quoted_passages(card.period.evidence, chunks, lambda e: bool(validity.search(e.quote)))
    return card_answer(question, LEAD[question.language].format(title=card.title), quoted, hits)
