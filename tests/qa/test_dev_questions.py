"""The development questions, graded as ../shared/eval/README.md says."""

from __future__ import annotations

import json

import pytest

from assistant.grading import Summary, grade
from assistant.serialize import answer_to_json
from tests.conftest import DEV_QUESTIONS

# The fitted answerer answers only above a threshold chosen for at most 5 % confident wrong
# answers. Measured on these questions (part of its tuning data) with the seed corpus and
# catalog.toml: accuracy 0.684, hit@5 0.914, 3/3 abstentions, 0 confident wrong (see
# README). The rule answerer before it reached 0.974 here by being written for these very
# questions, and far less on questions nobody tuned for; these floors guard the new method
# against regressions, they do not claim the 0.95 target.
MIN_ACCURACY = 0.65
MIN_HIT_AT_5 = 0.90
MAX_CONFIDENT_WRONG_SHARE = 0.05


@pytest.mark.skipif(not DEV_QUESTIONS.exists(), reason="../shared/eval is not beside the repo")
def test_development_questions(assistant):
    questions = [
        json.loads(line) for line in DEV_QUESTIONS.read_text("utf-8").splitlines() if line.strip()
    ]
    summary = Summary()
    for question in questions:
        answer = assistant.ask(question["question"])
        summary.grades.append(grade(question, answer_to_json(answer, question["question"])))
    figures = summary.figures()
    print(summary.line())
    assert figures["accuracy"] >= MIN_ACCURACY, summary.line()
    assert figures["hit@5"] >= MIN_HIT_AT_5, summary.line()
    assert figures["abstained_unanswerable"] == figures["unanswerable"]
    assert figures["confident_wrong"] <= MAX_CONFIDENT_WRONG_SHARE * figures["questions"]
