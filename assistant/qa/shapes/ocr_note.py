"""A note on answers that rest only on scanned text OCR read with low confidence."""

from __future__ import annotations

from assistant.types import Answer
from ingest.parse.ocr import min_confidence

UNCERTAIN_READING = {
    "sv": "Obs: svaret bygger bara på inskannad text som OCR läste osäkert ({where}); "
    "kontrollera mot originalet.",
    "en": "Note: this answer rests only on scanned text that OCR read with low confidence "
    "({where}); check the original.",
}


def uncertain_reading_note(answer: Answer) -> str:
    """A warning when every cited passage is OCR text read below the confidence limit."""
    cited = [c.chunk for c in answer.citations]
    limit = min_confidence()
    if not cited or not all(
        c.ocr and c.ocr_confidence is not None and c.ocr_confidence < limit for c in cited
    ):
        return ""
    page = "s." if answer.language == "sv" else "p."
    where = "; ".join(f"{c.title}, {page} {c.page}, {c.ocr_confidence:.0f} %" for c in cited[:2])
    return UNCERTAIN_READING[answer.language].format(where=where)
