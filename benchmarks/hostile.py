"""Time and memory under hostile input (issue 17): python -m benchmarks.hostile

Each scenario runs in a process of its own, so the peak memory printed is that scenario's
(ru_maxrss of the process, the embedding model included where it is loaded):

- questions: three one-word questions of 40,000-100,000 characters to a loaded assistant;
- ingest: `python -m ingest` of a 300-page text PDF, and of a 2,000-page PDF;
- clicks: four concurrent source clicks (the reader's document view) on a 200-page PDF.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.hostile_inputs import long_questions, small_pages_pdf, text_pdf

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


def _rss_gb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024**2
    return 0.0


def _run(args: list[str]) -> tuple[float, float, str]:
    """Run `python ARGS`; (seconds, peak resident memory of that process in GB, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    output: dict[str, bytes] = {}

    def read(name: str, stream) -> None:
        output[name] = stream.read()

    readers = [
        threading.Thread(target=read, args=("out", process.stdout)),
        threading.Thread(target=read, args=("err", process.stderr)),
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{args} failed: {output['err'].decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024**2, output["out"].decode()


def _ingest(corpus: Path, index: Path) -> tuple[float, float, str]:
    return _run(["-m", "ingest", "--corpus", str(corpus), "--index", str(index), "--json"])


# -- the children ---------------------------------------------------------------------------
def _assistant(index: Path, corpus: Path):
    from assistant.config import Settings
    from assistant.service import Assistant

    return Assistant(Settings(index_dir=index, corpus_dir=corpus))


def child_questions(index: Path) -> dict:
    assistant = _assistant(index, CORPUS)
    seconds = []
    for question in long_questions():
        started = time.perf_counter()
        answer = assistant.ask(question)
        seconds.append(round(time.perf_counter() - started, 3))
    return {"seconds": seconds, "answer": answer.text}


def child_clicks(index: Path, corpus: Path) -> dict:
    from assistant.web.documents import Passage, document_view

    assistant = _assistant(index, corpus)
    doc_id = "plan200.pdf"
    chunks = assistant.document_chunks(doc_id)
    chunk = chunks[len(chunks) // 2]
    before = _rss_gb()
    seconds: list[float] = []

    def click() -> None:
        started = time.perf_counter()
        view = document_view(
            assistant.manifest,
            corpus,
            chunks,
            doc_id,
            Passage(doc_id, chunk.start, chunk.end),
            stored=assistant.document_text,
        )
        assert "avtal-passage" in view
        seconds.append(round(time.perf_counter() - started, 3))

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"seconds": sorted(seconds), "rss_before_gb": before, "rss_after_gb": _rss_gb()}


# -- the scenarios --------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile")
    parser.add_argument("--child", choices=["questions", "clicks"])
    parser.add_argument("--index", type=Path)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args(argv)
    if args.child == "questions":
        print(json.dumps(child_questions(args.index)))
        return 0
    if args.child == "clicks":
        print(json.dumps(child_clicks(args.index, args.corpus)))
        return 0
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        _scenarios(Path(folder))
    return 0


def _scenarios(tmp: Path) -> None:
    seconds, peak, _ = _ingest(CORPUS, tmp / "seed")
    print(f"ingest of the seed corpus: {seconds:.1f} s, peak {peak:.2f} GB")
    seconds, peak, out = _run(
        ["-m", "benchmarks.hostile", "--child", "questions", "--index", str(tmp / "seed")]
    )
    data = json.loads(out)
    print(
        f"three questions of 40,000-100,000 characters: {data['seconds']} s each, "
        f"process peak {peak:.2f} GB (model and index loaded)"
    )
    print(f"  answer: {data['answer']}")
    for pages, make, name in (
        (300, text_pdf, "a 300-page text PDF"),
        (200, text_pdf, "a 200-page text PDF"),
        (2000, small_pages_pdf, "a 2,000-page PDF"),
    ):
        corpus = tmp / f"corpus{pages}"
        corpus.mkdir()
        make(corpus / f"plan{pages}.pdf", pages)
        size = (corpus / f"plan{pages}.pdf").stat().st_size
        seconds, peak, out = _ingest(corpus, tmp / f"index{pages}")
        report = json.loads(out.strip().splitlines()[-1])
        problems = "; ".join(f"{p['file']}: {p['reason']}" for p in report["problems"])
        print(
            f"python -m ingest of {name} ({size / 1e6:.1f} MB): {seconds:.1f} s, "
            f"peak {peak:.2f} GB, {report['chunks']} chunks"
            + (f", refused: {problems}" if problems else "")
        )
    seconds, peak, out = _run(
        [
            "-m",
            "benchmarks.hostile",
            "--child",
            "clicks",
            "--index",
            str(tmp / "index200"),
            "--corpus",
            str(tmp / "corpus200"),
        ]
    )
    data = json.loads(out)
    growth = data["rss_after_gb"] - data["rss_before_gb"]
    print(
        f"four concurrent source clicks on the 200-page PDF: {data['seconds']} s each, "
        f"memory {data['rss_before_gb']:.2f} -> {data['rss_after_gb']:.2f} GB "
        f"({growth * 1024:+.0f} MB), process peak {peak:.2f} GB"
    )


if __name__ == "__main__":
    sys.exit(main())
