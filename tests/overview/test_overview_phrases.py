"""The register's sentence phrases (data/responsibility.toml), the parties found in decision
papers and purpose sentences: each kind of phrasing on a sentence written for the test, with
the sentences that must give nothing."""

from __future__ import annotations

import pytest

from ingest.discover import discover, parse_file
from ingest.overview import phrases
from ingest.overview.derive import card_of


def _card(tmp_path, text: str):
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    files, _ = discover(tmp_path, 1_000_000)
    return card_of(parse_file(files[0], {}))


def _parties(tmp_path, sentence: str) -> list[str]:
    card = _card(tmp_path, f"Avtal om samverkan\n\n{sentence}\n")
    return [r.party for r in card.records]


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("Kalmar kommun ansvarar för den gemensamma webbplatsen.", "Kalmar"),
        ("Nybro kommun ska ansvara för kansliet.", "Nybro"),
        ("Region Kronoberg har det övergripande ansvaret för uppföljningen.", "Region Kronoberg"),
        ("Torsås kommun har huvudansvaret för utbildningsinsatserna.", "Torsås"),
        ("Emmaboda kommun är huvudman för verksamheten.", "Emmaboda"),
        ("Borgholms kommun leder arbetet med den gemensamma planen.", "Borgholm"),
        ("Mönsterås kommun samordnar kampanjen.", "Mönsterås"),
        ("Oskarshamns kommun är sammankallande i styrgruppen.", "Oskarshamn"),
        ("Vimmerby kommun är värd för kansliet.", "Vimmerby"),
        ("Regionen står själv för sina kostnader.", "Regionen"),
        ("Beredningen ges i uppdrag att ta fram en handlingsplan.", "Beredningen"),
        (
            "Rapporten visar hur de fyra kommunerna i Norra Kalmar, både gemensamt och "
            "individuellt, axlar ansvaret för besöksnäringen.",
            "de fyra kommunerna i Norra Kalmar",
        ),
        (
            "Kommunerna samverkar under ledning av den nybildade Kustnämnden i Kalmar kommun.",
            "Kustnämnden i Kalmar kommun",
        ),
        ("Styrgruppen leds av ekonomichefen i Nybro kommun.", "Nybro"),  # acts for Nybro
        (
            "Analysen beskriver kustens utveckling fram till år 2100. Ystads kommun leder arbetet.",
            "Ystad",
        ),
        ("Arbetet leds av en politisk ledningsgrupp med en ledamot per kommun.", "ledningsgrupp"),
        ("Parterna har var för sig ansvarat för sina arkiv.", "Parterna"),
        ("Vägunderhållet är respektive kommuns ansvar.", "respektive kommun"),
        ("Driften är regionens ansvar.", "regionen"),
        ("Dokumentansvarig: Kanslienheten", "Kanslienheten"),
        ("Det är styrelsen som ansvarar för budgeten.", "styrelsen"),
        ("Regionen bidrar med kunskap och kommunerna ansvarar för genomförandet.", "kommunerna"),
        (
            "Varje part bär sina egna kostnader för de insatser som parten ansvarar för.",
            "Varje part",
        ),
        ("Nybro kommun är värdkommun och anställer samordnaren.", "Nybro"),
        ("Direktionen är arkivmyndighet för förbundet.", "Direktionen"),
        ("Parterna bär själva sina kostnader för resor.", "Parterna"),
        ("Region Kalmar län: ansvarar för drift och underhåll.", "Region Kalmar län"),
        ("Regionen (se bilaga 2: Ansvarsfördelning) ansvarar för driften.", "Regionen"),
        ("Parterna har i första hand ansvar för sina egna verksamheter.", "Parterna"),
        # a colon ends what came before: a form's labels are no party
        (
            "Kommunens namn, kontaktperson, tfn: Utsedda personer svarar för kontakterna.",
            "Utsedda personer",
        ),
    ],
)
def test_a_phrase_names_its_party(tmp_path, sentence, party):
    assert _parties(tmp_path, sentence) == [party]


