"""Who holds a role (chair, host, convener), read from the sentence that states it: hand-made
passages, no model, no index."""

from __future__ import annotations

import pytest

from assistant.qa.question import analyse
from assistant.qa.shapes.roles import asked_role, role_answer
from ingest.lexical import build_vocabulary, tokenize
from ingest.schema import Chunk

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
    df: dict[str, int] = {}
    for chunk in CHUNKS:
        for token in set(tokenize(chunk.text, VOCABULARY)):
            df[token] = df.get(token, 0) + 1
    return analyse(text, VOCABULARY, df, len(CHUNKS))


def answer(text: str):
    asked = question(text)
    role = asked_role(asked)
    assert role is not None
    context = tokens(f"{TITLE} {TEXTS[0]}")
    return role_answer(asked, role, "avtal.txt", TITLE, CHUNKS, [], tokens, context)


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
    reply = role_answer(asked, role, "om.txt", "Om förbundet", [chunk], [], tokens, frozenset())
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
    reply = role_answer(asked, role, "kust.txt", "Kustsamverkan", [chunk], [], tokens, frozenset())
    assert reply is None
    # the same sentence answers for the body it names
    asked = question("Vem leder referensgruppen?")
    reply = role_answer(asked, role, "kust.txt", "Kustsamverkan", [chunk], [], tokens, frozenset())
    assert reply is not None and reply.text.startswith("Ystad")
