"""The corpus folder as an administrator manages it: upload, replace and remove files.

Nothing is lost: a replaced or removed file is moved to `<corpus>/.removed/<time>/`
(ignored by the index), and an upload is written beside its target and renamed into place
after it was parsed as the index would parse it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.admin.wording import ocr_quality_sv
from assistant.config import Settings
from ingest.discover import IGNORED_NAMES, SourceFile, content_problem, file_hash
from ingest.isolated import parse_isolated
from ingest.messages import CodedError, Problem
from ingest.parse import PARSERS, UnreadableDocument
from ingest.report import ocr_pages

log = logging.getLogger(__name__)

REMOVED_DIR = ".removed"  # backups of replaced and removed files (dot: not indexed)
_MAX_STEM_BYTES = 200  # file systems allow 255 bytes per name
# Uploads and removals of this process one at a time: "does the name exist" and the move
# that follows must not interleave with another administrator's.
_CORPUS_LOCK = threading.Lock()
_UNSAFE = re.compile(r"[^\w.\-– ()]+")  # \w keeps å, ä, ö and other letters
_SPACES = re.compile(r"\s+")
ALLOWED_TYPES = tuple(sorted(PARSERS))


class Refused(CodedError):
    """An upload or removal that was not done: a code of the message tables and details."""


def max_bytes(settings: Settings) -> int:
    return int(settings.max_file_mb * 1_000_000)


def safe_name(filename: str) -> str:
    """A plain file name for the corpus folder: no folders, no hidden files, a known type."""
    name = unicodedata.normalize("NFC", str(filename)).replace("\\", "/").split("/")[-1]
    name = _SPACES.sub(" ", _UNSAFE.sub("_", name)).strip(" ._-")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        raise Refused("no_suffix", allowed=", ".join(ALLOWED_TYPES))
    suffix = "." + suffix.lower()
    if suffix not in PARSERS:
        raise Refused("type_not_allowed", suffix=suffix, allowed=", ".join(ALLOWED_TYPES))
    stem = stem.strip(" ._-").encode("utf-8")[:_MAX_STEM_BYTES].decode("utf-8", "ignore")
    stem = stem.rstrip(" ._-")
    if not stem:
        raise Refused("name_only_unsafe")
    name = stem + suffix
    if name in IGNORED_NAMES:
        raise Refused("name_reserved", name=name)
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
    result: Problem  # what was done, or why not (a code of the message tables)
    ocr_quality: str = ""  # what OCR made of an upload, in Swedish

    @property
    def message(self) -> str:
        """The outcome in Swedish, for the admin tab."""
        text = self.result.text("sv")
        return f"{text}; {self.ocr_quality}" if self.ocr_quality else text


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
        raise Refused("upload_unreadable", error=str(error.strerror or error)) from error
    if size == 0:
        raise Refused("empty_file")
    if size > limit:
        raise Refused("file_too_large", size=size, limit=limit)
    data = source.read_bytes()
    problem = content_problem(Path(name).suffix, data)
    if problem:
        raise Refused(problem.code, **problem.details)
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
        raise Refused(error.code, **error.problem.details) from error
    return ocr_quality_sv(ocr_pages(document))


def save_upload(
    source: Path, original_name: str, corpus_dir: Path, limit: int, replace: bool
) -> Outcome:
    """Check one uploaded file and store it in the corpus folder under a safe name."""
    try:
        name = safe_name(original_name)
        data = _check_upload(source, name, limit)
    except Refused as refusal:
        return Outcome(str(original_name), False, refusal.problem)
    digest = file_hash(data)
    same = _hashes(corpus_dir).get(digest)
    if same == name:
        return Outcome(name, False, Problem("already_there"))
    if same is not None:
        return Outcome(name, False, Problem("same_content", {"other": same}))
    target = corpus_dir / name
    if target.exists() and not replace:
        return Outcome(name, False, Problem("name_taken"))
    corpus_dir.mkdir(parents=True, exist_ok=True)
    handle, staged_name = tempfile.mkstemp(prefix=".upload-", suffix=target.suffix, dir=corpus_dir)
    staged = Path(staged_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        quality = _parse_check(staged, name, digest, len(data))
        done = Problem("saved")
        if target.exists():
            kept = _backup(corpus_dir, name, _stamp(), keep_original=True)
            done = Problem("replaced", {"kept": str(kept.relative_to(corpus_dir))})
        os.replace(staged, target)
    except Refused as refusal:
        return Outcome(name, False, refusal.problem)
    finally:
        staged.unlink(missing_ok=True)
    log.info("admin upload stored: %s", name)
    return Outcome(name, True, done, quality)


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
                twin = Problem("same_name_in_upload", {"name": name})
                outcomes.append(Outcome(str(original), False, twin))
                continue
            names.add(name)
            try:
                outcomes.append(save_upload(source, original, corpus_dir, limit, replace))
            except OSError as error:
                log.exception("upload of %s failed", original)
                failed = Problem("not_saved", {"error": str(error)})
                outcomes.append(Outcome(str(original), False, failed))
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
            outcomes.append(Outcome(str(name), False, Problem("not_listed")))
            continue
        try:
            kept = _backup(corpus_dir, name, stamp)
        except OSError as error:
            outcomes.append(Outcome(name, False, Problem("not_removed", {"error": str(error)})))
            continue
        log.info("admin removed %s (kept in %s)", name, kept)
        where = str(kept.relative_to(corpus_dir))
        outcomes.append(Outcome(name, True, Problem("removed", {"kept": where})))
    return outcomes
