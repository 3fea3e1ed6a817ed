"""Phrases (data/responsibility.toml, the purpose phrases of data/cues.toml) found in a
sentence, word by word, with the inflected forms data/forms.toml lists for each word (a
lemmatiser written down as data)."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from ingest.overview.lexicon import DATA

_TOKEN = re.compile(r"\w[\w-]*")


@cache
def settings() -> dict[str, Any]:
    return tomllib.loads((DATA / "responsibility.toml").read_text(encoding="utf-8"))


@cache
def forms() -> dict[str, list[str]]:
    return tomllib.loads((DATA / "forms.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Token:
    word: str  # casefolded
    start: int
    end: int


@dataclass(frozen=True)
class Found:
    """A phrase in a sentence: its character span."""

    phrase: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0).casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@cache
def _compiled(phrase: str) -> tuple[tuple[str, Any], ...]:
    """A phrase as steps: ("gap", n), ("forms", frozenset), ("glob", pattern)."""
    known = forms()
    steps: list[tuple[str, Any]] = []
    for word in phrase.replace(",", " ").split():
        if word.startswith("~"):
            steps.append(("gap", int(word[1:])))
        elif "*" in word:
            steps.append(("glob", word.casefold()))
        else:
            key = word.casefold()
            steps.append(("forms", frozenset(f.casefold() for f in known.get(key, [key]))))
    return tuple(steps)


def _match(steps: tuple[tuple[str, Any], ...], words: list[Token], at: int) -> int | None:
    """The index after the phrase when it starts at words[at], else None."""
    if not steps:
        return at
    kind, value = steps[0]
    if kind == "gap":
        for skip in range(value + 1):
            if skip and words[min(at + skip, len(words)) - 1].word in _negations():
                return None  # "har inget ansvar för": the gap never skips a negation
            end = _match(steps[1:], words, at + skip)
            if end is not None:
                return end
        return None
    if at >= len(words):
        return None
    word = words[at].word
    ok = word in value if kind == "forms" else fnmatch.fnmatchcase(word, value)
    if not ok:
        return None
    end = _match(steps[1:], words, at + 1)
    if end is None and steps[1:]:  # "ansvarar också för": an adverb inside the phrase
        after = at + 1
        while after < len(words) and words[after].word in _adverbs():
            after += 1
        if any(w.word in _negations() for w in words[at + 1 : after + 1]):
            return None
        if after > at + 1:
            end = _match(steps[1:], words, after)
    return end


@cache
def _negations() -> frozenset[str]:
    return frozenset(w.casefold() for w in settings()["subjects"]["negations"])


@cache
def _adverbs() -> frozenset[str]:
    """The one-word auxiliaries and adverbs that may stand between a subject and its phrase
    (responsibility.toml, subjects.between) may stand inside the phrase too."""
    between = settings()["subjects"]["between"]
    return frozenset(w.casefold() for w in between if " " not in w)


def find(text: str, kind: str) -> list[Found]:
    """Every register phrase of the kind ("subject", "object") in the text."""
    return find_any(text, tuple(settings()["phrases"][kind]))


def find_any(text: str, listed: tuple[str, ...] | list[str]) -> list[Found]:
    """Every phrase of the list in the text, leftmost first; where two start at the same
    word, the one listed first."""
    words = tokens(text)
    out: list[Found] = []
    for at in range(len(words)):
        for phrase in listed:
            steps = _compiled(phrase)
            if steps[0][0] == "gap":
                continue
            end = _match(steps, words, at)
            if end is not None and end > at:
                out.append(Found(phrase, words[at].start, words[end - 1].end))
                break
    return out
