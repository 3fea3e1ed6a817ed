"""Where the question's words and the answer's candidates stand in a passage, and how near
they are to each other (the nearness feature, and the focus of a quote)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.qa.patterns import WORD
from assistant.qa.question import Term
from ingest.lexical import tokenize

NEAR = 150  # characters within which an answer counts as next to the question's words


@lru_cache(maxsize=200_000)
def _word_tokens(word: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """One word's tokens (cached: the same passages' words come back question after question)."""
    return frozenset(tokenize(word, vocabulary, heads=False))


def term_positions(
    terms: Sequence[Term],
    text: str,
    vocabulary: frozenset[str],
    seen: dict[str, bool] | None = None,
) -> list[tuple[int, int]]:
    """Where words holding any of the terms stand in the text. `seen` remembers, for these
    terms, which words hold one: the same words come back in every passage of a question."""
    seen = {} if seen is None else seen
    found = []
    for word in WORD.finditer(text):
        surface = word.group(0)
        holds = seen.get(surface)
        if holds is None:
            tokens = _word_tokens(surface, vocabulary)
            holds = seen[surface] = any(t.found_in(tokens) for t in terms)
        if holds:
            found.append(word.span())
    return found


def nearness(spans: list[tuple[int, int]], anchors: list[tuple[int, int]]) -> float:
    """1 when an answer span touches a question word, falling to 0 at NEAR characters."""
    if not spans or not anchors:
        return 0.0
    gap = min(
        max(a_start - s_end, s_start - a_end, 0)
        for s_start, s_end in spans
        for a_start, a_end in anchors
    )
    return max(0.0, 1.0 - gap / NEAR)


def focus(spans: list[tuple[int, int]], anchors: list[tuple[int, int]]) -> int | None:
    """The start of the answer span nearest to the question's words, if any."""
    if not spans or not anchors:
        return None

    def gap(span: tuple[int, int]) -> int:
        return min(max(a[0] - span[1], span[0] - a[1], 0) for a in anchors)

    return min(spans, key=gap)[0]
