"""The chat app as a real server on loopback, asked through Gradio's own client."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.gradio_http import page_config, tab_labels
from tests.servers import REPO, running_app


@pytest.fixture(scope="module")
def app_url(seed_index):
    # no admin credentials, whatever the developer's shell has set
    env = {k: v for k, v in os.environ.items() if not k.startswith("AVTAL_ADMIN_")}
    with running_app(["--index", str(seed_index)], env) as url:
        yield url


def test_no_admin_tab_or_events_without_credentials(app_url):
    config = page_config(app_url)
    assert tab_labels(config) == ["Fråga", "Dokument", "Översikt", "Ansvar"]
    handlers = {d.get("api_name") for d in config["dependencies"]}
    assert not handlers & {"on_login", "on_upload", "on_remove", "on_update", "on_full"}
    assert "on_ask" in handlers  # the names are those of the handlers


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


def test_app_refuses_an_empty_admin_password_file(tmp_path, seed_index):
    secret = tmp_path / "password"
    secret.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "app.py", "--index", str(seed_index)],
        cwd=REPO,
        env={**os.environ, "AVTAL_ADMIN_PASSWORD_FILE": str(secret)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "admin password file" in result.stderr and "empty" in result.stderr


def test_without_an_admin_tab_the_upload_route_takes_no_files(app_url, tmp_path):
    import httpx

    path = tmp_path / "stor.txt"
    path.write_bytes(b"x" * 10_000)
    with path.open("rb") as handle:
        response = httpx.post(
            f"{app_url}gradio_api/upload", files={"files": (path.name, handle)}, timeout=60
        )
    assert response.status_code == 413, response.text


def test_a_long_question_through_the_server_asks_for_a_shorter_one(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    reply = client.predict("x" * 100_000, api_name="/ask")
    assert reply.startswith("Frågan är för lång (100\u00a0000 tecken).")
