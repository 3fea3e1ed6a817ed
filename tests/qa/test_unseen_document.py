"""A document the method was not developed on: a markdown pipe table with other columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.service import Assistant
from ingest.build import build


def _assistant_over(root: Path, name: str, text: str, embedder) -> Assistant:
    """An assistant over a corpus of one document, indexed with the real model."""
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / name).write_text(text, encoding="utf-8")
    build(corpus, root / "index", embedder.model_id, 1_000_000, embedder=embedder)
    return Assistant(Settings(index_dir=root / "index"), embedder=embedder)


PLAN = """# Handlingsplan för Sjöbygdens samverkan 2024-2027

## 1. Inledning

Sjöbygdens samverkan är ett samarbete mellan kommunerna Norrby, Söderby och Västerås-Näs. \
Planen antogs av styrelsen den 12 mars 2024.

## 2. Insatser

| Område | Åtgärd | Ansvarig | Klart senast |
|---|---|---|---|
| Kollektivtrafik | 2.1 Ny busslinje mellan Norrby och Söderby | Norrby | 2025 |
| | 2.2 Pendlarparkering vid Söderby station | Söderby | 2026 |
| Bredband | 2.3 Fiber till alla byar 2.4 Öppet wifi i centrum | Västerås-Näs Norrby | 2027 |

## 3. Ekonomi

Samarbetet finansieras med 15 kr per invånare och år. Styrelsen sammanträder fyra gånger per år.
"""


@pytest.fixture(scope="module")
def sjobygden(tmp_path_factory, embedder) -> Assistant:
    return _assistant_over(tmp_path_factory.mktemp("sjobygden"), "handlingsplan.md", PLAN, embedder)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem ansvarar för pendlarparkeringen?", "Ansvarig: Söderby [1]"),
        ("Vem ansvarar för öppet wifi?", "Ansvarig: Norrby [1]"),
        ("Who is responsible for the new bus line?", "Responsible: Norrby [1]"),
        ("När ska fiber till alla byar vara klart?", "2027"),
        ("Hur ofta sammanträder styrelsen?", "fyra gånger per år"),
        ("När antogs planen?", "12 mars 2024"),
    ],
)
def test_answers_from_a_new_document(sjobygden, question, expected):
    answer = sjobygden.ask(question)
    assert answer.found, question
    assert expected in answer.text, answer.text
    assert len(answer.text) <= 600
    for citation in answer.citations:  # every quote verbatim from its passage
        assert citation.quote in citation.chunk.text


def test_parties_and_absent_topics(sjobygden):
    parties = sjobygden.ask("Vilka kommuner ingår i Sjöbygdens samverkan?")
    assert "Norrby, Söderby och Västerås-Näs" in parties.text
    assert not sjobygden.ask("Vem ansvarar för simhallen?").found


COAST = """# Avsiktsförklaring om Sörmlands kustsamverkan

Sörmlands kustsamverkan är ett samarbete mellan kommunerna Nyköping, Oxelösund och Trosa.
Avsiktsförklaringen gäller från och med den 1 mars 2025 till och med den 31 december 2027.

## Syfte

Syftet med samverkan är att skydda kusten mot erosion och översvämning.
Dessa samverkansområden är kusterosion, översvämningsskydd samt naturturism.

## Arbetsgrupp

Arbetsgruppen för kustfrågor leds av Nyköpings kommun och har en ledamot per kommun.

## Ekonomi

