"""Agreement cards and the responsibility register: derived at ingest time with the real
parser and stored with the real index; read back as the app and the CLI read them."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.overview import export_csv, load_overview
from ingest.build import build
from ingest.discover import discover, parse_file
from ingest.overview import fields
from ingest.overview.derive import card_of
from ingest.overview.storage import CARDS_FILE
from ingest.store import stored_text, version_path
from tests.conftest import CORPUS, REPO

FH = "familjen-helsingborg-verksamhetsplan-2016-2019.txt"


def _items(first: int, last: int, area: int) -> list[str]:
    return [f"{area}.{n}" for n in range(first, last + 1)]


# What the Familjen Helsingborg plan's tables say, municipality by municipality
# (the Lärande table's one "Huvudansvar: Ängelholm Medansvar: Örkelljunga Åstorp" cell is
# merged over all of 3.1-3.12).
FH_REGISTER: dict[str, dict[str, list[str]]] = {
    "Helsingborg": {
        "ansvarig": ["1.1", "1.2", "1.3", "1.4", "1.5", "1.8", "1.13", *_items(15, 21, 1)],
    },
    "Svalöv": {"ansvarig": ["1.6", "1.10"]},
    "Åstorp": {"ansvarig": ["1.7"], "medansvar": _items(1, 12, 3)},
    "Perstorp": {"ansvarig": ["1.9"]},
    "Klippan": {"ansvarig": ["1.11", "1.12", "2.10", "2.11"]},
    "Ängelholm": {
        "ansvarig": ["1.14", "4.1", "4.2"],
        "huvudansvar": _items(1, 12, 3),
    },
    "Höganäs": {"ansvarig": [*_items(1, 9, 2), *_items(7, 11, 5)]},
    "Örkelljunga": {"medansvar": _items(1, 12, 3)},
    "Landskrona": {"ansvarig": _items(3, 5, 4)},
    "Båstad": {"ansvarig": _items(1, 6, 5)},
}


def _sort_items(items: list[str]) -> list[str]:
    return sorted(items, key=lambda i: tuple(int(p) for p in i.split(".")))


@pytest.fixture(scope="module")
def bare_index(tmp_path_factory, embedder) -> Path:
    """The five seed documents indexed without catalog.toml, as an administrator's would be."""
    corpus = tmp_path_factory.mktemp("bare") / "corpus"
    corpus.mkdir()
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    index = corpus.parent / "index"
    build(corpus, index, embedder.model_id, 50_000_000, embedder=embedder)
    return index


def test_familjen_helsingborg_register_is_exact_for_every_municipality(seed_index):
    overview = load_overview(seed_index)
    records = [r for r in overview.records(FH) if r.origin == "table"]
    got: dict[str, dict[str, list[str]]] = {}
    for record in records:
        got.setdefault(record.party, {}).setdefault(record.role, []).append(record.item)
    got = {p: {r: _sort_items(i) for r, i in roles.items()} for p, roles in got.items()}
    expected = {
        p: {r: _sort_items(i) for r, i in roles.items()} for p, roles in FH_REGISTER.items()
    }
    assert got == expected
    svalov = overview.responsibilities_of("Svalövs kommun")
    assert [(r.item, r.text) for r in svalov] == [
        ("1.6", "Byggstart för Söderåsbanan senast år 2019."),
        ("1.10", "Väg 109 Ekeby-Kågeröd-Höör genomförd ÅVS senast år 2019."),
    ]
    text = stored_text(version_path(seed_index), overview.card(FH).content_hash)
    first = svalov[0].evidence
    assert text[first.start : first.end] == "1.6 Byggstart för Söderåsbanan senast år 2019."
    assert first.section == "1. Infrastruktur och kollektivtrafik"


