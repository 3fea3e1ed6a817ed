"""This system, measured the way a user meets it: build, warm questions, cold starts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.metrics import Question, Result

REPO = Path(__file__).resolve().parents[1]
NAME = "this system"


@dataclass(frozen=True)
class BuildMeasure:
    documents: int
    chunks: int
    build_seconds: float  # as the build reports it (model load and writing included)
    wall_seconds: float  # the whole `python -m ingest --full` process
    peak_rss_mb: float  # ru_maxrss of that process
    index_bytes: int

    @property
    def chunks_per_second(self) -> float:
        return self.chunks / self.build_seconds if self.build_seconds else 0.0


def index_bytes(index_dir: Path) -> int:
    """Bytes of the index on disk (links are not followed, so nothing counts twice)."""
    return sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file() and not p.is_symlink())


def measured_build(
    corpus_dir: Path, index_dir: Path, log_dir: Path, env: dict[str, str] | None = None
) -> BuildMeasure:
    """A full build in its own process; its wall time and peak memory from wait4."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / "build.json", log_dir / "build.log"
    command = [sys.executable, "-m", "ingest", "--corpus", str(corpus_dir)]
    command += ["--index", str(index_dir), "--full", "--json"]
    with out_path.open("w") as out, err_path.open("w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"build failed ({process.returncode}), see {err_path}")
    report = json.loads(out_path.read_text(encoding="utf-8").strip().splitlines()[-1])
    return BuildMeasure(
        documents=int(report["documents"]),
        chunks=int(report["chunks"]),
        build_seconds=float(report["seconds"]),
        wall_seconds=wall,
        # the build's own high-water mark; ru_maxrss would also count the benchmark's
        # pages that fork copied before exec (a bench holding torch showed 800 MB)
        peak_rss_mb=float(report.get("peak_rss_mb", usage.ru_maxrss / 1024)),
        index_bytes=index_bytes(index_dir),
    )


def ask_all(
    assistant: object, questions: Sequence[Question], passes: int
) -> tuple[list[Result], list[dict[str, float]]]:
    """One graded pass (which also warms up), then `passes` timed passes."""
    from assistant.serialize import answer_to_json

    results = [
        answer_to_json(assistant.ask(q["question"]), q["question"], q["id"])  # type: ignore[attr-defined]
        for q in questions
    ]
    timings = [
        dict(assistant.ask(q["question"]).timings)  # type: ignore[attr-defined]
        for _ in range(passes)
        for q in questions
    ]
    return results, timings


def cli_start_seconds(index_dir: Path, question: str, env: dict[str, str] | None = None) -> float:
    """Wall time of `python -m assistant ask --index DIR QUESTION` (start to answer)."""
    command = [sys.executable, "-m", "assistant", "ask", "--index", str(index_dir), question]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, timeout=600, env=env)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_start_seconds(index_dir: Path, question: str, limit: float = 300.0) -> float:
    """From starting `app.py` to the first answer through gradio_client's /ask."""
    from gradio_client import Client

    port = free_port()
    command = [sys.executable, "app.py", "--port", str(port), "--index", str(index_dir)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while time.perf_counter() - started < limit:
            if process.poll() is not None:
                raise RuntimeError(f"app.py exited with {process.returncode}")
            try:
                Client(f"http://127.0.0.1:{port}/", verbose=False).predict(
                    question, api_name="/ask"
                )
                return time.perf_counter() - started
            except Exception:  # not serving yet
                time.sleep(0.2)
        raise RuntimeError(f"app.py gave no answer within {limit:.0f} s")
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
