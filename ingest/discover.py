"""Find the documents of a corpus folder and parse each one on its own.

One unreadable file never stops the rest: it becomes a ParseProblem with a reason.
"""

from __future__ import annotations

import hashlib
import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ingest.messages import Problem, cause
from ingest.parse import IMAGE_SUFFIXES, PARSERS, UnreadableDocument
from ingest.parse import docx as docx_format
from ingest.parse import image as image_format
from ingest.parse import pdf as pdf_format
from ingest.schema import Document, ParseProblem, ParseResult

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.toml"
IGNORED_NAMES = {CATALOG_FILE, "README.md", "README.txt"}
LOCK_FILE_PREFIX = "~$"  # Word's owner file beside an open document
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
BINARY = "binary"  # codes of the message tables (ingest/messages/)
UTF16 = "utf16"
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceFile:
    doc_id: str
    path: Path
    content_hash: str
    size: int


@dataclass(frozen=True)
class CatalogEntry:
    title: str | None = None
    organisations: tuple[str, ...] = ()
    period: str = ""


def read_catalog(corpus_dir: Path) -> tuple[dict[str, CatalogEntry], list[ParseProblem]]:
    path = corpus_dir / CATALOG_FILE
    if not path.exists():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [ParseProblem(CATALOG_FILE, Problem("catalog_ignored", {"error": str(error)}))]
    entries = {}
    for name, fields in data.items():
        if isinstance(fields, dict):
            entries[name] = CatalogEntry(
                title=fields.get("title"),
                organisations=tuple(fields.get("organisations", ())),
                period=str(fields.get("period", "")),
            )
    return entries, []


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_problem(suffix: str, data: bytes) -> Problem | None:
    """Why a file's bytes cannot be what its name says, or None when they may be."""
    head = data[:_SNIFF_BYTES]
    if suffix == ".pdf":
        return pdf_format.sniff(head)
    if suffix == ".docx":
        return docx_format.sniff(head)
    if suffix in IMAGE_SUFFIXES:
        return image_format.sniff(suffix, head)
    if suffix not in TEXT_SUFFIXES:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None if suffix in (".html", ".htm") else Problem(UTF16)
    if b"\x00" in head:
        return Problem(BINARY)
    if not data.strip():
        return Problem("only_whitespace")
    return None


def _skipped(rel: str) -> bool:
    parts = Path(rel).parts
    return (
        rel in IGNORED_NAMES
        or any(part.startswith(".") for part in parts)
        or parts[-1].startswith(LOCK_FILE_PREFIX)
    )


def discover(corpus_dir: Path, max_bytes: int) -> tuple[list[SourceFile], list[ParseProblem]]:
    """Files that a parser can read, by stable id; problems for the rest."""
    files: list[SourceFile] = []
    problems: list[ParseProblem] = []
    seen: dict[str, str] = {}
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(corpus_dir).as_posix()
        if _skipped(rel):
            continue
        suffix = path.suffix.lower()
        if suffix not in PARSERS:
            suffix_found = {"suffix": path.suffix or "(none)"}
            problems.append(ParseProblem(rel, Problem("unsupported_type", suffix_found)))
            continue
        try:
            size = path.stat().st_size
            data = b"" if size == 0 or size > max_bytes else path.read_bytes()
        except OSError as error:
            opened = cause(f"{type(error).__name__}: {error.strerror or error}")
            problems.append(ParseProblem(rel, Problem("not_opened", {"error": opened})))
            continue
        if size == 0:
            problems.append(ParseProblem(rel, Problem("empty_file")))
            continue
        if size > max_bytes:
            sizes = {"size": size, "limit": max_bytes}
            problems.append(ParseProblem(rel, Problem("file_too_large", sizes)))
            continue
        problem = content_problem(suffix, data)
        if problem:
            problems.append(ParseProblem(rel, problem))
            continue
        digest = file_hash(data)
        if digest in seen:
            problems.append(ParseProblem(rel, Problem("duplicate", {"original": seen[digest]})))
            continue
        seen[digest] = rel
        files.append(SourceFile(rel, path, digest, size))
    return files, problems


def parse_file(source: SourceFile, catalog: dict[str, CatalogEntry]) -> Document:
    """Parse one file; raises UnreadableDocument with a reason when it cannot be indexed."""
    parser = PARSERS[source.path.suffix.lower()]
    try:
        parsed = parser(source.path)
    except UnreadableDocument:
        raise
    except Exception as error:  # a parser library failing on a broken file
        failure = cause(f"{type(error).__name__}: {error}")
        raise UnreadableDocument("not_readable", error=failure) from error
    if not any(b.kind != "heading" for b in parsed.blocks):
        raise UnreadableDocument("no_text_found")
    entry = catalog.get(source.doc_id, CatalogEntry())
    title = entry.title or parsed.title or source.path.stem
    return Document(
        doc_id=source.doc_id,
        path=str(source.path),
        title=title,
        blocks=tuple(parsed.blocks),
        content_hash=source.content_hash,
        organisations=entry.organisations,
        period=entry.period,
        text=parsed.text,
        readings=parsed.readings,
    )


def load_corpus(corpus_dir: Path, max_bytes: int) -> ParseResult:
    """Parse every readable document of the corpus."""
    catalog, problems = read_catalog(corpus_dir)
    files, skipped = discover(corpus_dir, max_bytes)
    problems.extend(skipped)
    documents = []
    for source in files:
        try:
            documents.append(parse_file(source, catalog))
        except UnreadableDocument as error:
            problems.append(ParseProblem(source.doc_id, error.problem))
    return ParseResult(tuple(documents), tuple(problems))
