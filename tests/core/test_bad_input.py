"""Bad input: each bad file gets one clear reason, the good files are still indexed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.discover import BINARY, UTF16, discover, load_corpus
from ingest.messages import message
from ingest.parse import PARSERS
from ingest.parse.docx import NO_WORD_DOCUMENT, NOT_A_DOCX, OLE_FORMAT
from ingest.parse.image import NOT_AN_IMAGE
from ingest.parse.pdf import ENCRYPTED, NOT_A_PDF
from tests.fixtures_formats import (
    OLE_MAGIC,
    agreement_docx,
    agreement_html,
    agreement_pdf,
    damaged_pdf,
    junk,
    scanned_pdf,
    zip_without_document,
)

MAX_BYTES = 100_000
NO_TEXT_LAYER = "no text layer, and OCR found no readable text"
GOOD_TEXT = "Avtal om samverkan\n\nKommunerna Höör och Åstorp samarbetar om avfall.\n"
SWEDISH = "Överenskommelse om Öresund\n\nÅtgärder för gröna stråk – och ”hållbar” tillväxt.\n"


def write(data: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data)


def good_corpus(tmp_path: Path) -> Path:
    """One good file of each format."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "avtal.txt").write_text(GOOD_TEXT, "utf-8")
    agreement_pdf(corpus / "plan.pdf")
    agreement_docx(corpus / "plan.docx")
    agreement_html(corpus / "plan.html")
    return corpus


GOOD = {"avtal.txt", "plan.pdf", "plan.docx", "plan.html"}

# file name, how to make it, the one reason expected (None: the reason starts with `prefix`)
CASES: list[tuple[str, Callable[[Path], object], str]] = [
    ("tom.txt", write(b""), "empty file"),
    ("tom.pdf", write(b""), "empty file"),
    ("blank.md", write(b"  \n\t\r\n"), "empty file (only whitespace)"),
    ("skrap.pdf", write(junk()), message(NOT_A_PDF)),
    ("skrap.docx", write(junk()), message(NOT_A_DOCX)),
    ("gammal.docx", write(OLE_MAGIC + junk(seed=2)), message(OLE_FORMAT)),
    ("tomt-paket.docx", zip_without_document, message(NO_WORD_DOCUMENT)),
    ("last.pdf", lambda p: agreement_pdf(p, user_password="hemligt"), message(ENCRYPTED)),
    ("skannad.pdf", scanned_pdf, f"{NO_TEXT_LAYER} (blank page: 1 p.)"),
    ("binar.txt", write(b"Avtal\x00\x01\x02" + junk()), message(BINARY)),
    ("binar.html", write(b"<html>\x00\x00" + junk()), message(BINARY)),
    ("utf16.txt", write(GOOD_TEXT.encode("utf-16")), message(UTF16)),
    ("stor.txt", write(b"avtal " * 25_000), "file too large (150.0 kB; the limit is 100.0 kB)"),
    ("kopia.txt", write(GOOD_TEXT.encode("utf-8")), "duplicate of avtal.txt (same content)"),
    ("bild.png", write(b"GIF89a" + junk()), message(NOT_AN_IMAGE, kind="PNG")),
    ("bild.gif", write(b"GIF89a" + junk()), "unsupported file type '.gif'"),
    ("avtal.doc", write(OLE_MAGIC), "unsupported file type '.doc'"),
    ("LICENS", write(b"text"), "unsupported file type '(none)'"),
]


@pytest.mark.parametrize(("name", "make", "reason"), CASES, ids=[c[0] for c in CASES])
def test_one_bad_file_gets_one_reason(tmp_path, name, make, reason):
    corpus = good_corpus(tmp_path)
    make(corpus / name)
    result = load_corpus(corpus, MAX_BYTES)
    assert [(p.path, p.reason) for p in result.problems] == [(name, reason)]
    assert {d.doc_id for d in result.documents} == GOOD


def test_damaged_pdf_with_a_header(tmp_path):
    corpus = good_corpus(tmp_path)
    damaged_pdf(corpus / "trasig.pdf")
    result = load_corpus(corpus, MAX_BYTES)
    (problem,) = result.problems
    assert problem.path == "trasig.pdf"
    assert problem.reason.startswith("damaged PDF (") and "\n" not in problem.reason
    assert {d.doc_id for d in result.documents} == GOOD


def test_all_bad_files_at_once(tmp_path):
    corpus = good_corpus(tmp_path)
    for name, make, _ in CASES:
        make(corpus / name)
    (corpus / "~$plan.docx").write_bytes(b"\x0bOwner lock file")  # Word's lock file: ignored
    result = load_corpus(corpus, MAX_BYTES)
    assert {p.path: p.reason for p in result.problems} == {n: r for n, _, r in CASES}
    assert {d.doc_id for d in result.documents} == GOOD


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_keep_swedish_letters(tmp_path, encoding):
    text = SWEDISH if encoding == "cp1252" else SWEDISH.replace("–", "-").replace("”", '"')
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "oresund.txt").write_bytes(text.encode(encoding))
    result = load_corpus(corpus, MAX_BYTES)
    assert result.problems == ()
    (document,) = result.documents
    assert document.title == "Överenskommelse om Öresund"
    assert [b.text for b in document.blocks if b.kind == "paragraph"] == [
        text.split("\n\n")[1].strip()
    ]


def test_a_parser_crash_is_one_line(tmp_path, monkeypatch):
    def crash(path: Path):
        raise ValueError("line one\nline two\n" + "x" * 500)

    monkeypatch.setitem(PARSERS, ".txt", crash)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Avtal\n\nText.\n", "utf-8")
    (problem,) = load_corpus(corpus, MAX_BYTES).problems
    assert problem.reason.startswith("could not be read (ValueError: line one line two x")
    assert "\n" not in problem.reason and len(problem.reason) <= 200


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD_TEXT, "utf-8")
    (corpus / "b.txt").write_text("Annat avtal\n\nText.\n", "utf-8")
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    files, problems = discover(corpus, MAX_BYTES)
    assert [f.doc_id for f in files] == ["a.txt"]
    assert [(p.path, p.reason) for p in problems] == [
        ("b.txt", "could not be opened (PermissionError: Permission denied)")
    ]
