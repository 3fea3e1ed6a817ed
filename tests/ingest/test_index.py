"""Chunking limits, the stored index, its manifest and its failure modes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ingest.build import build, staleness
from ingest.chunk import MAX_WORDS, chunk_document
from ingest.discover import load_corpus
from ingest.embed import embedding_text
from ingest.store import IndexUnavailable, open_index, read_manifest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_chunks_are_small_and_keep_rows_whole(minilm):
    parsed = load_corpus(CORPUS, 50_000_000)
    tokenizer = minilm._model.tokenizer
    for document in parsed.documents:
        for chunk in chunk_document(document):
            assert len(chunk.text.split()) <= MAX_WORDS + 5, chunk.text
            text = embedding_text(chunk.title, chunk.section, chunk.text)
            assert len(tokenizer(text)["input_ids"]) <= 256 or len(chunk.text.split()) > 40
            if chunk.row is not None and chunk.row.value("Ansvarig"):
                assert chunk.text.endswith(f"Ansvarig: {chunk.row.value('Ansvarig')}")


def test_no_words_are_lost_in_chunking():
    # a long first cell is shortened where it labels each piece of its row; its words
    # must still be in some chunk (ÅVS … "tillsammans med Region Skåne")
    parsed = load_corpus(CORPUS, 50_000_000)
    for document in parsed.documents:
        chunked = " ".join(c.text for c in chunk_document(document)).split()
        indexed = set(chunked)
        for block in document.blocks:
            if block.kind == "heading":  # kept in the chunks' heading paths
                continue
            missing = [w for w in block.text.split() if w not in indexed]
            assert not missing, (document.doc_id, block.text[:80], missing[:5])


def test_a_long_label_is_not_repeated_in_its_own_piece():
    """A row too long for one chunk repeats a shortened label ('… tillsammans med …') in
    front of each later piece; the first piece starts with the label itself, whole, so a
    quote from it reads the sentence ('… tillsammans med Region Skåne.') and not its stub."""
    parsed = load_corpus(CORPUS, 50_000_000)
    long_rows = 0
    for document in parsed.documents:
        by_row: dict[tuple[int, int], list[str]] = {}
        for chunk in chunk_document(document):
            if chunk.row is not None:
                by_row.setdefault((chunk.row.table, chunk.row.row), []).append(chunk.text)
        for texts in by_row.values():
            if len(texts) > 1 and " … | " in texts[1]:
                long_rows += 1
                stub = texts[1].split(" … | ")[0]
                assert texts[0][:30] == stub[:30] and not texts[0].startswith(stub + " … |")
                assert all(t.startswith(stub + " … | ") for t in texts[1:])
    assert long_rows >= 2  # the seed corpus has such rows (MalmöLundregionen's plan)
    avs = "ÅVS MalmöLundregionen har genomförts tillsammans med Region Skåne."
    firsts = [c.text for d in parsed.documents for c in chunk_document(d) if avs in c.text]
    assert firsts and all(" … | " not in t.split(avs)[0] for t in firsts)


def test_index_holds_every_chunk_with_provenance(seed_index, embedder):
    manifest = read_manifest(seed_index)
    assert manifest.dim == embedder.dim
    assert set(manifest.documents) == {p.name for p in CORPUS.glob("*.txt")}
    stored = open_index(seed_index, manifest.embedding_model)
    assert len(stored.chunks) == sum(d.chunks for d in manifest.documents.values())
    assert stored.collection.count() == len(stored.chunks)
    soderas = [c for c in stored.chunks if "1.6 Byggstart för Söderåsbanan" in c.text]
    assert len(soderas) == 1
    chunk = soderas[0]
    assert chunk.title == "Verksamhetsplan Familjen Helsingborg 2016-2019"
    assert chunk.heading_path == ("1. Infrastruktur och kollektivtrafik",)
    assert chunk.row is not None and chunk.row.value("Ansvarig") == "Svalöv"


def test_other_model_is_a_clear_error(seed_index):
    with pytest.raises(IndexUnavailable, match="python -m ingest --full"):
        open_index(seed_index, "some-other-model")


def test_missing_index_says_how_to_build(tmp_path):
    with pytest.raises(IndexUnavailable, match="python -m ingest"):
        read_manifest(tmp_path / "nothing")


class FailingEmbedder:
    model_id = "packaged:all-MiniLM-L6-v2"
    dim = 384

    def embed(self, texts):
        raise RuntimeError("embedding failed halfway")


def test_failed_rebuild_leaves_the_working_index(seed_index, tmp_path, embedder):
    index_dir = tmp_path / "index"
    shutil.copytree(seed_index, index_dir, symlinks=True)
    before = read_manifest(index_dir).to_json()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ny.txt").write_text("Ny rubrik\n\nEn helt ny text om samarbete.\n", "utf-8")
    with pytest.raises(RuntimeError):
        build(corpus, index_dir, embedder.model_id, 1_000_000, embedder=FailingEmbedder())
    assert read_manifest(index_dir).to_json() == before
    open_index(index_dir, embedder.model_id)  # still opens


def test_staleness_and_bad_files(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "avtal.txt").write_text(
        "Avtal om samverkan\n\nKommunerna Ö och Å samarbetar om avfall.\n", "utf-8"
    )
    (corpus / "tom.txt").write_text("", "utf-8")
    (corpus / "bild.gif").write_bytes(b"GIF89a")
    index_dir = tmp_path / "index"
    assert staleness(corpus, index_dir, embedder.model_id, 10_000) == "no index yet"
    report = build(corpus, index_dir, embedder.model_id, 10_000, embedder=embedder)
    assert report.documents == 1
    reasons = {p.path: p.reason for p in report.problems}
    assert reasons == {"tom.txt": "empty file", "bild.gif": "unsupported file type '.gif'"}
    assert staleness(corpus, index_dir, embedder.model_id, 10_000) == ""
    (corpus / "avtal.txt").write_text("Avtal\n\nÄndrad text om avfall.\n", "utf-8")
    assert "changed" in staleness(corpus, index_dir, embedder.model_id, 10_000)
    manifest = json.loads(read_manifest(index_dir).to_json())
    assert manifest["problems"] and manifest["embedding_model"] == embedder.model_id
