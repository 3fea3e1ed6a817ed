"""Plain-text and Markdown renderings of an Answer, for the chat window and copying."""

from __future__ import annotations

import html

from assistant.types import Answer

_SOURCES = {"sv": "Källor", "en": "Sources"}
_CLOSEST = {"sv": "Närmaste träffar (inget svar)", "en": "Closest matches (no answer)"}


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "  \n")


def answer_markdown(answer: Answer) -> str:
    """The answer, then each cited passage: title › section, and the passage text."""
    lines = [_escape(answer.text)]
    if answer.note:
        lines.append(f"*{_escape(answer.note)}*")
    if answer.citations:
        lines.append(f"\n**{_SOURCES[answer.language]}**")
        for c in answer.citations:
            lines.append(f"\n[{c.n}] **{_escape(c.label())}**  \n> {_escape(c.chunk.text)}")
    elif answer.hits:
        lines.append(f"\n**{_CLOSEST[answer.language]}**")
        for hit in answer.hits[:3]:
            lines.append(f"\n- **{_escape(hit.chunk.label())}**  \n  {_escape(hit.chunk.text)}")
    return "\n".join(lines)


def answer_plain_text(answer: Answer) -> str:
    """The answer with its sources as plain text, for e-mails and memos."""
    lines = [answer.text]
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.label()}\n    {c.chunk.text}")
    return "\n".join(lines)
