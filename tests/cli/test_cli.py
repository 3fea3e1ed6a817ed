"""The command-line contract, run as a user would: subprocesses, JSON on stdout only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=300
    )


def test_ask_json_contract(seed_index):
    result = run(
        "assistant", "ask", "--index", str(seed_index), "--json", "Vem ansvarar för Söderåsbanan?"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert {
        "id",
        "question",
        "answer",
        "found",
        "language",
        "citations",
        "passages",
        "timings_ms",
    } <= set(data)
    assert data["found"] is True and data["language"] == "sv"
    assert "Svalöv" in data["answer"]
    citation = data["citations"][0]
    assert {"n", "doc_id", "title", "section", "text"} <= set(citation)
    assert citation["n"] == 1
    assert "1.6 Byggstart för Söderåsbanan senast år 2019." in citation["text"]
    assert len(data["passages"]) >= 5
    assert {"doc_id", "title", "section", "text", "score"} <= set(data["passages"][0])
    assert set(data["timings_ms"]) >= {"retrieve", "answer"}


def test_ask_batch_keeps_ids(seed_index, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "Who is responsible for Söderåsbanan?"})
        + "\n"
        + json.dumps({"id": "b", "question": "Vem ansvarar för Ostlänken?"})
        + "\n",
        encoding="utf-8",
    )
    result = run("assistant", "ask", "--index", str(seed_index), "--json", "--batch", str(batch))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["found"] is True and rows[0]["language"] == "en"
    assert rows[1]["found"] is False


def test_ingest_command_prints_a_summary(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.md").write_text(
        "# Plan för samverkan\n\nKommunen Exempelby ansvarar för uppföljningen.\n", "utf-8"
    )
    (corpus / "trasig.pdf.bak").write_text("x", "utf-8")
    result = run("ingest", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["documents"] == 1 and summary["chunks"] >= 1
    assert summary["problems"] == [
        {"file": "trasig.pdf.bak", "reason": "unsupported file type '.bak'"}
    ]
