"""The chat window (Gradio). Thin: the logic lives in Assistant and present."""

from __future__ import annotations

from typing import Any

from assistant.present import answer_markdown
from assistant.service import Assistant

EXAMPLES = [
    "Vem ansvarar för Söderåsbanan?",
    "Vilka kommuner ingår i MalmöLundregionen?",
    "Hur stor är medlemsavgiften i Familjen Helsingborg?",
    "Who is responsible for Söderåsbanan?",
]
TITLE = "Avtalsassistenten"
DESCRIPTION = (
    "Ställ frågor om de regionala samarbetsavtalen. Svaren citerar ordagrant ur dokumenten "
    "och visar varifrån de kommer. You can also ask in English."
)


def build_ui(assistant: Assistant) -> Any:
    import gradio as gr

    def respond(message: str, history: list[dict[str, Any]]) -> str:
        if not message.strip():
            return "Skriv en fråga om avtalen."
        return answer_markdown(assistant.ask(message))

    return gr.ChatInterface(
        respond,
        title=TITLE,
        description=DESCRIPTION,
        examples=EXAMPLES,
        run_examples_on_click=True,
        cache_examples=False,
        flagging_mode="never",
        analytics_enabled=False,
        chatbot=gr.Chatbot(label="Samtal", height=520),
        textbox=gr.Textbox(
            placeholder="Till exempel: Vem ansvarar för Söderåsbanan?",
            submit_btn="Fråga",
            stop_btn=False,
        ),
        api_name="ask",
    )
