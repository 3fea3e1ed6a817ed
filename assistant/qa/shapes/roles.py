"""Who holds a role: "Vem är ordförande i styrgruppen?", "Which municipality hosts the
cooperation?", "Who convenes the working group?", answered from the one sentence of the
agreement that states it ("Styrgruppen leds av Ystads kommun", "Kalmar kommun är
värdkommun för samverkan").

It is a fallback for when the passages' scorer abstains: the answer is given only when
the question names its agreement (card.py's asked_document), and exactly one sentence of
that document (with its headings and the sentence before it) states the role, holds every
other word the question asks about, and names exactly one party the question does not
name. The roles and their words are data (assistant/qa/data/roles.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.qa.forms import present_in
from assistant.qa.question import Question, Term
from assistant.qa.shapes.card import card_answer
from assistant.qa.shapes.quote import quote_for
from assistant.types import Answer, Hit
from ingest.overview.names import display, find_names
from ingest.schema import Chunk
from ingest.sentences import split_sentences

ROLES_FILE = Path(__file__).resolve().parents[1] / "data" / "roles.toml"
FRAME_WEIGHT = 0.3  # terms weighted like this only frame the question ("vilken kommun")
QUOTE = 420  # characters of the passage quoted around the sentence
MAX_GAP = 80  # characters at most between the role's word and the party named
NEARER = 15  # characters by which the nearest party must be nearer than the next
# a person's name: two capitalised words ("Katarina Jonsson", "Anna-Karin Skatt")
PERSON = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? [A-ZÅÄÖ][a-zåäöé]+\b")
PERSON_GAP = 12  # characters at most between the person and the party ("(m), ")
NEGATED = re.compile(r"\b(?:inte|ej|icke|aldrig|not|never|no longer)\b", re.IGNORECASE)
_VICE = re.compile(r"\bvice\W+$", re.IGNORECASE)
LEAD = {"sv": "{party} – enligt ”{title}”", "en": "{party} – according to ”{title}”"}


@dataclass(frozen=True)
class Role:
    name: str
    asked: re.Pattern[str]
    stated: re.Pattern[str]


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


@cache
def _data() -> dict:
    return tomllib.loads(ROLES_FILE.read_text(encoding="utf-8"))


@cache
def roles() -> tuple[Role, ...]:
    return tuple(
        Role(name, _alternation(spec["asked"]), _alternation(spec["stated"]))
        for name, spec in _data()["roles"].items()
    )


@cache
def frame_words() -> re.Pattern[str]:
    """Words that name the kind of answer asked for ("vilken kommun", "which party")."""
    return _alternation(_data()["question"]["frame"])


@cache
def _present() -> re.Pattern[str]:
    return _alternation(_data()["question"]["present"])


@cache
def _bodies() -> re.Pattern[str]:
    return _alternation(_data()["question"]["bodies"])


def asked_role(question: Question) -> Role | None:
    """The role a who-question asks about: the first of roles.toml it names (a vice chair
    before the chair); none for a negated question."""
    if question.kind != "who" or NEGATED.search(question.text) or _present().search(question.text):
        return None
    return next((r for r in roles() if r.asked.search(question.text)), None)


def role_answer(
    question: Question,
    role: Role,
    doc_id: str,
    title: str,
    chunks: list[Chunk],
    hits: Sequence[Hit],
    tokens: Callable[[str], frozenset[str]],
    context: frozenset[str],
) -> Answer | None:
    """The party holding the role, with the passage that states it, or None."""
    asked_names = _asked_parties(question.text)
    found: dict[str, tuple[Chunk, str]] = {}
    wanted = wanted_terms(question, context, role.asked)
    for chunk, sentence in stating_sentences(chunks, doc_id, tokens, wanted):
        party = _holder(role, sentence, asked_names)
        if party is not None:
            found.setdefault(party, (chunk, sentence))
    if len(found) != 1:
        return None
    party, (chunk, sentence) = next(iter(found.items()))
    lead = LEAD[question.language].format(party=_with_person(sentence, party), title=title)
    return card_answer(question, lead, [(chunk, quote_for(chunk, sentence, QUOTE))], hits)


def wanted_terms(
    question: Question, context: frozenset[str], asked: re.Pattern[str] | None = None
) -> list[Term]:
    """What the question asks about besides what it asks for (`asked`, the kind of answer)
    and the agreement (its names and the words its title and opening use), except a body
    within it ("styrgruppen"), whose name must stand where the answer does."""
    return [
        t
        for t in question.terms
        if t.weight > FRAME_WEIGHT
        and not (asked and asked.search(t.surface))
        and not frame_words().fullmatch(t.surface)
        and not (t.found_in(context) and (_is_name(t) or not _bodies().search(t.surface)))
    ]


def stating_sentences(
    chunks: list[Chunk],
    doc_id: str,
    tokens: Callable[[str], frozenset[str]],
    wanted: list[Term],
) -> Iterator[tuple[Chunk, str]]:
    """The document's sentences (a table row is one) that, with the sentence before them
    and their passage's headings, hold every wanted term; never a negated one. A body
    ("arbetsgrupperna") named only in the sentence before counts when the sentence names
    no other body ("en referensgrupp som sammanträder …" is not about the working groups)."""
    for chunk in chunks:
        if chunk.doc_id != doc_id:
            continue
        sentences = [chunk.text] if chunk.row is not None else split_sentences(chunk.text)
        headings = tokens(" ".join(chunk.heading_path))
        previous: frozenset[str] = frozenset()
        for sentence in sentences:
            own = tokens(sentence)
            here, where = own | headings, own | previous | headings
            previous = own
            if NEGATED.search(sentence) or not all(_holds(t, where) for t in wanted):
                continue
            before = [t for t in wanted if not _holds(t, here)]
            if any(_bodies().search(t.surface) for t in before) and _bodies().search(sentence):
                continue
            yield chunk, sentence


def _holds(term: Term, tokens: frozenset[str]) -> bool:
    """A body by its whole name ("arbetsgrupp", not "arbete" and "grupp" apart); any other
    term as the passages' scorer finds it."""
    if not _bodies().search(term.surface):
        return term.found_in(tokens)
    whole = [alt for alt in term.alternatives if len(alt) == 1]
    return any(present_in(alt[0], tokens) for alt in whole)


