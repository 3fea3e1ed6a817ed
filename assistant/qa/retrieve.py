"""Hybrid retrieval: dense and lexical (bm25s) ranks fused by reciprocal rank.

The dense side searches the index's stored vectors exactly (one matrix product, kept in
memory per index version) and asks Chroma only for indexes without them (a Chroma
server, older versions). With the 'none' backend there is no dense side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import numpy as np

from assistant.types import Hit
from ingest.embed import NO_DENSE_ID, Embedder, embedding_text
from ingest.lexical import lexical_text, tokenize
from ingest.store import StoredIndex


class Retriever:
    def __init__(
        self,
        index: StoredIndex,
        embedder: Embedder,
        candidates: int = 30,
        rrf_k: int = 60,
        dense_weight: float = 1.0,
        lexical_weight: float = 1.0,
        fusion: str = "rrf",
    ) -> None:
        self.fusion = fusion
        self.index = index
        self.embedder = embedder
        self.chunks = index.chunks
        self.position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        stats = index.word_stats
        if stats is not None and set(stats["doc_tokens"]) == {c.doc_id for c in self.chunks}:
            # worked out at build time (ingest.store.WORD_STATS_FILE)
            self.document_frequency: Counter[str] = Counter(stats["document_frequency"])
            doc_tokens = stats["doc_tokens"]
        else:
            chunk_tokens = [
                frozenset(tokenize(lexical_text(c), index.vocabulary)) for c in self.chunks
            ]
            self.document_frequency = Counter(t for tokens in chunk_tokens for t in tokens)
            doc_tokens = {}
            for chunk, tokens in zip(self.chunks, chunk_tokens, strict=True):
                doc_tokens.setdefault(chunk.doc_id, set()).update(tokens)
        # every word of a document: the places and organisations it is about are its context
        self.doc_tokens = {d: frozenset(t) for d, t in doc_tokens.items()}
        positions: dict[str, list[int]] = {}
        for i, chunk in enumerate(self.chunks):
            positions.setdefault(chunk.doc_id, []).append(i)
        # each document's chunk positions, to limit a search without scanning every chunk
        self.doc_positions = {d: np.asarray(p, dtype=np.int64) for d, p in positions.items()}
        self.dense = index.manifest.embedding_model != NO_DENSE_ID
        self.vectors = None
        if self.dense and index.vectors is not None:
            self.vectors = np.ascontiguousarray(index.vectors, dtype=np.float32)

    def _allowed(self, doc_ids: Collection[str]) -> np.ndarray:
        """Chunk positions of the given documents, in order."""
        parts = [self.doc_positions[d] for d in doc_ids if d in self.doc_positions]
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    def _top(self, scores: np.ndarray, positions: np.ndarray | None) -> list[int]:
        """The best `candidates` positions by score (ties by position), best first."""
        if positions is not None:
            values = scores[positions]
        else:
            values, positions = scores, np.arange(len(scores))
        n = min(self.candidates, len(values))
        if n == 0:
            return []
        if n < len(values):
            part = np.argpartition(-values, n - 1)[:n]
            threshold = values[part].min()
            part = np.flatnonzero(values >= threshold)  # every tie at the edge, then cut
        else:
            part = np.arange(len(values))
        order = part[np.lexsort((positions[part], -values[part]))][:n]
        return [int(positions[i]) for i in order]

    def dense_scores(self, query: str, doc_ids: Collection[str] | None) -> dict[int, float]:
        """Cosine similarity of the best candidates, by chunk position."""
        if not self.dense or not self.chunks:
            return {}
        vector = self.embedder.embed([embedding_text("", "", query)])[0]
        if self.vectors is not None:
            # einsum, not BLAS: OpenBLAS threads spinning on 2 busy cores made this 20 ms
            similarity = np.einsum("ij,j->i", self.vectors, np.asarray(vector, np.float32))
            allowed = self._allowed(doc_ids) if doc_ids else None
            return {p: float(similarity[p]) for p in self._top(similarity, allowed)}
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids else None
        count = self.index.collection.count()
        if count == 0:
            return {}
        result = self.index.collection.query(
            query_embeddings=[vector.tolist()],
            n_results=min(self.candidates, count),
            where=where,
            include=["distances"],
        )
        return {
            self.position[i]: 1.0 - float(d)
            for i, d in zip(result["ids"][0], result["distances"][0], strict=True)
            if i in self.position
        }

    def lexical_scores(self, query: str, doc_ids: Collection[str] | None) -> dict[int, float]:
        tokens = tokenize(query, self.index.vocabulary)
        if not tokens or not self.chunks:
            return {}
        scores = np.asarray(self.index.lexical.get_scores(tokens), dtype=np.float64)
        allowed = self._allowed(doc_ids) if doc_ids else None
        return {p: float(scores[p]) for p in self._top(scores, allowed) if scores[p] > 0}

    def search(
        self,
        dense_query: str,
        lexical_query: str,
        k: int,
        doc_ids: Collection[str] | None = None,
    ) -> list[Hit]:
        dense_similarity = self.dense_scores(dense_query, doc_ids)
        dense = sorted(dense_similarity, key=lambda p: -dense_similarity[p])
        lexical_score = self.lexical_scores(lexical_query, doc_ids)
        lexical = sorted(lexical_score, key=lambda p: -lexical_score[p])
        dense_rank = {p: r for r, p in enumerate(dense, 1)}
        lexical_rank = {p: r for r, p in enumerate(lexical, 1)}
        scores: dict[int, float] = {}
        if self.fusion == "rrf":
            for p, r in dense_rank.items():
                scores[p] = scores.get(p, 0.0) + self.dense_weight / (self.rrf_k + r)
            for p, r in lexical_rank.items():
                scores[p] = scores.get(p, 0.0) + self.lexical_weight / (self.rrf_k + r)
        else:  # weighted scores: bm25 scaled to [0, 1] by the best, cosine as it is
            top = max(lexical_score.values(), default=0.0) or 1.0
            for p, value in lexical_score.items():
                scores[p] = self.lexical_weight * value / top
            for p, value in dense_similarity.items():
                scores[p] = scores.get(p, 0.0) + self.dense_weight * max(value, 0.0)
        best = sorted(scores, key=lambda p: (-scores[p], p))[:k]
        top_lexical = max(lexical_score.values(), default=0.0) or 1.0
        return [
            Hit(
                self.chunks[p],
                scores[p],
                dense_rank.get(p),
                lexical_rank.get(p),
                dense_similarity.get(p, 0.0),
                lexical_score.get(p, 0.0) / top_lexical,
            )
            for p in best
        ]
