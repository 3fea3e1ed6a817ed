"""The Dokument tab's overview as HTML: a start list (every agreement in one line), one card
per agreement with every field's evidence, and a party's responsibilities by agreement.

Every quote is a button with data-doc/data-start/data-end: a click opens the document in the
reader with the passage marked (the same click protocol as the chat's sources). Everything
from documents is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ingest.overview.model import NOT_STATED, Card, Evidence, Field, Record

if TYPE_CHECKING:
    from assistant.overview import Overview

QUOTE_CHARS = 160
PURPOSE_CHARS = 200
ROLE_NAMES = {"huvudansvar": "huvudansvar", "medansvar": "medansvar", "ansvarig": "ansvarig"}
CATALOG_MARK = (
    '<span class="avtal-catalog" title="Uppgiften kommer från catalog.toml">katalog</span>'
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _open_button(doc_id: str, label: str) -> str:
    return (
        f'<button class="avtal-open-doc" data-doc="{_e(doc_id)}" data-start="0" '
        f'data-end="0">{_e(label)}</button>'
    )


def cite_button(doc_id: str, evidence: Evidence) -> str:
    """A quote that opens the document at the passage."""
    where = f" ({evidence.section})" if evidence.section else ""
    title = f"Visa i dokumentet{where}"
    return (
        f'<button class="avtal-cite" data-doc="{_e(doc_id)}" data-start="{evidence.start}" '
        f'data-end="{evidence.end}" title="{_e(title)}">'
        f"”{_e(_short(evidence.quote, QUOTE_CHARS))}”</button>"
    )


def _value(text: str, stated: bool, source: str) -> str:
    shown = _e(text) if stated else f'<span class="avtal-none">{NOT_STATED}</span>'
    return shown + (CATALOG_MARK if source == "catalog" else "")


def _field_row(name: str, value: Field, doc_id: str, separator: str = ", ") -> str:
    cites = "".join(cite_button(doc_id, e) for e in value.evidence)
    shown = _value(value.text(separator), value.stated, value.source)
    return f"<dt>{name}</dt><dd>{shown}{cites}</dd>"


def card_html(card: Card) -> str:
    period = card.period
    period_cites = "".join(cite_button(card.doc_id, e) for e in period.evidence)
    review = period.review or NOT_STATED
    rows = [
        _field_row("Typ", card.kind, card.doc_id),
        _field_row("Parter", card.parties, card.doc_id),
        f"<dt>Period</dt><dd>{_value(period.text(), period.stated, period.source)}"
        f"{period_cites}</dd>",
        f"<dt>Översyn</dt><dd>{_value(review, bool(period.review), 'document')}</dd>",
        _field_row("Syfte", card.purpose, card.doc_id, " "),
        _field_row("Styrning", card.governance, card.doc_id, " "),
        _field_row("Ekonomi", card.money, card.doc_id, " "),
        _field_row("Områden", card.areas, card.doc_id),
        f"<dt>Ansvar</dt><dd>{len(card.records)} uppgifter i ansvarsregistret</dd>",
    ]
    title_mark = CATALOG_MARK if card.title_source == "catalog" else ""
    notes = "".join(f"<li>{_e(n)}</li>" for n in card.notes)
    notes_html = f'<ul class="avtal-notes">{notes}</ul>' if notes else ""
    return (
        f'<article class="avtal-card" data-card="{_e(card.doc_id)}">'
        f"<h4>{_open_button(card.doc_id, card.title)}{title_mark}</h4>"
        f"<dl>{''.join(rows)}</dl>{notes_html}</article>"
    )


def cards_html(cards: Iterable[Card]) -> str:
    body = "".join(card_html(c) for c in cards)
    return f'<div class="avtal-cards">{body or "<p>Inga dokument är indexerade.</p>"}</div>'


def start_line(card: Card) -> str:
    purpose = card.purpose.values[0] if card.purpose.values else NOT_STATED
    meta = " · ".join([card.kind.text(), card.parties.text(), card.period.text()])
    return (
        f'<li data-card="{_e(card.doc_id)}">{_open_button(card.doc_id, card.title)}'
        f'<div class="avtal-line-meta">{_e(meta)}</div>'
        f"<div>{_e(_short(purpose, PURPOSE_CHARS))}</div></li>"
    )


def start_html(cards: Iterable[Card]) -> str:
    """Every agreement in one line: kind, parties, period, purpose."""
    lines = "".join(start_line(c) for c in cards)
    return f'<ul class="avtal-start">{lines}</ul>'


def _record_item(record: Record) -> str:
    number = f"<strong>{_e(record.item)}</strong> " if record.item else ""
    role = ROLE_NAMES[record.role]
    section = f" · {_e(record.section)}" if record.section else ""
    shared = "; gäller alla parter" if record.applies_to else ""
    return (
        f"<li>{number}{_e(record.text)} "
        f'<span class="avtal-role">({_e(record.party)}, {role}{shared}{section})</span>'
        f"{cite_button(record.doc_id, record.evidence)}</li>"
    )


def duties_html(party: str, groups: list[tuple[Card, list[Record]]]) -> str:
    """A party's responsibilities grouped by agreement, each with its citation."""
    if not party:
        return '<div class="avtal-duties avtal-none">Välj en kommun eller organisation.</div>'
    if not groups:
        return (
            f'<div class="avtal-duties avtal-none">Dokumenten anger inget ansvar för '
            f"{_e(party)}.</div>"
        )
    parts = []
    for card, records in groups:
        items = "".join(_record_item(r) for r in records)
        parts.append(f"<h4>{_e(card.title)}</h4><ul>{items}</ul>")
    count = sum(len(r) for _, r in groups)
    head = f"<p>{_e(party)}: {count} uppgifter i {len(groups)} avtal.</p>"
    return f'<div class="avtal-duties">{head}{"".join(parts)}</div>'


def party_choices(overview: Overview) -> list[tuple[str, str]]:
    """(label, name) for the Ansvar view's picker: every party of the register."""
    return [(f"{name} ({count})", name) for _, name, count in overview.parties()]


def duties_view(overview: Overview, party: str | None) -> str:
    """A party's responsibilities grouped by agreement, as HTML."""
    if not party:
        return duties_html("", [])
    return duties_html(
        party, overview.by_agreement(overview.responsibilities_of(party, shared=True))
    )
