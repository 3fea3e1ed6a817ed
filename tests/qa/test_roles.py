"""Who holds a role (chair, host, convener), read from the sentence that states it: hand-made
passages, no model, no index."""

from __future__ import annotations

import pytest

from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.roles import asked_role, role_answer
from ingest.lexical import build_vocabulary, tokenize
from ingest.schema import Chunk
from tests.qa_chunks import question_over

TITLE = "Samverkansavtal om upphandling i Sörmlandskusten"
TEXTS = [
    "Samverkansavtal om upphandling i Sörmlandskusten. Parter är Nyköpings kommun, Trosa "
    "kommun och Oxelösunds kommun.",
    "Styrgruppen leds av ekonomichefen i Nyköpings kommun. Vice ordförande i styrgruppen är "
    "Trosa kommun.",
    "Arbetsgruppen sammankallas av Oxelösunds kommun och träffas en gång per månad.",
    "Nyköpings kommun är värdkommun för samverkan, som handlar upp varor och tjänster åt "
    "Nyköpings, Trosa och Oxelösunds kommuner.",
]
CHUNKS = [
    Chunk(f"c{i}", "avtal.txt", TITLE, (), text, i * 200, i * 200 + len(text))
    for i, text in enumerate(TEXTS)
]
VOCABULARY = build_vocabulary(TEXTS)


def tokens(text: str) -> frozenset[str]:
    return frozenset(tokenize(text, VOCABULARY))


def question(text: str):
    return question_over(text, CHUNKS, VOCABULARY)


def answer(text: str):
    asked = question(text)
    role = asked_role(asked)
    assert role is not None
    context = tokens(f"{TITLE} {TEXTS[0]}")
    return role_answer(asked, role, Agreement("avtal.txt", TITLE, CHUNKS, tokens, context), [])


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Vem är ordförande i styrgruppen?", "chair"),
        ("Vem leder styrgruppen?", "chair"),
        ("Who is the vice chair of the steering group?", "vice_chair"),
        ("Which municipality hosts the cooperation?", "host"),
        ("Vilken kommun är värdkommun?", "host"),
        ("Who convenes the working group?", "convener"),
        ("Who is the current chair of the steering group?", None),  # a person, now
        ("Vem är inte ordförande i styrgruppen?", None),
        ("Hur ofta träffas styrgruppen?", None),  # not a who-question
    ],
)
def test_the_role_a_question_asks_about(text, role):
    found = asked_role(question(text))
    assert (found.name if found else None) == role


def test_the_chair_of_a_body_is_the_party_its_sentence_names():
    reply = answer("Vem är ordförande i styrgruppen?")
    assert reply is not None and reply.found
    assert reply.text.startswith("Nyköping – enligt")
    assert "Styrgruppen leds av ekonomichefen i Nyköpings kommun." in reply.citations[0].quote


def test_a_vice_chair_is_not_the_chair_and_the_other_way_round():
    reply = answer("Who is the vice chair of the steering group?")
    assert reply is not None and reply.text.startswith("Trosa – according to")


def test_the_convener_is_read_from_the_body_asked_about():
    reply = answer("Vem sammankallar arbetsgruppen?")
    assert reply is not None and reply.text.startswith("Oxelösund")
    # no sentence says who chairs the working group: no answer, rather than the steering
    # group's chair
    assert answer("Vem är ordförande i arbetsgruppen?") is None


def test_the_host_is_the_party_named_nearest_the_role():
    """The sentence names three municipalities; the host is the one before 'värdkommun'."""
    reply = answer("Vilken kommun är värdkommun för samverkan?")
    assert reply is not None and reply.text.startswith("Nyköping")


def test_a_person_holding_the_role_leads_the_answer_with_the_party():
    text = "Ordförande i styrelsen är Katarina Jonsson (m), Skövde kommun."
    chunk = Chunk("p1", "om.txt", "Om förbundet", (), text, 0, len(text))
    asked = question("Who chairs the board?")
    role = asked_role(asked)
    assert role is not None
    reply = role_answer(
        asked, role, Agreement("om.txt", "Om förbundet", [chunk], tokens, frozenset()), []
    )
    assert reply is not None
    assert reply.text.startswith("Katarina Jonsson (m), Skövde kommun – according to")


def test_a_sentence_about_another_body_does_not_answer_for_the_one_named_before_it():
    text = (
        "Arbetsgrupperna tar fram underlag. Kommunstyrelsernas ordförande bildar en "
        "referensgrupp som leds av Ystads kommun."
    )
    chunk = Chunk("k1", "kust.txt", "Kustsamverkan", (), text, 0, len(text))
    asked = question("Vem leder arbetsgrupperna?")
    role = asked_role(asked)
    assert role is not None
    reply = role_answer(
        asked, role, Agreement("kust.txt", "Kustsamverkan", [chunk], tokens, frozenset()), []
    )
    assert reply is None
    # the same sentence answers for the body it names
    asked = question("Vem leder referensgruppen?")
    reply = role_answer(
        asked, role, Agreement("kust.txt", "Kustsamverkan", [chunk], tokens, frozenset()), []
    )
    assert reply is not None and reply.text.startswith("Ystad")


def one_passage(text: str, title: str = "Avtal") -> list[Chunk]:
    return [Chunk("x1", "x.txt", title, (), text, 0, len(text))]


