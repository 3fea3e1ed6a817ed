"""The agreement a question names, as the answers read from one of its sentences see it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ingest.schema import Chunk


@dataclass(frozen=True)
class Agreement:
    doc_id: str
    title: str
    chunks: list[Chunk]  # its passages, in order
    tokens: Callable[[str], frozenset[str]]  # the index's words of a text
    context: frozenset[str]  # the words of its title and opening passage, which name it
