"""The lexicon: an English -> Swedish glossary of this field and Swedish paraphrases.

Both live as data files in assistant/qa/data/ and are read once. English inflections are
matched through PyStemmer's English stemmer (appointed, appoints ~ appoint; cities ~
city), so the glossary keeps base forms. An optional Swedish thesaurus (Debian's
mythes-sv) adds paraphrases of Swedish words when it is installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer

DATA = Path(__file__).with_name("data")
GLOSSARY_FILE = DATA / "glossary_en_sv.tsv"
# general public-administration words; the field's own glossary wins where both have a key
GENERAL_GLOSSARY_FILE = DATA / "glossary_general_en_sv.tsv"
SYNONYMS_FILE = DATA / "synonyms_sv.tsv"


def read_tsv(path: Path) -> dict[str, tuple[str, ...]]:
    """key<TAB>value|value lines; '#' lines are comments. A later key replaces an earlier."""
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        table[key.strip()] = tuple(v.strip() for v in values.split("|") if v.strip())
    return table


@dataclass(frozen=True)
class Glossary:
    """English phrases (keyed by the English stem of their last word) -> Swedish words."""

    exact: dict[str, tuple[str, ...]]
    stemmed: dict[str, tuple[str, ...]]
    max_words: int

    def lookup(self, phrase: str) -> tuple[str, ...] | None:
        return self.exact.get(phrase) or self.stemmed.get(_english_key(phrase))

    def longest(self, words: list[str], start: int) -> tuple[str, tuple[str, ...]] | None:
        """The longest phrase of the glossary starting at `start`, with its renderings."""
        for size in range(min(self.max_words, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size])
            renderings = self.lookup(phrase)
            if renderings:
                return phrase, renderings
        return None


def translate_with(
    glossaries: tuple[Glossary, ...], words: list[str]
) -> list[tuple[str, tuple[str, ...]]]:
    """Pairs (English phrase, Swedish renderings) for the words, longest phrases first. The
    first glossary goes over all the words; each next one only over the words still left."""
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    left = [True] * len(words)
    for glossary in glossaries:
        i = 0
        while i < len(words):
            end = i
            while end < len(words) and left[end]:
                end += 1
            if end == i:
                i += 1
                continue
            match = glossary.longest(words[:end], i)
            if match:
                size = len(match[0].split())
                found[i] = match
                left[i : i + size] = [False] * size
                i += size
            else:
                i += 1
    return [found[i] for i in sorted(found)]


@cache
def _english_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def _english_key(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    last = _english_stemmer().stemWord(last) if last.isalpha() else last
    return f"{head} {last}" if head else last


def read_glossary(path: Path) -> Glossary:
    raw = read_tsv(path)
    stemmed: dict[str, tuple[str, ...]] = {}
    # reviewed, reviews ~ review; where two entries share a stem (response, responsible)
    # the shorter phrase stands for the inflected forms
    for phrase in sorted(raw, key=len, reverse=True):
        stemmed[_english_key(phrase)] = raw[phrase]
    return Glossary(raw, stemmed, max(len(k.split()) for k in raw))


@cache
def glossaries() -> tuple[Glossary, ...]:
    """The field's own glossary first, then the general one."""
    return read_glossary(GLOSSARY_FILE), read_glossary(GENERAL_GLOSSARY_FILE)


def translate(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    return translate_with(glossaries(), words)


def lookup(phrase: str) -> tuple[str, ...] | None:
    """The Swedish renderings of an English phrase, or None."""
    return next((r for g in glossaries() if (r := g.lookup(phrase))), None)


@cache
def swedish_synonyms() -> dict[str, tuple[str, ...]]:
    """Stem-keyed Swedish paraphrases of this field (the data file)."""
    from ingest.lexical import stem

    return {stem(word): phrases for word, phrases in read_tsv(SYNONYMS_FILE).items()}
