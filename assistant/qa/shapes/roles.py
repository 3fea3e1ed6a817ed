"""Who holds a role: "Vem är ordförande i styrgruppen?", "Which municipality hosts the
cooperation?", "Who convenes the working group?", answered from the sentence of the
agreement that states it ("Styrgruppen leds av Ystads kommun", "Kalmar kommun är
värdkommun för samverkan").

It is a fallback for when the passages' scorer abstains, for a question that asks only who
holds one role (not "Vem fakturerar värdkommunen?", not two questions in one, not who holds
it now or held it before) and names its agreement. The sentences of that agreement that
state the role and hold what else the question names (a body such as "styrgruppen" by its
whole name) must all point to one party, linked to the role's word by the wording itself
("X är värdkommun", "Ordförande i styrgruppen är X", "leds av … X", "X sammankallar"), not
merely named nearby. A sentence that names the role and a party but is negated, about the
past or a possibility, shared or in turns leaves the question unanswered. The roles, their
words and the links are data (assistant/qa/data/roles.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant.qa.evidence import LIGHT_WEIGHT
from assistant.qa.forms import present_in
from assistant.qa.question import Question, Term
from assistant.qa.shapes.card import ELLIPSIS, MAX_ANSWER, SECOND_PART, card_answer
from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.quote import quote_for
from assistant.qa.shapes.words import toml_data, whole_words
from assistant.types import Answer, Hit
from ingest.overview.names import Name, display, find_names
from ingest.schema import Chunk
from ingest.sentences import split_sentences

ROLES_FILE = Path(__file__).resolve().parents[1] / "data" / "roles.toml"
QUOTE = 420  # characters at most of the passage quoted around the sentence
# a person's name: two capitalised words ("Katarina Jonsson", "Anna-Karin Skatt"), then at
# most a party abbreviation and a comma before the party ("(m), Skövde kommun")
PERSON = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? [A-ZÅÄÖ][a-zåäöé]+\b")
PERSON_TO_PARTY = re.compile(r"\s*(?:\([^()]{1,6}\))?\s*,?\s*")
NEGATED = re.compile(
    r"\b(?:inte|ej|icke|aldrig|ingen|inget|inga|not|never|no longer)\b", re.IGNORECASE
)
_VICE = re.compile(r"\bvice[- ]?$", re.IGNORECASE)
_GENITIVE = re.compile(r"(?<![\w-])(\w+s)\s+$")
LEAD = {"sv": "{party} – enligt ”{title}”", "en": "{party} – according to ”{title}”"}
QUOTE_MARKS = len(f"\n”” [1]{ELLIPSIS}")


@dataclass(frozen=True)
class Role:
    name: str
    asked: re.Pattern[str]
    stated: re.Pattern[str]
    before: re.Pattern[str] | None  # stated forms whose holder stands before them


def _data() -> dict[str, Any]:
    return toml_data(ROLES_FILE)


@cache
def roles() -> tuple[Role, ...]:
    return tuple(
        Role(
            name,
            whole_words(spec["asked"]),
            whole_words(spec["stated"]),
            whole_words(spec["before"]) if spec["before"] else None,
        )
        for name, spec in _data()["roles"].items()
    )


@cache
def role_words(section: str, key: str) -> re.Pattern[str]:
    return whole_words(_data()[section][key])


def asked_role(question: Question) -> Role | None:
    """The one role a who-question asks about (a vice chair before the chair); none for a
    negated question, a question of two parts, or one about who holds a role now or held
    it before."""
    if question.kind != "who" or not asks_plainly(question):
        return None
    return next((r for r in roles() if r.asked.search(question.text)), None)


def asks_plainly(question: Question) -> bool:
    """Not negated, not two questions in one, not about what holds now or held before
    (which the agreement's text does not say)."""
    text = question.text
    return (
        not NEGATED.search(text)
        and not SECOND_PART.search(text)
        and not role_words("question", "present").search(text)
    )


def role_answer(
    question: Question, role: Role, agreement: Agreement, hits: Sequence[Hit]
) -> Answer | None:
    """The party holding the role, with the passage that states it, or None."""
    doc_id, title, chunks = agreement.doc_id, agreement.title, agreement.chunks
    tokens, context = agreement.tokens, agreement.context
    wanted = _wanted(question, role, context)
    if wanted is None:
        return None
    asked_names = asked_parties(question.text)
    bodies = [t for t in wanted if role_words("question", "bodies").search(t.surface)]

    def of_body(word: str) -> bool:  # "styrgruppens ordförande" when styrgruppen is asked
        return any(_holds(t, tokens(word)) for t in bodies)

    found: dict[str, tuple[Chunk, str, Name]] = {}
    for chunk, sentence in stating_sentences(chunks, doc_id, tokens, wanted):
        words = [
            m for m in role.stated.finditer(sentence) if _names_role(role, sentence, m, of_body)
        ]
        if not words:
            continue
        names = find_names(sentence)
        if not any(n.canonical not in asked_names for n in names):
            continue
        if NEGATED.search(sentence) or role_words("sentence", "unclear").search(sentence):
            return None  # "… kan bli värdkommun", "… inte ordförande": nothing is clear
        holder = _holder(role, sentence, words, names)
        if holder is None or holder.canonical in asked_names:
            return None  # the sentence states the role, but not clearly whose it is
        found.setdefault(display(holder.written), (chunk, sentence, holder))
    if len(found) != 1:
        return None
    party, (chunk, sentence, holder) = next(iter(found.items()))
    lead = LEAD[question.language].format(party=_with_person(sentence, holder, party), title=title)
    quote = quote_for(chunk, sentence, min(QUOTE, MAX_ANSWER - len(lead) - QUOTE_MARKS))
    if sentence not in quote:
        return None
    return card_answer(question, lead, [(chunk, quote)], hits)


def _wanted(question: Question, role: Role, context: frozenset[str]) -> list[Term] | None:
    """What the sentence must hold besides the role: the bodies, names and numbers the
    question gives (the agreement's own names, and words its title and opening use, only
    when they name a body). None when the question asks something else of the role
    ("Vem fakturerar värdkommunen?"): a word left that is not a verb of holding it."""
    bodies = role_words("question", "bodies")
    wanted = [
        t
        for t in question.terms
        if t.weight > LIGHT_WEIGHT  # heavier than the words that frame it ("vilken kommun")
        and not role.asked.search(t.surface)
        and not role_words("question", "frame").fullmatch(t.surface)
        and not role_words("question", "agreement").fullmatch(t.surface)
        and not (t.found_in(context) and (is_name(t) or not bodies.search(t.surface)))
    ]
    holding = role_words("question", "holding")
    for term in wanted:
        if not (is_name(term) or bodies.search(term.surface)) and not all(
            holding.fullmatch(w) for w in term.surface.split()
        ):
            return None
    return wanted


def stating_sentences(
    chunks: list[Chunk],
    doc_id: str,
    tokens: Callable[[str], frozenset[str]],
    wanted: list[Term],
) -> Iterator[tuple[Chunk, str]]:
    """The document's sentences (a table row is one) that, with the sentence before them
    and their passage's headings, hold every wanted term. A body ("arbetsgrupperna") named
    only in the sentence before counts when the sentence names no other body ("en
    referensgrupp som sammanträder …" is not about the working groups)."""
    bodies = role_words("question", "bodies")
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
            if not all(_holds(t, where) for t in wanted):
                continue
            before = [t for t in wanted if not _holds(t, here)]
            if any(bodies.search(t.surface) for t in before) and bodies.search(sentence):
                continue
            yield chunk, sentence


def _holds(term: Term, tokens: frozenset[str]) -> bool:
    """A body by its whole name ("arbetsgrupp", not "arbete" and "grupp" apart); any other
    term as the passages' scorer finds it."""
    if not role_words("question", "bodies").search(term.surface):
        return term.found_in(tokens)
    whole = [alt for alt in term.alternatives if len(alt) == 1]
    return any(present_in(alt[0], tokens) for alt in whole)


def _names_role(
    role: Role, sentence: str, match: re.Match[str], of_body: Callable[[str], bool]
) -> bool:
    """The word names the role: the chair's not as part of 'vice ordförande', and not as
    the title within another body ("Kommunstyrelsens ordförande …", unless the question
    asks about the kommunstyrelse)."""
    before = sentence[: match.start()]
    if role.name == "chair" and _VICE.search(before):
        return False
    genitive = _GENITIVE.search(before)
    if genitive is None or not role_words("question", "bodies").search(genitive.group(1)):
        return True
    return of_body(genitive.group(1))


def _holder(
    role: Role, sentence: str, words: list[re.Match[str]], names: list[Name]
) -> Name | None:
    """The party the sentence says holds the role, linked to the role's word by the
    wording alone: "Kalmar kommun är värdkommun", "Ordförande i styrgruppen är Nybro
    kommun", "Styrgruppen leds av ekonomichefen i Nyköpings kommun", "Åre kommun
    sammankallar gruppen". None when no party or two are so linked, or the sentence
    shares the role ("respektive", "tillhandahåller gemensamt")."""
    if role_words("sentence", "shared").search(sentence) or role_words(
        "sentence", "rotation"
    ).search(sentence):
        return None
    linked = {
        display(name.written): name
        for name in names
        for word in words
        if _linked(role, sentence, word, name)
    }
    return next(iter(linked.values())) if len(linked) == 1 else None


def _linked(role: Role, sentence: str, word: re.Match[str], name: Name) -> bool:
    """Whether the words between the party and the role's word say the party holds it."""
    if name.end <= word.start():  # the party first: "Kalmar kommun är värdkommun"
        gap = sentence[name.end : word.start()]
        if role.before is not None and role.before.fullmatch(word.group(0)):
            return bool(re.fullmatch(r"\s*(?:ska\s+)?", gap))
        if re.fullmatch(r"\s*,\s*", gap):  # "Härnösands kommun, värdkommun"
            return True
        return bool(_link("before").fullmatch(gap)) and not _breaks(gap)
    if role.before is not None and role.before.fullmatch(word.group(0)):
        return False  # "Styrgruppen leder … Ystads kommun": the party is not the subject
    gap = sentence[word.end() : name.start]
    if word.group(0).casefold().endswith(" av"):  # "leds av", "sammankallas av"
        return bool(_link("holder").fullmatch(gap))
    link = _link("after").fullmatch(gap)
    return bool(link) and not _breaks(link.group("lead"))


def _breaks(gap: str) -> bool:
    """A clause or a list between them ("Ystads kommun är värdkommun och ordförande …")."""
    return bool(re.search(r"[,;]|\b(?:och|samt|men|som|där|eller|and|or)\b", gap)) or bool(
        any(r.stated.search(gap) for r in roles())
    )


@cache
def _link(side: str) -> re.Pattern[str]:
    return re.compile(_data()["links"][side], re.IGNORECASE)


def _with_person(sentence: str, holder: Name, party: str) -> str:
    """The party, or the person named right before it ("Katarina Jonsson (m), Skövde
    kommun"), as the sentence writes them: the role may be a person's, of that party."""
    for person in PERSON.finditer(sentence[: holder.start]):
        between = sentence[person.end() : holder.start]
        if (
            PERSON_TO_PARTY.fullmatch(between)
            and not find_names(person.group(0))
            and not role_words("question", "bodies").search(person.group(0))
        ):
            return sentence[person.start() : holder.end]
    return party


def asked_parties(text: str) -> set[str]:
    """The parties a question names itself, which are not its answer; a municipality
    within an agreement's name ("Familjen Helsingborg") is not one of them."""
    return {n.canonical for n in find_names(text) if not _in_longer_name(text, n.start)}


def _in_longer_name(text: str, start: int) -> bool:
    """The word before is capitalised and does not begin the question ("Familjen")."""
    before = re.search(r"(\S+)\s+$", text[:start])
    return bool(before) and before.start(1) > 0 and before.group(1)[:1].isupper()


def agreement_names(question: Question) -> list[Term]:
    """The names the question gives (not its numbers): they pick the agreement."""
    return [t for t in question.terms if t.required and t.surface[:1].isupper()]


def is_name(term: Term) -> bool:
    """A name or number ("Tolkcentralen", "2025"), which may pick the agreement."""
    return (term.required and term.surface[:1].isupper()) or term.surface[:1].isdigit()
