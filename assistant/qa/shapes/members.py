"""Who takes part: "Vilka kommuner ingår i MalmöLundregionen?" / "Which parties are part of
the Sjuhärad intent declaration?" answered from the agreement's card.

The card's parties are derived at ingest time (ingest/overview), each with the verbatim
passage that states them. The answer names them and quotes those passages, cited. It is
given only for a question about the agreement as a whole (card.py) whose agreement is
found, when the card is of the kind of document asked about and states at least two
parties from the document itself; otherwise the question goes the usual way.
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
from ingest.overview.names import canonical, find_names
from ingest.schema import Chunk

# the noun, at most a few words (the agreement's name), then the verb of taking part
ASKS_MEMBERS = (
    re.compile(
        r"^(?:vilka|vilken|vilket)(?: \w+){0,2} (?:kommuner|parter|medlemmar|medlemskommuner|"
        r"organisationer|aktörer)(?: \w+){0,2} (?:ingår|är med|deltar|står bakom|är parter|"
        r"är medlemmar|samverkar)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^vilka är (?:parterna|medlemmarna|medlemskommunerna)\b", re.IGNORECASE),
    re.compile(
        r"^(?:which|what)(?: \w+){0,2} (?:municipalities|parties|members|member "
        r"municipalities|organi[sz]ations)(?: \w+){0,2} (?:are|were) (?:the )?(?:part of|"
        r"members? of|involved in|participating in|parties to|in (?:the )?(?:\w+ ){0,4}"
        r"(?:cooperation|agreement|declaration|collaboration|partnership))\b",
        re.IGNORECASE,
    ),
    re.compile(r"^who (?:are|were) the (?:parties|members)\b", re.IGNORECASE),
)
# signing or applying is not taking part
NOT_MEMBERS = re.compile(
    r"\b(?:signed|sign|undertecknat|undertecknade|skrivit under|ansökt|applied)\b", re.IGNORECASE
)
LEAD = {"sv": "Parter i ”{title}”: {names}", "en": "Parties to ”{title}”: {names}"}
MAX_QUOTES = 2


# after the verb, the agreement: its name or a word for a cooperation ("i samverkan", "bakom
# avsiktsförklaringen"), not an activity within it ("deltar i turismarbetet")
_LINKING = frozenset("i bakom med av redan numera idag nu of the in currently now".split())
_COOPERATION = re.compile(
    r"samverk|samarbet|avtal|avsiktsförklaring|överenskommels|förbund|region|cooperation|"
    r"collaboration|agreement|declaration|partnership|association",
    re.IGNORECASE,
)


def asks_members(question: Question) -> bool:
    text = question.text.strip()
    match = next((m for p in ASKS_MEMBERS if (m := p.search(text))), None)
    if match is None or NOT_MEMBERS.search(text) or not about_the_agreement(question):
        return False
    words = [w for w in re.findall(r"[\w-]+", text[match.end() :]) if w.lower() not in _LINKING]
    return not words or words[0][:1].isupper() or bool(_COOPERATION.search(words[0]))


def members_answer(
    question: Question, card: Card | None, chunks: list[Chunk], hits: Sequence[Hit]
) -> Answer | None:
    """The parties of the card, with the passages that state them; None when the card
    states fewer than two from the document or is of another kind than asked about."""
    if card is None or card.parties.source != "document" or len(card.parties.values) < 2:
        return None
    if not same_kind(question, card):
        return None
    quoted: list[tuple[Chunk, str]] = []
    named: set[str] = set()
    # the passages that name the most parties first; a further one only for parties the
    # earlier ones do not name
    for evidence in sorted(card.parties.evidence, key=lambda e: -len(_named(e.quote))):
        chunk = chunk_holding(chunks, evidence)
        new = _named(evidence.quote) - named
        if chunk is None or not new or any(chunk is c for c, _ in quoted):
            continue
        quoted.append((chunk, verbatim_quote(chunk, evidence)))
        named |= new
        if len(quoted) == MAX_QUOTES:
            break
    lang = question.language
    lead = LEAD[lang].format(title=card.title, names=listed(card.parties.values, lang))
    return card_answer(question, lead, quoted, hits)


def _named(text: str) -> set[str]:
    return {canonical(n.written) for n in find_names(text)}
