"""Sentence splitting for Swedish text, shared by the chunker and the answerer."""

from __future__ import annotations

import re

# A split point: end punctuation, space, then something that starts a sentence.
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"”«(]?[A-ZÅÄÖÉ0-9(])|\n+")
# Tokens whose final period does not end a sentence. Single letters are initials or
# abbreviations ("J. Hansson", "s. 12"), except the words "i", "å" and "ö" ("bo i.").
_NO_END = re.compile(
    r"(?:^|\s)(?:\d+(?:\.\d+)*\.|[A-ZÅÄÖa-hj-z]\.|t\.ex\.|bl\.a\.|m\.m\.|s\.k\.|inkl\.|"
    r"ca\.|nr\.|kap\.|jfr\.|resp\.|enl\.|dvs\.|fr\.o\.m\.|t\.o\.m\.)$"
)

# A year before the full stop ("fram till år 2100. Ystads kommun leder arbetet."), which
# _NO_END otherwise reads as a number like "3.1.".
_YEAR_END = re.compile(r"(?:^|\s)(?:19|20|21)\d\d\.$")


def split_sentences(text: str, years_end: bool = False) -> list[str]:
    """Sentences of a text; item numbers like '3.1.' and common abbreviations stay inside.
    With years_end, a year followed by a full stop ends a sentence too. (The answerer keeps
    the default: quoting the longer span measured better there.)"""
    pieces: list[str] = []
    last = 0
    for match in _BOUNDARY.finditer(text):
        head = text[last : match.start()]
        if (
            match.group(0).strip() == ""
            and "\n" not in match.group(0)
            and _NO_END.search(head)
            and not (years_end and _YEAR_END.search(head))
        ):
            continue
        if head.strip():
            pieces.append(head.strip())
        last = match.end()
    tail = text[last:].strip()
    if tail:
        pieces.append(tail)
    return pieces
