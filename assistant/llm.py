"""Optional text generator behind a small protocol (off by default).

The backends are llama-index's LLM integrations: Ollama for a local server and OpenAILike
for any OpenAI-compatible endpoint. Every failure of a backend (timeout, refused
connection, HTTP error, malformed response) surfaces as one `GenerationError`, so the
caller has a single thing to fall back on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from assistant.config import Settings

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

log = logging.getLogger(__name__)

DEFAULT_OLLAMA_URL = "http://localhost:11434"
TEMPERATURE = 0.1  # answers should stay close to the passages
PLACEHOLDER_KEY = "no-key"  # local OpenAI-compatible servers often need none
# Sent to Ollama as num_ctx: room for five passages, a few turns and the reply. Without it
# the client asks the server for the model's full window (up to 128k tokens of memory).
CONTEXT_WINDOW = 8192
MAX_ERROR_CHARS = 200  # servers may answer errors with whole HTML pages


class GenerationError(RuntimeError):
    """The language model gave no usable reply (timeout, connection, HTTP or format error)."""


class Generator(Protocol):
    """Writes a reply to chat messages ({"role": ..., "content": ...}), piece by piece."""

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]: ...


class LlamaIndexGenerator:
    """A `Generator` over a llama-index LLM; streams when `streaming` is set."""

    def __init__(self, llm: LLM, name: str, streaming: bool = True) -> None:
        self.llm = llm
        self.name = name
        self.streaming = streaming

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        from llama_index.core.llms import ChatMessage

        chat = [ChatMessage(role=m["role"], content=m["content"]) for m in messages]
        try:
            if self.streaming:
                for response in self.llm.stream_chat(chat):
                    if response.delta:
                        yield response.delta
            else:
                yield self.llm.chat(chat).message.content or ""
        except GeneratorExit:
            raise
        except Exception as error:  # every backend failure means: no usable reply
            reason = f"{self.name}: {type(error).__name__}: {str(error)[:MAX_ERROR_CHARS]}"
            log.warning("generation failed: %s", reason)
            raise GenerationError(reason) from error


def build_generator(settings: Settings, streaming: bool = True) -> Generator | None:
    """The generator the settings ask for, or None when `llm_backend` is "none"."""
    if settings.llm_backend == "none":
        return None
    if not settings.llm_model:
        raise ValueError(
            f"llm_backend is {settings.llm_backend!r} but no model is set: "
            "set AVTAL_LLM_MODEL (e.g. llama3.1:8b for Ollama)"
        )
    if settings.llm_backend == "ollama":
        return LlamaIndexGenerator(_ollama(settings), "Ollama", streaming)
    if settings.llm_backend == "openai":
        return LlamaIndexGenerator(_openai_like(settings), "OpenAI-compatible", streaming)
    raise ValueError(f"unknown llm_backend {settings.llm_backend!r}: use none, ollama or openai")


def _ollama(settings: Settings) -> LLM:
    from llama_index.llms.ollama import Ollama

    return Ollama(
        model=settings.llm_model,
        base_url=settings.llm_base_url or DEFAULT_OLLAMA_URL,
        request_timeout=settings.llm_timeout_s,
        temperature=TEMPERATURE,
        context_window=CONTEXT_WINDOW,
    )


def _openai_like(settings: Settings) -> LLM:
    from llama_index.llms.openai_like import OpenAILike

    if not settings.llm_base_url:
        raise ValueError(
            "llm_backend is 'openai' but no base URL is set: set AVTAL_LLM_BASE_URL "
            "(e.g. https://host/v1)"
        )
    key = os.environ.get(settings.llm_api_key_env, "")
    if not key:
        log.warning(
            "%s is not set: calling %s without an API key",
            settings.llm_api_key_env,
            settings.llm_base_url,
        )
    return OpenAILike(
        model=settings.llm_model,
        api_base=settings.llm_base_url,
        api_key=key or PLACEHOLDER_KEY,
        timeout=settings.llm_timeout_s,
        max_retries=0,  # a retry doubles the wait; the extractive answer is the fallback
        temperature=TEMPERATURE,
        is_chat_model=True,
        is_function_calling_model=False,
    )
