"""Sentences of a document with their place in its text, and evidence made of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.overview.model import Evidence
from ingest.schema import Block, Document
from ingest.sentences import split_sentences

_WORD = re.compile(r"\w+")
_GAP = r"(?:\W|<[^<>]*>)+"  # between two words: spacing, punctuation, markup of the export


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    block: Block


def locate(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """Where the quote is within text[start:end]; the whole span when it cannot be found."""
    region = text[start:end]
    at = region.find(quote)
    if at >= 0:
        return start + at, start + at + len(quote)
    words = _WORD.findall(quote)
    if words:
        match = re.search(_GAP.join(re.escape(w) for w in words), region)
        if match:
            return start + match.start(), start + match.end()
    return start, end


def section_of(block: Block) -> str:
    return " › ".join(block.heading_path)


def evidence(document: Document, block: Block, quote: str, within: str = "") -> Evidence:
    """Evidence for a quote of a block; `within` (a part of the block) narrows the offsets."""
    start, end = locate(document.text, block.start, block.end, within or quote)
    return Evidence(quote, start, end, section_of(block), block.page)


def sentences(
    document: Document,
    kinds: tuple[str, ...] = ("paragraph", "list_item"),
    years_end: bool = False,
) -> Iterator[Sentence]:
    """Every sentence of the document's paragraphs and list items, in order."""
    for block in document.blocks:
        if block.kind not in kinds:
            continue
        for text in split_sentences(block.text, years_end=years_end):
            start, end = locate(document.text, block.start, block.end, text)
            yield Sentence(text, start, end, block)


def sentence_evidence(sentence: Sentence) -> Evidence:
    block = sentence.block
    return Evidence(sentence.text, sentence.start, sentence.end, section_of(block), block.page)
