"""The responsibility register of one document: every (party, responsibility) pair it states.

Three sources: table rows with a responsible column (one record per numbered item, main and
shared responsibility kept apart), row labels that name parties in parentheses
("LÅNGSIKTIG KOMPETENSFÖRSÖRJNING (Eslöv, Höör, Lund, Lomma)"), and sentences of the kind
"X ansvarar för Y", "X axlar ansvaret för Y", "under ledning av X" (the phrases and their
word forms are in data/responsibility.toml).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from ingest.overview import phrases
from ingest.overview.lexicon import cues, municipalities
from ingest.overview.locate import Sentence, locate, sentence_evidence, sentences
from ingest.overview.model import Record
from ingest.overview.names import canonical, display, find_names
from ingest.overview.table_register import responsible_index, table_records
from ingest.schema import Document
from ingest.sentences import split_sentences

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
    """'de sex kommunerna, både gemensamt och individuellt,' -> 'de sex kommunerna'; 'Var
    och en, gemensamt och i samverkan med andra aktörer' -> 'Var och en'."""
    found = re.search(r",([^,]{1,60}),?$", subject)
    words = found.group(1).split() if found else []
    if words and (
        all(w.casefold() in _words_of("aside") for w in words)
        or words[0].casefold() in _words_of("aside_openers")
    ):
        return subject[: found.start()]
    return subject


def _subject(before: str) -> str | None:
    """The responsible party just before a phrase, when the words there can be one. An aside
    in brackets is left out; a colon (outside one) ends what came before: 'Kontaktperson,
    tfn: Utsedda personer svarar för …', unless nothing follows it: 'Region Kalmar län:
    ansvarar för …'."""
    before = re.sub(r"\([^()]*\)", " ", before)
    label, colon, after = before.rpartition(": ")
    if colon:
        before = after if after.strip() else label
    subject = _strip_between(before.strip(" ,–-"))
    subject = _strip_between(_strip_aside(subject).strip(" ,–-"))
    return _whole_subject(subject) or _clause_subject(subject)


def _whole_subject(subject: str) -> str | None:
    words = subject.split()
    settings = cues()["responsibility"]
    if not words or any(c.isdigit() for c in subject):
        return None
    if subject.casefold() in _words_of("collective"):
        return subject
    if subject.casefold() in _words_of("pronouns") or subject.casefold().startswith("var och en"):
        return None
    if words[-1].casefold() in _words_of("end_stop"):
        return None
    if len(words) > 1 and words[-1].islower() and words[-1].endswith("s"):
        return None  # a passive verb, not a noun: "Nybro kommun föreslås ansvara för …"
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


# A name that is an organisation, not only a place: "Nyköpings kommun", "Region Skåne".
_ORGANISATION = re.compile(r"\b(?:kommun|stad|region|landsting)", re.IGNORECASE)


def _object(after: str) -> str | None:
    """The party right after 'under ledning av', 'leds av': 'den nyinrättade Servicenämnden
    i Mora kommun' -> 'Servicenämnden i Mora kommun'; 'en politisk ledningsgrupp som …' ->
    'ledningsgrupp'; an official of an organisation, 'ekonomichefen i Nyköpings kommun', ->
    the organisation, 'Nyköpings kommun', on whose behalf the official acts (not a place:
    'en konsult i Malmö' stays as it stands)."""
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
            acts_for = head[:1].islower() and _ORGANISATION.search(names[0].written)
            return names[0].written if acts_for else rest[: owner.end() + names[0].end]
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


def _clause_subjects(text: str) -> list[tuple[str, int]]:
    """The responsible parties of each clause joined by 'men' or a semicolon: 'Styrelsen är
    arkivmyndighet men nämnderna ansvarar för arkivvården' names both."""
    out: list[tuple[str, int]] = []
    offset = 0
    for clause in re.split(r"(?<=;)\s+|,?\s+men\s+", text):
        start = text.find(clause, offset)
        offset = start + len(clause)
        for subject, at in _subjects(clause):
            if canonical(subject) not in {canonical(s) for s, _ in out}:
                out.append((subject, start + at))
    return out


def _cell_sentences(document: Document) -> list[Sentence]:
    """Sentences in the cells of table rows that have no responsible column."""
    out: list[Sentence] = []
    for block in document.blocks:
        if block.table is None or responsible_index(block.table) is not None:
            continue
        for _, value in block.table.cells:
            for text in split_sentences(value, years_end=True):
                start, end = locate(document.text, block.start, block.end, text)
                out.append(Sentence(text, start, end, block))
    return out


def sentence_records(document: Document) -> list[Record]:
    records: list[Record] = []
    for sentence in [*sentences(document, years_end=True), *_cell_sentences(document)]:
        for subject, _ in _clause_subjects(sentence.text):
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


def with_parties(records: list[Record], parties: tuple[str, ...]) -> list[Record]:
    """A collective subject's records apply to the agreement's parties ("Var och en … tar
    ansvar för …"); one that only points at parties ("Var och en") is dropped when the card
    names none."""
    out: list[Record] = []
    towns = tuple(p for p in parties if p in municipalities())
    for record in records:
        subject = record.party.casefold()
        if subject in _words_of("collective") and parties:
            out.append(replace(record, applies_to=parties))
        elif subject in _words_of("collective_municipal") and towns:
            out.append(replace(record, applies_to=towns))
        elif subject not in _words_of("pointing"):
            out.append(record)
    return out


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
