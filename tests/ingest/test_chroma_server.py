"""The index on a real Chroma server (`chroma run` on a free loopback port)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.service import Assistant
from ingest.build import build
from ingest.remote import RemoteTarget, current_remote
from ingest.store import IndexUnavailable
from tests.servers import free_port

# the chroma command of the environment running the tests (make test does not put the
# virtualenv's bin/ on PATH)
_BESIDE = Path(sys.executable).parent / "chroma"
CHROMA = str(_BESIDE) if _BESIDE.exists() else shutil.which("chroma")


@pytest.fixture
def chroma_server(tmp_path: Path):
    if CHROMA is None:
        pytest.skip("the chroma command (from the chromadb package) is not on PATH")
    port = free_port()
    process = subprocess.Popen(
        [
            CHROMA,
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("chroma run did not start")
    yield RemoteTarget("127.0.0.1", port, prefix="test")
    process.terminate()
    process.wait(timeout=30)


def test_build_and_answer_through_a_chroma_server(chroma_server, tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vatten.txt").write_text(
        "Avtal om vatten\n\nNorrby ansvarar för reservvattentäkten vid Stora sjön.\n", "utf-8"
    )
    lock_dir = tmp_path / "lock"
    first = build(
        corpus, lock_dir, embedder.model_id, 1_000_000, embedder=embedder, remote=chroma_server
    )
    assert first.documents == 1
    name, manifest = current_remote(chroma_server)
    assert manifest.documents["vatten.txt"].chunks == first.chunks

    settings = Settings(
        chroma_host=chroma_server.host, chroma_port=chroma_server.port, chroma_prefix="test"
    )
    one = Assistant(settings, embedder=embedder)
    two = Assistant(settings, embedder=embedder)  # a second app instance, same index
    for assistant in (one, two):
        answer = assistant.ask("Vem ansvarar för reservvattentäkten?")
        assert answer.found and "Norrby" in answer.text

    (corpus / "avfall.txt").write_text(
        "Avfallsplan\n\nSöderby ansvarar för återvinningscentralen.\n", "utf-8"
    )
    second = build(
        corpus, lock_dir, embedder.model_id, 1_000_000, embedder=embedder, remote=chroma_server
    )
    assert second.added == ["avfall.txt"] and second.embedded == 1
    assert current_remote(chroma_server)[0] != name
    assert one.reload_if_rebuilt(wait=True)
    assert "Söderby" in one.ask("Vem ansvarar för återvinningscentralen?").text


def test_empty_server_is_a_clear_error(chroma_server, embedder):
    settings = Settings(chroma_host=chroma_server.host, chroma_port=chroma_server.port)
    with pytest.raises(IndexUnavailable, match="python -m ingest"):
        Assistant(settings, embedder=embedder)
