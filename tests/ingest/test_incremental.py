"""Incremental and crash-safe rebuilds: add, change, remove, model change, kill, lock."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.service import Assistant
from ingest.build import build, staleness
from ingest.store import open_index, read_manifest
from ingest.versions import BuildInProgress, build_lock, current_version

REPO = Path(__file__).resolve().parents[2]
MAX = 10_000_000

AGREEMENT = """Avtal om vattensamverkan

Parter

Kommunerna Norrby och Söderby samarbetar om dricksvatten.

Ansvar

Norrby ansvarar för reservvattentäkten vid Stora sjön.
"""


def write(corpus: Path, name: str, text: str) -> None:
    (corpus / name).write_text(text, encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder, "vatten.txt", AGREEMENT)
    write(folder, "avfall.txt", "Avfallsplan\n\nSöderby ansvarar för återvinningscentralen.\n")
    return folder


class CountingEmbedder:
    """The real model, counting how many texts it is asked to embed."""

    def __init__(self, real) -> None:
        self.real = real
        self.model_id = real.model_id
        self.dim = real.dim
        self.texts = 0

    def embed(self, texts):
        self.texts += len(texts)
        return self.real.embed(texts)


def chunk_texts(index_dir: Path, model: str) -> dict[str, list[str]]:
    stored = open_index(index_dir, model)
    out: dict[str, list[str]] = {}
    for chunk in stored.chunks:
        out.setdefault(chunk.doc_id, []).append(chunk.text)
    return out


def test_add_change_remove_embed_only_what_changed(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    counting = CountingEmbedder(embedder)
    first = build(corpus, index, embedder.model_id, MAX, embedder=counting)
    assert sorted(first.added) == ["avfall.txt", "vatten.txt"] and first.full
    embedded_first = counting.texts

    write(corpus, "ny.txt", "Kulturavtal\n\nNorrby och Söderby delar på en bokbuss.\n")
    counting.texts = 0
    added = build(corpus, index, embedder.model_id, MAX, embedder=counting)
    assert added.added == ["ny.txt"] and added.unchanged == 2 and not added.full
    assert counting.texts == added.embedded == 1 < embedded_first

    write(corpus, "avfall.txt", "Avfallsplan\n\nNorrby ansvarar nu för återvinningscentralen.\n")
    counting.texts = 0
    changed = build(corpus, index, embedder.model_id, MAX, embedder=counting)
    assert changed.changed == ["avfall.txt"] and counting.texts == 1
    texts = chunk_texts(index, embedder.model_id)
    assert "Norrby ansvarar nu för återvinningscentralen." in " ".join(texts["avfall.txt"])

    (corpus / "ny.txt").unlink()
    removed = build(corpus, index, embedder.model_id, MAX, embedder=counting)
    assert removed.removed == ["ny.txt"]
    assert set(chunk_texts(index, embedder.model_id)) == {"avfall.txt", "vatten.txt"}
    assistant = Assistant(Settings(index_dir=index), embedder=embedder)
    assert not any("bokbuss" in h.chunk.text for h in assistant.ask("Vem har en bokbuss?").hits)

    same = build(corpus, index, embedder.model_id, MAX, embedder=counting)
    assert not same.rebuilt and str(same.reason) == "up to date"


def test_model_change_rebuilds_everything(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    build(corpus, index, embedder.model_id, MAX, embedder=embedder)

    class Renamed(CountingEmbedder):
        pass

    other = Renamed(embedder)
    other.model_id = "another-model"
    report = build(corpus, index, "another-model", MAX, embedder=other)
    assert report.full and "embedding model changed" in str(report.reason)
    assert other.texts == report.chunks
    assert read_manifest(index).embedding_model == "another-model"


def test_two_builds_at_once_are_refused(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    with build_lock(index), pytest.raises(BuildInProgress, match="Another build"):
        build(corpus, index, embedder.model_id, MAX, embedder=embedder)


def test_killed_build_leaves_the_previous_index(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    before = current_version(index)
    for i in range(400):  # enough work that the build is still running when killed
        write(corpus, f"extra{i}.txt", f"Bilaga {i}\n\nKommunen Ort{i} ansvarar för punkt {i}.\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest", "--corpus", str(corpus), "--index", str(index)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:  # plain progress lines: kill it while it embeds
        if line.startswith("embed:"):
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert current_version(index) == before
    assistant = Assistant(Settings(index_dir=index), embedder=embedder)
    answer = assistant.ask("Vem ansvarar för reservvattentäkten?")
    assert answer.found and "Norrby" in answer.text
    for extra in corpus.glob("extra*.txt"):
        extra.unlink()
    report = build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    assert report.documents == 2  # the lock died with the process; the next build runs


def test_running_assistant_picks_up_a_rebuild(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    assistant = Assistant(Settings(index_dir=index), embedder=embedder)
    assert not assistant.ask("Vem ansvarar för fjärrvärmen?").found
    write(corpus, "varme.txt", "Värmeavtal\n\nSöderby ansvarar för fjärrvärmen i båda orterna.\n")
    build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    assert assistant.reload_if_rebuilt(wait=True)
    answer = assistant.ask("Vem ansvarar för fjärrvärmen?")
    assert answer.found and "Söderby" in answer.text


def test_old_flat_index_is_still_read(seed_index, tmp_path, embedder):
    flat = tmp_path / "flat"
    shutil.copytree(current_version(seed_index), flat)
    assert open_index(flat, embedder.model_id).chunks  # a flat folder is a usable index


def test_an_unreadable_file_does_not_make_the_index_stale_forever(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    write(corpus, "rubrik.txt", "Bara en rubrik\n")  # parses, but holds no text
    first = build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    assert {p.path: p.reason for p in first.problems} == {"rubrik.txt": "no text found"}
    assert staleness(corpus, index, embedder.model_id, MAX) == ""
    again = build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    assert not again.rebuilt
    assert [p.path for p in again.problems] == ["rubrik.txt"]
    write(corpus, "rubrik.txt", "Rubrik\n\nNu finns det text om samarbetet.\n")
    assert staleness(corpus, index, embedder.model_id, MAX) != ""
    fixed = build(corpus, index, embedder.model_id, MAX, embedder=embedder)
    assert "rubrik.txt" in fixed.added and not fixed.problems