EXPECTED_BARE = {
    "business-region-halmstad-avsiktsforklaring.txt": (
        "avsiktsförklaring",
        ["Halmstad", "Falkenberg", "Laholm", "Ljungby", "Hylte", "Båstad", "Högskolan i Halmstad"],
        "från 2020-01-01, tills vidare",
    ),
    "halmstad-plan-attraktivitet-hallbar-tillvaxt-2020-2024.txt": ("plan", [], "2020-2024"),
    "malmolundregionen-verksamhetsplan-2016-2018.txt": (
        "verksamhetsplan",
        [
            "Burlöv",
            "Eslöv",
            "Höör",
            "Kävlinge",
            "Lomma",
            "Lund",
            "Malmö",
            "Staffanstorp",
            "Svedala",
            "Trelleborg",
            "Vellinge",
        ],
        "2016-2018",
    ),
    FH: (
        "verksamhetsplan",
        [
            "Helsingborg",
            "Svalöv",
            "Åstorp",
            "Perstorp",
            "Klippan",
            "Ängelholm",
            "Höganäs",
            "Örkelljunga",
            "Landskrona",
            "Båstad",
        ],
        "2016-2019",
    ),
    "vasterbotten-overenskommelse-regional-utveckling-2023-2026.txt": (
        "överenskommelse",
        ["kommunerna i Västerbottens län", "Region Västerbotten"],
        "2023-2026",
    ),
}


def test_cards_of_the_seed_documents_without_catalog(bare_index):
    overview = load_overview(bare_index)
    assert {c.doc_id for c in overview.cards} == set(EXPECTED_BARE)
    version = version_path(bare_index)
    for card in overview.cards:
        kind, parties, period = EXPECTED_BARE[card.doc_id]
        assert card.kind.values == (kind,), card.doc_id
        assert list(card.parties.values) == parties, card.doc_id
        assert card.period.text() == period, card.doc_id
        assert card.parties.source == card.period.source == card.title_source == "document"
        text = stored_text(version, card.content_hash)
        evidence = [
            e
            for f in (
                card.kind,
                card.parties,
                card.purpose,
                card.governance,
                card.money,
                card.areas,
            )
            for e in f.evidence
        ]
        evidence += list(card.period.evidence) + [r.evidence for r in card.records]
        assert evidence, card.doc_id
        for proof in evidence:  # every quote is where it says, in the reader's text
            words = [w for w in proof.quote.split() if w.isalpha()][:3]
            shown = text[proof.start : proof.end]
            assert all(w in shown for w in words), (card.doc_id, proof.quote[:60], shown[:60])
    brh = overview.card("business-region-halmstad-avsiktsforklaring.txt")
    assert brh.period.review == "ses över årligen"
    assert brh.money.values[0] == (
        "Denna avsiktsförklaring innebär inga ekonomiska åtaganden för någon part."
    )
    halmstad = overview.card("halmstad-plan-attraktivitet-hallbar-tillvaxt-2020-2024.txt")
    assert halmstad.parties.text() == "anges inte"  # not stated: not guessed


def test_catalog_overrides_and_says_so(seed_index):
    card = load_overview(seed_index).card("business-region-halmstad-avsiktsforklaring.txt")
    assert card.parties.source == "catalog" and card.period.source == "catalog"
    assert card.title_source == "catalog"
    assert card.kind.source == "document" and card.kind.values == ("avsiktsförklaring",)


