"""Question analysis: language, kind of question, and the key terms evidence must contain."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

from assistant.qa.forms import present_in
from assistant.qa.lexicon import lookup, swedish_synonyms, translate
from assistant.qa.thesaurus import thesaurus_synonyms
from assistant.types import Language
from ingest.lexical import STOPWORDS, compound_parts, stem, words

Kind = Literal["responsible", "who", "list", "when", "amount", "frequency", "yesno", "what"]
KINDS: tuple[Kind, ...] = get_args(Kind)

_EN_MARKERS = frozenset(
    (
        "who what which when where why how is are was were the of does do did in for to a "
        "an and by with from responsible many much often there this that it its has have"
    ).split()
)
_SV_MARKERS = frozenset(
    (
        "vem vad vilken vilket vilka när var varför hur är och för av med som det den har "
        "ska till på om i inom finns gäller ansvarar"
    ).split()
)
_QUESTION_WORDS = frozenset(
    (
        "vem vems vad vilken vilket vilka när var varför hur finns who whom whose what "
        "which when where why how"
    ).split()
)
_EN_STOPWORDS = frozenset(
    (
        "is are was were be been being the a an of for in on to does do did and or by "
        "with from at its it this that there will would should must can could about as "
        "into per has have had any some their they them his her s"
    ).split()
)
# Words that frame the kind of answer wanted rather than naming what it is about.
_FRAME_STEMS = frozenset(
    stem(w)
    for w in (
        "ansvarar ansvarig ansvariga ansvaret ansvar huvudansvar huvudansvaret "
        "responsible responsibility ske sker finns finnas fanns heter kallas"
    ).split()
)
# Verbs that say a document mentions something ("vilken färjelinje nämns", "what is stated
# about"): they describe the question, the passage need not contain them.
_MENTION_STEMS = frozenset(
    stem(w)
    for w in "nämns nämner omnämns omnämner anges anger beskrivs beskriver framgår "
    "sägs står skrivs pekas pekar".split()
)
_MENTION_WORDS = frozenset(
    "mention mentions mentioned state states stated describe describes described say says "
    "said written".split()
)
_ANSWER_TYPE_WEIGHT = 0.3
# Modal and light verbs, verb particles and possessives: a question's grammar, not its
# topic ("vill ... delta", "kom överens om sitt program", "ta fram", "gås igenom"). They
# weigh like answer-type words, so a passage is not refused for phrasing them otherwise.
_LIGHT_WORDS = frozenset(
    (
        "called named name document section make makes take takes get gets go goes "
        "vill ville får fick bör borde måste kommer kom kunna brukar brukade lär "
        "ta tar tas tog tagit göra gör görs gjorde gjort gjordes "
        "fram igenom in bort ihop tillbaka iväg "
        "sitt sin sina egen eget egna"
    ).split()
)
# An English word with no Swedish rendering cannot be checked in the documents; it still
# counts against coverage, so a question about something unknown is not answered anyway.
_UNKNOWN_ENGLISH_WEIGHT = 1.0
# "hur stor", "how many": the question's frame, not something the evidence must contain.
_AFTER_HOW = frozenset(
    "stor stort stora många mycket ofta länge lång långt much many often long".split()
)
# Words that name parts of a document rather than what it says.
_STRUCTURE_STEMS = frozenset(
    stem(w)
    for w in "målområde målområdet område området avsnitt avsnittet kapitel kapitlet "
    "rubrik rubriken punkt punkten tabell tabellen dokument dokumentet".split()
)

_WHO_IS = re.compile(r"^(vem|vilka|who) (är|var|blir|blev|is|was|are|were|will be)\b", re.I)
_KIND_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    (
        "responsible",
        re.compile(
            r"\b(ansvar\w*|huvudansvar\w*|responsib\w*|in charge)\b|"
            r"^(vem|vilka|vilken \w+) (ska |skall )?(se|ser) till att\b"
        ),
    ),
    (
        "frequency",
        re.compile(r"\b(hur ofta|how often|how frequently|hur många gånger|how many times)\b"),
    ),
    (
        "amount",
        re.compile(
            r"\b(hur (mycket|stor\w*|många|lång\w*)|vad kostar|how (much|many|large|big|long)|"
            r"what does .* cost|belopp|summa)\b"
        ),
    ),
    (
        "when",
        re.compile(
            r"^(när|when)\b|\b(vilket (datum|år)|vilken (period|tidsperiod)|vilka år|"
            r"(what|which) (date|year|period|time)|senast|deadline|by when|from when|until when|"
            r"since when|sedan när)\b"
        ),
    ),
    (
        "who",
        re.compile(
            r"^(vem|vilken kommun|vilken organisation|who|"
            r"(which|what) (municipality|organi[sz]ation|party|body|authority)\b)"
        ),
    ),
    # Swedish marks the plural ("vilka"); English only by the noun or verb after which/what
    # ("which municipalities", "what are"), so "what is the fee" is not a list question.
    (
        "list",
        re.compile(
            r"^vilka\b|^(which|what) (are|were|(?:(?!(?:does|did|do|is|was|has|have)\b)[a-z]+ )?"
            r"(?!(?:does|has|was|this|its|is)\b)[a-z]+[^su\W]s)\b"
        ),
    ),
    (
        "yesno",
        re.compile(
            r"^(innebär|finns|har|är|ska|kan|gäller|får|måste|does|do|is|are|can|will|has|have|must)\b"
        ),
    ),
]


@dataclass(frozen=True)
class Term:
    """A key term of the question and the stem sequences that count as finding it."""

    surface: str
    alternatives: tuple[tuple[str, ...], ...]
    weight: float
    required: bool = False  # names and numbers must be found in the evidence

    # what found_in answered, by token set (a question looks at the same sets again and
    # again; a frozenset keeps its hash): not part of the term's value
    _found: dict[frozenset[str], bool] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )

    def found_in(self, tokens: frozenset[str]) -> bool:
        found = self._found.get(tokens)
        if found is None:
            found = any(all(present_in(s, tokens) for s in alt) for alt in self.alternatives)
            self._found[tokens] = found
        return found


@dataclass(frozen=True)
class Question:
    text: str
    language: Language
    kind: Kind
    terms: tuple[Term, ...]
    search_text: str  # the question plus Swedish renderings of English words
    counted: Term | None = None  # "hur många utbildningar": utbildningar
    asks_person: bool = False  # "vem är ordförande": the answer names someone


def detect_language(text: str) -> Language:
    tokens = re.findall(r"[a-zåäöé']+", text.lower())
    english = sum(t in _EN_MARKERS for t in tokens)
    swedish = sum(t in _SV_MARKERS for t in tokens) + 2 * len(re.findall(r"[åäö]", text.lower()))
    names = len(re.findall(r"\b[A-ZÅÄÖ][a-zåäö]*[åäö][a-zåäö]*", text))
    swedish -= 2 * names  # Swedish names in an English question do not make it Swedish
    return "en" if english > swedish else "sv"


def question_kind(text: str) -> Kind:
    lowered = text.lower().strip()
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(lowered):
            return kind
    return "what"


_ENGLISH_CAPITALISED = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _english_common_word(word: str, vocabulary: frozenset[str]) -> bool:
    """An English word of the glossary that the documents never use (County, Council)."""
    return stem(word) not in vocabulary and word not in vocabulary and bool(lookup(word))


def _is_name(raw: str, position: int) -> bool:
    if raw.lower() in _ENGLISH_CAPITALISED:  # "in October 2016": a month, not a name
        return False
    return any(ch.isdigit() for ch in raw) or (position > 0 and raw[:1].isupper())


def _alternatives(word: str, vocabulary: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """Stem sequences that count as the word: itself, its hyphen parts, its compound parts."""
    if "-" in word:  # Kävlinge-Örkelljunga, 2016-2018: every part must be there
        parts = [p for p in word.lower().split("-") if p and p not in STOPWORDS]
        if not parts:
            return ()
        stems = tuple(stem(p) for p in parts)
        # the genitive the documents write ("Dals-Eds kommun"); the stemmer leaves a
        # short name's -s on ("eds")
        genitive = (*stems[:-1], stem(parts[-1] + "s"))
        return (stems, genitive) if genitive != stems and parts[-1].isalpha() else (stems,)
    alts: list[tuple[str, ...]] = [(stem(word.lower()),)]
    parts = compound_parts(word.lower(), vocabulary)
    if parts:
        alts.append(tuple(parts))
    return tuple(alts)


def _phrase_alternatives(phrase: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    stems: list[str] = []
    for word in words(phrase):
        if word not in STOPWORDS:
            stems.append(stem(word))
    return tuple(stems)


def analyse(
    text: str, vocabulary: frozenset[str], document_frequency: dict[str, int], chunk_count: int
) -> Question:
    """The language, kind and weighted key terms of a question."""
    language = detect_language(text)
    kind = question_kind(text)
    analysis = _Analysis(language, vocabulary, document_frequency, chunk_count)
    raw_words = re.findall(r"\d+(?:\.\d+)+|[^\W_]+(?:[-'][^\W_]+)*", text)  # "4.4": one
    lowered = [w.lower().split("'")[0] for w in raw_words]
    consumed = analysis.translated_terms(raw_words, lowered) if language == "en" else set()
    previous = ""
    for position, (raw, word) in enumerate(zip(raw_words, lowered, strict=True)):
        after_question_word = previous in {"vilken", "vilket", "vilka", "which", "what"}
        after_how = previous in {"hur", "how"}
        previous = word
        if after_how and word in _AFTER_HOW:
            continue
        if position not in consumed:
            analysis.word_term(raw, word, position, after_question_word)
    terms = analysis.terms
    asks_person = kind == "who" and bool(_WHO_IS.match(text.strip()))
    if asks_person:
        # "Vem är ordförande i styrelsen?": the role itself must be in the evidence
        for index, term in enumerate(terms):
            if not term.required and term.weight > _ANSWER_TYPE_WEIGHT:
                terms[index] = replace(term, required=True)
                break
    search_text = " ".join([text, *analysis.extra])
    return Question(
        text, language, kind, tuple(terms), search_text, _counted(lowered, terms), asks_person
    )


class _Analysis:
    """The terms of one question as they are found, and what they add to the search."""

    def __init__(
        self,
        language: Language,
        vocabulary: frozenset[str],
        document_frequency: dict[str, int],
        chunk_count: int,
    ) -> None:
        self.language = language
        self.vocabulary = vocabulary
        self.document_frequency = document_frequency
        self.chunk_count = chunk_count
        self.terms: list[Term] = []
        self.extra: list[str] = []  # Swedish renderings and synonyms, for the search

    def idf(self, alternatives: tuple[tuple[str, ...], ...]) -> float:
        best = math.log(1 + self.chunk_count)
        for alt in alternatives:
            df = min((self.document_frequency.get(s, 0) for s in alt), default=0)
            if df:
                best = min(best, math.log(1 + self.chunk_count / df))
        return max(best, 0.2)

    def translated_terms(self, raw_words: list[str], lowered: list[str]) -> set[int]:
        """Terms for the English phrases the glossaries render; the positions they cover.

        Names (capitalised after the first word) are never translated: Business Region
        Halmstad. A capitalised English word the documents never use is part of an English
        name ("Stockholm County", "County Council") and is translated when a glossary
        knows it."""
        masked = [
            "\x00"
            if position > 0
            and raw[:1].isupper()
            and word not in _ENGLISH_CAPITALISED
            and not _english_common_word(word, self.vocabulary)
            else word
            for position, (raw, word) in enumerate(zip(raw_words, lowered, strict=True))
        ]
        translated = dict(translate(masked))
        consumed: set[int] = set()
        i = 0
        while translated and i < len(masked):
            for size in range(4, 0, -1):
                phrase = " ".join(masked[i : i + size])
                if phrase in translated:
                    self._phrase_term(phrase, translated[phrase])
                    consumed.update(range(i, i + size))
                    i += size
                    break
            else:
                i += 1
        return consumed

    def _phrase_term(self, phrase: str, renderings: tuple[str, ...]) -> None:
        alts = tuple(_phrase_alternatives(r, self.vocabulary) for r in renderings)
        alts = tuple(a for a in alts if a)
        frame = any(stem(w) in _FRAME_STEMS for w in phrase.split())
        if alts and not frame:
            self.terms.append(Term(phrase, alts, self.idf(alts)))
        self.extra.extend(renderings)

    def word_term(self, raw: str, word: str, position: int, after_question_word: bool) -> None:
        """The term of a word of the question, if it is one."""
        if word in _QUESTION_WORDS:
            return
        # single digits count: "insats nummer 9" asks for item 9, not any item
        if word in STOPWORDS or word in _EN_STOPWORDS or (len(word) < 2 and not word.isdigit()):
            return
        if word in _MENTION_WORDS or stem(word) in _MENTION_STEMS:
            return
        alts = self._word_alternatives(word)
        if not alts or stem(word) in _FRAME_STEMS:
            return
        name = _is_name(raw, position)
        genitive = (stem(word + "s"),)
        if name and word.isalpha() and genitive not in alts:  # "Eds kommun" for "Ed"
            alts = (*alts, genitive)
        weight = self._weight(word, alts, name, after_question_word)
        if weight > 0:
            self.terms.append(Term(raw, alts, weight, required=name))

    def _word_alternatives(self, word: str) -> tuple[tuple[str, ...], ...]:
        alts = _alternatives(word, self.vocabulary)
        if not alts:
            return alts
        synonyms = swedish_synonyms().get(stem(word), ())
        if synonyms:
            more = (_phrase_alternatives(r, self.vocabulary) for r in synonyms)
            alts = alts + tuple(a for a in more if a)
            self.extra.extend(synonyms)
        # the thesaurus widens what counts as finding the word, not the search itself
        sv = self.language == "sv"
        paraphrases = thesaurus_synonyms().get(stem(word), ()) if sv else ()
        if paraphrases:
            more = (_phrase_alternatives(r, self.vocabulary) for r in paraphrases)
            alts = alts + tuple(a for a in more if a)
        return alts

    def _weight(
        self, word: str, alts: tuple[tuple[str, ...], ...], name: bool, after_question_word: bool
    ) -> float:
        vocabulary, frequency = self.vocabulary, self.document_frequency
        known = any(all(s in vocabulary or frequency.get(s) for s in a) for a in alts)
        if word in _LIGHT_WORDS and not name:
            return _ANSWER_TYPE_WEIGHT
        if self.language == "en" and not name and not known:
            return _UNKNOWN_ENGLISH_WEIGHT  # an English word we cannot look for
        if (after_question_word or stem(word) in _STRUCTURE_STEMS) and not name and known:
            # "vilken kommun", "målområdet": not the topic. A word the documents never use
            # ("vilken tunnelbana") is the topic itself and keeps its full weight.
            return _ANSWER_TYPE_WEIGHT
        return self.idf(alts)


def _counted(lowered: list[str], terms: list[Term]) -> Term | None:
    """The term counted by "hur många X" / "how many X", if any."""
    for i, word in enumerate(lowered[:-1]):
        if word in ("många", "many") and i > 0 and lowered[i - 1] in ("hur", "how"):
            following = lowered[i + 1]
            for term in terms:
                if term.surface.lower().split()[0] == following:
                    return term
    return None
