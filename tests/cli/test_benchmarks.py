"""The benchmark's scoring and corpus generator on hand-made inputs with known scores."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from benchmarks.metrics import (
    anchored_split,
    grade_all,
    latency,
    median_passage_chars,
    original_top1,
    passages_result,
    percentile,
    quality,
    top_k,
)
from benchmarks.report import table
from benchmarks.synthetic import (
    REPLACED_NAMES,
    is_variant,
    make_variant,
    names_anchor,
    write_scaled_corpus,
)

EVIDENCE = "1.6 Byggstart för Söderåsbanan senast år 2019."
QUESTIONS = [
    {
        "id": "a",
        "question": "Vem ansvarar för Söderåsbanan?",
        "answerable": True,
        "answer_keywords": ["Svalöv"],
        "evidence": EVIDENCE,
    },
    {
        "id": "b",
        "question": "Hur stor är medlemsavgiften i Familjen Helsingborg?",
        "answerable": True,
        "answer_keywords": ["21 kr"],
        "evidence": "en medlemsavgift på 21 kr/invånare och år",
    },
    {"id": "c", "question": "Vem ansvarar för Ostlänken?", "answerable": False},
]


def passages(*texts: str, doc_id: str = "original.txt") -> list[tuple[str, str, float]]:
    return [(doc_id, t, 1.0) for t in texts]


def retrieval_results() -> list[dict]:
    """Evidence of a at rank 2, of b at rank 6 (outside the top 5), c has no evidence."""
    filler = ["abc", "defgh", "x" * 10, "y" * 20, "z" * 30]
    return [
        passages_result(QUESTIONS[0]["question"], passages("abc", f"Mätetal: {EVIDENCE}"), 3.0),
        passages_result(
            QUESTIONS[1]["question"],
            passages(
                *filler, "Verksamheten finansieras med en medlemsavgift på 21 kr/invånare och år."
            ),
            2.0,
        ),
        passages_result(QUESTIONS[2]["question"], passages("Ostlänken saknas"), 1.0),
    ]


def test_hits_and_mrr_count_the_first_five_passages_only():
    grades = grade_all(QUESTIONS, retrieval_results())
    assert [g.hit_rank for g in grades] == [2, None, None]
    q = quality("bm25", QUESTIONS, retrieval_results(), answers=False)
    assert q.hit1 == 0.0
    assert q.hit5 == 0.5  # one of two answerable questions
    assert q.mrr == pytest.approx(0.25)  # (1/2 + 0) / 2
    assert q.answer_accuracy is None  # retrieval only: n/a, not zero
    assert (q.abstained, q.unanswerable, q.false_abstentions) == (0, 1, 0)


def test_an_answering_system_scores_answers_and_abstentions():
    answered = {
        "answer": "Ansvarig: Svalöv [1]",
        "found": True,
        "citations": [{"text": f"Mätetal: {EVIDENCE} | Ansvarig: Svalöv"}],
        "passages": [{"doc_id": "original.txt", "text": f"Mätetal: {EVIDENCE}"}],
        "timings_ms": {"retrieve": 10.0, "answer": 2.0},
    }
    wrong = {**answered, "answer": "Ansvarig: Helsingborg", "citations": []}
    abstained = {"answer": "Jag hittar inget", "found": False, "citations": [], "passages": []}
    q = quality("ours", QUESTIONS, [answered, wrong, abstained], answers=True)
    assert q.answer_accuracy == 0.5
    assert q.hit1 == 0.5 and q.mrr == 0.5
    assert (q.abstained, q.unanswerable, q.false_abstentions) == (1, 1, 0)


def test_median_passage_size_pools_the_top_five_of_every_result():
    results = retrieval_results()
    # sizes: 3 and 55 (a); 3, 5, 10, 20, 30 (b, the sixth is not shown); 16 (c)
    # sorted 3 3 5 10 | 16 20 30 55: the median is (10 + 16) / 2
    assert median_passage_chars(results) == 13.0
    assert median_passage_chars([]) == 0.0
    assert median_passage_chars([passages_result("q", passages("a" * 7), 1.0)]) == 7.0


def test_top_k_keeps_the_first_passages():
    result = passages_result("q", passages("1", "2", "3", "4", "5", "6", "7"), 1.0)
    assert [p["text"] for p in top_k(result)["passages"]] == ["1", "2", "3", "4", "5"]
    assert len(result["passages"]) == 7  # the original is untouched


def test_grading_needs_one_result_per_question():
    with pytest.raises(ValueError):
        grade_all(QUESTIONS, retrieval_results()[:2])


def test_percentiles_and_latency_split():
    assert percentile([], 50) == 0.0
    assert percentile([7.0], 95) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile(list(map(float, range(101))), 95) == pytest.approx(95.0)
    lat = latency([{"retrieve": 10.0, "answer": 1.0}, {"retrieve": 20.0, "answer": 3.0}])
    assert lat.samples == 2
    assert lat.retrieve_p50 == 15.0 and lat.answer_p50 == 2.0 and lat.total_p50 == 17.0


def test_top1_from_an_original_and_the_anchored_split():
    results = retrieval_results()
    results[1]["passages"][0]["doc_id"] = "variant-003-2.txt"
    assert original_top1(QUESTIONS, results) == 0.5
    grades = grade_all(QUESTIONS, results)
    split = anchored_split(QUESTIONS, grades)
    assert (split.anchored_n, split.unanchored_n) == (1, 1)  # b names Helsingborg, a nothing
    assert names_anchor("Vilka kommuner ingår i MalmöLundregionen?")
    assert not names_anchor("Who is responsible for Söderåsbanan?")


def test_variants_replace_names_and_numbers_but_not_tags():
    variant = make_variant(1)
    text = '<td colspan="2">Familjen Helsingborg 2016-2019: 21 kr, Svalöv ansvarar.</td>'
    out = variant.apply(text)
    assert out.startswith('<td colspan="2">') and out.endswith("</td>")
    assert "Helsingborg" not in out and "Svalöv" not in out
    assert variant.names["Helsingborg"] in out and variant.names["Svalöv"] in out
    shift = variant.year_shift
    assert f"{2016 + shift}-{2019 + shift}" in out
    assert "21 kr" not in out
    assert variant.apply(text) == out  # deterministic
    assert make_variant(2).names != variant.names
    assert not set(variant.names.values()) & set(REPLACED_NAMES)


def test_scaled_corpus_keeps_the_originals_and_adds_variants(tmp_path: Path):
    seed = tmp_path / "seed"
    seed.mkdir()
    original = "# Verksamhetsplan Familjen Helsingborg 2016-2019\n\nAnsvarig: Svalöv, 21 kr.\n"
    (seed / "fh.txt").write_text(original, encoding="utf-8")
    (seed / "other.txt").write_text("Halmstad och Laholm, 2020.\n", encoding="utf-8")
    (seed / "catalog.toml").write_text(
        '["fh.txt"]\ntitle = "Familjen Helsingborg 2016-2019"\norganisations = ["Svalöv"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "scaled"
    assert write_scaled_corpus(seed, out, 3) == 6
    files = sorted(p.name for p in out.glob("*.txt"))
    assert files[:2] == ["fh.txt", "other.txt"]
    variants = [f for f in files if is_variant(f)]
    assert len(variants) == 4
    assert (out / "fh.txt").read_text(encoding="utf-8") == original
    for name in variants:
        text = (out / name).read_text(encoding="utf-8")
        assert not any(n in text for n in ("Helsingborg", "Svalöv", "Halmstad", "Laholm"))
    catalog = tomllib.loads((out / "catalog.toml").read_text(encoding="utf-8"))
    assert catalog["fh.txt"]["title"] == "Familjen Helsingborg 2016-2019"
    first = make_variant(1)
    entry = catalog["variant-001-1.txt"]
    assert entry["organisations"] == [first.names["Svalöv"]]
    assert first.names["Helsingborg"] in entry["title"]
    smaller = tmp_path / "smaller"
    write_scaled_corpus(seed, smaller, 2)
    for path in smaller.glob("*.txt"):  # a smaller scale is a subset of a larger one
        assert path.read_text(encoding="utf-8") == (out / path.name).read_text(encoding="utf-8")


def test_markdown_table():
    assert table(["a", "b"], [["1", "2"]]) == "| a | b |\n|---|---|\n| 1 | 2 |"
