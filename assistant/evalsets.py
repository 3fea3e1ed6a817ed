"""Question sets and their indexes, built from the files as delivered (no catalog.toml).

A set is a question file (or several, comma-separated) and the corpus folders it is about
(benchmarks/questions/sets.toml). Each distinct corpus gets one index, built with
`python -m ingest` over copies of the files, as the graders build theirs; it is kept in
.cache/eval-indexes/ under a hash of the files, the code version and the embedding (model
and backend), so reruns reuse it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETS_FILE = Path("benchmarks/questions/sets.toml")
CACHE = Path(".cache/eval-indexes")
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html")
NOT_DOCUMENTS = ("SOURCES.md", "README.md")


@dataclass(frozen=True)
class QuestionSet:
    name: str
    role: str
    questions: tuple[Path, ...]
    corpus: tuple[Path, ...]

    def load(self) -> list[dict[str, Any]]:
        return [
            json.loads(line)
            for path in self.questions
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]

    def available(self) -> bool:
        return all(p.is_file() for p in self.questions) and all(p.is_dir() for p in self.corpus)


def read_sets(path: Path = SETS_FILE, roles: tuple[str, ...] = ()) -> list[QuestionSet]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sets = [
        QuestionSet(
            s["name"],
            s["role"],
            tuple(Path(q) for q in s["questions"].split(",")),
            tuple(Path(c) for c in s["corpus"]),
        )
        for s in data["set"]
    ]
    return [s for s in sets if not roles or s.role in roles]


def corpus_files(folders: tuple[Path, ...]) -> list[Path]:
    return sorted(
        (
            f
            for folder in folders
            for f in folder.iterdir()
            if f.is_file() and f.suffix in DOCUMENT_SUFFIXES and f.name not in NOT_DOCUMENTS
        ),
        key=lambda f: f.name,
    )


def ingest_code_digest(root: Path | None = None) -> bytes:
    """A hash of the code and phrase data that build an index (ingest/*.py, *.toml): an
    index built by other parsing or chunking code is never reused, even when a change
    forgot CHUNKER_VERSION or an experiment was reverted after bumping it."""
    if root is None:
        import ingest

        root = Path(ingest.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.toml")]):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _fingerprint(files: list[Path]) -> str:
    from assistant.config import Settings
    from ingest.build import CHUNKER_VERSION
    from ingest.embed_onnx import MODEL_FILES, onnx_revision
    from ingest.overview.derive import CARDS_VERSION

    # the embedding (model and backend, AVTAL_EMBEDDING_*) too: another backend's index
    # is never reused
    embedding = Settings().embedding_id
    backend = embedding.split(":", 1)[0]
    if backend in MODEL_FILES:  # and which ONNX model, run how
        embedding += " " + onnx_revision(backend=backend)
    digest = hashlib.sha256(
        f"chunker {CHUNKER_VERSION} cards {CARDS_VERSION} embedding {embedding}".encode()
    )
    digest.update(ingest_code_digest())
    for f in files:
        digest.update(f.name.encode())
        digest.update(hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()[:16]


def index_for(folders: tuple[Path, ...], cache: Path = CACHE) -> Path:
    """An index over copies of the folders' documents, built once per content."""
    files = corpus_files(folders)
    target = cache / _fingerprint(files)
    if (target / "index" / "current").exists():
        return target / "index"
    shutil.rmtree(target, ignore_errors=True)
    corpus = target / "corpus"
    corpus.mkdir(parents=True)
    for f in files:
        shutil.copy(f, corpus / f.name)
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "--corpus", str(corpus), "--index", str(target / "index")],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ingest failed for {folders}:\n{result.stderr[-2000:]}")
    return target / "index"
