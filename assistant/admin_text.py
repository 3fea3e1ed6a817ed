"""Swedish wording for the administration tab: file problems, build progress and reports.

The ingest package words its reasons in English (they go to logs and CI); an official
managing documents in the app reads them in Swedish. A reason without a translation is
shown as it is rather than hidden.
"""

from __future__ import annotations

import re

from ingest.build import BuildReport
from ingest.discover import BINARY, UTF16
from ingest.parse.docx import NO_WORD_DOCUMENT, NOT_A_DOCX, OLE_FORMAT
from ingest.parse.pdf import ENCRYPTED, NO_TEXT_LAYER, NOT_A_PDF

_EXACT = {
    "empty file": "tom fil",
    "empty file (only whitespace)": "tom fil (bara blanktecken)",
    "no text found": "ingen text hittades i filen",
    BINARY: "binärt innehåll, inte text",
    UTF16: "texten är kodad som UTF-16; spara den som UTF-8 och lägg till den igen",
    ENCRYPTED: "krypterad PDF; ta bort lösenordet och lägg till den igen",
    NO_TEXT_LAYER: "PDF-filen saknar textlager (inskannad?); OCR stöds inte",
    NOT_A_PDF: "inte en PDF-fil (saknar %PDF-huvud); exportera eller spara den som PDF igen",
    OLE_FORMAT: (
        "inte en .docx-fil (gammalt Word .doc-format eller lösenordsskyddat dokument); "
        "spara den som .docx utan lösenord"
    ),
    NOT_A_DOCX: "inte en Word .docx-fil (inget ZIP-paket); spara den som .docx igen",
    NO_WORD_DOCUMENT: "inte en Word .docx-fil (inget Word-dokument i paketet); spara den igen",
}
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
    "embed": "Beräknar vektorer för avsnitt {done} av {total}",
    "write": "Skriver det nya indexet",
}


def reason_sv(reason: str) -> str:
    """A file problem's reason in Swedish (unchanged when there is no translation)."""
    if reason in _EXACT:
        return _EXACT[reason]
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
    return "\n".join(lines)
