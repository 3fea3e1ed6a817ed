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

from assistant.qa.evidence import Candidate, FeatureBuilder
from assistant.qa.patterns import SHARE_OR_MONEY, SPANS
from assistant.qa.question import Question
from assistant.qa.scorer import Scorer
from assistant.qa.shapes.lead import given, lead_for, span_lead
from assistant.qa.shapes.quote import MAX_QUOTE, quote_for
from assistant.types import Answer, Citation, Hit

NOT_FOUND = {
    "sv": "Jag hittar inget om det i dokumenten.",
    "en": "I can't find that in the documents.",
}
SEE_ALSO = {"sv": "Se även", "en": "See also"}
SECOND_QUOTE = 200  # at most this much of a second passage
MAX_ANSWER = 600  # characters, lead and markers included
MIN_QUOTE = 120


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
    best = ranked[0] if ranked else None
    if best is None or best.probability < scorer.threshold or _gives_nothing(question, best):
        return Answer(NOT_FOUND[lang], False, lang, (), tuple(hits))
    picked = [ranked[0].candidate]
    for other in ranked[1:2]:
        if other.probability >= scorer.second_ratio * ranked[0].probability:
            picked.append(other.candidate)
    if len(picked) == 1:  # another passage of the document stating the same answer
        picked.extend(_corroborating(question, ranked))
    second = _quote(picked[1], SECOND_QUOTE) if len(picked) == 2 else ""
    budget = MAX_QUOTE - len(second)
    while True:  # the lead and the markers count too: the answer stays within MAX_ANSWER
        text, citations = _render(question, picked, [_quote(picked[0], budget), second])
        if len(text) <= MAX_ANSWER or budget <= MIN_QUOTE:
            return Answer(text, True, lang, citations, tuple(hits))
        budget -= len(text) - MAX_ANSWER


def _render(
    question: Question, picked: list[Candidate], quotes: list[str]
) -> tuple[str, tuple[Citation, ...]]:
    lang = question.language
    citations, parts = [], []
    for n, (candidate, quote) in enumerate(zip(picked, quotes, strict=False), 1):
        if n > 1:  # a nearly as likely passage: shown as such, never as the answer
            parts.append(f"{SEE_ALSO[lang]}: ”{quote}” [{n}]")
        else:
            lead = lead_for(question, candidate.chunk, quote)
            parts.append(f"{lead} [{n}] – ”{quote}”" if lead else f"”{quote}” [{n}]")
        citations.append(Citation(n, candidate.chunk, quote))
    return "\n\n".join(parts), tuple(citations)


def _corroborating(question: Question, ranked: Sequence[Ranked]) -> list[Candidate]:
    """The next passage of the best one's document that states the same date or amount as
    the best one's lead ("150 000 invånare" in the vision and in the ambition), whole
    ("5 kr" is not in "25 kr"), so the reader sees both statements; none when the best
    passage has no such lead."""
    best = ranked[0].candidate
    span = span_lead(question, best.chunk.text)
    if not span:
        return []
    for other in ranked[1:]:
        chunk = other.candidate.chunk
        text = re.sub(r"\s+", " ", chunk.text)
        if chunk.doc_id == best.chunk.doc_id and re.search(
            rf"(?<![\w,.]){re.escape(span)}(?!\w)", text
        ):
            return [other.candidate]
    return []


def _quote(candidate: Candidate, limit: int) -> str:
    return quote_for(
        candidate.chunk, candidate.best_sentence, limit, candidate.focus, candidate.spans
    )


def _gives_nothing(question: Question, best: Ranked) -> bool:
    """A date or amount asked for, and every one the best passage holds only repeats the
    question's own ("under 2025" for "Vilket datum hålls forumet 2025?"), or is a share or
    a sum of money where the question counts things ("15 procent" for "How many guest
    nights …?")."""
    pattern = SPANS.get(question.kind)
    if pattern is None or question.kind == "frequency":
        return False
    spans = [m.group(0) for m in pattern.finditer(best.candidate.chunk.text)]
    if spans and all(given(question, s) for s in spans):
        return True
    counted = question.counted
    return (
        bool(spans)
        and counted is not None
        and not SHARE_OR_MONEY.search(counted.surface)
        and all(SHARE_OR_MONEY.search(s) for s in spans)
    )
