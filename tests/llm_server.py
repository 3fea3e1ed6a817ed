"""A real HTTP server on a free loopback port speaking the Ollama and OpenAI chat APIs.

It answers POST /api/chat (Ollama: NDJSON when streaming, one JSON object otherwise) and
POST /v1/chat/completions (OpenAI: server-sent events when streaming, one JSON object
otherwise) with a scripted reply, and records every request body it received.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MALFORMED = '{"message": {"role": "assistant", "content": "Byggstart'  # cut-off JSON


@dataclass(frozen=True)
class Script:
    """What the server replies: the text, after a delay, or a body that is not JSON."""

    text: str = ""
    delay_s: float = 0.0
    malformed: bool = False


@dataclass(frozen=True)
class Received:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]

    def prompt(self) -> str:
        """All message contents of the request, joined."""
        return "\n".join(m.get("content") or "" for m in self.body.get("messages", []))


def pieces(text: str) -> list[str]:
    """The reply split the way a model streams it: a word and its trailing space at a time."""
    return re.findall(r"\S+\s*|\s+", text)


class ScriptedLLMServer:
    """Context manager: `with ScriptedLLMServer() as server: server.script = Script(...)`."""

    def __init__(self) -> None:
        self.script = Script()
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def record(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> Script:
        with self._lock:
            self.received.append(Received(path, body, headers))
            return self.script

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up when the server stops (so a slow reply never delays teardown)."""
        self._stop.wait(seconds)

    def __enter__(self) -> ScriptedLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _handler_for(server: ScriptedLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            headers = {name.lower(): value for name, value in self.headers.items()}
            script = server.record(self.path, body, headers)
            if script.delay_s:
                server.wait(script.delay_s)
            # a client that gave up (timeout) has closed the connection: nothing to answer
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._reply(body, script)

        def _reply(self, body: dict[str, Any], script: Script) -> None:
            if self.path == "/api/chat":
                streaming = body.get("stream", True)
                lines = ollama_stream(body, script) if streaming else ollama_once(body, script)
                self._send("application/x-ndjson" if streaming else "application/json", lines)
            elif self.path.rstrip("/").endswith("/chat/completions"):
                streaming = bool(body.get("stream"))
                lines = openai_stream(body, script) if streaming else openai_once(body, script)
                self._send("text/event-stream" if streaming else "application/json", lines)
            else:
                self.send_error(404, f"no such endpoint: {self.path}")

        def _send(self, content_type: str, lines: Iterator[str]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            for line in lines:
                self.wfile.write(line.encode("utf-8"))
                self.wfile.flush()

    return Handler


def ollama_once(body: dict[str, Any], script: Script) -> Iterator[str]:
    if script.malformed:
        yield MALFORMED
        return
    yield json.dumps(_ollama_message(body, script.text, done=True))


def ollama_stream(body: dict[str, Any], script: Script) -> Iterator[str]:
    for piece in pieces(script.text):
        yield json.dumps(_ollama_message(body, piece, done=False)) + "\n"
    if script.malformed:
        yield MALFORMED + "\n"
        return
    yield json.dumps(_ollama_message(body, "", done=True)) + "\n"


def _ollama_message(body: dict[str, Any], content: str, done: bool) -> dict[str, Any]:
    message = {
        "model": body.get("model", ""),
        "created_at": "2024-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": content},
        "done": done,
    }
    if done:
        message |= {"done_reason": "stop", "prompt_eval_count": 10, "eval_count": 5}
    return message


def openai_once(body: dict[str, Any], script: Script) -> Iterator[str]:
    if script.malformed:
        yield MALFORMED
        return
    yield json.dumps(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", ""),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": script.text},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }
    )


def openai_stream(body: dict[str, Any], script: Script) -> Iterator[str]:
    for piece in pieces(script.text):
        yield _event(_openai_chunk(body, {"role": "assistant", "content": piece}, None))
    if script.malformed:
        yield f"data: {MALFORMED}\n\n"
        return
    yield _event(_openai_chunk(body, {}, "stop"))
    yield "data: [DONE]\n\n"


def _openai_chunk(body: dict[str, Any], delta: dict[str, str], finish: str | None) -> dict:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": body.get("model", ""),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _event(data: dict[str, Any]) -> str:
    return f"data: {json.dumps(data)}\n\n"
