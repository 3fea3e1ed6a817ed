"""The extractive answerer: pick the evidence, answer briefly with verbatim quotes, cite.

Every answer is built from sentences or table cells copied from the passages; when the
evidence does not cover the question's key terms the answer says so instead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.analyze import Question, Term
from assistant.types import Answer, Citation, Hit
from ingest.lexical import tokenize
from ingest.schema import Chunk
from ingest.sentences import split_sentences

NOT_FOUND = {
    "sv": "Jag hittar inget om det i dokumenten.",
    "en": "I can't find that in the documents.",
}
# Share of the question's weighted key terms the evidence must hold. On the development
# questions correct evidence covers 0.72 or more and the best evidence for unanswerable
# ones 0. Between 0.5 and 0.6 lie both paraphrased good answers ("minska" answered by
# "halveras") and half-matches; 0.6 lost four good answers of ten such probes for one
# wrong one, so the bar stays at 0.5 and the quote shows the user what it rests on.
MIN_COVERAGE = 0.5
ANSWER_TYPE_WEIGHT = 0.3  # terms weighted like this only say what kind of answer is wanted
SECTION_ITEM_COVERAGE = 0.25
LIST_MIN_ITEMS = 3
LIST_MAX_ITEM_WORDS = 16
INTRO_SCORE_RATIO = 0.8  # an introduction without the answer-type word must score near the best
LIST_MAX_INTRODUCED_WORDS = 20  # a line after "följande parter:" may hold several names
LIST_MIN_HEADING = 0.6
SECOND_SENTENCE_RATIO = 0.9
MAX_QUOTE = 330
MAX_ANSWER = 420
EVIDENCE_HITS = 8

_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_SHORT_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_SPANS: dict[str, re.Pattern[str]] = {
    "when": re.compile(
        rf"\b(?:senast |från |under |före |efter |till )?"
        rf"(?:den |våren |hösten |sommaren |vintern )?"
        rf"(?:\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|(?:{_MONTHS}|{_SHORT_MONTHS})\.? \d{{4}}|"
        rf"\d{{4}}-\d{{2}}-\d{{2}}|"
        rf"(?:år )?(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?)",
        re.IGNORECASE,
    ),
    "amount": re.compile(
        r"(?:från )?\d[\d\u00a0 ]*(?:,\d+)?(?: till \d[\d\u00a0 ]*(?:,\d+)?)?\s*"
        r"(?:%|procent|kr(?:/\S+)?|kronor|kg(?:/\S+)?|mbit/s|km/h|miljoner|mnkr|tkr|"
        r"invånare|personer|st\b)(?: per [a-zåäö]+(?: och [a-zåäö]+)?)?",
        re.IGNORECASE,
    ),
    "frequency": re.compile(
        r"\b(?:vid )?(?:(?:en|ett|två|tre|fyra|fem|sex|\d+)(?: till (?:två|tre|fyra|fem|sex|\d+))? "
        r"(?:tillfällen|gånger|möten|sammanträden) (?:per|om|i) [a-zåäö]+|"
        r"varje (?:nytt? |nya )?[a-zåäö]+|årligen|"
        r"månadsvis|kvartalsvis|halvårsvis|en gång (?:per|om|i) [a-zåäö]+)",
        re.IGNORECASE,
    ),
}
_COUNTED = re.compile(
    r"\b(?:\d[\d\u00a0 ]*(?:,\d+)?|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)"
    r"\s+([a-zåäöé]+)",
    re.IGNORECASE,
)
_ASKS_NUMBER = re.compile(
    r"(?:nummer|numret|\bdnr\b|\b(?:registration|reference|phone|telephone|case|file) number)",
    re.IGNORECASE,
)
_ALSO_WHEN = re.compile(r"\b(?:och|samt) när\b|\band (?:by )?when\b", re.IGNORECASE)
_ASKS_EMAIL = re.compile(r"e-?post|e-?mail", re.IGNORECASE)
_RESPONSIBLE_HEADER = re.compile(r"ansvar|responsib", re.IGNORECASE)
_RESPONSIBLE_SENTENCE = re.compile(
    r"\b(ansvarar|ansvarig|ansvariga|huvudansvar\w*|tillhandahåller)\b", re.IGNORECASE
)
_RESPONSIBLE_EVIDENCE = re.compile(
    r"\b(ansvar\w*|huvudansvar\w*|tillhandahåller|leds av|leder|samordnar|utser|utses|se till att|"
    r"sammankallande|ordförande\w*)\b",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(r"[^\W\d_]+(?:[^,.;:]*,){1,}[^,.;:]*\b(?:och|samt|and|or|eller)\b")
_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?")
_PARENTHESISED_LIST = re.compile(r"\([A-ZÅÄÖ][^()]*,[^()]*\)")
_STARTS_WITH_PARTY = re.compile(r"^(?:[A-ZÅÄÖ]\w+ (?:kommun|stad|Stad|region)|Region [A-ZÅÄÖ])")
_PARTY_ITEM = re.compile(
    r"\b(?:kommun|stad|Stad|[Rr]egion|län|Högskolan|[Uu]niversitet|högskola)\b"
)
_CAPITALISED = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+")
# A row label that ends by naming who runs it: "STIMULERA ÖKAT BOSTADSBYGGANDE (Kävlinge,
# Malmö, Vellinge)". Every part must be capitalised names, so "(se bilaga 2, sid 4)" is not.
_LABEL_PARTIES = re.compile(r"\(([^()]+)\)\s*$")
_PARTY_NAMES = re.compile(r"[A-ZÅÄÖ][\wåäöé-]*(?:\s+[A-ZÅÄÖ][\wåäöé-]*)*")
_POINTS_BACK = re.compile(r"\b(?:detta|dessa|denna|this|these)\b", re.IGNORECASE)
_SENTENCE_FINAL = re.compile(r"[.!?:;)]$")
# Words after "vilka"/"which" that ask for named parties: the answer should name some.
_ANSWER_NAMES = frozenset(
    "kommun kommuner kommunerna parter part parterna organisationer organisation medlemmar "
    "municipality municipalities parties members organisations organizations partners".split()
)
_ITEM = re.compile(r"(?:^|\s)(\d{1,2}\.\d{1,2})\.?\s")


@dataclass(frozen=True)
class Unit:
    """A candidate piece of evidence: a sentence, or a whole table record."""

    rank: int
    chunk: Chunk
    text: str
    tokens: frozenset[str]  # the unit's own words and the document title's
    context: frozenset[str]  # with the headings too
    title: frozenset[str]  # the document title's words alone
    words: frozenset[str]  # the unit's own words and its headings, without the title


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    coverage: float


def _credit(term: Term, tokens: frozenset[str]) -> float:
    """1 when the term is found; half the share of parts found for a partly found compound."""
    if term.found_in(tokens):
        return 1.0
    partial = [
        sum(s in tokens for s in alt) / len(alt) for alt in term.alternatives if len(alt) > 1
    ]
    return 0.5 * max(partial, default=0.0)


def coverage(terms: Sequence[Term], tokens: frozenset[str]) -> float:
    total = sum(t.weight for t in terms)
    if total <= 0:
        return 0.0
    return sum(t.weight * _credit(t, tokens) for t in terms) / total


def _units(
    rank: int, chunk: Chunk, vocabulary: frozenset[str], join_back: bool = False
) -> list[Unit]:
    title = frozenset(tokenize(chunk.title, vocabulary, heads=False))
    headings = frozenset(tokenize(" ".join(chunk.heading_path), vocabulary, heads=False))
    where = title | headings
    if chunk.row is not None:
        tokens = frozenset(tokenize(chunk.text, vocabulary, heads=False))
        return [
            Unit(rank, chunk, chunk.text, tokens | title, tokens | where, title, tokens | headings)
        ]
    units = []
    sentences = split_sentences(chunk.text)
    pieces = list(sentences)
    for before, sentence in itertools.pairwise(sentences):
        # "Planen ska uppdateras varje mandatperiod. Kommunstyrelsen ansvarar för att detta
        # görs.": the second sentence answers about the first, which it only points back to
        if not (join_back and _POINTS_BACK.search(sentence)):
            continue
        if not _RESPONSIBLE_EVIDENCE.search(sentence):
            continue  # "Denna avsiktsförklaring gäller ..." is no answer about the one before
        start = chunk.text.find(before)
        end = chunk.text.find(sentence, start + len(before))
        if start < 0 or end < 0:
            continue
        joined = chunk.text[start : end + len(sentence)]
        if "\n" not in joined and len(joined) <= MAX_QUOTE:
            pieces.append(joined)
    for piece in pieces:
        tokens = frozenset(tokenize(piece, vocabulary, heads=False))
        units.append(
            Unit(rank, chunk, piece, tokens | title, tokens | where, title, tokens | headings)
        )
    return units


def topical_coverage(terms: Sequence[Term], unit: Unit) -> float:
    """Coverage of the terms that are not just the name of the document's organisation.

    "i Familjen Helsingborg" picks the document; it says nothing about whether a passage
    answers "vem är ordförande i styrelsen". Names in the title are left out; other title
    words ("överenskommelsen om samverkan") still count.
    """
    topical = [t for t in terms if not (t.required and t.found_in(unit.title))]
    return coverage(topical or terms, unit.context)


def _answers_kind(question: Question, unit: Unit) -> bool:
    """Evidence of the right kind: who is responsible needs a responsible party, and the
    question's own words (not only its names) must be there."""
    if question.kind == "responsible":
        row = unit.chunk.row
        has_column = row is not None and any(
            v and _RESPONSIBLE_HEADER.search(h) for h, v in row.cells
        )
        if (
            not has_column
            and not _RESPONSIBLE_EVIDENCE.search(unit.text)
            and not _label_parties(unit.chunk)
        ):
            return False
    if (
        question.kind == "who"
        and question.asks_person
        and not _new_names(question, unit.text)
        and not _STARTS_WITH_PARTY.match(unit.text)  # "Ekby kommun är värdkommun."
        and "@" not in unit.text  # people named by their addresses
    ):
        return False  # "Vem är rektor?" is not answered by a sentence that names no one
    plain = [t for t in question.terms if not t.required and t.weight > ANSWER_TYPE_WEIGHT]
    return not plain or coverage(plain, unit.context) >= MIN_COVERAGE


