"""The "onnx-fp32" embedding backend: the packaged MiniLM's fused fp32 graph on onnxruntime.

The real model throughout (made at install by `make onnx-fp32`): its vectors are
sentence-transformers' own, in any batch; the index records the backend; without the file
the backend falls back to sentence-transformers with one line; the CLI answers without
torch."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.service import Assistant
from ingest import embed, embed_onnx
from ingest.build import build
from ingest.embed import PACKAGED_MODEL, effective_backend, embedding_id, make_embedder
from ingest.embed_onnx import OnnxEmbedder, onnx_available, onnx_revision
from ingest.store import IndexUnavailable, open_index, read_manifest
from tests.cli_probe import HEAVY, ask_and_list_imports

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
QUESTION = "Vem ansvarar för Söderåsbanan?"
FP32 = "onnx-fp32:" + PACKAGED_MODEL


@pytest.fixture(scope="module")
def fp32_index(tmp_path_factory) -> Path:
    assert not onnx_available(backend="onnx-fp32"), "run make onnx-fp32 first"
    index_dir = tmp_path_factory.mktemp("onnx-fp32") / "index"
    report = build(CORPUS, index_dir, PACKAGED_MODEL, 50_000_000, backend="onnx-fp32")
    assert report.documents == 5
    return index_dir


@pytest.fixture(scope="module")
def passages(fp32_index) -> list[str]:
    """Every third passage of the seed corpus as the index embeds it, and two questions."""
    from ingest.embed import embedding_text

    chunks = open_index(fp32_index, FP32).chunks
    texts = [embedding_text(c.title, c.section, c.text) for c in chunks[::3]]
    return [*texts, QUESTION, "Vilka kommuner ingår i samarbetet?"]


def test_the_fp32_vectors_are_sentence_transformers_vectors(passages, minilm):
    embedder = make_embedder(PACKAGED_MODEL, "onnx-fp32")
    assert isinstance(embedder, OnnxEmbedder) and embedder.model_id == FP32
    reference = minilm.embed(passages)
    vectors = embedder.embed(passages)
    assert vectors.shape == reference.shape == (len(passages), 384)
    assert (vectors * reference).sum(axis=1).min() > 0.99999
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # fp32 has no per-run activation scale: batches of similar length give the same vectors
    embedder.batch_size = 8
    assert (embedder.embed(passages) * vectors).sum(axis=1).min() > 0.99999
    assert float(embedder.embed([QUESTION])[0] @ reference[-2]) > 0.99999
    assert embedder.embed([]).shape == (0, 384)


def test_the_fp32_backend_is_recorded_in_the_index(fp32_index):
    assert embedding_id(PACKAGED_MODEL, "onnx-fp32") == FP32
    assert embedding_id("/some/multilingual-model", "onnx-fp32") == "/some/multilingual-model"
    assert Settings(embedding_backend="onnx-fp32").embedding_id == FP32
    assert read_manifest(fp32_index).embedding_model == FP32
    for backend in ("sentence-transformers", "onnx"):
        other = Settings(index_dir=fp32_index, embedding_backend=backend)
        with pytest.raises(IndexUnavailable, match="rebuild"):
            Assistant(other)
    settings = Settings(index_dir=fp32_index, embedding_backend="onnx-fp32")
    hits = Assistant(settings).retriever.search(QUESTION, QUESTION, 8)
    assert any(h.dense_rank for h in hits) and any(h.dense_score > 0.3 for h in hits)
    # cached eval indexes are keyed by the model file too, never shared with int8's
    assert onnx_revision(backend="onnx-fp32") not in ("", onnx_revision(backend="onnx"))


def test_a_missing_fp32_model_falls_back_with_one_line(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(embed_onnx, "ONNX_MODEL_DIR", tmp_path / "missing")
    monkeypatch.setattr(embed, "_warned", set())
    assert "make onnx-fp32" in onnx_available(backend="onnx-fp32")
    with caplog.at_level(logging.WARNING, logger="ingest.embed"):
        assert effective_backend(PACKAGED_MODEL, "onnx-fp32") == "sentence-transformers"
        assert embedding_id(PACKAGED_MODEL, "onnx-fp32") == PACKAGED_MODEL
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "\n" not in messages[0]
    assert "make onnx-fp32" in messages[0] and "sentence-transformers" in messages[0]


def test_the_cli_answers_without_torch_on_an_fp32_index(fp32_index):
    answer, modules = ask_and_list_imports(fp32_index, QUESTION, "onnx-fp32")
    assert answer["answer"]
    assert modules.isdisjoint(HEAVY)
    assert "onnxruntime" in modules
