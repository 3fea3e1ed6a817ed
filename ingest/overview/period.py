"""The period of an agreement card: from, to, 'tills vidare', review and renewal, from
dated validity sentences, 'since' sentences and a title-like line's years."""

from __future__ import annotations

import re

from ingest.overview.fields import OPENING, kind_in
from ingest.overview.lexicon import cues, pattern
from ingest.overview.locate import Sentence, evidence, sentence_evidence, sentences
from ingest.overview.model import Evidence, Period
from ingest.schema import Block, Document

_YEAR = r"(?:19|20)\d{2}"
_RANGE = re.compile(rf"(?<![\d-])({_YEAR})\s*[-–—]\s*({_YEAR})(?![\d-])")
_LONE_YEAR = re.compile(rf"(?<![\d-])({_YEAR})(?![\d-])")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "januari februari mars april maj juni juli augusti september oktober november "
        "december".split()
    )
}
_DATE = re.compile(
    rf"(?P<iso>{_YEAR}-\d{{2}}-\d{{2}})|(?:den )?(?P<day>\d{{1,2}}) (?P<month>"
    + "|".join(_MONTHS)
    + rf") (?P<year>{_YEAR})|(?P<lone>{_YEAR})(?![\d-])",
    re.IGNORECASE,
)
_FROM = re.compile(
    r"(?<!\w)(?:från och med|fr\.? ?o\.? ?m\.?|from|från|fr o m|träder i kraft)(?!\w)", re.I
)
# "gäller från och med undertecknandet", "från och med den dag den undertecknats"
_FROM_SIGNING = re.compile(
    r"(?<!\w)(?:från och med|från|fr\.? ?o\.? ?m\.?)\s+(?:den dag \w+ )?underteckn", re.I
)
_SIGNED = re.compile(
    r"(?<!\w)undertecknad\w*\b[^.\n]{0,40}?\b(?:den )?\d{1,2} \w+ (?:19|20)\d{2}", re.I
)
_TO = re.compile(r"(?<!\w)(?:till och med|t\.? ?o\.? ?m\.?|tom|t o m|till)(?!\w)", re.I)


def _date(match: re.Match[str]) -> str:
    if match.group("iso"):
        return match.group("iso")
    if match.group("lone"):
        return match.group("lone")
    month = _MONTHS[match.group("month").casefold()]
    return f"{match.group('year')}-{month:02d}-{int(match.group('day')):02d}"


def _after(marker: re.Pattern[str], text: str) -> str:
    for found in marker.finditer(text):
        date = _DATE.match(text[found.end() :].lstrip())
        if date:
            return _date(date)
    return ""


def _clause(sentence: str, at: int) -> str:
    end = re.search(r"[.;]|, (?!och)", sentence[at:])
    return sentence[at : at + end.start() if end else len(sentence)].strip()


def period(document: Document) -> Period:
    validity = pattern("period", "validity")
    open_ended = pattern("period", "open_ended")
    review_cue = pattern("period", "review")
    start = end = review = ""
    is_open = False
    proofs: list[Evidence] = []
    all_sentences: list[Sentence] = list(sentences(document, ("paragraph", "list_item", "heading")))
    for sentence in all_sentences:
        text = sentence.text
        if validity.search(text) and not (end or is_open):
            found_start = _after(_FROM, text) or _signing_start(document, text)
            if found_start and (not start or found_start == start):
                # a later sentence with the same start may add the end ("och tills vidare")
                start, end = found_start, _after(_TO, text)
                is_open = bool(open_ended.search(text))
                proofs.append(sentence_evidence(sentence))
        found = review_cue.search(text)
        if not review and found and (validity.search(text) or kind_in(text)):
            review = _clause(text, found.start())
            proof = sentence_evidence(sentence)
            if proof not in proofs:
                proofs.append(proof)
    if not start:
        titled = _title_years(document)
        if titled:
            start, end, proof = titled
            proofs.insert(0, proof)
    if not start:
        since = _since(all_sentences)
        if since:
            start, proof = since
            proofs.insert(0, proof)
    if not start:
        return Period(review=review, evidence=tuple(proofs) if review else ())
    return Period(start, end, is_open, review, tuple(proofs))


def _signing_start(document: Document, text: str) -> str:
    """'gäller från och med undertecknandet till och med …': the signing date the document
    states ("Undertecknad i Ystad den 3 mars 2025"), else the signing itself."""
    if not _FROM_SIGNING.search(text) or not _after(_TO, text):
        return ""
    signed = _SIGNED.search(document.text)
    date = _DATE.search(signed.group(0)) if signed else None
    return _date(date) if date else "undertecknandet"


def _since(all_sentences: list[Sentence]) -> tuple[str, Evidence] | None:
    """'Kommunerna har samverkat sedan början av 90-talet' -> 'början av 90-talet'."""
    cue = pattern("period", "since")
    for sentence in all_sentences:
        found = cue.search(sentence.text)
        if found:
            phrase = re.match(
                r"\s*([^,.;]{2,40}?)(?=\s+(?:och|men|samt)\s|[,.;]|$)", sentence.text[found.end() :]
            )
            if phrase:
                return phrase.group(1).strip(), sentence_evidence(sentence)
    return None


def _kind_year(line: str) -> tuple[str, str] | None:
    """'Verksamhetsplan 2016', 'Gemensam målbild 2019 - 2022': the years right after a kind."""
    kinds = "|".join(re.escape(k) for k in cues()["kinds"])
    found = re.search(
        rf"(?:{kinds})\w*\s+({_YEAR})(?:\s*[-–—]\s*({_YEAR}))?(?![\d-])", line, re.IGNORECASE
    )
    if not found:
        return None
    return found.group(1), found.group(2) or found.group(1)


def _title_years(document: Document) -> tuple[str, str, Evidence] | None:
    """Years next to the document's kind in its title or an opening line: 'Plan 2020-2024'."""
    candidates: list[Block] = [b for b in document.blocks if b.start < OPENING]
    for text, block in [(document.title, None), *((b.text, b) for b in candidates)]:
        line = text[:300]
        if not kind_in(line):
            continue
        found = _RANGE.search(line)
        years = (found.group(1), found.group(2)) if found else _kind_year(line)
        if years is None:
            lone = _LONE_YEAR.findall(line)
            years = (lone[0], lone[0]) if len(lone) == 1 and len(line) < 80 else None
        if years is None:
            continue
        source = block or next((b for b in candidates if text[:60] in b.text), None)
        if source is None:
            continue
        return years[0], years[1], evidence(document, source, line)
    return None


# -- sentences by cue ------------------------------------------------------------------------
