"""A document's title: the line that names the kind of document (plan, avtal,
överenskommelse …), for texts, HTML and DOCX alike."""

from __future__ import annotations

import re

from ingest.schema import Block

_DOCUMENT_KINDS = re.compile(
    r"\b(avsiktsförklaring|överenskommelse|samverkansavtal|samarbetsavtal|avtal|"
    r"verksamhetsplan|handlingsplan|plan|strategi|program|policy|riktlinje|"
    r"överenskommelsen|protokoll)\b",
    re.IGNORECASE,
)
_NOT_A_TITLE = re.compile(r"^(dnr|diarienummer|datum|sid|sida)\b|^[\d\s\-–/.:]+$", re.IGNORECASE)


def choose_title(found: str | None, blocks: list[Block]) -> str | None:
    """The document's title: its first line when it names the kind of document (plan, avtal,
    överenskommelse ...); else the first such line soon after, prefixed by a short first
    line (an organisation's name) or replacing a date or reference number."""
    if found and _DOCUMENT_KINDS.search(found):
        return found
    for block in blocks[1:15]:
        text = block.text
        if len(text.split()) <= 15 and _DOCUMENT_KINDS.search(text) and not text.endswith("."):
            if found and not _NOT_A_TITLE.search(found) and len(found.split()) <= 3:
                return f"{found}: {text}"  # "MalmöLundregionen: Verksamhetsplan 2016-2018"
            return text
    return found
