"""An optional Swedish thesaurus (Debian's mythes-sv, MPL-2.0) for paraphrases.

When the package is installed, each headword's synonyms count as other ways of finding a
question word ("sköter" ~ "hanterar", "sammanträder" ~ "möts"). Without it the lexicon's
own data file is used alone and `status()` says what is missing.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

DEFAULT_PATHS = (Path("/usr/share/mythes/th_sv_SE_v2.dat"),)
MAX_SYNONYMS = 8
INSTALL_HINT = "apt-get install mythes-sv"


def thesaurus_path() -> Path | None:
    configured = os.environ.get("AVTAL_THESAURUS")
    for path in ([Path(configured)] if configured else []) + list(DEFAULT_PATHS):
        if path.is_file():
            return path
    return None


def parse_mythes(text: str) -> dict[str, tuple[str, ...]]:
    """headword -> synonyms from a MyThes .dat text (first line: the encoding)."""
    table: dict[str, list[str]] = {}
    lines = text.splitlines()[1:]
    head = ""
    for line in lines:
        if not line.startswith("|") and "|" in line:
            head = line.split("|", 1)[0].strip().lower()
            continue
        if head and line.startswith("|"):
            for word in line.split("|")[1:]:
                word = word.strip().lower()
                if word and "(" not in word and word != head:
                    table.setdefault(head, []).append(word)
    return {h: tuple(dict.fromkeys(ws))[:MAX_SYNONYMS] for h, ws in table.items()}


@cache
def thesaurus() -> dict[str, tuple[str, ...]]:
    path = thesaurus_path()
    if path is None:
        return {}
    raw = path.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode("ascii", "replace").strip() or "utf-8"
    return parse_mythes(raw.decode(encoding, "replace"))


@cache
def thesaurus_synonyms() -> dict[str, tuple[str, ...]]:
    """Stem-keyed synonyms of single-word headwords."""
    from ingest.lexical import stem

    table: dict[str, tuple[str, ...]] = {}
    for head, words in thesaurus().items():
        if " " not in head:
            table.setdefault(stem(head), words)
    return table


def status() -> str:
    """One line for the start-up log: what is missing and what it costs, or ''."""
    if thesaurus_path() is not None:
        return ""
    return (
        "Swedish thesaurus (mythes-sv) not found: paraphrased questions match less often "
        f"({INSTALL_HINT}, or set AVTAL_THESAURUS to a MyThes .dat file)."
    )
