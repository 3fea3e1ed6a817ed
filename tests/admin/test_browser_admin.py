"""The "Administrera" tab in a real browser (Debian's headless chromium via Playwright):
log in, upload a document, watch the rebuild finish, and get answers from it in the chat.

Set AVTAL_ADMIN_SCREENSHOT=docs/admin.png to keep the screenshot of the tab.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.admin.test_admin import NEW_DOCUMENT
from tests.browser import ask, chromium_context, needs_chromium
from tests.conftest import CORPUS
from tests.servers import running_app

PASSWORD = "webbläsar-test"

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def admin_site(seed_index, tmp_path_factory):
    root = tmp_path_factory.mktemp("browser-admin")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(seed_index, index, symlinks=True)
    upload = root / "kustvagen.md"
    upload.write_text(NEW_DOCUMENT, encoding="utf-8")
    env = {
        **os.environ,
        "AVTAL_ADMIN_PASSWORD": PASSWORD,
        "AVTAL_FEEDBACK_DB": str(root / "feedback.sqlite3"),
    }
    with running_app(["--index", str(index), "--corpus", str(corpus)], env) as url:
        yield url, corpus, upload


@pytest.fixture(scope="module")
def page(admin_site, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-admin-profile")
    # as an official's browser: Gradio's own labels follow the locale
    with chromium_context(profile, 1100, locale="sv-SE") as context:
        page = context.new_page()
        page.goto(admin_site[0])
        yield page


def open_tab(page, tab_id: str) -> None:
    """Click a tab (Gradio also keeps a hidden copy of the tab buttons for narrow screens)."""
    page.locator(f"button[role=tab][data-tab-id={tab_id}]:visible").first.click()


def test_log_in_upload_rebuild_and_ask(admin_site, page, tmp_path):
    from playwright.sync_api import expect

    _, corpus, upload = admin_site
    open_tab(page, "admin")
    assert page.locator("button[role=tab][data-tab-id=admin]:visible").count() == 1
    panel = page.locator("#avtal-admin")
    expect(page.locator("#avtal-login")).to_be_visible()
    expect(panel).to_be_hidden()

    page.locator("#avtal-admin-user textarea, #avtal-admin-user input").first.fill("admin")
    page.locator("#avtal-admin-pw input, #avtal-admin-pw textarea").first.fill("fel lösenord")
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("#avtal-login-message")).to_contain_text("Fel användarnamn eller lösenord")
    expect(panel).to_be_hidden()

    page.locator("#avtal-admin-pw input, #avtal-admin-pw textarea").first.fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(panel).to_be_visible()
    expect(page.locator("#avtal-login")).to_be_hidden()
    files = page.locator("#avtal-admin-files")
    expect(files).to_contain_text("familjen-helsingborg-verksamhetsplan-2016-2019.txt")
    expect(files).to_contain_text("Indexerad")

    page.locator("#avtal-admin-upload input[type=file]").set_input_files(str(upload))
    # Gradio renders the chosen file's name as stem and extension in two elements, with
    # white space between them once the upload has finished ("kustvagen .md")
    expect(page.locator("#avtal-admin-upload")).to_contain_text(re.compile(r"kustvagen\s*\.md"))
    page.get_by_role("button", name="Ladda upp och uppdatera indexet").click()
    status = page.locator("#avtal-admin-status")
    expect(status).to_contain_text("Indexet är uppdaterat", timeout=120_000)
    expect(status).to_contain_text("Tillagda: kustvagen.md")
    expect(files).to_contain_text("kustvagen.md")
    assert (corpus / "kustvagen.md").read_text(encoding="utf-8") == NEW_DOCUMENT

    shot = Path(os.environ.get("AVTAL_ADMIN_SCREENSHOT") or tmp_path / "admin.png")
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    open_tab(page, "chat")
    ask(page, "Vem ansvarar för cykelleden längs Kustvägen?", 0, "Båstad")

    open_tab(page, "admin")
    page.get_by_role("button", name="Logga ut").click()
    expect(page.locator("#avtal-login")).to_be_visible()
    expect(panel).to_be_hidden()


SCANNED_TEXT = (
    "# Samarbetsavtal Bjärehalvön 2025-2027\n\n"
    "Parterna är Båstads kommun och Ängelholms kommun.\n\n"
    "Åtgärd\tAnsvarig\n"
    "Vandringsled längs Hovsåsen mellan Torekov och Hov\tBåstad\n"
    "Gemensam turistinformation vid hamnen i Torekov\tÄngelholm\n"
)


def test_a_scanned_pdf_is_uploaded_read_by_ocr_and_answers(admin_site, page, tmp_path):
    """A PDF of page images only (as a scanner makes it) goes in through the upload: the
    upload and the file list show what OCR made of it, and the chat answers from it."""
    from playwright.sync_api import expect

    from benchmarks.scans import font_path, images_pdf, typeset
    from ingest.parse import ocr

    if not ocr.available() or font_path() is None:
        pytest.skip(f"Tesseract or the DejaVu font missing ({ocr.INSTALL})")
    scan = images_pdf(
        tmp_path / "bjarehalvon-skannad.pdf", [p.image for p in typeset(SCANNED_TEXT)]
    )

    open_tab(page, "admin")
    page.locator("#avtal-admin-pw input, #avtal-admin-pw textarea").first.fill(PASSWORD)
    page.locator("#avtal-admin-user textarea, #avtal-admin-user input").first.fill("admin")
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("#avtal-admin")).to_be_visible()

    page.locator("#avtal-admin-upload input[type=file]").set_input_files(str(scan))
    expect(page.locator("#avtal-admin-upload")).to_contain_text(
        re.compile(r"bjarehalvon-skannad\s*\.pdf")
    )
    page.get_by_role("button", name="Ladda upp och uppdatera indexet").click()
    status = page.locator("#avtal-admin-status")
    expect(status).to_contain_text("Indexet är uppdaterat", timeout=180_000)
    expect(status).to_contain_text("Tillagda: bjarehalvon-skannad.pdf")
    files = page.locator("#avtal-admin-files")
    expect(files).to_contain_text("bjarehalvon-skannad.pdf")
    expect(files).to_contain_text(re.compile(r"inläst med OCR \(1 sida, medelsäkerhet \d+ %\)"))

    open_tab(page, "chat")
    answers = page.locator("#avtal-chat .bot").count()
    ask(page, "Vem ansvarar för vandringsleden längs Hovsåsen?", answers, "Båstad")
    expect(page.locator("#avtal-chat .bot").nth(answers)).to_contain_text("inläst med OCR")