Kostnaderna delas lika mellan parterna.
"""


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Vilka kommuner ingår i Sörmlands kustsamverkan?", "Nyköping, Oxelösund och Trosa"),
        ("Which municipalities are members of Sörmlands kustsamverkan?", "Oxelösund and Trosa"),
    ],
)
def test_who_takes_part_is_answered_from_the_card(tmp_path, embedder, question, lead):
    coast = _assistant_over(tmp_path, "avsiktsforklaring.md", COAST, embedder)
    answer = coast.ask(question)
    assert answer.found, question
    assert answer.text.splitlines()[0].endswith(lead), answer.text
    citation = answer.citations[0]
    assert citation.quote in citation.chunk.text and "Oxelösund" in citation.quote


def test_how_long_the_agreement_is_valid_is_answered_from_the_card(tmp_path, embedder):
    coast = _assistant_over(tmp_path, "avsiktsforklaring.md", COAST, embedder)
    for question in (
        "Hur länge gäller avsiktsförklaringen om Sörmlands kustsamverkan?",
        "Until when is the declaration of intent on Sörmlands kustsamverkan valid?",
    ):
        answer = coast.ask(question)
        assert answer.found and "till och med den 31 december 2027" in answer.text, question
        assert answer.text.startswith(("Enligt ”Avsiktsförklaring", "According to ”Avsikts"))
        citation = answer.citations[0]
        assert citation.quote in citation.chunk.text
    # a question about another kind of document than the one the card is of: not its period
    other = coast.ask("När löper samverkansavtalet för Sörmlands kustsamverkan ut?")
    assert not other.text.startswith("Enligt")


def test_what_the_agreement_is_for_is_answered_from_the_card(tmp_path, embedder):
    coast = _assistant_over(tmp_path, "avsiktsforklaring.md", COAST, embedder)
    for question, lead in (
        ("Vad är syftet med Sörmlands kustsamverkan?", "Syftet enligt"),
        ("What is the purpose of Sörmlands kustsamverkan?", "The purpose according to"),
    ):
        answer = coast.ask(question)
        assert answer.found and answer.text.startswith(lead), answer.text
        assert "skydda kusten mot erosion" in answer.text
        assert answer.citations[0].quote in answer.citations[0].chunk.text


def test_the_areas_a_document_lists_are_answered_from_the_card(tmp_path, embedder):
    (tmp_path / "coast").mkdir()
    (tmp_path / "plan").mkdir()
    coast = _assistant_over(tmp_path / "coast", "avsiktsforklaring.md", COAST, embedder)
    answer = coast.ask("Vilka samverkansområden pekar avsiktsförklaringen för Sörmlands ut?")
    assert answer.text.startswith("Områden i ”Avsiktsförklaring om Sörmlands kustsamverkan”: ")
    assert "kusterosion, översvämningsskydd och naturturism\n”" in answer.text
    # areas read from numbered headings are no answer: headings also say "Bakgrund"
    plan = _assistant_over(tmp_path / "plan", "plan.md", PLAN, embedder)
    assert not plan.ask("Vilka områden tar Sjöbygdens handlingsplan upp?").text.startswith(
        "Områden i"
    )


def test_a_body_within_the_agreement_is_not_asked_from_the_card():
    from assistant.qa.question import analyse
    from assistant.qa.shapes.members import asks_members

    def asks(text: str) -> bool:
        return asks_members(analyse(text, frozenset(), {}, 1))

    assert asks("Vilka kommuner står bakom Kustsamverkan Sydöstra Skåne?")
    assert asks("Which parties are part of the Sjuhärad intent declaration?")
    assert not asks("Vilka kommuner ingår i arbetsgruppen för kollektivtrafik?")
    assert not asks("Which municipalities have already signed the agreement?")
    assert not asks("Vilka kommuner ansvarar för bredbandet?")

    from assistant.qa.shapes.validity import asks_validity

    def validity(text: str) -> bool:
        return asks_validity(analyse(text, frozenset(), {}, 1))

    assert validity("När löper samverkansavtalet om upphandling i Sörmlandskusten ut?")
    assert validity("From which date does the agreement apply?")
    assert not validity("Vilken uppsägningstid gäller för avtalet?")
    assert not validity("Hur många år löper samverkansöverenskommelsen?")


def test_an_item_number_is_asked_as_one(sjobygden):
    """2.2 is asked for: answered from row 2.2; 4.2 and 2.5 are not in the plan, and rows
    2.1-2.4 (which hold a 2 and a 4, or a 2) do not answer them."""
    answer = sjobygden.ask("Vem ansvarar för åtgärd 2.2?")
    assert answer.found and "Söderby [1]" in answer.text, answer.text
    assert "2.2 Pendlarparkering" in answer.citations[0].quote
    for missing in ("Vem ansvarar för åtgärd 4.2?", "Who is responsible for measure 2.5?"):
        assert not sjobygden.ask(missing).found, missing


DECLARATION = """Avsiktsförklaring om samverkan i Älvdalsbygden 2025-2028


1 Bakgrund

Kommunerna längs älven har samarbetat i flera år i frågor om näringsliv och turism.


2 Parter

Parter i denna avsiktsförklaring är:

Forsby kommun
Ekeryds kommun
Lidbo stad
Högskolan i Lidbo


3 Samverkansområden

Parterna är överens om att samverka inom följande områden:

- Turism och friluftsliv längs älven
- Kompetensförsörjning inom vård och omsorg
- Gemensam räddningstjänst

3.1 Turism

Forsby kommun samordnar arbetet med en gemensam vandringsled.

3.2 Räddningstjänst

Lidbo stad utreder en gemensam räddningsnämnd.


4 Organisation

Samverkan leds av en styrgrupp med kommunstyrelsernas ordförande och rektor för Högskolan i Lidbo.
Styrgruppen träffas fyra gånger per år.


5 Ekonomi

Denna avsiktsförklaring innebär inga ekonomiska åtaganden för parterna.


6 Insatser

| Insats | Ansvarig | Tidplan |
|---|---|---|
| Gemensam vandringsled längs älven, skyltad efter 2027 | Forsby kommun | Senast 31 maj 2026 |
| Utredning om gemensam räddningsnämnd | Lidbo stad | Senast 31 december 2025 |


7 Fokusfrågor

Kommunerna planerar en ny simhall i Forsby. Denna avsiktsförklaring gäller från 2025 till 2028.

| Fokusfråga | Beskrivning |
|---|---|
| Hållbar turism (Miljö, Klimat) | Arbetet med hållbar turism längs älven fortsätter. |
| Ny cykelväg längs älven (Forsby, Ekeryd) | En cykelväg mellan orterna planeras. |
"""


@pytest.fixture(scope="module")
def alvdalen(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("alvdalen")
    return _assistant_over(root, "avsiktsforklaring.txt", DECLARATION, embedder)


def test_numbered_plain_headings_are_siblings(alvdalen):
    chunks = alvdalen.document_chunks("avsiktsforklaring.txt")
    organisation = next(c for c in chunks if "styrgrupp" in c.text)
    assert organisation.heading_path == ("4 Organisation",)


def test_a_passage_matching_only_the_document_name_is_no_answer(alvdalen):
    answer = alvdalen.ask("Vilka idrottsföreningar nämns i avsiktsförklaringen för Älvdalsbygden?")
    assert not answer.found


def test_a_sentence_is_not_joined_to_an_unrelated_one_before_it(alvdalen):
    # "Denna avsiktsförklaring gäller från 2025" says nothing about the swimming hall
    assert not alvdalen.ask("När byggs simhallen i Forsby?").found
