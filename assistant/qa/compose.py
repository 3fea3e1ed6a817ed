"""Evidence first: the answer quotes the passage that carries it, verbatim and cited.

A short lead goes in front only when the structure makes it certain: the responsible
cell of the quoted table row, or the one date, amount or frequency of the quoted sentence
when the question asks for that kind of thing. When it is unclear which sentence of a
passage answers, the whole passage is quoted (passages are short).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.qa.evidence import Candidate, FeatureBuilder, responsible_column
from assistant.qa.patterns import RESPONSIBLE_HEADER, SPANS
from assistant.qa.question import Question
from assistant.qa.scorer import Scorer
from assistant.types import Answer, Citation, Hit
from ingest.schema import Chunk
from ingest.sentences import split_sentences

NOT_FOUND = {
    "sv": "Jag hittar inget om det i dokumenten.",
    "en": "I can't find that in the documents.",
}
RESPONSIBLE_LEAD = {"sv": "Ansvarig", "en": "Responsible"}
MAX_QUOTE = 480  # characters of quoted passages together; answers stay under 600
SECOND_QUOTE = 200  # at most this much of a second passage
MAX_LEAD = 90


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    probability: float


def rank(
    question: Question, hits: Sequence[Hit], builder: FeatureBuilder, scorer: Scorer
) -> list[Ranked]:
    """Candidates ordered by the scorer's probability that they hold the answer."""
    candidates = builder.candidates(question, hits)
    if not candidates:
        return []
    probabilities = scorer.probabilities(np.array([c.features for c in candidates]))
    ranked = [Ranked(c, float(p)) for c, p in zip(candidates, probabilities, strict=True)]
    ranked.sort(key=lambda r: (-r.probability, r.candidate.rank))
    return ranked


def compose(question: Question, hits: Sequence[Hit], ranked: Sequence[Ranked], scorer: Scorer):
    """The cited answer: the best passage quoted, and the next one when it is nearly as
    likely (the scorer's fitted ratio), so the reader sees both; or "not found"."""
    lang = question.language
    if not ranked or ranked[0].probability < scorer.threshold:
        return Answer(NOT_FOUND[lang], False, lang, (), tuple(hits))
    picked = [ranked[0].candidate]
    for other in ranked[1:2]:
        if other.probability >= scorer.second_ratio * ranked[0].probability:
            picked.append(other.candidate)
    quotes: list[str] = []
    if len(picked) == 2:
        second = _quote(picked[1], SECOND_QUOTE)
        quotes = [_quote(picked[0], MAX_QUOTE - len(second)), second]
    else:
        quotes = [_quote(picked[0], MAX_QUOTE)]
    citations, parts = [], []
    for n, (candidate, quote) in enumerate(zip(picked, quotes, strict=True), 1):
        lead = lead_for(question, candidate.chunk, quote) if n == 1 else ""
        parts.append(f"{lead} [{n}] – ”{quote}”" if lead else f"”{quote}” [{n}]")
        citations.append(Citation(n, candidate.chunk, quote))
    return Answer("\n\n".join(parts), True, lang, tuple(citations), tuple(hits))


def quote_for(
    chunk: Chunk, sentence: str, limit: int = MAX_QUOTE, focus: int | None = None
) -> str:
    """The whole passage when it is short; else the sentences around the best one, or
    around `focus` (where the answer stands) when those sentences leave it out."""
    text = chunk.text.strip()
    if len(text) <= limit:
        return text
    if focus is not None:
        focus -= len(chunk.text) - len(chunk.text.lstrip())
    quoted = _sentence_window(text, sentence, limit)
    start = text.find(quoted)
    if focus is not None and not start <= focus < start + len(quoted):
        return _cut(text, max(0, focus - limit // 3), limit)
    return quoted


def _sentence_window(text: str, sentence: str, limit: int) -> str:
    sentences = split_sentences(text)
    if sentence not in sentences:
        return _cut(text, text.find(sentence), limit)
    i = j = sentences.index(sentence)
    while True:  # widen to the next sentence (after first, then before) while it fits
        grown = False
        for a, b in ((i, j + 1), (i - 1, j)):
            if a >= 0 and b < len(sentences) and _span_len(text, sentences, a, b) <= limit:
                i, j, grown = a, b, True
                break
        if not grown:
            break
    start = text.find(sentences[i])
    end = text.find(sentences[j], start) + len(sentences[j])
    quoted = text[start:end]
    return quoted if len(quoted) <= limit else _cut(text, start, limit)


def _quote(candidate: Candidate, limit: int) -> str:
    return quote_for(candidate.chunk, candidate.best_sentence, limit, candidate.focus)


def _span_len(text: str, sentences: list[str], i: int, j: int) -> int:
    start = text.find(sentences[i])
    end = text.find(sentences[j], start) + len(sentences[j])
    return end - start


def _cut(text: str, start: int, limit: int) -> str:
    """`limit` characters from a word boundary at or before start, verbatim."""
    start = max(start, 0)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    piece = text[start : start + limit]
    if start + limit < len(text) and " " in piece:
        piece = piece.rsplit(" ", 1)[0]
    return piece.strip()


def lead_for(question: Question, chunk: Chunk, quote: str) -> str:
    """A short answer in front of the quote, only where the structure makes it certain."""
    kind = question.kind
    if kind in ("responsible", "who") and responsible_column(chunk) and chunk.row is not None:
        for header, value in chunk.row.cells:
            if value and RESPONSIBLE_HEADER.search(header) and len(value) <= MAX_LEAD:
                name = header if question.language == "sv" else RESPONSIBLE_LEAD["en"]
                return f"{name}: {value}"
    pattern = SPANS.get(kind)
    if pattern is None:
        return ""
    found = {m.group(0).strip() for m in pattern.finditer(quote)}
    if len(found) == 1:
        (span,) = found
        return re.sub(r"\s+", " ", span) if len(span) <= MAX_LEAD else ""
    return ""
