"""OCR benchmark: scans made from the seed corpus (benchmarks.scans) read back by OCR.

    python -m benchmarks.ocr [--corpus corpus] [--dpi 300] [--build] [--noisy]
                             [--dev ../shared/eval/dev_questions.jsonl]

Prints, per document and in total: the character error rate (CER) of the OCR text of
clean and of noisy, turned scans against the text drawn, seconds per page, how many rows
of the Familjen Helsingborg infrastructure table come out as header-labelled records,
with --build the build time of the scanned seed corpus (all PDFs scanned), and with --dev
the questions graded by ../shared/eval/grade_cli.py (as the product is judged: a fresh
index over the files as delivered) on the text files and on their scans, side by side.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scans import cer, images_pdf, noisy_page, typeset
from ingest.parse.layout import Grid
from ingest.parse.ocr import read_page

TABLE_DOC = "familjen-helsingborg-verksamhetsplan-2016-2019.txt"
TABLE_HEADERS = ("Mål 2016-2019", "Strategi", "Mätetal", "Ansvarig")
REPO = Path(__file__).resolve().parents[1]
GRADER = REPO.parent / "shared" / "eval" / "grade_cli.py"


def page_text(items: list) -> str:
    parts = []
    for item in items:
        if isinstance(item, Grid):
            parts.extend(cell for row in item.rows for cell in row if cell)
        else:
            parts.append(item.text)
    return " ".join(parts)


def read_back(pages: list, noisy: bool) -> tuple[float, float, int]:
    """(CER, seconds, pages) of reading the pages by OCR."""
    errors = chars = 0.0
    seconds = 0.0
    for n, page in enumerate(pages, 1):
        image = noisy_page(page, seed=n) if noisy else page.image
        started = time.perf_counter()
        result = read_page(image, n)
        seconds += time.perf_counter() - started
        reference = " ".join(page.reference)
        errors += cer(reference, page_text(result.items)) * len(reference)
        chars += len(reference)
    return errors / max(chars, 1), seconds, len(pages)


def table_records(path: Path) -> tuple[int, int]:
    """(source rows with all four headers, source rows) of the infrastructure table (the
    one that names Söderåsbanan) in a parsed document."""
    from ingest.discover import SourceFile, parse_file
    from ingest.parse import PARSERS  # noqa: F401  (the parsers register their suffixes)

    document = parse_file(SourceFile(path.name, path, "x", path.stat().st_size), {})
    rows = [b.table for b in document.blocks if b.kind == "table_row" and b.table is not None]
    wanted = {r.table for r in rows if "Söderåsbanan" in " ".join(v for _, v in r.cells)}
    table = [r for r in rows if r.table in wanted]
    labelled = {r.row for r in table if all(r.value(h) for h in TABLE_HEADERS)}
    return len(labelled), len({r.row for r in table})


def graded(questions: Path, folder: Path) -> str:
    """grade_cli's summary line for the questions over an index of the folder."""
    result = subprocess.run(
        [sys.executable, str(GRADER), str(REPO), str(questions.resolve()), str(folder.resolve())],
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("answered=")]
    return lines[-1] if lines else f"grading failed: {result.stderr[-300:]}"


def compare_dev(questions: Path, text: Path, scans: Path) -> None:
    """The questions graded on the text files and on their scans."""
    for name, folder in (("text", text), ("scans", scans)):
        print(f"{questions.name} on the {name}: {graded(questions, folder)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ocr", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--noisy", action="store_true", help="also noisy, turned scans")
    parser.add_argument("--build", action="store_true", help="time a build of the scans")
    parser.add_argument("--dev", type=Path, help="questions to grade on text and scans")
    args = parser.parse_args(argv)
    totals = {"clean": [0.0, 0.0, 0, 0]}
    if args.noisy:
        totals["noisy"] = [0.0, 0.0, 0, 0]
    scans = Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    for source in sorted(args.corpus.glob("*.txt")):
        pages = typeset(source.read_text(encoding="utf-8"), args.dpi)
        images_pdf(scans / f"{source.stem}.pdf", [p.image for p in pages], args.dpi)
        for kind, total in totals.items():
            rate, seconds, count = read_back(pages, kind == "noisy")
            chars = sum(len(" ".join(p.reference)) for p in pages)
            total[0] += rate * chars
            total[1] += seconds
            total[2] += count
            total[3] += chars
            print(
                f"{source.name} ({kind}): CER {rate:.2%}, {seconds / count:.1f} s/page, "
                f"{count} pages",
                flush=True,
            )
    for kind, (errors, seconds, count, chars) in totals.items():
        print(
            f"TOTAL {kind}: CER {errors / chars:.2%}, {seconds / count:.2f} s/page "
            f"(one page at a time), {count} pages"
        )
    text_rows = table_records(args.corpus / TABLE_DOC)
    scan_rows = table_records(scans / TABLE_DOC.replace(".txt", ".pdf"))
    print(
        f"table rows with all headers: text {text_rows[0]}/{text_rows[1]}, "
        f"scan {scan_rows[0]}/{scan_rows[1]}"
    )
    if args.build:
        from ingest.build import build
        from ingest.embed import PACKAGED_MODEL

        started = time.perf_counter()
        report = build(scans, scans / "index", PACKAGED_MODEL, 50_000_000)
        pages_note = f"{totals['clean'][2]} pages"
        print(
            f"build of the scanned seed corpus: {time.perf_counter() - started:.1f} s "
            f"({pages_note}, {report.documents} documents, {report.chunks} chunks)"
        )
        for note in report.to_check:
            print(f"  check {note}")
    if args.dev:
        compare_dev(args.dev, args.corpus, scans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
