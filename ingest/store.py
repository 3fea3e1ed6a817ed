"""One index version on disk: a Chroma collection (passages + embeddings), a bm25s
lexical index and manifest.json (model, chunker version, documents).

The passages and their embeddings are also kept beside Chroma (chunks.jsonl, vectors.npy),
so answering questions reads them without importing or starting Chroma (about 1.5 s of
every start); Chroma is opened only when something asks for the collection.

Which version is in use, and how builds replace it safely, is ingest.versions' business.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ingest.schema import Chunk, TableRow
from ingest.versions import current_version

MANIFEST_FILE = "manifest.json"
CHROMA_DIR = "chroma"
LEXICAL_DIR = "lexical"
VOCABULARY_FILE = "vocabulary.json"
VECTORS_FILE = "vectors.npy"  # the embeddings again, in chunk order, for exact search
CHUNKS_FILE = "chunks.jsonl"  # [id, text, metadata] per chunk, in chunk order
# lexical/: how many chunks hold each token, and each document's tokens (worked out once
# at build time instead of at every start)
WORD_STATS_FILE = "word_stats.json"
TEXTS_DIR = "texts"  # <content hash>.txt: each document's text for the reader
COLLECTION = "passages"
FORMAT_VERSION = 1


class IndexUnavailable(RuntimeError):
    """The index is missing, incomplete or built differently; the message says what to do."""


@dataclass
class DocumentInfo:
    title: str
    content_hash: str
    chunks: int
    indexed_at: str
    organisations: list[str] = field(default_factory=list)
    period: str = ""
    catalog: str = ""  # the catalog entry it was built with, to notice edits
    # pages read by OCR: {"page", "confidence" (None: nothing read), "problem", "seconds"}
    ocr_pages: list[dict] = field(default_factory=list)


@dataclass
class Manifest:
    embedding_model: str
    dim: int
    chunker_version: str
    built_at: str
    documents: dict[str, DocumentInfo]
    problems: list[dict[str, str]] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # unreadable file -> content hash
    format_version: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        data["documents"] = {k: DocumentInfo(**v) for k, v in data["documents"].items()}
        return cls(**data)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def chroma_client(path: Path):  # -> chromadb.ClientAPI
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False)
    )


def chunk_metadata(chunk: Chunk, seq: int) -> dict[str, str | int]:
    row = ""
    if chunk.row is not None:
        row = json.dumps(asdict(chunk.row), ensure_ascii=False)
    return {
        "seq": seq,
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "heading_path": json.dumps(list(chunk.heading_path), ensure_ascii=False),
        "start": chunk.start,
        "end": chunk.end,
        "page": -1 if chunk.page is None else chunk.page,
        "position": chunk.position,
        "row": row,
        "ocr": int(chunk.ocr),
        "ocr_confidence": -1.0 if chunk.ocr_confidence is None else chunk.ocr_confidence,
    }


def chunk_from_record(chunk_id: str, text: str, meta: dict) -> Chunk:
    row = None
    if meta.get("row"):
        data = json.loads(meta["row"])
        row = TableRow(
            table=data["table"],
            row=data["row"],
            cells=tuple((h, v) for h, v in data["cells"]),
            item=data.get("item"),
        )
    page = int(meta.get("page", -1))
    confidence = float(meta.get("ocr_confidence", -1.0))
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        title=str(meta["title"]),
        heading_path=tuple(json.loads(str(meta["heading_path"]))),
        text=text,
        start=int(meta["start"]),
        end=int(meta["end"]),
        page=None if page < 0 else page,
        row=row,
        position=int(meta["position"]),
        ocr=bool(meta.get("ocr", 0)),
        ocr_confidence=None if confidence < 0 else confidence,
    )


def add_chunks(collection, chunks: list[Chunk], embeddings: np.ndarray, batch: int = 500) -> None:
    """Store chunks with their embeddings in a Chroma collection, in batches, in order."""
    for i in range(0, len(chunks), batch):
        part = chunks[i : i + batch]
        collection.add(
            ids=[c.chunk_id for c in part],
            embeddings=embeddings[i : i + batch].tolist(),
            documents=[c.text for c in part],
            metadatas=[chunk_metadata(c, i + j) for j, c in enumerate(part)],
        )


def write_version(
    version: Path,
    chunks: list[Chunk],
    embeddings: np.ndarray,
    lexical_tokens: list[list[str]],
    vocabulary: frozenset[str],
    manifest: Manifest,
    texts: dict[str, str] | None = None,
) -> None:
    """Write a complete index into the (new, empty) folder `version`; the manifest last.

    `texts` maps a document's content hash to the text its chunk offsets point into, so
    the reader never has to parse the document again.
    """
    import bm25s

    write_texts(version, texts or {})

    client = chroma_client(version / CHROMA_DIR)
    collection = client.create_collection(COLLECTION, metadata={"hnsw:space": "cosine"})
    add_chunks(collection, chunks, embeddings)
    del collection, client
    np.save(version / VECTORS_FILE, np.asarray(embeddings, dtype=np.float32))
    with (version / CHUNKS_FILE).open("w", encoding="utf-8", newline="\n") as out:
        for seq, c in enumerate(chunks):
            record = [c.chunk_id, c.text, chunk_metadata(c, seq)]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    lexical = bm25s.BM25()
    lexical.index(lexical_tokens or [[""]], show_progress=False)
    lexical.save(str(version / LEXICAL_DIR), show_progress=False)
    (version / LEXICAL_DIR / VOCABULARY_FILE).write_text(
        json.dumps(sorted(vocabulary), ensure_ascii=False), encoding="utf-8"
    )
    frequency: dict[str, int] = {}
    documents: dict[str, set[str]] = {}
    for chunk, tokens in zip(chunks, lexical_tokens, strict=True):
        distinct = set(tokens)
        for token in distinct:
            frequency[token] = frequency.get(token, 0) + 1
        documents.setdefault(chunk.doc_id, set()).update(distinct)
    stats = {
        "document_frequency": frequency,
        "doc_tokens": {d: sorted(t) for d, t in documents.items()},
    }
    (version / LEXICAL_DIR / WORD_STATS_FILE).write_text(
        json.dumps(stats, ensure_ascii=False), encoding="utf-8"
    )
    (version / MANIFEST_FILE).write_text(manifest.to_json(), encoding="utf-8")


def _text_path(version: Path, content_hash: str) -> Path | None:
    if not content_hash.isalnum():  # a hex digest; never a path
        return None
    return version / TEXTS_DIR / f"{content_hash}.txt"


def write_texts(version: Path, texts: dict[str, str]) -> None:
    (version / TEXTS_DIR).mkdir(parents=True, exist_ok=True)
    for content_hash, text in texts.items():
        path = _text_path(version, content_hash)
        if path is not None:
            path.write_text(text, encoding="utf-8", newline="")


def stored_text(version: Path | str, content_hash: str) -> str | None:
    """The stored text of a document in an index version, or None when it has none."""
    if not isinstance(version, Path):  # a collection on a Chroma server: no texts stored
        return None
    path = _text_path(version, content_hash)
    if path is None:
        return None
    try:
        with path.open(encoding="utf-8", newline="") as handle:  # offsets count \r too
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def version_path(index_dir: Path) -> Path:
    version = current_version(index_dir)
    if version is None:
        raise IndexUnavailable(
            f"No index at {index_dir}: build it with `python -m ingest --index {index_dir}`."
        )
    return version


def read_manifest(index_dir: Path) -> Manifest:
    path = version_path(index_dir) / MANIFEST_FILE
    try:
        return Manifest.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, TypeError, KeyError) as error:
        raise IndexUnavailable(
            f"The index at {index_dir} is unreadable ({error}): rebuild it with "
            f"`python -m ingest --full --index {index_dir}`."
        ) from error


class LazyCollection:
    """A version's Chroma collection, opened on first use (chromadb is slow to import)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._collection = None

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._collection is None:
            self._collection = chroma_client(self._path).get_collection(COLLECTION)
        return getattr(self._collection, name)


