"""The Dokument tab's overview and Ansvar view in a real browser (Debian's chromium), in
Swedish, at 1280 px and in a narrow window, against app.py with the seed index; and the
register's answers to reverse questions in the chat, in Swedish and English.

Set AVTAL_SCREENSHOT_DIR=docs to keep docs/overview.png and docs/ansvar.png.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.browser import TIMEOUT_MS, ask, needs_chromium
from tests.web.test_browser import SOURCE_TITLE, app, browser_page

__all__ = ["app", "browser_page"]  # the fixtures, shared with the chat's browser test

pytestmark = needs_chromium

FITS = """() => {
  const root = document.scrollingElement;
  const clipped = [...document.querySelectorAll('.avtal-card, .avtal-card dd, .avtal-start li')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right >
                 root.clientWidth + 1);
  return {overflow: root.scrollWidth > root.clientWidth + 1, clipped: clipped.length};
}"""


def _shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("AVTAL_SCREENSHOT_DIR") or tmp_path)


def test_overview_cards_fit_and_cite(browser_page, tmp_path):
    from playwright.sync_api import expect

    page, outside = browser_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.get_by_role("tab", name="Dokument").click()
    page.get_by_role("tab", name="Översikt").click()
    assert "Vilka samarbeten finns?" in page.locator("body").inner_text()
    lines = page.locator("#avtal-start li")
    expect(lines).to_have_count(5, timeout=TIMEOUT_MS)
    cards = page.locator("#avtal-cards .avtal-card")
    expect(cards).to_have_count(5)
    fh = page.locator(
        '#avtal-cards .avtal-card[data-card="familjen-helsingborg-verksamhetsplan-2016-2019.txt"]'
    )
    card_text = fh.inner_text()
    for label in ["Typ", "Parter", "Period", "Översyn", "Syfte", "Styrning", "Ekonomi", "Områden"]:
        assert label in card_text
    assert "21 kr/invånare" in card_text and "katalog" in card_text
    assert page.evaluate(FITS) == {"overflow": False, "clipped": 0}
    page.screenshot(path=str(_shots(tmp_path) / "overview.png"), full_page=False)

    fh.locator(".avtal-cite").filter(has_text="medlemsavgift").first.click()
    marked = page.locator("#avtal-reader mark.avtal-passage")
    marked.wait_for()
    assert "medlemsavgift på 21 kr/invånare" in marked.inner_text()
    assert SOURCE_TITLE in page.locator("#avtal-reader h3").inner_text()
    # the reader's picker follows the citation, and its update keeps the marked passage
    picker = page.get_by_label("Läs dokument")
    expect(picker).to_have_value(re.compile(re.escape(SOURCE_TITLE)))
    page.wait_for_timeout(500)
    expect(marked).to_have_count(1)
    # picking a document by hand still opens it
    picker.click()
    page.get_by_role("option").filter(has_text="Plan för attraktivitet").click()
    expect(page.locator("#avtal-reader h3")).to_contain_text("Plan för attraktivitet")
    expect(marked).to_have_count(0)

    page.set_viewport_size({"width": 480, "height": 900})
    page.wait_for_timeout(300)
    assert page.evaluate(FITS) == {"overflow": False, "clipped": 0}
    page.set_viewport_size({"width": 1400, "height": 1000})
    assert outside == []


def test_ansvar_view_by_party(browser_page, tmp_path):
    from playwright.sync_api import expect

    page, outside = browser_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.get_by_role("tab", name="Dokument").click()
    page.get_by_role("tab", name="Ansvar").click()
    picker = page.locator("#avtal-party input")
    picker.click()
    picker.fill("Svalöv")
    page.get_by_role("option", name="Svalöv (2)").click()
    duties = page.locator("#avtal-duties .avtal-duties")
    duties.get_by_text("Byggstart för Söderåsbanan").wait_for()
    text = duties.inner_text()
    assert SOURCE_TITLE in text
    assert "1.6 Byggstart för Söderåsbanan senast år 2019." in text
    assert "1.10 Väg 109 Ekeby-Kågeröd-Höör genomförd ÅVS senast år 2019." in text
    assert "Svalöv: 2 uppgifter i 1 avtal." in text
    expect(page.get_by_role("option", name="Svalöv (2)")).to_have_count(0)  # list closed
    page.wait_for_timeout(400)
    page.screenshot(path=str(_shots(tmp_path) / "ansvar.png"), full_page=False)
    duties.locator(".avtal-cite").first.click()
    marked = page.locator("#avtal-reader mark.avtal-passage")
    expect(marked).to_have_text("1.6 Byggstart för Söderåsbanan senast år 2019.")
    page.set_viewport_size({"width": 1400, "height": 1000})
    assert outside == []


def test_reverse_questions_in_the_chat_name_only_the_party_asked_about(browser_page):
    page, outside = browser_page
    page.get_by_role("tab", name="Fråga").click()
    ask(page, "Vilka mätetal ansvarar Höganäs för?", 0, "Höganäs ansvarar för 14 punkter")
    swedish = page.locator("#avtal-chat .bot").nth(0).inner_text()
    assert "2.1 Medlemskommunerna i Familjen Helsingborg" in swedish
    assert "… och 9 till (se fliken Ansvar)" in swedish
    for other in ("Klippan", "Svalöv", "Perstorp", "Helsingborgs stad"):
        assert other not in swedish
    sources = page.locator("#avtal-sources .avtal-source")
    assert SOURCE_TITLE in sources.first.inner_text()
    assert "Ansvarig: Höganäs" in sources.first.inner_text()

    ask(page, "What is Perstorp responsible for?", 1, "Perstorp is responsible for 1 item")
    english = page.locator("#avtal-chat .bot").nth(1).inner_text()
    assert "1.9 Väg 108 Kävlinge-Örkelljunga genomförd ÅVS senast år 2019." in english
    assert "Höganäs" not in english
    assert outside == []
