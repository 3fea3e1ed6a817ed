"""The responsibility register of one document: every (party, responsibility) pair it states.

Three sources: table rows with a responsible column (one record per numbered item, main and
shared responsibility kept apart), row labels that name parties in parentheses
("LÅNGSIKTIG KOMPETENSFÖRSÖRJNING (Eslöv, Höör, Lund, Lomma)"), and sentences of the kind
"X ansvarar för Y", "X axlar ansvaret för Y", "under ledning av X" (the phrases and their
word forms are in data/responsibility.toml).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ingest.overview import phrases
from ingest.overview.lexicon import cues
from ingest.overview.locate import Sentence, evidence, locate, sentence_evidence, sentences
from ingest.overview.model import Record, Role
from ingest.overview.names import canonical, display, find_names
from ingest.schema import Block, Document, TableRow
from ingest.sentences import split_sentences

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


def _responsible_index(row: TableRow) -> int | None:
    headers = {h.casefold() for h in cues()["responsibility"]["headers"]}
    for index, (header, _) in enumerate(row.cells):
        if header.strip().casefold() in headers:
            return index
    return None


def _items(row: TableRow, skip: int) -> tuple[list[str], str, str]:
    """Item numbers, the item text and what to mark in the document: the numbered item
    ("1.6 Byggstart …"), or the whole cell (several items, or none: the goal)."""
    cells = [value for i, (_, value) in enumerate(row.cells) if i != skip and value.strip()]
    for value in cells:
        found = item_numbers(value)
        if found:
            items = [m.group(1) for m in found]
            if len(found) == 1:
                return items, value[found[0].end() :].strip(), value[found[0].start() :].strip()
            return items, value.strip(), value
    before = [value for i, (_, value) in enumerate(row.cells[:skip]) if value.strip()]
    text = before[-1].strip() if before else (cells[0].strip() if cells else "")
    return [], text, text


def table_records(document: Document, block: Block, problems: dict[str, Any]) -> list[Record]:
    row = block.table
    if row is None:
        return []
    index = _responsible_index(row)
    if index is None:
        return _label_records(document, block, row)
    value = row.cells[index][1]
    if not value.strip():
        problems["empty_cells"] = problems.get("empty_cells", 0) + 1
        return []
    if not set(value.split()) & set(document.text[block.start : block.end].split()):
        problems["inherited"] = problems.get("inherited", 0) + 1  # a merged cell above
    items, text, marked = _items(row, index)
    segments = role_segments(value)
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
    return [
        Record(
            document.doc_id,
            display(n),
            canonical(n),
            "ansvarig",
            "",
            text,
            proof.section,
            "row_label",
            proof,
        )
        for n in names
    ]


_UPPER = "A-ZÅÄÖÉ"
_NUMERALS = r"två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d{1,2}"


def _words_of(key: str) -> set[str]:
    return {w.casefold() for w in phrases.settings()["subjects"][key]}


@cache
def _definite() -> re.Pattern[str]:
    """A lower-case subject that names a party by a definite noun: 'kommunen', 'de sex
    kommunerna i Stockholm Nordost', 'samverkansnämnden'."""
    subjects = phrases.settings()["subjects"]
    determiners = "|".join(re.escape(d) for d in subjects["subject_determiners"])
    nouns = "|".join(re.escape(n) for n in subjects["definite_parties"])
    place = rf"[{_UPPER}][\w-]*(?:\s+[{_UPPER}][\w-]*)?(?:\s+(?:kommun|stad|län))?"
    return re.compile(
        rf"(?:(?:{determiners})\s+)*(?:(?:{_NUMERALS})\s+)?(?:[a-zåäöé-]+\s+)?"
        rf"[a-zåäöé-]*(?:{nouns})(?:\s+i\s+{place})?"
    )