def answer_from(text: str, asked_text: str, title: str = "Avtal"):
    asked = question(asked_text)
    role = asked_role(asked)
    assert role is not None
    return role_answer(
        asked, role, Agreement("x.txt", title, one_passage(text, title), tokens, frozenset()), []
    )


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # the body is the subject of "leder"; the parties are its members
        (
            "Styrgruppen leder arbetet och består av Ystads kommun och Trosa kommun.",
            "Vem leder styrgruppen?",
        ),
        # "leder till" is not leading
        ("Styrgruppens arbete leder till att Ystads kommun får stöd.", "Vem leder styrgruppen?"),
        # another body's chair, one of a list
        (
            "Styrgruppen består av kommunstyrelsens ordförande i Ystads kommun, Trosa kommun "
            "och Nyköpings kommun.",
            "Vem är ordförande i styrgruppen?",
        ),
        # a chair in turns names no one holder
        (
            "Ordförandeskapet i styrgruppen roterar mellan Trosa kommun och Nyköpings kommun.",
            "Vem är ordförande i styrgruppen?",
        ),
        # asked what the host does, not who it is
        ("Värdkommunen fakturerar Trosa kommun varje kvartal.", "Vem fakturerar värdkommunen?"),
    ],
)
def test_sentences_that_do_not_say_who_holds_the_role_give_no_answer(text, asked):
    assert answer_from(text, asked) is None


def test_one_unclear_sentence_about_the_role_leaves_the_question_unanswered():
    text = (
        "Styrgruppen leds av Ystads kommun. Ordförandeskapet i styrgruppen delas av "
        "Trosa kommun och Nyköpings kommun under 2026."
    )
    assert answer_from(text, "Vem är ordförande i styrgruppen?") is None


@pytest.mark.parametrize(
    "text",
    [
        "Who convenes the working group and when does it meet?",
        "Vem leder styrgruppen nu?",
        "Who was previously the chair of the board?",
    ],
)
def test_two_part_present_and_past_questions_are_not_read_from_a_role_sentence(text):
    assert asked_role(question(text)) is None


def test_the_quoted_sentence_stays_in_the_answer_beside_a_long_lead():
    filler = " ".join(f"Mening {i} handlar om annat än styrgruppen." for i in range(8))
    text = f"{filler} Styrgruppen leds av Ystads kommun. {filler}"
    title = "Avsiktsförklaring om samverkan kring kusterosion och klimatanpassning " * 3
    reply = answer_from(text, "Vem leder styrgruppen?", title.strip())
    assert reply is not None and len(reply.text) <= 600
    assert "Styrgruppen leds av Ystads kommun." in reply.citations[0].quote


@pytest.mark.parametrize(
    ("text", "asked", "expected"),
    [
        (
            "Ystads kommun är värdkommun och ordförande i styrgruppen är kommundirektören i "
            "Trosa kommun.",
            "Vem är ordförande i styrgruppen?",
            "Trosa",
        ),
        (
            "Styrgruppen, där Ystads kommun ingår, leds av en extern ordförande.",
            "Vem leder styrgruppen?",
            None,
        ),
        (
            "Styrgruppen sammanträder i Ystads kommun och leds av en ordförande som utses årligen.",
            "Vem leder styrgruppen?",
            None,
        ),
        (
            "Ordförande i styrgruppen utses av Ystads kommun.",
            "Vem är ordförande i styrgruppen?",
            None,
        ),
        (
            "Ordförande i styrgruppen har utslagsröst och kan adjungera representanter från "
            "Ystads kommun.",
            "Vem är ordförande i styrgruppen?",
            None,
        ),
        (
            "Värdkommunen ska rapportera till Trosa kommun.",
            "Which municipality hosts the cooperation?",
            None,
        ),
        (
            "Sekretariatet för styrgruppen finansieras av Trosa kommun.",
            "Vem står för sekretariatet?",
            None,
        ),
        (
            "Trosa kommun leder styrgruppen tillsammans med Ystads kommun.",
            "Vem leder styrgruppen?",
            None,
        ),
        (
            "Ordförande i styrgruppen är Ystads kommun och vice ordförande Simrishamns kommun.",
            "Vem är ordförande i Ystads styrgrupp?",
            None,
        ),
        ("Trosa kommun var tidigare värdkommun.", "Vilken kommun är värdkommun?", None),
        (
            "Trosa kommun kan bli värdkommun om styrgruppen beslutar det.",
            "Vilken kommun är värdkommun?",
            None,
        ),
        (
            "Kommunstyrelsens ordförande i Ystads kommun är ledamot i styrgruppen.",
            "Vem är ordförande i styrgruppen?",
            None,
        ),
        (
            "Ordförande i styrgruppen är Ystads kommun, som inte samtidigt kan vara värdkommun. "
            "Styrgruppen sammanträder i Trosa kommun och leds av en ordförande med utslagsröst.",
            "Vem är ordförande i styrgruppen?",
            None,
        ),
        (
            "Åmåls kommun är sedan den 1 januari 2021 värdkommun för enheten.",
            "Vilken kommun är värdkommun?",
            "Åmål",
        ),
        (
            "Härnösands kommun, värdkommun",
            "Which municipality is the host municipality?",
            "Härnösand",
        ),
        (
            "Gruppen sammankallas av Åre kommun och möts sex gånger per år.",
            "Vem sammankallar gruppen?",
            "Åre",
        ),
    ],
)
def test_only_the_wording_that_links_a_party_to_the_role_answers(text, asked, expected):
    """The nearest party is not enough: the words between it and the role must say so."""
    reply = answer_from(text, asked)
    if expected is None:
        assert reply is None
    else:
        assert reply is not None and reply.text.startswith(expected)
