"""What the administration tab does: log in, upload, remove and rebuild.

The Gradio wiring is in admin_ui; everything here is plain Python so that it can be tested
and reused. Every action checks the caller's AdminSession itself: the tab's events are
hidden from the API, but hiding is not protection, since a reader can post to any event of
the page.

Nothing is lost: a replaced or removed file is moved to `<corpus>/.removed/<time>/`
(ignored by the index), an upload is written beside its target and renamed into place, and
the index is rebuilt by ingest.build (versioned, locked, crash-safe).
"""

from __future__ import annotations

import hmac
import logging
import os
import queue
import re
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.admin_text import ocr_quality_sv, reason_sv, size_sv, stage_sv
from assistant.config import Settings
from assistant.service import Assistant
from ingest.build import BuildReport, Progress, build, ocr_pages
from ingest.discover import (
    IGNORED_NAMES,
    SourceFile,
    content_problem,
    discover,
    file_hash,
)
from ingest.isolated import parse_isolated
from ingest.parse import PARSERS, UnreadableDocument

log = logging.getLogger(__name__)

REMOVED_DIR = ".removed"  # backups of replaced and removed files (dot: not indexed)
FAILED_LOGIN_DELAY_S = 1.0  # failed logins wait this long, one at a time
MIN_PASSWORD_LENGTH = 12
_MAX_STEM_BYTES = 200  # file systems allow 255 bytes per name
# Uploads and removals of this process one at a time: "does the name exist" and the move
# that follows must not interleave with another administrator's.
_CORPUS_LOCK = threading.Lock()
_UNSAFE = re.compile(r"[^\w.\-– ()]+")  # \w keeps å, ä, ö and other letters
_SPACES = re.compile(r"\s+")
ALLOWED_TYPES = tuple(sorted(PARSERS))


class AdminConfigError(ValueError):
    """The admin credentials are set up in a way that cannot work."""


class Refused(ValueError):
    """An upload or removal that was not done; the message says why, in Swedish."""


# -- login --------------------------------------------------------------------------------
@dataclass(frozen=True)
class AdminSession:
    """Proof of a successful login, kept in the user's server-side session state."""

    user: str
    token: str  # random; valid while the Gate keeps it (until logout or expiry)
    started: float  # time.monotonic() at login


class Gate:
    """Checks the administrator's credentials and keeps the live sessions."""

    def __init__(
        self, user: str, password: str, session_hours: float = 8.0, idle_minutes: float = 30.0
    ) -> None:
        if not password:
            raise AdminConfigError("an empty admin password is not allowed")
        self.user = user
        self._password = password.encode("utf-8")
        self._lifetime = session_hours * 3600
        self._idle = idle_minutes * 60
        self._sessions: dict[str, float] = {}  # token -> last use (time.monotonic())
        self._lock = threading.Lock()
        self._failures = threading.Lock()  # failed logins wait one after the other

    def login(self, user: str, password: str) -> AdminSession | None:
        """A session for the right user name and password; None (after a delay) otherwise.

        The delay is served while holding a lock, so guesses cannot be sped up by sending
        many at once: at most one failed login per FAILED_LOGIN_DELAY_S for the whole app.
        """
        user_ok = hmac.compare_digest(str(user).strip().encode("utf-8"), self.user.encode("utf-8"))
        password_ok = hmac.compare_digest(str(password).encode("utf-8"), self._password)
        if user_ok and password_ok:
            now = time.monotonic()
            session = AdminSession(self.user, secrets.token_urlsafe(32), now)
            with self._lock:
                self._sessions[session.token] = now
            log.info("administrator %s logged in", self.user)
            return session
        log.warning("failed administrator login")
        with self._failures:
            time.sleep(FAILED_LOGIN_DELAY_S)
        return None

    def allows(self, session: object) -> bool:
        """True for a session made by login() that is neither logged out nor expired."""
        if not isinstance(session, AdminSession) or session.user != self.user:
            return False
        now = time.monotonic()
        with self._lock:
            last = self._sessions.get(session.token)
            if last is None:
                return False
            if now - session.started >= self._lifetime or now - last >= self._idle:
                del self._sessions[session.token]
                return False
            self._sessions[session.token] = now
            return True

    def logout(self, session: object) -> None:
        """End the session: it is refused from now on, whoever still holds it."""
        if isinstance(session, AdminSession):
            with self._lock:
                self._sessions.pop(session.token, None)