def has_span(question: Question, text: str) -> bool:
    """Whether the text holds what a when/how much/how often question asks for.

    A question after a number (diarienummer, telefonnummer) needs digits, one after an
    e-mail address an address: the label alone ("Diarienummer") answers nothing.
    """
    if _ASKS_NUMBER.search(question.text) and not re.search(r"\d", text):
        return False
    if _ASKS_EMAIL.search(question.text) and "@" not in text:
        return False
    pattern = _SPANS.get(question.kind)
    if pattern is None:
        return True
    if pattern.search(text):
        return True
    if question.counted is not None:  # "11 utbildningar" for "hur många utbildningar"
        for match in _COUNTED.finditer(text):
            word = frozenset(tokenize(match.group(1), frozenset()))
            if question.counted.found_in(word):
                return True
    return False


def _term_words(
    text: str, question: Question, vocabulary: frozenset[str], heads: bool = True
) -> list[tuple[tuple[int, int], Term]]:
    """(start, end) of each word of the text that holds one of the question's terms."""
    found = []
    for word in re.finditer(r"[^\W_]+(?:-[^\W_]+)*", text):
        tokens = frozenset(tokenize(word.group(0), vocabulary, heads=heads))
        found.extend((word.span(), term) for term in question.terms if term.found_in(tokens))
    return found


