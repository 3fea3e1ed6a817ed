"""The assistant with a generator configured: the real seed index and a loopback LLM."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.service import Assistant
from assistant.types import Answer
from tests.llm_server import Script, ScriptedLLMServer


@pytest.fixture
def llm_assistant(seed_index, embedder, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with ScriptedLLMServer() as server:
        settings = Settings(
            index_dir=seed_index,
            llm_backend="openai",
            llm_base_url=f"{server.url}/v1",
            llm_model="test-model",
            llm_timeout_s=2.0,
        )
        yield Assistant(settings, embedder=embedder), server


def test_verified_generated_answer_replaces_the_extractive_one(llm_assistant):
    assistant, server = llm_assistant
    server.script = Script("Svalöv ansvarar för byggstarten av Söderåsbanan [1].")
    answer = assistant.ask("Vem ansvarar för Söderåsbanan?")
    assert answer.found and answer.note == ""
    assert answer.text == "Svalöv ansvarar för byggstarten av Söderåsbanan [1]."
    assert "1.6 Byggstart för Söderåsbanan" in answer.citations[0].chunk.text
    assert "Söderåsbanan" in server.received[-1].prompt()
    assert "generate" in answer.timings


def test_unverifiable_reply_falls_back_to_the_extractive_answer(llm_assistant):
    assistant, server = llm_assistant
    server.script = Script("Perstorp ansvarar för Söderåsbanan sedan 2031 [1].")
    answer = assistant.ask("Vem ansvarar för Söderåsbanan?")
    assert answer.text.startswith("Ansvarig: Svalöv [1]")
    assert answer.note  # says why the generated text is not shown


def test_streaming_ends_with_the_final_answer(llm_assistant):
    assistant, server = llm_assistant
    server.script = Script("Svalöv ansvarar för byggstarten av Söderåsbanan [1].")
    items = list(assistant.ask_stream("Vem ansvarar för Söderåsbanan?"))
    assert isinstance(items[-1], Answer)
    assert items[-1].text == "Svalöv ansvarar för byggstarten av Söderåsbanan [1]."
    assert all(isinstance(i, str) for i in items[:-1])


def test_without_a_backend_nothing_is_generated(assistant):
    assert assistant.generator is None
    assert assistant.ask("Vem ansvarar för Söderåsbanan?").text.startswith("Ansvarig: Svalöv")
