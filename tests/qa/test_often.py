"""How often something happens, read from the sentence that states it: hand-made passages,
no model, no index."""

from __future__ import annotations

import pytest

from assistant.qa.shapes.often import asks_often, often_answer
from tests.qa_chunks import HandMade, answer_over

TITLE = "Avsiktsförklaring om kustsamverkan i Sydöstra Skåne"
TEXTS = [
    "Avsiktsförklaring om kustsamverkan i Sydöstra Skåne mellan Ystads kommun, Simrishamns "
    "kommun och Skurups kommun.",
    "Styrgruppen sammanträder fyra gånger per år. Ordförande är samhällsbyggnadschefen i Ystad.",
    "Arbetsgruppen träffas varje månad och kan sammanträda oftare vid behov.",
    "Referensgruppen träffas med en företrädare från varje kommun.",
    "Stränderna mäts med drönare två gånger per år. Dynerna mäts varje år.",
    "Kustrådet sammanträder kvartalsvis.",
]
DOC = HandMade("kust.txt", TITLE, TEXTS)


def question(text: str):
    return DOC.question(text)


def answer(text: str):
    asked = DOC.question(text)
    assert asks_often(asked)
    return DOC.answer(often_answer, asked)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Hur ofta sammanträder styrgruppen?", True),
        ("How often does the steering group meet?", True),
        ("Hur ofta sammanträder styrgruppen, och vem är ordförande?", False),  # two parts
        ("Hur ofta sammanträder inte styrgruppen?", False),  # negated
        ("När sammanträder styrgruppen?", False),  # a date, not how often
    ],
)
def test_a_question_that_asks_only_how_often(text, asks):
    assert asks_often(question(text)) is asks


def test_the_frequency_is_read_from_the_sentence_about_the_body_asked():
    reply = answer("Hur ofta sammanträder styrgruppen?")
    assert reply is not None and reply.found
    assert reply.text.startswith("fyra gånger per år – enligt")
    assert "Styrgruppen sammanträder fyra gånger per år." in reply.citations[0].quote
    assert answer("Hur ofta sammanträder kustrådet?").text.startswith("kvartalsvis")


def test_a_frequency_that_may_change_leaves_the_question_unanswered():
    # "kan sammanträda oftare vid behov": the month is not all the agreement says
    assert answer("Hur ofta träffas arbetsgruppen?") is None


def test_each_municipality_is_no_frequency():
    assert answer("Hur ofta träffas referensgruppen?") is None


def test_two_frequencies_for_what_is_asked_leave_it_unanswered():
    # the beaches twice a year, the dunes every year: "mäts" alone does not tell which
    assert answer("Hur ofta mäts det med drönare?").text.startswith("två gånger per år")
    assert answer("Hur ofta mäts det?") is None


def test_a_body_no_sentence_states_a_frequency_for_is_not_answered():
    assert answer("Hur ofta sammanträder direktionen?") is None


@pytest.mark.parametrize(
    ("texts", "asked"),
    [
        # the frequency of the group a relative clause hangs on, not of the one asked
        (
            ["Styrgruppen rapporterar till ledningsgruppen, som sammanträder fyra gånger per år."],
            "Hur ofta sammanträder styrgruppen?",
        ),
        # another group's frequency in the same sentence
        (
            ["Styrgruppen sammanträder varje kvartal; arbetsgruppen sammanträder efter behov."],
            "Hur ofta sammanträder arbetsgruppen?",
        ),
        # the frequency of something else the same group does
        (
            ["Styrgruppen sammanträder minst en gång per år och följer upp handlingsplanen."],
            "Hur ofta följer styrgruppen upp handlingsplanen?",
        ),
        # a condition, a first year
        (
            ["Om en part begär det sammanträder styrgruppen varje månad."],
            "Hur ofta sammanträder styrgruppen?",
        ),
        (
            ["Under det första året sammanträder styrgruppen varje månad."],
            "Hur ofta sammanträder styrgruppen?",
        ),
    ],
)
def test_a_frequency_of_something_else_than_what_is_asked_answers_nothing(texts, asked):
    assert answer_over(often_answer, texts, asked) is None


def test_a_frequency_the_answer_patterns_do_not_read_still_counts_as_one():
    texts = ["Handlingsplanen revideras vart fjärde år och följs upp varje år."]
    reply = answer_over(often_answer, texts, "Hur ofta revideras handlingsplanen?")
    assert reply is not None and reply.text.startswith("vart fjärde år")
    reply = answer_over(often_answer, texts, "Hur ofta följs handlingsplanen upp?")
    assert reply is not None and reply.text.startswith("varje år")
