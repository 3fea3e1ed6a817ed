"""Scoring of benchmark results: every system is graded by assistant.grading, the same way.

A result is the JSON object `python -m assistant ask --json` prints ("answer", "found",
"citations", "passages", "timings_ms"). Retrieval-only baselines give an empty answer,
no citations and never abstain; their answer accuracy is reported as n/a.
Only the first TOP_K passages of any system count, so hit@5 and MRR are at 5 for all.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.grading import Grade, Summary, grade
from benchmarks.synthetic import is_variant, names_anchor

TOP_K = 5
Result = dict[str, Any]
Question = dict[str, Any]


def passages_result(
    question: str, passages: Sequence[tuple[str, str, float]], retrieve_ms: float
) -> Result:
    """The result of a retrieval-only system: (doc_id, text, score) passages, no answer."""
    return {
        "question": question,
        "answer": "",
        "found": True,
        "citations": [],
        "passages": [{"doc_id": d, "text": t, "score": s} for d, t, s in passages],
        "timings_ms": {"retrieve": retrieve_ms, "answer": 0.0},
    }


def top_k(result: Result, k: int = TOP_K) -> Result:
    """The result with only its first k passages."""
    return {**result, "passages": list(result.get("passages", []))[:k]}


def grade_all(questions: Sequence[Question], results: Sequence[Result]) -> list[Grade]:
    if len(questions) != len(results):
        raise ValueError(f"{len(questions)} questions but {len(results)} results")
    return [grade(q, top_k(r)) for q, r in zip(questions, results, strict=True)]


def median_passage_chars(results: Iterable[Result], k: int = TOP_K) -> float:
    """Median length in characters of the passages shown (the first k of each result)."""
    sizes = [len(p["text"]) for r in results for p in list(r.get("passages", []))[:k]]
    return float(statistics.median(sizes)) if sizes else 0.0


def percentile(values: Sequence[float], q: int) -> float:
    """The q-th percentile (1..99), interpolated between the measured values."""
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    return float(statistics.quantiles(values, n=100, method="inclusive")[q - 1])


def original_top1(questions: Sequence[Question], results: Sequence[Result]) -> float:
    """Share of answerable questions whose first passage comes from an original document."""
    pairs = [(q, r) for q, r in zip(questions, results, strict=True) if q.get("answerable", True)]
    if not pairs:
        return 0.0
    good = sum(
        bool(r.get("passages")) and not is_variant(str(r["passages"][0].get("doc_id", "")))
        for _, r in pairs
    )
    return good / len(pairs)


@dataclass(frozen=True)
class Split:
    """Answer accuracy on the answerable questions that name a place, and on the others."""

    anchored: float
    anchored_n: int
    unanchored: float
    unanchored_n: int


def anchored_split(questions: Sequence[Question], grades: Sequence[Grade]) -> Split:
    anchored = [
        g.correct
        for q, g in zip(questions, grades, strict=True)
        if g.answerable and names_anchor(q["question"])
    ]
    others = [
        g.correct
        for q, g in zip(questions, grades, strict=True)
        if g.answerable and not names_anchor(q["question"])
    ]
    return Split(
        sum(anchored) / len(anchored) if anchored else 0.0,
        len(anchored),
        sum(others) / len(others) if others else 0.0,
        len(others),
    )


@dataclass(frozen=True)
class Quality:
    system: str
    answers: bool  # False: retrieval only, answer accuracy is n/a
    questions: int
    answer_accuracy: float | None
    hit1: float
    hit5: float
    mrr: float
    median_chars: float
    abstained: int
    unanswerable: int
    false_abstentions: int
    original_top1: float
    split: Split


def quality(
    system: str, questions: Sequence[Question], results: Sequence[Result], answers: bool
) -> Quality:
    grades = grade_all(questions, results)
    figures = Summary(list(grades)).figures()
    return Quality(
        system=system,
        answers=answers,
        questions=len(questions),
        answer_accuracy=figures["answer_accuracy"] if answers else None,
        hit1=figures["hit@1"],
        hit5=figures["hit@5"],
        mrr=figures["mrr"],
        median_chars=median_passage_chars(results),
        abstained=int(figures["abstained_unanswerable"]),
        unanswerable=int(figures["unanswerable"]),
        false_abstentions=int(figures["false_abstentions"]),
        original_top1=original_top1(questions, results),
        split=anchored_split(questions, grades),
    )


@dataclass(frozen=True)
class Latency:
    """Warm per-question latency in ms, split into retrieval and answering."""

    samples: int
    retrieve_p50: float
    retrieve_p95: float
    answer_p50: float
    answer_p95: float
    total_p50: float
    total_p95: float


def latency(timings: Sequence[dict[str, float]]) -> Latency:
    retrieve = [float(t.get("retrieve", 0.0)) for t in timings]
    answer = [float(t.get("answer", 0.0)) for t in timings]
    total = [r + a for r, a in zip(retrieve, answer, strict=True)]
    return Latency(
        len(timings),
        percentile(retrieve, 50),
        percentile(retrieve, 95),
        percentile(answer, 50),
        percentile(answer, 95),
        percentile(total, 50),
        percentile(total, 95),
    )
