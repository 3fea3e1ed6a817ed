"""How many of something an agreement states, read from the sentence that counts it:
hand-made passages, no model, no index."""

from __future__ import annotations

import pytest

from assistant.qa.shapes.counts import asks_count, count_answer
from ingest.schema import Chunk, TableRow
from tests.qa_chunks import HandMade, answer_over

TITLE = "Förbundsordning för Kommunalförbundet Tolkcentralen Västmanland"
TEXTS = [
    "Förbundsordning för Kommunalförbundet Tolkcentralen Västmanland. Medlemmar är Region "
    "Västmanland, Västerås stad och Köpings kommun.",
    "§ 5 Direktion\nDirektionen består av 13 ledamöter och lika många ersättare. Västerås stad "
    "väljer två ledamöter till direktionen.",
    "§ 7 Revision\nFörbundet ska ha tre revisorer och tre ersättare.",
    "§ 9 Arbetsutskott\nArbetsutskottet består av fem ledamöter. Arbetsutskottet kan utökas "
    "till sju ledamöter.",
    "§ 11 Samråd\nVarje medlem utser två representanter till samrådsgruppen.",
    "§ 13 Beredning\nMedlemmarna utser tre ledamöter var till beredningen.",
    "§ 12 Kansli\nKansliet har tre tjänster. Kansliet har fyra tjänster från och med 2027.",
]
DOC = HandMade("tolk.md", TITLE, TEXTS)


def question(text: str):
    return DOC.question(text)


def answer(text: str):
    asked = DOC.question(text)
    assert asks_count(asked)
    return DOC.answer(count_answer, asked)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Hur många ledamöter har direktionen?", True),
        ("How many auditors does the federation have?", True),
        ("Hur många ledamöter har direktionen, och vem är ordförande?", False),  # two parts
        ("Hur många ledamöter har inte rösträtt?", False),  # negated
        ("How many members does the board have today?", False),  # now: not the text's
        ("Hur mycket kostar en tolktimme?", False),  # an amount, not a count of things
        ("Vem är ordförande i direktionen?", False),
    ],
)
def test_a_question_that_asks_only_how_many(text, asks):
    assert asks_count(question(text)) is asks


def test_the_count_is_read_from_the_sentence_that_counts_the_thing():
    reply = answer("Hur många ersättare har direktionen?")
    assert reply is None  # "lika många ersättare": no number
    reply = answer("Hur många ledamöter har direktionen?")
    assert reply is not None and reply.found
    assert reply.text.startswith("13 ledamöter – enligt")
    assert "Direktionen består av 13 ledamöter" in reply.citations[0].quote


def test_a_number_word_counts_and_a_section_number_does_not():
    # "§ 7 Revision" stands before the heading, not before a count of auditors
    reply = answer("How many auditors does Tolkcentralen Västmanland have?")
    assert reply is not None and reply.text.startswith("tre revisorer – according to")


def test_an_english_word_with_no_swedish_rendering_leaves_the_question_unanswered():
    # "federation" cannot be looked for in the documents: nothing confirms the sentence
    assert answer("How many auditors does the federation have?") is None


def test_a_count_of_one_municipality_does_not_answer_a_question_about_the_whole():
    # "Västerås stad väljer två ledamöter till direktionen" is Västerås' count, not the
    # direction's: the answer is the sentence about the whole
    reply = answer("Hur många ledamöter har direktionen?")
    assert reply is not None and reply.text.startswith("13 ledamöter")


def test_a_municipality_the_question_names_must_be_in_the_sentence():
    reply = answer("Hur många ledamöter väljer Västerås stad till direktionen?")
    assert reply is not None and reply.text.startswith("två ledamöter")
    # Köping's count is not stated; the direction's 13 members are not Köping's
    assert answer("Hur många ledamöter väljer Köpings kommun till direktionen?") is None


def test_a_count_that_may_change_leaves_the_question_unanswered():
    assert answer("Hur många ledamöter har arbetsutskottet?") is None


