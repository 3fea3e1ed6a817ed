"""The usual alternatives, built with their defaults over the same corpus and model.

- llama-index defaults: SimpleDirectoryReader over corpus/*.txt, SentenceSplitter() with
  its default chunk size and overlap, VectorStoreIndex on a Chroma collection
  (ChromaVectorStore), top-5 retrieval, embeddings from the same MiniLM model.
- BM25: llama-index's BM25Retriever (bm25s) over the same SentenceSplitter chunks, with
  the Snowball Swedish stemmer (PyStemmer) and bm25s's Swedish stop words, top 5.

Neither has an answerer: their results carry the top passages only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
import Stemmer
from chromadb.config import Settings as ChromaSettings
from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.node_parser import SentenceSplitter
from llama_index.retrievers.bm25 import BM25Retriever
from llama_index.vector_stores.chroma import ChromaVectorStore
from pydantic import PrivateAttr

from benchmarks.metrics import TOP_K, Result, passages_result
from ingest.embed import Embedder

LLAMA_INDEX = "llama-index defaults (dense)"
BM25 = "BM25, Swedish stemmer"


class MiniLMEmbedding(BaseEmbedding):
    """llama-index embedding backed by the project's embedder (the packaged MiniLM)."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(model_name=embedder.model_id, **kwargs)
        self._embedder = embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed([query])[0].tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed(texts).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


@dataclass
class Baselines:
    retrievers: dict[str, BaseRetriever]
    nodes: int
    build_seconds: dict[str, float]
    chroma_bytes: int


def directory_bytes(path: Path) -> int:
    """Bytes of the files under path (links are not followed, so nothing counts twice)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_baselines(corpus_dir: Path, work_dir: Path, embedder: Embedder) -> Baselines:
    started = time.perf_counter()
    documents = SimpleDirectoryReader(str(corpus_dir), required_exts=[".txt"]).load_data()
    nodes = SentenceSplitter().get_nodes_from_documents(documents)
    split_seconds = time.perf_counter() - started

    dense_started = time.perf_counter()
    client = chromadb.PersistentClient(
        path=str(work_dir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("llamaindex"))
    index = VectorStoreIndex(
        nodes,
        storage_context=StorageContext.from_defaults(vector_store=store),
        embed_model=MiniLMEmbedding(embedder),
    )
    dense_seconds = split_seconds + time.perf_counter() - dense_started

    bm25_started = time.perf_counter()
    bm25 = BM25Retriever.from_defaults(
        nodes=nodes,
        similarity_top_k=TOP_K,
        stemmer=Stemmer.Stemmer("swedish"),
        language="swedish",
    )
    bm25_seconds = split_seconds + time.perf_counter() - bm25_started
    return Baselines(
        retrievers={LLAMA_INDEX: index.as_retriever(similarity_top_k=TOP_K), BM25: bm25},
        nodes=len(nodes),
        build_seconds={LLAMA_INDEX: dense_seconds, BM25: bm25_seconds},
        chroma_bytes=directory_bytes(work_dir / "chroma"),
    )


def ask(retriever: BaseRetriever, question: str) -> Result:
    started = time.perf_counter()
    hits = retriever.retrieve(question)
    elapsed = (time.perf_counter() - started) * 1000
    passages = [
        (str(h.node.metadata.get("file_name", "")), h.node.get_content(), float(h.score or 0.0))
        for h in hits
    ]
    return passages_result(question, passages, round(elapsed, 2))
