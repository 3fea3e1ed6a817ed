"""OCR with the real Tesseract: scans made at test time from the seed documents.

The Familjen Helsingborg plan is typeset onto A4 images (DejaVu, 300 dpi) by
benchmarks.scans; its table page is read back from a fully scanned PDF, a mixed PDF
(typed pages and a scan) and page images, clean and turned with noise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from benchmarks.ocr import page_text
from benchmarks.scans import cer, font_path, images_pdf, merged_pdf, noisy_page, typeset
from ingest.build import build
from ingest.discover import SourceFile, parse_file
from ingest.messages import Problem
from ingest.parse import UnreadableDocument, ocr
from ingest.parse.image import IMAGE_OCR_MISSING, read_image
from ingest.parse.pdf import read_pdf_pages
from ingest.schema import OCR_MARK, PageReading
from tests.conftest import CORPUS
from tests.fixtures_formats import agreement_pdf

pytestmark = [
    pytest.mark.skipif(not ocr.available(), reason=f"Tesseract missing ({ocr.INSTALL})"),
    pytest.mark.skipif(font_path() is None, reason="no DejaVu font (fonts-dejavu-core)"),
]
FAMILJEN = CORPUS / "familjen-helsingborg-verksamhetsplan-2016-2019.txt"
HEADERS = ("Mål 2016-2019", "Strategi", "Mätetal", "Ansvarig")


@pytest.fixture(scope="module")
def table_pages():
    """The two typeset pages of the plan with its infrastructure table: the table starts
    on the first (with its header) and goes on, with the Söderåsbanan row, on the second."""
    pages = typeset(FAMILJEN.read_text(encoding="utf-8"), dpi=300)
    n = next(n for n, p in enumerate(pages) if any("Söderåsbanan 1.6" in r for r in p.reference))
    return pages[n - 1 : n + 1]


@pytest.fixture(scope="module")
def table_page(table_pages):
    return table_pages[1]


@pytest.fixture(scope="module")
def scans(tmp_path_factory, table_pages) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    images_pdf(folder / "skannad.pdf", [p.image for p in table_pages])
    agreement_pdf(folder / "typed.pdf")
    merged_pdf(
        folder / "blandad.pdf", [(folder / "typed.pdf", None), (folder / "skannad.pdf", None)]
    )
    return folder


def _document(path: Path):
    return parse_file(SourceFile(path.name, path, "x", path.stat().st_size), {})


def test_a_clean_300_dpi_scan_reads_with_few_errors(table_page):
    result = ocr.read_page(table_page.image, 1)
    rate = cer(" ".join(table_page.reference), page_text(result.items))
    assert rate <= 0.03, rate
    assert result.reading.confidence is not None and result.reading.confidence > 85


def test_a_turned_noisy_scan_still_reads(table_page):
    result = ocr.read_page(noisy_page(table_page, seed=3), 1)
    assert cer(" ".join(table_page.reference), page_text(result.items)) <= 0.06


def test_scanned_table_rows_keep_their_headers(scans):
    document = _document(scans / "skannad.pdf")
    rows = [b for b in document.blocks if b.kind == "table_row"]
    soderas = [b for b in rows if "Söderåsbanan" in (b.table.value("Mätetal") or "")]
    assert soderas and soderas[0].table.value("Ansvarig") == "Svalöv"
    labelled = [b for b in rows if all(b.table.value(h) for h in HEADERS)]
    assert len(labelled) >= 0.8 * len(rows) > 5
    assert soderas[0].page == 2
    assert all(b.ocr and b.ocr_confidence > 85 for b in document.blocks)
    assert [r.page for r in document.readings] == [1, 2]


def test_a_mixed_pdf_keeps_typed_pages_and_reads_the_scanned_one(scans):
    document = _document(scans / "blandad.pdf")
    typed = [b for b in document.blocks if b.page in (1, 2)]
    scanned = [b for b in document.blocks if b.page in (3, 4)]
    assert typed and not any(b.ocr for b in typed)
    assert scanned and all(b.ocr for b in scanned)
    assert any("Svalöv" in b.text for b in scanned if b.page == 4)
    assert [r.page for r in document.readings] == [3, 4]


def test_without_tesseract_a_mixed_pdf_keeps_its_text_and_lists_the_scanned_page(
    scans, monkeypatch
):
    monkeypatch.setattr(ocr, "tesseract_binary", lambda: None)
    _, _, blocks, readings = read_pdf_pages(scans / "blandad.pdf")
    assert {b.page for b in blocks} == {1, 2} and not any(b.ocr for b in blocks)
    assert readings == [
        PageReading(3, None, ocr.NOT_INSTALLED),
        PageReading(4, None, ocr.NOT_INSTALLED),
    ]
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in str(ocr.page_problem(readings[0]))
    with pytest.raises(UnreadableDocument) as error:
        read_pdf_pages(scans / "skannad.pdf")
    assert error.value.code == ocr.OCR_MISSING


def _short_page(text: str, dpi: int = 300) -> Image.Image:
    return typeset(text, dpi)[0].image


SHORT = (
    "# Avtal om vinterväghållning\n\n"
    "Kommunerna Ånge och Bräcke delar på kostnaden för snöröjning av väg 83.\n"
)


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".tif"])
def test_page_images_are_read(tmp_path, suffix):
    path = tmp_path / f"sida{suffix}"
    _short_page(SHORT).save(path, dpi=(300, 300))
    text, title, blocks, readings = read_image(path)
    assert "snöröjning av väg 83" in text
    assert title == "Avtal om vinterväghållning"
    assert all(b.ocr and b.page == 1 for b in blocks)
    assert readings[0].confidence > 85


def test_an_upside_down_page_is_turned(tmp_path):
    path = tmp_path / "uppochner.png"
    _short_page(SHORT).rotate(180).save(path)
    text = read_image(path)[0]
    assert "Bräcke delar på kostnaden" in text


def _photograph() -> Image.Image:
    """Soft shapes and noise, no letters: what a photograph looks like to OCR."""
    import numpy as np

    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:1200, 0:900]
    pixels = 128 + 60 * np.sin(x / 90) * np.cos(y / 70) + rng.normal(0, 25, x.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"))
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 300, 600, 700), fill=30)
    return image


def _drawing() -> Image.Image:
    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    for n in range(6):
        draw.rectangle((100 + n * 200, 300, 250 + n * 200, 1500 - n * 120), outline=0, width=6)
    draw.ellipse((400, 1600, 1200, 2100), outline=0, width=8)
    return image


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("tom.png", lambda: Image.new("L", (1700, 2200), 255), "blank page"),
        ("foto.jpg", _photograph, None),
        ("ritning.png", _drawing, None),
    ],
)
def test_an_image_without_text_gets_one_clear_reason(tmp_path, name, make, reason):
    path = tmp_path / name
    make().save(path)
    with pytest.raises(UnreadableDocument) as error:
        read_image(path)
    message = str(error.value)
    assert message.startswith("no readable text in the image (")
    if reason:
        assert message == f"no readable text in the image ({reason})"


def test_a_page_over_its_time_limit_is_listed_not_read(table_page):
    result = ocr.read_page(table_page.image, 4, seconds=0.05)
    assert result.items == []
    assert str(result.reading.stored_problem()) == "not read: OCR took too long (over 0 s)"


def test_a_long_scan_is_read_page_by_page_with_progress(tmp_path):
    blank = Image.new("L", (600, 800), 255)
    path = images_pdf(tmp_path / "lang.pdf", [blank] * 200, dpi=72)
    seen: list[tuple[int, int]] = []
    with (
        ocr.reporting(lambda done, total: seen.append((done, total))),
        pytest.raises(UnreadableDocument) as error,
    ):
        read_pdf_pages(path)
    assert seen == [(n, 200) for n in range(1, 201)]
    assert str(error.value) == "no text layer, and OCR found no readable text (blank page: 200 p.)"


def test_pages_beyond_the_documents_ocr_time_are_listed(table_page):
    pages = [(n, table_page.image, 300) for n in (1, 2)]
    results = list(ocr.read_pages(pages, 2, budget=0.0))
    assert [r.reading.stored_problem() for r in results] == [
        Problem(ocr.OVER_BUDGET, {"seconds": 0.0})
    ] * 2


def test_an_image_without_tesseract_names_the_install_command(tmp_path, monkeypatch):
    path = tmp_path / "sida.png"
    _short_page(SHORT, dpi=150).save(path)
    monkeypatch.setattr(ocr, "tesseract_binary", lambda: None)
    with pytest.raises(UnreadableDocument) as error:
        read_image(path)
    assert error.value.code == IMAGE_OCR_MISSING


# -- through the index and the assistant ------------------------------------------------
@pytest.fixture(scope="module")
def scanned_corpus(tmp_path_factory, scans, embedder):
    from assistant.config import Settings
    from assistant.service import Assistant

    root = tmp_path_factory.mktemp("ocr-corpus")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "familjen-helsingborg-skannad.pdf").write_bytes((scans / "skannad.pdf").read_bytes())
    (corpus / "avtal.txt").write_text("Avtal om samverkan\n\nKommunerna samarbetar om avfall.\n")
    report = build(corpus, root / "index", embedder.model_id, 50_000_000, embedder=embedder)
    assistant = Assistant(Settings(index_dir=root / "index", corpus_dir=corpus), embedder=embedder)
    return report, assistant, root


def test_the_headline_question_answers_from_ocr_text_with_page_and_mark(scanned_corpus):
    report, assistant, _ = scanned_corpus
    assert report.documents == 2 and not report.problems
    answer = assistant.ask("Vem ansvarar för Söderåsbanan?")
    assert answer.found and "Svalöv" in answer.text, answer.text
    first = answer.citations[0]
    assert first.chunk.ocr and first.chunk.page == 2
    assert first.label().endswith(f"s. 2 {OCR_MARK}")


def test_ocr_provenance_survives_the_stored_index(scanned_corpus):
    _, assistant, _ = scanned_corpus
    answer = assistant.ask("Vem ansvarar för Söderåsbanan?")
    assert answer.citations[0].chunk.ocr_confidence > 85


def test_low_confidence_pages_are_listed_in_the_summary(
    tmp_path, scans, embedder, monkeypatch, capsys
):
    from ingest.__main__ import print_summary

    monkeypatch.setenv(ocr.MIN_CONFIDENCE_ENV, "99.5")  # every page is "hard to read"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "skannad.pdf").write_bytes((scans / "skannad.pdf").read_bytes())
    report = build(corpus, tmp_path / "index", embedder.model_id, 50_000_000, embedder=embedder)
    assert [(n.path, n.page) for n in report.to_check] == [("skannad.pdf", 1), ("skannad.pdf", 2)]
    assert report.to_check[0].reason.startswith("hard to read (mean word confidence ")
    print_summary(report, tmp_path / "index")
    assert "check skannad.pdf page 1: hard to read" in capsys.readouterr().err


# -- Administrera ---------------------------------------------------------------------------
def test_the_admin_upload_accepts_a_scan_and_shows_its_ocr_quality(tmp_path, scans):
    from assistant.admin.corpus import ALLOWED_TYPES, save_upload

    assert {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"} <= set(ALLOWED_TYPES)
    corpus = tmp_path / "corpus"
    outcome = save_upload(scans / "skannad.pdf", "skannad avtal.pdf", corpus, 50_000_000, False)
    assert outcome.done, outcome.message
    assert outcome.message.startswith("sparad; inläst med OCR (2 sidor, medelsäkerhet ")
    assert (corpus / "skannad avtal.pdf").is_file()


def test_the_admin_file_list_names_pages_to_check(scanned_corpus, monkeypatch):
    from assistant.admin.index import file_rows

    _, assistant, _ = scanned_corpus
    rows = {row[0]: row[2] for row in file_rows(assistant)}
    status = rows["familjen-helsingborg-skannad.pdf"]
    assert status.startswith("Indexerad; inläst med OCR (2 sidor, medelsäkerhet ")
    assert "svårläst" not in status
    monkeypatch.setenv(ocr.MIN_CONFIDENCE_ENV, "99.5")
    status = {row[0]: row[2] for row in file_rows(assistant)}["familjen-helsingborg-skannad.pdf"]
    assert status.endswith("; sida 1 svårläst – kontrollera; sida 2 svårläst – kontrollera")
    assert rows["avtal.txt"] == "Indexerad"
