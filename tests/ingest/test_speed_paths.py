"""The fast paths: the static embedding backend (AVTAL_EMBEDDING_BACKEND=static), the index
recording its backend, a CLI that answers without torch or Chroma on a static index, and the
lookups that replaced scans."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.qa.forms import present_in
from assistant.service import Assistant
from ingest.build import build, staleness
from ingest.embed import (
    NO_DENSE_ID,
    PACKAGED_MODEL,
    STATIC_MODEL_DIR,
    StaticEmbedder,
    embedding_id,
    make_embedder,
)
from ingest.store import IndexUnavailable, open_index, read_manifest
from tests.cli_probe import HEAVY, ask_and_list_imports

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
MAX = 50_000_000
QUESTION = "Vem ansvarar för Söderåsbanan?"


STATIC = "static:" + PACKAGED_MODEL


@pytest.fixture(scope="module")
def static_index(tmp_path_factory) -> Path:
    index_dir = tmp_path_factory.mktemp("static") / "index"
    report = build(CORPUS, index_dir, PACKAGED_MODEL, MAX, backend="static")
    assert report.documents == 5
    return index_dir


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in sorted(p.name for p in CORPUS.glob("*.txt"))[:2]:
        shutil.copy(CORPUS / name, corpus / name)
    return corpus


def test_the_static_backend_is_recorded_in_the_index(static_index):
    assert isinstance(make_embedder(PACKAGED_MODEL, "static"), StaticEmbedder)
    assert Settings(embedding_backend="static").embedding_id == STATIC
    assert read_manifest(static_index).embedding_model == STATIC
    # another backend's settings are refused before any model is loaded
    other = Settings(index_dir=static_index, embedding_backend="sentence-transformers")
    with pytest.raises(IndexUnavailable, match="rebuild"):
        Assistant(other)


def test_static_vectors_are_model2vec_s(static_index):
    model2vec = pytest.importorskip("model2vec")
    reference = model2vec.StaticModel.from_pretrained(str(STATIC_MODEL_DIR), normalize=True)
    texts = [c.text for c in open_index(static_index, STATIC).chunks[:80]]
    texts += [QUESTION, "", "¤ ¤", "x" * 20_000]
    ours = StaticEmbedder().embed(texts)
    theirs = reference.encode(texts, use_multiprocessing=False)
    assert np.allclose(ours, theirs, atol=1e-6)


def test_questions_and_passages_are_embedded_by_the_static_model(static_index):
    embedder = StaticEmbedder()
    index = open_index(static_index, STATIC)
    assert index.vectors is not None and index.vectors.shape == (len(index.chunks), embedder.dim)
    from ingest.embed import embedding_text

    first = index.chunks[0]
    again = embedder.embed([embedding_text(first.title, first.section, first.text)])[0]
    assert np.allclose(index.vectors[0], again, atol=1e-5)
    settings = Settings(index_dir=static_index, embedding_backend="static")
    hits = Assistant(settings).retriever.search(QUESTION, QUESTION, 8)
    assert any(h.dense_rank for h in hits) and any(h.dense_score > 0.3 for h in hits)


def test_a_backend_change_rebuilds_everything(small_corpus, tmp_path):
    index = tmp_path / "index"
    first = build(small_corpus, index, PACKAGED_MODEL, MAX)
    assert read_manifest(index).embedding_model == embedding_id(PACKAGED_MODEL)
    assert staleness(small_corpus, index, PACKAGED_MODEL, MAX) == ""
    assert "-> none" in staleness(small_corpus, index, PACKAGED_MODEL, MAX, backend="none")
    lexical = build(small_corpus, index, PACKAGED_MODEL, MAX, backend="none")
    assert lexical.full and lexical.reason.code == "model_changed"
    assert lexical.embedded == first.embedded == lexical.chunks
    assert read_manifest(index).embedding_model == NO_DENSE_ID
    # with no dense side the answer comes from the lexical ranks alone
    settings = Settings(index_dir=index, embedding_backend="none")
    answer = Assistant(settings).ask("Vilka kommuner ingår i samarbetet?")
    assert answer.hits and all(h.dense_rank is None for h in answer.hits)


def test_the_static_backend_serves_the_packaged_model_only():
    assert embedding_id("/some/multilingual-model") == "/some/multilingual-model"
    assert embedding_id(PACKAGED_MODEL, "sentence-transformers") == PACKAGED_MODEL
    assert embedding_id(PACKAGED_MODEL, "none") == NO_DENSE_ID
    assert isinstance(make_embedder(PACKAGED_MODEL, "static"), StaticEmbedder)


def test_the_cli_answers_without_torch_or_chroma_on_a_static_index(static_index):
    answer, modules = ask_and_list_imports(static_index, QUESTION, "static")
    assert answer["answer"]
    assert modules.isdisjoint(HEAVY)


@pytest.mark.parametrize(
    ("stem", "tokens", "found"),
    [
        ("finansi", {"finansiering"}, True),  # a derivation of the stem
        ("finansiering", {"finansi"}, True),  # the stem a derivation of the token
        ("genomförd", {"genomfört"}, True),  # participle, d and t
        ("laddstation", {"laddningsstation"}, True),  # one head written two ways
        ("miljö", {"miljömål"}, False),  # a compound, not a derivation
        ("kommun", {"kommunerna", "region"}, False),
        ("buss", {"bussar"}, False),  # under five letters: exact only
    ],
)
def test_present_in_finds_forms_by_lookup(stem, tokens, found):
    assert present_in(stem, frozenset(tokens)) is found