def _nearest_span(
    pattern: re.Pattern[str], text: str, question: Question, vocabulary: frozenset[str]
) -> str:
    """The date/amount/frequency in the text closest to the words the question names.

    "under hösten 2022 och den tidigare halvtidsutvärderingen som genomfördes våren 2020"
    answers "När genomfördes halvtidsutvärderingen?" with 2020, not with the first date.
    """
    matches = list(pattern.finditer(text))
    if len(matches) < 2:
        return matches[0].group(0).strip() if matches else ""
    # the heads of compounds only: "utvärderingsdialogerna" is no evaluation
    anchors = [span for span, _ in _term_words(text, question, vocabulary, heads=False)]
    if not anchors:
        return matches[0].group(0).strip()

    def distance(match: re.Match[str]) -> int:
        return min(max(start - match.end(), match.start() - end, 0) for start, end in anchors)

    return min(matches, key=distance).group(0).strip()


def _bonus(question: Question, unit: Unit) -> float:
    kind = question.kind
    if kind in _SPANS and has_span(question, unit.text):
        return 0.25
    if kind == "responsible":
        row = unit.chunk.row
        if row is not None and any(_RESPONSIBLE_HEADER.search(h) for h, _ in row.cells):
            return 0.25
        if _label_parties(unit.chunk):
            return 0.25
        if _RESPONSIBLE_SENTENCE.search(unit.text):
            return 0.2
    bonus = 0.0
    wants_names = kind in ("list", "who", "responsible") and _wants_names(question)
    if wants_names:
        names = len(_new_names(question, unit.text))
        bonus += min(0.2, 0.05 * names)
        if names >= 2 and _is_enumeration(unit.text):
            bonus += 0.15
        if names == 0 and kind == "list":  # "vilka kommuner": an answer names some
            bonus -= 0.2
    elif kind == "list" and _is_enumeration(unit.text):
        bonus += 0.15
    if _heading_like(unit) and not (kind in _SPANS and _SPANS[kind].search(unit.text)):
        bonus -= 0.2
    return bonus


def _is_enumeration(text: str) -> bool:
    return bool(_ENUMERATION.search(text) or _PARENTHESISED_LIST.search(text))


def _new_names(question: Question, text: str) -> set[str]:
    """Capitalised words of the text that the question does not already name."""
    asked = {w.lower() for w in re.findall(r"\w+", question.text)}
    return {n for n in _NAME_WORD.findall(text) if n.lower() not in asked}


def _wants_names(question: Question) -> bool:
    """ "Vilka kommuner ...", "which parties ...": the answer is a set of named parties."""
    lowered = re.findall(r"\w+", question.text.lower())
    return any(w in _ANSWER_NAMES for w in lowered[1:3])


def _heading_like(unit: Unit) -> bool:
    """A heading line copied into a chunk: short, no sentence end; a poor answer alone."""
    return (
        unit.chunk.row is None
        and not _SENTENCE_FINAL.search(unit.text)
        and len(unit.text.split()) <= 12
    )


def _phrase_bonus(question_tokens: list[str], unit_text: str, vocabulary: frozenset[str]) -> float:
    """Reward the question's words appearing in the same order, side by side."""
    unit_tokens = tokenize(unit_text, vocabulary)
    pairs = set(itertools.pairwise(question_tokens))
    shared = sum(1 for pair in itertools.pairwise(unit_tokens) if pair in pairs)
    return min(0.1, 0.03 * shared)


