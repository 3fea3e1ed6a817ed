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

    def translate(self, words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        """Pairs (English phrase, Swedish renderings) for the words, longest phrases first."""
        out: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_words, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + size])
                renderings = self.lookup(phrase)
                if renderings:
                    out.append((phrase, renderings))
                    i += size
                    break
            else:
                i += 1
        return out


@cache
def _english_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def _english_key(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    last = _english_stemmer().stemWord(last) if last.isalpha() else last
    return f"{head} {last}" if head else last


@cache
def glossary() -> Glossary:
    raw = {**read_tsv(GENERAL_GLOSSARY_FILE), **read_tsv(GLOSSARY_FILE)}
    stemmed: dict[str, tuple[str, ...]] = {}
    # reviewed, reviews ~ review; where two entries share a stem (response, responsible)
    # the shorter phrase stands for the inflected forms
    for phrase in sorted(raw, key=len, reverse=True):
        stemmed[_english_key(phrase)] = raw[phrase]
    return Glossary(raw, stemmed, max(len(k.split()) for k in raw))


def translate(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    return glossary().translate(words)


def lookup(phrase: str) -> tuple[str, ...] | None:
    """The Swedish renderings of an English phrase, or None."""
    return glossary().lookup(phrase)


@cache
def swedish_synonyms() -> dict[str, tuple[str, ...]]:
    """Stem-keyed Swedish paraphrases of this field (the data file)."""
    from ingest.lexical import stem

    return {stem(word): phrases for word, phrases in read_tsv(SYNONYMS_FILE).items()}
