"""cards.json in an index version: each document's card by content hash, with the rules'
version, so unchanged documents keep their cards and a change of rules derives them again."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ingest.overview.derive import CARDS_VERSION
from ingest.overview.model import Card

log = logging.getLogger(__name__)
CARDS_FILE = "cards.json"


def write_cards(version: Path, cards: dict[str, Card]) -> None:
    data = {
        "version": CARDS_VERSION,
        "cards": {digest: card.to_dict() for digest, card in sorted(cards.items())},
    }
    (version / CARDS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_cards(version: Path | str | None) -> dict[str, Card]:
    """The cards stored in an index version by content hash; {} when none or other rules."""
    if not isinstance(version, Path):
        return {}
    path = version / CARDS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("version") != CARDS_VERSION:
        return {}
    cards: dict[str, Card] = {}
    for digest, card in data.get("cards", {}).items():
        try:
            cards[digest] = Card.from_dict(card)
        except (KeyError, TypeError) as error:
            log.warning("stored card %s unreadable: %s", digest, error)
    return cards
