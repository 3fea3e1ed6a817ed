"""python -m assistant train: fit the evidence scorer and choose the answer threshold.

For every question of the tuning sets, the retrieved candidates get their features and a
label (the passage holds the expected evidence and answer keywords). A logistic regression
is fitted on them; the answer threshold is chosen on out-of-fold probabilities (folds by
question) as the one with the best accuracy whose confident wrong answers stay within the
target share of questions. The result is written to assistant/qa/data/scorer.json.
Needs scikit-learn (`pip install -e '.[train]'`); answering does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.evalsets import QuestionSet, index_for
from assistant.grading import normalise
from assistant.qa.evidence import FEATURES
from assistant.qa.scorer import SCORER_FILE, Scorer

MAX_CONFIDENT_WRONG = 0.05
FOLDS = 5
C_VALUES = (0.1, 0.3, 1.0, 3.0)
# a second passage is quoted when its probability reaches this share of the best one's
SECOND_RATIOS = (2.0, 0.75, 0.5, 0.35, 0.25, 0.15, 0.1)


@dataclass
class Table:
    """Candidate rows and, per question, which rows are its candidates."""

    rows: list[tuple[float, ...]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    answerable: list[bool] = field(default_factory=list)  # per question
    names: list[str] = field(default_factory=list)  # per question


def holds_answer(question: dict, passage: str) -> bool:
    if not question.get("answerable", True):
        return False
    text = normalise(passage)
    evidence = normalise(question.get("evidence", ""))
    keywords = [normalise(k) for k in question.get("answer_keywords", [])]
    return bool(evidence) and evidence in text and all(k in text for k in keywords)


def collect(sets: list[QuestionSet], table: Table | None = None) -> Table:
    from assistant.config import Settings
    from assistant.service import Assistant

    table = table or Table()
    for qset in sets:
        assistant = Assistant(Settings(index_dir=index_for(qset.corpus)))
        for question in qset.load():
            group = len(table.names)
            table.names.append(f"{qset.name}/{question['id']}")
            table.answerable.append(bool(question.get("answerable", True)))
            _, _, candidates = assistant.evidence(question["question"])
            for candidate in candidates:
                table.rows.append(candidate.features)
                table.labels.append(int(holds_answer(question, candidate.chunk.text)))
                table.groups.append(group)
    return table


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((x - mean) / scale, y)
    return mean, scale, model.coef_[0], float(model.intercept_[0])


def _probabilities(x: np.ndarray, fitted) -> np.ndarray:
    mean, scale, coef, intercept = fitted
    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ coef + intercept)))


def out_of_fold(table: Table, c: float) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    x = np.asarray(table.rows, dtype=float)
    y = np.asarray(table.labels)
    groups = np.asarray(table.groups)
    predictions = np.zeros(len(y))
    for fit_rows, test_rows in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        fitted = _fit(x[fit_rows], y[fit_rows], c)
        predictions[test_rows] = _probabilities(x[test_rows], fitted)
    return predictions


def per_question(
    table: Table, probabilities: np.ndarray, second_ratio: float = 2.0
) -> tuple[np.ndarray, np.ndarray]:
    """For each question: the best candidate's probability and whether the quoted
    passages (the best, and the second when it is close enough) hold the answer."""
    n = len(table.names)
    order: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    for p, label, group in zip(probabilities, table.labels, table.groups, strict=True):
        order[group].append((float(p), label))
    best = np.full(n, -1.0)
    right = np.zeros(n, dtype=bool)
    for group, pairs in enumerate(order):
        pairs.sort(key=lambda pair: -pair[0])
        if not pairs:
            continue
        best[group] = pairs[0][0]
        quoted = pairs[:1] + [q for q in pairs[1:2] if q[0] >= second_ratio * pairs[0][0]]
        right[group] = any(label for _, label in quoted)
    return best, right


def choose_threshold(
    best: np.ndarray, right: np.ndarray, answerable: np.ndarray
) -> tuple[float, dict]:
    """The threshold with the best accuracy whose confident wrong share stays in target."""
    n = len(best)
    choice, figures = 1.0, {}
    for threshold in sorted({round(float(p), 4) for p in best} | {1.0}):
        answered = best >= threshold
        wrong = int((answered & ~right).sum())
        correct = int((answered & right).sum() + (~answered & ~answerable).sum())
        if wrong / n <= MAX_CONFIDENT_WRONG and correct / n > figures.get("accuracy", -1):
            choice = threshold
            figures = {
                "accuracy": round(correct / n, 4),
                "confident_wrong": round(wrong / n, 4),
                "answered": int(answered.sum()),
            }
    return choice, figures


def train(sets: list[QuestionSet], out: Path = SCORER_FILE) -> Scorer:
    table = collect(sets)
    answerable = np.asarray(table.answerable)
    results = {}
    for c in C_VALUES:
        probabilities = out_of_fold(table, c)
        for ratio in SECOND_RATIOS:
            best, right = per_question(table, probabilities, ratio)
            threshold, figures = choose_threshold(best, right, answerable)
            results[c, ratio] = (figures.get("accuracy", 0.0), threshold, figures)
    c, ratio = max(results, key=lambda key: (results[key][0], -key[0], key[1]))
    _, threshold, figures = results[c, ratio]
    mean, scale, coef, intercept = _fit(
        np.asarray(table.rows, dtype=float), np.asarray(table.labels), c
    )
    scorer = Scorer(
        FEATURES,
        mean,
        scale,
        coef,
        intercept,
        threshold,
        ratio,
        {
            "sets": [s.name for s in sets],
            "questions": len(table.names),
            "candidates": len(table.rows),
            "C": c,
            "second_ratio": ratio,
            "out_of_fold": figures,
        },
    )
    out.write_text(scorer.to_json() + "\n", encoding="utf-8")
    return scorer
