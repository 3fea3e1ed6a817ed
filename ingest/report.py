"""What a build did and what a person should check: the build report and OCR page notes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ingest.messages import Problem
from ingest.parse.ocr import page_problem
from ingest.schema import Document, PageReading, ParseProblem
from ingest.store import DocumentInfo


@dataclass(frozen=True)
class PageNote:
    """A page of an indexed document that a person should check (read by OCR)."""

    path: str
    page: int
    problem: Problem

    @property
    def reason(self) -> str:
        return str(self.problem)

    def __str__(self) -> str:
        return f"{self.path} page {self.page}: {self.reason}"


def page_notes(documents: dict[str, DocumentInfo]) -> list[PageNote]:
    """The pages of the indexed documents that OCR read badly or could not read."""
    return [n for d, info in sorted(documents.items()) for n in notes_for(d, info.ocr_pages)]


def notes_for(doc_id: str, pages: list[dict]) -> list[PageNote]:
    """The pages to check of one document, from its DocumentInfo.ocr_pages."""
    notes = []
    for entry in pages:
        problem = page_problem(PageReading(**entry))
        if problem:
            notes.append(PageNote(doc_id, int(entry["page"]), problem))
    return notes


def ocr_pages(document: Document) -> list[dict]:
    return [asdict(r) for r in document.readings]


@dataclass
class BuildReport:
    documents: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0
    full: bool = False
    reason: Problem = field(default_factory=lambda: Problem("incremental"))
    problems: list[ParseProblem] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = True
    to_check: list[PageNote] = field(default_factory=list)  # pages to check (OCR)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["reason"] = str(self.reason)
        data["problems"] = [{"file": p.path, "reason": p.reason} for p in self.problems]
        data["to_check"] = [
            {"file": n.path, "page": n.page, "reason": n.reason} for n in self.to_check
        ]
        data["seconds"] = round(self.seconds, 2)
        return data
