"""The chat window's panels, one small function each; app.py lays them out and wires
their events. Every text a reader sees here is Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from assistant.overview import Overview
from assistant.web.assets import SCROLL_TO_PASSAGE_JS, SOURCE_CLICK_JS
from assistant.web.overview_html import cards_html, duties_html, party_choices, start_html
from assistant.web.present import sources_html

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


@dataclass(frozen=True)
class ChatPanel:
    chatbot: gr.Chatbot
    question: gr.Textbox
    ask_button: gr.Button
    examples: gr.Dataset
    doc_filter: gr.Dropdown
    clear_button: gr.Button


@dataclass(frozen=True)
class SourcesPanel:
    sources: gr.HTML
    copy_button: gr.Button
    plain: gr.Textbox


@dataclass(frozen=True)
class DocumentsPanel:
    start: gr.HTML
    cards: gr.HTML
    party_pick: gr.Dropdown
    duties: gr.HTML
    reader_pick: gr.Dropdown
    reader: gr.HTML


def chat_panel(choices: list[tuple[str, str]]) -> ChatPanel:
    """The conversation, the question box, the examples and the document filter."""
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
            choices=choices,
            elem_id="avtal-filter",
            scale=4,
        )
        clear_button = gr.Button("Ny konversation", scale=1)
    return ChatPanel(chatbot, question, ask_button, examples, doc_filter, clear_button)


def sources_panel() -> SourcesPanel:
    """The cited passages of the selected answer and the answer as copyable text."""
    sources = gr.HTML(sources_html(None), elem_id="avtal-sources", js_on_load=SOURCE_CLICK_JS)
    copy_button = gr.Button("Kopiera svaret med källor", size="sm")
    with gr.Accordion("Svaret som text (för e-post och PM)", open=False):
        plain = gr.Textbox(
            show_label=False, lines=6, interactive=False, buttons=["copy"], elem_id="avtal-plain"
        )
    return SourcesPanel(sources, copy_button, plain)


def viewer_panel() -> gr.HTML:
    """The document a clicked source comes from, with the passage marked."""
    gr.Markdown("### Dokumentet")
    return gr.HTML(VIEWER_HINT, elem_id="avtal-viewer", js_on_load=SCROLL_TO_PASSAGE_JS)


def overview_panel(overview: Overview) -> tuple[gr.HTML, gr.HTML]:
    """Every agreement on one line, then one card per agreement."""
    gr.Markdown(START_INTRO)
    start = gr.HTML(start_html(overview.cards), elem_id="avtal-start", js_on_load=SOURCE_CLICK_JS)
    gr.Markdown(CARDS_INTRO)
    cards = gr.HTML(cards_html(overview.cards), elem_id="avtal-cards", js_on_load=SOURCE_CLICK_JS)
    return start, cards


def duties_panel(overview: Overview) -> tuple[gr.Dropdown, gr.HTML]:
    """What a chosen municipality or organisation is responsible for."""
    gr.Markdown(DUTIES_INTRO)
    party_pick = gr.Dropdown(
        label="Kommun eller organisation",
        choices=party_choices(overview),
        value=None,
        elem_id="avtal-party",
    )
    duties = gr.HTML(duties_html("", []), elem_id="avtal-duties", js_on_load=SOURCE_CLICK_JS)
    return party_pick, duties


def reader_panel(choices: list[tuple[str, str]]) -> tuple[gr.Dropdown, gr.HTML]:
    """A whole document, chosen from the list or opened from a quote."""
    reader_pick = gr.Dropdown(label="Läs dokument", choices=choices)
    reader = gr.HTML(READER_HINT, elem_id="avtal-reader", js_on_load=SCROLL_TO_PASSAGE_JS)
    return reader_pick, reader


def documents_tab(overview: Overview, choices: list[tuple[str, str]]) -> DocumentsPanel:
    """The Dokument tab: the overview and the responsibilities above the reader."""
    with gr.Tabs():
        with gr.Tab("Översikt", id="overview"):
            start, cards = overview_panel(overview)
        with gr.Tab("Ansvar", id="duties"):
            party_pick, duties = duties_panel(overview)
    reader_pick, reader = reader_panel(choices)
    return DocumentsPanel(start, cards, party_pick, duties, reader_pick, reader)
