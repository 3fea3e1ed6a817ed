"""What one sentence of an agreement states: the ground the answers read from a stating
sentence share when the passages' scorer abstains (how many: counts.py, how often:
often.py, when: dates.py; who holds a role: roles.py).

The sentences of the named agreement that hold the question's other words are read; each
gives the values of the kind asked ("tre revisorer", "fyra gånger per år"), or says the
question is unclear. Exactly one value among them answers, quoted with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from assistant.qa.evidence import LIGHT_WEIGHT
from assistant.qa.question import Question, Term
from assistant.qa.shapes.card import MAX_ANSWER, card_answer
from assistant.qa.shapes.named import Agreement
from assistant.qa.shapes.quote import quote_for
from assistant.qa.shapes.roles import (
    NEGATED,
    QUOTE,
    QUOTE_MARKS,
    is_name,
    role_words,
    stating_sentences,
)
from assistant.qa.shapes.words import toml_data, whole_words, word_pattern
from assistant.types import Answer, Hit
from ingest.schema import Chunk

Tokens = Callable[[str], frozenset[str]]
STATED_FILE = Path(__file__).resolve().parents[1] / "data" / "stated.toml"
VALUE_LEAD = {"sv": "{value} – enligt ”{title}”", "en": "{value} – according to ”{title}”"}
# where a clause ends: punctuation, or a conjunction or relative word opening the next one
_CLAUSE = re.compile(r"[,;:]|\s(?:och|samt|men|medan|där|som)\s", re.IGNORECASE)


class Unclear(Exception):
    """A sentence about what is asked that leaves it unclear ("kan", "vid behov")."""


@cache
def unclear_words(path: Path) -> re.Pattern[str]:
    """stated.toml's words that make a stating sentence unclear, and the shape's own."""
    shared = toml_data(STATED_FILE)["sentence"]["unclear"]
    return whole_words([*shared, *toml_data(path)["sentence"]["unclear"]])


def clause_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause of the text holding text[start:end], and the word before it when the
    clause is a relative one ("ledningsgruppen, som sammanträder …": "ledningsgruppen")."""
    bounds = list(_CLAUSE.finditer(text, 0, start))
    after = _CLAUSE.search(text, end)
    begin = bounds[-1].end() if bounds else 0
    clause = text[begin : after.start() if after else len(text)]
    relative = bool(bounds) and bounds[-1].group(0).strip().casefold() == "som"
    if not relative and bounds and bounds[-1].group(0) == ",":
        relative = clause.lstrip().casefold().startswith("som ")
    before = re.findall(r"[\w-]+", text[: bounds[-1].start()]) if relative else []
    return clause, before[-1] if before else ""


def names_term(term: Term, own: frozenset[str]) -> bool:
    """The words name the term, or the body it names by the body's head ("Utskottet består
    av sex ledamöter" after "ett särskilt tillväxtutskott")."""
    if term.found_in(own):
        return True
    whole = "".join(term.alternatives[0]) if term.alternatives else ""
    groups = word_pattern(STATED_FILE, "sentence", "groups")
    return bool(groups.fullmatch(term.surface)) and any(
        len(t) >= 4 and whole.endswith(t) for t in own
    )


def of_what_is_asked(
    sentence: str,
    span: tuple[int, int],
    question: Question,
    wanted: list[Term],
    tokens: Tokens,
    headings: frozenset[str],
    whole: bool = False,
) -> bool:
    """The value at sentence[start:end] is of what is asked: its clause (or, when whole,
    its sentence) names every wanted term, a group by its name anywhere in the sentence;
    and neither the clause nor the word a relative clause hangs on names a group the
    question does not name ("… till ledningsgruppen, som sammanträder fyra gånger per år")."""
    clause, antecedent = clause_of(sentence, *span)
    groups = word_pattern(STATED_FILE, "sentence", "groups")
    scope = tokens(sentence if whole else clause) | headings
    everywhere = tokens(sentence) | headings
    for term in wanted:
        group = bool(groups.fullmatch(term.surface))
        if not names_term(term, everywhere if group else scope):
            return False
    named = [g.group(0) for g in groups.finditer(f"{antecedent} {clause}")]
    return all(any(names_term(t, tokens(g)) for t in question.terms) for g in named)


def other_words(
    question: Question, context: frozenset[str], asking: re.Pattern[str], but: Term | None = None
) -> list[Term]:
    """What the sentence must hold besides the value: the question's words, not those that
    only ask for the value ("hur ofta"), frame it ("vilken kommun"), name the agreement or
    pick it by a name its opening gives."""
    return [
        t
        for t in question.terms
        if t is not but
        and t.weight > LIGHT_WEIGHT
        and not asking.fullmatch(t.surface)
        and not role_words("question", "frame").fullmatch(t.surface)
        and not role_words("question", "agreement").fullmatch(t.surface)
        and not (t.found_in(context) and is_name(t))
    ]


def one_value(
    sentences: Iterable[tuple[Chunk, str]], values: Callable[[Chunk, str], list[str]]
) -> tuple[Chunk, str, str] | None:
    """The one value the sentences state (the first sentence stating it), or None when they
    state none, several, or one of them is unclear."""
    found: dict[str, tuple[Chunk, str, str]] = {}
    for chunk, sentence in sentences:
        try:
            spans = values(chunk, sentence)
        except Unclear:
            return None
        for span in spans:
            found.setdefault(re.sub(r"\s+", " ", span).casefold(), (chunk, sentence, span))
    return next(iter(found.values())) if len(found) == 1 else None


def read_value(
    question: Question,
    agreement: Agreement,
    hits: Sequence[Hit],
    wanted: list[Term],
    values: Callable[[Chunk, str], list[str]],
    unclear: re.Pattern[str],
) -> Answer | None:
    """The one value the agreement's sentences about what is asked state, answered with its
    sentence. The sentences holding the wanted words (with the sentence before them) give
    their values (each shape checks that a value is of what is asked); one negated or
    unclear ("kan", "vid behov") while stating a value leaves the question unanswered."""
    tokens = agreement.tokens

    def checked(chunk: Chunk, sentence: str) -> list[str]:
        spans = values(chunk, sentence)
        if spans and (NEGATED.search(sentence) or unclear.search(sentence)):
            raise Unclear
        return spans

    stating = stating_sentences(agreement.chunks, agreement.doc_id, tokens, wanted)
    return stated_answer(question, agreement.title, one_value(stating, checked), hits)


def stated_answer(
    question: Question,
    title: str,
    stated: tuple[Chunk, str, str] | None,
    hits: Sequence[Hit],
) -> Answer | None:
    """The value in front, then the passage quoted around its sentence, cited."""
    if stated is None:
        return None
    chunk, sentence, value = stated
    lead = VALUE_LEAD[question.language].format(value=value, title=title)
    quote = quote_for(chunk, sentence, min(QUOTE, MAX_ANSWER - len(lead) - QUOTE_MARKS))
    if sentence not in quote:
        return None
    return card_answer(question, lead, [(chunk, quote)], hits)
