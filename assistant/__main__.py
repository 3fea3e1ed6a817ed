"""python -m assistant ask|eval

ask  [--index DIR] [--json] [--doc DOC_ID ...] "question"
ask  --index DIR --json --batch FILE.jsonl      (one {"id", "question"} per line)
eval QUESTIONS.jsonl [--index DIR] [--out RESULTS.jsonl]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from ingest.offline import enforce_offline


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
        print(f"\n[{citation.n}] {citation.label()}\n    {citation.chunk.text}")
    if not answer.found and answer.hits:
        print("\nNärmaste träffar:" if answer.language == "sv" else "\nClosest matches:")
        for hit in answer.hits[:3]:
            print(f"  - {hit.chunk.label()}: {hit.chunk.text[:160]}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from assistant.grading import Summary, grade
    from assistant.serialize import answer_to_json

    assistant = _assistant(args.index)
    questions = [
        json.loads(line)
        for line in Path(args.questions).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    summary = Summary()
    failures = []
    results = []
    for question in questions:
        answer = assistant.ask(question["question"])
        result = answer_to_json(answer, question["question"], question["id"])
        results.append(result)
        g = grade(question, result)
        summary.grades.append(g)
        if not g.correct:
            failures.append((question, result, g))
    if args.out:
        Path(args.out).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8"
        )
    for question, result, g in failures:
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
    print(summary.line())
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
    evaluate = commands.add_parser("eval", help="grade answers to a question file")
    evaluate.add_argument("questions", type=Path)
    evaluate.add_argument("--index", type=Path)
    evaluate.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    return _ask(args) if args.command == "ask" else _eval(args)


if __name__ == "__main__":
    sys.exit(main())
