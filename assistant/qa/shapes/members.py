"""Who takes part: "Vilka kommuner ingår i MalmöLundregionen?" / "Which parties are part of
the Sjuhärad intent declaration?" answered from the agreement's card.

The card's parties are derived at ingest time (ingest/overview), each with the verbatim
passage that states them. The answer names them and quotes those passages, cited. It is
given only when the question names the agreement the best passage comes from (or, naming
none, when the best passages agree on one agreement) and the card states at least two
parties from the document itself; otherwise the question goes the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.qa.question import Question
from assistant.types import Answer, Citation, Hit
from ingest.overview.model import Card, Evidence
from ingest.overview.names import canonical, find_names
from ingest.schema import Chunk

ASKS_MEMBERS = (
    re.compile(
        r"^(?:vilka|vilken|vilket)(?: \w+){0,2} (?:kommuner|parter|medlemmar|medlemskommuner|"
        r"organisationer|aktörer)\b.*\b(?:ingår|ingick|är med|var med|deltar|deltog|"
        r"står bakom|stod bakom|är parter|är medlemmar|samverkar|omfattas)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^vilka är (?:parterna|medlemmarna|medlemskommunerna)\b", re.IGNORECASE),
    re.compile(
        r"^(?:which|what)(?: \w+){0,2} (?:municipalities|parties|members|member "
        r"municipalities|organi[sz]ations)\b.*\b(?:are|were)\b.*\b(?:part of|members? of|in|"
        r"involved in|participating in|behind|belong to)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^who (?:are|were) the (?:parties|members)\b", re.IGNORECASE),
)
# a question about signing or a subset ("which have already signed") is not about membership,
# nor one about a body within the agreement ("Vilka kommuner ingår i arbetsgruppen?"): the
# card holds the agreement's own parties
NOT_MEMBERS = re.compile(
    r"\b(?:signed|sign|undertecknat|undertecknade|skrivit under|ansökt|applied|"
    r"\w*grupp\w*|nätverk\w*|projekt\w*|nämnd\w*|råd\w*|utskott\w*|styrelse\w*|"
    r"\w*group\w*|network\w*|project\w*|board\w*|committee\w*|council\w*)\b",
    re.IGNORECASE,
)
LEAD = {"sv": "Parter i ”{title}”", "en": "Parties to ”{title}”"}
MAX_QUOTES = 2
MAX_QUOTE = 240
MAX_ANSWER = 600
AGREEING_HITS = 3  # naming no agreement: at least two of the best three passages agree
SEARCHED_HITS = 5  # naming one: the first of the best five passages' documents that holds it


def asks_members(question: Question) -> bool:
    text = question.text.strip()
    return any(p.search(text) for p in ASKS_MEMBERS) and not NOT_MEMBERS.search(text)


def asked_document(
    question: Question, hits: Sequence[Hit], context: Callable[[str], frozenset[str]]
) -> str | None:
    """The agreement the question asks about: of the best passages' documents, the first
    whose title and opening passage hold every name the question gives (the agreement's own
    name, not a name found anywhere in it); naming none, the best passage's document when
    the best passages agree on it."""
    if not hits:
        return None
    names = [t for t in question.terms if t.required and not t.surface[:1].isdigit()]
    if names:
        for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits[:SEARCHED_HITS]):
            tokens = context(doc_id)
            if all(t.found_in(tokens) for t in names):
                return doc_id
        return None
    doc_id = hits[0].chunk.doc_id
    top = [h.chunk.doc_id for h in hits[:AGREEING_HITS]]
    return doc_id if top.count(doc_id) >= 2 else None


def members_answer(
    question: Question,
    card: Card | None,
    chunks: list[Chunk],
    hits: Sequence[Hit],
) -> Answer | None:
    """The parties of the card, with the passages that state them; None when the card
    states fewer than two from the document."""
    if card is None or card.parties.source != "document" or len(card.parties.values) < 2:
        return None
    cited: list[tuple[Chunk, str]] = []
    named: set[str] = set()
    # the passages that name the most parties first; a further one only for parties the
    # earlier ones do not name
    by_count = sorted(card.parties.evidence, key=lambda e: -len(_named(e.quote)))
    for evidence in by_count:
        chunk = chunk_holding(chunks, evidence)
        new = _named(evidence.quote) - named
        if chunk is None or not new or any(chunk is c for c, _ in cited):
            continue
        cited.append((chunk, verbatim_quote(chunk, evidence)))
        named |= new
        if len(cited) == MAX_QUOTES:
            break
    if not cited:
        return None
    lang = question.language
    lead = LEAD[lang].format(title=card.title) + ": " + _listed(card.parties.values, lang)
    parts = [f"{lead} [1]"]
    citations = []
    for n, (chunk, quote) in enumerate(cited, 1):
        line = f"– ”{quote}” [{n}]"
        if len("\n".join([*parts, line])) > MAX_ANSWER:
            break
        parts.append(line)
        citations.append(Citation(n, chunk, quote))
    if not citations:
        return None
    return Answer("\n".join(parts), True, lang, tuple(citations), tuple(hits))


def _listed(names: Sequence[str], lang: str) -> str:
    joint = " och " if lang == "sv" else " and "
    return ", ".join(names[:-1]) + joint + names[-1] if len(names) > 1 else names[0]


def chunk_holding(chunks: list[Chunk], evidence: Evidence) -> Chunk | None:
    """The passage where the evidence starts (the one holding all of it, if any)."""
    at = [c for c in chunks if c.start <= evidence.start < c.end]
    return next((c for c in at if evidence.quote in c.text), at[0] if at else None)


def _named(text: str) -> set[str]:
    return {canonical(n.written) for n in find_names(text)}


def verbatim_quote(chunk: Chunk, evidence: Evidence) -> str:
    """The evidence as it stands in the passage, or the passage's own text from the
    evidence's first line on (a list one name a line reads as one line in a passage);
    verbatim either way, at most MAX_QUOTE characters."""
    if evidence.quote in chunk.text:
        text = evidence.quote
    else:
        first = evidence.quote.strip().splitlines()[0].strip()
        at = chunk.text.find(first)
        text = chunk.text[at:] if at >= 0 else chunk.text
    if len(text) <= MAX_QUOTE:
        return text
    cut = text[:MAX_QUOTE]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut
