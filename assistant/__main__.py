"""python -m assistant ask|eval|train|overview

ask   [--index DIR] [--json] [--doc DOC_ID ...] "question"
ask   --index DIR --json --batch FILE.jsonl      (one {"id", "question"} per line)
eval  QUESTIONS.jsonl [--index DIR] [--out RESULTS.jsonl] [--quiet]
eval  --sets [benchmarks/questions/sets.toml] [--role tune|valid|holdout ...]
train [--sets benchmarks/questions/sets.toml]   (fits assistant/qa/data/scorer.json)
overview [--index DIR] [--json] [--party NAME] [--doc DOC_ID] [--csv FILE.csv]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from assistant.overview_cli import add_parser as add_overview_parser
from assistant.overview_cli import run as run_overview
from ingest.offline import enforce_offline

SETS_FILE = Path("benchmarks/questions/sets.toml")


def _assistant(index: Path | None):
    from assistant.config import Settings
    from assistant.service import Assistant

    settings = Settings() if index is None else Settings(index_dir=index)
    return Assistant(settings)


def _ask(args: argparse.Namespace) -> int:
    from assistant.serialize import answer_to_json

    assistant = _assistant(args.index)
    doc_ids = set(args.doc) if args.doc else None
    if args.batch:
        with open(args.batch, encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                item = json.loads(line)
                answer = assistant.ask(item["question"], doc_ids)
                out = answer_to_json(answer, item["question"], item.get("id"))
                print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    if not args.question:
        print("error: give a question, or --batch FILE", file=sys.stderr)
        return 2
    question = " ".join(args.question)
    answer = assistant.ask(question, doc_ids)
    if args.json:
        print(json.dumps(answer_to_json(answer, question), ensure_ascii=False))
        return 0
    print(answer.text)
    for citation in answer.citations:
        print(f"\n[{citation.n}] {citation.label(answer.language)}\n    {citation.chunk.text}")
    if not answer.found and answer.hits:
        print("\nNärmaste träffar:" if answer.language == "sv" else "\nClosest matches:")
        for hit in answer.hits[:3]:
            print(f"  - {hit.chunk.label()}: {hit.chunk.text[:160]}")
    return 0


def _grade_all(assistant, questions: list[dict], verbose: bool, out: Path | None = None):
    from assistant.grading import Summary, grade
    from assistant.serialize import answer_to_json

    summary = Summary()
    results = []
    for question in questions:
        answer = assistant.ask(question["question"])
        result = answer_to_json(answer, question["question"], question["id"])
        results.append(result)
        g = grade(question, result)
        summary.grades.append(g)
        if verbose and not g.correct:
            why = []
            if g.answerable:
                if not g.keywords_ok:
                    why.append(f"keywords {question.get('answer_keywords')}")
                if not g.citation_ok:
                    why.append("evidence not cited")
            else:
                why.append("should abstain")
            print(
                f"FAIL {question['id']}: {question['question']}\n  -> {result['answer']}\n"
                f"  ({'; '.join(why)}; evidence rank {g.hit_rank})"
            )
    if out:
        out.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8"
        )
    return summary


def _eval(args: argparse.Namespace) -> int:
    if args.sets is None:
        questions = [
            json.loads(line)
            for line in Path(args.questions).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        summary = _grade_all(_assistant(args.index), questions, not args.quiet, args.out)
        print(summary.line())
        return 0
    from assistant.config import Settings
    from assistant.evalsets import index_for, read_sets
    from assistant.service import Assistant

    for qset in read_sets(args.sets, tuple(args.role or ())):
        if not qset.available():
            print(f"{qset.name} ({qset.role}): not available here, skipped")
            continue
        assistant = Assistant(Settings(index_dir=index_for(qset.corpus)))
        summary = _grade_all(assistant, qset.load(), verbose=not args.quiet)
        print(f"{qset.name} ({qset.role}, {len(summary.grades)} questions): {summary.line()}")
    return 0


def _train(args: argparse.Namespace) -> int:
    from assistant.evalsets import read_sets
    from assistant.train import train

    sets = [s for s in read_sets(args.sets, ("tune",)) if s.available()]
    scorer = train(sets)
    print(f"fitted on {', '.join(s.name for s in sets)}: {scorer.trained_on}")
    print(f"threshold {scorer.threshold:.4f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    parser = argparse.ArgumentParser(prog="python -m assistant")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer a question")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--index", type=Path)
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--batch", type=Path)
    ask.add_argument("--doc", action="append", help="limit the search to this document id")
    evaluate = commands.add_parser("eval", help="grade answers to a question file or sets")
    evaluate.add_argument("questions", type=Path, nargs="?")
    evaluate.add_argument("--index", type=Path)
    evaluate.add_argument("--out", type=Path)
    evaluate.add_argument("--quiet", action="store_true", help="only the summary lines")
    evaluate.add_argument("--sets", type=Path, nargs="?", const=SETS_FILE)
    evaluate.add_argument("--role", action="append", help="only sets of this role")
    fit = commands.add_parser("train", help="fit the evidence scorer on the tuning sets")
    fit.add_argument("--sets", type=Path, default=SETS_FILE)
    add_overview_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "eval" and args.questions is None and args.sets is None:
        parser.error("eval needs a question file or --sets")
    commands_run = {"ask": _ask, "eval": _eval, "train": _train, "overview": run_overview}
    return commands_run[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