def gate_from_settings(settings: Settings) -> Gate | None:
    """The gate for the configured credentials; None when none are set (no admin tab)."""
    password = settings.admin_password.get_secret_value()
    path = settings.admin_password_file
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise AdminConfigError(
                f"cannot read the admin password file {path}: {error}"
            ) from error
        password = lines[0].strip() if lines else ""
        if not password:
            raise AdminConfigError(f"the admin password file {path} is empty")
    if not password:
        return None
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AdminConfigError(
            f"the admin password is too short: use at least {MIN_PASSWORD_LENGTH} characters"
        )
    if not settings.admin_user.strip():
        raise AdminConfigError("the admin user name is empty")
    return Gate(
        settings.admin_user.strip(),
        password,
        settings.admin_session_hours,
        settings.admin_idle_minutes,
    )


# -- the corpus folder --------------------------------------------------------------------
def max_bytes(settings: Settings) -> int:
    return int(settings.max_file_mb * 1_000_000)


def safe_name(filename: str) -> str:
    """A plain file name for the corpus folder: no folders, no hidden files, a known type."""
    name = unicodedata.normalize("NFC", str(filename)).replace("\\", "/").split("/")[-1]
    name = _SPACES.sub(" ", _UNSAFE.sub("_", name)).strip(" ._-")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        raise Refused(f"filen saknar filändelse; tillåtna typer: {', '.join(ALLOWED_TYPES)}")
    suffix = "." + suffix.lower()
    if suffix not in PARSERS:
        allowed = ", ".join(ALLOWED_TYPES)
        raise Refused(f"filtypen '{suffix}' stöds inte; tillåtna typer: {allowed}")
    stem = stem.strip(" ._-").encode("utf-8")[:_MAX_STEM_BYTES].decode("utf-8", "ignore")
    stem = stem.rstrip(" ._-")
    if not stem:
        raise Refused("filnamnet består bara av otillåtna tecken")
    name = stem + suffix
    if name in IGNORED_NAMES:
        raise Refused(f"namnet {name} är reserverat; byt namn på filen")
    return name


def _is_document(rel: str) -> bool:
    parts = Path(rel).parts
    return not (
        rel in IGNORED_NAMES
        or any(part.startswith(".") for part in parts)
        or parts[-1].startswith("~$")
    )


def corpus_files(corpus_dir: Path) -> list[str]:
    """The files in the corpus folder that an administrator manages (relative paths)."""
    if not corpus_dir.is_dir():
        return []
    found = (p.relative_to(corpus_dir).as_posix() for p in corpus_dir.rglob("*") if p.is_file())
    return sorted(rel for rel in found if _is_document(rel))


def _backup(corpus_dir: Path, rel: str, stamp: str, keep_original: bool = False) -> Path:
    """Move (or copy) a corpus file into the backup folder; returns where it went.

    An earlier backup of the same name from the same second is never overwritten: the
    folder gets a number (2024-05-01_101500-2).
    """
    folder, n = stamp, 1
    while (corpus_dir / REMOVED_DIR / folder / rel).exists():
        n += 1
        folder = f"{stamp}-{n}"
    target = corpus_dir / REMOVED_DIR / folder / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if keep_original:
        shutil.copy2(corpus_dir / rel, target)
    else:
        shutil.move(corpus_dir / rel, target)
    return target


def _stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d_%H%M%S")


@dataclass(frozen=True)
class Outcome:
    """What happened to one file of an upload or a removal."""

    name: str
    done: bool
    message: str  # Swedish


def _hashes(corpus_dir: Path) -> dict[str, str]:
    """Content hash -> relative path of the files in the corpus."""
    found: dict[str, str] = {}
    for rel in corpus_files(corpus_dir):
        try:
            found.setdefault(file_hash((corpus_dir / rel).read_bytes()), rel)
        except OSError:
            continue
    return found


