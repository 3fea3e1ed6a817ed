"""Evaluation indexes are reused only when the code that builds them is the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.evalsets import ingest_code_digest


def test_index_cache_key_follows_the_ingest_code(tmp_path: Path):
    root = tmp_path / "ingest"
    (root / "parse").mkdir(parents=True)
    (root / "chunk.py").write_text('CHUNKER_VERSION = "15"\n', encoding="utf-8")
    (root / "parse" / "text.py").write_text("def parse(): ...\n", encoding="utf-8")
    (root / "data.toml").write_text("[phrases]\n", encoding="utf-8")
    (root / "model.onnx").write_bytes(b"\x00" * 16)
    first = ingest_code_digest(root)

    (root / "model.onnx").write_bytes(b"\x01" * 16)  # model files are keyed apart
    assert ingest_code_digest(root) == first

    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    assert ingest_code_digest(copy) == first  # where the checkout lives does not matter

    (root / "parse" / "text.py").write_text("def parse(): return []\n", encoding="utf-8")
    assert ingest_code_digest(root) != first  # a reverted experiment keeps its version

    (root / "parse" / "text.py").write_text("def parse(): ...\n", encoding="utf-8")
    assert ingest_code_digest(root) == first
    (root / "data.toml").write_text("[phrases]\nx = 1\n", encoding="utf-8")
    assert ingest_code_digest(root) != first


def test_the_real_ingest_package_is_hashed():
    assert len(ingest_code_digest()) == 32
