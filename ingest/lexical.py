"""Swedish-aware tokens for the lexical index: stems, stop words and compound parts.

Compounds (hushållsavfall, mångfaldsindex) also yield their parts when both parts are
words of the corpus, so a question about "avfall" finds "hushållsavfall".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_SWEDISH

from ingest.schema import Chunk

_SUPERSCRIPTS = str.maketrans({c: " " for c in "¹²³⁴⁵⁶⁷⁸⁹⁰*"})
# An item number ("1.6", "3.1.2") is one word as well as its parts; other words may be
# hyphenated.
WORD = re.compile(r"\d+(?:\.\d+)+|[^\W_]+(?:-[^\W_]+)*")
_MIN_PART = 4
_MIN_HEAD = 3  # mål|område, sop|samarbete
_MIN_COMPOUND = 8
# Longer "words" are no compounds of the corpus (its longest words are about 30 letters):
# splitting them would stem every tail, quadratic in the word's length.
MAX_COMPOUND = 40
# Only stems of words up to this length are cached, so the cache's memory stays bounded
# (at most _STEM_CACHE entries of at most MAX_CACHED_WORD characters).
MAX_CACHED_WORD = 64
_STEM_CACHE = 65536

STOPWORDS: frozenset[str] = frozenset(STOPWORDS_SWEDISH) | frozenset(
    {"ska", "skall", "samt", "även", "enligt", "inom", "genom", "mellan", "både", "kr"}
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


def stem(word: str) -> str:
    """Snowball's Swedish stem, repeated with definite '-et'/'-an' removed until it settles.

    Snowball alone leaves samarbetet/samarbete and Halmstad/Halmstads apart; the
    fixpoint brings such forms together, on both the index and the query side. Stems of
    short words are cached; a longer word is stemmed anew (it is rare, and would hold
    its memory in the cache).
    """
    if len(word) <= MAX_CACHED_WORD:
        return _cached_stem(word)
    return _stem(word)


@lru_cache(maxsize=_STEM_CACHE)
def _cached_stem(word: str) -> str:
    return _stem(word)


def _stem(word: str) -> str:
    current = word
    for _ in range(4):
        nxt = _stemmer().stemWord(current)
        if nxt.endswith(("et", "an")) and len(nxt) > 5:  # samarbetet, fokusfrågan
            nxt = nxt[:-2]
        if nxt == current:
            break
        current = nxt
    return current


def words(text: str) -> list[str]:
    """Lowercase words; hyphenated words give their parts and the joined form, an item
    number its parts and itself ("1.6": "1", "6", "1.6"), so that asking for 4.4 is not
    answered by 1.4 or 4.1."""
    text = unicodedata.normalize("NFC", text.translate(_SUPERSCRIPTS)).lower()
    out: list[str] = []
    for match in WORD.finditer(text):
        word = match.group(0)
        if "." in word:
            out.extend(word.split("."))
            out.append(word)
        elif "-" in word:
            parts = [p for p in word.split("-") if p]
            out.extend(parts)
            if all(p.isalpha() for p in parts):
                out.append("".join(parts))
        else:
            out.append(word)
    return out


def build_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the corpus words that can be compound parts."""
    return frozenset(
        stem(w) for text in texts for w in words(text) if len(w) >= _MIN_HEAD and w.isalpha()
    )


def compound_parts(word: str, vocabulary: frozenset[str]) -> list[str]:
    """Stems of the two parts of a compound, longest known head first, or [].

    Words longer than MAX_COMPOUND are not split (see there).
    """
    if not _MIN_COMPOUND <= len(word) <= MAX_COMPOUND or not word.isalpha():
        return []
    for cut in range(len(word) - _MIN_PART, _MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        tail_stem = stem(tail)
        if tail_stem not in vocabulary and tail not in vocabulary:
            continue
        for candidate in (head, head[:-1] if head.endswith("s") else None):
            if candidate and len(candidate) >= _MIN_HEAD and stem(candidate) in vocabulary:
                return [stem(candidate), tail_stem]
    return []


def tokenize(text: str, vocabulary: frozenset[str], heads: bool = True) -> list[str]:
    """Index and query tokens: stems of non-stop words plus compound parts.

    With heads=False a compound adds only its last part, the one it is about
    (hushålls|avfall is avfall; kostnads|effektivisering is not a kostnad).
    """
    tokens: list[str] = []
    for word in words(text):
        if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        tokens.append(stem(word))
        parts = compound_parts(word, vocabulary)
        tokens.extend(parts if heads else parts[-1:])
    return tokens


def lexical_text(chunk: Chunk) -> str:
    """The lexical side sees where a chunk stands (title, headings) as well as its text."""
    return " ".join([chunk.title, *chunk.heading_path, chunk.text])