def _check_upload(source: Path, name: str, limit: int) -> bytes:
    """The upload's bytes when it can be indexed; raises Refused with the reason."""
    try:
        size = source.stat().st_size
    except OSError as error:
        raise Refused(f"uppladdningen kunde inte läsas ({error.strerror or error})") from error
    if size == 0:
        raise Refused("tom fil")
    if size > limit:
        raise Refused(f"för stor fil ({size_sv(size)}; gränsen är {size_sv(limit)})")
    data = source.read_bytes()
    problem = content_problem(Path(name).suffix, data)
    if problem:
        raise Refused(reason_sv(problem))
    return data


def _parse_check(staged: Path, name: str, digest: str, size: int) -> str:
    """Parse the staged file as the index would; raises Refused when it cannot be read.
    Returns what OCR made of it, in Swedish ('' when no page needed OCR).

    The parse runs in a child process with a memory and a time limit (ingest.isolated):
    one huge or hostile file is refused with the reason instead of taking the app down.
    """
    try:
        document = parse_isolated(SourceFile(name, staged, digest, size), {})
    except UnreadableDocument as error:
        raise Refused(reason_sv(str(error))) from error
    return ocr_quality_sv(ocr_pages(document))


def save_upload(
    source: Path, original_name: str, corpus_dir: Path, limit: int, replace: bool
) -> Outcome:
    """Check one uploaded file and store it in the corpus folder under a safe name."""
    try:
        name = safe_name(original_name)
        data = _check_upload(source, name, limit)
    except Refused as refusal:
        return Outcome(str(original_name), False, str(refusal))
    digest = file_hash(data)
    same = _hashes(corpus_dir).get(digest)
    if same == name:
        return Outcome(name, False, "finns redan med samma innehåll; inget ändrades")
    if same is not None:
        return Outcome(name, False, f"samma innehåll finns redan som {same}; inget sparades")
    target = corpus_dir / name
    if target.exists() and not replace:
        return Outcome(
            name, False, "en fil med samma namn finns redan; välj Ersätt för att ersätta den"
        )
    corpus_dir.mkdir(parents=True, exist_ok=True)
    handle, staged_name = tempfile.mkstemp(prefix=".upload-", suffix=target.suffix, dir=corpus_dir)
    staged = Path(staged_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        quality = _parse_check(staged, name, digest, len(data))
        message = "sparad"
        if target.exists():
            kept = _backup(corpus_dir, name, _stamp(), keep_original=True)
            message = f"ersatt; den gamla versionen ligger i {kept.relative_to(corpus_dir)}"
        os.replace(staged, target)
        if quality:
            message = f"{message}; {quality}"
    except Refused as refusal:
        return Outcome(name, False, str(refusal))
    finally:
        staged.unlink(missing_ok=True)
    log.info("admin upload stored: %s", name)
    return Outcome(name, True, message)


def save_uploads(
    files: Iterable[tuple[Path, str]], corpus_dir: Path, limit: int, replace: bool
) -> list[Outcome]:
    """save_upload for each (temporary path, original name); one bad file stops nothing.

    Two files of one upload that get the same safe name are not both stored: the second
    would replace the first.
    """
    outcomes = []
    names: set[str] = set()
    with _CORPUS_LOCK:
        for source, original in files:
            try:
                name = safe_name(original)
            except Refused:
                name = ""  # save_upload says why
            if name and name in names:
                message = (
                    f"en annan fil i samma uppladdning får också namnet {name}; inget sparades"
                )
                outcomes.append(Outcome(str(original), False, message))
                continue
            names.add(name)
            try:
                outcomes.append(save_upload(source, original, corpus_dir, limit, replace))
            except OSError as error:
                log.exception("upload of %s failed", original)
                outcomes.append(Outcome(str(original), False, f"kunde inte sparas ({error})"))
    return outcomes


def remove_files(names: Iterable[str], corpus_dir: Path) -> list[Outcome]:
    """Move the named corpus files to the backup folder; only files listed are accepted."""
    with _CORPUS_LOCK:
        return _remove_files(names, corpus_dir)


def _remove_files(names: Iterable[str], corpus_dir: Path) -> list[Outcome]:
    listed = set(corpus_files(corpus_dir))
    stamp = _stamp()
    outcomes = []
    for name in names:
        if name not in listed:
            outcomes.append(Outcome(str(name), False, "finns inte bland dokumenten"))
            continue
        try:
            kept = _backup(corpus_dir, name, stamp)
        except OSError as error:
            outcomes.append(Outcome(name, False, f"kunde inte tas bort ({error})"))
            continue
        log.info("admin removed %s (kept in %s)", name, kept)
        where = kept.relative_to(corpus_dir)
        outcomes.append(Outcome(name, True, f"borttagen; en kopia ligger i {where}"))
    return outcomes


# -- what the folder holds versus what is indexed ---------------------------------------
FILE_HEADERS = ["Fil", "Storlek", "Status", "Titel i indexet"]


def file_rows(assistant: Assistant) -> list[list[str]]:
    """One row per corpus file (and per indexed document whose file is gone)."""
    settings = assistant.settings
    manifest = assistant.manifest
    files, problems = discover(settings.corpus_dir, max_bytes(settings))
    failed_reasons = {p["file"]: p["reason"] for p in manifest.problems}
    rows: dict[str, list[str]] = {}
    for source in files:
        info = manifest.documents.get(source.doc_id)
        if info is not None and info.content_hash == source.content_hash:
            quality = ocr_quality_sv(info.ocr_pages)
            status = f"Indexerad; {quality}" if quality else "Indexerad"
        elif manifest.failed.get(source.doc_id) == source.content_hash:
            reason = failed_reasons.get(source.doc_id, "could not be read")
            status = f"Kan inte indexeras: {reason_sv(reason)}"
        elif info is not None:
            status = "Ändrad – uppdatera indexet"
        else:
            status = "Ny – uppdatera indexet"
        title = info.title if info is not None else ""
        rows[source.doc_id] = [source.doc_id, size_sv(source.size), status, title]
    for problem in problems:
        path = settings.corpus_dir / problem.path
        size = size_sv(path.stat().st_size) if path.is_file() else ""
        rows[problem.path] = [problem.path, size, f"Hoppas över: {reason_sv(problem.reason)}", ""]
    for doc_id, info in manifest.documents.items():
        if doc_id not in rows:
            status = "Filen är borttagen – uppdatera indexet"
            rows[doc_id] = [doc_id, "", status, info.title]
    return [rows[name] for name in sorted(rows)]


def rebuild(
    assistant: Assistant, full: bool = False, progress: Progress | None = None
) -> BuildReport:
    """Bring the index up to date with the corpus folder and load the new version.

    Raises ingest.versions.BuildInProgress when another build is running.
    """
    s = assistant.settings
    report = build(
        s.corpus_dir,
        s.index_dir,
        s.embedding_model,
        max_bytes(s),
        embedder=assistant.embedder,
        full=full,
        progress=progress or (lambda stage, done, total: None),
        remote=assistant.remote,
        parse=parse_isolated,  # heavy parsing outside the serving process
    )
    if report.rebuilt and not assistant.load_published():
        raise RuntimeError(
            "det nya indexet är byggt men kunde inte läsas in; appen svarar från det "
            "tidigare tills den startas om"
        )
    return report


@dataclass(frozen=True)
class Step:
    """A progress step of a rebuild: Swedish text and how far it has come."""

    text: str
    done: int
    total: int


def rebuild_steps(assistant: Assistant, full: bool = False) -> Iterator[Step | BuildReport]:
    """rebuild() in a worker thread, yielding its progress and, last, its report.

    Errors of the build (e.g. BuildInProgress) are raised here, after the thread ended.
    """
    steps: queue.Queue[Step | None] = queue.Queue()
    outcome: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        steps.put(Step(stage_sv(stage, done, total), done, total))

    def work() -> None:
        try:
            outcome["report"] = rebuild(assistant, full, progress)
        except BaseException as error:  # handed over to the caller's thread
            outcome["error"] = error
        finally:
            steps.put(None)

    worker = threading.Thread(target=work, name="admin-rebuild", daemon=True)
    worker.start()
    while (step := steps.get()) is not None:
        while not steps.empty():  # only the newest of steps that piled up
            newer = steps.get()
            if newer is None:
                steps.put(None)
                break
            step = newer
        yield step
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    yield outcome["report"]
