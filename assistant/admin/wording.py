"""Swedish wording for the administration tab: file problems, build progress and reports.

The ingest package words its reasons in English (they go to logs and CI); an official
managing documents in the app reads them in Swedish. A reason without a translation is
shown as it is rather than hidden.
"""

from __future__ import annotations

import re

from ingest.build import BuildReport, PageNote, notes_for
from ingest.discover import BINARY, UTF16
from ingest.parse import ocr
from ingest.parse.docx import NO_WORD_DOCUMENT, NOT_A_DOCX, OLE_FORMAT
from ingest.parse.image import IMAGE_OCR_MISSING
from ingest.parse.pdf import ENCRYPTED, NOT_A_PDF

_INSTALL_SV = f"som root: {ocr.INSTALL}"

_EXACT = {
    "empty file": "tom fil",
    "empty file (only whitespace)": "tom fil (bara blanktecken)",
    "no text found": "ingen text hittades i filen",
    BINARY: "binärt innehåll, inte text",
    UTF16: "texten är kodad som UTF-16; spara den som UTF-8 och lägg till den igen",
    ENCRYPTED: "krypterad PDF; ta bort lösenordet och lägg till den igen",
    ocr.OCR_MISSING: f"PDF-filen saknar textlager och OCR är inte installerat ({_INSTALL_SV})",
    IMAGE_OCR_MISSING: f"en bildfil läses med OCR, som inte är installerat ({_INSTALL_SV})",
    NOT_A_PDF: "inte en PDF-fil (saknar %PDF-huvud); exportera eller spara den som PDF igen",
    OLE_FORMAT: (
        "inte en .docx-fil (gammalt Word .doc-format eller lösenordsskyddat dokument); "
        "spara den som .docx utan lösenord"
    ),
    NOT_A_DOCX: "inte en Word .docx-fil (inget ZIP-paket); spara den som .docx igen",
    NO_WORD_DOCUMENT: "inte en Word .docx-fil (inget Word-dokument i paketet); spara den igen",
}
_PAGE_EXACT = {
    ocr.BLANK: "tom sida",
    ocr.NO_TEXT: "ingen text hittades",
    ocr.NOT_TEXT: "ingen läsbar text (en bild eller ett fotografi?)",
    ocr.NOT_INSTALLED: f"lästes inte: OCR är inte installerat ({_INSTALL_SV})",
    "no text": "ingen text",
}
_PAGE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^hard to read \(mean word confidence (\d+) %\)$"), "svårläst – kontrollera"),
    (
        re.compile(r"^not read: OCR took too long \(over (\d+) s\)$"),
        r"lästes inte: OCR tog för lång tid (över \1 s)",
    ),
    (
        re.compile(r"^not read: the document's OCR time ran out \((\d+) s, (\w+)\)$"),
        r"lästes inte: tiden för OCR av dokumentet tog slut (\1 s, ändras med \2)",
    ),
]
_PAGE_COUNT = re.compile(r"^(.*): (\d+) p\.$")


def page_problem_sv(problem: str) -> str:
    """Why a page read by OCR needs a look, in Swedish."""
    if problem in _PAGE_EXACT:
        return _PAGE_EXACT[problem]
    for pattern, template in _PAGE_PATTERNS:
        if pattern.match(problem):
            return pattern.sub(template, problem)
    return problem


