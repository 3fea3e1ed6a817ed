"""When something happens, read from the sentence that states it: hand-made passages, no
model, no index."""

from __future__ import annotations

import pytest

from assistant.qa.shapes.dates import asks_date, date_answer
from tests.qa_chunks import HandMade, answer_over

TITLE = "Avsiktsförklaring om kustsamverkan i Sydöstra Skåne"
TEXTS = [
    "Avsiktsförklaring om kustsamverkan i Sydöstra Skåne mellan Ystads kommun, Simrishamns "
    "kommun och Skurups kommun.",
    "Kustlinjeanalysen ska vara klar senast den 30 september 2026.",
    "Samarbetet ska utvärderas under 2027.",
    "Strategin för strandfodring kan tas fram under 2026 om medel finns.",
    "Rapporten lämnas till styrgruppen i mars 2026.",
    "Rapporten lämnas även till kommunstyrelserna i april 2026.",
    "Avtalet gäller från och med den 1 januari 2025 till och med den 31 december 2027.",
]
DOC = HandMade("kust.txt", TITLE, TEXTS)


def question(text: str):
    return DOC.question(text)


def answer(text: str):
    asked = DOC.question(text)
    assert asks_date(asked)
    return DOC.answer(date_answer, asked)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("När ska kustlinjeanalysen vara klar?", True),
        ("By when must the coastline analysis be ready?", True),
        ("När ska analysen vara klar, och vem gör den?", False),  # two parts
        ("Hur länge gäller avtalet?", False),  # the card answers how long it is valid
        ("Hur ofta utvärderas samarbetet?", False),  # how often, not when
    ],
)
def test_a_question_that_asks_only_when(text, asks):
    assert asks_date(question(text)) is asks


def test_the_date_is_read_from_the_sentence_about_what_is_asked():
    reply = answer("När ska kustlinjeanalysen vara klar?")
    assert reply is not None and reply.found
    assert reply.text.startswith("senast den 30 september 2026 – enligt")
    assert "Kustlinjeanalysen ska vara klar senast" in reply.citations[0].quote
    assert answer("När ska samarbetet utvärderas?").text.startswith("under 2027")


def test_a_question_for_a_day_is_not_answered_by_a_year():
    assert answer("Vilket datum ska samarbetet utvärderas?") is None


def test_a_date_that_may_be_leaves_the_question_unanswered():
    assert answer("När tas strategin för strandfodring fram?") is None


def test_two_dates_for_what_is_asked_leave_it_unanswered():
    assert answer("När lämnas rapporten?") is None
    reply = answer("När lämnas rapporten till styrgruppen?")
    assert reply is not None and reply.text.startswith("mars 2026")


def test_a_date_the_question_gives_itself_answers_nothing():
    assert answer("När under 2027 ska samarbetet utvärderas?") is None


@pytest.mark.parametrize(
    ("texts", "asked"),
    [
        # the date of another event the sentence names
        (
            ["Kustlinjeanalysen ska vara klar innan arbetet med strategin startar i januari 2026."],
            "När ska kustlinjeanalysen vara klar?",
        ),
        (
            ["Styrgruppen följer upp kustlinjeanalysen, som ska vara klar 2026."],
            "När följer styrgruppen upp kustlinjeanalysen?",
        ),
        # a negated, a lower-bound and an estimated date
        (["Ingen utvärdering sker före 2027."], "När sker utvärderingen?"),
        (["Utvärderingen sker tidigast 2027."], "När sker utvärderingen?"),
        (
            ["Kustlinjeanalysen beräknas vara klar under 2026."],
            "När ska kustlinjeanalysen vara klar?",
        ),
        # a law's or a guide's number is no year; "från 2019" says which analysis, not when
        (
            ["Kustlinjeanalysen tas fram enligt plan- och bygglagen (2010:900)."],
            "När tas kustlinjeanalysen fram?",
        ),
        (["Kustlinjeanalysen från 2019 ska uppdateras."], "När ska kustlinjeanalysen uppdateras?"),
    ],
)
def test_a_date_of_something_else_than_what_is_asked_answers_nothing(texts, asked):
    assert answer_over(date_answer, texts, asked) is None


def test_a_start_answers_a_question_about_since_when():
    texts = ["Samverkan i kustrådet gäller från 2019."]
    reply = answer_over(date_answer, texts, "Sedan när gäller samverkan i kustrådet?")
    assert reply is not None and reply.text.startswith("från 2019")
