"""The fields of an agreement card, each derived by a general rule with its evidence.

A field the document does not state stays empty (the card says "anges inte"); no rule
guesses. The word lists are in data/cues.toml.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from ingest.overview import phrases
from ingest.overview.lexicon import cues, pattern, word_pattern
from ingest.overview.locate import (
    Sentence,
    evidence,
    section_of,
    sentence_evidence,
    sentences,
)
from ingest.overview.model import Evidence, Field, Record
from ingest.overview.names import canonical, display, find_names, is_party_name
from ingest.overview.party_layouts import (
    designated,
    party_tables,
    signed_for,
    without_organisation_numbers,
)
from ingest.schema import Document

_GAP = re.compile(r"^[\s,;•·()]*(?:och|samt|&)?[\s,;•·()]*$")
_BULLETED = re.compile(r"^\s*•(?:[^•\n]{1,60}[•,])*\s*$")  # "A • unknown body • B"
OPENING = 1500  # characters of the text where a title-like line may state kind and period


# -- kind ------------------------------------------------------------------------------------
def kind_in(text: str) -> str | None:
    for kind in cues()["kinds"]:
        if re.search(rf"{kind}(?:en|et|er|erna|ens|s)?(?!\w)", text, re.IGNORECASE):
            return str(cues().get("kind_names", {}).get(kind, kind))
    return None


def kind(document: Document) -> Field:
    for block in document.blocks:
        if block.start > OPENING:
            break
        found = kind_in(block.text[:300])
        if found:
            return Field((found,), (evidence(document, block, block.text[:300]),))
    return Field()


# -- parties ---------------------------------------------------------------------------------
def _listed(text: str, first_within: int = 40) -> list[str]:
    """The names of a list at the start of text: 'A, B och C' (gaps of commas and 'och')."""
    names = find_names(text)
    if not names or names[0].start > first_within:
        return []
    listed = [names[0].written]
    for previous, name in itertools.pairwise(names):
        gap = text[previous.end : name.start]
        gap = re.sub(r"(?<!\w)kommuner(?:na)?(?!\w)", " ", gap)
        if not (_GAP.match(gap) or _BULLETED.match(gap)):
            break
        listed.append(name.written)
    return listed


def _member_sentences(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    cue = word_pattern(list(cues()["members"]["cues"]))
    paren = re.compile(r"\w*(?:kommunerna|medlemmarna|parterna)\s*\(", re.IGNORECASE)
    for sentence in sentences(document, ("paragraph", "list_item", "heading")):
        text = without_organisation_numbers(sentence.text)
        for match in [*cue.finditer(text), *paren.finditer(text)]:
            listed = _listed(text[match.end() :])
            if len(listed) >= 2:
                yield listed, sentence_evidence(sentence)
                break


def _member_lists(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """A block that follows a "Parter"/"Aktörer" heading or label and lists names; a block
    that starts with such a label ("Parter: A, B och C") or an opening ("Mellan A, B och
    C"); one party a line after a "följande parter:" sentence."""
    settings = cues()["members"]
    headings = {h.casefold() for h in settings["headings"]}
    openings = [f"{h}:" for h in headings] + [o.casefold() for o in settings["block_openings"]]
    blocks = document.blocks
    for before, block in itertools.pairwise(blocks):
        if before.text.strip().strip(":").casefold() in headings:
            listed = _bulleted(block.text) or _listed(block.text, first_within=5)
            if len(listed) >= 2:
                yield listed, evidence(document, block, block.text)
    for block in blocks:
        text = block.text.strip()
        opening = next((o for o in openings if text.casefold().startswith(o + " ")), None)
        if opening is not None:
            listed = _listed(text[len(opening) :], first_within=5)
            if len(listed) >= 2:
                yield listed, evidence(document, block, text)
    yield from _line_lists(document)


def _line_lists(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """'… mellan följande parter:' and then a party at the start of each following line."""
    intro = word_pattern(list(cues()["members"]["line_list_intros"]))
    blocks = document.blocks
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if not (text.endswith(":") and intro.search(text)):
            continue
        listed: list[str] = []
        for line_block in blocks[index + 1 :]:
            line = line_block.text.strip()
            names = find_names(line)
            if len(line) > 80 or not names or names[0].start > 0:
                break
            rest = line[names[0].end :].strip()
            if rest and (rest[0] not in ",(–-:" or line.endswith(".")):
                break  # "Örebro kommun är värdkommun." after the list is a sentence
            listed.append(names[0].written)
            last = line_block
        if len(listed) >= 2:  # the evidence: from the sentence that opens the list to its end
            quote = document.text[block.start : last.end].strip()
            start = document.text.index(quote, block.start)
            yield listed, Evidence(quote, start, start + len(quote), section_of(block), block.page)


def _bulleted(text: str) -> list[str]:
    """'A • B, C • D': each item a party (up to its first comma) when most are known names."""
    if "•" not in text:
        return []
    items: list[str] = []
    for part in text.split("•"):
        first = part.strip().split("\n")[0].split(",")[0].strip()
        names = [n.written for n in find_names(first)]
        pieces = first.split(" och ")
        items.extend(pieces if len(pieces) > 1 and len(names) == len(pieces) else [first])
        if "\n" in part.strip():  # the list ends with this line
            break
    cleaned: list[str] = []
    for item in items:
        if re.fullmatch(r"[^\W\d_][\w -]*", item):
            cleaned.append(item)
        else:  # "Trafikverket www.example.se": only the name, or nothing
            cleaned.extend(n.written for n in find_names(item))
    items = cleaned
    known = sum(1 for i in items if find_names(i))
    return items if len(items) >= 3 and known * 2 > len(items) else []


def _pairs(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """'kommunerna i X län tillsammans med Region X': both parties; and 'X har undertecknat'."""
    joins = [re.escape(j) for j in cues()["members"]["pair_joins"]]
    join = re.compile(r"^\s*(?:\w+\s+)?(?:" + "|".join(joins) + r")\s*$", re.IGNORECASE)
    signing = word_pattern(list(cues()["members"]["signing_verbs"]))
    for sentence in sentences(document):
        names = find_names(sentence.text)
        for first, second in itertools.pairwise(names):
            if join.match(sentence.text[first.end : second.start]):
                yield [first.written, second.written], sentence_evidence(sentence)
        for verb in signing.finditer(sentence.text):
            before = [n for n in names if n.end <= verb.start()]
            if before and not sentence.text[before[-1].end : verb.start()].strip():
                yield [before[-1].written], sentence_evidence(sentence)


def _partners(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """'att bilda ett kommunalförbund tillsammans med Landstinget i Värmland': the partner."""
    forming = word_pattern(list(cues()["members"]["forming_verbs"]))
    joins = word_pattern(list(cues()["members"]["forming_joins"]))
    for sentence in sentences(document):
        verb = forming.search(sentence.text)
        if not verb:
            continue
        for join in joins.finditer(sentence.text, verb.end()):
            names = find_names(sentence.text[join.end() :])
            if names and not sentence.text[join.end() : join.end() + names[0].start].strip():
                yield [names[0].written], sentence_evidence(sentence)


def _title_case(name: str) -> str:
    """'Landstinget DALARNA' -> 'Landstinget Dalarna' (a letterhead in capitals)."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in name.split())


def _letterhead(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """'Landstinget Dalarna BESLUTSUNDERLAG': the author of a decision paper."""
    settings = cues()["members"]
    kinds = "|".join(re.escape(k) for k in settings["letterhead_kinds"])
    distance = int(settings["letterhead_distance"])
    text = document.text
    for kind_word in re.finditer(rf"(?<![\w-])(?:{kinds})(?![\w-])", text):
        window_start = max(0, kind_word.start() - distance)
        names = find_names(text[window_start : kind_word.start()])
        if not names:
            continue
        name = names[0]
        at = window_start + name.start
        block = next((b for b in document.blocks if b.start <= at < b.end), None)
        if block is not None:
            yield [_title_case(name.written)], evidence(document, block, name.written)


def _signatures(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    roles = word_pattern(list(cues()["members"]["signatory_roles"]))
    blocks = document.blocks
    for before, block in itertools.pairwise(blocks):
        text = block.text.strip()
        if len(before.text) < 60 and roles.search(before.text) and is_party_name(text):
            yield [text], evidence(document, block, text)


def parties(document: Document, records: list[Record]) -> Field:
    found: list[tuple[list[str], Evidence]] = [
        *_member_sentences(document),
        *_member_lists(document),
        *_pairs(document),
        *_signatures(document),
        *_partners(document),
        *_letterhead(document),
        *designated(document),
        *party_tables(document),
        *signed_for(document),
    ]
    if cues()["members"].get("responsible_are_members"):
        for record in records:
            if record.origin != "sentence" and find_names(record.party):
                found.append(([record.party], record.evidence))
    values: list[str] = []
    proofs: list[Evidence] = []
    seen: set[str] = set()
    for names, proof in sorted(found, key=lambda f: f[1].start):
        new = [n for n in names if canonical(n) not in seen]
        for name in new:
            seen.add(canonical(name))
            values.append(display(name))
        if new and proof not in proofs:
            proofs.append(proof)
    return Field(tuple(values), tuple(proofs))


# -- period ----------------------------------------------------------------------------------
def _cued(document: Document, section: str, limit: int) -> Field:
    cue = pattern(section)
    picked = [s for s in sentences(document) if cue.search(s.text)][:limit]
    return Field(tuple(s.text for s in picked), tuple(sentence_evidence(s) for s in picked))


def _states(sentence: str, listed: list[str]) -> bool:
    return bool(phrases.find_any(sentence, tuple(listed)))


def _self_aim(sentence: str) -> bool:
    """'Avsiktsförklaringen ska skapa förutsättningar …': the document states its aim."""
    settings = cues()["purpose"]
    if sentence.rstrip().endswith(":"):
        return False
    subjects = [*cues()["kinds"], *settings["self_subjects"]]
    kinds = "|".join(re.escape(k) for k in subjects)
    modals = "|".join(re.escape(m) for m in settings["self_reference"])
    found = re.match(
        rf"\s*(?:(?:denna|detta|den|det)\s+)?(?:{kinds})(?:en|et|n|t)?\s+(?:{modals})\s+"
        rf"(?:också\s+|även\s+)?(\w+)",
        sentence,
        re.IGNORECASE,
    )
    if not found:
        return False
    verb = found.group(1).casefold()
    return not verb.endswith("s") and verb not in settings["self_reference_not"]


def _aim(sentence: str) -> bool:
    return _states(sentence, cues()["purpose"]["aims"]) or _self_aim(sentence)


def purpose(document: Document) -> Field:
    """Sentences that state the purpose ("Syftet med avtalet är …"); else the purpose
    heading's section (an aim in it, or its first sentence); else one aim elsewhere."""
    settings = cues()["purpose"]
    limit = int(settings["max_sentences"])
    every = list(sentences(document))
    picked: list[Sentence] = [s for s in every if _states(s.text, settings["words"])][:limit]
    if len(picked) < limit:
        heading = pattern("purpose", "headings")
        section = [
            s for s in every if s.block.heading_path and heading.search(s.block.heading_path[-1])
        ]
        first = section[0] if section and not picked else None
        chosen = next((s for s in section if s not in picked and _aim(s.text)), first)
        if chosen is not None:
            picked.append(chosen)
    if not picked:
        picked = [s for s in every if _aim(s.text)][:1]
    picked.sort(key=lambda s: s.start)
    return Field(tuple(s.text for s in picked), tuple(sentence_evidence(s) for s in picked))


def governance(document: Document) -> Field:
    return _cued(document, "governance", int(cues()["governance"]["max_sentences"]))


def money(document: Document) -> Field:
    return _cued(document, "money", int(cues()["money"]["max_sentences"]))


# -- areas -----------------------------------------------------------------------------------
_NUMBERED = re.compile(r"^(?:(?P<prefix>[^\W\d]+)\s+)?\d+(?:\.\d+)*\.?\s+(?P<name>[^\d\W].{2,80})$")


def areas(document: Document) -> Field:
    limit = int(cues()["areas"]["max_items"])
    cue = word_pattern(list(cues()["areas"]["cues"]))
    for sentence in sentences(document):
        found = cue.search(sentence.text)
        if not found:
            continue
        rest = sentence.text[found.end() :].strip().rstrip(".")
        items = [p.strip(" :") for p in re.split(r",\s*| samt ", rest) if p.strip(" :")]
        if len(items) >= 2:
            return Field(tuple(items[:limit]), (sentence_evidence(sentence),))
    prefixes = {p.casefold() for p in cues()["areas"]["heading_prefixes"]}
    values: list[str] = []
    proofs: list[Evidence] = []
    for block in document.blocks:
        if block.kind != "heading":
            continue
        match = _NUMBERED.match(block.text.strip())
        prefix = match.group("prefix") if match else None
        if not match or (prefix and prefix.casefold() not in prefixes):
            continue
        name = match.group("name").strip()
        if name.casefold() not in {v.casefold() for v in values}:
            values.append(name)
            proofs.append(evidence(document, block, block.text.strip()))
    return Field(tuple(values[:limit]), tuple(proofs[:limit]))