def _page_details_sv(details: str) -> str:
    """ "blank page: 2 p.; no text found: 1 p." in Swedish."""
    parts = []
    for part in details.split("; "):
        counted = _PAGE_COUNT.match(part)
        if counted:
            pages = "sida" if counted.group(2) == "1" else "sidor"
            parts.append(f"{page_problem_sv(counted.group(1))}: {counted.group(2)} {pages}")
        else:
            parts.append(page_problem_sv(part))
    return "; ".join(parts)


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
    return f"sida {note.page} {page_problem_sv(note.reason)}"


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^unsupported file type '(.*)'$"), r"filtypen '\1' stöds inte"),
    (
        re.compile(r"^file too large \((.*); the limit is (.*)\)$"),
        r"för stor fil (\1; gränsen är \2)",
    ),
    (re.compile(r"^duplicate of (.*) \(same content\)$"), r"samma innehåll som \1 (dubblett)"),
    (re.compile(r"^could not be opened \((.*)\)$"), r"kunde inte öppnas (\1)"),
    (re.compile(r"^could not be read \((.*)\)$"), r"kunde inte läsas (\1)"),
    (re.compile(r"^damaged PDF \((.*)\)$"), r"skadad PDF-fil (\1)"),
    (re.compile(r"^damaged or unknown image \((.*)\)$"), r"skadad eller okänd bildfil (\1)"),
    (
        re.compile(r"^not a (\w+) image \(the content does not match the file name\)$"),
        r"inte en \1-bild (innehållet stämmer inte med filnamnet)",
    ),
    (
        re.compile(r"^image too large \(over (\d+) megapixels; the limit is (\d+)\)$"),
        r"för stor bild (över \1 megapixlar; gränsen är \2)",
    ),
    (
        re.compile(r"^image too large \((\d+) megapixels; the limit is (\d+)\)$"),
        r"för stor bild (\1 megapixlar; gränsen är \2)",
    ),
    (re.compile(r"^damaged \.docx file \((.*)\)$"), r"skadad .docx-fil (\1)"),
    (re.compile(r"^catalog ignored: (.*)$"), r"katalogfilen användes inte: \1"),
    (
        re.compile(r"^took too long to read \(over (\d+) s\)$"),
        r"tog för lång tid att läsa (över \1 s)",
    ),
    (
        re.compile(r"^could not be read within the memory limit \((\d+)\.(\d) GB\)$"),
        r"kunde inte läsas inom minnesgränsen (\1,\2 GB)",
    ),
    (
        re.compile(r"^too many pages \((\d+); the limit is (\d+), set by (\w+)\)$"),
        r"för många sidor (\1; gränsen är \2 och ändras med \3)",
    ),
    (
        re.compile(r"^too many paragraphs and tables \((\d+); the limit is (\d+)\)$"),
        r"för många stycken och tabeller (\1; gränsen är \2)",
    ),
]
_FULL_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^no index yet$"), "det fanns inget index"),
    (re.compile(r"^--full requested$"), "en fullständig omindexering begärdes"),
    (re.compile(r"^embedding model changed \((.*) -> (.*)\)$"), r"ny inbäddningsmodell (\1 → \2)"),
    (re.compile(r"^chunker changed \(version (.*) -> (.*)\)$"), r"ny styckningsversion (\1 → \2)"),
]
_STAGES = {
    "parse": "Läser dokument {done} av {total}",
    "ocr": "Läser inskannad sida {done} av {total} (OCR)",
    "embed": "Beräknar vektorer för avsnitt {done} av {total}",
    "write": "Skriver det nya indexet",
}


_DETAILED: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^no text layer, and OCR found no readable text \((.*)\)$"),
        "PDF-filen saknar textlager och OCR hittade ingen läsbar text ({})",
    ),
    (re.compile(r"^no readable text in the image \((.*)\)$"), "ingen läsbar text i bilden ({})"),
]


def reason_sv(reason: str) -> str:
    """A file problem's reason in Swedish (unchanged when there is no translation)."""
    if reason in _EXACT:
        return _EXACT[reason]
    for pattern, template in _DETAILED:
        found = pattern.match(reason)
        if found:
            return template.format(_page_details_sv(found.group(1)))
    for pattern, template in _PATTERNS:
        if pattern.match(reason):
            return pattern.sub(template, reason)
    return reason


def _full_reason_sv(reason: str) -> str:
    for pattern, template in _FULL_REASONS:
        if pattern.match(reason):
            return pattern.sub(template, reason)
    return reason


def decimal(value: float) -> str:
    """One decimal with a Swedish decimal comma: 3,2."""
    return f"{value:.1f}".replace(".", ",")


def size_sv(size: int) -> str:
    """A file size in Swedish: 7,8 kB."""
    if size >= 1_000_000:
        return f"{decimal(size / 1e6)} MB"
    if size >= 1_000:
        return f"{decimal(size / 1e3)} kB"
    return f"{size} byte"


def stage_sv(stage: str, done: int, total: int) -> str:
    """A build progress step in Swedish."""
    template = _STAGES.get(stage, stage)
    if stage == "write" and done >= total:
        return "Det nya indexet är skrivet; laddar det i appen"
    return template.format(done=done, total=total)


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
            lines.append(f"- Allt indexerades om: {_full_reason_sv(report.reason)}")
        lines += _names("Tillagda", report.added)
        lines += _names("Ändrade", report.changed)
        lines += _names("Borttagna", report.removed)
        if not report.full:
            lines.append(f"- Oförändrade: {report.unchanged}")
        lines.append(f"- Nya avsnitt med beräknade vektorer: {report.embedded}")
    if report.problems:
        lines.append("")
        lines.append("**Filer som inte kunde indexeras:**")
        lines += [f"- {p.path}: {reason_sv(p.reason)}" for p in report.problems]
    if report.to_check:
        lines.append("")
        lines.append("**Sidor att kontrollera (inlästa med OCR):**")
        lines += [f"- {n.path}: {page_note_sv(n)}" for n in report.to_check]
    return "\n".join(lines)
