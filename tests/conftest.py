"""Shared fixtures: the default embedding backend (onnx-fp32: the packaged MiniLM's fp32
graph on onnxruntime, made by `make onnx-fp32`), the MiniLM itself on sentence-transformers
when a test needs it, and one seed-corpus index per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.offline import enforce_offline

enforce_offline()

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
DEV_QUESTIONS = REPO.parent / "shared" / "eval" / "dev_questions.jsonl"


@pytest.fixture(scope="session")
def embedder():
    from ingest.embed import DEFAULT_BACKEND, PACKAGED_MODEL, make_embedder

    return make_embedder(PACKAGED_MODEL, DEFAULT_BACKEND)


@pytest.fixture(scope="session")
def minilm():
    from ingest.embed import PACKAGED_MODEL, SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(PACKAGED_MODEL)


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory, embedder) -> Path:
    from ingest.build import build

    index_dir = tmp_path_factory.mktemp("seed") / "index"
    report = build(CORPUS, index_dir, embedder.model_id, 50_000_000, embedder=embedder)
    assert report.documents == 5
    return index_dir


@pytest.fixture(scope="session")
def assistant(seed_index, embedder):
    from assistant.config import Settings
    from assistant.service import Assistant

    return Assistant(Settings(index_dir=seed_index), embedder=embedder)


# -- test layers --------------------------------------------------------------------------
# fast: no model, no index, no server, no browser, no OCR, no child processes (`make test-fast`,
# under 30 s);
# acceptance: everything else. A test is acceptance when it uses a fixture below (directly
# or through another fixture) or lives in one of the modules below.
HEAVY_FIXTURES = {"embedder", "seed_index", "assistant"}
ACCEPTANCE_MODULES = {
    "test_admin",  # real login delays, parses in a child process
    "test_admin_app",
    "test_app",  # starts the app
    "test_browser",
    "test_browser_admin",
    "test_browser_overview",
    "test_chroma_server",
    "test_cli",  # runs the commands
    "test_dev_questions",
    "test_hostile",  # parses in a child process, large inputs
    "test_llm",  # a local LLM server
    "test_ocr",  # Tesseract
    "test_onnx",  # the real model on torch and onnxruntime, the CLI in a child process
    "test_onnx_fp32",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.path.stem
        heavy = HEAVY_FIXTURES & set(getattr(item, "fixturenames", ()))
        if heavy or module in ACCEPTANCE_MODULES:
            item.add_marker(pytest.mark.acceptance)
        else:
            item.add_marker(pytest.mark.fast)
