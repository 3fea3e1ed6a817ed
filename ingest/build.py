"""discover -> parse -> chunk -> embed -> store, incrementally, with a summary.

Only added or changed documents (by content hash, or by their catalog entry) are parsed and
embedded; the others keep their stored chunks and embeddings. A change of embedding model
or chunker version rebuilds everything, and says so.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ingest.chunk import CHUNKER_VERSION, chunk_document
from ingest.discover import CatalogEntry, SourceFile, discover, parse_file, read_catalog
from ingest.embed import DEFAULT_BACKEND, Embedder, embedding_id, embedding_text, make_embedder
from ingest.lexical import build_vocabulary, lexical_text, tokenize
from ingest.messages import Problem
from ingest.overview.derive import card_of
from ingest.overview.model import Card
from ingest.overview.storage import read_cards, write_cards
from ingest.parse import UnreadableDocument
from ingest.parse.ocr import page_problem, reporting
from ingest.remote import RemoteTarget, current_remote, open_remote, write_remote
from ingest.schema import Chunk, Document, PageReading, ParseProblem
from ingest.store import (
    DocumentInfo,
    IndexUnavailable,
    Manifest,
    StoredIndex,
    now_iso,
    open_index,
    read_manifest,
    stored_chunks,
    stored_text,
    write_version,
)
from ingest.versions import build_lock, new_version, prune, publish

log = logging.getLogger(__name__)

# progress(stage, done, total): stages "parse", "ocr" (pages of one document), "embed", "write"
Progress = Callable[[str, int, int], None]
# parse(source, catalog) -> Document; raises UnreadableDocument (ingest.isolated runs it
# in a child process)
Parse = Callable[[SourceFile, dict[str, CatalogEntry]], Document]
EMBED_BATCH = 64


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class PageNote:
    """A page of an indexed document that a person should check (read by OCR)."""

    path: str
    page: int
    problem: Problem

    @property
    def reason(self) -> str:
        return str(self.problem)

    def __str__(self) -> str:
        return f"{self.path} page {self.page}: {self.reason}"


def page_notes(documents: dict[str, DocumentInfo]) -> list[PageNote]:
    """The pages of the indexed documents that OCR read badly or could not read."""
    return [n for d, info in sorted(documents.items()) for n in notes_for(d, info.ocr_pages)]


def notes_for(doc_id: str, pages: list[dict]) -> list[PageNote]:
    """The pages to check of one document, from its DocumentInfo.ocr_pages."""
    notes = []
    for entry in pages:
        problem = page_problem(PageReading(**entry))
        if problem:
            notes.append(PageNote(doc_id, int(entry["page"]), problem))
    return notes


def ocr_pages(document: Document) -> list[dict]:
    return [asdict(r) for r in document.readings]


@dataclass
class BuildReport:
    documents: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0
    full: bool = False
    reason: Problem = field(default_factory=lambda: Problem("incremental"))
    problems: list[ParseProblem] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = True
    to_check: list[PageNote] = field(default_factory=list)  # pages to check (OCR)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["reason"] = str(self.reason)
        data["problems"] = [{"file": p.path, "reason": p.reason} for p in self.problems]
        data["to_check"] = [
            {"file": n.path, "page": n.page, "reason": n.reason} for n in self.to_check
        ]
        data["seconds"] = round(self.seconds, 2)
        return data


def catalog_fingerprint(entry: CatalogEntry) -> str:
    return json.dumps(asdict(entry), ensure_ascii=False, sort_keys=True)


def full_rebuild_reason(manifest: Manifest | None, model: str) -> Problem | None:
    """`model` is the embedding id (model and backend, ingest.embed.embedding_id)."""
    if manifest is None:
        return Problem("no_index_yet")
    if manifest.embedding_model != model:
        return Problem("model_changed", {"old": manifest.embedding_model, "new": model})
    if manifest.chunker_version != CHUNKER_VERSION:
        versions = {"old": manifest.chunker_version, "new": CHUNKER_VERSION}
        return Problem("chunker_changed", versions)
    return None


def _current_manifest(index_dir: Path, remote: RemoteTarget | None = None) -> Manifest | None:
    if remote is not None:
        found = current_remote(remote)
        return None if found is None else found[1]
    try:
        return read_manifest(index_dir)
    except IndexUnavailable:
        return None


def _open(index_dir: Path, model: str, remote: RemoteTarget | None) -> StoredIndex:
    return open_remote(remote, model) if remote is not None else open_index(index_dir, model)


def staleness(
    corpus_dir: Path,
    index_dir: Path,
    model: str,
    max_bytes: int,
    remote: RemoteTarget | None = None,
    backend: str = DEFAULT_BACKEND,
) -> str:
    """Why the index needs a rebuild, or '' when it matches the corpus and settings."""
    manifest = _current_manifest(index_dir, remote)
    reason = full_rebuild_reason(manifest, embedding_id(model, backend))
    if reason or manifest is None:
        return str(reason)
    catalog, _ = read_catalog(corpus_dir)
    files, _ = discover(corpus_dir, max_bytes)
    current = {
        f.doc_id: (f.content_hash, catalog_fingerprint(catalog.get(f.doc_id, CatalogEntry())))
        for f in files
        if manifest.failed.get(f.doc_id) != f.content_hash  # failed before, still the same
    }
    indexed = {k: (v.content_hash, v.catalog) for k, v in manifest.documents.items()}
    if set(current) != set(indexed):
        return "documents added or removed"
    if current != indexed:
        return "documents changed"
    return ""


@dataclass
class _Plan:
    parse: list[SourceFile]
    keep: set[str]
    still_failed: dict[str, str] = field(default_factory=dict)  # unchanged, unreadable


def _plan(
    files: list[SourceFile],
    catalog: dict[str, CatalogEntry],
    manifest: Manifest | None,
    full: bool,
    report: BuildReport,
) -> _Plan:
    indexed = {} if manifest is None else manifest.documents
    plan = _Plan([], set())
    for source in files:
        info = indexed.get(source.doc_id)
        fingerprint = catalog_fingerprint(catalog.get(source.doc_id, CatalogEntry()))
        same = (
            info is not None
            and info.content_hash == source.content_hash
            and info.catalog == fingerprint
        )
        if same and not full:
            plan.keep.add(source.doc_id)
            continue
        unchanged_failure = (
            manifest is not None and manifest.failed.get(source.doc_id) == source.content_hash
        )
        if unchanged_failure and not full:
            plan.still_failed[source.doc_id] = source.content_hash
            continue
        plan.parse.append(source)
        (report.added if info is None else report.changed).append(source.doc_id)
    present = {f.doc_id for f in files}
    report.removed = sorted(d for d in indexed if d not in present)
    report.unchanged = len(plan.keep)
    return plan


def _embed(embedder: Embedder, chunks: list[Chunk], progress: Progress) -> np.ndarray:
    texts = [embedding_text(c.title, c.section, c.text) for c in chunks]
    parts = []
    for i in range(0, len(texts), EMBED_BATCH):
        parts.append(embedder.embed(texts[i : i + EMBED_BATCH]))
        progress("embed", min(i + EMBED_BATCH, len(texts)), len(texts))
    if not parts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack(parts)


def _derive_missing_cards(
    files: list[SourceFile],
    keep: set[str],
    catalog: dict[str, CatalogEntry],
    cards: dict[str, Card],
    parse: Parse,
) -> None:
    """Cards for unchanged documents whose stored card is missing or from older rules.

    Such a document is parsed again (no embedding); one that cannot be read keeps none.
    """
    for source in files:
        if source.doc_id not in keep or source.content_hash in cards:
            continue
        try:
            cards[source.content_hash] = card_of(parse(source, catalog))
        except UnreadableDocument as error:
            log.warning("no card for %s: %s", source.doc_id, error)


def build(
    corpus_dir: Path,
    index_dir: Path,
    model: str,
    max_bytes: int,
    embedder: Embedder | None = None,
    full: bool = False,
    progress: Progress = _no_progress,
    remote: RemoteTarget | None = None,
    parse: Parse = parse_file,
    backend: str = DEFAULT_BACKEND,
) -> BuildReport:
    """Bring the index up to date with the corpus; returns what was done.

    The index lives in `index_dir`, or on a Chroma server when `remote` is given (then
    `index_dir` only holds the build lock). The embedder is `embedder` when given, else
    `model` through `backend` (ingest.embed.make_embedder).
    """
    started = time.perf_counter()
    wanted = embedder.model_id if embedder is not None else embedding_id(model, backend)
    with build_lock(index_dir):
        report = BuildReport()
        manifest = _current_manifest(index_dir, remote)
        reason = full_rebuild_reason(manifest, wanted)
        report.full = full or bool(reason)
        report.reason = reason or Problem("full_requested" if full else "incremental")
        if reason and manifest is not None:
            log.info("full rebuild: %s", reason)
        catalog, problems = read_catalog(corpus_dir)
        files, skipped = discover(corpus_dir, max_bytes)
        report.problems = problems + skipped
        plan = _plan(files, catalog, manifest, report.full, report)
        failed = dict(plan.still_failed)
        if manifest is not None:
            old_problems = {p["file"]: Problem.from_dict(p) for p in manifest.problems}
            for doc_id in plan.still_failed:
                problem = old_problems.get(doc_id, Problem("unreadable"))
                report.problems.append(ParseProblem(doc_id, problem))
        if manifest is not None and not (plan.parse or report.removed or report.full):
            report.rebuilt, report.reason = False, Problem("up_to_date")
            report.documents = len(manifest.documents)
            report.chunks = sum(d.chunks for d in manifest.documents.values())
            report.to_check = page_notes(manifest.documents)
            report.seconds = time.perf_counter() - started
            return report

        infos: dict[str, DocumentInfo] = {}
        new_chunks: list[Chunk] = []
        texts: dict[str, str] = {}  # content hash -> the text for the reader
        cards: dict[str, Card] = {}  # content hash -> the agreement card and its register
        stamp = now_iso()
        for number, source in enumerate(plan.parse, 1):
            progress("parse", number, len(plan.parse))
            try:
                with reporting(lambda done, total: progress("ocr", done, total)):
                    document = parse(source, catalog)
            except UnreadableDocument as error:
                report.problems.append(ParseProblem(source.doc_id, error.problem))
                failed[source.doc_id] = source.content_hash
                for names in (report.added, report.changed):
                    if source.doc_id in names:
                        names.remove(source.doc_id)
                continue
            chunks = chunk_document(document)
            new_chunks.extend(chunks)
            texts[document.content_hash] = document.text
            cards[document.content_hash] = card_of(document)
            infos[document.doc_id] = DocumentInfo(
                title=document.title,
                content_hash=document.content_hash,
                chunks=len(chunks),
                indexed_at=stamp,
                organisations=list(document.organisations),
                period=document.period,
                catalog=catalog_fingerprint(catalog.get(source.doc_id, CatalogEntry())),
                ocr_pages=ocr_pages(document),
            )
        if embedder is None and (new_chunks or manifest is None):
            embedder = make_embedder(model, backend)
        dim = embedder.dim if embedder is not None else manifest.dim  # type: ignore[union-attr]
        model_id = embedder.model_id if embedder is not None else wanted
        new_vectors = (
            _embed(embedder, new_chunks, progress)
            if embedder is not None
            else np.zeros((0, dim), dtype=np.float32)
        )
        report.embedded = len(new_chunks)

        kept_chunks: list[Chunk] = []
        kept_vectors = np.zeros((0, dim), dtype=np.float32)
        if plan.keep and manifest is not None:
            old: StoredIndex = _open(index_dir, wanted, remote)
            kept_chunks, kept_vectors = stored_chunks(old, plan.keep)
            old_cards = read_cards(old.version)
            for doc_id in plan.keep:
                infos[doc_id] = manifest.documents[doc_id]
                kept_text = stored_text(old.version, infos[doc_id].content_hash)
                if kept_text is not None:
                    texts[infos[doc_id].content_hash] = kept_text
                digest = infos[doc_id].content_hash
                if digest in old_cards:
                    cards[digest] = old_cards[digest]
            if remote is None:
                _derive_missing_cards(files, plan.keep, catalog, cards, parse)
        chunks = kept_chunks + new_chunks
        vectors = np.vstack([kept_vectors, new_vectors]) if chunks else new_vectors
        order = sorted(range(len(chunks)), key=lambda i: (chunks[i].doc_id, chunks[i].position))
        chunks = [chunks[i] for i in order]
        vectors = vectors[order] if len(order) else vectors

        progress("write", 0, 1)
        vocabulary = build_vocabulary(lexical_text(c) for c in chunks)
        tokens = [tokenize(lexical_text(c), vocabulary) for c in chunks]
        new_manifest = Manifest(
            embedding_model=model_id,
            dim=dim,
            chunker_version=CHUNKER_VERSION,
            built_at=stamp,
            documents=dict(sorted(infos.items())),
            problems=[p.to_dict() for p in report.problems],
            failed=failed,
        )
        if remote is not None:
            write_remote(remote, chunks, vectors, new_manifest)
        else:
            version = new_version(index_dir)
            write_version(version, chunks, vectors, tokens, vocabulary, new_manifest, texts)
            write_cards(version, cards)
            publish(index_dir, version)
            prune(index_dir)
        progress("write", 1, 1)
        report.documents, report.chunks = len(infos), len(chunks)
        report.to_check = page_notes(infos)
        report.seconds = time.perf_counter() - started
        return report
