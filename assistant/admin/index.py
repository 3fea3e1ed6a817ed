"""The index as the administrator sees it: file statuses and rebuilds with progress.

The index is rebuilt by ingest.build (versioned, locked, crash-safe); the rebuild runs in
a worker thread so that the tab can show its progress.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from assistant.admin.corpus import max_bytes
from assistant.admin.wording import ocr_quality_sv, reason_sv, size_sv, stage_sv
from assistant.service import Assistant
from ingest.build import Progress, build
from ingest.discover import discover
from ingest.isolated import parse_isolated
from ingest.messages import CodedError, Problem
from ingest.report import BuildReport

FILE_HEADERS = ["Fil", "Storlek", "Status", "Titel i indexet"]


class IndexNotLoaded(CodedError):
    """The new index was built but the app could not load it (it answers from the old one)."""


def file_rows(assistant: Assistant) -> list[list[str]]:
    """One row per corpus file (and per indexed document whose file is gone)."""
    settings = assistant.settings
    manifest = assistant.manifest
    files, problems = discover(settings.corpus_dir, max_bytes(settings))
    failed = {p["file"]: Problem.from_dict(p) for p in manifest.problems}
    rows: dict[str, list[str]] = {}
    for source in files:
        info = manifest.documents.get(source.doc_id)
        if info is not None and info.content_hash == source.content_hash:
            quality = ocr_quality_sv(info.ocr_pages)
            status = f"Indexerad; {quality}" if quality else "Indexerad"
        elif manifest.failed.get(source.doc_id) == source.content_hash:
            problem = failed.get(source.doc_id, Problem("unreadable"))
            status = f"Kan inte indexeras: {reason_sv(problem)}"
        elif info is not None:
            status = "Ändrad – uppdatera indexet"
        else:
            status = "Ny – uppdatera indexet"
        title = info.title if info is not None else ""
        rows[source.doc_id] = [source.doc_id, size_sv(source.size), status, title]
    for problem in problems:
        path = settings.corpus_dir / problem.path
        size = size_sv(path.stat().st_size) if path.is_file() else ""
        rows[problem.path] = [problem.path, size, f"Hoppas över: {reason_sv(problem.problem)}", ""]
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
        raise IndexNotLoaded("not_loaded")
    return report


@dataclass(frozen=True)
class Step:
    """A progress step of a rebuild: Swedish text and how far it has come."""

    text: str
    done: int
    total: int
    stage: str = ""  # parse, ocr, embed, write


def rebuild_steps(assistant: Assistant, full: bool = False) -> Iterator[Step | BuildReport]:
    """rebuild() in a worker thread, yielding its progress and, last, its report.

    Errors of the build (e.g. BuildInProgress) are raised here, after the thread ended.
    """
    steps: queue.Queue[Step | None] = queue.Queue()
    outcome: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        steps.put(Step(stage_sv(stage, done, total), done, total, stage))

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
        # of steps that piled up, only the newest of each stage: every stage is shown
        while not steps.empty():
            newer = steps.get()
            if newer is None:
                steps.put(None)
                break
            if newer.stage != step.stage:
                yield step
            step = newer
        yield step
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    yield outcome["report"]
