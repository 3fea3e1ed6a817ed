"""The chat window (Gradio Blocks). Thin wiring: the panels are laid out in panels.py, the
conversation's logic is in chat.py; per-user state (the conversation) lives in gr.State only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.admin.tab import add_admin_tab
from assistant.overview import Overview, overview_of
from assistant.web.assets import COPY_JS, CSS, RELABEL_JS
from assistant.web.chat import (
    Exchange,
    exchange_at,
    kept,
    messages,
    passage_of,
    pending,
    record_vote,
    respond_steps,
    shown,
)
from assistant.web.documents import Passage, document_choices, document_view
from assistant.web.feedback import FeedbackStore
from assistant.web.overview_html import cards_html, duties_view, party_choices, start_html
from assistant.web.panels import (
    EMPTY_QUESTION,
    EXAMPLES,
    INTRO,
    READER_HINT,
    TITLE,
    VIEWER_HINT,
    ChatPanel,
    DocumentsPanel,
    SourcesPanel,
    chat_panel,
    documents_tab,
    sources_panel,
    viewer_panel,
)
from assistant.web.present import answer_markdown

if TYPE_CHECKING:
    from assistant.admin.gate import Gate
    from assistant.config import Settings
    from assistant.service import Assistant

# Gradio's temporary upload folder: files older than an hour are deleted every hour.
DELETE_CACHE = (3600, 3600)
PRIVATE: dict[str, Any] = {"api_visibility": "private"}


class Callbacks:
    """The events' handlers for one app. Gradio reads their type hints (gr.LikeData,
    gr.EventData), so every hint here must resolve at run time."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.store = FeedbackStore(assistant.settings.feedback_db)

    def view(self, doc_id: str | None, passage: Passage | None = None) -> str:
        if not doc_id:
            return READER_HINT
        assistant = self.assistant
        return document_view(
            assistant.manifest,
            assistant.settings.corpus_dir,
            assistant.document_chunks(doc_id),
            doc_id,
            passage,
            stored=assistant.document_text,
        )

    def on_ask(self, question: str, doc_ids: list[str] | None, history: list[Exchange]):
        if not question.strip():
            gr.Warning(EMPTY_QUESTION)
            yield question, messages(history), history, *shown(history[-1] if history else None)
            return
        for step in respond_steps(self.assistant, question, doc_ids, history):
            if isinstance(step, str):  # an LLM is writing: show the verified text so far
                partial = [*messages(history), *pending(question, step)]
                yield "", partial, history, gr.skip(), gr.skip()
            else:
                history = kept([*history, step])
                yield "", messages(history), history, *shown(step)

    def on_example(self, sample: list[str], doc_ids: list[str] | None, history: list[Exchange]):
        yield from self.on_ask(sample[0] if sample else "", doc_ids, history)

    def on_like(self, history: list[Exchange], votes: int, data: gr.LikeData) -> int:
        votes, message = record_vote(self.store, history, votes, data.index, data.liked)
        if message:
            gr.Info(message)
        return votes

    def on_select(self, history: list[Exchange], data: gr.SelectData):
        return shown(exchange_at(history, data.index))

    def _clicked(self, data: gr.EventData) -> Passage | None:
        passage = passage_of(getattr(data, "_data", None))
        if passage is None or passage.doc_id not in self.assistant.manifest.documents:
            return None
        return passage

    def on_source(self, data: gr.EventData) -> str:
        passage = self._clicked(data)
        return VIEWER_HINT if passage is None else self.view(passage.doc_id, passage)

    def on_cite(self, data: gr.EventData) -> tuple[str, Any]:
        """The cited document in the reader, and the reader's picker showing it."""
        passage = self._clicked(data)
        if passage is None:
            return READER_HINT, gr.skip()
        return self.view(passage.doc_id, passage), passage.doc_id

    def on_clear(self):
        return [], [], *shown(None), VIEWER_HINT

    def current_overview(self) -> Overview:
        return overview_of(self.assistant.manifest, self.assistant.index.version)

    def on_load(self):
        choices = document_choices(self.assistant.manifest)
        overview = self.current_overview()
        return (
            gr.Dropdown(choices=choices),
            start_html(overview.cards),
            cards_html(overview.cards),
            gr.Dropdown(choices=party_choices(overview)),
            gr.Dropdown(choices=choices),
        )

    def on_party(self, party: str | None) -> str:
        return duties_view(self.current_overview(), party)


def _wire_chat(
    calls: Callbacks, chat: ChatPanel, side: SourcesPanel, viewer: gr.HTML, history, votes
) -> None:
    asked = [chat.question, chat.doc_filter, history]
    outputs = [chat.question, chat.chatbot, history, side.sources, side.plain]
    chat.question.submit(calls.on_ask, asked, outputs, **PRIVATE)
    chat.ask_button.click(calls.on_ask, asked, outputs, **PRIVATE)
    chat.examples.click(
        calls.on_example, [chat.examples, chat.doc_filter, history], outputs, **PRIVATE
    )
    chat.chatbot.like(calls.on_like, [history, votes], [votes], **PRIVATE)
    chat.chatbot.select(calls.on_select, [history], [side.sources, side.plain], **PRIVATE)
    side.sources.click(calls.on_source, None, [viewer], **PRIVATE)
    cleared = [chat.chatbot, history, side.sources, side.plain, viewer]
    chat.clear_button.click(calls.on_clear, None, cleared, **PRIVATE)
    chat.chatbot.clear(calls.on_clear, None, cleared, **PRIVATE)
    side.copy_button.click(None, [side.plain], None, js=COPY_JS, **PRIVATE)


def _wire_documents(calls: Callbacks, docs: DocumentsPanel) -> None:
    # .input, not .change: a citation sets the picker too, and must keep its marked passage
    docs.reader_pick.input(calls.view, [docs.reader_pick], [docs.reader], **PRIVATE)
    for clickable in (docs.start, docs.cards, docs.duties):
        clickable.click(calls.on_cite, None, [docs.reader, docs.reader_pick], **PRIVATE)
    docs.party_pick.change(calls.on_party, [docs.party_pick], [docs.duties], **PRIVATE)


def build_ui(assistant: Assistant, gate: Gate | None = None) -> gr.Blocks:
    """The app; with a gate (admin credentials configured) it has an "Administrera" tab."""
    calls = Callbacks(assistant)
    choices = document_choices(assistant.manifest)
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=DELETE_CACHE) as demo:
        history, votes = gr.State([]), gr.State(0)
        gr.Markdown(INTRO)
        with gr.Tabs():
            with gr.Tab("Fråga", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chat = chat_panel(choices)
                    with gr.Column(scale=2):
                        side = sources_panel()
                viewer = viewer_panel()
            with gr.Tab("Dokument", id="documents"):
                docs = documents_tab(calls.current_overview(), choices)
            refreshed = [chat.doc_filter, docs.start, docs.cards, docs.party_pick, docs.reader_pick]
            if gate is not None:
                add_admin_tab(assistant, gate, calls.on_load, refreshed)
        _wire_chat(calls, chat, side, viewer, history, votes)
        _wire_documents(calls, docs)
        demo.load(calls.on_load, None, refreshed, **PRIVATE)

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
