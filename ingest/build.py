"""discover -> parse -> chunk -> embed -> store, with a summary of what happened."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunk import CHUNKER_VERSION, chunk_document
from ingest.discover import discover, load_corpus, read_catalog
from ingest.embed import Embedder, SentenceTransformerEmbedder, embedding_text
from ingest.lexical import build_vocabulary, tokenize
from ingest.schema import Chunk, ParseProblem
from ingest.store import (
    DocumentInfo,
    IndexUnavailable,
    Manifest,
    now_iso,
    read_manifest,
    write_index,
)

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    documents: int = 0
    chunks: int = 0
    problems: list[ParseProblem] = field(default_factory=list)
    seconds: float = 0.0
    skipped_build: bool = False
    reason: str = ""

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "chunks": self.chunks,
            "problems": [{"file": p.path, "reason": p.reason} for p in self.problems],
            "seconds": round(self.seconds, 2),
            "rebuilt": not self.skipped_build,
            "reason": self.reason,
        }


def lexical_text(chunk: Chunk) -> str:
    """The lexical side sees where a chunk stands (title, headings) as well as its text."""
    return " ".join([chunk.title, *chunk.heading_path, chunk.text])


def staleness(corpus_dir: Path, index_dir: Path, model: str, max_bytes: int) -> str:
    """Why the index needs a rebuild, or '' when it matches the corpus and settings."""
    try:
        manifest = read_manifest(index_dir)
    except IndexUnavailable:
        return "no index yet"
    if manifest.embedding_model != model:
        return f"embedding model changed ({manifest.embedding_model} -> {model})"
    if manifest.chunker_version != CHUNKER_VERSION:
        return f"chunker changed (version {manifest.chunker_version} -> {CHUNKER_VERSION})"
    files, _ = discover(corpus_dir, max_bytes)
    current = {f.doc_id: f.content_hash for f in files}
    indexed = {doc_id: info.content_hash for doc_id, info in manifest.documents.items()}
    if current != indexed:
        return "documents added, changed or removed"
    catalog_path = corpus_dir / "catalog.toml"
    if catalog_path.exists() and catalog_path.stat().st_mtime > _built_time(index_dir):
        return "catalog.toml changed"
    return ""


def _built_time(index_dir: Path) -> float:
    return (index_dir / "manifest.json").stat().st_mtime


def build(
    corpus_dir: Path,
    index_dir: Path,
    model: str,
    max_bytes: int,
    embedder: Embedder | None = None,
) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    parsed = load_corpus(corpus_dir, max_bytes)
    report.problems = list(parsed.problems)
    chunks: list[Chunk] = []
    infos: dict[str, DocumentInfo] = {}
    stamp = now_iso()
    for document in parsed.documents:
        doc_chunks = chunk_document(document)
        if not doc_chunks:
            report.problems.append(ParseProblem(document.doc_id, "no text found"))
            continue
        chunks.extend(doc_chunks)
        infos[document.doc_id] = DocumentInfo(
            title=document.title,
            content_hash=document.content_hash,
            chunks=len(doc_chunks),
            indexed_at=stamp,
            organisations=list(document.organisations),
            period=document.period,
        )
    log.info("parsed %d documents into %d chunks", len(infos), len(chunks))
    embedder = embedder or SentenceTransformerEmbedder(model)
    texts = [embedding_text(c.title, c.section, c.text) for c in chunks]
    vectors = embedder.embed(texts)
    vocabulary = build_vocabulary(lexical_text(c) for c in chunks)
    tokens = [tokenize(lexical_text(c), vocabulary) for c in chunks]
    manifest = Manifest(
        embedding_model=embedder.model_id,
        dim=embedder.dim,
        chunker_version=CHUNKER_VERSION,
        built_at=stamp,
        documents=infos,
        problems=[{"file": p.path, "reason": p.reason} for p in report.problems],
    )
    write_index(index_dir, chunks, vectors, tokens, vocabulary, manifest)
    report.documents, report.chunks = len(infos), len(chunks)
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["BuildReport", "build", "read_catalog", "staleness"]
