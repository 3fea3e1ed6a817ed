"""Empty and merged table cells: a merged cell takes the value above, an empty one stays empty.

A register record that takes a comment, a responsible party or an amount from the row above
invents something the document does not say, so only what the source marks as merged (or,
in text exports, can only be a merge) is filled from above.
"""

from __future__ import annotations

from pathlib import Path

from ingest.parse.docx import read_docx
from ingest.parse.html import read_html
from ingest.parse.pdf import read_pdf
from ingest.parse.text import parse_text
from tests.fixtures_formats import PdfPage, write_pdf


def _rows(blocks) -> list[dict[str, str]]:
    return [dict(b.table.cells) for b in blocks if b.kind == "table_row"]


def test_html_empty_cell_stays_empty_and_a_rowspan_is_carried(tmp_path: Path) -> None:
    path = tmp_path / "budget.html"
    path.write_text(
        "<table><tr><th>Post</th><th>Ansvarig</th><th>Kommentar</th></tr>"
        "<tr><td>Kansli</td><td rowspan=2>Ludvika</td><td>Beslutas av styrelsen.</td></tr>"
        "<tr><td>Resor</td><td></td></tr>"
        "<tr><td>Summa</td><td>Smedjebacken</td><td></td></tr></table>",
        "utf-8",
    )
    _, _, blocks = read_html(path)
    rows = _rows(blocks)
    assert [r["Post"] for r in rows] == ["Kansli", "Resor", "Summa"]
    assert rows[1]["Ansvarig"] == "Ludvika"  # the rowspan covers it
    assert rows[1]["Kommentar"] == ""  # an empty cell, not the comment of the row above
    assert rows[2]["Kommentar"] == ""


def test_html_group_label_written_once_is_carried(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(
        "<table><tr><th>Mål</th><th>Åtgärd</th><th>Ansvarig</th></tr>"
        "<tr><td>Trygg skola</td><td>1.1 Gemensam elevhälsa.</td><td>Falun</td></tr>"
        "<tr><td></td><td>1.2 Läxhjälp.</td><td></td></tr></table>",
        "utf-8",
    )
    _, _, blocks = read_html(path)
    second = _rows(blocks)[1]
    assert second["Mål"] == "Trygg skola"
    assert second["Ansvarig"] == ""


def test_docx_empty_cell_stays_empty(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    for r, values in enumerate(
        [
            ("Post", "Belopp", "Kommentar"),
            ("Kansli", "270", "Enligt avtal."),
            ("Summa", "1 820", ""),
        ]
    ):
        for c, value in enumerate(values):
            table.rows[r].cells[c].text = value
    path = tmp_path / "budget.docx"
    doc.save(str(path))
    _, _, blocks = read_docx(path)
    rows = _rows(blocks)
    assert rows[0]["Kommentar"] == "Enligt avtal."
    assert rows[1] == {"Post": "Summa", "Belopp": "1 820", "Kommentar": ""}


def test_pdf_empty_cell_stays_empty_and_a_group_label_is_carried(tmp_path: Path) -> None:
    page = PdfPage()
    page.text(50, 50, "Budget 2025", 18, bold=True)
    page.table(
        50,
        100,
        [120, 80, 200],
        [
            [["Post"], ["Belopp"], ["Kommentar"]],
            [["Kansli"], ["270"], ["Beslutas av styrelsen."]],
            [[""], ["130"], ["Resor ingår."]],
            [["Summa"], ["1 820"], [""]],
        ],
    )
    text, _, blocks = read_pdf(write_pdf(tmp_path / "budget.pdf", [page]))
    rows = _rows(blocks)
    assert rows[1]["Post"] == "Kansli"  # blank before the row's first value: a group label
    assert rows[2]["Post"] == "Summa"
    assert rows[2]["Kommentar"] == ""  # never "Resor ingår."
    assert "Summa | 1 820 | – |" in text  # the document text shows the cell as empty


def test_pdf_cell_spanned_from_its_left_is_not_filled_from_above(tmp_path: Path) -> None:
    """pdfplumber reports a cell covered by its left neighbour and one covered from above
    alike (None); 'Totalt för samverkan' spans Post and Ansvarig, so Ansvarig is empty."""
    page = PdfPage()
    page.text(50, 50, "Budget", 18, bold=True)
    x0, x1, x2, x3 = 50, 200, 300, 380
    tops = [100, 118, 136, 154]
    for top in tops:
        page.line(x0, top, x3, top)
    for x in (x0, x2, x3):
        page.line(x, tops[0], x, tops[-1])
    page.line(x1, tops[0], x1, tops[2])  # no line between Post and Ansvarig in the last row
    for top, cells in zip(
        tops,
        [
            [(x0, "Post"), (x1, "Ansvarig"), (x2, "Belopp")],
            [(x0, "Kansli"), (x1, "Ludvika"), (x2, "270")],
            [(x0, "Totalt för samverkan"), (x2, "400")],
        ],
        strict=False,
    ):
        for x, value in cells:
            page.text(x + 3, top + 4, value, 9)
    _, _, blocks = read_pdf(write_pdf(tmp_path / "budget.pdf", [page]))
    rows = _rows(blocks)
    assert rows[0]["Ansvarig"] == "Ludvika"
    assert rows[1]["Post"] == "Totalt för samverkan" and rows[1]["Ansvarig"] == ""


def test_a_blank_before_the_first_value_is_no_group_label_in_a_party_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.html"
    path.write_text(
        "<table><tr><th>Ansvarig</th><th>Åtgärd</th><th>Kostnad</th></tr>"
        "<tr><td>Ludvika</td><td>Gemensam växel.</td><td>270</td></tr>"
        "<tr><td></td><td>Summa</td><td>270</td></tr></table>",
        "utf-8",
    )
    _, _, blocks = read_html(path)
    assert _rows(blocks)[1] == {"Ansvarig": "", "Åtgärd": "Summa", "Kostnad": "270"}


def test_text_export_blank_cell_is_a_merge() -> None:
    """In a tab-separated export a merged cell leaves only a blank: it is carried down."""
    text = (
        "Mål\tMätetal\tAnsvarig\tKlart\n"
        "Lärande\t3.1 Resultat på nationella prov ska öka.\tÄngelholm\t2025\n"
        "\t3.2 Andel avhopp ska minska.\t\t2026\n"
    )
    _, blocks = parse_text(text)
    second = _rows(blocks)[1]
    assert second["Mål"] == "Lärande"
    assert second["Ansvarig"] == "Ängelholm"
