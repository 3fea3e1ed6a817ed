"""Renderings of an Answer: chat Markdown, the sources panel (HTML), plain text for copying.

The answering words are highlighted in each passage: the verbatim quote the answer uses
(<mark class="avtal-quote">) and the words that share a stem with the question's key terms
(<mark class="avtal-term">). Everything taken from documents or questions is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from assistant.qa.question import Question
from assistant.types import Answer, Language
from ingest.lexical import STOPWORDS, stem, words
from ingest.schema import Chunk

_SOURCES = {"sv": "Källor", "en": "Sources"}
_CLOSEST = {"sv": "Närmaste träffar (inget svar)", "en": "Closest matches (no answer)"}
_CLOSEST_NOTE = {
    "sv": "Inget i dokumenten besvarar frågan. Passagerna nedan är de närmaste träffarna, "
    "inte ett svar.",
    "en": "Nothing in the documents answers the question. The passages below are the "
    "closest matches, not an answer.",
}
_CLOSEST_CHAT = {
    "sv": "De närmaste träffarna visas under Källor, men de besvarar inte frågan.",
    "en": "The closest matches are shown under Sources, but they do not answer the question.",
}
_UNDERSTOOD = {"sv": "Tolkat som", "en": "Understood as"}
_QUESTION = {"sv": "Fråga", "en": "Question"}
_OPEN = {"sv": "Visa i dokumentet", "en": "Show in the document"}
CLOSEST_SHOWN = 3
_WORD = re.compile(r"[^\W_]+")
_MIN_PART = 5  # a key stem this long also marks compounds ending or starting with it


# "](", "][" and "]:" make markdown links and images ("![x](http://…)" would make every
# reader's browser fetch the address); a backslash keeps the bracket as text.
_LINK_SYNTAX = re.compile(r"\](?=[(\[:])")


def _escape(text: str) -> str:
    """Document or question text for Markdown: shown as text, never as a link or image."""
    text = _LINK_SYNTAX.sub(r"\\]", html.escape(text, quote=False))
    return text.replace("\n", "  \n")


# -- the answer in Markdown (API and chat) --------------------------------------------------
def answer_markdown(answer: Answer) -> str:
    """The answer, then each cited passage: title › section, and the passage text."""
    lines = [_escape(answer.text)]
    if answer.note:
        lines.append(f"*{_escape(answer.note)}*")
    if answer.citations:
        lines.append(f"\n**{_SOURCES[answer.language]}**")
        for c in answer.citations:
            label = _escape(c.label(answer.language))
            lines.append(f"\n[{c.n}] **{label}**  \n> {_escape(c.chunk.text)}")
    elif answer.hits:
        lines.append(f"\n**{_CLOSEST[answer.language]}**")
        for hit in answer.hits[:CLOSEST_SHOWN]:
            label = _escape(hit.chunk.label(answer.language))
            lines.append(f"\n- **{label}**  \n  {_escape(hit.chunk.text)}")
    return "\n".join(lines)


def chat_markdown(answer: Answer, searched: str = "") -> str:
    """The chat bubble: the short answer, how a follow-up was read, and the source labels.

    The passages themselves are in the sources panel beside the chat.
    """
    lang = answer.language
    lines = [_escape(answer.text)]
    if searched:
        lines.append(f"*{_UNDERSTOOD[lang]}: {_escape(searched)}*")
    if answer.note:
        lines.append(f"*{_escape(answer.note)}*")
    if answer.citations:
        labels = "  \n".join(f"[{c.n}] {_escape(c.label(lang))}" for c in answer.citations)
        lines.append(f"**{_SOURCES[lang]}**  \n{labels}")
    elif answer.hits:
        lines.append(f"*{_CLOSEST_CHAT[lang]}*")
    return "\n\n".join(lines)


def answer_plain_text(answer: Answer, question: str = "") -> str:
    """The answer with its sources as plain text, for e-mails and memos."""
    lang = answer.language
    lines = [f"{_QUESTION[lang]}: {question}", ""] if question else []
    lines.append(answer.text)
    if answer.citations:
        lines.extend(["", f"{_SOURCES[lang]}:"])
        for c in answer.citations:
            lines.append(f"[{c.n}] {c.label(lang)}\n    {c.chunk.text}")
    elif answer.hits:
        lines.extend(["", f"{_CLOSEST[lang]}:"])
        for hit in answer.hits[:CLOSEST_SHOWN]:
            lines.append(f"- {hit.chunk.label(lang)}\n    {hit.chunk.text}")
    return "\n".join(lines)


# -- highlighting ---------------------------------------------------------------------------
def question_stems(question: Question) -> frozenset[str]:
    """The stems that count as the question's key words (Swedish renderings included)."""
    return frozenset(s for term in question.terms for alt in term.alternatives for s in alt)


