"""The conversation behind the chat panel: exchanges, follow-ups, votes and the sources
shown for an answer. Plain Python (no Gradio), called by the callbacks in app.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.service import MAX_QUESTION_CHARS
from assistant.types import Answer, Turn
from assistant.web.documents import Passage, known_doc_ids
from assistant.web.feedback import FeedbackStore, Vote
from assistant.web.followup import Rewritten, ask_in_context, rewrite
from assistant.web.present import (
    answer_plain_text,
    answer_stems,
    chat_markdown,
    question_stems,
    sources_html,
)

if TYPE_CHECKING:
    from assistant.service import Assistant

THANKS = {1: "Tack! Din tumme upp är sparad.", -1: "Tack! Din tumme ned är sparad."}
MAX_VOTES = 50  # votes stored per browser session
ENOUGH_VOTES = "Tack! Du har redan lämnat många omdömen i den här sessionen; fler sparas inte."
MAX_EXCHANGES = 20  # exchanges kept in a session's conversation (and sent to the browser)


@dataclass(frozen=True)
class Exchange:
    """One question and its answer in a user's conversation."""

    question: str  # as asked
    searched: str  # as searched (with the conversation's subject for a follow-up)
    answer: Answer
    stems: frozenset[str]  # the question's key words, for highlighting

    def turn(self) -> Turn:
        return Turn(self.searched, self.answer.text)


def respond(
    assistant: Assistant, question: str, doc_ids: list[str] | None, history: list[Exchange]
) -> Exchange:
    """Answer a question in the context of the conversation, limited to doc_ids if given."""
    wanted = known_doc_ids(assistant.manifest, doc_ids)
    turns = [e.turn() for e in history]

    def ask(text: str) -> Answer:
        return assistant.ask(text, doc_ids=wanted, history=turns)

    rewritten, answer = ask_in_context(ask, question, turns)
    return _exchange(assistant, rewritten, answer)


def _shown_question(text: str) -> str:
    """A question as kept in the conversation: at most MAX_QUESTION_CHARS characters."""
    return text if len(text) <= MAX_QUESTION_CHARS else text[:MAX_QUESTION_CHARS] + "…"


def _exchange(assistant: Assistant, rewritten: Rewritten, answer: Answer) -> Exchange:
    stems = question_stems(assistant.analyse(rewritten.searched)) | answer_stems(answer)
    asked, searched = _shown_question(rewritten.asked), _shown_question(rewritten.searched)
    return Exchange(asked, searched, answer, stems)


def kept(history: list[Exchange]) -> list[Exchange]:
    """The conversation a session keeps: its last MAX_EXCHANGES exchanges."""
    return history[-MAX_EXCHANGES:]


def respond_steps(
    assistant: Assistant, question: str, doc_ids: list[str] | None, history: list[Exchange]
) -> Iterator[str | Exchange]:
    """Like respond, but while a configured LLM writes, yield the verified text so far.

    Without an LLM this yields the one Exchange of respond (with its fallback to the
    question as typed); with one, the rewritten question is streamed and the last item is
    the Exchange with the final answer.
    """
    if getattr(assistant, "generator", None) is None:
        yield respond(assistant, question, doc_ids, history)
        return
    wanted = known_doc_ids(assistant.manifest, doc_ids)
    turns = [e.turn() for e in history]
    rewritten = rewrite(question, turns)
    for item in assistant.ask_stream(rewritten.searched, doc_ids=wanted, history=turns):
        yield _exchange(assistant, rewritten, item) if isinstance(item, Answer) else item


def messages(history: list[Exchange]) -> list[dict[str, str]]:
    """The chat as Gradio messages: a user and an assistant message per exchange."""
    out: list[dict[str, str]] = []
    for e in history:
        searched = e.searched if e.searched != e.question else ""
        out.append({"role": "user", "content": e.question})
        out.append({"role": "assistant", "content": chat_markdown(e.answer, searched)})
    return out


def pending(question: str, text: str) -> list[dict[str, str]]:
    """The messages of an exchange whose answer is still being written."""
    return [{"role": "user", "content": question}, {"role": "assistant", "content": text}]


def exchange_at(history: list[Exchange], message_index: Any) -> Exchange | None:
    """The exchange a chat message belongs to (Gradio gives a message index)."""
    index = message_index[0] if isinstance(message_index, (list, tuple)) else message_index
    if not isinstance(index, int) or not 0 <= index // 2 < len(history):
        return None
    return history[index // 2]


def rating_of(liked: Any) -> int | None:
    """+1 for a thumbs up, -1 for a thumbs down, None when a vote was taken back."""
    if liked is True or liked == "Like":
        return 1
    if liked is False or liked == "Dislike":
        return -1
    return None


def record_vote(
    store: FeedbackStore, history: list[Exchange], votes: int, index: Any, liked: Any
) -> tuple[int, str | None]:
    """Store a thumbs up or down unless the session has cast MAX_VOTES already.

    Returns the session's vote count and the message to show (None: nothing to say).
    """
    exchange, rating = exchange_at(history, index), rating_of(liked)
    if exchange is None or rating is None:
        return votes, None
    if votes >= MAX_VOTES:
        return votes, ENOUGH_VOTES
    store.record(Vote(rating, exchange.question, exchange.searched, exchange.answer))
    return votes + 1, THANKS[rating]


def passage_of(data: dict[str, Any] | None) -> Passage | None:
    """The passage a click on a source card names, or None for a malformed click."""
    try:
        return Passage(str(data["doc"]), int(data["start"]), int(data["end"]))  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return None


def shown(exchange: Exchange | None) -> tuple[str, str]:
    """The sources panel and the copyable text for an exchange."""
    if exchange is None:
        return sources_html(None), ""
    panel = sources_html(exchange.answer, exchange.stems)
    return panel, answer_plain_text(exchange.answer, exchange.question)
