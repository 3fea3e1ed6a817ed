"""The "onnx" embedding backend: the packaged MiniLM on onnxruntime with int8 weights.

The real model throughout: the fp32 export (made here by scripts/export_onnx.py) gives
sentence-transformers' vectors, the shipped int8 model nearly; the index records the
backend; the CLI answers on an onnx index without torch."""

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
from ingest.embed_onnx import OnnxEmbedder, onnx_available
from ingest.store import IndexUnavailable, open_index, read_manifest
from tests.cli_probe import HEAVY, ask_and_list_imports

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
MAX = 50_000_000
QUESTION = "Vem ansvarar för Söderåsbanan?"
ONNX = "onnx:" + PACKAGED_MODEL


@pytest.fixture(scope="module")
def onnx_index(tmp_path_factory) -> Path:
    index_dir = tmp_path_factory.mktemp("onnx") / "index"
    report = build(CORPUS, index_dir, PACKAGED_MODEL, MAX, backend="onnx")
    assert report.documents == 5
    return index_dir


@pytest.fixture(scope="module")
def passages(onnx_index) -> list[str]:
    """About 50 passages of the seed corpus as the index embeds them, and two questions."""
    from ingest.embed import embedding_text

    chunks = open_index(onnx_index, ONNX).chunks
    step = max(1, len(chunks) // 50)
    texts = [embedding_text(c.title, c.section, c.text) for c in chunks[::step]]
    return [*texts, QUESTION, "Vilka kommuner ingår i samarbetet?"]


@pytest.fixture(scope="module")
def reference(passages, minilm) -> np.ndarray:
    return minilm.embed(passages)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_the_fp32_export_gives_sentence_transformers_vectors(tmp_path, passages, reference):
    pytest.importorskip("onnx")
    from scripts.export_onnx import export

    out = export(tmp_path / "minilm-onnx", keep_fp32=True, fused_fp32=True)
    vectors = OnnxEmbedder(out, model_file="model.onnx").embed(passages)
    assert vectors.shape == reference.shape
    assert _cosines(vectors, reference).min() > 0.999
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # the fused graph of backend onnx-fp32 (make onnx-fp32) is as close
    fused = OnnxEmbedder(out, model_file=embed_onnx.FP32_FILE).embed(passages)
    assert _cosines(fused, reference).min() > 0.99999
    # the int8 model made now is the one shipped (same weights, same quantisation)
    remade = OnnxEmbedder(out).embed(passages)
    assert _cosines(remade, OnnxEmbedder().embed(passages)).min() > 0.9999


def test_the_int8_vectors_are_close_to_sentence_transformers(passages, reference):
    embedder = make_embedder(PACKAGED_MODEL, "onnx")
    assert isinstance(embedder, OnnxEmbedder) and embedder.model_id == ONNX
    assert embedder.dim == reference.shape[1] == 384
    assert _cosines(embedder.embed(passages), reference).min() > 0.98
    # a question alone (as asked) and in a batch
    alone = embedder.embed([QUESTION])[0]
    assert float(alone @ reference[-2]) > 0.98
    assert embedder.embed([]).shape == (0, 384)
    assert np.isfinite(embedder.embed(["", "   ", "x" * 20_000])).all()


def test_the_onnx_backend_is_recorded_in_the_index(onnx_index):
    assert embedding_id(PACKAGED_MODEL, "onnx") == ONNX
    assert embedding_id("/some/multilingual-model", "onnx") == "/some/multilingual-model"
    assert Settings(embedding_backend="onnx").embedding_id == ONNX
    assert read_manifest(onnx_index).embedding_model == ONNX
    index = open_index(onnx_index, ONNX)
    assert index.vectors is not None and index.vectors.shape == (len(index.chunks), 384)
    for backend in ("sentence-transformers", "static"):
        other = Settings(index_dir=onnx_index, embedding_backend=backend)
        with pytest.raises(IndexUnavailable, match="rebuild"):
            Assistant(other)
    settings = Settings(index_dir=onnx_index, embedding_backend="onnx")
    hits = Assistant(settings).retriever.search(QUESTION, QUESTION, 8)
    assert any(h.dense_rank for h in hits) and any(h.dense_score > 0.3 for h in hits)


def test_missing_onnx_files_fall_back_with_one_line(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(embed_onnx, "ONNX_MODEL_DIR", tmp_path / "missing")
    monkeypatch.setattr(embed, "_warned", set())
    assert "scripts/export_onnx.py" in onnx_available()
    with caplog.at_level(logging.WARNING, logger="ingest.embed"):
        assert effective_backend(PACKAGED_MODEL, "onnx") == "sentence-transformers"
        assert embedding_id(PACKAGED_MODEL, "onnx") == PACKAGED_MODEL
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "\n" not in messages[0]
    assert "ONNX embedding model is missing" in messages[0]
    assert "sentence-transformers" in messages[0]


def test_the_cli_answers_without_torch_on_an_onnx_index(onnx_index):
    answer, modules = ask_and_list_imports(onnx_index, QUESTION, "onnx")
    assert answer["answer"]
    assert modules.isdisjoint(HEAVY)
    assert "onnxruntime" in modules  # the question was embedded by the ONNX model