def _reranked(ranked: Sequence[Scored], hits: Sequence[Hit]) -> list[Hit]:
    """Passages ordered by their best evidence, then the rest in retrieval order."""
    by_id = {h.chunk.chunk_id: h for h in hits}
    order: list[Hit] = []
    seen: set[str] = set()
    for scored in ranked:
        chunk = scored.unit.chunk
        if chunk.chunk_id not in seen:
            seen.add(chunk.chunk_id)
            hit = by_id.get(chunk.chunk_id, Hit(chunk, 0.0))
            order.append(Hit(chunk, round(scored.score, 6), hit.dense_rank, hit.lexical_rank))
    order.extend(h for h in hits if h.chunk.chunk_id not in seen)
    return order


def _list_lines(chunk: Chunk) -> list[str]:
    """The short lines of a chunk (list items), without the heading lines before them."""
    lines = [line.strip() for line in chunk.text.split("\n") if line.strip()]
    lines = [line for line in lines if line not in chunk.heading_path and line != chunk.title]
    short = [line for line in lines if len(line.split()) <= LIST_MAX_ITEM_WORDS]
    return short if len(short) == len(lines) else []


def _mostly_names(items: list[str]) -> bool:
    """Whether most items name a party: "Borås Stad", "Högskolan i Borås", "Ekby kommun"."""
    named = [i for i in items if _PARTY_ITEM.search(i) or len(_CAPITALISED.findall(i)) >= 2]
    return len(named) * 2 >= len(items)


def _lines_after(chunk: Chunk, intro: str) -> tuple[str, list[str]] | None:
    """The verbatim stretch from an introducing line through the list lines after it.

    The list ends at a line unlike its items: a sentence after items that are not
    sentences, a line much longer than the items, or another introduction.
    """
    lines = chunk.text.split("\n")
    offsets = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    for index, line in enumerate(lines):
        if not line.strip().endswith(intro):
            continue
        items: list[tuple[int, str]] = []
        for number in range(index + 1, len(lines)):
            item = lines[number].strip()
            if not item or item.isdigit():  # a page number left by the export
                continue
            words = len(item.split())
            if words > LIST_MAX_INTRODUCED_WORDS or item.endswith(":"):
                break
            if items:
                longest = max(len(text.split()) for _, text in items)
                sentences = all(_SENTENCE_FINAL.search(text) for _, text in items)
                if (_SENTENCE_FINAL.search(item) and not sentences) or (
                    words > 4 and words > 2.5 * longest
                ):
                    break
            items.append((number, item))
        if len(items) < 2:
            return None
        start = offsets[index] + lines[index].find(intro)
        last_number, last_item = items[-1]
        end = offsets[last_number] + lines[last_number].find(last_item) + len(last_item)
        return chunk.text[start:end], [text for _, text in items]
    return None


def _next_sentence(chunk: Chunk, sentence: str) -> str | None:
    sentences = split_sentences(chunk.text)
    if sentence in sentences:
        index = sentences.index(sentence)
        if index + 1 < len(sentences):
            return sentences[index + 1]
    return None


def rank_evidence(
    question: Question, hits: Sequence[Hit], vocabulary: frozenset[str]
) -> list[Scored]:
    question_tokens = tokenize(question.search_text, vocabulary)
    asked = frozenset(question_tokens) | frozenset(
        tokenize(question.search_text, vocabulary, False)
    )
    join_back = question.kind in ("who", "responsible")
    scored: list[Scored] = []
    for rank, hit in enumerate(hits):
        for unit in _units(rank, hit.chunk, vocabulary, join_back):
            if not all(t.found_in(unit.context) for t in question.terms if t.required):
                continue
            own = coverage(question.terms, unit.tokens)
            full = topical_coverage(question.terms, unit)
            if not (has_span(question, unit.text) and _answers_kind(question, unit)):
                full = min(full, MIN_COVERAGE - 0.01)  # a "when" answer needs a date
            beyond_title = [t for t in question.terms if not t.found_in(unit.title)]
            if (
                question.kind not in _SPANS
                and beyond_title
                and not any(t.found_in(unit.words) for t in beyond_title)
            ):
                # the passage matches only the document's name ("avsiktsförklaringen för
                # Sjuhärad"): it says nothing about what the question asks
                full = min(full, MIN_COVERAGE - 0.01)
            restates = question.kind == "yesno" or unit.text.endswith(":")
            if not (unit.tokens - unit.title - asked) and not restates:
                full = min(full, MIN_COVERAGE - 0.01)  # "Diarienummer" alone answers nothing
            score = (
                0.55 * own
                + 0.3 * full
                + _bonus(question, unit)
                + _phrase_bonus(question_tokens, unit.text, vocabulary)
                + 0.1 / (1 + rank)
            )
            scored.append(Scored(unit, score, full))
    scored.sort(key=lambda s: -s.score)
    return scored


