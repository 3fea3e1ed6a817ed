"""Responsibility records from tables: rows with a responsible column (one record per
numbered item, main and shared responsibility kept apart) and row labels that name parties
in parentheses ("LÅNGSIKTIG KOMPETENSFÖRSÖRJNING (Eslöv, Höör, Lund, Lomma)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from ingest.overview.lexicon import cues, word_pattern
from ingest.overview.locate import evidence
from ingest.overview.model import Evidence, Record, Role
from ingest.overview.names import canonical, display, find_names
from ingest.schema import Block, Document, TableRow

# An item number: "1.6 Byggstart", "3.1. Resultat"; not "strategi 2.0 klar" (a version).
ITEM = re.compile(r"(?<![\w.])(\d{1,2}(?:\.\d{1,2})+)\.?(?=\s+(?:[A-ZÅÄÖ]|\d(?!\d{3}\b)))")


def item_numbers(value: str) -> list[re.Match[str]]:
    """Item numbers of a cell ("1.6 Byggstart", "3.1. Resultat", "2.8 11 utbildningar"), not
    a version ("strategi 2.0 klar", "strategi 2.0 2016-2019")."""
    return list(ITEM.finditer(value))


_LABEL_PARTIES = re.compile(r"^(?P<label>[^()]{3,}?)\s*\((?P<names>[^()]+)\)\s*$")
_PIECES = re.compile(r",|;|/|\n| och | samt ")


@cache
def _roles() -> re.Pattern[str]:
    words = list(cues()["responsibility"]["main"]) + list(cues()["responsibility"]["shared"])
    return re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")\s*:?", re.IGNORECASE
    )


def _role_of(label: str) -> Role:
    shared = [w.casefold() for w in cues()["responsibility"]["shared"]]
    return "medansvar" if label.casefold() in shared else "huvudansvar"


def role_segments(value: str) -> list[tuple[Role, str]]:
    """'Huvudansvar: Ängelholm Medansvar: Örkelljunga Åstorp' -> [(main, ..), (shared, ..)]."""
    marks = list(_roles().finditer(value))
    if not marks:
        return [("ansvarig", value)] if value.strip() else []
    segments: list[tuple[Role, str]] = []
    if value[: marks[0].start()].strip():
        segments.append(("ansvarig", value[: marks[0].start()]))
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        text = value[mark.end() : after.start() if after else len(value)]
        if text.strip():
            segments.append((_role_of(mark.group(1)), text))
    return segments


def party_names(text: str) -> list[str]:
    """The parties a cell or a list names, as written, in order, each once."""
    out: list[str] = []
    for piece in _PIECES.split(text):
        piece = piece.strip(" .:-–")
        if not piece:
            continue
        names = find_names(piece)
        if names:
            out.extend(n.written for n in names)
        elif piece[0].isupper() and len(piece.split()) <= 5 and not any(c.isdigit() for c in piece):
            out.append(piece)
    seen: set[str] = set()
    return [n for n in out if not (canonical(n) in seen or seen.add(canonical(n)))]


_ITEM_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")


def responsible_columns(row: TableRow) -> list[tuple[int, Role | None]]:
    """The columns that name responsible parties, with the role their header gives
    ("Huvudansvar", "Medansvar"), or None when the cell itself says it ("Ansvarig")."""
    table = cues()["responsibility"]
    main = {h.casefold() for h in table["main"]}
    shared = {h.casefold() for h in table["shared"]}
    plain = {h.casefold() for h in table["headers"]}
    plain_heads = {h.casefold() for h in table["header_heads"]}
    columns: list[tuple[int, Role | None]] = []
    for index, (header, _) in enumerate(row.cells):
        key = header.strip().casefold()
        if key in main:
            columns.append((index, "huvudansvar"))
        elif key in shared:
            columns.append((index, "medansvar"))
        elif key in plain or (key.split() or [""])[0] in plain_heads:
            columns.append((index, None))  # "Ansvarig", "Ansvarig part", "Ansvariga aktörer"
    return columns


def responsible_index(row: TableRow) -> int | None:
    columns = responsible_columns(row)
    return columns[0][0] if columns else None


def _item_column(row: TableRow) -> int | None:
    """The column that holds the row's number ("Nr": "3.1" or "2"), when it does."""
    headers = {h.casefold() for h in cues()["responsibility"]["item_headers"]}
    for index, (header, value) in enumerate(row.cells):
        if header.strip().casefold() in headers and _ITEM_CELL.match(value.strip()):
            return index
    return None


