"""More ways an agreement names its parties: a list that the text then designates as "the
parties" ("Ale kommun, Lerums kommun och Alingsås kommun (nedan kallade parterna)"), a list
interrupted by organisation numbers ("Region Gävleborg, org.nr 232100-0198, och Gävle
kommun"), a table whose first column is the party ("Part | Organisationsnummer"), and a
signature line "För Ale kommun". The words are in data/cues.toml ([members]).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.overview.lexicon import cues, word_pattern
from ingest.overview.locate import evidence, sentence_evidence, sentences
from ingest.overview.model import Evidence
from ingest.overview.names import find_names, is_party_name
from ingest.schema import Document

# ", org.nr 232100-0198", "(organisationsnummer 212000-2163)": blanked before a list is read
ORGANISATION_NUMBER = re.compile(
    r",?\s*\(?\s*org(?:anisations)?\.?\s*(?:nr|nummer)\.?\s*:?\s*"
    r"\d{6}\s*-\s*\d{4}\s*\)?",
    re.IGNORECASE,
)
_GAP = re.compile(r"^[\s,;]*(?:och|samt|&)?[\s,;]*$")


def without_organisation_numbers(text: str) -> str:
    """The text with each organisation number blanked out (same length: offsets hold)."""
    return ORGANISATION_NUMBER.sub(lambda m: " " * len(m.group(0)), text)


def _list_before(text: str) -> list[str]:
    """The names of a list that ends where the text ends ('A, B och C')."""
    names = find_names(text)
    if not names or text[names[-1].end :].strip(" ,"):
        return []
    listed = [names[-1]]
    for name in reversed(names[:-1]):
        if not _GAP.match(text[name.end : listed[0].start]):
            break
        listed.insert(0, name)
    return [n.written for n in listed]


def designated(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """'A, B och C (nedan kallade parterna)': the list before the designation; not '(som
    inte är parter)', not '(ej part i avtalet)'."""
    settings = cues()["members"]
    words = word_pattern(list(settings["designations"]))
    naming = word_pattern(list(settings["designation_cues"]))
    negation = word_pattern(list(settings["designation_negations"]))
    for sentence in sentences(document, ("paragraph", "list_item")):
        text = without_organisation_numbers(sentence.text)
        for match in re.finditer(r"\(([^()]{3,60})\)", text):
            inside = match.group(1)
            if not (words.search(inside) and naming.search(inside)) or negation.search(inside):
                continue
            listed = _list_before(text[: match.start()])
            if len(listed) >= 2:
                yield listed, sentence_evidence(sentence)
                break


def party_tables(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """Rows of a table whose first column is headed 'Part', 'Medlem' or the like."""
    headers = {h.casefold() for h in cues()["members"]["table_headers"]}
    for block in document.blocks:
        row = block.table
        if row is None or not row.cells:
            continue
        header, value = row.cells[0]
        value = without_organisation_numbers(value).strip(" ,")
        if header.strip().casefold() in headers and is_party_name(value):
            yield [value], evidence(document, block, value)


def signed_for(document: Document) -> Iterable[tuple[list[str], Evidence]]:
    """'För Ale kommun' on a line of its own in a signature section ('Underskrifter'), or
    followed by a signature line (a place and date, a name with a role): the party that
    signs. Not a heading 'För Malmö stad' of a plan's consequences."""
    settings = cues()["members"]
    section = word_pattern(list(settings["signature_sections"]))
    signature = word_pattern(list(settings["signature_lines"]))
    blocks = document.blocks
    for index, block in enumerate(blocks):
        text = block.text.strip().rstrip(":")
        match = re.fullmatch(r"För\s+(.{3,60})", text)
        if not match or not is_party_name(match.group(1)):
            continue
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        in_section = any(section.search(h) for h in block.heading_path)
        if in_section or signature.search(following) or re.search(r"\b(?:19|20)\d\d\b", following):
            yield [match.group(1)], evidence(document, block, text, match.group(1))
