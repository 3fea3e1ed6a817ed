from assistant.grading import Summary, contains, grade, normalise

QUESTION = {
    "id": "x",
    "answerable": True,
    "answer_keywords": ["Svalöv"],
    "evidence": "1.6 Byggstart för Söderåsbanan senast år 2019.",
}


def result(answer: str, cited: str, passages: list[str], found: bool = True) -> dict:
    return {
        "answer": answer,
        "found": found,
        "citations": [{"text": cited}],
        "passages": [{"text": p} for p in passages],
        "timings_ms": {"retrieve": 10.0, "answer": 2.0},
    }


def test_normalisation_follows_the_eval_rules():
    assert normalise("<b>Mätetal:</b> 1.6 Byggstart!") == "mätetal 1 6 byggstart"
    assert contains(
        "Mätetal: 1.6 Byggstart för Söderåsbanan senast år 2019. | Ansvarig: Svalöv",
        QUESTION["evidence"],
    )


def test_correct_answer_with_cited_evidence():
    row = "Mätetal: 1.6 Byggstart för Söderåsbanan senast år 2019. | Ansvarig: Svalöv"
    g = grade(QUESTION, result("Svalöv [1]", row, ["other", row]))
    assert g.correct and g.hit_rank == 2 and g.latency_ms == 12.0


def test_wrong_citation_or_missing_keyword_fails():
    row = "1.6 Byggstart för Söderåsbanan senast år 2019."
    assert not grade(QUESTION, result("Svalöv [1]", "annan text", [row])).correct
    assert not grade(QUESTION, result("Perstorp [1]", row, [row])).correct
    assert not grade(QUESTION, result("Svalöv " + "x" * 600, row, [row])).correct
    assert not grade(QUESTION, result("Svalöv", row, [row], found=False)).correct


def test_unanswerable_is_correct_only_when_abstaining():
    q = {"id": "na", "answerable": False}
    assert grade(q, result("Jag hittar inget", "", [], found=False)).correct
    assert not grade(q, result("Svalöv", "", [])).correct


def test_summary_figures():
    row = "1.6 Byggstart för Söderåsbanan senast år 2019."
    summary = Summary(
        [
            grade(QUESTION, result("Svalöv [1]", row, [row])),
            grade(QUESTION, result("Perstorp [1]", "x", ["a", "b", row])),
            grade({"id": "na", "answerable": False}, result("-", "", [], found=False)),
        ]
    )
    f = summary.figures()
    assert f["answer_accuracy"] == 0.5
    assert f["hit@1"] == 0.5 and f["hit@5"] == 1.0
    assert abs(f["mrr"] - (1 + 1 / 3) / 2) < 1e-9
    assert f["abstained_unanswerable"] == 1
    # neither top passage holds the keyword: two confident wrong answers for quoting the
    # top passage; the unanswerable question has no passage, so quoting it abstains (right)
    assert abs(f["naive_all"] - 1 / 3) < 1e-9 and f["naive_confident_wrong"] == 2


def test_quoting_the_top_passage_over_all_questions():
    row = "Mätetal: 1.6 Byggstart för Söderåsbanan senast år 2019. | Ansvarig: Svalöv"
    summary = Summary(
        [
            grade(QUESTION, result("-", "", [row], found=False)),
            grade({"id": "na", "answerable": False}, result("-", "", [row], found=False)),
        ]
    )
    f = summary.figures()
    assert f["naive_top1"] == 1.0 and f["naive_all"] == 0.5
    assert f["naive_confident_wrong"] == 1
    assert "quote-top-passage 1.000 (all questions 0.500, confident wrong 1/2)" in summary.line()
