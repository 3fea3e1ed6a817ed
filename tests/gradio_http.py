"""Gradio's HTTP protocol spoken by hand, the way any script could call a page's events.

The Gradio client libraries refuse events hidden from the API; a raw HTTP caller does not
need them, so the admin tests call events like this to show the server itself refuses.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import httpx


def page_config(url: str) -> dict[str, Any]:
    return httpx.get(f"{url}config", timeout=30).json()


def event_index(config: dict[str, Any], name: str) -> int:
    """The fn_index of the event whose handler is called `name`."""
    for dependency in config["dependencies"]:
        if dependency.get("api_name") == name:
            return dependency["id"]
    raise KeyError(name)


def tab_labels(config: dict[str, Any]) -> list[str]:
    return [
        c.get("props", {}).get("label", "")
        for c in config["components"]
        if c.get("type") == "tabitem"
    ]


def new_session() -> str:
    return uuid.uuid4().hex[:11]


def call_event(
    url: str, session: str, fn_index: int, data: list[Any], timeout: float = 300
) -> dict[str, Any]:
    """Post one event and wait for its completion message; returns that message."""
    event = start_event(url, session, fn_index, data)
    return completions(url, session, 1, timeout)[event][1]


def start_event(url: str, session: str, fn_index: int, data: list[Any]) -> str:
    """Post one event without waiting; returns its event id (see completions)."""
    joined = httpx.post(
        f"{url}gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session},
        timeout=60,
    )
    joined.raise_for_status()
    return joined.json()["event_id"]


def completions(
    url: str, session: str, count: int, timeout: float = 300
) -> dict[str, tuple[float, dict[str, Any]]]:
    """Read the session's one event stream until `count` events completed.

    Returns event id -> (time.monotonic() at completion, completion message). Events that
    overlap in one session must share this stream: a second stream would cut the first.
    """
    done: dict[str, tuple[float, dict[str, Any]]] = {}
    with httpx.Client(timeout=timeout) as client:
        params = {"session_hash": session}
        with client.stream("GET", f"{url}gradio_api/queue/data", params=params) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    done[message["event_id"]] = (time.monotonic(), message)
                    if len(done) == count:
                        return done
    raise AssertionError(f"the event stream ended after {len(done)} of {count} completions")


def upload(url: str, path: Path) -> dict[str, Any]:
    """Put a file in the server's upload cache (open to anyone) and return its FileData."""
    with path.open("rb") as handle:
        response = httpx.post(
            f"{url}gradio_api/upload", files={"files": (path.name, handle)}, timeout=60
        )
    response.raise_for_status()
    [server_path] = response.json()
    return {"path": server_path, "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}


def output_text(message: dict[str, Any]) -> str:
    """Everything the completed event sent back, as one string to search in."""
    return json.dumps(message.get("output", {}), ensure_ascii=False)
