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
from ingest.parse.ocr import reporting
from ingest.remote import RemoteTarget, current_remote, open_remote, write_remote
from ingest.report import BuildReport, ocr_pages, page_notes
from ingest.schema import Chunk, Document, ParseProblem
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


def _embed(
    embedder: Embedder | None, chunks: list[Chunk], progress: Progress, dim: int
) -> np.ndarray:
    """The vectors of the chunks (none without an embedder: nothing new to embed)."""
    if embedder is None:
        return np.zeros((0, dim), dtype=np.float32)
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
        catalog, files = _survey(corpus_dir, max_bytes, manifest, wanted, full, report)
        plan = _plan(files, catalog, manifest, report.full, report)
        failed = _still_failed(plan, manifest, report)
        if manifest is not None and not (plan.parse or report.removed or report.full):
            report.rebuilt, report.reason = False, Problem("up_to_date")
            report.documents = len(manifest.documents)
            report.chunks = sum(d.chunks for d in manifest.documents.values())
            report.to_check = page_notes(manifest.documents)
            report.seconds = time.perf_counter() - started
            return report

        parsed = _parse_new(plan, catalog, parse, progress, report, failed)
        own = embedder is None and bool(parsed.chunks or manifest is None)
        if own:
            embedder = make_embedder(model, backend)
        dim = embedder.dim if embedder is not None else manifest.dim  # type: ignore[union-attr]
        model_id = embedder.model_id if embedder is not None else wanted
        new_vectors = _embed(embedder, parsed.chunks, progress, dim)
        embedder = None if own else embedder  # let go before writing, where ingest peaks
        report.embedded = len(parsed.chunks)
        kept_chunks: list[Chunk] = []
        kept_vectors = np.zeros((0, dim), dtype=np.float32)
        if plan.keep and manifest is not None:
            old: StoredIndex = _open(index_dir, wanted, remote)
            kept_chunks, kept_vectors = _keep(old, plan.keep, manifest, parsed)
            if remote is None:
                _derive_missing_cards(files, plan.keep, catalog, parsed.cards, parse)
        chunks, vectors = _in_order(kept_chunks + parsed.chunks, kept_vectors, new_vectors)
        new_manifest = _manifest(model_id, dim, parsed, report, failed)
        _write(index_dir, remote, chunks, vectors, new_manifest, parsed, progress)
        report.documents, report.chunks = len(parsed.infos), len(chunks)
        report.to_check = page_notes(parsed.infos)
        report.seconds = time.perf_counter() - started
        return report


def _survey(
    corpus_dir: Path,
    max_bytes: int,
    manifest: Manifest | None,
    wanted: str,
    full: bool,
    report: BuildReport,
) -> tuple[dict[str, CatalogEntry], list[SourceFile]]:
    """The catalog and the corpus files; whether (and why) everything is built anew."""
    reason = full_rebuild_reason(manifest, wanted)
    report.full = full or bool(reason)
    report.reason = reason or Problem("full_requested" if full else "incremental")
    if reason and manifest is not None:
        log.info("full rebuild: %s", reason)
    catalog, problems = read_catalog(corpus_dir)
    files, skipped = discover(corpus_dir, max_bytes)
    report.problems = problems + skipped
    return catalog, files


def _still_failed(plan: _Plan, manifest: Manifest | None, report: BuildReport) -> dict[str, str]:
    """Files that failed before and have not changed: reported again with their reason."""
    if manifest is not None:
        old_problems = {p["file"]: Problem.from_dict(p) for p in manifest.problems}
        for doc_id in plan.still_failed:
            problem = old_problems.get(doc_id, Problem("unreadable"))
            report.problems.append(ParseProblem(doc_id, problem))
    return dict(plan.still_failed)


def _manifest(
    model_id: str, dim: int, parsed: _Parsed, report: BuildReport, failed: dict[str, str]
) -> Manifest:
    return Manifest(
        embedding_model=model_id,
        dim=dim,
        chunker_version=CHUNKER_VERSION,
        built_at=parsed.stamp,
        documents=dict(sorted(parsed.infos.items())),
        problems=[p.to_dict() for p in report.problems],
        failed=failed,
    )


def _in_order(
    chunks: list[Chunk], kept_vectors: np.ndarray, new_vectors: np.ndarray
) -> tuple[list[Chunk], np.ndarray]:
    """Passages and their vectors in document order."""
    vectors = np.vstack([kept_vectors, new_vectors]) if chunks else new_vectors
    order = sorted(range(len(chunks)), key=lambda i: (chunks[i].doc_id, chunks[i].position))
    return [chunks[i] for i in order], vectors[order] if len(order) else vectors


@dataclass
class _Parsed:
    """What a build gathers for the new index version, document by document."""

    stamp: str
    infos: dict[str, DocumentInfo] = field(default_factory=dict)
    chunks: list[Chunk] = field(default_factory=list)  # of the documents parsed anew
    texts: dict[str, str] = field(default_factory=dict)  # content hash -> text for the reader
    cards: dict[str, Card] = field(default_factory=dict)  # content hash -> card and register


def _parse_new(
    plan: _Plan,
    catalog: dict[str, CatalogEntry],
    parse: Parse,
    progress: Progress,
    report: BuildReport,
    failed: dict[str, str],
) -> _Parsed:
    """Parse and chunk the new and changed documents; one that cannot be read is reported
    and left out, and the rest go on."""
    parsed = _Parsed(now_iso())
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
        parsed.chunks.extend(chunks)
        parsed.texts[document.content_hash] = document.text
        parsed.cards[document.content_hash] = card_of(document)
        parsed.infos[document.doc_id] = DocumentInfo(
            title=document.title,
            content_hash=document.content_hash,
            chunks=len(chunks),
            indexed_at=parsed.stamp,
            organisations=list(document.organisations),
            period=document.period,
            catalog=catalog_fingerprint(catalog.get(source.doc_id, CatalogEntry())),
            ocr_pages=ocr_pages(document),
        )
    return parsed


def _keep(
    old: StoredIndex, keep: set[str], manifest: Manifest, parsed: _Parsed
) -> tuple[list[Chunk], np.ndarray]:
    """The unchanged documents' passages and vectors from the old version; their infos,
    reader texts and cards go into `parsed`."""
    kept_chunks, kept_vectors = stored_chunks(old, keep)
    old_cards = read_cards(old.version)
    for doc_id in keep:
        info = parsed.infos[doc_id] = manifest.documents[doc_id]
        kept_text = stored_text(old.version, info.content_hash)
        if kept_text is not None:
            parsed.texts[info.content_hash] = kept_text
        if info.content_hash in old_cards:
            parsed.cards[info.content_hash] = old_cards[info.content_hash]
    return kept_chunks, kept_vectors


def _write(
    index_dir: Path,
    remote: RemoteTarget | None,
    chunks: list[Chunk],
    vectors: np.ndarray,
    manifest: Manifest,
    parsed: _Parsed,
    progress: Progress,
) -> None:
    """Write the new version (or the Chroma server's collection) and publish it."""
    progress("write", 0, 1)
    vocabulary = build_vocabulary(lexical_text(c) for c in chunks)
    tokens = [tokenize(lexical_text(c), vocabulary) for c in chunks]
    if remote is not None:
        write_remote(remote, chunks, vectors, manifest)
    else:
        version = new_version(index_dir)
        write_version(version, chunks, vectors, tokens, vocabulary, manifest, parsed.texts)
        write_cards(version, parsed.cards)
        publish(index_dir, version)
        prune(index_dir)
    progress("write", 1, 1)
