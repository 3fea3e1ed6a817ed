"""Recognising parties: municipalities (with genitive and "kommun"/"stad"), regions,
county councils, universities and national bodies, from the lists in data/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.overview.lexicon import municipalities, organisations

_UPPER = "A-ZÅÄÖÉ"
_NAME = rf"[{_UPPER}][\wåäöéü-]+s?(?: [{_UPPER}][\wåäöéü-]+)?"


@dataclass(frozen=True)
class Name:
    """A party named in a text: as written, its canonical form, and where it stands."""

    written: str
    canonical: str
    start: int
    end: int


@cache
def _municipal() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(municipalities(), key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in organisations()["municipal_suffixes"])
    return re.compile(rf"(?<![\w-])({names})(s)?(?: ({suffixes}))?(?![\w-])")


@cache
def _others() -> re.Pattern[str]:
    bodies = [re.escape(b) for b in organisations()["bodies"]]
    patterns = [p.replace("NAME", _NAME) for p in organisations()["patterns"]]
    alternatives = "|".join(sorted(bodies, key=len, reverse=True) + patterns)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def canonical(name: str) -> str:
    """The key a party is matched by: 'Halmstads kommun', 'Halmstad' -> 'halmstad'."""
    text = " ".join(name.split())
    match = _municipal().fullmatch(text)
    if match and match.group(3) not in ("kommuner",):
        return match.group(1).casefold()
    return text.casefold()


def display(name: str) -> str:
    """How a party is shown: a municipality by its name, others as written."""
    text = " ".join(name.split())
    match = _municipal().fullmatch(text)
    if match and match.group(3) not in ("kommuner",):
        return match.group(1)
    return text


def find_names(text: str) -> list[Name]:
    """Every party name in the text, left to right, the longest where two overlap."""
    found: list[Name] = []
    for match in _others().finditer(text):
        found.append(Name(match.group(0), canonical(match.group(0)), *match.span()))
    for match in _municipal().finditer(text):
        if match.group(3) == "kommuner":  # "Älvdalens kommuner": the municipality itself
            written = match.group(1) + (match.group(2) or "")
            span = (match.start(), match.start() + len(written))
        else:
            written, span = match.group(0), match.span()
        if any(n.start <= span[0] < n.end or span[0] <= n.start < span[1] for n in found):
            continue
        found.append(Name(written, match.group(1).casefold(), *span))
    return sorted(found, key=lambda n: n.start)


def is_party_name(text: str) -> bool:
    """The whole text is one party name ("Laholms Kommun", "Högskolan i Halmstad")."""
    names = find_names(text.strip())
    return len(names) == 1 and names[0].written == text.strip()
