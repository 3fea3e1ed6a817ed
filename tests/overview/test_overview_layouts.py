"""Layouts of agreements that the cards and the register read: separate Huvudansvar and
Medansvar columns, a number column, parties after a label or an opening or one a line, and
validity sentences that give the start and the end apart. Each on a document written for the
test, with what must not be read from it."""

from __future__ import annotations

from ingest.discover import discover, parse_file
from ingest.overview.derive import card_of


def _card(tmp_path, text: str, name: str = "doc.md"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    files, _ = discover(tmp_path, 1_000_000)
    return card_of(parse_file(files[0], {}))


PLAN = """# Verksamhetsplan 2025-2027 för Höglandssamverkan

## Åtgärder

| Nr | Åtgärd | Huvudansvar | Medansvar | Klart |
|---|---|---|---|---|
| 3.1 | Införa en gemensam etableringslots. | Vetlanda | Eksjö, Tranås | 31 mars 2026 |
| 3.2 | Mäta företagsklimatet vartannat år. | Sävsjö | Aneby | 2026 |

| Nr | Insats | Ansvarig |
|---|---|---|
| 2 | Utredning och behandling inom barn- och ungdomspsykiatrin | Region Blekinge |
"""


def test_main_and_shared_columns_give_one_record_per_party_and_role(tmp_path):
    records = {(r.party, r.role, r.item, r.text) for r in _card(tmp_path, PLAN).records}
    lots = "Införa en gemensam etableringslots."
    assert {
        ("Vetlanda", "huvudansvar", "3.1", lots),
        ("Eksjö", "medansvar", "3.1", lots),
        ("Tranås", "medansvar", "3.1", lots),
        ("Sävsjö", "huvudansvar", "3.2", "Mäta företagsklimatet vartannat år."),
    } <= records
    # each row's own Medansvar; the Klart column is no party
    assert {r[0] for r in records if r[1] == "medansvar" and r[2] == "3.2"} == {"Aneby"}
    assert not any("2026" in r[0] for r in records)


def test_a_number_column_gives_the_item_of_a_plain_ansvarig_row(tmp_path):
    records = {(r.party, r.role, r.item) for r in _card(tmp_path, PLAN).records}
    assert ("Region Blekinge", "ansvarig", "2") in records


def test_a_numbered_row_s_text_is_its_goal_and_its_measure_not_its_deadline(tmp_path):
    plan = (
        "# Verksamhetsplan för Digital samverkan\n\n"
        "| Nr | Mål | Åtgärd | Ansvarig | Klart senast |\n|---|---|---|---|---|\n"
        "| 7 | Välfärdstekniken ska vara likvärdig | Gemensam upphandling av nyckelfria lås "
        "| Munkfors | 31 december 2025 |\n"
    )
    (record,) = _card(tmp_path, plan).records
    assert (record.party, record.item) == ("Munkfors", "7")
    assert record.text == (
        "Välfärdstekniken ska vara likvärdig – Gemensam upphandling av nyckelfria lås"
    )
    assert record.evidence.quote == "Välfärdstekniken ska vara likvärdig"


def test_parties_after_a_label_an_opening_or_one_a_line(tmp_path):
    labelled = (
        "Avsiktsförklaring om fjällsamverkan\n\n"
        "Parter: Bergs kommun, Krokoms kommun och Åre kommun\n"
    )
    opening = (
        "Samverkansavtal om upphandling\n\n"
        "Mellan Nyköpings kommun, Oxelösunds kommun och Trosa kommun\n\n"
        "Kusten mellan Abbekås och Simrishamn eroderar.\n"
    )
    lines = (
        "Samverkansavtal om dataskydd\n\n"
        "Detta avtal har träffats mellan följande kommuner, nedan kallade parterna:\n\n"
        "Härnösands kommun, värdkommun\n\nKramfors kommun\n\nTimrå kommun\n\n"
        "2 Bakgrund\n\nSedan 2018 har Sundsvalls kommun haft ett eget dataskyddsombud.\n"
    )
    assert list(_card(tmp_path / "a", labelled, "a.txt").parties.values) == [
        "Berg",
        "Krokom",
        "Åre",
    ]
    # "mellan" inside a sentence names places, not parties (Abbekås)
    assert list(_card(tmp_path / "b", opening, "b.txt").parties.values) == [
        "Nyköping",
        "Oxelösund",
        "Trosa",
    ]
    # the list ends where the lines stop being parties: Sundsvall is only mentioned
    assert list(_card(tmp_path / "c", lines, "c.txt").parties.values) == [
        "Härnösand",
        "Kramfors",
        "Timrå",
    ]


def test_a_later_validity_sentence_adds_the_end_to_the_start(tmp_path):
    text = (
        "Överenskommelse om samordnade insatser\n\n"
        "Gäller från och med den 1 april 2025.\n\n"
        "Överenskommelsen gäller från och med den 1 april 2025 och tills vidare.\n"
    )
    period = _card(tmp_path, text, "doc.txt").period
    assert (period.start, period.end, period.open_ended) == ("2025-04-01", "", True)


def test_in_force_and_signing_start_a_period(tmp_path):
    in_force = (
        "Samverkansavtal\n\n"
        "Avtalet träder i kraft den 1 mars 2025 och gäller till och med den 31 december 2028.\n"
    )
    signed = (
        "Avsiktsförklaring om kustsamverkan\n\nUndertecknad i Ystad den 3 mars 2025.\n\n"
        "Avsiktsförklaringen gäller från och med undertecknandet "
        "till och med den 31 december 2027.\n"
    )
    unsigned = (
        "Avsiktsförklaring\n\n"
        "Avsiktsförklaringen gäller från och med undertecknandet "
        "till och med den 31 december 2027.\n"
    )
    first = _card(tmp_path / "a", in_force, "a.txt").period
    assert (first.start, first.end) == ("2025-03-01", "2028-12-31")
    second = _card(tmp_path / "b", signed, "b.txt").period
    assert (second.start, second.end) == ("2025-03-03", "2027-12-31")
    third = _card(tmp_path / "c", unsigned, "c.txt").period
    assert (third.start, third.end) == ("undertecknandet", "2027-12-31")


DUTIES = """# Avsiktsförklaring om fjällsamverkan

## Ansvarsfördelning

| Part | Ansvarsområde |
|---|---|
| Åre kommun | Samordnar framtagandet av strategin Fjäll året runt. |
| Region Jämtland Härjedalen | Ansvarar för den gemensamma besöksstatistiken. |
| Krokoms kommun och Bergs kommun | Leder arbetet med leder i fjällen. |

## Undertecknande

| Part | Ort och datum | Undertecknat av |
|---|---|---|
| Åre kommun | Åre den 14 mars 2025 | Anna Berg |
"""


def test_a_party_column_beside_a_duty_column_gives_one_record_a_row(tmp_path):
    records = {(r.party, r.role, r.text) for r in _card(tmp_path, DUTIES).records}
    assert records == {
        ("Åre", "ansvarig", "Samordnar framtagandet av strategin Fjäll året runt."),
        (
            "Region Jämtland Härjedalen",
            "ansvarig",
            "Ansvarar för den gemensamma besöksstatistiken.",
        ),
        ("Krokom", "ansvarig", "Leder arbetet med leder i fjällen."),
        ("Berg", "ansvarig", "Leder arbetet med leder i fjällen."),
    }  # the signature table has no duty column: no record


def test_parties_designated_in_a_table_interrupted_by_numbers_or_signing_for(tmp_path):
    layouts = {
        "designated": (
            "# Samverkansavtal om räddningstjänst\n\nAle kommun, Lerums kommun och Alingsås "
            "kommun (nedan kallade parterna) har kommit överens om följande.\n",
            ("Ale", "Lerum", "Alingsås"),
        ),
        "table": (
            "# Avtal om IT-drift\n\n## Parter\n\n| Part | Organisationsnummer |\n|---|---|\n"
            "| Mora kommun | 212000-2163 |\n| Orsa kommun | 212000-2171 |\n",
            ("Mora", "Orsa"),
        ),
        "numbers": (
            "# Samarbetsavtal\n\nDetta avtal har slutits mellan Region Gävleborg, org.nr "
            "232100-0198, och Gävle kommun, org.nr 212000-2411.\n",
            ("Region Gävleborg", "Gävle"),
        ),
        "signed": (
            "# Avsiktsförklaring\n\nKommunerna samverkar.\n\n## Underskrifter\n\nFör Ale kommun"
            "\n\nAnna Andersson\n\nFör Lerums kommun\n\nBo Berg\n",
            ("Ale", "Lerum"),
        ),
    }
    for name, (text, parties) in layouts.items():
        assert _card(tmp_path / name, text).parties.values == parties, name


def test_no_parties_from_a_parenthesis_or_a_table_that_names_none(tmp_path):
    texts = {
        "area": (
            "# Plan\n\nMalmö och Lund (nedan kallat området) växer.\n\n"
            "| Kommun | Invånare |\n|---|---|\n| Malmö | 360 000 |\n"
        ),
        "not_parties": (
            "# Avtal\n\nSamråd sker med Region Skåne och Trafikverket (ej part i avtalet). "
            "Kungälvs kommun och Stenungsunds kommun (som inte är parter) bjuds in.\n"
        ),
        "report": "# Rapport\n\nAnalysen omfattar kommunerna Malmö, Lund och Eslöv.\n",
        "consequences": (
            "# Plan\n\n## Konsekvenser\n\nFör Malmö stad\n\nPlanen ger ökade kostnader.\n"
        ),
    }
    for name, text in texts.items():
        assert _card(tmp_path / name, text).parties.values == (), name


def test_a_duty_table_row_states_a_duty_of_its_own_party(tmp_path):
    text = (
        "# Avsiktsförklaring\n\n## Ansvarsfördelning\n\n| Part | Ansvarsområde |\n|---|---|\n"
        "| Åre kommun | Samordnar strategin. |\n"
        "| Alla parter utom Bergs kommun | Bär kostnaderna för mötena. |\n"
        "| Krokoms kommun | Inget ansvar |\n| Bergs kommun | – |\n| Härjedalens kommun |  |\n"
        "\n| Kommun | Uppgift |\n|---|---|\n| Malmö | 360 000 invånare |\n"
    )
    records = {(r.party, r.text) for r in _card(tmp_path, text).records}
    assert records == {("Åre", "Samordnar strategin.")}


def test_a_sentence_after_a_list_one_a_line_is_no_party(tmp_path):
    text = (
        "# Avtal\n\nAvtalet ingås mellan följande parter:\n\nLaxå kommun\n\n"
        "Kumla kommun, värdkommun\n\nÖrebro kommun är värdkommun.\n"
    )
    assert _card(tmp_path, text).parties.values == ("Laxå", "Kumla")


def test_an_ansvarig_header_of_more_words_and_a_row_for_each_municipality(tmp_path):
    """'Ansvarig part' holds the party like 'Ansvarig'; 'Respektive kommun' stands for each
    municipal party (not the region)."""
    text = (
        "# Samverkansavtal om konsumentvägledning\n\n"
        "Detta avtal har träffats mellan Marks kommun, Tranemo kommun och Region Halland, "
        "nedan gemensamt kallade parterna.\n\n"
        "| Uppgift | Ansvarig part |\n|---|---|\n"
        "| Information på webbplats och i sociala medier | Mark |\n"
        "| Lokaler för mottagning i den egna kommunen | Respektive kommun |\n"
    )
    card = _card(tmp_path, text)
    assert card.parties.values == ("Mark", "Tranemo", "Region Halland")
    records = {(r.party, r.text, r.applies_to) for r in card.records}
    assert ("Mark", "Information på webbplats och i sociala medier", ()) in records
    lokaler = "Lokaler för mottagning i den egna kommunen"
    assert ("Respektive kommun", lokaler, ("Mark", "Tranemo")) in records
