"""The agreements at a glance: cards and the responsibility register of an index version.

Cards are derived at ingest time (ingest/overview) and stored in the version's cards.json;
here they are read, catalog.toml's fields laid over them (marked as coming from the
catalog), and offered by agreement and by party. The chat can answer reverse questions
("Vilka mätetal ansvarar Höganäs för?") with responsibilities_of.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from assistant.csv_safe import write_csv
from ingest.overview.model import NOT_STATED, Card, Field, Period, Record
from ingest.overview.names import canonical, find_names
from ingest.overview.storage import read_cards
from ingest.store import Manifest, read_manifest, version_path

__all__ = ["Overview", "Record", "load_overview", "responsibilities_of"]

CSV_COLUMNS = [
    "part",
    "roll",
    "punkt",
    "ansvar",
    "dokument",
    "titel",
    "avsnitt",
    "citat",
    "start",
    "slut",
    "gäller_för",  # the parties a collective subject ("varje part") stands for
]
_RANGE = re.compile(r"((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")
_FROM = re.compile(r"från\s+((?:19|20)\d{2}(?:-\d{2}-\d{2})?)", re.IGNORECASE)


def catalog_period(text: str) -> Period:
    """A catalog period ('2016-2019', 'från 2020') as a Period from the catalog."""
    found = _RANGE.search(text)
    if found:
        return Period(found.group(1), found.group(2), source="catalog")
    found = _FROM.search(text)
    if found:
        return Period(found.group(1), source="catalog")
    return Period(text.strip(), text.strip(), source="catalog") if text.strip() else Period()


def _catalog_entry(info_catalog: str) -> dict[str, Any]:
    try:
        data = json.loads(info_catalog) if info_catalog else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def with_catalog(card: Card, entry: dict[str, Any]) -> Card:
    """The card with catalog.toml's title, organisations and period, marked as such."""
    if entry.get("title"):
        card = replace(card, title=str(entry["title"]), title_source="catalog")
    if entry.get("organisations"):
        card = replace(card, parties=Field(tuple(entry["organisations"]), source="catalog"))
    if entry.get("period"):
        card = replace(card, period=catalog_period(str(entry["period"])))
    return card


def party_key(name: str) -> str:
    """How a party typed by a user is matched: 'Svalövs kommun', 'svalöv' -> 'svalöv'."""
    text = " ".join(name.split())
    names = find_names(text[:1].upper() + text[1:])
    if len(names) == 1 and names[0].written.casefold() == text.casefold():
        return names[0].canonical
    return canonical(text)


@dataclass(frozen=True)
class Overview:
    """Every indexed document's card, in title order."""

    cards: tuple[Card, ...]

    def card(self, doc_id: str) -> Card | None:
        return next((c for c in self.cards if c.doc_id == doc_id), None)

    def records(self, doc_id: str | None = None) -> list[Record]:
        return [r for c in self.cards if doc_id in (None, c.doc_id) for r in c.records]

    def parties(self) -> list[tuple[str, str, int]]:
        """(key, name, number of records) for every party of the register, by name; a
        record that applies to every party counts for each of them."""
        counts: dict[str, tuple[str, int]] = {}
        for record in self.records():
            # a collective subject ("Var och en") counts for each party it stands for
            named = record.applies_to or (record.party,)
            for party in named:
                key = party_key(party) if record.applies_to else record.key
                name, count = counts.get(key, (party, 0))
                counts[key] = (name, count + 1)
        return sorted(((k, n, c) for k, (n, c) in counts.items()), key=lambda p: p[1].casefold())

    def responsibilities_of(self, party: str, shared: bool = False) -> list[Record]:
        """Everything a party is responsible for, in every agreement (document order); with
        shared, also what the parties of its agreements are all responsible for ("Var och
        en … tar ansvar för …")."""
        key = party_key(party)
        return [
            r
            for r in self.records()
            if r.key == key or (shared and any(party_key(p) == key for p in r.applies_to))
        ]

    def by_agreement(self, records: Iterable[Record]) -> list[tuple[Card, list[Record]]]:
        grouped: list[tuple[Card, list[Record]]] = []
        for card in self.cards:
            mine = [r for r in records if r.doc_id == card.doc_id]
            if mine:
                grouped.append((card, mine))
        return grouped


