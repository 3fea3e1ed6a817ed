"""Quotes: the whole passage when it is short, else the sentences around the answer."""

from __future__ import annotations

from collections.abc import Sequence

from ingest.schema import Chunk
from ingest.sentences import split_sentences

MAX_QUOTE = 550  # characters of quoted passages together (compose.py keeps answers within 600)


def quote_for(
    chunk: Chunk,
    sentence: str,
    limit: int = MAX_QUOTE,
    focus: int | None = None,
    spans: Sequence[tuple[int, int]] = (),
) -> str:
    """The whole passage when it is short; else the sentences around the best one, or
    around `focus` (where the answer stands) when those sentences leave it out and the
    best sentence holds none of the answer `spans` (dates, amounts of the kind asked for)."""
    text = chunk.text.strip()
    if len(text) <= limit:
        return text
    shift = len(chunk.text) - len(chunk.text.lstrip())
    if focus is not None:
        focus -= shift
    quoted = _sentence_window(text, sentence, limit)
    start = text.find(quoted)
    # the best sentence itself holds an answer of the asked kind: the focus does not move it
    at = text.find(sentence)
    holds_span = at >= 0 and any(
        at <= a - shift and b - shift <= at + len(sentence) and sentence in quoted for a, b in spans
    )
    if focus is not None and not holds_span and not start <= focus < start + len(quoted):
        around = _sentence_at(text, focus)
        if around is not None:  # the sentences around the answer, from a sentence start
            quoted = _sentence_window(text, around, limit)
            start = text.find(quoted)
            if start <= focus < start + len(quoted):
                return quoted
        return _cut(text, max(0, focus - limit // 3), limit)
    return quoted


def _sentence_at(text: str, offset: int) -> str | None:
    """The sentence of the text that holds the character at offset."""
    position = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, position)
        if start <= offset < start + len(sentence):
            return sentence
        position = start + len(sentence)
    return None


def _sentence_window(text: str, sentence: str, limit: int) -> str:
    sentences = split_sentences(text)
    if sentence not in sentences:
        return _cut(text, text.find(sentence), limit)
    i = j = sentences.index(sentence)
    while True:  # widen to the next sentence (after first, then before) while it fits
        grown = False
        for a, b in ((i, j + 1), (i - 1, j)):
            if a >= 0 and b < len(sentences) and _span_len(text, sentences, a, b) <= limit:
                i, j, grown = a, b, True
                break
        if not grown:
            break
    start = text.find(sentences[i])
    end = text.find(sentences[j], start) + len(sentences[j])
    quoted = text[start:end]
    return quoted if len(quoted) <= limit else _cut(text, start, limit)


def _span_len(text: str, sentences: list[str], i: int, j: int) -> int:
    start = text.find(sentences[i])
    end = text.find(sentences[j], start) + len(sentences[j])
    return end - start


def _cut(text: str, start: int, limit: int) -> str:
    """`limit` characters from a word boundary at or before start, verbatim."""
    start = max(start, 0)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    piece = text[start : start + limit]
    if start + limit < len(text) and " " in piece:
        piece = piece.rsplit(" ", 1)[0]
    return piece.strip()
