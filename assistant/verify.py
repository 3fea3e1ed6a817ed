"""Reading and verifying a language model's reply against the passages it was given.

A reply is split into sentences; each sentence's [n] must name a given passage, and its key
facts (numbers, dates, names) must occur in the passages it cites. assistant.generate shows
a reply only as far as it passes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.types import Citation, Language
from ingest.schema import Chunk

NO_ANSWER = "NO_ANSWER"  # what the prompt asks the model to reply when the passages do not say


class Unverified(Exception):
    """The reply cannot be shown: a citation or a fact it states has no support."""


@dataclass(frozen=True)
class Passage:
    n: int
    chunk: Chunk
    support: str  # normalised title, section and text: what a citation of it vouches for


# ----------------------------------------------------------------------- reading replies

MAX_RANGE = 10
CITE = re.compile(r"\[(\d+(?:\s*[-–,;]\s*\d+)*)\]")
LOWER = "a-zåäöéüæø"
# A sentence ends at . ! ? (with closing quotes and citation markers after it) when the
# next one has visibly begun, or at a line break. Requiring the next character keeps a
# citation that is still streaming ("2019. [1]") with its sentence.
BOUNDARY = re.compile(
    rf"(?:[.!?…]+[\"”’)]*(?:[ \t]*\[[\d\s,;–-]+\])*)[ \t]+(?=[^\s\[{LOWER}])"
    r"|\n\s*(?=[^\s\[])"
)
THINKING = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL)
ABSTAINS = re.compile(
    r"no_answer|no answer|innehåller inte|framgår inte|nämns inte|saknar information"
    r"|kan inte (?:besvara|svara)|hittar inte|hittar inget|inget svar"
    r"|do(?:es)? not (?:contain|mention|say|state)|no information"
    r"|(?:cannot|can't|could not|couldn't) (?:answer|find)|not (?:mentioned|stated|found)",
    re.IGNORECASE,
)


def visible(raw: str) -> str:
    """The reply without the reasoning some models print inside <think> tags."""
    return THINKING.sub("", raw)


def is_abstention(reply: str) -> bool:
    """The model says the passages hold no answer (and cites nothing)."""
    return NO_ANSWER.casefold() in reply.casefold() or (
        not CITE.search(reply) and bool(ABSTAINS.search(reply))
    )


def split_pieces(text: str) -> tuple[list[str], str]:
    """Complete sentences (each with the whitespace after it) and the unfinished rest."""
    pieces: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    return [p for p in pieces if p.strip()], text[start:]


def cited(sentence: str) -> list[int]:
    numbers: list[int] = []
    for match in CITE.finditer(sentence):
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            ends = [int(x) for x in re.split(r"\s*[-–]\s*", part)]
            if len(ends) == 2 and 0 <= ends[1] - ends[0] <= MAX_RANGE:
                numbers.extend(range(ends[0], ends[1] + 1))  # [1-3]
            else:
                numbers.extend(ends)
    return numbers


# -------------------------------------------------------------------------- verification

NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
MARKUP = re.compile(r"[*_`#>]+")
DASHES = re.compile(r"[‐‑‒–—−]")
# English month names stand for the Swedish ones the passages use.
MONTHS_EN_SV = {
    "january": "januari",
    "february": "februari",
    "march": "mars",
    "april": "april",
    "may": "maj",
    "june": "juni",
    "july": "juli",
    "august": "augusti",
    "september": "september",
    "october": "oktober",
    "november": "november",
    "december": "december",
}
NOT_NAMES = {"i"}  # the English pronoun


class Verifier:
    """Checks a reply sentence by sentence and renumbers its citations 1..k.

    A sentence without a marker is checked with the next cited sentence (the marker often
    closes a short run of sentences); sentences left at the end are checked against every
    passage the reply cited.
    """

    def __init__(self, passages: Sequence[Passage], question: str, language: Language) -> None:
        self.passages = list(passages)
        self.question = normalise(question)
        self.language = language
        self.numbering: dict[int, int] = {}  # passage number -> number in the answer
        self.shown: list[str] = []
        self.pending: list[str] = []
        self.consumed = 0

    def feed(self, text: str, final: bool) -> bool:
        """Take the reply so far; return True when more of it has been verified."""
        pieces, rest = split_pieces(text)
        if final and rest.strip():
            pieces.append(rest)
        before = len(self.shown)
        for piece in pieces[self.consumed :]:
            self._take(piece)
        self.consumed = len(pieces)
        return len(self.shown) > before

    def finish(self) -> None:
        if not self.numbering:
            raise Unverified("the reply cites no passage")
        if self.pending:
            self._accept(self.pending, list(self.numbering))
            self.pending = []

    def text(self) -> str:
        return "".join(self.shown).strip()

    def citations(self) -> tuple[Citation, ...]:
        by_number = sorted(self.numbering.items(), key=lambda item: item[1])
        return tuple(Citation(new, self.passages[old - 1].chunk) for old, new in by_number)

    def _take(self, piece: str) -> None:
        numbers = cited(piece)
        if not numbers:
            self.pending.append(piece)
            return
        wrong = [n for n in numbers if not 1 <= n <= len(self.passages)]
        if wrong:
            raise Unverified(f"cites {wrong} but only {len(self.passages)} passages were given")
        group, self.pending = [*self.pending, piece], []
        self._accept(group, numbers)

    def _accept(self, group: list[str], numbers: list[int]) -> None:
        support = "\n".join(self.passages[n - 1].support for n in dict.fromkeys(numbers))
        for sentence in group:
            missing = unsupported(sentence, support, self.question, self.language)
            if missing:
                raise Unverified(f"{missing} not in passages {sorted(set(numbers))}: {sentence!r}")
        self.shown.extend(CITE.sub(self._renumber, sentence) for sentence in group)

    def _renumber(self, match: re.Match[str]) -> str:
        numbers = cited(match.group(0))
        for n in numbers:
            self.numbering.setdefault(n, len(self.numbering) + 1)
        return "[" + ", ".join(str(self.numbering[n]) for n in dict.fromkeys(numbers)) + "]"


def unsupported(sentence: str, support: str, question: str, language: Language) -> list[str]:
    """The key facts of a sentence that its passages (normalised `support`) do not hold."""
    numbers, names = key_facts(sentence)
    missing = [n for n in numbers if not _has_number(support, n)]
    for name in names:
        if language == "en" and name.casefold() in MONTHS_EN_SV:
            name = MONTHS_EN_SV[name.casefold()]
        if _has_name(question, name):
            continue  # the asker's own words: retrieval already matched them
        if not _has_name(support, name):
            missing.append(name)
    return missing


def key_facts(sentence: str) -> tuple[list[str], list[str]]:
    """Numbers and capitalised names of a sentence, without its citation markers.

    The first word counts as a name only when it is an acronym: a Swedish or English
    sentence capitalises whatever word comes first.
    """
    text = MARKUP.sub(" ", LIST_MARKER.sub("", CITE.sub(" ", sentence)))
    numbers = NUMBER.findall(text)
    names: list[str] = []
    for index, match in enumerate(WORD.finditer(text)):
        word = match.group(0).strip("'’-")
        if index == 0 and not (len(word) > 1 and word.isupper()):
            continue
        names.extend(
            part
            for part in re.split(r"[-'’]", word)
            if part[:1].isupper() and part.casefold() not in NOT_NAMES
        )
    return numbers, names


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = DASHES.sub("-", text).replace("’", "'")
    return re.sub(r"\s+", " ", text).casefold()


def _has_number(support: str, number: str) -> bool:
    return any(
        re.search(rf"(?<!\d)(?<!\d[.,]){re.escape(form)}(?!\d|[.,]\d)", support)
        for form in _number_forms(number)
    )


def _number_forms(number: str) -> set[str]:
    """1.6 also as 1,6; 10,000 also as 10 000, 10000 and 10.000 (Swedish notation)."""
    forms = {number, number.replace(".", ","), number.replace(",", ".")}
    groups = re.split(r"[.,]", number)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        forms |= {" ".join(groups), "".join(groups)}
    return forms


def _has_name(text: str, name: str) -> bool:
    """A name occurs at the start of a word (compounds and inflections follow it)."""
    name = normalise(name)
    forms = {name}
    if len(name) > 3 and name.endswith("s"):
        forms.add(name[:-1])  # Swedish genitive: Helsingborgs
    return any(re.search(rf"(?<!\w){re.escape(form)}", text) for form in forms)
