"""Features of candidate evidence: how well a retrieved passage answers a question.

Each candidate passage gets a vector of features (retrieval scores, coverage of the
question's names, numbers and content words at passage and sentence level, answer-type
match, heading and title matches, the document's own words). A fitted scorer
(assistant.qa.scorer) turns them into the probability that the passage holds the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.qa.patterns import (
    ASKS_EMAIL,
    ASKS_NUMBER,
    ENUMERATION,
    NAME_WORD,
    NUMBER,
    RESPONSIBLE_EVIDENCE,
    RESPONSIBLE_HEADER,
    SPANS,
)
from assistant.qa.positions import focus, nearness, term_positions
from assistant.qa.question import KINDS, Question, Term
from assistant.types import Hit
from ingest.lexical import tokenize
from ingest.schema import Chunk
from ingest.sentences import split_sentences

CANDIDATES = 12  # retrieved passages scored per question
LIGHT_WEIGHT = 0.3  # terms weighted like this only frame the question

FEATURES: tuple[str, ...] = (
    "rank_rr",
    "fused_rel",
    "lexical_rr",
    "dense_rr",
    "dense_cos",
    "lexical_rel",
    "coverage",
    "coverage_gap",
    "body_coverage",
    "sentence_coverage",
    "sentence_gap",
    "topical_coverage",
    "content_coverage",
    "content_sentence",
    "content_missing_weight",
    "content_terms",
    "content_body",
    "content_body_sentence",
    "body_missing_max",
    "body_missing_share",
    "answer_near",
    "answer_spans",
    "required_share",
    "required_missing",
    "required_doc_share",
    "doc_best",
    "heaviest_missing",
    "type_match",
    "type_sentence",
    "type_applicable",
    "responsible_column",
    "responsible_sentence",
    "new_names",
    "enumeration",
    "heading_coverage",
    "title_coverage",
    "table_row",
    "short_prose",
    "no_new_words",
    "unknown_share",
    *(f"kind_{k}" for k in KINDS),
)


@dataclass(frozen=True)
class Candidate:
    """A retrieved passage with its feature vector (in FEATURES order)."""

    hit: Hit
    rank: int
    features: tuple[float, ...]
    best_sentence: str
    focus: int | None = None  # where in the passage the answer most likely stands
    # where the passage holds a date, amount or frequency of the kind asked for
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def chunk(self) -> Chunk:
        return self.hit.chunk


def credit(term: Term, tokens: frozenset[str]) -> float:
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
    return sum(t.weight * credit(t, tokens) for t in terms) / total


def type_match(question: Question, text: str, chunk: Chunk) -> float:
    """Whether the text holds the kind of thing the question asks for."""
    if ASKS_NUMBER.search(question.text) and not NUMBER.search(text):
        return 0.0
    if ASKS_EMAIL.search(question.text) and "@" not in text:
        return 0.0
    kind = question.kind
    pattern = SPANS.get(kind)
    if pattern is not None:
        return float(bool(pattern.search(text)) or bool(NUMBER.search(text)) * 0.5)
    if kind == "responsible":
        return float(responsible_column(chunk) or bool(RESPONSIBLE_EVIDENCE.search(text)))
    if kind in ("who", "list"):
        return float(len(new_names(question, text)) > 0)
    return 0.0


def answer_spans(question: Question, text: str, chunk: Chunk) -> list[tuple[int, int]]:
    """Where the text holds something of the kind the question asks for."""
    kind = question.kind
    pattern = SPANS.get(kind)
    if pattern is None and kind == "responsible":
        if responsible_column(chunk):
            return [(0, len(text))]
        pattern = RESPONSIBLE_EVIDENCE
    if pattern is not None:
        return [m.span() for m in pattern.finditer(text)]
    if kind in ("who", "list"):
        asked = {w.lower() for w in question.text.split()}
        return [m.span() for m in NAME_WORD.finditer(text) if m.group(0).lower() not in asked]
    return []


@lru_cache(maxsize=20_000)
def _text_tokens(text: str, vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(tokenize(text, vocabulary, heads=False))


def responsible_column(chunk: Chunk) -> bool:
    row = chunk.row
    return row is not None and any(v and RESPONSIBLE_HEADER.search(h) for h, v in row.cells)


def new_names(question: Question, text: str) -> set[str]:
    """Capitalised words of the text that the question does not already name."""
    asked = {w.lower() for w in question.text.split()}
    return {n for n in NAME_WORD.findall(text) if n.lower() not in asked}


class Asked:
    """What the features need of the question, worked out once per question."""

    def __init__(self, question: Question, tokens: frozenset[str], vocabulary: frozenset[str]):
        self.terms = question.terms
        self.tokens = tokens  # the question's own words, with their Swedish renderings
        self.required = [t for t in self.terms if t.required]
        # what the question asks about beyond its names, which mostly pick the document
        self.content = [t for t in self.terms if not t.required and t.weight > LIGHT_WEIGHT]
        self.total_weight = sum(t.weight for t in self.terms) or 1.0
        unknown = [
            t
            for t in self.terms
            if not any(all(s in vocabulary for s in alt) for alt in t.alternatives)
        ]
        self.unknown_share = sum(t.weight for t in unknown) / self.total_weight
        self.anchors: dict[str, bool] = {}  # word -> holds a content term (term_positions)


class FeatureBuilder:
    """Computes candidate features for one index (vocabulary, document words)."""

    def __init__(self, vocabulary: frozenset[str], doc_tokens: dict[str, frozenset[str]]):
        self.vocabulary = vocabulary
        self.doc_tokens = doc_tokens

    def tokens(self, text: str) -> frozenset[str]:
        return _text_tokens(text, self.vocabulary)

    def candidates(self, question: Question, hits: Sequence[Hit]) -> list[Candidate]:
        hits = list(hits[:CANDIDATES])
        if not hits:
            return []
        asked = Asked(question, self.tokens(question.search_text), self.vocabulary)
        top_fused = max(h.score for h in hits) or 1.0
        raw = [self._raw(question, asked, rank, hit, top_fused) for rank, hit in enumerate(hits)]
        best_cov = max(r["coverage"] for r in raw)
        best_sentence = max(r["sentence_coverage"] for r in raw)
        best_doc = max(r["required_doc_share"] for r in raw)
        out = []
        for rank, (hit, r) in enumerate(zip(hits, raw, strict=True)):
            r["coverage_gap"] = r["coverage"] - best_cov
            r["sentence_gap"] = r["sentence_coverage"] - best_sentence
            r["doc_best"] = float(r["required_doc_share"] >= best_doc)
            sentence = r.pop("_sentence")
            focus = r.pop("_focus")
            spans = r.pop("_spans")
            features = tuple(float(r[f]) for f in FEATURES)
            out.append(Candidate(hit, rank, features, sentence, focus, spans))
        return out

    def _raw(self, question: Question, asked: Asked, rank: int, hit: Hit, top_fused: float) -> dict:
        words = self._words(hit.chunk)
        scan = self._scan(asked, hit.chunk, words)
        features = {
            **retrieval_features(rank, hit, top_fused),
            **coverage_features(asked, words, scan),
            **answer_features(question, asked, hit.chunk, words, scan, self.vocabulary),
        }
        for k in KINDS:
            features[f"kind_{k}"] = float(question.kind == k)
        return features

    def _words(self, chunk: Chunk) -> PassageWords:
        title = self.tokens(chunk.title)
        headings = self.tokens(" ".join(chunk.heading_path))
        body = self.tokens(chunk.text)
        doc = self.doc_tokens.get(chunk.doc_id, frozenset()) | title | headings
        return PassageWords(title, headings, body, doc)

    def _scan(self, asked: Asked, chunk: Chunk, words: PassageWords) -> SentenceScan:
        """The sentence that covers the most of the question, and the best coverage of its
        content words by one sentence (with and without the title)."""
        terms, content = asked.terms, asked.content
        sentences = [chunk.text] if chunk.row is not None else split_sentences(chunk.text)
        best_sentence, best_score, best_content, best_body = chunk.text, -1.0, 0.0, 0.0
        for sentence in sentences or [chunk.text]:
            own = self.tokens(sentence)
            tokens = own | words.where
            score = coverage(terms, tokens)
            if score > best_score:
                best_sentence, best_score = sentence, score
            best_content = max(best_content, coverage(content, tokens))
            best_body = max(best_body, coverage(content, own | words.headings))
        return SentenceScan(best_sentence, max(best_score, 0.0), best_content, best_body)


@dataclass(frozen=True)
class PassageWords:
    """A passage's tokens: its title, headings and text, and its whole document's."""

    title: frozenset[str]
    headings: frozenset[str]
    body: frozenset[str]
    doc: frozenset[str]

    @property
    def where(self) -> frozenset[str]:
        return self.title | self.headings

    @property
    def everything(self) -> frozenset[str]:
        return self.body | self.where

    @property
    def local(self) -> frozenset[str]:
        """The passage's own words: the title is shared by every passage of the document."""
        return self.body | self.headings


