"""ONNX variants of the packaged MiniLM measured against sentence-transformers (issue 15).

    .venv/bin/python -m scripts.onnx_variants [--work /tmp/onnx-variants] [--variants ...]

Each variant is made from the fp32 graph of scripts/export_onnx.py, then every passage of
the seed corpus and ../shared/corpus-extra (chunked, with the context line the index
embeds) and the development and bank questions are embedded by it and by
sentence-transformers. Printed per variant: cosine with
sentence-transformers (min, 1st percentile, mean), top-5 overlap of each question's
nearest passages, size, query embed ms, passages per second (one text a run and in
batches of similar length). Needs torch and onnx (the [export] extra).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ingest.embed import PACKAGED_MODEL, embedding_text, resolve_model
from scripts.export_onnx import export_fp32, fuse, quantize_int8

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
QUESTION_FILES = ("dev_questions.jsonl", "bank_questions.jsonl")


def _quantize(source: Path, target: Path, **options) -> Path:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    extra = {"MatMulConstBOnly": True, "DefaultTensorType": onnx.TensorProto.FLOAT}
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options=extra,
        **options,
    )
    return target


def _ffn_nodes(source: Path) -> list[str]:
    import onnx

    graph = onnx.load(str(source), load_external_data=False).graph
    return [n.name for n in graph.node if n.op_type == "MatMul" and "attention" not in n.name]


def fp16_weights(source: Path, target: Path, min_size: int = 1024) -> Path:
    """Large fp32 initialisers stored as fp16 and cast back to fp32 when the session loads:
    half the file, fp32 arithmetic."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    casts = []
    for init in list(graph.initializer):
        if init.data_type != onnx.TensorProto.FLOAT or np.prod(init.dims) < min_size:
            continue
        array = numpy_helper.to_array(init).astype(np.float16)
        name = init.name
        init.CopyFrom(numpy_helper.from_array(array, name + "_fp16"))
        casts.append(helper.make_node("Cast", [name + "_fp16"], [name], to=onnx.TensorProto.FLOAT))
    for cast in reversed(casts):
        graph.node.insert(0, cast)
    onnx.save(model, str(target))
    return target


def nbits8(source: Path, target: Path) -> Path:
    """MatMulNBits with 8-bit weights in blocks of 32, activations quantised to int8 per
    block of 32 in each row (accuracy_level 4), on the unfused graph: every projection,
    Q, K and V too, is a MatMul there (the fused Attention op would keep them fp32)."""
    import onnx
    from onnxruntime.quantization.matmul_nbits_quantizer import (
        DefaultWeightOnlyQuantConfig,
        MatMulNBitsQuantizer,
    )

    config = DefaultWeightOnlyQuantConfig(
        block_size=32, is_symmetric=True, bits=8, accuracy_level=4
    )
    quantizer = MatMulNBitsQuantizer(onnx.load(str(source)), algo_config=config)
    quantizer.process()
    quantizer.model.save_model_to_file(str(target))
    return target


def make_variants(work: Path) -> dict[str, Path]:
    import shutil

    from ingest.embed_onnx import CONFIG_FILE, ONNX_MODEL_DIR, TOKENIZER_FILE

    work.mkdir(parents=True, exist_ok=True)
    for name in (CONFIG_FILE, TOKENIZER_FILE):
        shutil.copy(ONNX_MODEL_DIR / name, work / name)
    fused, raw = work / "fused.onnx", work / "model.onnx"
    if not fused.is_file():
        fuse(export_fp32(Path(resolve_model(PACKAGED_MODEL)), raw), fused)
    matmul_attention = ["MatMul", "Attention"]
    makers: dict[str, Callable[[Path], Path]] = {
        "fp32": lambda target: fused,
        "int8": lambda target: quantize_int8(fused, target),
        "int8-no-embed": lambda t: _quantize(fused, t, op_types_to_quantize=matmul_attention),
        "int8-matmul": lambda t: _quantize(fused, t, op_types_to_quantize=["MatMul"]),
        "int8-ffn": lambda t: _quantize(fused, t, nodes_to_quantize=_ffn_nodes(fused)),
        "fp16-weights": lambda t: fp16_weights(fused, t),
        "nbits8": lambda t: nbits8(raw, t),
    }
    out = {}
    for name, maker in makers.items():
        target = work / f"{name}.onnx"
        out[name] = target if target.is_file() else maker(target)
    return out


