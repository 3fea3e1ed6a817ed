"""Swedish wording for the administration tab: build progress, reports and OCR quality.

Problems (why a file or a page could not be read, why the index was rebuilt) are typed:
their Swedish words come from the Swedish message table (ingest/messages/sv.toml), the
same codes the ingest summary words in English. A problem stored by an older index has no
code and is shown as it was stored.
"""

from __future__ import annotations

from ingest.messages import Problem, message, size_text, table
from ingest.report import BuildReport, PageNote, notes_for


def reason_sv(problem: Problem) -> str:
    """Why a file could not be indexed, in Swedish."""
    return problem.text("sv")


def ocr_quality_sv(pages: list[dict]) -> str:
    """What OCR made of a document's scanned pages, for the file list and the upload:
    'inläst med OCR (2 sidor, medelsäkerhet 93 %); sida 3 svårläst – kontrollera'."""
    if not pages:
        return ""
    read = [p["confidence"] for p in pages if p.get("confidence") is not None]
    count = "1 sida" if len(pages) == 1 else f"{len(pages)} sidor"
    mean = f", medelsäkerhet {sum(read) / len(read):.0f} %" if read else ""
    parts = [f"inläst med OCR ({count}{mean})"]
    parts += [page_note_sv(note) for note in notes_for("", pages)]
    return "; ".join(parts)


def page_note_sv(note: PageNote) -> str:
    """'sida 3 svårläst – kontrollera'."""
    return f"sida {note.page} {note.problem.text('sv')}"


def decimal(value: float) -> str:
    """One decimal with a Swedish decimal comma: 3,2."""
    return f"{value:.1f}".replace(".", ",")


def size_sv(size: int) -> str:
    """A file size in Swedish: 7,8 kB."""
    return size_text(size, "sv")


def stage_sv(stage: str, done: int, total: int) -> str:
    """A build progress step in Swedish."""
    if stage == "write" and done >= total:
        return message("stage_written", "sv")
    if f"stage_{stage}" not in table("sv"):
        return stage
    return message(f"stage_{stage}", "sv", done=done, total=total)


def _names(title: str, names: list[str]) -> list[str]:
    return [f"- {title}: {', '.join(names)}"] if names else []


def report_sv(report: BuildReport) -> str:
    """A build report as Swedish Markdown for the administrator."""
    size = f"{report.documents} dokument, {report.chunks} avsnitt"
    if not report.rebuilt:
        lines = [f"**Indexet var redan aktuellt** – inget behövde göras ({size})."]
    else:
        lines = [f"**Indexet är uppdaterat** på {decimal(report.seconds)} s ({size})."]
        if report.full:
            lines.append(f"- Allt indexerades om: {report.reason.text('sv')}")
        lines += _names("Tillagda", report.added)
        lines += _names("Ändrade", report.changed)
        lines += _names("Borttagna", report.removed)
        if not report.full:
            lines.append(f"- Oförändrade: {report.unchanged}")
        lines.append(f"- Nya avsnitt med beräknade vektorer: {report.embedded}")
    if report.problems:
        lines.append("")
        lines.append("**Filer som inte kunde indexeras:**")
        lines += [f"- {p.path}: {reason_sv(p.problem)}" for p in report.problems]
    if report.to_check:
        lines.append("")
        lines.append("**Sidor att kontrollera (inlästa med OCR):**")
        lines += [f"- {n.path}: {page_note_sv(n)}" for n in report.to_check]
    return "\n".join(lines)
