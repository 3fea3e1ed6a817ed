"""The chat window (Gradio Blocks). Thin wiring: the logic is in followup, present,
documents and feedback; per-user state (the conversation) lives in gr.State only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.admin.tab import add_admin_tab
from assistant.overview import Overview, overview_of
from assistant.service import MAX_QUESTION_CHARS
from assistant.types import Answer, Turn
from assistant.web.documents import (
    Passage,
    document_choices,
    document_view,
    known_doc_ids,
)
from assistant.web.feedback import FeedbackStore, Vote
from assistant.web.followup import Rewritten, ask_in_context, rewrite
from assistant.web.overview_html import OVERVIEW_CSS, cards_html, duties_html, start_html
from assistant.web.present import (
    answer_markdown,
    answer_plain_text,
    answer_stems,
    chat_markdown,
    question_stems,
    sources_html,
)

if TYPE_CHECKING:
    from assistant.admin.gate import Gate
    from assistant.config import Settings
    from assistant.service import Assistant

EXAMPLES = [
    "Vem ansvarar för Söderåsbanan?",
    "Vilka kommuner ingår i MalmöLundregionen?",
    "Hur stor är medlemsavgiften i Familjen Helsingborg?",
    "Hur ofta träffas ledningsgruppen i Business Region Halmstad?",
    "Who is responsible for Söderåsbanan?",
]
TITLE = "Avtalsassistenten"
INTRO = (
    "# Avtalsassistenten\n"
    "Ställ frågor om de regionala samarbetsavtalen. Svaret citerar dokumenten ordagrant och "
    "visar varifrån det kommer; klicka på en källa för att läsa hela dokumentet. "
    "Du kan ställa följdfrågor och fråga på engelska."
)
EMPTY_QUESTION = "Skriv en fråga om avtalen."
VIEWER_HINT = (
    '<div class="avtal-reader avtal-empty">'
    "Klicka på en källa för att läsa den i sitt dokument.</div>"
)
READER_HINT = '<div class="avtal-reader avtal-empty">Välj ett dokument för att läsa det.</div>'
START_INTRO = (
    "### Vilka samarbeten finns?\n"
    "Alla avtal på en rad var: typ, parter, period och syfte. Klicka på ett avtal för att "
    "läsa det, eller på ett citat för att se stället i dokumentet."
)
CARDS_INTRO = (
    "### Avtalskort\n"
    "Varje uppgift är hämtad ur dokumentet, med citatet bakom. Där dokumentet inte säger "
    "något står det *anges inte*; *katalog* betyder att uppgiften kommer från catalog.toml."
)
DUTIES_INTRO = (
    "Välj en kommun eller organisation för att se allt den ansvarar för, avtal för avtal. "
    "Klicka på ett citat för att läsa det i dokumentet."
)
THANKS = {1: "Tack! Din tumme upp är sparad.", -1: "Tack! Din tumme ned är sparad."}
MAX_VOTES = 50  # votes stored per browser session
ENOUGH_VOTES = "Tack! Du har redan lämnat många omdömen i den här sessionen; fler sparas inte."
MAX_EXCHANGES = 20  # exchanges kept in a session's conversation (and sent to the browser)
# Gradio's temporary upload folder: files older than an hour are deleted every hour.
DELETE_CACHE = (3600, 3600)

CSS = (
    OVERVIEW_CSS
    + """
.avtal-sources h4 { margin: 0 0 .5em 0; }
.avtal-source { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: .6em .8em; margin-bottom: .6em; cursor: pointer; }
.avtal-source:hover { border-color: var(--color-accent); }
.avtal-source-head { font-weight: 600; }
.avtal-section { font-size: .9em; color: var(--body-text-color-subdued); }
.avtal-text { margin: .4em 0; }
.avtal-open { font-size: .85em; text-decoration: underline; background: none; border: 0;
  padding: 0; cursor: pointer; color: var(--color-accent); }
mark.avtal-quote { background: #fff1a8; color: inherit; padding: 0 .1em; }
mark.avtal-term { background: #ffd66b; color: inherit; font-weight: 600; padding: 0; }
.avtal-note, .avtal-empty { color: var(--body-text-color-subdued); font-style: italic; }
.avtal-document { white-space: pre-wrap; max-height: 60vh; overflow-y: auto; tab-size: 4;
  border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .8em;
  line-height: 1.5; }
mark.avtal-passage { background: #fff1a8; color: inherit; outline: 2px solid #e0a800;
  scroll-margin: 4em; }
"""
)
# Clicks on a source card tell the server which passage to open.
SOURCE_CLICK_JS = """
element.addEventListener('click', (event) => {
  const card = event.target.closest('[data-doc]');
  if (card) trigger('click', {doc: card.dataset.doc, start: card.dataset.start,
                              end: card.dataset.end});
});
"""
# After a new document is shown, bring the marked passage into view.
SCROLL_TO_PASSAGE_JS = """
watch('value', () => {
  const mark = element.querySelector('mark.avtal-passage');
  if (mark) mark.scrollIntoView({block: 'center'});
});
"""
# Swedish names for Gradio's own buttons when the browser's language is not Swedish.
RELABEL_JS = """
() => {
  const names = {Like: 'Bra svar', Dislike: 'Dåligt svar', Clear: 'Rensa samtalet',
                 'Copy message': 'Kopiera meddelandet', Copy: 'Kopiera'};
  const relabel = () => {
    for (const button of document.querySelectorAll('button[aria-label]')) {
      const name = names[button.getAttribute('aria-label')];
      if (name) { button.setAttribute('aria-label', name); button.title = name; }
    }
  };
  new MutationObserver(relabel).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'],
  });
  relabel();
}
"""
COPY_JS = """
(text) => {
  if (text && navigator.clipboard) navigator.clipboard.writeText(text);
  return text;
}
"""


@dataclass(frozen=True)
class Exchange:
    """One question and its answer in a user's conversation."""

    question: str  # as asked
    searched: str  # as searched (with the conversation's subject for a follow-up)
    answer: Answer
    stems: frozenset[str]  # the question's key words, for highlighting

    def turn(self) -> Turn:
        return Turn(self.searched, self.answer.text)