@dataclass(frozen=True)
class SentenceScan:
    sentence: str  # the sentence covering the most of the question
    score: float  # its coverage
    content: float  # the best coverage of the content words by one sentence, title included
    body: float  # the same with the sentence's own words and headings only


def retrieval_features(rank: int, hit: Hit, top_fused: float) -> dict[str, float]:
    return {
        "rank_rr": 1.0 / (1 + rank),
        "fused_rel": hit.score / top_fused,
        "lexical_rr": 1.0 / hit.lexical_rank if hit.lexical_rank else 0.0,
        "dense_rr": 1.0 / hit.dense_rank if hit.dense_rank else 0.0,
        "dense_cos": hit.dense_score,
        "lexical_rel": hit.lexical_score,
    }


def coverage_features(asked: Asked, words: PassageWords, scan: SentenceScan) -> dict[str, float]:
    terms, required, content = asked.terms, asked.required, asked.content
    everything, local = words.everything, words.local
    missing_here = [t.weight for t in content if not t.found_in(local)]
    # names in the title pick the document; they say nothing about the passage
    topical = [t for t in terms if not (t.required and t.found_in(words.title))] or list(terms)
    missing = [t for t in terms if not t.found_in(everything)]
    heaviest = max((t.weight for t in missing if t.weight > LIGHT_WEIGHT), default=0.0)
    return {
        "coverage": coverage(terms, everything),
        "body_coverage": coverage(terms, words.body),
        "sentence_coverage": scan.score,
        "topical_coverage": coverage(topical, everything),
        "content_coverage": coverage(content, everything) if content else 1.0,
        "content_sentence": scan.content if content else 1.0,
        "content_missing_weight": min(
            sum(t.weight for t in content if not t.found_in(everything)), 10.0
        ),
        "content_terms": min(len(content), 6) / 6,
        "content_body": coverage(content, local) if content else 1.0,
        "content_body_sentence": scan.body if content else 1.0,
        "body_missing_max": min(max(missing_here, default=0.0), 8.0),
        "body_missing_share": sum(missing_here) / (sum(t.weight for t in content) or 1.0),
        "required_share": (
            sum(t.found_in(everything) for t in required) / len(required) if required else 1.0
        ),
        "required_missing": float(any(not t.found_in(everything) for t in required)),
        "required_doc_share": (
            sum(t.found_in(words.doc) for t in required) / len(required) if required else 1.0
        ),
        "heaviest_missing": heaviest / asked.total_weight,
        "heading_coverage": coverage(terms, words.headings),
        "title_coverage": coverage(terms, words.title),
        "no_new_words": float(not (words.body - words.title - asked.tokens)),
        "unknown_share": asked.unknown_share,
    }


