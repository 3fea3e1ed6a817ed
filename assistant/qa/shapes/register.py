"""Reverse questions answered from the responsibility register.

"Vad ansvarar Svalöv för?" / "What is Perstorp responsible for?" asks for every item a
party is responsible for. The register (derived at ingest time from the tables and
sentences of the documents) holds them all, so the answer lists them, only for the party
asked about, each item cited; a long list shows its count and its first items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.qa.evidence import LIGHT_WEIGHT
from assistant.qa.question import Question
from assistant.types import Answer, Citation, Hit
from ingest.overview.model import Record
from ingest.schema import Chunk

REVERSE = (
    re.compile(
        r"^(?:vad|vilka(?: \w+)?|vilket(?: \w+)?|vilken(?: \w+)?) (?:har|är) (?P<party>.+?) "
        r"(?:ansvarig(?:a)? för|ansvar för|huvudansvar för|medansvar för|ansvaret för)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:vad|(?:vilka|vilket|vilken)(?: [\w()]+){0,3}) ansvarar (?P<party>.+?) för\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:what|which(?: [\w()]+){0,3}) (?:is|are) (?P<party>.+?) "
        r"(?:responsible|in charge) for\b",
        re.IGNORECASE,
    ),
    re.compile(  # "Vilka åtgärder leds av Laxå i …": what the party leads
        r"^(?:vad|vilka|vilket|vilken|what|which)(?: \w+){0,3} (?:leds|ledes|is led|are led) "
        r"(?:av|by) (?P<party>.+?)(?= i | inom | enligt | in | under |$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:what|which(?: \w+)?) does (?P<party>.+?) (?:have|take) (?:the )?"
        r"(?:main )?responsibility for\b",
        re.IGNORECASE,
    ),
)
LEAD = {
    "sv": "{party} ansvarar för {count} {noun}",
    "en": "{party} is responsible for {count} {noun}",
}
NOUN = {"sv": ("punkt", "punkter"), "en": ("item", "items")}
MORE = {
    "sv": "… och {rest} till (se fliken Ansvar).",
    "en": "… and {rest} more (see the Ansvar tab).",
}
MAX_ANSWER = 600
# "Vad har Kumla huvudansvar för?" asks for one role only; each line says its role
ASKS_ROLE = {
    "huvudansvar": re.compile(
        r"huvudansvar|main responsib|lead responsib|\bleds av\b|\b(?:is|are) led by\b",
        re.IGNORECASE,
    ),
    "medansvar": re.compile(r"medansvar|shared responsib|joint responsib", re.IGNORECASE),
}
ROLE_LABEL = {
    "sv": {"huvudansvar": "huvudansvar", "medansvar": "medansvar"},
    "en": {"huvudansvar": "main responsibility", "medansvar": "shared responsibility"},
}


# words after the party that are not its name: "Vad ansvarar Hofors ensamt för?", "Vad
# ansvarar Tingsryds kommun särskilt för?"; the first group asks for what it does alone
ALONE = re.compile(r"\s+(?:ensam|ensamt|ensamma|alone|solely|on (?:its|their) own)$", re.I)
ADVERB = re.compile(r"\s+(?:själv|självt|själva|särskilt|också|även|especially)$", re.I)


def _written_party(question: Question) -> str | None:
    """The words where a reverse question names its party, as written ("Hofors ensamt")."""
    text = " ".join(question.text.strip().rstrip("?").split())
    for pattern in REVERSE:
        match = pattern.search(text)
        if match:
            return match.group("party").strip()
    return None


def asked_party(question: Question) -> str | None:
    """The party of a reverse question, or None for other questions."""
    written = _written_party(question)
    if written is None:
        return None
    return ADVERB.sub("", ALONE.sub("", written)) or written


def asks_alone(question: Question) -> bool:
    """'Vad ansvarar Hofors ensamt för?': only what no other party shares."""
    written = _written_party(question)
    return written is not None and bool(ALONE.search(written))


def sole(records: Sequence[Record], everyone: Sequence[Record]) -> list[Record]:
    """The records whose item no other party has in the same role."""

    def place(r: Record) -> tuple[str, str, str, str]:
        return (r.doc_id, r.item, r.text, r.role)

    if not records:
        return []
    party = records[0].key
    others = {place(r) for r in everyone if r.key != party}
    return [r for r in records if place(r) not in others]


def of_role(question: Question, records: Sequence[Record]) -> list[Record]:
    """The records of the role the question asks for: shared responsibility only when it
    asks for that; without the shared ones when it asks for the main (or who leads): a
    plain "Ansvarig" is the main responsibility of a table without the two columns."""
    if ASKS_ROLE["medansvar"].search(question.text):
        return [r for r in records if r.role == "medansvar"]
    if ASKS_ROLE["huvudansvar"].search(question.text):
        return [r for r in records if r.role != "medansvar"]
    return list(records)


def narrowed(
    question: Question,
    party: str,
    records: Sequence[Record],
    words_of: Callable[[Record], frozenset[str]],
) -> list[Record]:
    """The records that hold most of what else the question names ("miljö"); words that
    every record or none holds (the agreement's name, "mätetal") do not choose."""
    asked = {w.casefold() for w in party.split()}
    terms = [
        t for t in question.terms if t.weight > LIGHT_WEIGHT and t.surface.casefold() not in asked
    ]
    words = [words_of(r) for r in records]
    found = [[t.found_in(w) for t in terms] for w in words]
    choosing = [i for i in range(len(terms)) if 0 < sum(f[i] for f in found) < len(records)]
    if not choosing:
        return list(records)
    hits = [sum(f[i] for i in choosing) for f in found]
    return [r for r, h in zip(records, hits, strict=True) if h == max(hits)]


def register_answer(
    question: Question,
    records: Sequence[Record],
    document_chunks: Callable[[str], list[Chunk]],
    hits: Sequence[Hit],
) -> Answer | None:
    """The party's responsibilities, each cited; None when the register has none."""
    cited: list[tuple[Record, Chunk]] = []
    for record in records:
        chunk = _chunk_holding(document_chunks(record.doc_id), record)
        if chunk is not None:
            cited.append((record, chunk))
    if not cited:
        return None
    lang = question.language
    singular, plural = NOUN[lang]
    count = len(cited)
    head = LEAD[lang].format(
        party=cited[0][0].party, count=count, noun=singular if count == 1 else plural
    )
    lines: list[str] = []
    citations: list[Citation] = []
    for n, (record, chunk) in enumerate(cited, 1):
        role = ROLE_LABEL[lang].get(record.role)
        line = f"{record.item} {record.text}".strip() + (f" ({role})" if role else "") + f" [{n}]"
        more = MORE[lang].format(rest=count - n + 1)
        if len(_text(head, [*lines, line, more])) > MAX_ANSWER:
            lines.append(more)
            break
        lines.append(line)
        citations.append(Citation(n, chunk, record.evidence.quote))
    return Answer(_text(head, lines), True, lang, tuple(citations), tuple(hits))


def _text(head: str, lines: list[str]) -> str:
    return head + ":\n" + "\n".join(f"- {line}" for line in lines)


def _chunk_holding(chunks: list[Chunk], record: Record) -> Chunk | None:
    """The passage at the record's place whose text holds its quote (the records of one
    table row share the row's place, one passage per item)."""
    evidence = record.evidence
    return next(
        (c for c in chunks if c.start <= evidence.start < c.end and evidence.quote in c.text),
        None,
    )
