"""The assistant: the index, the embedding model and the answerer, loaded once.

Every question, from the CLI or the app, passes here: a question longer than
MAX_QUESTION_CHARS is answered with a request for a shorter one (in the question's
language) before any work that grows with its length, and a question whose search has
used up the time budget (Settings.question_budget_s) is answered with a message instead of
being composed.

When a rebuild publishes a new index version, the next question notices it and the new
version is loaded in the background; questions keep being answered from the old one
until the new one is ready.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.generate import generated_answer, stream_generated_answer
from assistant.llm import Generator, build_generator
from assistant.qa.compose import Ranked, compose, rank
from assistant.qa.evidence import CANDIDATES, Candidate, FeatureBuilder
from assistant.qa.question import Question, analyse, detect_language
from assistant.qa.retrieve import Retriever
from assistant.qa.scorer import load_scorer
from assistant.qa.shapes.ocr_note import uncertain_reading_note
from assistant.qa.thesaurus import status as thesaurus_status
from assistant.structured import Sources, sentence_fallback, structured_answer
from assistant.types import Answer, Hit, Language, Turn
from ingest.embed import Embedder, make_embedder
from ingest.remote import RemoteTarget, current_remote, open_remote
from ingest.schema import Chunk
from ingest.store import Manifest, StoredIndex, open_index
from ingest.versions import current_version

log = logging.getLogger(__name__)
RELOAD_CHECK_SECONDS = 1.0  # how often a question looks for a newly published index
MAX_QUESTION_CHARS = 1000  # longer questions are not searched: the answer asks for less
_TOO_LONG = {
    "sv": "Frågan är för lång ({length} tecken). Ställ en kortare fråga, högst {limit} tecken.",
    "en": "The question is too long ({length} characters). Please ask a shorter question, "
    "at most {limit} characters.",
}
_TOO_SLOW = {
    "sv": "Det tog för lång tid att besvara frågan. Försök med en kortare eller enklare fråga.",
    "en": "Answering the question took too long. Please try a shorter or simpler question.",
}


def _number(value: int, language: Language) -> str:
    """1000 -> '1 000' in Swedish (a no-break space), '1,000' in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", "\u00a0") if language == "sv" else grouped


def question_language(question: str) -> Language:
    """The language of a question, judged from its first MAX_QUESTION_CHARS characters."""
    return detect_language(question[:MAX_QUESTION_CHARS])


def too_long_answer(question: str) -> Answer | None:
    """The answer to a question over MAX_QUESTION_CHARS characters; None for others."""
    if len(question) <= MAX_QUESTION_CHARS:
        return None
    language = question_language(question)
    text = _TOO_LONG[language].format(
        length=_number(len(question), language), limit=_number(MAX_QUESTION_CHARS, language)
    )
    return Answer(text, False, language, timings={"retrieve": 0.0, "answer": 0.0})


def too_slow_answer(language: Language, timings: dict[str, float]) -> Answer:
    """The answer to a question whose search used up the time budget."""
    return Answer(_TOO_SLOW[language], False, language, timings=timings)


@dataclass(frozen=True)
class _Loaded:
    """Everything derived from one index version; replaced whole on reload."""

    index: StoredIndex
    retriever: Retriever
    features: FeatureBuilder
    documents: dict[str, list[Chunk]]


