"""A document the method was not developed on: a markdown pipe table with other columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.service import Assistant
from ingest.build import build

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
    root: Path = tmp_path_factory.mktemp("sjobygden")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "handlingsplan.md").write_text(PLAN, encoding="utf-8")
    build(corpus, root / "index", embedder.model_id, 1_000_000, embedder=embedder)
    return Assistant(Settings(index_dir=root / "index"), embedder=embedder)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem ansvarar för pendlarparkeringen?", "Ansvarig: Söderby [1]"),
        ("Vem ansvarar för öppet wifi?", "Ansvarig: Norrby [1]"),
        ("Who is responsible for the new bus line?", "Responsible: Norrby [1]"),
        ("När ska fiber till alla byar vara klart?", "Klart senast: 2027 [1]"),
        ("Hur ofta sammanträder styrelsen?", "Fyra gånger per år"),
        ("När antogs planen?", "Den 12 mars 2024"),
    ],
)
def test_answers_from_a_new_document(sjobygden, question, expected):
    answer = sjobygden.ask(question)
    assert answer.found, question
    assert answer.text.startswith(expected), answer.text


def test_group_question_lists_each_row_of_the_group(sjobygden):
    answer = sjobygden.ask("Vem ansvarar för kollektivtrafiken?")
    assert answer.text == (
        "Ansvarig: Norrby [1] (för ”2.1 Ny busslinje mellan Norrby och Söderby”) "
        "och Söderby [2] (för ”2.2 Pendlarparkering vid Söderby station”)"
    )


def test_parties_and_absent_topics(sjobygden):
    parties = sjobygden.ask("Vilka kommuner ingår i Sjöbygdens samverkan?")
    assert "Norrby, Söderby och Västerås-Näs" in parties.text
    assert not sjobygden.ask("Vem ansvarar för simhallen?").found
