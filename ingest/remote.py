"""The index on a Chroma server, shared by several app instances.

    <prefix>-<version>   one collection per build: passages, embeddings, metadata
    <prefix>-meta        one record "current": the manifest, and which collection is live

A build fills a new collection and then switches the "current" record (one upsert), so
readers see either the old or the new version, never a half-built one. Chroma is the
single source of truth: the lexical index is derived from the stored passages on load.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ingest.schema import Chunk
from ingest.store import (
    COLLECTION,
    IndexUnavailable,
    Manifest,
    StoredIndex,
    add_chunks,
    chunk_from_record,
)

POINTER_ID = "current"
KEEP_COLLECTIONS = 2


@dataclass(frozen=True)
class RemoteTarget:
    host: str
    port: int
    token: str = ""
    prefix: str = COLLECTION

    @property
    def meta_name(self) -> str:
        return f"{self.prefix}-meta"

    def describe(self) -> str:
        return f"chroma://{self.host}:{self.port}/{self.prefix}"


def http_client(target: RemoteTarget):  # -> chromadb.ClientAPI
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    headers = {"Authorization": f"Bearer {target.token}"} if target.token else None
    return chromadb.HttpClient(
        host=target.host,
        port=target.port,
        headers=headers,
        settings=ChromaSettings(anonymized_telemetry=False),
    )


def _pointer(client, target: RemoteTarget) -> tuple[str, Manifest] | None:
    try:
        meta = client.get_collection(target.meta_name)
    except Exception:  # no meta collection: nothing built yet
        return None
    got = meta.get(ids=[POINTER_ID], include=["documents", "metadatas"])
    if not got["ids"]:
        return None
    return str(got["metadatas"][0]["collection"]), Manifest.from_json(got["documents"][0])


def current_remote(target: RemoteTarget) -> tuple[str, Manifest] | None:
    """(live collection name, manifest), or None when the server holds no index yet."""
    try:
        client = http_client(target)
        return _pointer(client, target)
    except IndexUnavailable:
        raise
    except Exception as error:
        raise IndexUnavailable(
            f"Cannot reach the Chroma server at {target.describe()} ({error}); check "
            "AVTAL_CHROMA_HOST / AVTAL_CHROMA_PORT and that `chroma run` is up."
        ) from error


def write_remote(
    target: RemoteTarget, chunks: list[Chunk], embeddings: np.ndarray, manifest: Manifest
) -> str:
    """Fill a new collection, switch the pointer to it, drop versions beyond the last two."""
    client = http_client(target)
    name = f"{target.prefix}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 10**6}"
    collection = client.create_collection(name, metadata={"hnsw:space": "cosine"})
    add_chunks(collection, chunks, embeddings)
    meta = client.get_or_create_collection(target.meta_name)
    meta.upsert(
        ids=[POINTER_ID],
        embeddings=[[0.0]],
        documents=[manifest.to_json()],
        metadatas=[{"collection": name}],
    )
    _prune(client, target, keep_newest=name)
    return name


def _prune(client, target: RemoteTarget, keep_newest: str) -> None:
    names = sorted(
        c if isinstance(c, str) else c.name
        for c in client.list_collections()
        if (c if isinstance(c, str) else c.name).startswith(f"{target.prefix}-")
    )
    versions = [n for n in names if n != target.meta_name]
    keep = set(versions[-KEEP_COLLECTIONS:]) | {keep_newest}
    for name in versions:
        if name not in keep:
            client.delete_collection(name)


def open_remote(target: RemoteTarget, embedding_model: str) -> StoredIndex:
    """The live version from the server; the lexical index is built from its passages."""
    import bm25s

    from ingest.lexical import build_vocabulary, lexical_text, tokenize

    found = current_remote(target)
    if found is None:
        raise IndexUnavailable(
            f"No index on {target.describe()}: build it with `python -m ingest` and the same "
            "AVTAL_CHROMA_* settings."
        )
    name, manifest = found
    if manifest.embedding_model != embedding_model:
        raise IndexUnavailable(
            f"The index on {target.describe()} was built with '{manifest.embedding_model}', "
            f"the settings say '{embedding_model}': rebuild it with `python -m ingest --full`."
        )
    collection = http_client(target).get_collection(name)
    stored = collection.get(include=["documents", "metadatas"])
    records = sorted(
        zip(stored["ids"], stored["documents"], stored["metadatas"], strict=True),
        key=lambda r: int(r[2]["seq"]),
    )
    chunks = [chunk_from_record(i, text, meta) for i, text, meta in records]
    vocabulary = build_vocabulary(lexical_text(c) for c in chunks)
    lexical = bm25s.BM25()
    lexical.index(
        [tokenize(lexical_text(c), vocabulary) for c in chunks] or [[""]], show_progress=False
    )
    return StoredIndex(manifest, chunks, collection, lexical, vocabulary, name)