class Assistant:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        generator: Generator | None = None,
    ) -> None:
        self.settings = settings
        # the index must have been embedded the way questions will be
        self._embedding_id = embedder.model_id if embedder else settings.embedding_id
        index = self._open_index()
        # a model on torch loads in the background: nothing waits for it but the first
        # question that embeds
        self.embedder = embedder or make_embedder(
            settings.embedding_model, settings.embedding_backend, background=True
        )
        # optional generated answers; off unless settings choose a backend
        self.generator = generator if generator is not None else build_generator(settings)
        self._loaded = self._load(index)
        self._reloading = threading.Lock()
        missing = thesaurus_status()
        if missing:  # optional: the app answers without it, a little less often
            log.warning(missing)
        self._checked = time.monotonic()

    @property
    def remote(self) -> RemoteTarget | None:
        s = self.settings
        if not s.chroma_host:
            return None
        return RemoteTarget(s.chroma_host, s.chroma_port, s.chroma_token, s.chroma_prefix)

    def _open_index(self) -> StoredIndex:
        remote = self.remote
        if remote is not None:
            return open_remote(remote, self._embedding_id)
        return open_index(self.settings.index_dir, self._embedding_id)

    def _published_version(self) -> Path | str | None:
        remote = self.remote
        if remote is not None:
            found = current_remote(remote)
            return None if found is None else found[0]
        return current_version(self.settings.index_dir)

    def _load(self, index: StoredIndex) -> _Loaded:
        s = self.settings
        retriever = Retriever(
            index,
            self.embedder,
            candidates=s.candidates,
            rrf_k=s.rrf_k,
            dense_weight=s.dense_weight,
            lexical_weight=s.lexical_weight,
            fusion=s.fusion,
        )
        documents: dict[str, list[Chunk]] = {}
        for chunk in index.chunks:
            documents.setdefault(chunk.doc_id, []).append(chunk)
        features = FeatureBuilder(index.vocabulary, retriever.doc_tokens)
        return _Loaded(index, retriever, features, documents)

    # -- the index in use ------------------------------------------------------------
    @property
    def index(self) -> StoredIndex:
        return self._loaded.index

    @property
    def retriever(self) -> Retriever:
        return self._loaded.retriever

    @property
    def manifest(self) -> Manifest:
        return self._loaded.index.manifest

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return self._loaded.documents.get(doc_id, [])

    def document_text(self, content_hash: str) -> str | None:
        """A document's text as stored with the index in use (None when it has none)."""
        return self._loaded.index.document_text(content_hash)

    def reload_if_rebuilt(self, wait: bool = False) -> bool:
        """Load a newly published index version; True when a reload was started."""
        try:
            version = self._published_version()
        except Exception:  # the server is away: keep answering from what is loaded
            log.warning("could not check for a new index version", exc_info=True)
            return False
        if version is None or version == self._loaded.index.version:
            return False
        if not self._reloading.acquire(blocking=False):
            return False

        def work() -> None:
            try:
                index = self._open_index()
                self._loaded = self._load(index)
                log.info("loaded index version %s", index.version.name)
            except Exception:  # keep answering from the old version
                log.exception("could not load the new index version")
            finally:
                self._reloading.release()

        if wait:
            work()
        else:
            threading.Thread(target=work, name="index-reload", daemon=True).start()
        return True

    def load_published(self, timeout_s: float = 120.0) -> bool:
        """Load the published index version now; True once it is the one in use.

        Waits for a reload that a question has already started in the background.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                version = self._published_version()
            except Exception:
                log.warning("could not check for a new index version", exc_info=True)
                return False
            if version is None or version == self._loaded.index.version:
                return True
            if time.monotonic() > deadline:
                return False
            if not self.reload_if_rebuilt(wait=True):  # a reload is under way elsewhere
                time.sleep(0.1)

    # -- questions --------------------------------------------------------------------
    def analyse(self, question: str) -> Question:
        """The analysis of a question (of its first MAX_QUESTION_CHARS characters)."""
        loaded = self._loaded
        return analyse(
            question[:MAX_QUESTION_CHARS],
            loaded.index.vocabulary,
            loaded.retriever.document_frequency,
            len(loaded.index.chunks),
        )

    def absent_names(self, question: Question, loaded: _Loaded | None = None) -> list[str]:
        """Names or numbers of the question that no passage of the corpus contains."""
        df = (loaded or self._loaded).retriever.document_frequency
        return [
            t.surface
            for t in question.terms
            if t.required and not any(all(df.get(s) for s in alt) for alt in t.alternatives)
        ]

    def ask(
        self,
        question: str,
        doc_ids: Collection[str] | None = None,
        history: Sequence[Turn] = (),
    ) -> Answer:
        """The answer: extractive, or generated and verified when an LLM is configured."""
        refused = too_long_answer(question)
        if refused is not None:
            return refused
        extractive = self.extract(question, doc_ids)
        if self.generator is None or not extractive.hits:
            return extractive
        return generated_answer(
            question,
            extractive.language,
            list(history),
            list(extractive.hits),
            extractive,
            self.generator,
        )

    def ask_stream(
        self,
        question: str,
        doc_ids: Collection[str] | None = None,
        history: Sequence[Turn] = (),
    ) -> Iterator[str | Answer]:
        """Verified text so far while an LLM writes, then the final Answer (always last)."""
        refused = too_long_answer(question)
        if refused is not None:
            yield refused
            return
        extractive = self.extract(question, doc_ids)
        if self.generator is None or not extractive.hits:
            yield extractive
            return
        yield from stream_generated_answer(
            question,
            extractive.language,
            list(history),
            list(extractive.hits),
            extractive,
            self.generator,
        )

    def _retrieve(
        self, loaded: _Loaded, question: str, doc_ids: Collection[str] | None
    ) -> tuple[Question, list[Hit]]:
        analysed = analyse(
            question,
            loaded.index.vocabulary,
            loaded.retriever.document_frequency,
            len(loaded.index.chunks),
        )
        # both searches get the question followed by the Swedish renderings of its English
        # words and the paraphrases of its Swedish ones (repeated as often as their word; the
        # embedder reads the first 256 tokens): the English-trained model then places the
        # question nearer the Swedish passages that say it
        query = analysed.search_text
        hits = loaded.retriever.search(query, query, max(self.settings.top_k, CANDIDATES), doc_ids)
        return analysed, hits

    def evidence(
        self, question: str, doc_ids: Collection[str] | None = None
    ) -> tuple[Question, list[Hit], list[Candidate]]:
        """The analysed question, the retrieved passages and their candidate features."""
        loaded = self._loaded
        analysed, hits = self._retrieve(loaded, question, doc_ids)
        return analysed, hits, loaded.features.candidates(analysed, hits)

    def extract(self, question: str, doc_ids: Collection[str] | None = None) -> Answer:
        """The extractive answer: verbatim quotes with citations, or "not found"."""
        refused = too_long_answer(question)
        if refused is not None:
            return refused
        if time.monotonic() - self._checked >= RELOAD_CHECK_SECONDS:
            self._checked = time.monotonic()
            self.reload_if_rebuilt()
        loaded = self._loaded  # one version for the whole question
        # a model still loading in the background: waited for before the question's
        # time budget starts (the wait is start-up, not the question)
        wait_ready = getattr(loaded.retriever.embedder, "wait_ready", None)
        if wait_ready is not None and loaded.retriever.dense:
            wait_ready()
        started = time.perf_counter()
        analysed, hits = self._retrieve(loaded, question, doc_ids)
        retrieved = time.perf_counter()
        if retrieved - started > self.settings.question_budget_s:
            log.warning("question over its time budget after %.1f s", retrieved - started)
            spent = {"retrieve": round((retrieved - started) * 1000, 2), "answer": 0.0}
            return too_slow_answer(analysed.language, spent)
        sources = Sources(loaded.index, loaded.documents)
        answer = structured_answer(sources, analysed, hits, doc_ids)
        if answer is None:
            scorer = load_scorer()
            ranked: list[Ranked] = []
            absent = self.absent_names(analysed, loaded)
            if not absent:  # a name no passage holds: no answer
                ranked = rank(analysed, hits, loaded.features, scorer)
            answer = compose(analysed, hits, ranked, scorer)
            # a role's holder, a count, a frequency or a date, read from its sentence
            if not answer.found and not absent:
                answer = sentence_fallback(sources, analysed, hits, doc_ids) or answer
        done = time.perf_counter()
        timings = {
            "retrieve": round((retrieved - started) * 1000, 2),
            "answer": round((done - retrieved) * 1000, 2),
        }
        return Answer(
            answer.text,
            answer.found,
            answer.language,
            answer.citations,
            answer.hits,
            timings,
            answer.note or uncertain_reading_note(answer),
        )
