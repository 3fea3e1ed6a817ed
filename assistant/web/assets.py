"""The app's CSS and JavaScript, kept as files in static/ so that each can be read (and
checked by an editor) as what it is."""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).parent / "static"


def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


CSS = "\n" + _read("overview.css") + "\n" + _read("chat.css")
# Clicks on a source card or a quote tell the server which passage to open.
SOURCE_CLICK_JS = "\n" + _read("source_click.js")
# After a new document is shown, bring the marked passage into view.
SCROLL_TO_PASSAGE_JS = "\n" + _read("scroll_to_passage.js")
# Swedish names for Gradio's own buttons when the browser's language is not Swedish.
RELABEL_JS = "\n" + _read("relabel.js")
# The "copy the answer" button: the plain text with its sources to the clipboard.
COPY_JS = "\n" + _read("copy.js")
