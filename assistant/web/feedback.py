"""Thumbs up/down on answers, kept locally in SQLite, exported as CSV by an administrator.

    python -m assistant.web.feedback export feedback.csv [--db feedback.sqlite3]

Each vote is one row: the time, +1 or -1, the question as asked and as searched, the
answer, its language and whether it was found, and the citations (JSON). A connection is
opened per call, so the store is safe to use from Gradio's worker threads.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.csv_safe import write_csv
from assistant.types import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    question TEXT NOT NULL,
    searched TEXT NOT NULL,
    answer TEXT NOT NULL,
    language TEXT NOT NULL,
    found INTEGER NOT NULL,
    citations TEXT NOT NULL
)
"""
COLUMNS = (
    "id",
    "created_at",
    "rating",
    "question",
    "searched",
    "answer",
    "language",
    "found",
    "citations",
)


@dataclass(frozen=True)
class Vote:
    """One thumbs up (+1) or down (-1) on an answer."""

    rating: int
    question: str
    searched: str
    answer: Answer


def citations_json(answer: Answer) -> str:
    """The citations of an answer as a JSON list (doc id, title, section, offsets, text)."""
    items = [
        {
            "n": c.n,
            "doc_id": c.chunk.doc_id,
            "title": c.chunk.title,
            "section": c.chunk.section,
            "start": c.chunk.start,
            "end": c.chunk.end,
            "quote": c.quote,
            "text": c.chunk.text,
        }
        for c in answer.citations
    ]
    return json.dumps(items, ensure_ascii=False)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """The feedback table in one SQLite file (created on the first vote)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # closing() closes the file; the inner `with` commits or rolls back.
        with closing(sqlite3.connect(self.path, timeout=10)) as connection, connection:
            connection.execute(_SCHEMA)
            yield connection

    def record(self, vote: Vote, at: str | None = None) -> int:
        """Store a vote; returns its row id."""
        if vote.rating not in (-1, 1):
            raise ValueError(f"rating must be 1 or -1, not {vote.rating!r}")
        a = vote.answer
        row = (at or now(), vote.rating, vote.question, vote.searched, a.text, a.language)
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO feedback (created_at, rating, question, searched, answer, "
                "language, found, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, int(a.found), citations_json(a)),
            )
            return int(cursor.lastrowid or 0)

    def rows(self) -> list[dict[str, str | int]]:
        """Every vote, oldest first, as dicts keyed by COLUMNS."""
        if not self.path.exists():
            return []
        with self._connect() as connection:
            cursor = connection.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")
            return [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]

    def export_csv(self, out: Path) -> int:
        """Write every vote to a CSV file (UTF-8 with BOM, for Excel); returns the count.

        Text cells that a spreadsheet would read as a formula are neutralised (csv_safe).
        """
        return write_csv(out, COLUMNS, self.rows())


def main(argv: list[str] | None = None) -> int:
    from assistant.config import Settings

    parser = argparse.ArgumentParser(
        prog="python -m assistant.web.feedback",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write all feedback to a CSV file")
    export.add_argument("out", type=Path)
    export.add_argument("--db", type=Path, default=None, help="default: AVTAL_FEEDBACK_DB")
    args = parser.parse_args(argv)
    db = args.db or Settings().feedback_db
    if not db.exists():
        print(f"error: no feedback database at {db} (no votes yet?)", file=sys.stderr)
        return 1
    count = FeedbackStore(db).export_csv(args.out)
    print(f"{count} vote{'' if count == 1 else 's'} written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
