"""Follow-up questions: carry the subject of the conversation into a question that lacks one.

After "Vem ansvarar för Söderåsbanan?", the question "Och när ska bygget starta?" names
nothing of its own; it becomes "När ska bygget starta? (Söderåsbanan)". A follow-up that
names a new subject but nothing else ("Och för Pågatåg Nordost?") takes the previous
question with the new names in place of the old ones.

A question is treated as a follow-up only when it shows it: it opens with a conjunction
(och, men, and, but, "hur är det med", "what about"), refers back (den, dess, där, it, its,
there, ...) or is a fragment of a few words. Self-contained questions pass unchanged, so a
new topic is never narrowed to the old one. Pure functions: no index, no state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.types import Answer, Turn

_TOKEN = re.compile(r"[^\W_]+(?:[-:][^\W_]+)*")
_OPENERS = (
    "hur är det med",
    "vad gäller för",
    "what about",
    "how about",
    "and",
    "but",
    "also",
    "och",
    "men",
    "samt",
    "än",
)
_BACK_REFERENCES = frozenset(
    "den denna detta dess dessa dem där dit samma "
    "it its they them their there this these those".split()
)
# Capitalised words that open questions or sentences and are not names.
_NOT_NAMES = frozenset(
    "vem vilka vilken vilket vad när var hur varför finns får kan ska skall är har gäller "
    "och men i om för på av med till inom enligt who what when where which why how is are "
    "does do did can will was were has have and but in of for on about to i".split()
)
_QUESTION_WORDS = frozenset(
    "vem vilka vilken vilket vad när var hur varför who what when where which why how".split()
)
_FRAGMENT_WORDS = 3  # "Och när?", "Vem då?", "Och budgeten?"


@dataclass(frozen=True)
class Rewritten:
    """The question as asked and as searched (the same when it needed no context)."""

    asked: str
    searched: str

    @property
    def changed(self) -> bool:
        return self.asked != self.searched


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_name(token: str, sentence_start: bool) -> bool:
    if token.casefold() in _NOT_NAMES or not token[0].isupper():
        return False
    # A capital opening a sentence says nothing, unless the word has more ("MalmöLund").
    return not sentence_start or any(c.isupper() for c in token[1:])


def names(text: str, sentence_start: bool = True) -> list[str]:
    """Runs of capitalised words that are names ("Business Region Halmstad"), in order.

    A number continues a name ("Vision 2020") but does not start one.
    """
    found: list[str] = []
    run: list[str] = []
    for position, token in enumerate(_tokens(text)):
        first = sentence_start and position == 0
        is_name = _is_name(token, first) or (bool(run) and token[0].isdigit())
        if is_name:
            run.append(token)
        elif run:
            found.append(" ".join(run))
            run = []
    if run:
        found.append(" ".join(run))
    return found


def _strip_opener(question: str) -> tuple[str, bool]:
    """The question without a leading "och"/"and"/"what about" (and whether it had one)."""
    text = question.strip()
    lowered = text.casefold()
    for opener in _OPENERS:
        if lowered.startswith(opener) and not lowered[len(opener) : len(opener) + 1].isalnum():
            return text[len(opener) :].lstrip(" ,"), True
    return text, False


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def is_follow_up(question: str) -> bool:
    """The question shows that it continues the conversation."""
    _, opened = _strip_opener(question)
    words = [t.casefold() for t in _tokens(question)]
    return opened or bool(_BACK_REFERENCES & set(words)) or 0 < len(words) <= _FRAGMENT_WORDS


def _subject(history: Sequence[Turn]) -> tuple[str, list[str]] | None:
    """The latest earlier question that names something, with those names."""
    for turn in reversed(history):
        found = names(turn.question)
        if found:
            return turn.question, found
    return None


def _ellipsis(rest: str, own: list[str], previous: str, old: list[str]) -> str | None:
    """ "Och för Pågatåg Nordost?" after "Vem ansvarar för Söderåsbanan?": swap the names."""
    words = [t.casefold() for t in _tokens(rest)]
    if _QUESTION_WORDS & set(words) or len(words) > len(" ".join(own).split()) + 2:
        return None
    swapped = previous
    for i, name in enumerate(old):
        swapped = swapped.replace(name, own[min(i, len(own) - 1)])
    return swapped if swapped != previous else None


def rewrite(question: str, history: Sequence[Turn]) -> Rewritten:
    """The question to search for, given the earlier turns of the conversation."""
    asked = question.strip()
    if not history or not asked or not is_follow_up(asked):
        return Rewritten(asked, asked)
    rest, opened = _strip_opener(asked)
    own = names(rest, sentence_start=not opened)
    rest = _capitalised(rest)
    subject = _subject(history)
    if subject is None:
        return Rewritten(asked, rest or asked)
    previous, old = subject
    if own:
        return Rewritten(asked, _ellipsis(rest, own, previous, old) or rest)
    body = rest.rstrip(" ?.!")
    mark = "?" if rest.rstrip().endswith("?") or not rest.strip() else rest.rstrip()[-1]
    return Rewritten(asked, f"{body}{mark} ({', '.join(old)})" if body else previous)


def ask_in_context(
    ask: Callable[[str], Answer], question: str, history: Sequence[Turn]
) -> tuple[Rewritten, Answer]:
    """Ask the rewritten question; fall back to the question as asked when only it is found.

    The rewriting is a guess; when the documents answer the question as it was typed but not
    the rewritten one, the typed question is the better reading.
    """
    rewritten = rewrite(question, history)
    answer = ask(rewritten.searched)
    if rewritten.changed and not answer.found:
        plain = ask(rewritten.asked)
        if plain.found:
            return Rewritten(rewritten.asked, rewritten.asked), plain
    return rewritten, answer
