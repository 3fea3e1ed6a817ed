"""The extractive answerer: pick the evidence, answer briefly with verbatim quotes, cite.

Every answer is built from sentences or table cells copied from the passages; when the
evidence does not cover the question's key terms the answer says so instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.analyze import Question, Term
from assistant.types import Answer, Citation, Hit
from ingest.lexical import tokenize
from ingest.schema import Chunk
from ingest.sentences import split_sentences

NOT_FOUND = {
    "sv": "Jag hittar inget om det i dokumenten.",
    "en": "I can't find that in the documents.",
}
MIN_COVERAGE = 0.5
SECOND_SENTENCE_RATIO = 0.9
MAX_QUOTE = 330
MAX_ANSWER = 420
EVIDENCE_HITS = 8

_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
)
_SPANS: dict[str, re.Pattern[str]] = {
    "when": re.compile(
        rf"\b(?:senast |från |under |före |efter |till )?(?:den )?"
        rf"(?:\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|"
        rf"(?:år )?(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?)",
        re.IGNORECASE,
    ),
    "amount": re.compile(
        r"(?:från )?\d[\d\u00a0 ]*(?:,\d+)?(?: till \d[\d\u00a0 ]*(?:,\d+)?)?\s*"
        r"(?:%|procent|kr(?:/\S+)?|kronor|kg(?:/\S+)?|mbit/s|km/h|miljoner|mnkr|tkr|"
        r"invånare|personer|st\b)(?: per [a-zåäö]+(?: och [a-zåäö]+)?)?",
        re.IGNORECASE,
    ),
    "frequency": re.compile(
        r"\b(?:vid )?(?:(?:en|ett|två|tre|fyra|fem|sex|\d+)(?: till (?:två|tre|fyra|fem|sex|\d+))? "
        r"(?:tillfällen|gånger|möten|sammanträden) (?:per|om|i) [a-zåäö]+|varje [a-zåäö]+|årligen|"
        r"månadsvis|kvartalsvis|halvårsvis|en gång (?:per|om|i) [a-zåäö]+)",
        re.IGNORECASE,
    ),
}
_RESPONSIBLE_HEADER = re.compile(r"ansvar|responsib", re.IGNORECASE)
_RESPONSIBLE_SENTENCE = re.compile(
    r"\b(ansvarar|ansvarig|huvudansvar|tillhandahåller|leder|samordnar|utser)\b", re.IGNORECASE
)
_ITEM = re.compile(r"(?:^|\s)(\d{1,2}\.\d{1,2})\.?\s")


@dataclass(frozen=True)
class Unit:
    """A candidate piece of evidence: a sentence, or a whole table record."""

    rank: int
    chunk: Chunk
    text: str
    tokens: frozenset[str]
    context: frozenset[str]  # with the title, headings (and for a row, all its cells)


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    coverage: float


def coverage(terms: Sequence[Term], tokens: frozenset[str]) -> float:
    total = sum(t.weight for t in terms)
    if total <= 0:
        return 0.0
    return sum(t.weight for t in terms if t.found_in(tokens)) / total


def _units(rank: int, chunk: Chunk, vocabulary: frozenset[str]) -> list[Unit]:
    where = frozenset(tokenize(" ".join([chunk.title, *chunk.heading_path]), vocabulary))
    if chunk.row is not None:
        tokens = frozenset(tokenize(chunk.text, vocabulary))
        return [Unit(rank, chunk, chunk.text, tokens, tokens | where)]
    units = []
    for sentence in split_sentences(chunk.text):
        tokens = frozenset(tokenize(sentence, vocabulary))
        units.append(Unit(rank, chunk, sentence, tokens, tokens | where))
    return units


def _bonus(question: Question, unit: Unit) -> float:
    kind = question.kind
    if kind in _SPANS and _SPANS[kind].search(unit.text):
        return 0.25
    if kind == "responsible":
        row = unit.chunk.row
        if row is not None and any(_RESPONSIBLE_HEADER.search(h) for h, _ in row.cells):
            return 0.25
        if _RESPONSIBLE_SENTENCE.search(unit.text):
            return 0.2
    if kind in ("list", "who") and len(re.findall(r"\b[A-ZÅÄÖ][a-zåäö]+", unit.text)) >= 2:
        return 0.05
    return 0.0


def _phrase_bonus(question_tokens: list[str], unit_text: str, vocabulary: frozenset[str]) -> float:
    """Reward the question's words appearing in the same order, side by side."""
    unit_tokens = tokenize(unit_text, vocabulary)
    pairs = set(zip(question_tokens, question_tokens[1:], strict=False))
    shared = sum(1 for pair in zip(unit_tokens, unit_tokens[1:], strict=False) if pair in pairs)
    return min(0.1, 0.03 * shared)


def rank_evidence(question: Question, hits: Sequence[Hit], vocabulary: frozenset[str]) -> list[Scored]:
    question_tokens = tokenize(question.search_text, vocabulary)
    scored: list[Scored] = []
    for rank, hit in enumerate(hits[:EVIDENCE_HITS]):
        for unit in _units(rank, hit.chunk, vocabulary):
            if not all(t.found_in(unit.context) for t in question.terms if t.required):
                continue
            own = coverage(question.terms, unit.tokens)
            full = coverage(question.terms, unit.context)
            score = (
                0.55 * own
                + 0.3 * full
                + _bonus(question, unit)
                + _phrase_bonus(question_tokens, unit.text, vocabulary)
                + 0.1 / (1 + rank)
            )
            scored.append(Scored(unit, score, full))
    scored.sort(key=lambda s: -s.score)
    return scored


