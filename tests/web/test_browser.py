"""End to end in a real browser: Debian's headless chromium, driven by Playwright, against
app.py on a free loopback port with the seed index and its own feedback database.

Set AVTAL_SCREENSHOT=docs/screenshot.png to keep the screenshot of the answer.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser import ask, chromium_context, needs_chromium
from tests.servers import running_app

SOURCE_TITLE = "Verksamhetsplan Familjen Helsingborg 2016-2019"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def app(seed_index: Path, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The app's URL and its feedback database."""
    feedback_db = tmp_path_factory.mktemp("browser") / "feedback.sqlite3"
    env = {**os.environ, "AVTAL_FEEDBACK_DB": str(feedback_db)}
    with running_app(["--index", str(seed_index)], env) as url:
        yield url, feedback_db


@pytest.fixture(scope="module")
def browser_page(app, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    clipboard = ["clipboard-read", "clipboard-write"]
    with chromium_context(profile, 1000, permissions=clipboard) as context:
        page = context.new_page()
        outside: list[str] = []
        page.on(
            "request",
            lambda request: (
                outside.append(request.url)
                if urlparse(request.url).hostname not in LOCAL_HOSTS
                and urlparse(request.url).scheme in {"http", "https", "ws", "wss"}
                else None
            ),
        )
        page.goto(app[0])
        yield page, outside


def stored_votes(db: Path, limit: float = 10) -> list[tuple[int, str, str, str]]:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as connection:
                    rows = connection.execute(
                        "SELECT rating, question, answer, citations FROM feedback"
                    ).fetchall()
            except sqlite3.OperationalError:  # the app is creating the table right now
                rows = []
            if rows:
                return rows
        time.sleep(0.2)
    return []


def test_ask_open_source_follow_up_and_vote(app, browser_page, tmp_path):
    page, outside = browser_page
    _, feedback_db = app

    ask(page, "Vem ansvarar för Söderåsbanan?", 0, "Källor")
    first = page.locator("#avtal-chat .bot").nth(0)
    assert "Svalöv" in first.inner_text()
    card = page.locator("#avtal-sources .avtal-source").first
    assert SOURCE_TITLE in card.inner_text()
    assert "Svalöv" in card.locator("mark").all_inner_texts()
    assert page.locator("#avtal-sources mark.avtal-quote").first.is_visible()

    shot = Path(os.environ.get("AVTAL_SCREENSHOT") or tmp_path / "screenshot.png")
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    card.locator(".avtal-open").click()
    marked = page.locator("#avtal-viewer mark.avtal-passage")
    marked.wait_for()
    assert "Söderåsbanan 1.6 Byggstart för Söderåsbanan senast år 2019." in marked.inner_text()
    assert marked.is_visible()
    assert marked.evaluate(  # scrolled into the reader's visible part
        """m => { const box = m.closest('.avtal-document').getBoundingClientRect();
                  const r = m.getBoundingClientRect();
                  return r.top >= box.top && r.bottom <= box.bottom; }"""
    )
    assert SOURCE_TITLE in page.locator("#avtal-viewer h3").inner_text()

    seconds = ask(page, "Och när ska bygget starta?", 1, "Källor")
    follow_up = page.locator("#avtal-chat .bot").nth(1).inner_text()
    assert "2019" in follow_up
    assert "Tolkat som: När ska bygget starta? (Söderåsbanan)" in follow_up
    assert seconds < 5, f"a warm answer took {seconds:.1f} s"

    page.get_by_role("button", name="Kopiera svaret med källor").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Fråga: Och när ska bygget starta?")
    assert f"[1] {SOURCE_TITLE} › 1. Infrastruktur och kollektivtrafik" in copied

    assert stored_votes(feedback_db, limit=0) == []
    page.locator("#avtal-chat .bot").nth(1).hover()
    page.locator('#avtal-chat button[aria-label="Bra svar"]').nth(1).click()
    votes = stored_votes(feedback_db)
    assert len(votes) == 1
    rating, question, answer, citations = votes[0]
    assert (rating, question) == (1, "Och när ska bygget starta?")
    assert "2019" in answer and SOURCE_TITLE in citations

    assert outside == [], f"the page called out: {outside}"


def test_documents_tab_lists_and_reads_every_document(browser_page):
    page, outside = browser_page
    page.get_by_role("tab", name="Dokument").click()
    start = page.locator("#avtal-start")
    start.get_by_text(SOURCE_TITLE).first.wait_for()
    text = start.inner_text()
    assert "MalmöLundregionen" in text and "Region Västerbotten" in text
    start.get_by_text(SOURCE_TITLE).first.click()
    reader = page.locator("#avtal-reader .avtal-document")
    reader.wait_for()
    assert "Byggstart för Söderåsbanan senast år 2019" in reader.inner_text()
    assert outside == []


def test_another_session_sees_nothing_of_the_conversation(app, browser_page):
    page, _ = browser_page
    assert page.locator("#avtal-chat .bot").count() >= 1  # after the conversation above
    other = page.context.new_page()
    other.goto(app[0])
    other.locator("#avtal-question textarea").wait_for()
    assert other.locator("#avtal-chat .bot").count() == 0
    assert "Källorna till svaret visas här." in other.locator("#avtal-sources").inner_text()
    other.close()