@lru_cache(maxsize=100_000)
def _states_responsibility(text: str) -> bool:
    """Cached by passage: the pattern is slow and the same passages come back."""
    return bool(RESPONSIBLE_EVIDENCE.search(text))


@lru_cache(maxsize=100_000)
def _enumerates(text: str) -> bool:
    return bool(ENUMERATION.search(text))


def answer_features(
    question: Question,
    asked: Asked,
    chunk: Chunk,
    words: PassageWords,
    scan: SentenceScan,
    vocabulary: frozenset[str],
) -> dict:
    """Whether the passage holds the kind of thing asked for, near the question's words."""
    spans = answer_spans(question, chunk.text, chunk)
    anchors = term_positions(asked.content or asked.terms, chunk.text, vocabulary, asked.anchors)
    kind = question.kind
    return {
        "answer_near": nearness(spans, anchors),
        "answer_spans": min(len(spans), 5) / 5,
        "type_match": type_match(question, chunk.text, chunk),
        "type_sentence": type_match(question, scan.sentence, chunk),
        "type_applicable": float(kind in SPANS or kind in ("responsible", "who", "list")),
        "responsible_column": float(responsible_column(chunk)),
        "responsible_sentence": float(_states_responsibility(chunk.text)),
        "new_names": min(len(new_names(question, chunk.text)), 6) / 6,
        "enumeration": float(_enumerates(chunk.text)),
        "table_row": float(chunk.row is not None),
        # a short line without a sentence end is mostly a heading; a table row or a
        # short sentence is not
        "short_prose": float(
            len(chunk.text.split()) < 12
            and chunk.row is None
            and not chunk.text.rstrip().endswith((".", "!", "?"))
        ),
        "_sentence": scan.sentence,
        "_focus": focus(spans, anchors),
        "_spans": tuple(spans) if kind in SPANS else (),
    }