def _parse(tmp_path: Path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    files, _ = discover(tmp_path, 1_000_000)
    return parse_file(next(f for f in files if f.doc_id == name), {})


def test_bad_input_invents_nothing(tmp_path):
    silent = card_of(_parse(tmp_path, "a.txt", "Om oss\n\nVi träffas ibland och pratar.\n"))
    assert not silent.parties.stated and not silent.period.stated and not silent.records
    assert silent.parties.text() == silent.period.text() == "anges inte"
    empty = "# Plan\n\nMål\tMätetal\tAnsvarig\nRenare luft.\t2.1 Färre bilar.\t\n"
    card = card_of(_parse(tmp_path, "b.txt", empty))
    assert card.records == () and not card.parties.stated
    assert "1 tabellrader har en tom ansvarscell." in card.notes
    crowded = (
        "# Plan\n\nMål\tMätetal\tAnsvarig\n"
        "Bättre skolor.\t1.1 Fler lärare. 1.2 Fler böcker.\tLund Malmö Eslöv\n"
    )
    card = card_of(_parse(tmp_path, "c.txt", crowded))
    assert any("utan angiven koppling" in n for n in card.notes)
    assert {r.party for r in card.records} == {"Lund", "Malmö", "Eslöv"}


def test_one_document_failing_does_not_stop_the_card(tmp_path, monkeypatch):
    def broken(document):
        raise ValueError("boom")

    monkeypatch.setattr(fields, "kind", broken)
    card = card_of(_parse(tmp_path, "d.txt", "Avtal\n\nParterna ansvarar för allt.\n"))
    assert card.notes == ("Kortet kunde inte tas fram (ValueError).",)
    assert not card.records


def test_same_title_twice_keeps_two_cards(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "# Samverkansavtal 2020-2022\n\nAvtalet gäller från 2020 till 2022.\n\n"
    (corpus / "one.txt").write_text(text + "Lund ansvarar för kaffet.\n", encoding="utf-8")
    (corpus / "two.txt").write_text(text + "Malmö ansvarar för teet.\n", encoding="utf-8")
    build(corpus, tmp_path / "index", embedder.model_id, 1_000_000, embedder=embedder)
    overview = load_overview(tmp_path / "index")
    assert [c.doc_id for c in overview.cards] == ["one.txt", "two.txt"]
    assert [c.title for c in overview.cards] == ["Samverkansavtal 2020-2022"] * 2
    assert [r.party for r in overview.records("two.txt")] == ["Malmö"]


def test_cards_are_incremental(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / FH, corpus / FH)
    index = tmp_path / "index"
    build(corpus, index, embedder.model_id, 50_000_000, embedder=embedder)
    (version_path(index) / CARDS_FILE).unlink()  # an index built before cards existed
    (corpus / "new.txt").write_text("# Avtal 2021-2022\n\nKlippan utser en samordnare.\n")
    report = build(corpus, index, embedder.model_id, 50_000_000, embedder=embedder)
    assert report.unchanged == 1 and report.added == ["new.txt"]
    overview = load_overview(index)
    assert len(overview.records(FH)) > 80  # derived again without re-embedding
    assert [r.party for r in overview.records("new.txt")] == ["Klippan"]
    (corpus / "new.txt").unlink()
    build(corpus, index, embedder.model_id, 50_000_000, embedder=embedder)
    assert [c.doc_id for c in load_overview(index).cards] == [FH]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "overview", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_json_shape(seed_index):
    done = _cli("--index", str(seed_index), "--json")
    assert done.returncode == 0, done.stderr
    agreements = json.loads(done.stdout)["agreements"]
    assert len(agreements) == 5
    card = next(a for a in agreements if a["doc_id"] == FH)
    assert set(card) == {
        "doc_id",
        "title",
        "title_source",
        "kind",
        "parties",
        "period",
        "purpose",
        "governance",
        "money",
        "areas",
        "notes",
        "responsibilities",
    }
    assert set(card["kind"]) == {"values", "text", "source", "evidence"}
    assert set(card["period"]) >= {"text", "start", "end", "open_ended", "review", "source"}
    record = card["responsibilities"][0]
    assert set(record) == {
        "party",
        "role",
        "item",
        "text",
        "doc_id",
        "section",
        "origin",
        "applies_to",
        "citation",
    }
    assert set(record["citation"]) == {"quote", "section", "page", "start", "end"}

    party = json.loads(_cli("--index", str(seed_index), "--json", "--party", "Svalöv").stdout)
    assert [r["item"] for r in party["responsibilities"]] == ["1.6", "1.10"]
    assert {r["title"] for r in party["responsibilities"]} == {
        "Verksamhetsplan Familjen Helsingborg 2016-2019"
    }
    text = _cli("--index", str(seed_index), "--party", "Svalöv").stdout
    assert "1.6 Byggstart för Söderåsbanan senast år 2019." in text
    missing = _cli("--index", str(seed_index), "--doc", "nope.txt")
    assert missing.returncode == 2 and "no indexed document" in missing.stderr


def test_register_csv_neutralises_formulas(seed_index, tmp_path):
    out = tmp_path / "register.csv"
    done = _cli("--index", str(seed_index), "--doc", FH, "--csv", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == len(load_overview(seed_index).records(FH))
    first = next(r for r in rows if r["punkt"] == "1.1")
    assert first["part"] == "Helsingborg" and first["roll"] == "ansvarig"
    assert first["citat"] == "1.1 Infrastrukturstrategi 2.0 klar under 2016."
    overview = load_overview(seed_index)
    record = overview.records(FH)[0]
    hostile = type(record)(**{**record.__dict__, "text": '=HYPERLINK("x")', "party": "@x"})
    export_csv(out, overview, [hostile])
    row = next(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert row["ansvar"] == '\'=HYPERLINK("x")' and row["part"] == "'@x"
