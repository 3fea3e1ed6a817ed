"""Answers from the agreements' overview instead of from passages: reverse questions ("Vad
ansvarar Svalöv för?") from the responsibility register; who takes part ("Vilka kommuner
ingår i MalmöLundregionen?"), how long an agreement is valid, what it is for and the areas it
lists from the agreement's card (assistant/qa/shapes/card.py says when a card answers).
Register and cards are derived at ingest time with verbatim evidence; when none applies the
question goes to the passages. Who holds a role (chair, host, convener, secretariat), how
many of one thing there are, how often and when something happens are read from the sentence
that states it when the passages' scorer abstains.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.overview import Overview, overview_of
from assistant.qa.question import Question
from assistant.qa.shapes.areas import areas_answer, asks_areas
from assistant.qa.shapes.card import asked_document
from assistant.qa.shapes.counts import asks_count, count_answer
from assistant.qa.shapes.dates import asks_date, date_answer
from assistant.qa.shapes.members import asks_members, members_answer
from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.often import asks_often, often_answer
from assistant.qa.shapes.purpose import asks_purpose, purpose_answer
from assistant.qa.shapes.register import (
    asked_party,
    asks_alone,
    narrowed,
    of_role,
    register_answer,
    sole,
)
from assistant.qa.shapes.roles import agreement_names, asked_role, role_answer
from assistant.qa.shapes.validity import asks_validity, validity_answer
from assistant.types import Answer, Hit
from ingest.lexical import tokenize
from ingest.overview.model import Card, Record
from ingest.schema import Chunk
from ingest.store import StoredIndex

log = logging.getLogger(__name__)

CardAnswer = Callable[[Question, Card | None, list[Chunk], Sequence[Hit]], Answer | None]
SentenceAnswer = Callable[[Question, Agreement, Sequence[Hit]], Answer | None]


@dataclass(frozen=True)
class Sources:
    """What the overview answers need of a loaded index version."""

    index: StoredIndex
    documents: dict[str, list[Chunk]]


def structured_answer(
    sources: Sources, question: Question, hits: Sequence[Hit], doc_ids: Collection[str] | None
) -> Answer | None:
    """The register's or the card's answer to the question, or None."""
    party = asked_party(question)
    card_field = _card_field(question) if party is None else None
    if party is None and card_field is None:
        return None
    try:
        overview = overview_of(sources.index.manifest, sources.index.version)
    except Exception:  # no overview stored with this index: answer from passages
        log.warning("no agreement overview in this index", exc_info=True)
        return None
    if party is not None:
        return _register_reply(sources, overview, question, party, hits, doc_ids)
    assert card_field is not None
    return _card_reply(sources, overview, question, hits, doc_ids, card_field)


def _card_field(question: Question) -> CardAnswer | None:
    """The card answer for the field the question asks about, if it asks about one."""
    for asks, answer in (
        (asks_members, members_answer),
        (asks_validity, validity_answer),
        (asks_purpose, purpose_answer),
        (asks_areas, areas_answer),
    ):
        if asks(question):
            return answer
    return None


def _register_reply(
    sources: Sources,
    overview: Overview,
    question: Question,
    party: str,
    hits: Sequence[Hit],
    doc_ids: Collection[str] | None,
) -> Answer | None:
    """A reverse question answered from the register, within the documents the search is
    limited to."""
    titles = {c.doc_id: c.title for c in overview.cards}
    records = [r for r in overview.responsibilities_of(party) if not doc_ids or r.doc_id in doc_ids]
    vocabulary = sources.index.vocabulary
    # the agreement's own name counts as each of its records' too: it often stands only
    # in the opening lines ("Sydnärkes miljö- och klimatsamverkan"), not in the title
    context = {d: _context(sources, titles, d) for d in {r.doc_id for r in records}}

    def words_of(record: Record) -> frozenset[str]:
        own = tokenize(f"{record.text} {record.section}", vocabulary, heads=False)
        return context[record.doc_id] | frozenset(own)

    records = of_role(question, records)
    if asks_alone(question):
        records = sole(records, overview.records())
    records = narrowed(question, party, records, words_of)
    return register_answer(question, records, lambda d: sources.documents.get(d, []), hits)


def _context(sources: Sources, titles: dict[str, str], doc_id: str) -> frozenset[str]:
    """The words of a document's title and opening passage: where it names its agreement."""
    chunks = sources.documents.get(doc_id, [])
    text = f"{titles.get(doc_id, '')} {chunks[0].text if chunks else ''}"
    return frozenset(tokenize(text, sources.index.vocabulary, heads=False))


def _card_reply(
    sources: Sources,
    overview: Overview,
    question: Question,
    hits: Sequence[Hit],
    doc_ids: Collection[str] | None,
    answer_from: CardAnswer,
) -> Answer | None:
    """A question about one field of an agreement's card (who takes part, its period, its
    purpose, its areas), answered from the card of the agreement the question names."""
    titles = {c.doc_id: c.title for c in overview.cards}
    doc_id = asked_document(question, hits, lambda d: _context(sources, titles, d))
    if doc_id is None or (doc_ids and doc_id not in doc_ids):
        return None
    chunks = sources.documents.get(doc_id, [])
    return answer_from(question, overview.card(doc_id), chunks, hits)


def sentence_fallback(
    sources: Sources, question: Question, hits: Sequence[Hit], doc_ids: Collection[str] | None
) -> Answer | None:
    """Who holds a role the question asks about (chair, host, convener, secretariat), how
    many of one thing there are, how often or when something happens, from the sentence of
    the named agreement that states it; for when the passages' scorer abstains
    (assistant/qa/shapes/roles.py, counts.py, often.py, dates.py)."""
    role = asked_role(question)
    shape = _sentence_shape(question)
    if role is None and shape is None:
        return None
    try:
        overview = overview_of(sources.index.manifest, sources.index.version)
    except Exception:  # no overview stored with this index
        log.warning("no agreement overview in this index", exc_info=True)
        return None
    titles = {c.doc_id: c.title for c in overview.cards}

    def context(doc_id: str) -> frozenset[str]:
        return _context(sources, titles, doc_id)

    names = agreement_names(question)  # read only from the agreement named
    doc_id = asked_document(question, hits, context, names) if names else None
    if doc_id is None or (doc_ids and doc_id not in doc_ids):
        return None
    vocabulary = sources.index.vocabulary

    def tokens(text: str) -> frozenset[str]:
        return _sentence_tokens(text, vocabulary)

    title, chunks = titles.get(doc_id, doc_id), sources.documents.get(doc_id, [])
    agreement = Agreement(doc_id, title, chunks, tokens, context(doc_id))
    if role is not None:
        return role_answer(question, role, agreement, hits)
    assert shape is not None
    return shape(question, agreement, hits)


def _sentence_shape(question: Question) -> SentenceAnswer | None:
    """The answer shape read from one sentence for this question, if any."""
    for asks, answer in (
        (asks_count, count_answer),
        (asks_often, often_answer),
        (asks_date, date_answer),
    ):
        if asks(question):
            return answer
    return None


@lru_cache(maxsize=50_000)
def _sentence_tokens(text: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """A sentence's words (cached: a document's sentences come back question after question)."""
    return frozenset(tokenize(text, vocabulary))
