"""The administration logic: login, safe uploads, removals with backups, rebuilds."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from assistant.admin.corpus import (
    REMOVED_DIR,
    Refused,
    corpus_files,
    remove_files,
    safe_name,
    save_upload,
)
from assistant.admin.gate import AdminConfigError, AdminSession, Gate, gate_from_settings
from assistant.admin.index import file_rows, rebuild, rebuild_steps
from assistant.admin.wording import reason_sv, report_sv
from assistant.config import Settings
from ingest.discover import BINARY, UTF16
from ingest.messages import Problem
from ingest.parse.docx import NO_WORD_DOCUMENT, NOT_A_DOCX, OLE_FORMAT
from ingest.parse.ocr import OCR_MISSING
from ingest.parse.pdf import ENCRYPTED, NOT_A_PDF
from ingest.report import BuildReport
from ingest.versions import BuildInProgress, build_lock, current_version
from tests.conftest import CORPUS
from tests.fixtures_formats import agreement_pdf, junk, scanned_pdf

LIMIT = 1_000_000
NEW_DOCUMENT = """# Samarbetsavtal Kustvägen 2025-2027

## Åtgärder

| Åtgärd | Ansvarig |
| --- | --- |
| Cykelled längs Kustvägen mellan Torekov och Båstad | Båstad |
| Gemensam turistinformation vid hamnen | Ängelholm |
"""


# -- login --------------------------------------------------------------------------------
PASSWORD = "rätt lösenord 12"


def test_login_needs_the_right_user_and_password():
    gate = Gate("admin", PASSWORD)
    assert gate.login("admin", "fel") is None
    assert gate.login("någon", PASSWORD) is None
    session = gate.login("admin", PASSWORD)
    assert isinstance(session, AdminSession)
    assert gate.allows(session)


def test_only_a_live_session_from_login_is_allowed():
    gate = Gate("admin", PASSWORD)
    session = gate.login("admin", PASSWORD)
    assert session is not None and gate.allows(session)
    assert not gate.allows(None)
    assert not gate.allows({"user": "admin", "token": session.token})  # not made by login
    assert not gate.allows(AdminSession("admin", "guessed", time.monotonic()))
    assert not gate.allows(AdminSession("root", session.token, session.started))
    other = Gate("admin", PASSWORD)  # another app's session means nothing here
    assert not other.allows(session)


def test_logout_ends_the_session_for_whoever_still_holds_it():
    # a long rebuild started before the logout hands its session back when it ends: that
    # old session object must not work again
    gate = Gate("admin", PASSWORD)
    session = gate.login("admin", PASSWORD)
    second = gate.login("admin", PASSWORD)
    gate.logout(session)
    assert not gate.allows(session)
    assert gate.allows(second)  # other logins are not affected
    gate.logout(None)  # logging out without a session is harmless


def test_sessions_expire_and_end_when_idle():
    lifetime = Gate("admin", PASSWORD, session_hours=0.3 / 3600)
    session = lifetime.login("admin", PASSWORD)
    for _ in range(4):  # in use all the time, and still ends after its lifetime
        assert lifetime.allows(session)
        time.sleep(0.05)
    time.sleep(0.2)
    assert not lifetime.allows(session)

    idle = Gate("admin", PASSWORD, idle_minutes=0.3 / 60)
    session = idle.login("admin", PASSWORD)
    time.sleep(0.2)
    assert idle.allows(session)  # use keeps it alive
    time.sleep(0.2)
    assert idle.allows(session)
    time.sleep(0.4)
    assert not idle.allows(session)


def test_failed_logins_wait_one_after_the_other():
    from concurrent.futures import ThreadPoolExecutor

    from assistant.admin.gate import FAILED_LOGIN_DELAY_S

    gate = Gate("admin", PASSWORD)
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: gate.login("admin", "gissning"), range(4)))
    assert results == [None] * 4
    assert time.monotonic() - started >= 4 * FAILED_LOGIN_DELAY_S  # not 1 s for all four


def test_no_credentials_no_gate_and_no_default_password(tmp_path):
    assert gate_from_settings(Settings()) is None
    assert gate_from_settings(Settings(admin_password=PASSWORD)) is not None
    with pytest.raises(AdminConfigError):
        Gate("admin", "")


def test_a_short_password_is_refused_at_start():
    with pytest.raises(AdminConfigError, match="at least 12 characters"):
        gate_from_settings(Settings(admin_password="s3cret"))


def test_password_from_a_file(tmp_path):
    secret = tmp_path / "admin-password"
    secret.write_text("lösenord från fil\n", encoding="utf-8")
    gate = gate_from_settings(Settings(admin_password_file=secret))
    assert gate is not None and gate.login("admin", "lösenord från fil") is not None
    secret.write_text("\n", encoding="utf-8")
    with pytest.raises(AdminConfigError, match="empty"):
        gate_from_settings(Settings(admin_password_file=secret))
    with pytest.raises(AdminConfigError, match="cannot read"):
        gate_from_settings(Settings(admin_password_file=tmp_path / "missing"))


# -- safe names ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("avtal.pdf", "avtal.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\plan.DOCX", "plan.docx"),
        (".hidden.md", "hidden.md"),
        ("~$lås.docx", "lås.docx"),
        ("Avtal Skåne–Nordost (rev 2).PDF", "Avtal Skåne–Nordost (rev 2).pdf"),
        ('plan<2024>|"slut".txt', "plan_2024_slut.txt"),
        ("a;rm -rf *.txt", "a_rm -rf.txt"),
    ],
)
def test_file_names_are_made_safe(given, stored):
    assert safe_name(given) == stored


def test_long_names_are_cut_to_what_a_file_system_takes():
    name = safe_name("協力協定" * 60 + ".txt")  # 3 bytes a character
    assert name.endswith(".txt") and len(name.encode("utf-8")) <= 255
    assert name.startswith("協力協定")


@pytest.mark.parametrize(
    "given", ["program.exe", "catalog.toml", "README.md", "...pdf", "utan-filändelse", "/.."]
)
def test_unsafe_or_unsupported_names_are_refused(given):
    with pytest.raises(Refused):
        safe_name(given)


# -- uploads ------------------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def upload(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "uploads"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_upload_is_stored_under_its_safe_name(tmp_path, corpus):
    source = upload(tmp_path, "kustvägen.md", NEW_DOCUMENT.encode())
    outcome = save_upload(source, "../Kustvägen avtal.md", corpus, LIMIT, replace=False)
    assert outcome.done, outcome.message
    assert (corpus / "Kustvägen avtal.md").read_text(encoding="utf-8") == NEW_DOCUMENT
    assert not (tmp_path / "Kustvägen avtal.md").exists()
    assert not any(p.name.startswith(".upload-") for p in corpus.iterdir())


def test_pdf_upload_is_parsed_before_it_is_stored(tmp_path, corpus):
    good = agreement_pdf(tmp_path / "avtal.pdf")
    assert save_upload(good, "avtal.pdf", corpus, LIMIT, replace=False).done
    scanned = scanned_pdf(tmp_path / "scan.pdf")
    outcome = save_upload(scanned, "skannad.pdf", corpus, LIMIT, replace=False)
    assert not outcome.done
    blank = "saknar textlager och OCR hittade ingen läsbar text (tom sida: 1 sida)"
    assert blank in outcome.message
    assert not (corpus / "skannad.pdf").exists()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tom.txt", b"", "tom fil"),
        ("skräp.pdf", junk(), "inte en PDF-fil"),
        ("stor.txt", b"ord " * 300_000, "för stor fil"),
        ("program.exe", b"MZ", "stöds inte"),
        ("binär.txt", b"\x00\x01" * 100, "binärt innehåll"),
    ],
)
def test_bad_uploads_are_refused_with_a_swedish_reason(tmp_path, corpus, name, data, reason):
    before = sorted(corpus_files(corpus))
    outcome = save_upload(upload(tmp_path, name, data), name, corpus, LIMIT, replace=False)
    assert not outcome.done
    assert reason in outcome.message
    assert sorted(corpus_files(corpus)) == before


def test_same_content_under_another_name_is_refused(tmp_path, corpus):
    existing = next(corpus.glob("*.txt"))
    copy = upload(tmp_path, "kopia.txt", existing.read_bytes())
    outcome = save_upload(copy, "kopia.txt", corpus, LIMIT, replace=False)
    assert not outcome.done and existing.name in outcome.message
    assert not (corpus / "kopia.txt").exists()


def test_replacing_needs_consent_and_keeps_the_old_version(tmp_path, corpus):
    existing = next(corpus.glob("*.txt"))
    old = existing.read_bytes()
    revised = upload(tmp_path, existing.name, old + b"\nReviderad 2026.\n")
    refused = save_upload(revised, existing.name, corpus, LIMIT, replace=False)
    assert not refused.done and "Ersätt" in refused.message
    assert existing.read_bytes() == old
    replaced = save_upload(revised, existing.name, corpus, LIMIT, replace=True)
    assert replaced.done
    assert existing.read_bytes().endswith(b"Reviderad 2026.\n")
    kept = list((corpus / REMOVED_DIR).rglob(existing.name))
    assert len(kept) == 1 and kept[0].read_bytes() == old


def test_two_files_of_one_upload_with_the_same_safe_name_are_not_both_stored(tmp_path, corpus):
    from assistant.admin.corpus import save_uploads

    first = upload(tmp_path, "a", NEW_DOCUMENT.encode("utf-8"))
    second = upload(tmp_path, "b", (NEW_DOCUMENT + "\nÄndrad.\n").encode("utf-8"))
    outcomes = save_uploads(
        [(first, "avtal?.md"), (second, "avtal*.md")], corpus, LIMIT, replace=True
    )
    assert [o.done for o in outcomes] == [True, False]
    assert "samma uppladdning" in outcomes[1].message
    assert (corpus / "avtal.md").read_text(encoding="utf-8") == NEW_DOCUMENT


def test_backups_of_the_same_file_within_a_second_are_all_kept(tmp_path, corpus):
    existing = next(corpus.glob("*.txt"))
    versions = [existing.read_bytes()]
    for n in (1, 2):
        revised = upload(tmp_path, existing.name, versions[0] + f"\nRevision {n}.\n".encode())
        assert save_upload(revised, existing.name, corpus, LIMIT, replace=True).done
        versions.append(revised.read_bytes())
    [removed] = remove_files([existing.name], corpus)
    assert removed.done
    kept = sorted(p.read_bytes() for p in (corpus / REMOVED_DIR).rglob(existing.name))
    assert kept == sorted(versions)  # the original, revision 1 and revision 2


# -- removals -----------------------------------------------------------------------------
def test_removal_moves_the_file_to_the_backup_folder(corpus):
    name = corpus_files(corpus)[0]
    data = (corpus / name).read_bytes()
    [outcome] = remove_files([name], corpus)
    assert outcome.done
    assert not (corpus / name).exists()
    [kept] = (corpus / REMOVED_DIR).rglob(name)
    assert kept.read_bytes() == data
    assert name not in corpus_files(corpus)


@pytest.mark.parametrize(
    "name", ["../corpus2/x.txt", "catalog.toml", f"{REMOVED_DIR}/x.txt", "/etc/hostname", ""]
)
def test_only_listed_corpus_files_can_be_removed(tmp_path, corpus, name):
    (tmp_path / "corpus2").mkdir()
    (tmp_path / "corpus2" / "x.txt").write_text("kvar")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    [outcome] = remove_files([name], corpus)
    assert not outcome.done
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


# -- Swedish wording ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "problem",
    [
        Problem(BINARY),
        Problem(UTF16),
        Problem(ENCRYPTED),
        Problem(OCR_MISSING),
        Problem("pdf_no_text_read", {"pages": [[{"code": "blank_page"}, 1]]}),
        Problem("image_no_text", {"problems": [{"code": "page_no_text"}]}),
        Problem("damaged_image", {"error": "cannot identify image file"}),
        Problem("not_an_image", {"kind": "JPEG"}),
        Problem(NOT_A_PDF),
        Problem(OLE_FORMAT),
        Problem(NOT_A_DOCX),
        Problem(NO_WORD_DOCUMENT),
        Problem("empty_file"),
        Problem("no_text_found"),
        Problem("unsupported_type", {"suffix": ".exe"}),
        Problem("file_too_large", {"size": 60_000_000, "limit": 50_000_000}),
        Problem("duplicate", {"original": "a.txt"}),
        Problem("damaged_pdf", {"error": "unexpected EOF"}),
    ],
    ids=str,
)
def test_every_known_reason_is_translated(problem):
    translated = reason_sv(problem)
    assert translated != str(problem)
    assert not {"file", "the", "not", "of"} & set(translated.lower().split())


def test_report_in_swedish():
    report = BuildReport(documents=6, chunks=240, added=["ny.pdf"], unchanged=5, seconds=3.25)
    report.embedded = 8
    text = report_sv(report)
    assert "Indexet är uppdaterat** på 3,2 s (6 dokument, 240 avsnitt)" in text
    assert "Tillagda: ny.pdf" in text


# -- rebuild with the real index and model ----------------------------------------------------
@pytest.fixture
def own_assistant(tmp_path, seed_index, embedder, corpus):
    from assistant.service import Assistant

    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    settings = Settings(corpus_dir=corpus, index_dir=index, feedback_db=tmp_path / "fb.db")
    return Assistant(settings, embedder=embedder)


def test_upload_then_rebuild_answers_from_the_new_document(tmp_path, own_assistant):
    question = "Vem ansvarar för cykelleden längs Kustvägen?"
    assert own_assistant.ask(question).found is False
    corpus = own_assistant.settings.corpus_dir
    source = upload(tmp_path, "kustvagen.md", NEW_DOCUMENT.encode())
    assert save_upload(source, "kustvagen.md", corpus, LIMIT, replace=False).done
    assert "Ny – uppdatera indexet" in {row[2] for row in file_rows(own_assistant)}

    steps = list(rebuild_steps(own_assistant))
    report = steps[-1]
    assert isinstance(report, BuildReport)
    assert report.added == ["kustvagen.md"] and report.unchanged == 5
    assert {s.text.split()[0] for s in steps[:-1]} >= {"Läser", "Beräknar"}
    answer = own_assistant.ask(question)  # the app's assistant has the new version loaded
    assert answer.found and "Båstad" in answer.text
    assert answer.citations[0].chunk.doc_id == "kustvagen.md"
    assert {row[2] for row in file_rows(own_assistant)} == {"Indexerad"}

    remove_files(["kustvagen.md"], corpus)
    assert rebuild(own_assistant).removed == ["kustvagen.md"]
    assert own_assistant.ask(question).found is False


def test_a_second_rebuild_at_once_is_refused_and_changes_nothing(own_assistant):
    index = own_assistant.settings.index_dir
    version = current_version(index)
    with build_lock(index), pytest.raises(BuildInProgress):
        list(rebuild_steps(own_assistant, full=True))
    assert current_version(index) == version


# -- the upload component -----------------------------------------------------------------
def test_the_upload_field_takes_no_web_addresses(tmp_path):
    # Gradio prepares a File input before the handler checks the login; a request naming
    # an http(s) "path" would make the server download it
    import asyncio

    import gradio as gr

    from assistant.admin.tab import refuse_remote_files

    with gr.Blocks():
        field = gr.File(file_count="multiple", type="filepath")
    refuse_remote_files(field)
    for address in ("https://example.com/avtal.pdf", "http://10.0.0.1/x.txt"):
        with pytest.raises(ValueError, match="only files uploaded to this server"):
            asyncio.run(field.async_move_resource_to_block_cache(address))
    local = tmp_path / "avtal.md"
    local.write_text(NEW_DOCUMENT, encoding="utf-8")
    cached = asyncio.run(field.async_move_resource_to_block_cache(str(local)))
    assert cached is not None and Path(cached).read_text(encoding="utf-8") == NEW_DOCUMENT
