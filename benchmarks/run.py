"""python -m benchmarks.run [--quick] [--out docs/benchmarks.md] [--work DIR]

Measures this system beside llama-index defaults and plain BM25 on the seed corpus and on
synthetic corpora 10x and 50x its size (--quick: 1x and 2x, one timed pass), then writes
docs/benchmarks.md and docs/benchmarks.png from the figures of this run.
"""

from __future__ import annotations

import argparse
import gc
import json
import shlex
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from ingest.offline import enforce_offline

REPO = Path(__file__).resolve().parents[1]
DEV_QUESTIONS = REPO.parent / "shared" / "eval" / "dev_questions.jsonl"
FULL_SCALES = (1, 10, 50)
QUICK_SCALES = (1, 2)
START_QUESTION = "Vem ansvarar för Söderåsbanan?"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1x and 2x, one timed pass")
    parser.add_argument("--scales", type=int, nargs="+", help="corpus sizes (default 1 10 50)")
    parser.add_argument("--passes", type=int, help="timed passes over the questions")
    parser.add_argument("--questions", type=Path, default=DEV_QUESTIONS)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--plot", type=Path, help="PNG path (default: beside --out)")
    parser.add_argument("--work", type=Path, help="keep corpora, indexes and results here")
    return parser.parse_args(argv)


def load_questions(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def save_results(path: Path, results: list[dict]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8"
    )


def run_scale(scale: int, questions: list[dict], embedder, work: Path, passes: int, cli_runs: int):
    from assistant.config import Settings
    from assistant.service import Assistant
    from benchmarks import baselines, system
    from benchmarks.metrics import latency, quality
    from benchmarks.report import ScaleRun
    from benchmarks.synthetic import write_scaled_corpus

    here = work / f"{scale}x"
    corpus = REPO / "corpus"
    if scale > 1:
        corpus = here / "corpus"
        count = write_scaled_corpus(REPO / "corpus", corpus, scale)
        log(f"{scale}x: wrote {count} documents")
    log(f"{scale}x: building the index (python -m ingest --full)")
    build = system.measured_build(corpus, here / "index", here / "logs")
    log(f"{scale}x: {build.chunks} chunks in {build.wall_seconds:.1f} s")

    assistant = Assistant(Settings(index_dir=here / "index"), embedder=embedder)
    results, timings = system.ask_all(assistant, questions, passes)
    save_results(here / "results-this-system.jsonl", results)
    qualities = {system.NAME: quality(system.NAME, questions, results, answers=True)}
    latencies = {system.NAME: latency(timings)}
    del assistant
    gc.collect()

    log(f"{scale}x: building the baselines")
    built = baselines.build_baselines(corpus, here / "baselines", embedder)
    for name, retriever in built.retrievers.items():
        results = [baselines.ask(retriever, q["question"]) for q in questions]
        timed = [
            baselines.ask(retriever, q["question"])["timings_ms"]
            for _ in range(passes)
            for q in questions
        ]
        save_results(here / f"results-{name.split()[0].lower()}.jsonl", results)
        qualities[name] = quality(name, questions, results, answers=False)
        latencies[name] = latency(timed)
    nodes, seconds, chroma = built.nodes, built.build_seconds, built.chroma_bytes
    del built
    gc.collect()

    log(f"{scale}x: CLI start-up x{cli_runs}")
    cli = [system.cli_start_seconds(here / "index", START_QUESTION) for _ in range(cli_runs)]
    return ScaleRun(
        scale=scale,
        build=build,
        quality=qualities,
        latency=latencies,
        baseline_nodes=nodes,
        baseline_build_seconds=seconds,
        chroma_bytes=chroma,
        cli_seconds=cli,
    )


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    args = parse_args(argv)
    scales = tuple(args.scales or (QUICK_SCALES if args.quick else FULL_SCALES))
    passes = args.passes or (1 if args.quick else 3)
    cli_runs = 1 if args.quick else 3
    plot_path = args.plot or args.out.with_suffix(".png")
    command = "python -m benchmarks.run" + "".join(
        f" {shlex.quote(a)}" for a in (sys.argv[1:] if argv is None else argv)
    )
    started = time.perf_counter()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")

    from benchmarks import machine, system
    from benchmarks.report import BenchmarkRun, plot, render
    from ingest.embed import PACKAGED_MODEL, SentenceTransformerEmbedder

    questions = load_questions(args.questions)
    load_at_start = machine.load_average()
    work = args.work or Path(tempfile.mkdtemp(prefix="avtal-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log(f"work folder {work}; scales {scales}; {passes} timed pass(es)")
    try:
        embedder = SentenceTransformerEmbedder(PACKAGED_MODEL)
        runs = [run_scale(s, questions, embedder, work, passes, cli_runs) for s in scales]
        log("app start-up")
        app = [system.app_start_seconds(work / f"{scales[0]}x" / "index", START_QUESTION)]
        if not args.quick:
            app.append(system.app_start_seconds(work / f"{scales[0]}x" / "index", START_QUESTION))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    described = machine.describe(REPO)
    described["load average 1/5/15 min, start"] = load_at_start
    described["load average 1/5/15 min, end"] = machine.load_average()
    result = BenchmarkRun(
        command=command,
        started=stamp,
        minutes=(time.perf_counter() - started) / 60,
        quick=args.quick,
        passes=passes,
        questions=len(questions),
        answerable=sum(bool(q.get("answerable", True)) for q in questions),
        machine=described,
        scales=runs,
        app_seconds=app,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    plot(runs, plot_path)
    args.out.write_text(render(result, plot_path.name), encoding="utf-8")
    log(f"wrote {args.out} and {plot_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
