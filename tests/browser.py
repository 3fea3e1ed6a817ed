"""Debian's headless chromium through Playwright, shared by the browser tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser test needs Debian's chromium at /usr/bin/chromium "
    "(`make browser` or `apt-get install chromium`)",
)


@contextmanager
def chromium_context(profile: Path, height: int, **options: Any) -> Iterator[Any]:
    """A headless chromium context 1400 pixels wide with its own profile folder."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": height},
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


def ask(page, question: str, answers_before: int, expected: str) -> float:
    """Type a question, press Enter, wait for the new answer to show the expected text.

    Returns the seconds from Enter to the answer. (While the server works, Gradio shows a
    placeholder bubble, so waiting for a bubble alone is not enough.)
    """
    from playwright.sync_api import expect

    box = page.locator("#avtal-question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    answer = page.locator("#avtal-chat .bot").nth(answers_before)
    expect(answer).to_contain_text(expected, timeout=TIMEOUT_MS)
    return time.perf_counter() - started
