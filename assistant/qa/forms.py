"""Word forms that count as the same word: derivations, participles, one compound written
two ways. Snowball's stems keep verb and noun forms apart; these lookups bring them together.
"""

from __future__ import annotations

from functools import lru_cache

_MIN_PREFIX = 5
_MIN_COMPOUND_MATCH = 10
_MIN_SHARED_LAST_PART = 6
# Endings that make another form of the same word (finansi|ering), not a compound (miljö|mål).
_DERIVATIONS = frozenset(
    "a e s ad ar at en er et na or ade are ande ende era ing ion else eras erat ning ering "
    "ioner ningen eringen adering".split()
)


def _participle_base(stem_: str) -> str:
    """genomförd, genomfört (genomfördes, genomförts): the same verb, d or t by gender."""
    return stem_[:-1] if len(stem_) > _MIN_PREFIX and stem_[-1] in "dt" else ""


@lru_cache(maxsize=65536)
def _forms(stem_: str) -> frozenset[str]:
    """The tokens that present_in takes for the stem by participle or derivation."""
    forms = set()
    participle = _participle_base(stem_)  # the other participle form, same length
    if participle:
        forms.update((participle + "d", participle + "t"))
    for ending in _DERIVATIONS:
        forms.add(stem_ + ending)  # a derivation of the stem
        shorter = stem_[: -len(ending)]  # the stem is a derivation of this
        if stem_.endswith(ending) and len(shorter) >= _MIN_PREFIX:
            forms.add(shorter)
    return frozenset(forms)


def present_in(stem_: str, tokens: frozenset[str]) -> bool:
    """The stem, or a derivation of it: finansieras (finansi) ~ finansiering (finansiering).

    Snowball keeps verb and noun forms apart; a shared stem of five letters or more plus a
    derivational ending on one side counts as the same word, and so do the d and t forms
    of a participle.
    """
    if stem_ in tokens:
        return True
    if len(stem_) < _MIN_PREFIX:
        return False
    # The participle and derivation forms are looked up, not scanned for (the same
    # answers; scanning made a feature's cost grow with a document's vocabulary).
    if not _forms(stem_).isdisjoint(tokens):
        return True
    if len(stem_) < _MIN_COMPOUND_MATCH:  # too short to be one head written two ways
        return False
    head = stem_[:4]
    return any(
        len(token) >= _MIN_COMPOUND_MATCH and token[:4] == head and _same_compound(stem_, token)
        for token in tokens
    )


def _same_compound(a: str, b: str) -> bool:
    """laddstation ~ laddningsstation: one head written two ways, the same last part."""
    if min(len(a), len(b)) < _MIN_COMPOUND_MATCH or a[:4] != b[:4]:
        return False
    suffix = 0
    while suffix < min(len(a), len(b)) and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return suffix >= _MIN_SHARED_LAST_PART and suffix < min(len(a), len(b)) - 3
