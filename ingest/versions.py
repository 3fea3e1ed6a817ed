"""Versioned index folders and the lock that keeps builds one at a time.

    index/
      current -> versions/20261123T020000-1234   (a symlink, switched atomically)
      versions/<id>/ manifest.json, chroma/, lexical/
      build.lock

A build writes a new version and switches `current` only when the version is complete, so
a failed or killed build leaves the working index untouched, and a running app keeps
answering from the version it opened until it reloads. Old versions are pruned later.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

CURRENT = "current"
VERSIONS = "versions"
LOCK_FILE = "build.lock"
MANIFEST_FILE = "manifest.json"
KEEP_VERSIONS = 2


class BuildInProgress(RuntimeError):
    """Another build holds the lock."""


def current_version(index_dir: Path) -> Path | None:
    """The folder of the version in use: `current`'s target, or a flat legacy index."""
    pointer = index_dir / CURRENT
    if pointer.is_symlink() or pointer.exists():
        target = pointer.resolve()
        return target if (target / MANIFEST_FILE).exists() else None
    if (index_dir / MANIFEST_FILE).exists():
        return index_dir
    return None


def new_version(index_dir: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    path = index_dir / VERSIONS / f"{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    path.mkdir(parents=True)
    return path


def publish(index_dir: Path, version: Path) -> None:
    """Point `current` at a complete version, atomically."""
    pointer = index_dir / CURRENT
    temporary = index_dir / f".{CURRENT}.{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(version.relative_to(index_dir))
    os.replace(temporary, pointer)


def prune(index_dir: Path, keep: int = KEEP_VERSIONS) -> None:
    """Remove incomplete versions and all but the newest `keep` complete ones."""
    folder = index_dir / VERSIONS
    if not folder.is_dir():
        return
    in_use = current_version(index_dir)
    complete = sorted(
        (p for p in folder.iterdir() if (p / MANIFEST_FILE).exists()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    keep_set = set(complete[:keep]) | ({in_use} if in_use else set())
    for path in folder.iterdir():
        if path not in keep_set:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's build lock; raises BuildInProgress when another build has it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / LOCK_FILE
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildInProgress(
                f"Another build of {index_dir} is running ({holder}); wait for it to finish."
            ) from error
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
