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


def profile_pass(assistant, questions: list[dict], top: int = 14) -> str:
    """cProfile of one warm pass over the questions: the top entries by own time."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        assistant.ask(q["question"])
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)
    lines = [line.rstrip() for line in out.getvalue().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "function calls" in line), 0)
    return "\n".join(lines[start:])


def run_scale(
    scale: int,
    questions: list[dict],
    embedder,
    work: Path,
    passes: int,
    cli_runs: int,
    profile: bool = False,
):
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

    load_seconds = time.perf_counter()
    assistant = Assistant(Settings(index_dir=here / "index"), embedder=embedder)
    load_seconds = time.perf_counter() - load_seconds
    results, timings = system.ask_all(assistant, questions, passes)
    save_results(here / "results-this-system.jsonl", results)
    qualities = {system.NAME: quality(system.NAME, questions, results, answers=True)}
    latencies = {system.NAME: latency(timings)}
    profiled = profile_pass(assistant, questions) if profile else ""
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
        load_seconds=load_seconds,
        profile=profiled,
    )


KEPT_SECTIONS = ("## Answer quality on questions and documents nobody tuned for",)


def kept_sections(path: Path) -> str:
    """Sections of the current report that other runs write (answer quality per question
    set, from `python -m assistant eval --sets`), carried over as they are."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    kept = []
    for heading in KEPT_SECTIONS:
        start = text.find(heading)
        if start < 0:
            continue
        end = text.find("\n## ", start + len(heading))
        kept.append(text[start : end if end >= 0 else len(text)].rstrip() + "\n")
    return "\n".join(kept)


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
    from benchmarks.backends import BACKENDS, QUALITY_FILE
    from benchmarks.backends import speed as backend_speed
    from benchmarks.report import BenchmarkRun, plot, render
    from ingest.embed import DEFAULT_BACKEND, PACKAGED_MODEL, make_embedder

    questions = load_questions(args.questions)
    load_at_start = machine.load_average()
    work = args.work or Path(tempfile.mkdtemp(prefix="avtal-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log(f"work folder {work}; scales {scales}; {passes} timed pass(es)")
    try:
        embedder = make_embedder(PACKAGED_MODEL, DEFAULT_BACKEND)
        runs = [
            run_scale(s, questions, embedder, work, passes, cli_runs, profile=s == scales[-1])
            for s in scales
        ]
        backends = []
        for backend in BACKENDS:
            log(f"embedding backend {backend}: ingest, query embedding, warm and cold questions")
            backends.append(
                backend_speed(backend, REPO / "corpus", work, questions, cli_runs, START_QUESTION)
            )
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
        backends=backends,
        backend_quality=(
            json.loads(QUALITY_FILE.read_text(encoding="utf-8")) if QUALITY_FILE.exists() else None
        ),
        kept=kept_sections(args.out),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    plot(runs, plot_path)
    args.out.write_text(render(result, plot_path.name), encoding="utf-8")
    log(f"wrote {args.out} and {plot_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
