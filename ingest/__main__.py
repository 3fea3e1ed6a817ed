"""python -m ingest [--corpus DIR] [--index DIR] [--full] [--if-stale] [--json]"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from ingest.offline import enforce_offline


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    from ingest.build import build, staleness
    from ingest.embed import PACKAGED_MODEL

    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument(
        "--model",
        default=os.environ.get("AVTAL_EMBEDDING_MODEL", PACKAGED_MODEL),
        help="sentence-transformers model name or path (default: the packaged MiniLM)",
    )
    parser.add_argument("--max-file-mb", type=float, default=50.0)
    parser.add_argument("--full", action="store_true", help="rebuild everything")
    parser.add_argument(
        "--if-stale", action="store_true", help="build only when the index is missing or stale"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    if not args.corpus.is_dir():
        print(f"error: corpus folder {args.corpus} does not exist", file=sys.stderr)
        return 2
    max_bytes = int(args.max_file_mb * 1_000_000)
    reason = staleness(args.corpus, args.index, args.model, max_bytes)
    if args.if_stale and not reason:
        print(f"index {args.index} is up to date", file=sys.stderr)
        return 0
    report = build(args.corpus, args.index, args.model, max_bytes)
    report.reason = reason or "requested"
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(
            f"indexed {report.documents} documents, {report.chunks} chunks "
            f"in {report.seconds:.1f} s -> {args.index}",
            file=sys.stderr,
        )
        for problem in report.problems:
            print(f"  skipped {problem.path}: {problem.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
