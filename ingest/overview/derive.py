"""One document -> its agreement card with the responsibility register."""

from __future__ import annotations

import logging
from typing import Any

from ingest.overview import fields
from ingest.overview.model import Card
from ingest.overview.period import period
from ingest.overview.register import register, with_parties
from ingest.schema import Document

log = logging.getLogger(__name__)
CARDS_VERSION = "18"  # bump when the rules change: stored cards are derived again


def _notes(problems: dict[str, Any]) -> tuple[str, ...]:
    notes = []
    if problems.get("empty_cells"):
        notes.append(f"{problems['empty_cells']} tabellrader har en tom ansvarscell.")
    if problems.get("inherited"):
        notes.append(
            f"{problems['inherited']} tabellrader har en tom ansvarscell under en sammanslagen "
            "cell; de räknas till den ansvariga ovanför."
        )
    if problems.get("unpaired"):
        notes.append(
            f"{problems['unpaired']} tabellrader har flera namn och flera punkter utan "
            "angiven koppling; namnen står för hela raden."
        )
    return tuple(notes)


def card_of(document: Document) -> Card:
    """The card of a document, derived from its text alone (no catalog), never raising."""
    try:
        records, problems = register(document)
        parties = fields.parties(document, records)
        records = with_parties(records, parties.values)
        return Card(
            doc_id=document.doc_id,
            title=document.title,
            content_hash=document.content_hash,
            kind=fields.kind(document),
            parties=parties,
            period=period(document),
            purpose=fields.purpose(document),
            governance=fields.governance(document),
            money=fields.money(document),
            areas=fields.areas(document),
            records=tuple(records),
            notes=_notes(problems),
        )
    except Exception as error:  # one document's card never stops a build
        log.warning("card of %s could not be derived: %s", document.doc_id, error)
        note = f"Kortet kunde inte tas fram ({type(error).__name__})."
        return Card(document.doc_id, document.title, document.content_hash, notes=(note,))
