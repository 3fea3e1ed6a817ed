"""Grading of results as ../shared/eval/README.md describes, and the summary figures."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

_TAG = re.compile(r"<[^>]*>")
_NON_WORD = re.compile(r"\W+")
MAX_ANSWER_CHARS = 600


def normalise(text: str) -> str:
    text = _TAG.sub(" ", text).lower()
    return _NON_WORD.sub(" ", text).strip()


def contains(haystack: str, needle: str) -> bool:
    """As the graders check: the normalised needle inside the normalised text."""
    return normalise(needle) in normalise(haystack)


@dataclass(frozen=True)
class Grade:
    qid: str
    answerable: bool
    correct: bool
    citation_ok: bool | None
    keywords_ok: bool | None
    hit_rank: int | None  # 1-based rank of the first passage holding the evidence
    latency_ms: float
    found: bool
    naive_ok: bool = False  # quoting the top-ranked passage would have answered it
    has_passage: bool = True  # there is a top-ranked passage to quote

    @property
    def confident_wrong(self) -> bool:
        """Answered (found) and wrong, unanswerable questions included."""
        return self.found and not self.correct


def grade(question: dict[str, Any], result: dict[str, Any]) -> Grade:
    latency = sum(float(v) for v in result.get("timings_ms", {}).values())
    found = result.get("found") is not False
    has_passage = bool(result.get("passages"))
    if not question.get("answerable", True):
        return Grade(
            question["id"],
            False,
            not found,
            None,
            None,
            None,
            latency,
            found,
            has_passage=has_passage,
        )
    answer = result.get("answer", "")
    keywords_ok = (
        all(contains(answer, k) for k in question.get("answer_keywords", []))
        and len(answer) <= MAX_ANSWER_CHARS
        and found
    )
    evidence = question.get("evidence", "")
    citation_ok = any(contains(c.get("text", ""), evidence) for c in result.get("citations", []))
    hit_rank = next(
        (i for i, p in enumerate(result.get("passages", []), 1) if contains(p["text"], evidence)),
        None,
    )
    passages = result.get("passages", [])
    top = passages[0]["text"] if passages else ""
    naive_ok = (
        bool(top)
        and contains(top, evidence)
        and all(contains(top, k) for k in question.get("answer_keywords", []))
    )
    return Grade(
        question["id"],
        True,
        keywords_ok and citation_ok,
        citation_ok,
        keywords_ok,
        hit_rank,
        latency,
        found,
        naive_ok,
        has_passage,
    )


@dataclass
class Summary:
    grades: list[Grade] = field(default_factory=list)

    def _answerable(self) -> list[Grade]:
        return [g for g in self.grades if g.answerable]

    def figures(self) -> dict[str, float]:
        answerable = self._answerable()
        unanswerable = [g for g in self.grades if not g.answerable]
        latencies = sorted(g.latency_ms for g in self.grades) or [0.0]
        n = max(len(answerable), 1)

        def pct(q: float) -> float:
            return (
                statistics.quantiles(latencies, n=100)[q - 1]
                if len(latencies) > 1
                else latencies[0]
            )

        return {
            "questions": len(self.grades),
            "accuracy": sum(g.correct for g in self.grades) / max(len(self.grades), 1),
            "answer_accuracy": sum(g.correct for g in answerable) / n,
            "citation_accuracy": sum(bool(g.citation_ok) for g in answerable) / n,
            "hit@1": sum(g.hit_rank == 1 for g in answerable) / n,
            "hit@5": sum(g.hit_rank is not None and g.hit_rank <= 5 for g in answerable) / n,
            "mrr": sum(1 / g.hit_rank for g in answerable if g.hit_rank) / n,
            "abstained_unanswerable": sum(g.correct for g in unanswerable),
            "unanswerable": len(unanswerable),
            "false_abstentions": sum(not g.found for g in answerable),
            "confident_wrong": sum(g.confident_wrong for g in self.grades),
            "naive_top1": sum(g.naive_ok for g in answerable) / n,
            # quoting the top passage abstains only when nothing is found: over all
            # questions it is right on the answerable ones it holds (and on unanswerable ones
            # without a passage); any other quoted passage is a confident wrong answer
            "naive_all": (
                sum(g.naive_ok for g in answerable) + sum(not g.has_passage for g in unanswerable)
            )
            / max(len(self.grades), 1),
            "naive_confident_wrong": sum(g.has_passage and not g.naive_ok for g in self.grades),
            "p50_ms": pct(50),
            "p95_ms": pct(95),
        }

    def line(self) -> str:
        f = self.figures()
        return (
            f"accuracy {f['accuracy']:.3f} (answerable {f['answer_accuracy']:.3f}) | "
            f"citations {f['citation_accuracy']:.3f} | hit@1 {f['hit@1']:.3f} | "
            f"hit@5 {f['hit@5']:.3f} | MRR {f['mrr']:.3f} | "
            f"abstentions {f['abstained_unanswerable']}/{f['unanswerable']} unanswerable, "
            f"{f['false_abstentions']} false | confident wrong {f['confident_wrong']}/"
            f"{f['questions']} | quote-top-passage {f['naive_top1']:.3f} "
            f"(all questions {f['naive_all']:.3f}, confident wrong "
            f"{f['naive_confident_wrong']}/{f['questions']}) | "
            f"p50 {f['p50_ms']:.1f} ms | p95 {f['p95_ms']:.1f} ms"
        )
