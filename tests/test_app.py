"""The chat app as a real server on loopback, asked through Gradio's own client."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(seed_index):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), "--index", str(seed_index)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"app exited: {process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("app did not start within 180 s")
    yield url
    process.terminate()
    process.wait(timeout=30)


def test_chat_answers_with_sources(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    reply = client.predict("Vem ansvarar för Söderåsbanan?", api_name="/ask")
    assert reply.startswith("Ansvarig: Svalöv [1]")
    assert "**Källor**" in reply
    assert "Verksamhetsplan Familjen Helsingborg 2016-2019 › 1. Infrastruktur" in reply
    unknown = client.predict("Vem ansvarar för Ostlänken?", api_name="/ask")
    assert unknown.startswith("Jag hittar inget om det i dokumenten.")
    assert "Närmaste träffar" in unknown


def test_app_refuses_a_missing_index(tmp_path):
    result = subprocess.run(
        [sys.executable, "app.py", "--index", str(tmp_path / "none")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "python -m ingest" in result.stderr
