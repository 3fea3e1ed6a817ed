"""OCR wrappers compared: our reader (pytesseract, ingest.parse.ocr.read_page) against
ocrmypdf, on the same clean scans of the seed documents (benchmarks.scans).

    python -m benchmarks.ocr_compare [--corpus corpus] [--dpi 300] [--no-variant]

For each reader: the character error rate (CER) of each page's text against the text
drawn on it (the reference and normalisation of benchmarks/ocr.py), wall seconds per page
(one document at a time, one tesseract thread, one job), and how many rows of the
Familjen Helsingborg infrastructure table come out as records labelled by all four
headers (benchmarks.ocr.table_records). Our reader is timed page by page as in
benchmarks/ocr.py; ocrmypdf is timed per document, the whole command
(`ocrmypdf -l swe --sidecar out.txt --output-type pdf --jobs 1 in.pdf out.pdf`), and its
CER is that of the sidecar text, split into pages at form feeds. Its table rows are
counted in the PDF it writes, indexed through our normal PDF parser
(ingest.discover.parse_file) with our own OCR switched off, so only its text layer counts;
"CER layer" is the CER of that text layer as our PDF parser reads it, page by page.

ocrmypdf is a separate program (Debian: `apt-get install --no-install-recommends
ocrmypdf`, version 14), not a dependency of the project.

Example (2 cores shared with other jobs, load about 5; tesseract 5.3.0, ocrmypdf
14.0.1; seconds vary by run, an earlier run under other load gave 2.87, 3.43 and 5.76):

    reader                                CER  words off  CER layer  s/page  table rows
    ours (pytesseract)                  0.68%      1.39%          -    2.10       14/14
    ocrmypdf                            4.33%      1.38%     14.00%    2.51         0/0
    ocrmypdf --deskew --rotate-pages    3.58%      1.27%     13.99%    3.84         0/0
    (34 pages; table rows with all four headers / rows; from the text: 14/14)

"words off": the share of the words drawn that the text lacks, in any order. The two
readers recognise the same words (the same tesseract and model); ocrmypdf's higher CER is
reading order on the table pages (tesseract's own block order, where our reader finds the
ruled cells first and reads them row by row), and its text layer has no ruled lines, so
our PDF parser finds no table in it and reads the cells interleaved line by line (CER
layer). ocrmypdf's seconds include its start, rasterising and writing the PDF.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from benchmarks.ocr import TABLE_DOC, page_text, table_records
from benchmarks.scans import ScanPage, cer, images_pdf, normalised, typeset
from ingest.parse import ocr as ocr_reader
from ingest.parse.ocr import read_page

OCRMYPDF = ("ocrmypdf", "-l", "swe", "--output-type", "pdf", "--jobs", "1")
VARIANTS = {"ocrmypdf": (), "ocrmypdf --deskew --rotate-pages": ("--deskew", "--rotate-pages")}


@dataclass
class Tally:
    errors: float = 0.0  # CER times reference characters, summed
    layer_errors: float | None = None  # the same for the text layer (ocrmypdf only)
    chars: int = 0
    words_off: int = 0
    words: int = 0
    seconds: float = 0.0
    pages: int = 0
    rows: str = ""
    notes: list[str] = field(default_factory=list)

    def add(self, pages: list[ScanPage], texts: list[str], seconds: float) -> str:
        """Count a document's pages read as `texts`; a short report of it."""
        chars = sum(len(" ".join(p.reference)) for p in pages)
        rate = paged_cer(pages, texts)
        off, words = words_off(pages, texts)
        self.errors += rate * chars
        self.chars += chars
        self.words_off += off
        self.words += words
        self.seconds += seconds
        self.pages += len(pages)
        if len(texts) != len(pages):
            self.notes.append(f"{len(texts)} pages of text for {len(pages)} pages")
        return f"CER {rate:.2%}, {seconds / len(pages):.1f} s/page"

    def add_layer(self, pages: list[ScanPage], texts: list[str]) -> None:
        chars = sum(len(" ".join(p.reference)) for p in pages)
        self.layer_errors = (self.layer_errors or 0.0) + paged_cer(pages, texts) * chars

    def line(self, name: str) -> str:
        layer = f"{self.layer_errors / self.chars:.2%}" if self.layer_errors is not None else "-"
        return (
            f"{name:<34} {self.errors / self.chars:>6.2%} {self.words_off / self.words:>10.2%} "
            f"{layer:>10} {self.seconds / self.pages:>7.2f} {self.rows:>11}"
        )


