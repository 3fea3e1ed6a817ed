"""Questions analysed over hand-made passages, as an index would analyse them (no model)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.qa.question import Question, analyse
from assistant.qa.shapes.named import Agreement
from assistant.types import Answer
from ingest.lexical import build_vocabulary, tokenize
from ingest.schema import Chunk


def question_over(text: str, chunks: Sequence[Chunk], vocabulary: frozenset[str]) -> Question:
    """The question analysed with the passages' word frequencies and vocabulary."""
    df: dict[str, int] = {}
    for chunk in chunks:
        for token in set(tokenize(chunk.text, vocabulary)):
            df[token] = df.get(token, 0) + 1
    return analyse(text, vocabulary, df, len(chunks))


class HandMade:
    """A hand-made document: its passages, one per text, as an index would hold them."""

    def __init__(self, doc_id: str, title: str, texts: Sequence[str]) -> None:
        self.doc_id, self.title, self.texts = doc_id, title, list(texts)
        self.chunks = [
            Chunk(f"c{i}", doc_id, title, (), text, i * 200, i * 200 + len(text))
            for i, text in enumerate(self.texts)
        ]
        self.vocabulary = build_vocabulary(self.texts)

    def tokens(self, text: str) -> frozenset[str]:
        return frozenset(tokenize(text, self.vocabulary))

    def question(self, text: str) -> Question:
        return question_over(text, self.chunks, self.vocabulary)

    def context(self) -> frozenset[str]:
        """The words of the title and the opening passage, where the agreement is named."""
        return self.tokens(f"{self.title} {self.texts[0]}")

    def agreement(self) -> Agreement:
        return Agreement(self.doc_id, self.title, self.chunks, self.tokens, self.context())

    def answer(self, shape: Callable[..., Answer | None], question: Question) -> Answer | None:
        """A sentence shape's answer (counts, often, dates) over this document."""
        return shape(question, self.agreement(), [])


def answer_over(shape: Callable[..., Answer | None], texts: Sequence[str], question: str):
    """A sentence shape's answer over a hand-made agreement: an opening naming it, then the
    texts, one passage each."""
    opening = "Samverkansavtal om kustsamverkan mellan Ystads kommun och Skurups kommun."
    doc = HandMade("avtal.txt", "Samverkansavtal om kustsamverkan", [opening, *texts])
    return doc.answer(shape, doc.question(question))
