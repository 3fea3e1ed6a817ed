"""Every message a person reads about documents, the index and admin actions, by code.

A problem is a code and its details (numbers, names, a library's own error text); its words
are in one table per language beside this file, en.toml and sv.toml, with the same codes
and placeholders (a test checks). The ingest summary and logs use English, the admin tab
Swedish; nothing ever parses message text to translate it.

Placeholders take Python's format specs, plus `size` (a byte count: 7.8 kB / 7,8 kB),
`pages` (a list of [page problem, page count]) and `problems` (a list of page problems); a
page problem in details is a Problem's to_dict(), so that details stay JSON. In Swedish a
float gets a decimal comma. A code with a `count` of 1 uses `<code>_one` when the table has it.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

Language = Literal["en", "sv"]
LANGUAGES: tuple[Language, ...] = ("en", "sv")
_DIR = Path(__file__).parent


@cache
def table(lang: str) -> dict[str, str]:
    """The message table of one language: code -> template."""
    return tomllib.loads((_DIR / f"{lang}.toml").read_text(encoding="utf-8"))


def message(code: str, lang: str = "en", **details: Any) -> str:
    """The message for a code in a language. A code no table knows (a reason stored as
    text by an older version of the index) is shown as it is."""
    words = table(lang)
    if details.get("count") == 1 and f"{code}_one" in words:
        code = f"{code}_one"
    template = words.get(code)
    if template is None:
        return code
    return _Formatter(lang).format(template, **details)


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "size":
            return size_text(int(value), self.lang)
        if format_spec == "pages":
            return "; ".join(
                message("page_count", self.lang, problem=_problem(p).text(self.lang), count=n)
                for p, n in value
            )
        if format_spec == "problems":
            return "; ".join(_problem(p).text(self.lang) for p in value)
        text = format(value, format_spec)
        return text.replace(".", ",") if self.lang == "sv" and isinstance(value, float) else text


def cause(error: object, limit: int = 160) -> str:
    """A library's error as a detail: one line, at most `limit` characters."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def size_text(size: int, lang: str = "en") -> str:
    """A file size: 7.8 kB in English, 7,8 kB in Swedish."""
    if size >= 1_000_000:
        return message("size_mb", lang, value=size / 1e6)
    if size >= 1_000:
        return message("size_kb", lang, value=size / 1e3)
    return message("size_bytes", lang, value=size)


@dataclass(frozen=True)
class Problem:
    """Why something could not be done: a code of the message tables and its details."""

    code: str
    details: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return message(self.code, lang, **self.details)

    def __str__(self) -> str:
        return self.text("en")

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "details": self.details}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Problem:
        """From to_dict(); a record of an older index has only its English "reason"."""
        if "code" in data:
            return cls(str(data["code"]), dict(data.get("details") or {}))
        return stored(str(data.get("reason", "unreadable")))


class CodedError(Exception):
    """An error with a code and details; str() is its English message."""

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.problem = Problem(code, details)

    @property
    def code(self) -> str:
        return self.problem.code

    def text(self, lang: str = "en") -> str:
        return self.problem.text(lang)

    def __str__(self) -> str:
        return str(self.problem)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled across the isolated parse's process
        return (_rebuilt, (type(self), self.problem.code, self.problem.details))


PAGE_CODES = frozenset(
    {"blank_page", "page_no_text", "page_not_text", "page_empty", "page_ocr_missing"}
)


def stored(text: str, page: bool = False) -> Problem:
    """A problem as an index stores it: a code, or (an index built before the codes) the
    English words of a message without details, found by exact lookup in en.toml. Other
    old words stay as they are in every language."""
    if text in table("en"):
        return Problem(text)
    same = [c for c, t in table("en").items() if t == text and "{" not in t]
    same.sort(key=lambda code: (code in PAGE_CODES) != page)
    return Problem(same[0] if same else text)


def _problem(value: Any) -> Problem:
    if isinstance(value, Problem):
        return value
    if isinstance(value, dict):
        return Problem.from_dict(value)
    return Problem(str(value))


def _rebuilt(cls: type[CodedError], code: str, details: dict[str, Any]) -> CodedError:
    return cls(code, **details)
