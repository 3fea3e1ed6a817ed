"""The txt/md parser on the seed documents: structure, tables, markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import parse_plain_text
from ingest.parse.text import parse_text
from ingest.schema import Block

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def blocks(name: str) -> list[Block]:
    return parse_plain_text(CORPUS / name).blocks


@pytest.fixture(scope="module")
def familjen() -> list[Block]:
    return blocks("familjen-helsingborg-verksamhetsplan-2016-2019.txt")


def rows_with(items: list[Block], text: str) -> list[Block]:
    return [b for b in items if b.kind == "table_row" and text in b.text]


def test_soderasbanan_row_carries_its_column_headers(familjen):
    (row,) = rows_with(familjen, "1.6 Byggstart för Söderåsbanan senast år 2019.")
    assert row.table is not None
    assert row.table.value("Ansvarig") == "Svalöv"
    assert (
        row.table.value("Mätetal") == "Söderåsbanan 1.6 Byggstart för Söderåsbanan senast år 2019."
    )
    assert row.heading_path == ("1. Infrastruktur och kollektivtrafik",)
    assert row.text.endswith("| Ansvarig: Svalöv")


def test_two_numbered_items_get_one_record_each(familjen):
    first = rows_with(familjen, "1.4 Västkustbanan Ängelholm-Maria station")
    second = rows_with(familjen, "1.5 Västkustbanan Maria station-Helsingborg C")
    assert len(first) == len(second) == 1
    assert first[0].table.value("Ansvarig") == "Helsingborg"
    assert second[0].table.value("Ansvarig") == "Helsingborg"
    assert "1.5" not in first[0].table.value("Mätetal")
    assert first[0].table.value("Strategi") == second[0].table.value("Strategi")


def test_items_split_from_html_paragraph_cells(familjen):
    (row,) = rows_with(familjen, "1.12 Väg 13 Klippan-Ljungbyhed")
    assert row.table.value("Ansvarig") == "Klippan"
    (airport,) = rows_with(familjen, "1.14 Ängelholms flygplats")
    assert airport.table.value("Ansvarig") == "Ängelholm"
    waste = rows_with(familjen, "5.1 Förebyggande av avfall")[0]
    assert waste.table.value("Ansvarig") == "Båstad"
    assert waste.table.value("Mätetal").startswith("Sopsamarbete Familjen Helsingborg 5.1")


def test_merged_cells_take_the_value_above(familjen):
    (row,) = rows_with(familjen, "3.3 Andelen gymnasieelever")
    assert row.table.value("Ansvarig") == "Huvudansvar: Ängelholm Medansvar: Örkelljunga Åstorp"
    assert row.table.value("Mål 2016-2019") == "Förbättrade resultat i grund- och gymnasieskolan."
    (continued,) = rows_with(familjen, "1.20 Samtliga kommuner arbetar med öppen data")
    assert continued.table.value("Mål 2016-2019") == (
        "Ledande i att tillvarata digitaliseringens möjligheter."
    )


def test_markup_is_removed_and_visible_text_kept(familjen):
    assert not any("<" in b.text or "**" in b.text for b in familjen)
    plan = blocks("halmstad-plan-attraktivitet-hallbar-tillvaxt-2020-2024.txt")
    assert any("☒ Plan" in b.text for b in plan)


def test_table_of_contents_is_dropped(familjen):
    assert not any("...." in b.text for b in familjen)


def test_numbered_headings_build_the_path():
    plan = blocks("halmstad-plan-attraktivitet-hallbar-tillvaxt-2020-2024.txt")
    paths = {b.heading_path for b in plan if b.kind == "paragraph"}
    assert (
        "Del 1. Utveckling som möjliggör",
        "Ambition 1.1. Utbildning hela vägen",
        "Varför är ambitionen viktig?",
    ) in paths


def test_business_region_halmstad_parties_sentence():
    brh = blocks("business-region-halmstad-avsiktsforklaring.txt")
    text = " ".join(b.text for b in brh)
    assert (
        "mellan kommunerna Halmstad, Falkenberg, Laholm, Ljungby, Hylte och Båstad, "
        "samt Högskolan i Halmstad" in text
    )
    footnote = [b for b in brh if b.text.startswith("Ledningsgruppen består av")]
    assert footnote and footnote[0].heading_path == ("Samarbete och uppföljning",)


def test_paragraph_cut_by_page_break_is_joined(familjen):
    assert any("opposition ur kommunledningen till styrelsen" in b.text for b in familjen)


def test_offsets_point_into_the_source(familjen):
    source = (CORPUS / "familjen-helsingborg-verksamhetsplan-2016-2019.txt").read_text("utf-8")
    (row,) = rows_with(familjen, "1.6 Byggstart för Söderåsbanan")
    assert "1.6 Byggstart för Söderåsbanan senast år 2019." in source[row.start : row.end]


def test_titles_come_from_the_documents():
    titles = {p.name: parse_plain_text(p).title for p in sorted(CORPUS.glob("*.txt"))}
    assert titles["malmolundregionen-verksamhetsplan-2016-2018.txt"] == (
        "MalmöLundregionen: Verksamhetsplan 2016-2018"
    )
    # the first line is a date; the title is the line naming the agreement
    assert titles["vasterbotten-overenskommelse-regional-utveckling-2023-2026.txt"] == (
        "Överenskommelse om samverkan för regional utveckling 2023-2026"
    )


def test_table_of_contents_set_as_a_table_is_dropped():
    """A contents list that a scan's ruled grid (or a pipe table) turned into rows."""
    source = (
        "# Verksamhetsplan\n\n## Innehåll\n\n"
        "| Om förbundet. .... | 5 |\n| Målområde 1 Infrastruktur. .... | 7 |\n"
        "| Målområde 3 Lärande | 14 |\n\n"
        "## 3. Lärande\n\n| Mål | Ansvarig |\n| Bättre skolresultat. | Ängelholm |\n"
    )
    _, blocks = parse_text(source)
    assert not any("Målområde" in b.text for b in blocks)
    assert [b.text for b in blocks if b.kind == "table_row"] == [
        "Mål: Bättre skolresultat. | Ansvarig: Ängelholm"
    ]


