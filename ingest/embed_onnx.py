"""The packaged all-MiniLM-L6-v2 on onnxruntime: no torch.

Two graphs of the same model in ingest/data/minilm-onnx/, both made by
scripts/export_onnx.py: model_int8.onnx (int8 weights and activations, 23 MB, committed;
backend "onnx") and model_fp32.onnx (the fused fp32 graph, 90 MB, made at install by
`make onnx-fp32`, not committed; backend "onnx-fp32": sentence-transformers' vectors to
within 1e-6 in cosine, scripts/onnx_variants.py). Embedding
is what sentence-transformers does for this model: strip, tokenise (truncated at the
model's max_seq_length, 256, padded to the longest text of the batch), the transformer's
token embeddings, their mean over the attention mask, unit length.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

ONNX_MODEL_DIR = Path(__file__).resolve().parent / "data" / "minilm-onnx"
INT8_FILE = "model_int8.onnx"
FP32_FILE = "model_fp32.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"
ONNX_PREFIX = "onnx:"
MAX_THREADS = 2
# backend name -> its graph, and how to make the graph when it is missing
MODEL_FILES = {"onnx": INT8_FILE, "onnx-fp32": FP32_FILE}
MAKE_HINT = {"onnx": "scripts/export_onnx.py", "onnx-fp32": "make onnx-fp32"}
FP32_BATCH = 1


def onnx_available(path: Path | None = None, backend: str = "onnx") -> str:
    """'' when the backend's ONNX model can be used, else why not (one line)."""
    path = path or ONNX_MODEL_DIR
    for name in (MODEL_FILES[backend], TOKENIZER_FILE, CONFIG_FILE):
        if not (path / name).is_file():
            return (
                f"the ONNX embedding model is missing ({path / name}; "
                f"make it with {MAKE_HINT[backend]})"
            )
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return "onnxruntime is not installed"
    return ""


def onnx_revision(path: Path | None = None, backend: str = "onnx") -> str:
    """A short hash of the backend's model file and how it is run: cached eval indexes
    built with another ONNX model (the embedding id names the backend, not the file) are
    not reused."""
    import hashlib

    model = (path or ONNX_MODEL_DIR) / MODEL_FILES[backend]
    if not model.is_file():
        return ""
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:12]
    return f"{digest} batch {default_batch(MODEL_FILES[backend])}"


def default_batch(model_file: str) -> int:
    """Texts a run: one for int8 (its activations are quantised per run, so a passage's
    vector would depend on its batch neighbours), FP32_BATCH for fp32 (the same vectors
    in any batch)."""
    return FP32_BATCH if model_file == FP32_FILE else OnnxEmbedder.DEFAULT_BATCH


class OnnxEmbedder:
    """Mean-pooled, unit-length MiniLM vectors from an ONNX graph of its token embeddings."""

    # One text a run: int8 activations are quantised per run, so a passage's vector never
    # depends on its batch neighbours (or padding), and a 256-token passage at a time keeps
    # ingest's peak near 210 MB (16 a batch: 435 MB) at the same speed.
    DEFAULT_BATCH = 1

    def __init__(
        self,
        path: Path | None = None,
        model_file: str = INT8_FILE,
        model_id: str = "",
        batch_size: int | None = None,
        threads: int | None = None,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = path or ONNX_MODEL_DIR
        config = json.loads((path / CONFIG_FILE).read_text(encoding="utf-8"))
        self.model_id = model_id or ONNX_PREFIX + config["model"]
        self.batch_size = batch_size or default_batch(model_file)
        self._tokenizer = Tokenizer.from_file(str(path / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(int(config["max_seq_length"]))
        pad = "[PAD]"
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id(pad), pad_token=pad)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or min(MAX_THREADS, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # idle threads sleep instead of spinning: with the two cores shared (the app's other
        # work, other processes) spinning threads fight the busy one. Measured under load
        # (fp32, 2 threads): a question 5.2 ms median instead of 9.9, ingest 42 passages/s
        # instead of 22-41.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(path / model_file), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.dim = int(self._session.get_outputs()[0].shape[-1])

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # longest first, as sentence-transformers batches: little padding in a batch > 1
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._embed_batch([texts[i].strip() for i in rows])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        tokens = self._session.run(None, feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        summed = (tokens * weights).sum(axis=1)
        pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)