def build_overview(manifest: Manifest, cards: dict[str, Card]) -> Overview:
    out: list[Card] = []
    documents = manifest.documents
    for doc_id in sorted(documents, key=lambda d: (documents[d].title.casefold(), d)):
        info = documents[doc_id]
        stored = cards.get(info.content_hash)
        if stored is None:
            note = "Inget kort för dokumentet; bygg om indexet (python -m ingest --full)."
            stored = Card(doc_id, info.title, info.content_hash, notes=(note,))
        card = stored.with_doc(doc_id, info.title)
        out.append(
            with_catalog(replace(card, title_source="document"), _catalog_entry(info.catalog))
        )
    return Overview(tuple(out))


def load_overview(index_dir: Path) -> Overview:
    """The overview of the index version in use at index_dir (raises IndexUnavailable)."""
    version = version_path(index_dir)
    return build_overview(read_manifest(index_dir), read_cards(version))


_cache: dict[str, Overview] = {}
_cache_lock = threading.Lock()


def overview_of(manifest: Manifest, version: Path | str) -> Overview:
    """The overview of a loaded index version, read once per version."""
    key = str(version)
    with _cache_lock:
        if key not in _cache:
            _cache.clear()
            _cache[key] = build_overview(
                manifest, read_cards(version if isinstance(version, Path) else None)
            )
        return _cache[key]


def responsibilities_of(party: str, index_dir: Path | None = None) -> list[Record]:
    """Everything a party is responsible for in the index at index_dir (default: settings)."""
    if index_dir is None:
        from assistant.config import Settings

        index_dir = Settings().index_dir
    return load_overview(index_dir).responsibilities_of(party)


# -- JSON and CSV ------------------------------------------------------------------------------
def _field_json(value: Field) -> dict[str, Any]:
    return {
        "values": list(value.values),
        "text": value.text(),
        "source": value.source,
        "evidence": [_evidence_json(e) for e in value.evidence],
    }


def _evidence_json(evidence: Any) -> dict[str, Any]:
    return {
        "quote": evidence.quote,
        "section": evidence.section,
        "page": evidence.page,
        "start": evidence.start,
        "end": evidence.end,
    }


def record_json(record: Record) -> dict[str, Any]:
    return {
        "party": record.party,
        "role": record.role,
        "item": record.item,
        "text": record.text,
        "doc_id": record.doc_id,
        "section": record.section,
        "origin": record.origin,
        "applies_to": list(record.applies_to),
        "citation": _evidence_json(record.evidence),
    }


def card_json(card: Card) -> dict[str, Any]:
    period = card.period
    return {
        "doc_id": card.doc_id,
        "title": card.title,
        "title_source": card.title_source,
        "kind": _field_json(card.kind),
        "parties": _field_json(card.parties),
        "period": {
            "text": period.text(),
            "start": period.start,
            "end": period.end,
            "open_ended": period.open_ended,
            "review": period.review or NOT_STATED,
            "source": period.source,
            "evidence": [_evidence_json(e) for e in period.evidence],
        },
        "purpose": _field_json(card.purpose),
        "governance": _field_json(card.governance),
        "money": _field_json(card.money),
        "areas": _field_json(card.areas),
        "notes": list(card.notes),
        "responsibilities": [record_json(r) for r in card.records],
    }


def export_csv(out: Path, overview: Overview, records: Iterable[Record]) -> int:
    """The register as CSV for a spreadsheet (formula-like cells neutralised)."""
    titles = {c.doc_id: c.title for c in overview.cards}
    rows = (
        {
            "part": r.party,
            "roll": r.role,
            "punkt": r.item,
            "ansvar": r.text,
            "dokument": r.doc_id,
            "titel": titles.get(r.doc_id, ""),
            "avsnitt": r.section,
            "citat": r.evidence.quote,
            "start": r.evidence.start,
            "slut": r.evidence.end,
            "gäller_för": "; ".join(r.applies_to),
        }
        for r in records
    )
    return write_csv(out, CSV_COLUMNS, rows)
