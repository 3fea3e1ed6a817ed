"""python -m assistant overview: the agreements, one card each, and the register."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.overview import Overview, card_json, export_csv, load_overview, record_json
from ingest.overview.model import Card, Record
from ingest.store import IndexUnavailable

_ROLE = {"huvudansvar": "huvudansvar", "medansvar": "medansvar", "ansvarig": "ansvarig"}


def add_parser(commands: argparse._SubParsersAction) -> None:
    view = commands.add_parser("overview", help="agreement cards and the responsibility register")
    view.add_argument("--index", type=Path)
    view.add_argument("--json", action="store_true")
    view.add_argument("--party", help="everything this party is responsible for")
    view.add_argument("--doc", help="one agreement's card (document id)")
    view.add_argument("--csv", type=Path, help="write the register (as filtered) to this CSV")


def _line(card: Card) -> str:
    purpose = card.purpose.values[0] if card.purpose.values else card.purpose.text()
    return (
        f"{card.title}\n  {card.kind.text()} · {card.parties.text()} · {card.period.text()}\n"
        f"  {purpose}"
    )


def _record_line(record: Record) -> str:
    item = f"{record.item} " if record.item else ""
    shared = "; gäller alla parter" if record.applies_to else ""
    who = f"{record.party}, {_ROLE[record.role]}{shared}"
    return f"    {item}{record.text} [{who}] ({record.section})"


def _card_text(card: Card) -> str:
    lines = [card.title]
    rows = [
        ("Typ", card.kind.text(), card.kind.source),
        ("Parter", card.parties.text(), card.parties.source),
        ("Period", card.period.text(), card.period.source),
        ("Översyn", card.period.review or "anges inte", card.period.source),
        ("Syfte", card.purpose.text(" "), card.purpose.source),
        ("Styrning", card.governance.text(" "), card.governance.source),
        ("Ekonomi", card.money.text(" "), card.money.source),
        ("Områden", card.areas.text(), card.areas.source),
    ]
    for name, value, source in rows:
        mark = " (katalog)" if source == "catalog" else ""
        lines.append(f"  {name}{mark}: {value}")
    lines.extend(f"  Obs: {note}" for note in card.notes)
    if card.records:
        lines.append(f"  Ansvar ({len(card.records)}):")
        lines.extend(_record_line(r) for r in card.records)
    return "\n".join(lines)


def _records(overview: Overview, args: argparse.Namespace) -> list[Record]:
    if args.party:
        records = overview.responsibilities_of(args.party, shared=True)
    else:
        records = overview.records()
    return [r for r in records if args.doc in (None, r.doc_id)]


def run(args: argparse.Namespace) -> int:
    from assistant.config import Settings

    index = args.index or Settings().index_dir
    try:
        overview = load_overview(index)
    except IndexUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.doc and overview.card(args.doc) is None:
        print(f"error: no indexed document {args.doc!r}", file=sys.stderr)
        return 2
    records = _records(overview, args)
    if args.csv:
        count = export_csv(args.csv, overview, records)
        print(f"{count} rader skrivna till {args.csv}", file=sys.stderr)
    cards = [c for c in overview.cards if args.doc in (None, c.doc_id)]
    if args.json:
        if args.party:
            titles = {c.doc_id: c.title for c in overview.cards}
            out = {
                "party": args.party,
                "responsibilities": [
                    {**record_json(r), "title": titles[r.doc_id]} for r in records
                ],
            }
        else:
            out = {"agreements": [card_json(c) for c in cards]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if args.party:
        if not records:
            print(f"Inget ansvar för {args.party} i dokumenten.")
        for card, mine in overview.by_agreement(records):
            print(card.title)
            print("\n".join(_record_line(r) for r in mine))
        return 0
    if args.doc:
        print(_card_text(cards[0]))
        return 0
    print("\n\n".join(_line(c) for c in cards))
    return 0
