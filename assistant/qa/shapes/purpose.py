"""What an agreement is for: "Vad är syftet med Upphandlingssamverkan Sörmlandskusten?" /
"What is the purpose of the joint IT organisation?" answered from the agreement's card: the
sentences that state its purpose, quoted and cited.

As for who takes part (members.py): only when the question names the agreement in a
document's title or opening passage (or the best passages agree on one) and the card
states the purpose from the document itself; otherwise the question goes the usual way.
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

ASKS_PURPOSE = (
    re.compile(
        r"^(?:vad|vilket) (?:är|var) (?:det (?:huvudsakliga|främsta) )?(?:syftet|ändamålet|"
        r"verksamhetsidén) (?:med|för)\b|^vad syftar .+ till\b|^varför (?:finns|bildades|"
        r"inrättades|bildas|inrättas)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^what (?:is|was) the (?:main |overall |primary )?(?:purpose|aim|business idea) of\b|"
        r"^why (?:was|were|is|are) .+ (?:set up|formed|founded|created|established)\b",
        re.IGNORECASE,
    ),
)
LEAD = {"sv": "Syftet enligt ”{title}”:", "en": "The purpose according to ”{title}”:"}
MAX_QUOTES = 2
MAX_ANSWER = 600


def asks_purpose(question: Question) -> bool:
    return any(p.search(question.text.strip()) for p in ASKS_PURPOSE)


def purpose_answer(
    question: Question, card: Card | None, chunks: list[Chunk], hits: Sequence[Hit]
) -> Answer | None:
    """The sentences that state the card's purpose, cited; None when the card has none or
    is of another kind of document than the one asked about."""
    if card is None or card.purpose.source != "document" or not card.purpose.evidence:
        return None
    if not same_kind(question, card):
        return None
    cited: list[tuple[Chunk, str]] = []
    for evidence in card.purpose.evidence:
        chunk = chunk_holding(chunks, evidence)
        if chunk is None or any(chunk is c for c, _ in cited):
            continue
        cited.append((chunk, verbatim_quote(chunk, evidence)))
        if len(cited) == MAX_QUOTES:
            break
    lang = question.language
    parts = [LEAD[lang].format(title=card.title)]
    citations = []
    for n, (chunk, quote) in enumerate(cited, 1):
        line = f"”{quote}” [{n}]"
        if len("\n".join([*parts, line])) > MAX_ANSWER:
            break
        parts.append(line)
        citations.append(Citation(n, chunk, quote))
    if not citations:
        return None
    return Answer("\n".join(parts), True, lang, tuple(citations), tuple(hits))
