"""The message tables: the same codes in English and Swedish, every code in use is worded,
and problems survive pickling (the isolated parse) and the manifest (JSON)."""

from __future__ import annotations

import ast
import json
import pickle
import string
from pathlib import Path

import pytest

from ingest.messages import CodedError, Problem, message, size_text, table
from ingest.parse import UnreadableDocument
from ingest.schema import PageReading

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_WORDS = {"file", "the", "not", "of", "is", "and", "could", "read", "page"}


def placeholders(template: str) -> dict[str, str]:
    return {f: spec for _, f, spec, _ in string.Formatter().parse(template) if f}


def sample(spec: str) -> object:
    if spec == "size":
        return 7_800
    if spec == "pages":
        return [
            [{"code": "blank_page"}, 2],
            [{"code": "page_timed_out", "details": {"seconds": 5}}, 1],
        ]
    if spec == "problems":
        return [{"code": "page_no_text"}]
    return 1.5 if spec.endswith("f") else "x"


def test_both_tables_have_the_same_codes():
    english, swedish = table("en"), table("sv")
    assert set(swedish) - {c for c in swedish if c.endswith("_one")} == set(english)


@pytest.mark.parametrize("code", sorted(table("en")))
def test_swedish_uses_only_the_english_placeholders(code):
    swedish = table("sv").get(f"{code}_one", table("sv")[code])
    assert set(placeholders(table("sv")[code])) <= set(placeholders(table("en")[code]))
    assert set(placeholders(swedish)) <= set(placeholders(table("en")[code])) | {"count"}


@pytest.mark.parametrize("code", sorted(table("en")))
def test_every_message_renders_in_both_languages(code):
    details = {name: sample(spec) for name, spec in placeholders(table("en")[code]).items()}
    english, swedish = message(code, "en", **details), message(code, "sv", **details)
    assert "{" not in english and "{" not in swedish
    if not code.startswith("size_"):
        assert not ENGLISH_WORDS & set(swedish.lower().split()), swedish


def codes_in_the_code() -> set[str]:
    """String literals passed as the code of a Problem or an error, and the *_MISSING etc.
    constants that name codes, across ingest and assistant."""
    found: set[str] = set()
    names = {"Problem", "UnreadableDocument", "Refused", "IndexNotLoaded", "AdminConfigError"}
    for path in [*ROOT.glob("ingest/**/*.py"), *ROOT.glob("assistant/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_code_in_the_code_is_worded():
    assert codes_in_the_code() - set(table("en")) == set()


def test_english_wording_is_the_summary_and_swedish_the_admin_tab():
    problem = Problem("file_too_large", {"size": 150_000, "limit": 100_000})
    assert str(problem) == "file too large (150.0 kB; the limit is 100.0 kB)"
    assert problem.text("sv") == "för stor fil (150,0 kB; gränsen är 100,0 kB)"
    pages = [[{"code": "blank_page"}, 1], [{"code": "page_no_text"}, 2]]
    assert message("pdf_no_text_read", "sv", pages=pages) == (
        "PDF-filen saknar textlager och OCR hittade ingen läsbar text "
        "(tom sida: 1 sida; ingen text hittades: 2 sidor)"
    )
    assert size_text(12, "en") == "12 bytes" and size_text(12, "sv") == "12 byte"


def test_an_unknown_code_is_a_reason_stored_by_an_older_index():
    old = Problem.from_dict({"file": "a.pdf", "reason": "damaged PDF (EOF)"})
    assert old.text("sv") == "damaged PDF (EOF)" == str(old)


def test_an_older_index_s_words_without_details_are_found_in_the_table():
    assert Problem.from_dict({"file": "a.txt", "reason": "no text found"}).text("sv") == (
        "ingen text hittades i filen"
    )
    page = PageReading(2, None, "no text found")  # as an older index stored it
    assert page.stored_problem().text("sv") == "ingen text hittades"
    assert PageReading(1, None, "blank page").stored_problem() == Problem("blank_page")


def test_errors_keep_their_code_and_details_through_pickle_and_json():
    error = UnreadableDocument("too_many_pages", pages=4, limit=3)
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, UnreadableDocument) and isinstance(again, CodedError)
    assert again.problem == error.problem and str(again) == str(error)
    stored = json.loads(json.dumps(error.problem.to_dict()))
    assert Problem.from_dict(stored) == error.problem