# -- logic the callbacks call -------------------------------------------------------------
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


def party_choices(overview: Overview) -> list[tuple[str, str]]:
    """(label, name) for the Ansvar view's picker: every party of the register."""
    return [(f"{name} ({count})", name) for _, name, count in overview.parties()]


def duties_view(overview: Overview, party: str | None) -> str:
    """A party's responsibilities grouped by agreement, as HTML."""
    if not party:
        return duties_html("", [])
    return duties_html(party, overview.by_agreement(overview.responsibilities_of(party)))


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


# -- the Blocks ---------------------------------------------------------------------------------
def build_ui(assistant: Assistant, gate: Gate | None = None) -> gr.Blocks:
    """The app; with a gate (admin credentials configured) it has an "Administrera" tab."""
    store = FeedbackStore(assistant.settings.feedback_db)

    def view(doc_id: str | None, passage: Passage | None = None) -> str:
        if not doc_id:
            return READER_HINT
        chunks = assistant.document_chunks(doc_id)
        return document_view(
            assistant.manifest,
            assistant.settings.corpus_dir,
            chunks,
            doc_id,
            passage,
            stored=assistant.document_text,
        )

    def on_ask(question: str, doc_ids: list[str] | None, history: list[Exchange]):
        if not question.strip():
            gr.Warning(EMPTY_QUESTION)
            yield question, messages(history), history, *shown(history[-1] if history else None)
            return
        for step in respond_steps(assistant, question, doc_ids, history):
            if isinstance(step, str):  # an LLM is writing: show the verified text so far
                partial = [*messages(history), *pending(question, step)]
                yield "", partial, history, gr.skip(), gr.skip()
            else:
                history = kept([*history, step])
                yield "", messages(history), history, *shown(step)

    def on_example(sample: list[str], doc_ids: list[str] | None, history: list[Exchange]):
        yield from on_ask(sample[0] if sample else "", doc_ids, history)

    def on_like(history: list[Exchange], votes: int, data: gr.LikeData) -> int:
        votes, message = record_vote(store, history, votes, data.index, data.liked)
        if message:
            gr.Info(message)
        return votes

    def on_select(history: list[Exchange], data: gr.SelectData):
        return shown(exchange_at(history, data.index))

    def on_source(data: gr.EventData) -> str:
        passage = passage_of(getattr(data, "_data", None))
        if passage is None or passage.doc_id not in assistant.manifest.documents:
            return VIEWER_HINT
        return view(passage.doc_id, passage)

    def on_clear():
        return [], [], *shown(None), VIEWER_HINT

    def current_overview() -> Overview:
        return overview_of(assistant.manifest, assistant.index.version)

    def on_load():
        manifest = assistant.manifest
        choices = document_choices(manifest)
        overview = current_overview()
        return (
            gr.Dropdown(choices=choices),
            start_html(overview.cards),
            cards_html(overview.cards),
            gr.Dropdown(choices=party_choices(overview)),
            gr.Dropdown(choices=choices),
        )

    def on_cite(data: gr.EventData) -> str:
        passage = passage_of(getattr(data, "_data", None))
        if passage is None or passage.doc_id not in assistant.manifest.documents:
            return READER_HINT
        return view(passage.doc_id, passage)

    def on_party(party: str | None) -> str:
        return duties_view(current_overview(), party)

    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=DELETE_CACHE) as demo:
        history = gr.State([])
        votes = gr.State(0)
        gr.Markdown(INTRO)
        with gr.Tabs():
            with gr.Tab("Fråga", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Samtal",
                            height=460,
                            elem_id="avtal-chat",
                            feedback_options=("Like", "Dislike"),
                            buttons=["copy"],
                            placeholder="Ställ en fråga eller klicka på ett exempel nedan.",
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                show_label=False,
                                placeholder="Till exempel: Vem ansvarar för Söderåsbanan?",
                                elem_id="avtal-question",
                                scale=5,
                                autofocus=True,
                            )
                            ask_button = gr.Button("Fråga", variant="primary", scale=1)
                        examples = gr.Dataset(
                            label="Exempel på frågor",
                            components=[question],
                            samples=[[text] for text in EXAMPLES],
                            type="values",
                            elem_id="avtal-examples",
                        )
                        with gr.Row():
                            doc_filter = gr.Dropdown(
                                label="Sök bara i dessa dokument",
                                info="Lämna tomt för att söka i alla dokument.",
                                multiselect=True,
                                choices=document_choices(assistant.manifest),
                                elem_id="avtal-filter",
                                scale=4,
                            )
                            clear_button = gr.Button("Ny konversation", scale=1)
                    with gr.Column(scale=2):
                        sources = gr.HTML(
                            sources_html(None), elem_id="avtal-sources", js_on_load=SOURCE_CLICK_JS
                        )
                        copy_button = gr.Button("Kopiera svaret med källor", size="sm")
                        with gr.Accordion("Svaret som text (för e-post och PM)", open=False):
                            plain = gr.Textbox(
                                show_label=False,
                                lines=6,
                                interactive=False,
                                buttons=["copy"],
                                elem_id="avtal-plain",
                            )
                gr.Markdown("### Dokumentet")
                viewer = gr.HTML(
                    VIEWER_HINT, elem_id="avtal-viewer", js_on_load=SCROLL_TO_PASSAGE_JS
                )
            with gr.Tab("Dokument", id="documents"):
                overview = current_overview()
                with gr.Tabs():
                    with gr.Tab("Översikt", id="overview"):
                        gr.Markdown(START_INTRO)
                        start = gr.HTML(
                            start_html(overview.cards),
                            elem_id="avtal-start",
                            js_on_load=SOURCE_CLICK_JS,
                        )
                        gr.Markdown(CARDS_INTRO)
                        cards = gr.HTML(
                            cards_html(overview.cards),
                            elem_id="avtal-cards",
                            js_on_load=SOURCE_CLICK_JS,
                        )
                    with gr.Tab("Ansvar", id="duties"):
                        gr.Markdown(DUTIES_INTRO)
                        party_pick = gr.Dropdown(
                            label="Kommun eller organisation",
                            choices=party_choices(overview),
                            value=None,
                            elem_id="avtal-party",
                        )
                        duties = gr.HTML(
                            duties_html("", []), elem_id="avtal-duties", js_on_load=SOURCE_CLICK_JS
                        )
                reader_pick = gr.Dropdown(
                    label="Läs dokument", choices=document_choices(assistant.manifest)
                )
                reader = gr.HTML(
                    READER_HINT, elem_id="avtal-reader", js_on_load=SCROLL_TO_PASSAGE_JS
                )
            if gate is not None:
                refreshed = [doc_filter, start, cards, party_pick, reader_pick]
                add_admin_tab(assistant, gate, on_load, refreshed)

        chat_outputs = [question, chatbot, history, sources, plain]
        private: dict[str, Any] = {"api_visibility": "private"}
        question.submit(on_ask, [question, doc_filter, history], chat_outputs, **private)
        ask_button.click(on_ask, [question, doc_filter, history], chat_outputs, **private)
        examples.click(on_example, [examples, doc_filter, history], chat_outputs, **private)
        chatbot.like(on_like, [history, votes], [votes], **private)
        chatbot.select(on_select, [history], [sources, plain], **private)
        sources.click(on_source, None, [viewer], **private)
        cleared = [chatbot, history, sources, plain, viewer]
        clear_button.click(on_clear, None, cleared, **private)
        chatbot.clear(on_clear, None, cleared, **private)
        copy_button.click(None, [plain], None, js=COPY_JS, **private)
        reader_pick.change(view, [reader_pick], [reader], **private)
        for clickable in (start, cards, duties):
            clickable.click(on_cite, None, [reader], **private)
        party_pick.change(on_party, [party_pick], [duties], **private)
        demo.load(on_load, None, [doc_filter, start, cards, party_pick, reader_pick], **private)

        def ask(question: str) -> str:
            """One question without conversation; the answer and its sources in Markdown."""
            return answer_markdown(assistant.ask(question))

        gr.api(ask, api_name="ask")
    return demo


def launch(demo: gr.Blocks, settings: Settings, uploads: bool = True) -> None:
    """Serve the app: queued (concurrent users), local fonts only, no analytics.

    Without uploads (no admin tab) Gradio's upload route takes no file larger than one
    byte, so readers cannot fill its temporary folder.
    """
    theme = gr.themes.Soft(
        font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "monospace"],
    )
    # api_open=False: every call goes through the queue and its concurrency limits (the
    # direct /run routes would skip them); show_error=False: readers get no stack details
    demo.queue(default_concurrency_limit=4, api_open=False).launch(
        server_name=settings.host,
        server_port=settings.port,
        show_error=False,
        theme=theme,
        css=CSS,
        js=RELABEL_JS,
        footer_links=[],
        max_file_size=int(settings.max_file_mb * 1_000_000) if uploads else 1,
    )


def warm_up(assistant: Assistant) -> None:
    """Answer one question before serving, so the first user's answer is warm."""
    assistant.ask(EXAMPLES[0])
