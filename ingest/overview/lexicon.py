"""The word lists of data/ (cues.toml, organisations.toml, municipalities.txt), loaded once."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")


@cache
def cues() -> dict[str, Any]:
    return tomllib.loads((DATA / "cues.toml").read_text(encoding="utf-8"))


@cache
def organisations() -> dict[str, Any]:
    return tomllib.loads((DATA / "organisations.toml").read_text(encoding="utf-8"))


@cache
def municipalities() -> tuple[str, ...]:
    lines = (DATA / "municipalities.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def word_pattern(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for a word list; a trailing "*" matches a word start."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word) + r"(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


@cache
def pattern(section: str, key: str = "words") -> re.Pattern[str]:
    return word_pattern(list(cues()[section][key]))
