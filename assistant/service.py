"""The assistant: the index, the embedding model and the answerer, loaded once."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence

from assistant.analyze import Question, analyse
from assistant.answer import Composer
from assistant.config import Settings
from assistant.retrieve import Retriever
from assistant.types import Answer, Turn
from ingest.embed import Embedder, SentenceTransformerEmbedder
from ingest.schema import Chunk
from ingest.store import Manifest, open_index


class Assistant:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.index = open_index(settings.index_dir, settings.embedding_model)
        self.embedder = embedder or SentenceTransformerEmbedder(settings.embedding_model)
        self.retriever = Retriever(
            self.index,
            self.embedder,
            candidates=settings.candidates,
            rrf_k=settings.rrf_k,
            dense_weight=settings.dense_weight,
            lexical_weight=settings.lexical_weight,
            fusion=settings.fusion,
        )
        self._sections: dict[tuple[str, tuple[str, ...]], list[Chunk]] = {}
        self._documents: dict[str, list[Chunk]] = {}
        for chunk in self.index.chunks:
            self._documents.setdefault(chunk.doc_id, []).append(chunk)
            if chunk.row is not None:
                self._sections.setdefault((chunk.doc_id, chunk.heading_path), []).append(chunk)
        self.composer = Composer(self.index.vocabulary, self.section_rows, self.document_chunks)

    @property
    def manifest(self) -> Manifest:
        return self.index.manifest

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return self._documents.get(doc_id, [])

    def section_rows(self, chunk: Chunk) -> list[Chunk]:
        return self._sections.get((chunk.doc_id, chunk.heading_path), [])

    def analyse(self, question: str) -> Question:
        return analyse(
            question,
            self.index.vocabulary,
            self.retriever.document_frequency,
            len(self.index.chunks),
        )

    def absent_names(self, question: Question) -> list[str]:
        """Names or numbers of the question that no passage of the corpus contains."""
        df = self.retriever.document_frequency
        return [
            t.surface
            for t in question.terms
            if t.required and not any(all(df.get(s) for s in alt) for alt in t.alternatives)
        ]

    def ask(
        self,
        question: str,
        doc_ids: Collection[str] | None = None,
        history: Sequence[Turn] = (),
    ) -> Answer:
        started = time.perf_counter()
        analysed = self.analyse(question)
        hits = self.retriever.search(
            question, analysed.search_text, max(self.settings.top_k, 5), doc_ids
        )
        retrieved = time.perf_counter()
        answer = self.composer.compose(analysed, hits, absent=bool(self.absent_names(analysed)))
        done = time.perf_counter()
        timings = {
            "retrieve": round((retrieved - started) * 1000, 2),
            "answer": round((done - retrieved) * 1000, 2),
        }
        return Answer(
            answer.text,
            answer.found,
            answer.language,
            answer.citations,
            answer.hits,
            timings,
            answer.note,
        )