def _items(row: TableRow, skip: set[int]) -> tuple[list[str], str, str]:
    """Item numbers, the item text and what to mark in the document: the numbered item
    ("1.6 Byggstart …", or the number column and the cells up to the responsible one), or
    the whole cell (several items, or none: the goal)."""
    numbered = _item_column(row)
    if numbered is not None:
        rest = [v for i, (_, v) in enumerate(row.cells) if i not in skip | {numbered} and v]
        # the row's content before its responsible column: the goal and the measure
        # ("Välfärdsteknik … – Gemensam upphandling av nyckelfria lås …"), not the deadline
        content = [
            v.strip()
            for i, (_, v) in enumerate(row.cells)
            if numbered < i < min(skip) and v.strip()
        ]
        text = " – ".join(content) if content else (rest[0].strip() if rest else "")
        marked = content[0] if content else text
        return [row.cells[numbered][1].strip().rstrip(".")], text, marked
    cells = [value for i, (_, value) in enumerate(row.cells) if i not in skip and value.strip()]
    for value in cells:
        found = item_numbers(value)
        if found:
            items = [m.group(1) for m in found]
            if len(found) == 1:
                return items, value[found[0].end() :].strip(), value[found[0].start() :].strip()
            return items, value.strip(), value
    first = min(skip)
    before = [value for i, (_, value) in enumerate(row.cells[:first]) if value.strip()]
    text = before[-1].strip() if before else (cells[0].strip() if cells else "")
    return [], text, text


def table_records(document: Document, block: Block, problems: dict[str, Any]) -> list[Record]:
    row = block.table
    if row is None:
        return []
    columns = responsible_columns(row)
    if not columns:
        return _duty_records(document, block, row) or _label_records(document, block, row)
    values = [(role, row.cells[index][1]) for index, role in columns]
    if not any(value.strip() for _, value in values):
        problems["empty_cells"] = problems.get("empty_cells", 0) + 1
        return []
    written = set(document.text[block.start : block.end].split())
    if not any(set(value.split()) & written for _, value in values):
        problems["inherited"] = problems.get("inherited", 0) + 1  # a merged cell above
    items, text, marked = _items(row, {index for index, _ in columns})
    segments = [
        (role or segment_role, part)
        for role, value in values
        for segment_role, part in role_segments(value)
    ]
    names = [(role, name) for role, part in segments for name in party_names(part)]
    source_items = len(item_numbers(document.text[block.start : block.end]))
    distinct = len({n for _, n in names})
    if distinct > 1 and source_items > 1 and distinct != source_items:
        # more (or fewer) names than items: which name goes with which item is not stated
        unpaired = problems.setdefault("unpaired_rows", set())
        unpaired.add((row.table, row.row))
        problems["unpaired"] = len(unpaired)
    item = ", ".join(items)
    proof = evidence(document, block, marked)
    return [
        Record(
            document.doc_id,
            display(name),
            canonical(name),
            role,
            item,
            text,
            proof.section,
            "table",
            proof,
        )
        for role, name in names
    ]


def _column(row: TableRow, key: str) -> int | None:
    headers = {h.casefold() for h in cues()["responsibility"][key]}
    return next((i for i, (h, _) in enumerate(row.cells) if h.strip().casefold() in headers), None)


def _duty_records(document: Document, block: Block, row: TableRow) -> list[Record]:
    """'Part: Åre kommun | Ansvarsområde: Samordnar …': the party of the row's party cell is
    responsible for its duty cell, when the row itself writes both (not a cell carried down
    from the row above), the duty states one and the party cell excepts no one."""
    party, duty = _column(row, "party_headers"), _column(row, "duty_headers")
    if party is None or duty is None:
        return []
    settings = cues()["responsibility"]
    party_text, text = row.cells[party][1].strip(), row.cells[duty][1].strip()
    written = document.text[block.start : block.end]
    if not text or text not in written or party_text not in written:
        return []
    if word_pattern(list(settings["no_duty"])).search(text) or not re.search(r"\w", text):
        return []
    if word_pattern(list(settings["party_exceptions"])).search(party_text):
        return []
    names = [n.written for n in find_names(party_text)]
    proof = evidence(document, block, text)
    return _unnumbered(document, dict.fromkeys(names), text, "table", proof)


def _label_records(document: Document, block: Block, row: TableRow) -> list[Record]:
    """Parties named in parentheses after a row label."""
    label = next((value for _, value in row.cells if value.strip()), "")
    match = _LABEL_PARTIES.match(label.strip())
    if not match:
        return []
    listed = [p.strip() for p in _PIECES.split(match.group("names")) if p.strip()]
    names = [n.written for p in listed for n in find_names(p)]
    if not names or len(names) < len(listed):  # something in the parentheses is no party
        return []
    text = match.group("label").strip()
    proof = evidence(document, block, label.strip())
    return _unnumbered(document, names, text, "row_label", proof)


def _unnumbered(
    document: Document, names: Iterable[str], text: str, origin: str, proof: Evidence
) -> list[Record]:
    """One record a party, for a responsibility without an item number."""
    return [
        Record(
            document.doc_id,
            display(n),
            canonical(n),
            "ansvarig",
            "",
            text,
            proof.section,
            origin,
            proof,
        )
        for n in names
    ]
