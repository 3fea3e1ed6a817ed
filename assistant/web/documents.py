"""The indexed documents for the "Dokument" tab and the reader: list rows and marked text.

Chunk offsets point into the text the parser made of the source file. That text is stored
with the index at ingest time (one file per content hash), so the reader never parses a
document again; it shows the text (HTML tags of the PDF export removed, everything escaped),
with the passage wrapped in <mark class="avtal-passage"> so the browser can scroll to it.
An index without stored texts (built before they were kept, or on a Chroma server) has the
source file parsed once per content hash, one document at a time, and a few kept in memory.
When the file is gone or changed since it was indexed, the reader falls back to the
indexed passages.
"""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.discover import file_hash
from ingest.schema import Chunk
from ingest.store import Manifest

PASSAGE_CLASS = "avtal-passage"
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
DOCUMENT_HEADERS = ["Titel", "Organisationer", "Period", "Passager", "Indexerat"]
StoredText = Callable[[str], str | None]  # content hash -> the text stored with the index
EXTRACTED_KEPT = 4  # parsed texts kept in memory when the index has no stored text
_extracted: OrderedDict[tuple[str, str, str], str] = OrderedDict()
_extracting = threading.Lock()  # one parse at a time; concurrent clicks then share it


@dataclass(frozen=True)
class Passage:
    """Where a passage sits in a document (character offsets into the source file)."""

    doc_id: str
    start: int
    end: int


def indexed_time(stamp: str) -> str:
    """'2026-11-23T02:02:06+0000' -> '2026-11-23 02:02' (other forms are kept as they are)."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", stamp)
    return f"{match.group(1)} {match.group(2)}" if match else stamp


def sorted_doc_ids(manifest: Manifest) -> list[str]:
    """The indexed documents in the order they are listed: by title."""
    documents = manifest.documents
    return sorted(documents, key=lambda doc_id: (documents[doc_id].title.casefold(), doc_id))


def document_rows(manifest: Manifest) -> list[list[str | int]]:
    """One row per indexed document (see sorted_doc_ids), columns as DOCUMENT_HEADERS."""
    rows: list[list[str | int]] = []
    for doc_id in sorted_doc_ids(manifest):
        info = manifest.documents[doc_id]
        organisations = ", ".join(info.organisations) or "–"
        rows.append(
            [
                info.title,
                organisations,
                info.period or "–",
                info.chunks,
                indexed_time(info.indexed_at),
            ]
        )
    return rows


def document_choices(manifest: Manifest) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for document pickers, sorted by title."""
    pairs: list[tuple[str, str]] = []
    for doc_id in sorted_doc_ids(manifest):
        info = manifest.documents[doc_id]
        pairs.append((f"{info.title} ({info.period})" if info.period else info.title, doc_id))
    return pairs


def known_doc_ids(manifest: Manifest, wanted: Sequence[str] | None) -> list[str] | None:
    """The wanted documents that are indexed; None (search everything) when none are."""
    kept = [doc_id for doc_id in wanted or () if doc_id in manifest.documents]
    return kept or None


def source_path(corpus_dir: Path, doc_id: str) -> Path | None:
    """The source file of a document, or None when doc_id would leave the corpus folder."""
    root = corpus_dir.resolve()
    path = (root / doc_id).resolve()
    return path if path.is_relative_to(root) and path != root else None


def read_source(corpus_dir: Path, doc_id: str, content_hash: str = "") -> str | None:
    """The text the chunk offsets refer to, or None when it is missing or has changed."""
    path = source_path(corpus_dir, doc_id)
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    if content_hash and file_hash(data) != content_hash:
        return None
    return extracted_text(path)


def cached_source(corpus_dir: Path, doc_id: str, content_hash: str) -> str | None:
    """read_source, parsed once per content hash (the last EXTRACTED_KEPT are kept)."""
    key = (str(corpus_dir.resolve()), doc_id, content_hash)
    with _extracting:
        if key in _extracted:
            _extracted.move_to_end(key)
            return _extracted[key]
        text = read_source(corpus_dir, doc_id, content_hash)
        if text is not None and content_hash:
            _extracted[key] = text
            while len(_extracted) > EXTRACTED_KEPT:
                _extracted.popitem(last=False)
        return text


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def extracted_text(path: Path) -> str | None:
    """The text the parser of this format produced, which the chunk offsets refer to."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            from ingest.parse.pdf import pdf_text

            return pdf_text(path)
        if suffix == ".docx":
            from ingest.parse.docx import docx_text

            return docx_text(path)
        if suffix in (".html", ".htm"):
            from ingest.parse.html import html_text

            return html_text(path)
        if suffix in IMAGE_SUFFIXES:
            from ingest.parse.image import image_text

            return image_text(path)
        from ingest.parse.decode import read_text

        return read_text(path)
    except Exception:  # unreadable now: the reader falls back to the indexed passages
        return None


def _clean(text: str) -> str:
    """Visible text as HTML: entities decoded first (as the parser does), tags removed."""
    return html.escape(_TAG.sub("", html.unescape(text)), quote=False)


def marked_html(text: str, start: int | None = None, end: int | None = None) -> str:
    """The text as escaped HTML, with text[start:end] marked as the passage."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return _clean(text)
    before, passage, after = text[:start], text[start:end], text[end:]
    return f'{_clean(before)}<mark class="{PASSAGE_CLASS}">{_clean(passage)}</mark>{_clean(after)}'


def chunks_html(chunks: Sequence[Chunk], marked: Passage | None = None) -> str:
    """The document rebuilt from its indexed passages, a heading line where sections change."""
    parts: list[str] = []
    section: tuple[str, ...] | None = None
    for chunk in sorted(chunks, key=lambda c: (c.position, c.start)):
        if chunk.heading_path != section:
            section = chunk.heading_path
            parts.append(f"<strong>{html.escape(' › '.join(section))}</strong>")
        text = html.escape(chunk.text, quote=False)
        if marked and (chunk.start, chunk.end) == (marked.start, marked.end):
            text = f'<mark class="{PASSAGE_CLASS}">{text}</mark>'
        parts.append(text)
    return "\n\n".join(parts)


def reader_html(title: str, body: str, note: str = "") -> str:
    """The reader: the title, an optional note, and the scrollable document text."""
    note_html = f'<p class="avtal-note">{html.escape(note)}</p>' if note else ""
    return (
        f'<div class="avtal-reader"><h3>{html.escape(title)}</h3>{note_html}'
        f'<div class="avtal-document">{body}</div></div>'
    )


def document_view(
    manifest: Manifest,
    corpus_dir: Path,
    chunks: Sequence[Chunk],
    doc_id: str,
    marked: Passage | None = None,
    stored: StoredText | None = None,
) -> str:
    """The whole document as HTML, the marked passage (if any) highlighted.

    The text comes from `stored` (the index's texts by content hash) when it has it, and
    is parsed from the source file (once, see cached_source) otherwise.
    """
    info = manifest.documents.get(doc_id)
    if info is None:
        return reader_html("Okänt dokument", "", "Dokumentet finns inte i indexet.")
    text = stored(info.content_hash) if stored is not None else None
    if text is None:
        text = cached_source(corpus_dir, doc_id, info.content_hash)
    if text is not None:
        start, end = (marked.start, marked.end) if marked else (None, None)
        return reader_html(info.title, marked_html(text, start, end))
    note = "Källfilen saknas eller har ändrats sedan indexeringen; de indexerade passagerna visas."
    return reader_html(info.title, chunks_html(chunks, marked), note)
