"""The document reader shows the parsed text of every format, so chunk offsets mark it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.web.documents import read_source
from ingest.discover import file_hash
from ingest.parse import PARSERS
from tests.fixtures_formats import agreement_docx, agreement_html, agreement_pdf


@pytest.mark.parametrize("make", [agreement_pdf, agreement_docx, agreement_html])
def test_reader_text_holds_every_passage_at_its_offsets(tmp_path: Path, make):
    suffix = {agreement_pdf: ".pdf", agreement_docx: ".docx", agreement_html: ".html"}[make]
    path = make(tmp_path / f"avtal{suffix}")
    text = read_source(tmp_path, path.name, file_hash(path.read_bytes()))
    assert text is not None and "\x00" not in text
    blocks = PARSERS[suffix](path).blocks
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    assert paragraphs
    for block in paragraphs:
        assert block.text.split()[0] in text[block.start : block.end]
