"""What the assistant hands to its callers (CLI, UI, evaluation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ingest.schema import Chunk

Language = Literal["sv", "en"]


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks each retriever gave it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_score: float = 0.0  # cosine similarity to the question
    lexical_score: float = 0.0  # bm25 score scaled by the best of this question


@dataclass(frozen=True)
class Citation:
    """Source [n] of an answer: the chunk, and the verbatim words of it the answer uses."""

    n: int
    chunk: Chunk
    quote: str = ""

    def label(self, language: str = "sv") -> str:
        return self.chunk.label(language)


@dataclass(frozen=True)
class Answer:
    text: str
    found: bool
    language: Language
    citations: tuple[Citation, ...] = ()
    hits: tuple[Hit, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    note: str = ""  # e.g. why a generated answer was replaced by the extractive one


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation, for follow-up questions and LLM context."""

    question: str
    answer: str
