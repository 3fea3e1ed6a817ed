"""Which questions an agreement's card answers, and which go to the passages (no index)."""

from __future__ import annotations

import pytest

from assistant.qa.question import analyse
from assistant.qa.shapes.areas import asks_areas
from assistant.qa.shapes.card import same_kind
from assistant.qa.shapes.members import asks_members
from assistant.qa.shapes.purpose import asks_purpose
from assistant.qa.shapes.validity import asks_validity
from ingest.overview.model import Card, Field


def _q(text: str):
    return analyse(text, frozenset(), {}, 1)


@pytest.mark.parametrize(
    ("asks", "question"),
    [
        (asks_members, "Vilka kommuner ingår i MalmöLundregionen?"),
        (asks_members, "Which municipalities are members of Nordostkommunerna?"),
        (
            asks_members,
            "Which municipalities besides Halmstad are in the Business Region cooperation?",
        ),
        (asks_validity, "Hur länge gäller samverkansavtalet?"),
        (asks_validity, "Från och med när gäller avtalet?"),
        (asks_validity, "Until when is the declaration of intent valid?"),
        (asks_validity, "Vilken avtalsperiod gäller för samverkansavtalet?"),
        (asks_validity, "När träder överenskommelsen i kraft?"),
        (asks_validity, "Har avtalet något slutdatum?"),
        (asks_validity, "Which years does the agreement cover?"),
        (asks_validity, "When does the agreement enter into force?"),
        (asks_validity, "Does the declaration of intent have an end date?"),
        (asks_purpose, "Vad är syftet med Upphandlingssamverkan Sörmlandskusten?"),
        (asks_areas, "Vilka samverkansområden pekar avsiktsförklaringen ut?"),
        (asks_areas, "What focus issues does MalmöLundregionen work on?"),
    ],
)
def test_questions_about_the_agreement(asks, question):
    assert asks(_q(question))


@pytest.mark.parametrize(
    ("asks", "question"),
    [
        (asks_members, "Vilka kommuner ingår inte i Älvdalsbygden?"),
        (asks_members, "Which municipalities are not part of the cooperation?"),
        (asks_members, "Vilka kommuner deltar i turismarbetet i Älvdalsbygden?"),
        (asks_members, "Which municipalities are in charge of tourism?"),
        (asks_members, "Which municipalities are behind schedule?"),
        (asks_members, "Vilka kommuner ingår i arbetsgruppen?"),
        (asks_members, "Vilka kommuner ingår och hur länge gäller avtalet?"),
        (asks_validity, "Hur länge gäller mandatet för styrgruppen?"),
        (asks_validity, "When does the first phase of the project end?"),
        (asks_validity, "Vilken uppsägningstid gäller för avtalet?"),
        (asks_validity, "When does the new law enter into force?"),
        (asks_validity, "Which years does the budget of the working group cover?"),
        (asks_purpose, "Vad är syftet med mötet i Älvdalsbygden?"),
        (asks_purpose, "Vad är syftet med styrgruppen?"),
        (asks_areas, "Vilka områden omfattas inte av avtalet?"),
        (asks_areas, "What areas are affected by flooding?"),
        (asks_areas, "Vilka områden i Älvdalsbygden har bredband?"),
    ],
)
def test_questions_about_something_else_go_to_the_passages(asks, question):
    assert not asks(_q(question))


def _card(kind: str) -> Card:
    return Card("d", "t", "h", kind=Field((kind,)))


def test_the_kind_asked_about_is_a_whole_word_and_the_first_named():
    assert same_kind(_q("Hur länge gäller avtalet?"), _card("samverkansavtal"))
    assert not same_kind(_q("Hur länge gäller samverkansavtalet?"), _card("verksamhetsplan"))
    # "planeringen" names no plan; "verksamhetsplanen enligt avtalet" asks about the plan
    assert same_kind(_q("Vad är syftet med planeringen?"), _card("samverkansavtal"))
    assert not same_kind(
        _q("Vad är syftet med verksamhetsplanen enligt avtalet?"), _card("samverkansavtal")
    )