def test_a_table_of_small_numbers_is_not_taken_for_contents():
    source = (
        "# Förbundet\n\nLedamöter per kommun:\n\n| Västerås\t4 |\n| Köping\t2 |\n| Sala\t2 |\n"
    ).replace("\t", " | ")
    _, blocks = parse_text(source)
    assert sum("Västerås" in b.text or "Sala" in b.text for b in blocks) == 2


def test_short_lines_without_full_stops_are_not_all_headings():
    """Two short lines: the first is the title, the second its text (it was refused as
    'no text found', a document of headings only)."""
    title, blocks = parse_text("Avsiktsförklaring om samverkan\n\nKommunerna samverkar om turism\n")
    assert title == "Avsiktsförklaring om samverkan"
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Avsiktsförklaring om samverkan"),
        ("paragraph", "Kommunerna samverkar om turism"),
    ]
    _, headed = parse_text("# Plan\n\n## Ekonomi\n\nKostnaderna delas lika.\n")
    assert [b.kind for b in headed] == ["heading", "heading", "paragraph"]  # unchanged


def test_short_lines_without_a_blank_line_between_them():
    title, blocks = parse_text("Avsiktsförklaring om turism\nKommunerna samverkar om turism\n")
    assert title == "Avsiktsförklaring om turism"
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Avsiktsförklaring om turism"),
        ("paragraph", "Kommunerna samverkar om turism"),
    ]
    source = "Avsiktsförklaring om turism\nKommunerna samverkar om turism\n"
    assert source[blocks[1].start : blocks[1].end] == "Kommunerna samverkar om turism"


def test_setext_underlines_make_headings_and_never_text():
    source = (
        "Protokollsutdrag – Kommunstyrelsen, § 58: Anslutning till\n"
        "Tillståndsenheten Dalsland\n"
        "==========================================\n\n"
        "Sammanträdesdatum: 2025-04-09.\n\n"
        "Ärende\n------\n\n"
        "Kommunen ansluter sig till enheten från den 1 januari 2026.\n\n"
        "En mening som slutar med punkt.\n"
        "-------\n"
    )
    title, blocks = parse_text(source)
    assert title == (
        "Protokollsutdrag – Kommunstyrelsen, § 58: Anslutning till Tillståndsenheten Dalsland"
    )
    assert not any("==" in b.text or "--" in b.text for b in blocks)
    decision = next(b for b in blocks if b.text.startswith("Kommunen ansluter"))
    assert decision.heading_path == ("Ärende",)
    # a rule under a sentence is only a rule: the sentence stays a paragraph
    sentence = next(b for b in blocks if b.text == "En mening som slutar med punkt.")
    assert sentence.kind == "paragraph"


def test_a_setext_underline_ends_its_heading_without_a_blank_line_and_never_joins_a_list():
    source = (
        "Avtal om samverkan\n===================\n\n"
        "Ärende\n------\nKommunen ansluter sig till enheten.\n\n"
        "- Punkt ett\n- Punkt två\n----------\n\n"
        "Beslut:\n-------\n\n**\n---\n"
    )
    _, blocks = parse_text(source)
    assert not any("--" in b.text or "==" in b.text for b in blocks)
    decision = next(b for b in blocks if b.text.startswith("Kommunen ansluter"))
    assert decision.heading_path == ("Ärende",) and decision.kind == "paragraph"
    assert [b.text for b in blocks if b.kind == "list_item"] == ["Punkt ett", "Punkt två"]
    assert not any(b.kind == "heading" and b.text in ("Beslut:", "**") for b in blocks)


def test_a_markdown_heading_or_a_list_of_lines_over_a_rule_is_read_as_such():
    title, blocks = parse_text("# Avtal om turism\n---\nParterna samverkar.\n")
    assert title == "Avtal om turism"
    _, blocks = parse_text("# Avtal\n\nParter\nYstads kommun\nTrosa kommun\n-----\n\nText.\n")
    assert not any(b.kind == "heading" and "Trosa" in b.text for b in blocks)
    assert any(b.text == "Trosa kommun" for b in blocks)