@dataclass
class StoredIndex:
    """An opened index: every chunk in lexical order, the Chroma collection and bm25s."""

    manifest: Manifest
    chunks: list[Chunk]
    collection: object
    lexical: object
    vocabulary: frozenset[str]
    version: Path | str  # the version folder, or the collection name on a Chroma server
    # every chunk's embedding in chunk order (memory-mapped), when the version stores them
    vectors: np.ndarray | None = None
    # {"document_frequency": {token: chunks}, "doc_tokens": {doc_id: [token]}}, if stored
    word_stats: dict | None = None

    def document_text(self, content_hash: str) -> str | None:
        """The text a document's chunk offsets point into, as stored at ingest time."""
        return stored_text(self.version, content_hash)


def open_index(index_dir: Path, embedding_model: str) -> StoredIndex:
    import bm25s

    version = version_path(index_dir)
    manifest = read_manifest(version)
    if manifest.embedding_model != embedding_model:
        raise IndexUnavailable(
            f"The index at {index_dir} was built with the embedding model "
            f"'{manifest.embedding_model}', but the settings say '{embedding_model}': "
            f"rebuild it with `python -m ingest --full --index {index_dir}`."
        )
    collection = LazyCollection(version / CHROMA_DIR)
    chunks_path = version / CHUNKS_FILE
    if chunks_path.is_file():
        with chunks_path.open(encoding="utf-8") as lines:
            chunks = [chunk_from_record(*json.loads(line)) for line in lines if line.strip()]
    else:  # a version written before chunks.jsonl: read the passages from Chroma
        stored = collection.get(include=["documents", "metadatas"])
        records = sorted(
            zip(stored["ids"], stored["documents"], stored["metadatas"], strict=True),
            key=lambda r: int(r[2]["seq"]),
        )
        chunks = [chunk_from_record(i, text, meta) for i, text, meta in records]
    lexical = bm25s.BM25.load(str(version / LEXICAL_DIR), show_progress=False)
    vocabulary = frozenset(
        json.loads((version / LEXICAL_DIR / VOCABULARY_FILE).read_text(encoding="utf-8"))
    )
    vectors = None
    vectors_path = version / VECTORS_FILE
    if vectors_path.is_file():
        vectors = np.load(vectors_path, mmap_mode="r")
        if vectors.shape != (len(chunks), manifest.dim):
            vectors = None  # not this version's: search through Chroma instead
    stats_path = version / LEXICAL_DIR / WORD_STATS_FILE
    word_stats = None
    if stats_path.is_file():
        word_stats = json.loads(stats_path.read_text(encoding="utf-8"))
    return StoredIndex(
        manifest, chunks, collection, lexical, vocabulary, version, vectors, word_stats
    )


def stored_chunks(index: StoredIndex, doc_ids: set[str]) -> tuple[list[Chunk], np.ndarray]:
    """The chunks of some documents with their stored embeddings, in document order."""
    if not doc_ids:
        return [], np.zeros((0, index.manifest.dim), dtype=np.float32)
    if index.vectors is not None:  # in chunk order already
        positions = [i for i, c in enumerate(index.chunks) if c.doc_id in doc_ids]
        vectors = np.asarray(index.vectors[positions], dtype=np.float32)
        return [index.chunks[i] for i in positions], vectors.reshape(len(positions), -1)
    got = index.collection.get(  # type: ignore[attr-defined]
        where={"doc_id": {"$in": sorted(doc_ids)}},
        include=["documents", "metadatas", "embeddings"],
    )
    records = sorted(
        zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True),
        key=lambda r: int(r[2]["seq"]),
    )
    chunks = [chunk_from_record(i, text, meta) for i, text, meta, _ in records]
    vectors = np.asarray([vector for *_, vector in records], dtype=np.float32)
    return chunks, vectors.reshape(len(chunks), index.manifest.dim)