def _holder(role: Role, sentence: str, asked: set[str]) -> str | None:
    """The party the sentence says holds the role: the one named nearest to the role's
    word ("Åmåls kommun är värdkommun för …, som … för Åmåls, Bengtsfors och Melleruds
    kommuner": Åmål); none when two are as near."""
    words = [m for m in role.stated.finditer(sentence) if _names_role(role, sentence, m)]
    names = [n for n in find_names(sentence) if n.canonical not in asked]
    if not words or not names:
        return None
    nearest: dict[str, int] = {}
    for name in names:
        gap = min(_gap(m.span(), (name.start, name.end)) for m in words)
        party = display(name.written)
        nearest[party] = min(gap, nearest.get(party, gap))
    ranked = sorted((gap, party) for party, gap in nearest.items())
    if len(ranked) > 1 and ranked[1][0] - ranked[0][0] < NEARER:
        return None
    return ranked[0][1] if ranked[0][0] <= MAX_GAP else None


def _asked_parties(text: str) -> set[str]:
    """The parties a question names itself, which are not its answer; a municipality
    within an agreement's name ("Familjen Helsingborg") is not one of them."""
    return {n.canonical for n in find_names(text) if not _in_longer_name(text, n.start)}


def _in_longer_name(text: str, start: int) -> bool:
    """The word before is capitalised and does not begin the question ("Familjen")."""
    before = re.search(r"(\S+)\s+$", text[:start])
    return bool(before) and before.start(1) > 0 and before.group(1)[:1].isupper()


def _with_person(sentence: str, party: str) -> str:
    """The party, or the person named right before it ("Katarina Jonsson (m), Skövde
    kommun") as the sentence writes them: the role may be a person's, of that party."""
    at = sentence.find(party)
    for person in PERSON.finditer(sentence[:at] if at > 0 else ""):
        between = sentence[person.end() : at]
        if len(between) <= PERSON_GAP and not find_names(person.group(0)):
            end = at + len(party)
            while end < len(sentence) and sentence[end].isalpha():  # "Skövde kommun"
                end += 1
            rest = re.match(r"s? (?:kommun|stad|region)\b", sentence[at + len(party) :])
            return sentence[person.start() : at + len(party) + (rest.end() if rest else 0)]
    return party


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def _names_role(role: Role, sentence: str, match: re.Match[str]) -> bool:
    """The word names the role: the chair's not as part of 'vice ordförande'."""
    return role.name != "chair" or not _VICE.search(sentence[: match.start()])


def agreement_names(question: Question) -> list[Term]:
    """The names the question gives (not its numbers): they pick the agreement."""
    return [t for t in question.terms if t.required and t.surface[:1].isupper()]


def _is_name(term: Term) -> bool:
    """A name or number ("Tolkcentralen", "2025"), which may pick the agreement."""
    return (term.required and term.surface[:1].isupper()) or term.surface[:1].isdigit()