def paged_cer(pages: list[ScanPage], texts: list[str]) -> float:
    """CER over the document, each page's text against what was drawn on that page."""
    errors = chars = 0.0
    for n, page in enumerate(pages):
        reference = " ".join(page.reference)
        errors += cer(reference, texts[n] if n < len(texts) else "") * len(reference)
        chars += len(reference)
    return errors / max(chars, 1)


def words_off(pages: list[ScanPage], texts: list[str]) -> tuple[int, int]:
    """(words drawn that the text lacks, counted with repeats and in any order, words
    drawn): recognition errors without the reading order that CER also counts."""
    off = total = 0
    for n, page in enumerate(pages):
        drawn = Counter(normalised(" ".join(page.reference)).split())
        read = Counter(normalised(texts[n] if n < len(texts) else "").split())
        off += sum((drawn - read).values())
        total += sum(drawn.values())
    return off, total


def our_reader(pages: list[ScanPage]) -> tuple[list[str], float]:
    """(each page's text, seconds of read_page summed), as benchmarks.ocr.read_back."""
    texts, seconds = [], 0.0
    for n, page in enumerate(pages, 1):
        started = time.perf_counter()
        result = read_page(page.image, n)
        seconds += time.perf_counter() - started
        texts.append(page_text(result.items))
    return texts, seconds


def layer_texts(path: Path) -> list[str]:
    """Each page's text layer as our PDF parser reads it (lines and table cells)."""
    from ingest.parse.pdf import _open, _page_items

    with _open(path) as pdf:
        return [page_text(_page_items(page)) for page in pdf.pages]


def ocrmypdf(source: Path, target: Path, extra: tuple[str, ...]) -> tuple[list[str], float]:
    """(the sidecar text of each page, wall seconds of the whole command)."""
    sidecar = target.with_suffix(".txt")
    command = [*OCRMYPDF, *extra, "--sidecar", str(sidecar), str(source), str(target)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # as our reader runs tesseract
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    seconds = time.perf_counter() - started
    texts = sidecar.read_text(encoding="utf-8").split("\f")
    return (texts[:-1] if texts and not texts[-1].strip() else texts), seconds


def text_layer_rows(path: Path) -> str:
    with mock.patch.object(ocr_reader, "available", lambda: False):
        labelled, rows = table_records(path)
    return f"{labelled}/{rows}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ocr_compare", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--no-variant", action="store_true", help="ocrmypdf without options")
    args = parser.parse_args(argv)
    if shutil.which("ocrmypdf") is None:
        print("ocrmypdf is not installed (apt-get install ocrmypdf)", file=sys.stderr)
        return 1
    os.environ.setdefault(ocr_reader.WORKERS_ENV, "1")  # one OCR job at a time
    variants = dict(list(VARIANTS.items())[:1]) if args.no_variant else VARIANTS
    tallies = {"ours (pytesseract)": Tally(), **{name: Tally() for name in variants}}
    work = Path(tempfile.mkdtemp(prefix="ocr-compare-"))
    for source in sorted(args.corpus.glob("*.txt")):
        pages = typeset(source.read_text(encoding="utf-8"), args.dpi)
        scan = images_pdf(work / f"{source.stem}.pdf", [p.image for p in pages], args.dpi)
        texts, seconds = our_reader(pages)
        report = ["ours " + tallies["ours (pytesseract)"].add(pages, texts, seconds)]
        for n, (name, extra) in enumerate(variants.items()):
            target = work / f"{source.stem}.ocrmypdf{n}.pdf"
            texts, seconds = ocrmypdf(scan, target, extra)
            report.append(f"{name} " + tallies[name].add(pages, texts, seconds))
            tallies[name].add_layer(pages, layer_texts(target))
        print(f"{source.name} ({len(pages)} pages): " + "; ".join(report), flush=True)
    table_scan = work / TABLE_DOC.replace(".txt", ".pdf")
    tallies["ours (pytesseract)"].rows = "{}/{}".format(*table_records(table_scan))
    for n, name in enumerate(variants):
        tallies[name].rows = text_layer_rows(table_scan.with_suffix(f".ocrmypdf{n}.pdf"))
    text_rows = "{}/{}".format(*table_records(args.corpus / TABLE_DOC))
    print()
    print(
        f"{'reader':<34} {'CER':>6} {'words off':>10} {'CER layer':>10} {'s/page':>7} "
        f"{'table rows':>11}"
    )
    for name, tally in tallies.items():
        print(tally.line(name))
        for note in tally.notes:
            print(f"  note: {note}")
    shutil.rmtree(work, ignore_errors=True)
    pages = tallies["ours (pytesseract)"].pages
    print(f"({pages} pages; table rows with all four headers / rows; from the text: {text_rows})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