def passages(work: Path) -> list[str]:
    """Every chunk of the seed corpus and of corpus-extra as the index embeds it (indexes
    without vectors), each distinct text once."""
    from ingest.build import build
    from ingest.store import open_index

    texts: dict[str, None] = {}
    for name, folder in (("seed", REPO / "corpus"), ("extra", SHARED / "corpus-extra")):
        index = work / f"index-none-{name}"
        if not index.exists():
            build(folder, index, PACKAGED_MODEL, 50_000_000, backend="none")
        for c in open_index(index, "none").chunks:
            texts[embedding_text(c.title, c.section, c.text)] = None
    return list(texts)


def questions() -> list[str]:
    out = []
    for name in QUESTION_FILES:
        lines = (SHARED / "eval" / name).read_text(encoding="utf-8").splitlines()
        out += [json.loads(line)["question"] for line in lines if line.strip()]
    return out


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1)


def _top5_overlap(q: np.ndarray, p: np.ndarray, q_ref: np.ndarray, p_ref: np.ndarray) -> float:
    ours = np.argsort(-(q @ p.T), axis=1)[:, :5]
    theirs = np.argsort(-(q_ref @ p_ref.T), axis=1)[:, :5]
    return float(np.mean([len(set(a) & set(b)) / 5 for a, b in zip(ours, theirs, strict=True)]))


def measure(name: str, path: Path, texts: list[str], qs: list[str], ref: np.ndarray) -> dict:
    from ingest.embed_onnx import OnnxEmbedder

    embedder = OnnxEmbedder(path.parent, model_file=path.name, batch_size=1)
    started = time.perf_counter()
    p = embedder.embed(texts)
    one = len(texts) / (time.perf_counter() - started)
    embedder.batch_size = 16
    started = time.perf_counter()
    p16 = embedder.embed(texts)
    batched = len(texts) / (time.perf_counter() - started)
    q_ms = []
    q = np.zeros((len(qs), embedder.dim), dtype=np.float32)
    for i, text in enumerate(qs):
        started = time.perf_counter()
        q[i] = embedder.embed([text])[0]
        q_ms.append((time.perf_counter() - started) * 1000)
    cos = _cosines(np.vstack([p, q]), ref)
    p_ref, q_ref = ref[: len(texts)], ref[len(texts) :]
    return {
        "variant": name,
        "mb": round(path.stat().st_size / 1e6, 1),
        "cos_min": float(cos.min()),
        "cos_p1": float(np.percentile(cos, 1)),
        "cos_mean": float(cos.mean()),
        "batch16_vs_1_min": float(_cosines(p16, p).min()),
        "top5_overlap": _top5_overlap(q, p, q_ref, p_ref),
        "query_ms_median": statistics.median(q_ms),
        "passages_per_s_batch1": one,
        "passages_per_s_batch16": batched,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", type=Path, default=Path("/tmp/onnx-variants"))
    parser.add_argument("--variants", nargs="+")
    args = parser.parse_args()
    from ingest.embed import SentenceTransformerEmbedder

    variants = make_variants(args.work)
    texts, qs = passages(args.work), questions()
    reference = SentenceTransformerEmbedder(PACKAGED_MODEL).embed(texts + qs)
    print(f"{len(texts)} passages, {len(qs)} questions", flush=True)
    for name, path in variants.items():
        if args.variants and name not in args.variants:
            continue
        row = measure(name, path, texts, qs, reference)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