def _quote(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_QUOTE:
        cut = text[:MAX_QUOTE].rsplit(" ", 1)[0]
        text = cut + " …"
    return text


def _window(text: str, question: Question, vocabulary: frozenset[str]) -> str:
    """A quote that is too long, cut to the stretch holding most of what the question names.

    Windows start at a sentence or cell boundary; "…" marks what is left out either side.
    """
    text = text.strip()
    if len(text) <= MAX_QUOTE:
        return text
    found = [(span[0], term) for span, term in _term_words(text, question, vocabulary)]
    if not found:
        return _quote(text)
    starts = sorted({0} | {m.end() for m in re.finditer(r"(?<=[.!?:;])\s+|\s\|\s", text)})

    def fit(start: int) -> tuple[float, int]:
        """Weight of the terms in the window; then the least text before the first one."""
        inside = [(at, term) for at, term in found if start <= at < start + MAX_QUOTE]
        weight = sum({term.surface: term.weight for _, term in inside}.values())
        lead = min((at for at, _ in inside), default=len(text)) - start
        return weight, -lead

    best = max(starts, key=fit)
    if best == 0:
        return _quote(text)
    return "… " + _quote(text[best:])


def _q(language: str, text: str) -> str:
    return f"”{_quote(text)}”" if language == "sv" else f"“{_quote(text)}”"


def _item_cell(chunk: Chunk, question: Question, vocabulary: frozenset[str]) -> tuple[str, str]:
    """The (header, value) of a row that best answers the question (not the responsible one).

    For when/how much/how often questions only cells holding a date or amount compete.
    """
    assert chunk.row is not None
    cells = [
        (index, header, value)
        for index, header, value in _visible_cells(chunk)
        if not _RESPONSIBLE_HEADER.search(header)
    ]
    pattern = _SPANS.get(question.kind)
    if pattern is not None:
        with_span = [c for c in cells if has_span(question, c[2])]
        cells = with_span or cells
    else:  # "Senast 31 december 2025" names no measure: not what "för ..." should quote
        named = [c for c in cells if not _only_date(c[2])]
        cells = named or cells
    best, best_score = ("", chunk.text), -1.0
    for index, header, value in cells:
        tokens = frozenset(tokenize(value, vocabulary))
        score = coverage(question.terms, tokens) + (0.01 * index)  # later columns are specific
        if _wants_names(question):
            score += min(0.3, 0.1 * len(_new_names(question, value)))
        if pattern is not None and len(with_span) > 1 and _only_date(value):
            # a date column ("Tidplan: Senast 31 maj 2025") before a measure that merely
            # mentions a year ("inför upphandlingen efter 2027")
            score += 1.0
        if score > best_score:
            best, best_score = (header, value), score
    return best


def _only_date(text: str) -> bool:
    """A cell that is a date or period and little else ("Senast 31 december 2025")."""
    match = _SPANS["when"].search(text)
    return match is not None and len(text.split()) <= len(match.group(0).split()) + 3


def _visible_cells(chunk: Chunk) -> list[tuple[int, str, str]]:
    """(column, header, value) of the cells this chunk shows, whole or in part.

    A long record is chunked in pieces that repeat its label; a cell cut across pieces
    is represented by the part of it that this piece holds (verbatim).
    """
    assert chunk.row is not None
    out: list[tuple[int, str, str]] = []
    segments = chunk.text.split(" | ")
    for index, (header, value) in enumerate(chunk.row.cells):
        if not value:
            continue
        if value in chunk.text:
            out.append((index, header, value))
            continue
        for segment in segments[1:]:
            part = segment.removeprefix(f"{header}: ") if header else segment
            if len(part.split()) >= 3 and part in value:
                out.append((index, header, part))
    return out


def _responsible(chunk: Chunk) -> str | None:
    if chunk.row is None:
        return None
    for header, value in chunk.row.cells:
        if value and _RESPONSIBLE_HEADER.search(header):
            return value
    return None


def _label_parties(chunk: Chunk) -> str | None:
    """The row's first cell when it ends with the parties in charge in parentheses.

    Plans without a responsible column often name the municipalities that run a focus
    issue after its label; the whole label is then the evidence of who is responsible.
    """
    if chunk.row is None or _responsible(chunk):
        return None
    label = next((v for _, v in chunk.row.cells if v), "")
    parts = _label_names(label)
    if label not in chunk.text or len(parts) < 2:
        return None
    if not all(_PARTY_NAMES.fullmatch(p) for p in parts):
        return None
    return label


def _label_names(label: str) -> list[str]:
    """The names in the parentheses that end a row label, or []."""
    match = _LABEL_PARTIES.search(label)
    if match is None:
        return []
    parts = (p.strip() for p in re.split(r",|\boch\b|\band\b|&", match.group(1)))
    return [p for p in parts if p]


def _item_value(chunk: Chunk) -> str:
    """The cell of a record that holds its numbered item, else its last non-responsible cell."""
    assert chunk.row is not None
    values = [v for _, h, v in _visible_cells(chunk) if not _RESPONSIBLE_HEADER.search(h)]
    for value in values:
        if _item_number(value):
            return value
    named = [v for v in values if not _only_date(v)]  # not the "Klart senast" column
    return (named or values)[-1] if values else ""


def _row_label(chunk: Chunk) -> str:
    """The record's first cell when it is short enough to name the row ("Mål 3 Lärande")."""
    assert chunk.row is not None
    values = [v for h, v in chunk.row.cells if v and not _RESPONSIBLE_HEADER.search(h)]
    if values and len(values[0].split()) <= LIST_MAX_ITEM_WORDS and values[0] in chunk.text:
        return values[0]
    return ""


def _group_cell(
    chunk: Chunk, terms: Sequence[Term], vocabulary: frozenset[str]
) -> tuple[str, str] | None:
    """The (header, value) of a grouping cell the question names ("Område: Kollektivtrafik")."""
    assert chunk.row is not None
    item = _item_value(chunk)
    for header, value in chunk.row.cells:
        if not header or not value or value == item or _RESPONSIBLE_HEADER.search(header):
            continue
        tokens = frozenset(tokenize(value, vocabulary, heads=False))
        if coverage(terms, tokens) >= MIN_COVERAGE:
            return header, value
    return None


def _row_number(chunk: Chunk) -> str | None:
    """The item number (3.1, 1.16) of a table record, from the cell that holds it."""
    if chunk.row is None:
        return None
    for header, value in chunk.row.cells:
        if value and not _RESPONSIBLE_HEADER.search(header):
            number = _item_number(value)
            if number:
                return number
    return None


def _item_number(text: str) -> str | None:
    match = _ITEM.search(" " + text)
    return match.group(1) if match else None


class Composer:
    """Turns ranked evidence into an Answer in the question's language."""

    def __init__(
        self,
        vocabulary: frozenset[str],
        section_rows: Callable[[Chunk], list[Chunk]],
        document_chunks: Callable[[str], list[Chunk]],
    ) -> None:
        self.vocabulary = vocabulary
        self.section_rows = section_rows
        self.document_chunks = document_chunks

    def _candidates(self, question: Question, hits: Sequence[Hit]) -> list[Hit]:
        """The hits, and for questions after names, the enumerations of the same documents.

        Lists of parties ("mellan kommunerna Burlöv, Eslöv, ...") share few words with
        "Vilka kommuner ingår?", so retrieval alone often misses them.
        """
        candidates = list(hits[:EVIDENCE_HITS])
        if not (question.kind in ("list", "who") and _wants_names(question)):
            return candidates
        seen = {h.chunk.chunk_id for h in candidates}
        doc_ids = list(dict.fromkeys(h.chunk.doc_id for h in hits[:3]))
        for doc_id in doc_ids:
            for chunk in self.document_chunks(doc_id):
                if chunk.chunk_id in seen:
                    continue
                if len(_NAME_WORD.findall(chunk.text)) >= 3 and _is_enumeration(chunk.text):
                    candidates.append(Hit(chunk, 0.0))
                    seen.add(chunk.chunk_id)
        return candidates

    def compose(self, question: Question, hits: Sequence[Hit], absent: bool) -> Answer:
        lang = question.language
        candidates = self._candidates(question, hits)
        ranked = [] if absent else rank_evidence(question, candidates, self.vocabulary)
        ranked = [r for r in ranked if r.coverage >= MIN_COVERAGE]
        if not ranked:
            return Answer(NOT_FOUND[lang], False, lang, (), tuple(hits))
        if question.kind in ("list", "who"):
            introduced = self._introduced_list(question, ranked, candidates)
            if introduced is not None:
                return introduced
        if question.kind == "list":
            listed = self._section_list(question, candidates, ranked[0])
            if listed is not None:
                return listed
        hits = _reranked(ranked, hits)
        best = ranked[0]
        chunk = best.unit.chunk
        if question.kind in ("responsible", "who") and _responsible(chunk):
            # "Vem driver frågan om ...?" answered by a row: its responsible party
            return self._responsible_answer(question, ranked, hits)
        label = _label_parties(chunk) if question.kind == "responsible" else None
        if label:
            if not self._named_elsewhere(label, chunk):
                # "(Miljö, Klimat)" names topics, not parties: no answer rather than a guess
                return Answer(NOT_FOUND[lang], False, lang, (), tuple(hits))
            return self._quoted(question, [(chunk, label)], hits)
        if chunk.row is not None:
            header, value = _item_cell(chunk, question, self.vocabulary)
            item = _item_value(chunk) if _row_number(chunk) else _row_label(chunk)
            if question.kind in _SPANS and item and value != item and header:
                # "Klart senast: 2027 [1] (”2.3 Fiber till alla byar”)"
                text = f"{header}: {value} [1] ({_q(question.language, item)})"
                citation = Citation(1, chunk, value)
                return Answer(text, True, question.language, (citation,), tuple(hits))
            return self._quoted(question, [(chunk, value)], hits)
        picks = [(chunk, best.unit.text)]
        if question.kind == "list" and not _is_enumeration(best.unit.text):
            following = _next_sentence(chunk, best.unit.text)
            if following and _is_enumeration(following):
                return self._quoted(question, [(chunk, f"{best.unit.text} {following}")], hits)
        for other in ranked[1:4]:
            if other.score < SECOND_SENTENCE_RATIO * best.score or other.coverage < MIN_COVERAGE:
                break
            if (
                not other.unit.text.endswith(":")
                and other.unit.text not in best.unit.text
                and best.unit.text not in other.unit.text
                and other.unit.chunk.row is None
                and other.unit.chunk.doc_id == chunk.doc_id  # one answer, one document
            ):
                picks.append((other.unit.chunk, other.unit.text))
                break
        return self._quoted(question, picks, hits)

    def _named_elsewhere(self, label: str, chunk: Chunk) -> bool:
        """Whether each parenthesised name of a row label is written as a name elsewhere
        in the document (Kävlinge in "mellan kommunerna Burlöv, Eslöv, ... Kävlinge")."""
        names = [name for part in _label_names(label) for name in part.split()]
        others = (
            " ".join(c.text.replace(label, " ") for c in self.document_chunks(chunk.doc_id))
            + f" {chunk.title}"
        )
        return bool(names) and all(
            re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(name)}s?\b", others) for name in names
        )

    def _introduced_list(
        self, question: Question, ranked: Sequence[Scored], hits: Sequence[Hit]
    ) -> Answer | None:
        """ "Parter i denna avsiktsförklaring är:" and the lines that follow it.

        A sentence that ends with a colon introduces the answer; the list items after it
        hold the names the question asks for but few of its words.
        """
        best = ranked[0]
        kind_words = [  # "vilka parter", "which municipalities": what the list should be of
            t
            for t in question.terms
            if t.weight <= ANSWER_TYPE_WEIGHT or t.surface.lower() in _ANSWER_NAMES
        ]
        intros: list[tuple[bool, float, Scored, tuple[str, list[str]]]] = []
        for scored in ranked:
            if scored.coverage < max(MIN_COVERAGE, best.coverage - 0.15):
                continue
            if not kind_words and scored.score < INTRO_SCORE_RATIO * best.score:
                continue
            if scored.unit.chunk.row is not None or not scored.unit.text.endswith(":"):
                continue
            found = _lines_after(scored.unit.chunk, scored.unit.text)
            if found is not None:
                # "Parter ... är:" before "följande områden:" for "vilka parter"
                own = frozenset(tokenize(scored.unit.text, self.vocabulary, heads=False))
                names_kind = any(t.found_in(own) for t in kind_words)
                if kind_words and not names_kind:
                    continue  # "följande verksamheter:" does not list "vilka kommuner"
                if question.kind == "who" and not _mostly_names(found[1]):
                    continue  # "vem följer upp" is not answered by "Styrgrupp, Beredningsgrupp"
                intros.append((names_kind, scored.score, scored, found))
        if intros:
            _, _, scored, found = max(intros, key=lambda x: (x[0], x[1]))
            quote, items = found
            lang = question.language
            shown = ", ".join(_q(lang, item) for item in items)
            if len(shown) > MAX_ANSWER:  # each item by its name, before the first comma
                shown = ", ".join(_q(lang, item.split(", ")[0]) for item in items)
            if len(shown) > MAX_ANSWER:
                shown = shown[:MAX_ANSWER].rsplit("”,", 1)[0].rsplit("”,", 1)[0] + "”, …"
            text = f"{_q(lang, scored.unit.text)} {shown} [1]"
            citation = Citation(1, scored.unit.chunk, quote)
            return Answer(text, True, lang, (citation,), tuple(_reranked(ranked, hits)))
        return None

    def _section_list(
        self, question: Question, candidates: Sequence[Hit], best: Scored
    ) -> Answer | None:
        """ "Vilka projekt har avslutats?" answered by the list under "Avslutade viktiga projekt".

        Used when a heading matches the question better than any sentence does.
        """
        best_own = coverage(question.terms, best.unit.tokens)
        chosen: tuple[float, Chunk] | None = None
        for hit in candidates:
            chunk = hit.chunk
            if chunk.row is not None or not chunk.heading_path:
                continue
            if len(_list_lines(chunk)) < LIST_MIN_ITEMS:
                continue
            heading = frozenset(tokenize(chunk.heading_path[-1], self.vocabulary, heads=False))
            title = frozenset(tokenize(chunk.title, self.vocabulary, heads=False))
            terms = [t for t in question.terms if not (t.required and t.found_in(title))]
            score = coverage(terms or question.terms, heading | title)
            if not any(t.found_in(heading) for t in terms or question.terms):
                continue  # "Kontakt" matches "vilka kommuner i Nordostkommunerna" by title only
            if score >= LIST_MIN_HEADING and score >= best_own:
                earlier = chosen is not None and chunk.position > chosen[1].position
                if chosen is None or score > chosen[0] or (score == chosen[0] and not earlier):
                    chosen = (score, chunk)
        if chosen is None:
            return None
        first = chosen[1]
        section = [
            c
            for c in self.document_chunks(first.doc_id)
            if c.heading_path == first.heading_path and c.row is None
        ] or [first]
        lang = question.language
        groups: list[str] = []
        citations: list[Citation] = []
        for chunk in section:
            lines = _list_lines(chunk)
            if not lines:
                continue
            citations.append(Citation(len(citations) + 1, chunk, "\n".join(lines)))
            groups.append(", ".join(_q(lang, line) for line in lines) + f" [{len(citations)}]")
            if sum(len(g) for g in groups) > MAX_ANSWER:
                break
        text = "; ".join(groups)
        if len(text) > MAX_ANSWER:
            cut = text[:MAX_ANSWER].rsplit("”,", 1)[0].rsplit("”,", 1)[0]
            text = f"{cut}”, … [{len(citations)}]"
        heading = first.heading_path[-1]
        lead = (
            f"Under rubriken ”{heading}”: " if lang == "sv" else f"Under the heading “{heading}”: "
        )
        return Answer(lead + text, True, lang, tuple(citations), tuple(candidates))

    def _quoted(
        self, question: Question, picks: list[tuple[Chunk, str]], hits: Sequence[Hit]
    ) -> Answer:
        lang = question.language
        citations: list[Citation] = []
        parts: list[str] = []
        span_pattern = _SPANS.get(question.kind)
        lead = ""
        for chunk, text in picks:
            n = len(citations) + 1
            citations.append(Citation(n, chunk, text))
            parts.append(f"{_q(lang, _window(text, question, self.vocabulary))} [{n}]")
            if not lead and span_pattern is not None:
                lead = _nearest_span(span_pattern, text, question, self.vocabulary)
        body = " ".join(parts)
        if len(body) > MAX_ANSWER and len(parts) > 1:
            body, citations = parts[0], citations[:1]
        if lead:
            text = f"{lead[:1].upper()}{lead[1:]}: {body}"
        elif lang == "en":
            text = f"The documents say: {body}"
        else:
            text = body
        return Answer(text, True, lang, tuple(citations), tuple(hits))

    def _responsible_answer(
        self, question: Question, ranked: list[Scored], hits: Sequence[Hit]
    ) -> Answer:
        lang = question.language
        best = ranked[0]
        chunk = best.unit.chunk
        item_tokens = frozenset(tokenize(_item_value(chunk), self.vocabulary))
        topical = [t for t in question.terms if not (t.required and t.found_in(best.unit.title))]
        rows = [chunk]
        summary = coverage(topical or question.terms, item_tokens) < SECTION_ITEM_COVERAGE
        if summary:
            # the question names a group ("kollektivtrafiken") or the section ("miljömålen"),
            # not one item: every row of that group or section, by responsible party
            rows = self.section_rows(chunk) or [chunk]
            group = _group_cell(chunk, topical or question.terms, self.vocabulary)
            if group is not None:
                rows = [r for r in rows if r.row is not None and r.row.value(group[0]) == group[1]]
        else:  # equally good rows of the same table and party (4.3 and 4.4 both Landskrona)
            party = _responsible(chunk)
            for other in ranked[1:6]:
                row = other.unit.chunk
                if (
                    other.score >= 0.9 * best.score
                    and row.row is not None
                    and row.heading_path == chunk.heading_path
                    and row not in rows
                    and _responsible(row) == party
                ):
                    rows.append(row)
            rows.sort(key=lambda r: r.position)
        records: set[tuple[int, int, int | None]] = set()
        whole: list[Chunk] = []
        for row in rows:  # the pieces of one long record count once
            if row.row is None:
                continue
            record = (row.row.table, row.row.row, row.row.item)
            if record not in records:
                records.add(record)
                whole.append(row)
        rows = whole
        groups: dict[str, list[Chunk]] = {}
        for row in rows:
            party = _responsible(row)
            if party:
                groups.setdefault(party, []).append(row)
        citations: list[Citation] = []
        parts: list[str] = []

        def item_of(row: Chunk) -> str:
            return _item_value(row) if summary else _item_cell(row, question, self.vocabulary)[1]

        for party, members in list(groups.items())[:4]:
            first = members[0]
            n = len(citations) + 1
            item = item_of(first)
            citations.append(Citation(n, first, item))
            numbers = [x for x in (_row_number(m) for m in members) if x]
            if len(members) > 3 and numbers:
                span = numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
                what = f"mål {span}" if lang == "sv" else f"items {span}"
                parts.append(f"{party} [{n}] ({what})")
            elif len(members) > 1:
                items = [item_of(m) for m in members]
                if len(set(items)) < len(items):  # rows sharing a goal: quote their own items
                    items = [_item_value(m) for m in members]
                    citations[-1] = Citation(n, first, items[0])
                marks = [f"[{n}]"]
                quotes = [_q(lang, items[0])]
                for extra, extra_item in zip(members[1:], items[1:], strict=True):
                    m = len(citations) + 1
                    citations.append(Citation(m, extra, extra_item))
                    marks.append(f"[{m}]")
                    quotes.append(_q(lang, extra_item))
                label = "för" if lang == "sv" else "for"
                parts.append(f"{party} {' '.join(marks)} ({label} {', '.join(quotes)})")
            else:
                label = "för" if lang == "sv" else "for"
                parts.append(f"{party} [{n}] ({label} {_q(lang, item)})")
        joiner = " och " if lang == "sv" else " and "
        prefix = "Ansvarig: " if lang == "sv" else "Responsible: "
        text = prefix + (joiner.join(parts) if len(parts) < 3 else "; ".join(parts))
        if len(rows) == 1 and _ALSO_WHEN.search(question.text) and rows[0].row is not None:
            # "Vem ansvarar för X, och när ska den vara klar?": the row's date column too
            for _, header, value in _visible_cells(rows[0]):
                if header and _only_date(value) and value != citations[0].quote:
                    text += f"; {header}: {value} [1]"
                    break
        return Answer(text, True, lang, tuple(citations), tuple(hits))
