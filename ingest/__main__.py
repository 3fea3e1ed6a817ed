"""python -m ingest [--corpus DIR] [--index DIR] [--full] [--if-stale] [--json]

Brings the index up to date with the corpus: only added or changed documents are parsed
and embedded again; removed ones disappear. --full rebuilds everything.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from ingest.offline import enforce_offline


class ConsoleProgress:
    """Progress bars on a terminal, a plain line per stage and step in logs and CI."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bars: dict[str, object] = {}
        self.last: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            step = 1 if stage == "ocr" else max(1, total // 10)  # OCR: every page
            if done < self.last.get(stage, 0):  # the next document's pages
                self.last.pop(stage)
            if done == total or done - self.last.get(stage, -step) >= step:
                print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)
                self.last[stage] = done
            return
        from tqdm import tqdm

        bar = self.bars.get(stage)
        if bar is None:
            bar = tqdm(total=total, desc=stage, unit="", leave=False, file=sys.stderr)
            self.bars[stage] = bar
        bar.n = done  # type: ignore[attr-defined]
        bar.refresh()  # type: ignore[attr-defined]
        if done >= total:
            bar.close()  # type: ignore[attr-defined]


def print_summary(report, index: Path) -> None:  # report: BuildReport
    kind = "full rebuild" if report.full else "incremental update"
    print(
        f"{kind} ({report.reason}): {report.documents} documents, {report.chunks} chunks "
        f"in {report.seconds:.1f} s -> {index}",
        file=sys.stderr,
    )
    print(
        f"  added {len(report.added)}, changed {len(report.changed)}, "
        f"removed {len(report.removed)}, unchanged {report.unchanged}; "
        f"embedded {report.embedded} chunks",
        file=sys.stderr,
    )
    for problem in report.problems:
        print(f"  skipped {problem.path}: {problem.reason}", file=sys.stderr)
    for note in report.to_check:
        print(f"  check {note} (read by OCR)", file=sys.stderr)


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory since it started (Linux VmHWM). Unlike
    ru_maxrss it does not count the parent's pages copied by fork before exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _parser() -> argparse.ArgumentParser:
    from ingest.embed import BACKENDS, DEFAULT_BACKEND, PACKAGED_MODEL

    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument(
        "--model",
        default=os.environ.get("AVTAL_EMBEDDING_MODEL", PACKAGED_MODEL),
        help="sentence-transformers model name or path (default: the packaged MiniLM)",
    )
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get("AVTAL_EMBEDDING_BACKEND", DEFAULT_BACKEND),
        help="how to embed: onnx-fp32 (default), sentence-transformers, onnx (int8), static, none",
    )
    parser.add_argument("--max-file-mb", type=float, default=50.0)
    parser.add_argument("--full", action="store_true", help="rebuild everything")
    parser.add_argument(
        "--if-stale", action="store_true", help="do nothing when the index is up to date"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    parser.add_argument(
        "--chroma-host",
        default=os.environ.get("AVTAL_CHROMA_HOST", ""),
        help="keep the index on this Chroma server instead of --index (token: AVTAL_CHROMA_TOKEN)",
    )
    parser.add_argument(
        "--chroma-port", type=int, default=int(os.environ.get("AVTAL_CHROMA_PORT", "8000"))
    )
    return parser


def _remote(args: argparse.Namespace):  # -> RemoteTarget | None
    from ingest.remote import RemoteTarget

    if not args.chroma_host:
        return None
    return RemoteTarget(
        args.chroma_host,
        args.chroma_port,
        os.environ.get("AVTAL_CHROMA_TOKEN", ""),
        os.environ.get("AVTAL_CHROMA_PREFIX", "passages"),
    )


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    from ingest.build import build, staleness
    from ingest.store import IndexUnavailable
    from ingest.versions import BuildInProgress

    args = _parser().parse_args(argv)
    remote = _remote(args)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    for noisy in ("httpx", "sentence_transformers", "chromadb", "bm25s", "model2vec"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    if not args.corpus.is_dir():
        print(f"error: corpus folder {args.corpus} does not exist", file=sys.stderr)
        return 2
    max_bytes = int(args.max_file_mb * 1_000_000)
    fresh = args.if_stale and not args.full
    if fresh and not staleness(
        args.corpus, args.index, args.model, max_bytes, remote, backend=args.backend
    ):
        print(f"index {args.index} is up to date", file=sys.stderr)
        return 0
    progress = ConsoleProgress(enabled=sys.stderr.isatty() and not args.json)
    try:
        report = build(
            args.corpus,
            args.index,
            args.model,
            max_bytes,
            full=args.full,
            progress=progress,
            remote=remote,
            backend=args.backend,
        )
    except (BuildInProgress, IndexUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 3 if isinstance(error, BuildInProgress) else 2
    if args.json:
        data = report.to_dict()
        peak = _peak_rss_mb()
        if peak is not None:
            data["peak_rss_mb"] = peak
        print(json.dumps(data, ensure_ascii=False))
    print_summary(report, args.index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