def _quote(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_QUOTE:
        cut = text[:MAX_QUOTE].rsplit(" ", 1)[0]
        text = cut + " …"
    return text


def _q(language: str, text: str) -> str:
    return f"”{_quote(text)}”" if language == "sv" else f"“{_quote(text)}”"


def _item_cell(chunk: Chunk, question: Question, vocabulary: frozenset[str]) -> tuple[str, str]:
    """The (header, value) of a row that best matches the question, not the responsible one."""
    assert chunk.row is not None
    best, best_score = ("", chunk.text), -1.0
    for index, (header, value) in enumerate(chunk.row.cells):
        if not value or _RESPONSIBLE_HEADER.search(header) or value not in chunk.text:
            continue
        tokens = frozenset(tokenize(value, vocabulary))
        score = coverage(question.terms, tokens) + (0.01 * index)  # later columns are specific
        span = _SPANS.get(question.kind)
        if span is not None and span.search(value):
            score += 0.3
        if score > best_score:
            best, best_score = (header, value), score
    return best


def _responsible(chunk: Chunk) -> str | None:
    if chunk.row is None:
        return None
    for header, value in chunk.row.cells:
        if value and _RESPONSIBLE_HEADER.search(header):
            return value
    return None


def _item_number(text: str) -> str | None:
    match = _ITEM.search(" " + text)
    return match.group(1) if match else None


class Composer:
    """Turns ranked evidence into an Answer in the question's language."""

    def __init__(self, vocabulary: frozenset[str],
                 section_rows: Callable[[Chunk], list[Chunk]]) -> None:
        self.vocabulary = vocabulary
        self.section_rows = section_rows

    def compose(self, question: Question, hits: Sequence[Hit], absent: bool) -> Answer:
        lang = question.language
        ranked = [] if absent else rank_evidence(question, hits, self.vocabulary)
        if not ranked or ranked[0].coverage < MIN_COVERAGE:
            return Answer(NOT_FOUND[lang], False, lang, (), tuple(hits))
        best = ranked[0]
        chunk = best.unit.chunk
        if question.kind == "responsible" and _responsible(chunk):
            return self._responsible_answer(question, best, hits)
        if chunk.row is not None:
            header, value = _item_cell(chunk, question, self.vocabulary)
            return self._quoted(question, [(chunk, value)], hits)
        picks = [(chunk, best.unit.text)]
        for other in ranked[1:4]:
            if other.score < SECOND_SENTENCE_RATIO * best.score or other.coverage < MIN_COVERAGE:
                break
            if other.unit.text != best.unit.text and other.unit.chunk.row is None:
                picks.append((other.unit.chunk, other.unit.text))
                break
        return self._quoted(question, picks, hits)

    def _quoted(self, question: Question, picks: list[tuple[Chunk, str]],
                hits: Sequence[Hit]) -> Answer:
        lang = question.language
        citations: list[Citation] = []
        parts: list[str] = []
        span_pattern = _SPANS.get(question.kind)
        lead = ""
        for chunk, text in picks:
            n = len(citations) + 1
            citations.append(Citation(n, chunk, text))
            parts.append(f"{_q(lang, text)} [{n}]")
            if not lead and span_pattern is not None:
                match = span_pattern.search(text)
                if match:
                    lead = match.group(0).strip()
        body = " ".join(parts)
        if len(body) > MAX_ANSWER and len(parts) > 1:
            body, citations = parts[0], citations[:1]
        if lead:
            text = f"{lead[:1].upper()}{lead[1:]}: {body}"
        elif lang == "en":
            text = f"The documents say: {body}"
        else:
            text = body
        return Answer(text, True, lang, tuple(citations), tuple(hits))

    def _responsible_answer(self, question: Question, best: Scored, hits: Sequence[Hit]) -> Answer:
        lang = question.language
        chunk = best.unit.chunk
        own = coverage(question.terms, frozenset(tokenize(chunk.text, self.vocabulary)))
        rows = [chunk]
        if best.coverage - own >= 0.3:  # the question names the section, not one item
            rows = self.section_rows(chunk) or [chunk]
        groups: dict[str, list[Chunk]] = {}
        for row in rows:
            party = _responsible(row)
            if party:
                groups.setdefault(party, []).append(row)
        citations: list[Citation] = []
        parts: list[str] = []
        for party, members in list(groups.items())[:4]:
            first = members[0]
            n = len(citations) + 1
            _, item = _item_cell(first, question, self.vocabulary)
            citations.append(Citation(n, first, item))
            numbers = [x for x in (_item_number(_item_cell(m, question, self.vocabulary)[1])
                                   for m in members) if x]
            if len(members) > 1 and numbers:
                span = numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
                what = f"mål {span}" if lang == "sv" else f"items {span}"
                parts.append(f"{party} [{n}] ({what})")
            else:
                label = "för" if lang == "sv" else "for"
                parts.append(f"{party} [{n}] ({label} {_q(lang, item)})")
        joiner = " och " if lang == "sv" else " and "
        prefix = "Ansvarig: " if lang == "sv" else "Responsible: "
        text = prefix + (joiner.join(parts) if len(parts) < 3 else "; ".join(parts))
        return Answer(text, True, lang, tuple(citations), tuple(hits))
