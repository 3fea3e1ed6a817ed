"""What an agreement is for: "Vad är syftet med Upphandlingssamverkan Sörmlandskusten?" /
"What is the purpose of the joint IT organisation?" answered from the agreement's card: the
sentences that state its purpose, quoted and cited.

As for who takes part (members.py): only for a question about the agreement as a whole
(not "syftet med styrgruppen") whose agreement is found, when the card is of the kind of
document asked about and states the purpose from the document itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.qa.question import Question
from assistant.qa.shapes.card import about_the_agreement, card_answer, quoted_passages, same_kind
from assistant.types import Answer, Hit
from ingest.overview.model import Card
from ingest.schema import Chunk

ASKS_PURPOSE = (
    re.compile(
        r"^(?:vad|vilket) (?:är|var) (?:det (?:huvudsakliga|främsta) )?(?:syftet|ändamålet|"
        r"verksamhetsidén) (?:med|för)\b|^vad syftar .+ till\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^what (?:is|was) the (?:main |overall |primary )?(?:purpose|aim|business idea) of\b",
        re.IGNORECASE,
    ),
)
LEAD = {"sv": "Syftet enligt ”{title}”:", "en": "The purpose according to ”{title}”:"}


def asks_purpose(question: Question) -> bool:
    text = question.text.strip()
    return any(p.search(text) for p in ASKS_PURPOSE) and about_the_agreement(question)


def purpose_answer(
    question: Question, card: Card | None, chunks: list[Chunk], hits: Sequence[Hit]
) -> Answer | None:
    """The sentences that state the card's purpose, cited; None when the card has none or
    is of another kind of document than the one asked about."""
    if card is None or card.purpose.source != "document" or not card.purpose.evidence:
        return None
    if not same_kind(question, card):
        return None
    quoted = quoted_passages(card.purpose.evidence, chunks)
    return card_answer(question, LEAD[question.language].format(title=card.title), quoted, hits)
