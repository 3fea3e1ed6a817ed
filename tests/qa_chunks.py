"""Questions analysed over hand-made passages, as an index would analyse them (no model)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.qa.question import Question, analyse
from ingest.lexical import tokenize
from ingest.schema import Chunk


def question_over(text: str, chunks: Sequence[Chunk], vocabulary: frozenset[str]) -> Question:
    """The question analysed with the passages' word frequencies and vocabulary."""
    df: dict[str, int] = {}
    for chunk in chunks:
        for token in set(tokenize(chunk.text, vocabulary)):
            df[token] = df.get(token, 0) + 1
    return analyse(text, vocabulary, df, len(chunks))
