"""HTML, PDF and DOCX parsers: structure, tables with their headers, pages, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import PARSERS, UnreadableDocument, ocr
from ingest.parse.docx import read_docx
from ingest.parse.html import BlockBuilder, read_html
from ingest.parse.pdf import ENCRYPTED, join_lines, read_pdf
from ingest.schema import Block
from tests.fixtures_formats import (
    CLOSING,
    INTRO,
    LIST_ITEMS,
    SECTION_1,
    SECTION_2,
    TITLE,
    PdfPage,
    agreement_docx,
    agreement_html,
    agreement_pdf,
    scanned_pdf,
    write_pdf,
)

SODERAS_ITEM = "1.6 Byggstart för Söderåsbanan senast år 2019."
GOAL = "Framgång i prioriterade infrastrukturprojekt."


def rows_with(blocks: list[Block], text: str) -> list[Block]:
    return [b for b in blocks if b.kind == "table_row" and text in b.text]


def kinds(blocks: list[Block], kind: str) -> list[str]:
    return [b.text for b in blocks if b.kind == kind]


def assert_agreement_table(blocks: list[Block], source: str) -> None:
    """The Söderåsbanan row and the split Västkustbanan items, as in the txt seed."""
    (row,) = rows_with(blocks, SODERAS_ITEM)
    assert row.table is not None
    assert row.table.value("Ansvarig") == "Svalöv"
    assert row.table.value("Mål") == GOAL
    assert row.table.value("Mätetal") == "Söderåsbanan " + SODERAS_ITEM
    assert row.heading_path == (SECTION_1,)
    assert row.text.endswith("| Ansvarig: Svalöv")
    assert "Svalöv" in source[row.start : row.end]
    first = rows_with(blocks, "1.4 Västkustbanan Ängelholm-Maria station")
    second = rows_with(blocks, "1.5 Västkustbanan Maria station-Helsingborg C")
    assert len(first) == len(second) == 1
    assert (first[0].table.item, second[0].table.item) == (1, 2)
    assert first[0].table.value("Ansvarig") == second[0].table.value("Ansvarig") == "Helsingborg"
    assert first[0].table.value("Mål") == GOAL  # merged cell carried down
    assert "1.5" not in first[0].table.value("Mätetal")


def assert_agreement_text(title: str | None, blocks: list[Block]) -> None:
    assert title == TITLE
    assert blocks[0] == Block("heading", TITLE, (), blocks[0].start, blocks[0].end, blocks[0].page)
    assert INTRO in kinds(blocks, "paragraph")
    headings = [b for b in blocks if b.kind == "heading"][1:]
    assert [h.heading_path[-1] for h in headings if len(h.heading_path) == 1] == [
        SECTION_1,
        SECTION_2,
    ]
    assert kinds(blocks, "list_item") == LIST_ITEMS
    (closing,) = [b for b in blocks if b.text == CLOSING]
    assert closing.kind == "paragraph" and closing.heading_path == (SECTION_2,)


# --------------------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory) -> Path:
    return agreement_pdf(tmp_path_factory.mktemp("pdf") / "avtal.pdf")


def test_pdf_structure_and_pages(pdf_file):
    _, title, blocks = read_pdf(pdf_file)
    assert_agreement_text(title, blocks)
    assert all(b.page in (1, 2) for b in blocks)
    by_text = {b.text: b for b in blocks}
    assert by_text[SECTION_1].page == 1 and by_text[SECTION_1].level == 1
    assert by_text[SECTION_2].page == 2
    assert by_text[CLOSING].page == 2
    assert [b.page for b in blocks if b.kind == "list_item"] == [2, 2]
    # a paragraph broken over two lines is one block; page numbers are not text
    assert by_text[INTRO].kind == "paragraph"
    assert "1" not in kinds(blocks, "paragraph") and "2" not in kinds(blocks, "paragraph")


def test_pdf_table_rows_keep_their_headers(pdf_file):
    source, _, blocks = read_pdf(pdf_file)
    assert_agreement_table(blocks, source)
    assert {b.page for b in blocks if b.kind == "table_row"} == {1}
    # text below the table on the page comes after the table, in the same section
    order = [b.text for b in blocks]
    soderas = next(i for i, t in enumerate(order) if SODERAS_ITEM in t)
    assert order.index("Trafikfrågorna samordnas med Region Skåne.") > soderas


def test_pdf_through_the_registry(pdf_file):
    parsed = PARSERS[".pdf"](pdf_file)
    assert parsed.title == TITLE
    assert rows_with(parsed.blocks, SODERAS_ITEM)[0].page == 1


def test_pdf_pages_reach_the_chunks(pdf_file):
    from ingest.chunk import chunk_document
    from ingest.schema import Document

    parsed = PARSERS[".pdf"](pdf_file)
    document = Document("avtal.pdf", str(pdf_file), parsed.title, tuple(parsed.blocks), "x")
    chunks = chunk_document(document)
    (soderas,) = [c for c in chunks if SODERAS_ITEM in c.text]
    assert soderas.page == 1 and soderas.label().endswith("› s. 1")
    assert any(c.page == 2 and CLOSING in c.text for c in chunks)


def test_pdf_without_text_layer_is_read_by_ocr_and_a_grey_page_is_blank(tmp_path):
    with pytest.raises(UnreadableDocument) as error:
        read_pdf(scanned_pdf(tmp_path / "skannad.pdf"))
    assert str(error.value) == "no text layer, and OCR found no readable text (blank page: 1 p.)"


def test_pdf_without_text_layer_and_without_tesseract_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "tesseract_binary", lambda: None)
    with pytest.raises(UnreadableDocument) as error:
        read_pdf(scanned_pdf(tmp_path / "skannad.pdf"))
    assert error.value.code == ocr.OCR_MISSING
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in str(error.value)


def test_encrypted_pdf_is_refused_and_really_encrypted(tmp_path):
    import pdfplumber

    path = agreement_pdf(tmp_path / "last.pdf", user_password="hemligt")
    assert b"Verksamhetsplan" not in path.read_bytes()
    with pytest.raises(UnreadableDocument) as error:
        read_pdf(path)
    assert error.value.code == ENCRYPTED
    with pdfplumber.open(path, password="hemligt") as pdf:  # the fixture is a real PDF
        assert pdf.pages[0].extract_text().startswith(TITLE)


def test_pdf_two_line_heading_and_hyphenation(tmp_path):
    page = PdfPage()
    page.text(50, 50, "Överenskommelse om regional", 16, bold=True)
    page.text(50, 68, "utveckling i Västerbotten", 16, bold=True)
    page.text(50, 110, "Parterna ansvarar för infrastruktur-")
    page.text(50, 124, "projekt och för kollektiv-")
    page.text(50, 138, "och cykeltrafik längs E4.")
    _, title, blocks = read_pdf(write_pdf(tmp_path / "a.pdf", [page]))
    assert title == "Överenskommelse om regional utveckling i Västerbotten"
    assert kinds(blocks, "paragraph") == [
        "Parterna ansvarar för infrastrukturprojekt och för kollektiv- och cykeltrafik längs E4."
    ]


def test_pdf_running_headers_page_numbers_and_contents_are_dropped(tmp_path):
    pages = []
    for number in range(1, 5):
        page = PdfPage()
        page.text(50, 20, "Avsiktsförklaring Business Region Halmstad", 8)
        page.text(280, 810, f"Sida {number} av 4", 8)
        pages.append(page)
    pages[0].text(50, 80, "Avsiktsförklaring om samverkan", 18, bold=True)
    pages[0].text(50, 120, "Innehåll", 14, bold=True)
    pages[0].text(50, 150, "1. Bakgrund . . . . . . . . . . . . . 2")
    pages[0].text(50, 164, "2. Åtaganden . . . . . . . . . . . . 3")
    for number, (heading, text) in enumerate(
        [("1. Bakgrund", "Kommunerna har länge samarbetat."),
         ("2. Åtaganden", "Parterna bidrar med personal."),
         ("3. Giltighet", "Avtalet gäller till och med 2026.")],
        start=1,
    ):  # fmt: skip
        pages[number].text(50, 80, heading, 14, bold=True)
        pages[number].text(50, 110, text)
    _, title, blocks = read_pdf(write_pdf(tmp_path / "a.pdf", pages))
    assert title == "Avsiktsförklaring om samverkan"
    assert [(b.text, b.page) for b in blocks if b.kind == "paragraph"] == [
        ("Kommunerna har länge samarbetat.", 2),
        ("Parterna bidrar med personal.", 3),
        ("Avtalet gäller till och med 2026.", 4),
    ]
    assert not any("Business Region" in b.text or "Sida" in b.text for b in blocks)


def test_join_lines():
    assert join_lines("infrastruktur-", "projekt") == "infrastrukturprojekt"
    assert join_lines("Ängelholm-", "Maria station") == "Ängelholm-Maria station"
    assert join_lines("kollektiv-", "och cykeltrafik") == "kollektiv- och cykeltrafik"
    assert join_lines("slut.", "Början") == "slut. Början"


# --------------------------------------------------------------------------- HTML


@pytest.fixture(scope="module")
def html_parsed(tmp_path_factory):
    return read_html(agreement_html(tmp_path_factory.mktemp("html") / "avtal.html"))


def test_html_structure(html_parsed):
    source, title, blocks = html_parsed
    assert_agreement_text(title, blocks)
    by_text = {b.text: b for b in blocks}
    sub = by_text["Delmål för kollektivtrafiken"]
    assert sub.heading_path == (SECTION_1, "Delmål för kollektivtrafiken") and sub.level == 3
    resandet = by_text["Resandet med kollektivtrafik ska öka med tio procent & fler ska cykla."]
    assert resandet.heading_path == sub.heading_path
    assert all(b.page is None for b in blocks)
    for block in blocks:
        if block.kind != "table_row":
            assert source[block.start : block.end] == block.text


def test_html_visible_text_only(html_parsed):
    source, _, blocks = html_parsed
    for hidden in ("skript", "color: red", "Dold text", "Startsida"):
        assert hidden not in source
        assert not any(hidden in b.text for b in blocks)


def test_html_table_rows_keep_their_headers(html_parsed):
    source, _, blocks = html_parsed
    assert_agreement_table(blocks, source)


def test_html_table_without_th_and_with_colspan(tmp_path):
    path = tmp_path / "t.htm"
    path.write_text(
        "<h2>Budget</h2><table>"
        "<tr><td>Post</td><td>År 2020</td><td>År 2021</td></tr>"
        "<tr><td>Marknadsföring</td><td colspan=2>1 mnkr per år</td></tr>"
        "<tr><td>Kansli</td><td>2 mnkr</td><td>3 mnkr</td></tr></table>",
        "utf-8",
    )
    _, _, blocks = read_html(path)
    rows = [b.table for b in blocks if b.kind == "table_row"]
    assert [r.value("Post") for r in rows] == ["Marknadsföring", "Kansli"]
    assert rows[0].value("År 2021") == "1 mnkr per år"
    assert rows[1].value("År 2021") == "3 mnkr"


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", None])
def test_html_in_cp1252(tmp_path, charset):
    meta = f'<meta charset="{charset}">' if charset else ""
    html = f"<html><head>{meta}</head><body><h1>Avsiktsförklaring</h1>"
    html += "<p>Åtgärder för öppna ängar – och ”gröna” stråk.</p></body></html>"
    path = tmp_path / "a.html"
    path.write_bytes(html.encode("cp1252"))
    _, title, blocks = read_html(path)
    assert title == "Avsiktsförklaring"
    assert kinds(blocks, "paragraph") == ["Åtgärder för öppna ängar – och ”gröna” stråk."]


def test_builder_title_is_the_first_heading_only():
    builder = BlockBuilder()
    builder.text("paragraph", "Dnr 2020/12")
    builder.heading("Avtal", 1)
    assert builder.title is None
    assert builder.blocks[1].heading_path == ("Avtal",)


# --------------------------------------------------------------------------- DOCX


@pytest.fixture(scope="module")
def docx_parsed(tmp_path_factory):
    return read_docx(agreement_docx(tmp_path_factory.mktemp("docx") / "avtal.docx"))


def test_docx_structure(docx_parsed):
    source, title, blocks = docx_parsed
    assert_agreement_text(title, blocks)
    by_text = {b.text: b for b in blocks}
    assert by_text[SECTION_1].level == 1
    sub = by_text["Delmål för kollektivtrafiken"]
    assert sub.level == 2 and sub.heading_path == (SECTION_1, "Delmål för kollektivtrafiken")
    # document order: the paragraph after the table is still in section 1, before 1.1
    order = [b.text for b in blocks]
    trafik = order.index("Trafikfrågorna samordnas med Region Skåne.")
    assert max(i for i, b in enumerate(blocks) if b.kind == "table_row") < trafik
    assert trafik < order.index("Delmål för kollektivtrafiken")
    for block in blocks:
        if block.kind != "table_row":
            assert source[block.start : block.end] == block.text


def test_docx_table_rows_keep_their_headers(docx_parsed):
    source, _, blocks = docx_parsed
    assert_agreement_table(blocks, source)


def test_docx_swedish_and_derived_heading_styles(tmp_path):
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    doc.styles.add_style("Rubrik 1", WD_STYLE_TYPE.PARAGRAPH)
    derived = doc.styles.add_style("Avtalsrubrik", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = doc.styles["Heading 2"]
    doc.add_paragraph("Samverkansavtal Skåne Nordväst", style="Title")
    doc.add_paragraph("Parter", style="Rubrik 1")
    doc.add_paragraph("Kommunerna i nordvästra Skåne.")
    doc.add_paragraph("Ekonomi", style="Avtalsrubrik")
    doc.add_paragraph("Kostnaderna delas efter invånarantal.")
    doc.add_paragraph("Enda raden")  # a one-row table has no header
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Bjuv"
    table.rows[0].cells[1].text = "Åstorp"
    path = tmp_path / "a.docx"
    doc.save(str(path))
    _, title, blocks = read_docx(path)
    assert title == "Samverkansavtal Skåne Nordväst"
    by_text = {b.text: b for b in blocks}
    assert by_text["Parter"].kind == "heading" and by_text["Parter"].level == 1
    assert by_text["Ekonomi"].level == 2
    assert by_text["Kostnaderna delas efter invånarantal."].heading_path == ("Parter", "Ekonomi")
    (row,) = [b for b in blocks if b.kind == "table_row"]
    assert row.table.cells == (("", "Bjuv"), ("", "Åstorp"))