def _strip_between(subject: str) -> str:
    """'Parterna har var för sig' -> 'Parterna'."""
    between = sorted(_words_of("between"), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for words in between:
            if subject.casefold().endswith(" " + words):
                subject = subject[: -len(words) - 1].rstrip(" ,")
                changed = True
    return subject


def _strip_aside(subject: str) -> str:
    """'de sex kommunerna, både gemensamt och individuellt,' -> 'de sex kommunerna'."""
    found = re.search(r",([^,]{1,60}),?$", subject)
    if found and all(w.casefold() in _words_of("aside") for w in found.group(1).split()):
        return subject[: found.start()]
    return subject


def _subject(before: str) -> str | None:
    """The responsible party just before a phrase, when the words there can be one."""
    subject = _strip_between(before.strip(" ,–-"))
    subject = _strip_between(_strip_aside(subject).strip(" ,–-"))
    return _whole_subject(subject) or _clause_subject(subject)


def _whole_subject(subject: str) -> str | None:
    words = subject.split()
    settings = cues()["responsibility"]
    if not words or any(c.isdigit() for c in subject):
        return None
    if subject.casefold() in _words_of("pronouns") or subject.casefold().startswith("var och en"):
        return None
    if words[-1].casefold() in _words_of("end_stop"):
        return None
    if _definite().fullmatch(subject):
        return subject
    if len(words) > settings["max_subject_words"] or not subject[0].isupper():
        return None
    if any(not piece.strip()[:1].isupper() for piece in subject.split(",")):
        return None  # "Sekretariatet kallar till möten, för …": no list of names
    if words[0].casefold() in {w.casefold() for w in settings["subject_stop"]}:
        return None
    if any(w.casefold() in ("som", "att", "ska", "kan", "är") for w in words):
        return None
    return subject


def _clause_subject(text: str) -> str | None:
    """The subject of the last clause of a longer text: '… visar hur de sex kommunerna';
    or of a cleft sentence: 'Det är styrelsen som …'."""
    cleft = re.search(r"(?<!\w)[Dd]et är (?P<party>.+?) som$", text)
    if cleft:  # "Det är styrelsen som ansvarar för …"
        return _whole_subject(cleft.group("party"))
    words = text.split()
    starts = _words_of("clause_starts")
    for at in range(len(words) - 1, -1, -1):
        if words[at].casefold() in starts:
            tail = " ".join(words[at + 1 :])
            return _whole_subject(tail) if tail else None
    return None


def _object(after: str) -> str | None:
    """The party right after 'under ledning av', 'leds av': 'den nyinrättade Servicenämnden
    i Mora kommun' -> 'Servicenämnden i Mora kommun'; 'en politisk ledningsgrupp som …' ->
    'ledningsgrupp'; 'ekonomichefen i Nyköpings kommun' as it stands."""
    words = re.findall(r"[\w/-]+|[^\w\s]", after)
    at = 0
    while at < len(words) and words[at].casefold() in ("en", "ett", "den", "det", "de"):
        at += 1
    endings = tuple(_words_of("adjective_endings"))
    if (
        at + 1 < len(words)
        and words[at][:1].islower()
        and words[at].casefold().endswith(endings)
        and re.match(r"\w", words[at + 1])
    ):
        at += 1
    if at >= len(words) or not re.match(r"\w", words[at]):
        return None
    rest = after[after.find(words[at]) :]
    names = find_names(rest)
    if names and names[0].start == 0:
        return names[0].written
    head = words[at]
    joins = "|".join(re.escape(j) for j in _words_of("of_organisation"))
    owner = re.match(rf"{re.escape(head)}\s+(?:{joins})\s+", rest)
    if owner:
        names = find_names(rest[owner.end() :])
        if names and names[0].start == 0:
            return rest[: owner.end() + names[0].end]
    return head


def _inverted(text: str) -> tuple[str, int] | None:
    """'Från den 1 december ansvarar kommunen för …', '… utser varje part …': the subject."""
    settings = cues()["responsibility"]
    verbs = "|".join(re.escape(v) for v in settings["inverted_verbs"])
    determiners = "|".join(re.escape(d) for d in settings["subject_determiners"])
    found = re.search(rf"(?<!\w)(?:{verbs})\s+((?:{determiners})\s+\w+|\w+(?:en|na))(?!\w)", text)
    if not found or (
        found.group(0).startswith(("ansvarar", "svarar"))
        and not re.match(r"\s+för\b", text[found.end() :])
    ):
        return None
    return found.group(1), found.start()


def _owner(text: str) -> tuple[str, int] | None:
    """'Skapandet av välfärd är respektive kommuns ansvar' -> 'respektive kommun'."""
    settings = phrases.settings()["phrases"]
    owned = "|".join(re.escape(w) for w in settings["owned"])
    be = "|".join(re.escape(w) for w in phrases.forms()["vara"])
    found = re.search(
        rf"(?<!\w)(?:{be})\s+(?P<owner>(?:(?:respektive|varje|var)\s+)?[\w-]+?s"
        rf"(?:\s+(?:kommuns|stads))?)\s+(?:eget\s+|egna\s+|gemensamma\s+)?(?:{owned})(?!\w)",
        text,
    )
    if not found:
        return None
    owner = found.group("owner")
    party = " ".join(w[:-1] if w.endswith("s") else w for w in owner.split())
    if party.split()[0].casefold() in ("respektive", "varje", "var") and len(party.split()) == 2:
        return party, found.start("owner")
    if party.casefold() in _words_of("pronouns") or not _whole_subject(party):
        return None
    return party, found.start("owner")


def _labelled(text: str) -> tuple[str, int] | None:
    """'Dokumentansvarig: Tillväxtavdelningen, kommunledningsförvaltningen' -> the party."""
    endings = "|".join(re.escape(e) for e in phrases.settings()["phrases"]["label_endings"])
    found = re.match(rf"\s*\w*(?:{endings})\s*:\s*(?P<party>[^:]{{2,80}}?)[\s.]*$", text, re.I)
    if not found or not found.group("party")[:1].isupper():
        return None
    return found.group("party"), found.start("party")


def _same_party(general: str, named: str) -> bool:
    """'nämnden' and 'Servicenämnden i Mora kommun' in one sentence: one party."""
    head = named.split()[0].casefold()
    return general[:1].islower() and head.endswith(general.split()[-1].casefold())


def _subjects(text: str) -> list[tuple[str, int]]:
    """The responsible parties a sentence states, each once, in the order of the text."""
    found: list[tuple[str, int]] = []
    for phrase in phrases.find(text, "subject"):
        subject = _subject(text[: phrase.start])
        if subject is not None:
            found.append((subject, phrase.start))
            break
    if not found:
        other = _inverted(text) or _owner(text) or _labelled(text)
        if other:
            found.append(other)
    for phrase in phrases.find(text, "object"):
        party = _object(text[phrase.end :])
        if party is not None:
            found.append((party, phrase.start))
    named = [s for s, _ in found if s[:1].isupper()]
    out: list[tuple[str, int]] = []
    for subject, at in found:
        if any(_same_party(subject, n) for n in named if n != subject):
            continue
        if canonical(subject) not in {canonical(s) for s, _ in out}:
            out.append((subject, at))
    return out


def _cell_sentences(document: Document) -> list[Sentence]:
    """Sentences in the cells of table rows that have no responsible column."""
    out: list[Sentence] = []
    for block in document.blocks:
        if block.table is None or _responsible_index(block.table) is not None:
            continue
        for _, value in block.table.cells:
            for text in split_sentences(value):
                start, end = locate(document.text, block.start, block.end, text)
                out.append(Sentence(text, start, end, block))
    return out


def sentence_records(document: Document) -> list[Record]:
    records: list[Record] = []
    for sentence in [*sentences(document), *_cell_sentences(document)]:
        for subject, _ in _subjects(sentence.text):
            text = sentence.text.strip()
            proof = sentence_evidence(sentence)
            records.append(
                Record(
                    document.doc_id,
                    display(subject),
                    canonical(subject),
                    "ansvarig",
                    "",
                    text,
                    proof.section,
                    "sentence",
                    proof,
                )
            )
    return records


def register(document: Document) -> tuple[list[Record], dict[str, Any]]:
    """Every record of a document, in document order, each (party, item, text) once."""
    problems: dict[str, Any] = {}
    records: list[Record] = []
    for block in document.blocks:
        if block.kind == "table_row":
            records.extend(table_records(document, block, problems))
    records.extend(sentence_records(document))
    seen: set[tuple[str, str, str, str]] = set()
    unique = []
    for record in sorted(records, key=lambda r: r.evidence.start):
        key = (record.key, record.role, record.item, record.text)
        if key not in seen:
            seen.add(key)
            unique.append(record)
    return unique, problems
