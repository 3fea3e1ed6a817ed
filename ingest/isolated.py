"""Parse one document in a child process, so that a huge or hostile file cannot take the
serving process down with it: the child has a memory limit and a time limit, and a child
that hits either is a refusal with a reason, not a crash of the app.

    parse_isolated(source, catalog)  ->  Document, or raises UnreadableDocument

The child (python -m ingest.isolated) reads a pickled (SourceFile, catalog) on stdin and
writes a pickled ("ok", Document) or ("unreadable", reason) on stdout. Only this module
writes what it reads, between two processes of the same program.
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys

from ingest.discover import CatalogEntry, SourceFile, parse_file
from ingest.parse import UnreadableDocument, ocr
from ingest.schema import Document

PARSE_TIMEOUT_S = 300.0
PARSE_MEMORY_BYTES = 3 * 1024**3  # the child's address space
_OCR_SHARE = 0.8  # of the time limit, for OCR


def _out_of_memory(error: BaseException | None) -> bool:
    """A MemoryError, or a library that could not be mapped under the memory limit."""
    if isinstance(error, MemoryError):
        return True
    text = str(error)
    mapped = "failed to map segment" in text or "Cannot allocate memory" in text
    return isinstance(error, ImportError | OSError) and mapped


def parse_isolated(
    source: SourceFile,
    catalog: dict[str, CatalogEntry],
    timeout_s: float | None = None,
    memory_bytes: int | None = None,
) -> Document:
    """parse_file in a child process with a memory and a time limit."""
    timeout_s = PARSE_TIMEOUT_S if timeout_s is None else timeout_s
    memory_bytes = PARSE_MEMORY_BYTES if memory_bytes is None else memory_bytes
    command = [sys.executable, "-m", "ingest.isolated", str(memory_bytes)]
    env = dict(os.environ)
    # OCR stops reading pages in time for the child to answer (the rest are listed)
    budget = min(ocr.budget_seconds(), max(1.0, timeout_s * _OCR_SHARE))
    env[ocr.BUDGET_ENV] = f"{budget:.0f}"
    try:
        done = subprocess.run(
            command,
            input=pickle.dumps((source, catalog)),
            capture_output=True,
            timeout=timeout_s,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired as error:
        raise UnreadableDocument("too_slow", seconds=timeout_s) from error
    if done.returncode != 0 or not done.stdout:
        raise UnreadableDocument("too_big", gigabytes=memory_bytes / 1024**3)
    status, value = pickle.loads(done.stdout)
    if status != "ok":
        raise value
    return value


def _child(memory_bytes: int) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    source, catalog = pickle.loads(sys.stdin.buffer.read())
    try:
        result: tuple[str, object] = ("ok", parse_file(source, catalog))
    except UnreadableDocument as error:
        if _out_of_memory(error.__cause__):
            error = UnreadableDocument("too_big", gigabytes=memory_bytes / 1024**3)
        result = ("unreadable", UnreadableDocument(error.code, **error.problem.details))
    sys.stdout.buffer.write(pickle.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sys.exit(_child(int(sys.argv[1])))
