"""Word lists of the answer shapes, read once from their data files (TOML) and compiled as
whole-word patterns."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any


@cache
def toml_data(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def whole_words(words: Sequence[str]) -> re.Pattern[str]:
    """The words (regular expressions) as whole words, any case."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


@cache
def word_pattern(path: Path, section: str, key: str) -> re.Pattern[str]:
    """A data file's word list as whole words."""
    return whole_words(toml_data(path)[section][key])