def test_two_counts_of_the_same_thing_leave_the_question_unanswered():
    assert answer("Hur många tjänster har kansliet?") is None


def test_a_count_for_each_member_does_not_answer_a_question_about_the_whole():
    assert answer("Hur många representanter har samrådsgruppen?") is None
    reply = answer("Hur många representanter utser varje medlem till samrådsgruppen?")
    assert reply is not None and reply.text.startswith("två representanter")


def test_a_thing_no_sentence_counts_is_not_answered():
    assert answer("Hur många tolkar har förbundet?") is None


def test_a_table_rows_count_is_its_items_whoever_is_responsible():
    row_text = "Mätetal: 2.3 Minst fem event per år. | Ansvarig: Västerås"
    row = Chunk(
        "r1",
        "tolk.md",
        TITLE,
        ("Varumärke",),
        row_text,
        2000,
        2000 + len(row_text),
        row=TableRow(1, 1, (("Mätetal", "2.3 Minst fem event per år."), ("Ansvarig", "Västerås"))),
    )
    doc = HandMade("tolk.md", TITLE, [*TEXTS, row_text])
    doc.chunks[-1] = row
    reply = doc.answer(count_answer, doc.question("Hur många event per år ska det vara?"))
    assert reply is not None and reply.text.startswith("Minst fem event – enligt")


def test_the_members_choosing_a_number_count_for_each_of_them():
    # "Medlemmarna utser tre ledamöter var": three each, not the committee's number
    assert answer("Hur många ledamöter har beredningen?") is None
    reply = answer("Hur många ledamöter utser medlemmarna var och en till beredningen?")
    assert reply is not None and reply.text.startswith("tre ledamöter")


@pytest.mark.parametrize(
    ("texts", "asked"),
    [
        # the count is of the body the sentence itself names, not of the one before
        (
            [
                "Styrelsen bereder ärenden till förbundsfullmäktige. "
                "Förbundsfullmäktige består av 21 ledamöter."
            ],
            "Hur många ledamöter har styrelsen?",
        ),
        # a count given to another group, a part of the group, a range, more on top
        (
            ["Styrgruppen utser två ledamöter till arbetsutskottet."],
            "Hur många ledamöter har styrgruppen?",
        ),
        (
            ["I styrgruppen ska en av ledamöterna vara vice ordförande."],
            "Hur många ledamöter har styrgruppen?",
        ),
        (["Styrgruppen består av 5–7 ledamöter."], "Hur många ledamöter har styrgruppen?"),
        (
            ["Vid behov adjungeras ytterligare två ledamöter till styrgruppen."],
            "Hur många ledamöter har styrgruppen?",
        ),
        (
            ["Styrgruppen ska ha högst 2 ledamöter per 10 000 invånare."],
            "Hur många ledamöter har styrgruppen?",
        ),
        # each municipality's count, said otherwise than "varje"
        (
            ["Samtliga medlemskommuner utser två ledamöter till styrgruppen."],
            "Hur många ledamöter har styrgruppen?",
        ),
        (
            ["Styrgruppen består av två ledamöter från var kommun."],
            "Hur många ledamöter har styrgruppen?",
        ),
        # asked about each, the whole's count in another clause is no answer
        (
            ["Varje kommun utser sina ledamöter själv och styrgruppen består av nio ledamöter."],
            "Hur många ledamöter utser varje kommun till styrgruppen?",
        ),
        # a condition, the past
        (
            ["Om fler kommuner ansluter sig utökas styrgruppen till nio ledamöter."],
            "Hur många ledamöter har styrgruppen?",
        ),
        (
            ["Styrgruppen bestod vid bildandet av sju ledamöter."],
            "Hur många ledamöter har styrgruppen?",
        ),
    ],
)
def test_a_count_of_something_else_than_what_is_asked_answers_nothing(texts, asked):
    assert answer_over(count_answer, texts, asked) is None


def test_a_question_about_the_past_is_not_answered_from_the_agreement():
    assert not asks_count(DOC.question("Hur många ledamöter fanns i direktionen?"))
