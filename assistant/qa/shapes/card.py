"""What the answers from an agreement's card share: whether a question is about the
agreement itself, which agreement it names, whether the card is of the kind of document
asked about, and the cited, verbatim answer with its lead.

A card answers a question about the agreement as a whole: not one about a body, a phase or
a budget within it ("Vad är syftet med styrgruppen?"), not a negated one ("Vilka kommuner
ingår inte …?"), not a question with a second part ("… och hur länge gäller avtalet?").
Those go to the passages, as do questions naming an agreement that more than one of the best
passages' documents names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.qa.question import Question, Term
from assistant.types import Answer, Citation, Hit
from ingest.overview.lexicon import cues
from ingest.overview.model import Card, Evidence
from ingest.schema import Chunk

NOT_THE_AGREEMENT = re.compile(
    r"\b(?:inte|ej|icke|aldrig|not|never|tidigare|previously|formerly|"
    r"ansvar\w*|responsib\w*|in charge|"
    r"\w*grupp\w*|nätverk\w*|projekt\w*|nämnd\w*|råd\w*|utskott\w*|styrelse\w*|möte\w*|"
    r"mandat\w*|ansökan|ansökningar|fas\w*|etapp\w*|budget\w*|kansli\w*|mottagning\w*|"
    r"\w*group\w*|network\w*|project\w*|board\w*|committee\w*|council\w*|meeting\w*|"
    r"mandate\w*|term of office|application\w*|phase\w*|stage\w*|office\w*|"
    r"lag|lagen|lagar|lagarna|\w*lagstiftning\w*|förordning\w*|laws?|legislation|"
    r"regulations?)\b",
    re.IGNORECASE,
)
# a second question after the first: "… ingår, och hur länge gäller avtalet?"
SECOND_PART = re.compile(
    r"(?:,|\boch|\band|\bsamt)\s+(?:hur|vad|vem|vilka|vilken|vilket|när|varför|how|what|who|"
    r"which|when|why)\b",
    re.IGNORECASE,
)
SEARCHED_HITS = 5  # a named agreement is looked for in the best five passages' documents
AGREEING_HITS = 3  # naming none: at least two of the best three passages agree on one
MAX_ANSWER = 600
ELLIPSIS = " …"


def about_the_agreement(question: Question) -> bool:
    """The question asks about the agreement as a whole, in one part."""
    text = question.text.strip()
    return not NOT_THE_AGREEMENT.search(text) and not SECOND_PART.search(text)


def asked_document(
    question: Question,
    hits: Sequence[Hit],
    context: Callable[[str], frozenset[str]],
    names: Sequence[Term] | None = None,
) -> str | None:
    """The agreement the question asks about: the one document among the best passages'
    whose title and opening passage hold every name and number the question gives (or the
    `names` given; none when two do); naming none, the best passage's document when the
    best passages agree."""
    if not hits:
        return None
    if names is None:
        names = [t for t in question.terms if t.required]
    if names:
        holding = [
            doc_id
            for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits[:SEARCHED_HITS])
            if all(t.found_in(context(doc_id)) for t in names)
        ]
        return holding[0] if len(holding) == 1 else None
    doc_id = hits[0].chunk.doc_id
    top = [h.chunk.doc_id for h in hits[:AGREEING_HITS]]
    return doc_id if top.count(doc_id) >= 2 else None


def _kinds_in(text: str) -> list[str]:
    """The document kinds a text names as whole words ("avtalet", not "avtalstid"), in the
    order it names them."""
    found = []
    for kind in cues()["kinds"]:
        match = re.search(rf"\b{kind}(?:en|et|er|erna|na|ens|ets|s)?\b", text, re.IGNORECASE)
        if match:
            found.append((match.start(), kind.casefold()))
    return [k for _, k in sorted(found)]


def same_kind(question: Question, card: Card) -> bool:
    """Whether the document the card is of can be the one asked about: a question about the
    'samverkansavtal' behind a 'verksamhetsplan' asks about another document. A question in
    Swedish is about the first kind it names; an English one may name a kind in any of its
    Swedish renderings. A question naming no kind, or 'avtalet' for a 'samverkansavtal',
    can be about the card's document."""
    if question.language == "sv":
        asked = _kinds_in(question.text)[:1]
    else:
        asked = _kinds_in(question.search_text[len(question.text) :])
    kind = card.kind.values[0].casefold() if card.kind.values else ""
    return not asked or any(kind.endswith(k) or k.endswith(kind) for k in asked if kind)


def chunk_holding(chunks: list[Chunk], evidence: Evidence) -> Chunk | None:
    """The passage where the evidence starts (the one holding all of it, if any)."""
    at = [c for c in chunks if c.start <= evidence.start < c.end]
    return next((c for c in at if evidence.quote in c.text), at[0] if at else None)


def verbatim_quote(chunk: Chunk, evidence: Evidence) -> str:
    """The evidence as the passage holds it: the quote itself, or, when the passage joins
    its lines otherwise (a list one name a line), the passage's text from the evidence's
    first line to its last one."""
    if evidence.quote in chunk.text:
        return evidence.quote
    lines = [line.strip() for line in evidence.quote.splitlines() if line.strip()]
    start = chunk.text.find(lines[0]) if lines else -1
    if start < 0:
        return ""
    end = chunk.text.find(lines[-1], start)
    end = end + len(lines[-1]) if end >= 0 else len(chunk.text)
    return chunk.text[start:end]


def quoted_passages(
    evidence: Iterable[Evidence],
    chunks: list[Chunk],
    keep: Callable[[Evidence], bool] = lambda e: True,
    limit: int = 2,
) -> list[tuple[Chunk, str]]:
    """Up to `limit` passages that hold the evidence kept, each once, with its quote."""
    quoted: list[tuple[Chunk, str]] = []
    for item in evidence:
        chunk = chunk_holding(chunks, item) if keep(item) else None
        if chunk is None or any(chunk is c for c, _ in quoted):
            continue
        quoted.append((chunk, verbatim_quote(chunk, item)))
        if len(quoted) == limit:
            break
    return quoted


def listed(names: Sequence[str], lang: str) -> str:
    joint = " och " if lang == "sv" else " and "
    return ", ".join(names[:-1]) + joint + names[-1] if len(names) > 1 else names[0]


def card_answer(
    question: Question, lead: str, quoted: list[tuple[Chunk, str]], hits: Sequence[Hit]
) -> Answer | None:
    """The lead and each quote on a line of its own, cited [1], [2] …; quotes are cut at a
    word (marked … outside the quote) so that the answer stays within MAX_ANSWER."""
    quoted = [(c, q) for c, q in quoted if q]
    if not quoted:
        return None
    marks = sum(len(f"\n”” [{n}]{ELLIPSIS}") for n in range(1, len(quoted) + 1))
    room = MAX_ANSWER - len(lead) - marks
    each = room // len(quoted)
    if each < 40:
        return None
    lines, citations = [lead], []
    for n, (chunk, quote) in enumerate(quoted, 1):
        cut = quote if len(quote) <= each else quote[:each].rsplit(" ", 1)[0]
        mark = ELLIPSIS if cut != quote else ""
        lines.append(f"”{cut}”{mark} [{n}]")
        citations.append(Citation(n, chunk, cut))
    return Answer("\n".join(lines), True, question.language, tuple(citations), tuple(hits))