@pytest.mark.parametrize(
    "sentence",
    [
        # an adjective, not a verb: no responsibility
        "Kalmar kommun ha ett samordnat värdskap för företagen.",
        # an aim of all, not a duty of one
        "Kommunerna ska samordna sina utbildningar.",
        # the subject only points at parties named elsewhere
        "Var och en, gemensamt och med andra aktörer, tar ansvar för utvecklingen.",
        "Vi tar ansvar för regionens utveckling.",
        # a list of tasks before the phrase, not a party
        "Kansliet kallar till möten, för anteckningar, samordnar planerna.",
        # "står för" that means "stands for"
        "Förkortningen SKR står för Sveriges Kommuner och Regioner.",
        # an aside about who appointed whom
        "Ordföranden väljs bland de ledamöter som Region Kalmar län har utsett.",
        # a goal, no party
        "Målet är att samordna regionens resurser.",
        # everybody's or nobody in particular
        "Trygghet är allas ansvar.",
        "Detta är ett gemensamt ansvar.",
        # a negation in the gap, no one, costs that are not one's own
        "Regionen har inte i första hand ansvar för skolorna.",
        "Regionen har lämnat över sitt ansvar för driften till kommunerna.",
        "Ingen part bär sina kostnader för den andra partens personal.",
        "Regionen bär varken sina kostnader eller ansvar för driften.",
        "Förändringen bär med sig kostnader för kommunerna.",
        "Därutöver bär kommunen kostnaden för resor.",
        # a proposal, with a passive verb before the phrase
        "Nybro kommun föreslås vara värdkommun.",
        "Region Kalmar län förväntas ansvara för uppföljningen.",
    ],
)
def test_sentences_that_state_no_responsibility_give_nothing(tmp_path, sentence):
    assert _parties(tmp_path, sentence) == []


def test_one_sentence_one_party_when_a_noun_repeats_a_name(tmp_path):
    sentence = (
        "Arbetet sker under ledning av Servicenämnden i Kalmar kommun och avtalet reglerar "
        "den verksamhet som nämnden skall ansvara för."
    )
    assert _parties(tmp_path, sentence) == ["Servicenämnden i Kalmar kommun"]


def test_phrases_match_word_forms_and_gaps():
    found = phrases.find("Regionen har sedan länge ansvaret för drift.", "subject")
    assert [f.phrase for f in found] == ["ha ~2 ansvar för"]
    assert phrases.find("Regionen ansvarade för driften.", "subject")[0].phrase == "ansvara för"
    assert phrases.find("Kommunen har ansvar.", "subject") == []


def test_decision_paper_author_and_partner_are_parties(tmp_path):
    text = (
        "Landstinget KRONOBERG BESLUTSUNDERLAG Landstingsfullmäktige\n\n"
        "Landstingsfullmäktige beslutade att bilda ett kommunalförbund tillsammans med "
        "Landstinget i Kalmar län för att bedriva ambulansflyg.\n\n"
        "Västra Götalandsregionen har ansökt om att bli medlem i förbundet.\n"
    )
    card = _card(tmp_path, text)
    assert set(card.parties.values) == {
        "Landstinget Kronoberg",
        "Landstinget i Kalmar",
        "Västra Götalandsregionen",
    }
    assert all(e.quote for e in card.parties.evidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purpose phrase with a word between its words
        (
            "Planen är framtagen i dialog. Genom samordning syftar planen till att göra "
            "arbetet enklare.",
            "Genom samordning syftar planen till att göra arbetet enklare.",
        ),
        # under a purpose heading, the aim rather than the background before it
        (
            "## Avtalets syfte\n\nFramtida utmaningar kräver mycket av kommunerna. "
            "Avtalet ska skapa förutsättningar för långsiktig samverkan.",
            "Avtalet ska skapa förutsättningar för långsiktig samverkan.",
        ),
        # an aim when nothing states a purpose
        (
            "Bakgrund\n\nRegionen har länge arbetat med frågan. Målet är att samordna "
            "regionens resurser bättre.",
            "Målet är att samordna regionens resurser bättre.",
        ),
        (
            "Fullmäktige beslutade att bilda ett kommunalförbund tillsammans med Landstinget "
            "i Kalmar län för att bedriva ambulansflyg.",
            "Fullmäktige beslutade att bilda ett kommunalförbund tillsammans med Landstinget "
            "i Kalmar län för att bedriva ambulansflyg.",
        ),
    ],
)
def test_purpose_sentences(tmp_path, text, expected):
    card = _card(tmp_path, f"# Avtal om samverkan\n\n{text}\n")
    assert card.purpose.values == (expected,)


@pytest.mark.parametrize(
    "text",
    [
        "Sammantaget ska verksamhetsidé och vision genomsyra allt arbete.",
        "Avtalet ska ses över årligen. Avtalet ska gälla till 2026.",
        "Förbundet ska särskilt:\n\n- hålla möten",
        "Kommundirektörerna bildar kommundirektörsgruppen, som bereder ärenden för att "
        "stödja styrelsen.",
    ],
)
def test_no_purpose_invented(tmp_path, text):
    assert _card(tmp_path, f"# Avtal om samverkan\n\n{text}\n").purpose.values == ()


def test_an_adverb_inside_a_phrase_is_skipped_but_a_negation_is_not(tmp_path):
    sentence = "Värdkommunen ansvarar också för den ekonomiska redovisningen."
    assert _parties(tmp_path, sentence) == ["Värdkommunen"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Regionen ansvarar inte för driften.",
        "Regionen har inget ansvar för driften.",
        "Regionen leder inte arbetet.",
        "Regionen leder också inte arbetet.",
        "Regionen har även fortsatt inget ansvar för driften.",
    ],
)
def test_a_negation_inside_a_phrase_states_no_responsibility(tmp_path, sentence):
    assert _parties(tmp_path, sentence) == []


def test_someone_in_a_place_is_not_the_place(tmp_path):
    assert _parties(tmp_path, "Projektet leds av en konsult i Malmö.") == ["konsult i Malmö"]


def test_each_clause_after_men_or_a_semicolon_names_its_own_party(tmp_path):
    both = "Kommunstyrelsen är arkivmyndighet men nämnderna ansvarar för arkivvården."
    assert _parties(tmp_path, both) == ["Kommunstyrelsen", "nämnderna"]
    listed = "Nybro kommun ansvarar för kansliet; Region Kalmar län ansvarar för uppföljningen."
    assert _parties(tmp_path, listed) == ["Nybro", "Region Kalmar län"]
    # a clause without a phrase of its own adds nobody
    assert _parties(tmp_path, "Regionen ansvarar för driften men inte för lokalerna.") == [
        "Regionen"
    ]


def test_a_collective_subject_applies_to_the_parties(tmp_path):
    """'Var och en … tar ansvar för …' is each party's responsibility: the record stands for
    the card's parties, and the Ansvar view shows it under each of them."""
    from assistant.overview import Overview

    card = _card(
        tmp_path,
        "Avtal om samverkan\n\nParter: Bergs kommun, Krokoms kommun och Åre kommun\n\n"
        "Var och en, gemensamt och i samverkan med andra aktörer – tar ansvar för "
        "utvecklingen av besöksnäringen.\n\nKrokoms kommun ansvarar för webbplatsen.\n",
    )
    assert card.parties.values == ("Berg", "Krokom", "Åre")
    shared = [r for r in card.records if r.party == "Var och en"]
    assert [r.applies_to for r in shared] == [("Berg", "Krokom", "Åre")]
    overview = Overview((card,))
    assert [r.text[:12] for r in overview.responsibilities_of("Åre", shared=True)] == [
        "Var och en, "
    ]
    assert overview.responsibilities_of("Åre") == []
    assert [r.party for r in overview.responsibilities_of("Krokom", shared=True)] == [
        "Var och en",
        "Krokom",
    ]
    assert {name: count for _, name, count in overview.parties()} == {
        "Berg": 1,
        "Krokom": 2,
        "Åre": 1,
    }
