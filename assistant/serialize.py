"""The JSON contract of `python -m assistant ask --json` (other tools build on it)."""

from __future__ import annotations

from typing import Any

from assistant.types import Answer

MIN_PASSAGES = 5


def answer_to_json(answer: Answer, question: str, qid: str | None = None) -> dict[str, Any]:
    return {
        "id": qid,
        "question": question,
        "answer": answer.text,
        "found": answer.found,
        "language": answer.language,
        "citations": [
            {
                "n": c.n,
                "doc_id": c.chunk.doc_id,
                "title": c.chunk.title,
                "section": c.chunk.section,
                "text": c.chunk.text,
                "quote": c.quote,
                "page": c.chunk.page,
            }
            for c in answer.citations
        ],
        "passages": [
            {
                "doc_id": h.chunk.doc_id,
                "title": h.chunk.title,
                "section": h.chunk.section,
                "text": h.chunk.text,
                "score": round(h.score, 6),
                "page": h.chunk.page,
            }
            for h in answer.hits
        ],
        "timings_ms": dict(answer.timings),
        "note": answer.note,
    }