_QUOTED = re.compile(r"[”“\"«»][^”“\"«»]*[”“\"«»]")
_MARKER = re.compile(r"\[\d+\]")


def answer_stems(answer: Answer) -> frozenset[str]:
    """Stems of the answer's own words (Svalöv in "Ansvarig: Svalöv [1] (för ”…”)").

    Quotes and [n] markers are left out: the quote is marked as a whole. An answer that
    found nothing has no answering words.
    """
    if not answer.found:
        return frozenset()
    text = _MARKER.sub(" ", _QUOTED.sub(" ", answer.text))
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1)


def _is_key_word(word: str, stems: Collection[str]) -> bool:
    word_stem = stem(word.lower())
    if word_stem in stems:
        return True
    return len(word_stem) > _MIN_PART and any(
        len(s) >= _MIN_PART and (word_stem.endswith(s) or word_stem.startswith(s)) for s in stems
    )


def _terms_html(text: str, stems: Collection[str]) -> str:
    """Escaped text with the key words marked."""
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        if not stems or not _is_key_word(match.group(0), stems):
            continue
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(f'<mark class="avtal-term">{html.escape(match.group(0), quote=False)}</mark>')
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quote is in the text: exactly, ignoring case, or ignoring spacing."""
    quote = quote.strip().strip("”“\"'").strip()
    if not quote:
        return None
    at = text.find(quote)
    if at < 0:
        at = text.casefold().find(quote.casefold())
    if at >= 0 and len(text.casefold()) == len(text):
        return at, at + len(quote)
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.search(pattern, text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def highlight(text: str, quote: str = "", stems: Collection[str] = ()) -> str:
    """The passage as HTML: the quote and the question's key words marked."""
    span = find_quote(text, quote) if quote else None
    if span is None:
        return _terms_html(text, stems)
    start, end = span
    return (
        f"{_terms_html(text[:start], stems)}"
        f'<mark class="avtal-quote">{_terms_html(text[start:end], stems)}</mark>'
        f"{_terms_html(text[end:], stems)}"
    )


# -- the sources panel ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Source:
    marker: str
    chunk: Chunk
    quote: str


def _sources(answer: Answer) -> list[_Source]:
    if answer.citations:
        return [_Source(f"[{c.n}]", c.chunk, c.quote) for c in answer.citations]
    return [_Source("", hit.chunk, "") for hit in answer.hits[:CLOSEST_SHOWN]]


def _source_html(source: _Source, stems: Collection[str], lang: Language) -> str:
    chunk = source.chunk
    section = " › ".join(chunk.heading_path)
    if chunk.page is not None:
        section = f"{section} › s. {chunk.page}" if section else f"s. {chunk.page}"
    attrs = (
        f'data-doc="{html.escape(chunk.doc_id)}" data-start="{chunk.start}" data-end="{chunk.end}"'
    )
    marker = f'<span class="avtal-n">{source.marker}</span> ' if source.marker else ""
    return (
        f'<article class="avtal-source" {attrs}>'
        f'<div class="avtal-source-head">{marker}'
        f'<span class="avtal-title">{html.escape(chunk.title)}</span></div>'
        f'<div class="avtal-section">{html.escape(section)}</div>'
        f'<p class="avtal-text">{highlight(chunk.text, source.quote, stems)}</p>'
        f'<button type="button" class="avtal-open" {attrs}>{_OPEN[lang]}</button>'
        f"</article>"
    )


def sources_html(answer: Answer | None, stems: Iterable[str] = ()) -> str:
    """The sources of an answer (or the closest passages, said to be such) as HTML cards."""
    if answer is None:
        return '<div class="avtal-sources avtal-empty">Källorna till svaret visas här.</div>'
    lang = answer.language
    stems = frozenset(stems)
    cards = "".join(_source_html(s, stems, lang) for s in _sources(answer))
    if answer.citations:
        head = f"<h4>{_SOURCES[lang]}</h4>"
    elif cards:
        head = f'<h4>{_CLOSEST[lang]}</h4><p class="avtal-note">{_CLOSEST_NOTE[lang]}</p>'
    else:
        head = f'<h4>{_SOURCES[lang]}</h4><p class="avtal-note">{_CLOSEST_NOTE[lang]}</p>'
    return f'<div class="avtal-sources">{head}{cards}</div>'
