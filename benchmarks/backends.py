"""Embedding backends compared: speed here (benchmarks.run calls speed()), quality by refit.

    python -m benchmarks.backends --quality [--backends static sentence-transformers none]

--quality refits the scorer for each backend on the tuning sets (`python -m assistant
train`, which reads only the tune sets), then grades the validation sets (`python -m
assistant eval --sets --role valid`) and the development questions through the official
grader (`../shared/eval/grade_cli.py`), all with AVTAL_EMBEDDING_BACKEND set; the scorer
fitted for the shipped default is put back at the end. The figures go to
benchmarks/backend_quality.json, which docs/benchmarks.md shows beside this run's speed.
The validation sets choose the backend and nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
QUALITY_FILE = REPO / "benchmarks" / "backend_quality.json"
SCORER = REPO / "assistant" / "qa" / "data" / "scorer.json"
BACKENDS = ("static", "sentence-transformers", "onnx", "onnx-fp32", "none")


def _env(backend: str) -> dict[str, str]:
    return dict(os.environ, AVTAL_EMBEDDING_BACKEND=backend)


@dataclass
class BackendSpeed:
    backend: str
    embedding_id: str
    load_seconds: float  # loading the embedder in a warm process
    query_embed_ms: float  # median over the questions, one question at a time
    chunks: int
    build_seconds: float
    wall_seconds: float
    peak_rss_mb: float
    cli_seconds: list[float]
    warm_p50_ms: float
    warm_p95_ms: float

    @property
    def chunks_per_second(self) -> float:
        return self.chunks / self.build_seconds if self.build_seconds else 0.0


def speed(
    backend: str, corpus: Path, work: Path, questions: list[dict], cli_runs: int, start_q: str
) -> BackendSpeed:
    """Ingest, query embedding, cold CLI start and warm questions for one backend."""
    from assistant.config import Settings
    from assistant.service import Assistant
    from benchmarks import system
    from benchmarks.metrics import latency
    from ingest.embed import PACKAGED_MODEL, embedding_id, embedding_text, make_embedder

    here = work / f"backend-{backend}"
    env = _env(backend)
    build = system.measured_build(corpus, here / "index", here / "logs", env=env)
    started = time.perf_counter()
    embedder = make_embedder(PACKAGED_MODEL, backend)
    load = time.perf_counter() - started
    embed_ms = []
    for q in questions:
        text = embedding_text("", "", q["question"])
        started = time.perf_counter()
        embedder.embed([text])
        embed_ms.append((time.perf_counter() - started) * 1000)
    settings = Settings(index_dir=here / "index", embedding_backend=backend)
    assistant = Assistant(settings, embedder=embedder)
    _, timings = system.ask_all(assistant, questions, 3)
    lat = latency(timings)
    cli = [system.cli_start_seconds(here / "index", start_q, env=env) for _ in range(cli_runs)]
    return BackendSpeed(
        backend=backend,
        embedding_id=embedding_id(PACKAGED_MODEL, backend),
        load_seconds=load,
        query_embed_ms=statistics.median(embed_ms),
        chunks=build.chunks,
        build_seconds=build.build_seconds,
        wall_seconds=build.wall_seconds,
        peak_rss_mb=build.peak_rss_mb,
        cli_seconds=cli,
        warm_p50_ms=lat.total_p50,
        warm_p95_ms=lat.total_p95,
    )


_SET_LINE = re.compile(r"^(?P<name>[\w-]+) \((?P<role>\w+), (?P<n>\d+) questions\): (?P<rest>.*)$")


def _figure(text: str, name: str) -> float | None:
    match = re.search(rf"{re.escape(name)}[ =](\d+(?:\.\d+)?)", text)
    return float(match.group(1)) if match else None


def _run(command: list[str], backend: str) -> str:
    result = subprocess.run(
        command, cwd=REPO, env=_env(backend), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def quality(backend: str) -> dict:
    """Refit on the tune sets, then the validation sets and dev, for one backend."""
    py = sys.executable
    trained = _run([py, "-m", "assistant", "train"], backend)
    valid = _run([py, "-m", "assistant", "eval", "--sets", "--role", "valid", "--quiet"], backend)
    grader = SHARED / "eval" / "grade_cli.py"
    dev = _run(
        [
            "python3",
            str(grader),
            ".",
            str(SHARED / "eval" / "dev_questions.jsonl"),
            str(SHARED / "seeds"),
        ],
        backend,
    )
    return parse_quality(backend, trained, valid, dev)


def parse_quality(backend: str, trained: str, valid: str, dev: str) -> dict:
    """The figures from the outputs of train, eval --sets --role valid and grade_cli."""
    sets = {}
    for line in valid.splitlines():
        match = _SET_LINE.match(line.strip())
        if match:
            rest = match.group("rest")
            sets[match.group("name")] = {
                "accuracy": _figure(rest, "accuracy"),
                "answerable": _figure(rest, "(answerable"),
                "hit@5": _figure(rest, "hit@5"),
                "confident_wrong": re.search(r"confident wrong (\d+/\d+)", rest).group(1),
                "line": rest,
            }
    dev_line = dev.strip().splitlines()[-1]
    return {
        "backend": backend,
        "threshold": _figure(trained, "threshold"),
        "valid": sets,
        "dev": {
            "accuracy": _figure(dev_line, "acc"),
            "hit@5": _figure(dev_line, "hit5"),
            "confident_wrong": re.search(r"confident_wrong=(\S+)", dev_line).group(1),
            "line": dev_line,
        },
    }


def main(argv: list[str] | None = None) -> int:
    from ingest.embed import DEFAULT_BACKEND

    parser = argparse.ArgumentParser(prog="python -m benchmarks.backends", description=__doc__)
    parser.add_argument("--quality", action="store_true", help="refit and grade per backend")
    parser.add_argument("--backends", nargs="+", default=list(BACKENDS))
    args = parser.parse_args(argv)
    if not args.quality:
        parser.error("nothing to do: --quality (speed is measured by python -m benchmarks.run)")
    saved = SCORER.read_bytes()
    results = []
    default_scorer = None
    try:
        for backend in args.backends:
            print(f"[backends] {backend}: refit and grade", file=sys.stderr, flush=True)
            results.append(quality(backend))
            if backend == DEFAULT_BACKEND:
                default_scorer = SCORER.read_bytes()
    finally:  # the scorer fitted for the default backend is the one shipped
        SCORER.write_bytes(default_scorer or saved)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    out = {
        "run": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "results": results,
    }
    QUALITY_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {QUALITY_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
