"""Measure the agreement cards and the register against benchmarks/overview/truth.json.

    python -m benchmarks.overview_eval [--verbose]

For each set (the seed documents as delivered, without catalog.toml, in ../shared/seeds;
../shared/corpus-extra, divided by document into a tuning and a validation half as
benchmarks/overview/split.toml says; and the invented documents of the question sets, with
their own truth in truth_docs.json, divided by folder as its "split" says) every document
named in the truth file is parsed and
its card derived exactly as `python -m ingest` does (ingest.overview.derive.card_of).
Printed: precision and recall of parties, of responsibilities and of purpose sentences, and
exact matches of periods. Rules may be tuned by looking at the tuning half only.

Matching: parties by their canonical key ("Halmstads kommun" = "Halmstad"), a one-letter
difference allowed in names of nine letters or more (typos of the source, "Stockholmn").
A responsibility matches a truth record of the same document, party and role with the same
item number, or, without an item, with the same text (one contains the other, or half the
words shared); a collective subject ("Var och en") is the truth's party when every party it
applies to is in the truth's applies_to list. Truth records marked "uncertain" count for
precision but not for recall. A period matches when from and to (dates normalised to ISO,
"tills vidare" as open-ended) are equal; a document without a period must get none. A
purpose sentence of a card is right when it matches (one contains the other, or three
fifths of the shorter one's words shared) the truth's purpose or one of its
purpose_alternatives; recall counts the documents whose truth has a purpose and whose card
has a right sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.overview import party_key
from ingest.discover import discover, parse_file
from ingest.overview.derive import card_of
from ingest.overview.model import Card, Record
from ingest.parse import UnreadableDocument

REPO = Path(__file__).resolve().parents[1]
TRUTH = REPO / "benchmarks" / "overview" / "truth.json"
# The invented documents of the question sets, with their own truth and split (its "split")
TRUTH_DOCS = REPO / "benchmarks" / "overview" / "truth_docs.json"
FOLDERS = {
    "tune": REPO / "benchmarks" / "questions" / "docs" / "tune",
    "tune2": REPO / "benchmarks" / "questions" / "docs" / "tune2",
    "probes/unseen": REPO / "benchmarks" / "probes" / "unseen" / "corpus",
    "valid": REPO / "benchmarks" / "questions" / "docs" / "valid",
    "fresh": REPO / "benchmarks" / "questions" / "docs" / "fresh",
    "holdout": REPO / "benchmarks" / "questions" / "docs" / "holdout",
    "fresh3": REPO / "benchmarks" / "questions" / "docs" / "fresh3",
    "fresh4": REPO / "benchmarks" / "questions" / "docs" / "fresh4",
}
SPLIT = REPO / "benchmarks" / "overview" / "split.toml"
SEEDS = REPO.parent / "shared" / "seeds"
EXTRA = REPO.parent / "shared" / "corpus-extra"
_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
_DATE = re.compile(r"(?:den )?(\d{1,2}) (" + _MONTHS.replace(" ", "|") + r") ((?:19|20)\d{2})")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def same_party(a: str, b: str) -> bool:
    ka, kb = party_key(a), party_key(b)
    return ka == kb or (min(len(ka), len(kb)) >= 9 and _distance_at_most_one(ka, kb))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def same_text(predicted: Record, truth: str) -> bool:
    norm = " ".join(truth.casefold().split())
    for candidate in (predicted.text, predicted.evidence.quote):
        mine = " ".join(candidate.casefold().split())
        if mine and (mine in norm or norm in mine):
            return True
    a, b = _words(predicted.evidence.quote), _words(truth)
    return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))


def same_parties(predicted: Record, truth: dict) -> bool:
    """The same party, or a collective subject ("Var och en", "varje part") standing for
    parties that the truth's applies_to lists."""
    if same_party(predicted.party, truth["party"]):
        return True
    listed = truth.get("applies_to")
    return (
        bool(predicted.applies_to)
        and isinstance(listed, list)
        and all(any(same_party(p, t) for t in listed) for p in predicted.applies_to)
    )


def record_matches(predicted: Record, truth: dict) -> bool:
    if not same_parties(predicted, truth) or predicted.role != truth["role"]:
        return False
    if truth.get("item"):
        return predicted.item.rstrip(".") == str(truth["item"]).rstrip(".")
    return not predicted.item and same_text(predicted, truth["text"])


def same_purpose(sentence: str, truth: str) -> bool:
    mine, norm = (" ".join(t.casefold().split()) for t in (sentence, truth))
    if mine and (mine in norm or norm in mine):
        return True
    a, b = _words(sentence), _words(truth)
    return min(len(a), len(b)) >= 4 and len(a & b) * 5 >= 3 * min(len(a), len(b))


def _date(value: str | None) -> str:
    if not value:
        return ""
    found = _DATE.fullmatch(value.strip())
    if found:
        month = _MONTHS.split().index(found.group(2)) + 1
        return f"{found.group(3)}-{month:02d}-{int(found.group(1)):02d}"
    return value.strip().casefold()


def period_matches(card: Card, truth: dict | None) -> bool:
    period = card.period
    if not truth:
        return not period.stated
    start, end = _date(truth.get("from")), _date(truth.get("to"))
    open_ended = end in ("tills vidare", "tillsvidare")
    if open_ended:
        end = ""
    mine_end = "" if period.open_ended and period.end == "" else period.end.casefold()
    if not end and period.start == period.end:
        mine_end = ""  # a single year stated as from-to of itself
    if end and period.start == period.end and start == end:
        mine_end = end
    return period.start.casefold() == start and mine_end == end and period.open_ended == open_ended


def cards_of(folder: Path, wanted: set[str]) -> dict[str, Card]:
    files, _ = discover(folder, 50_000_000)
    cards = {}
    for source in files:
        if source.doc_id in wanted:
            try:
                cards[source.doc_id] = card_of(parse_file(source, {}))
            except UnreadableDocument:
                continue
    return cards


def evaluate(
    folders: list[Path], truth: dict, verbose: bool, only: set[str] | None = None
) -> dict[str, float | int]:
    documents = truth["documents"]
    wanted: set[str] = set()
    cards: dict[str, Card] = {}
    for folder in folders:
        here = {d for d in documents if (folder / d).exists() and (only is None or d in only)}
        wanted |= here
        cards.update(cards_of(folder, here))
    parties, records = Counts(), Counts()
    purposes, purpose_docs = Counts(), Counts()  # sentences (precision), documents (recall)
    periods = 0
    for doc_id in sorted(wanted):
        card = cards.get(doc_id)
        expected = documents[doc_id]
        mine = list(card.parties.values) if card else []
        for name in mine:
            if any(same_party(name, t) for t in expected.get("parties") or []):
                parties.tp += 1
            else:
                parties.fp += 1
                parties.misses.append(f"{doc_id}: extra party {name}")
        for name in expected.get("parties") or []:
            if not any(same_party(name, m) for m in mine):
                parties.fn += 1
                parties.misses.append(f"{doc_id}: missing party {name}")
        ok = card is not None and period_matches(card, expected.get("period"))
        periods += ok
        if not ok:
            got = card.period.text() if card else "no card"
            parties.misses.append(f"{doc_id}: period {got} != {expected.get('period')}")
        _score_purpose(doc_id, card, expected, purposes, purpose_docs)
        truths = [t for t in truth["responsibilities"] if t["doc"] == doc_id]
        used: set[int] = set()
        for record in card.records if card else ():
            hit = next(
                (i for i, t in enumerate(truths) if i not in used and record_matches(record, t)),
                None,
            )
            if hit is None:
                records.fp += 1
                records.misses.append(
                    f"{doc_id}: extra {record.party} [{record.role}] {record.item} "
                    f"{record.text[:70]}"
                )
            else:
                used.add(hit)
                records.tp += 1 if not truths[hit].get("uncertain") else 0
        for i, t in enumerate(truths):
            if i not in used and not t.get("uncertain"):
                records.fn += 1
                records.misses.append(
                    f"{doc_id}: missing {t['party']} [{t['role']}] {t.get('item')} {t['text'][:70]}"
                )
    if verbose:
        for line in parties.misses + records.misses + purposes.misses:
            print("   ", line)
    return {
        "documents": len(wanted),
        "document_numbers": [d.split("_")[0] for d in sorted(wanted) if d[:1].isdigit()],
        "parties_precision": round(parties.precision(), 3),
        "parties_recall": round(parties.recall(), 3),
        "responsibilities_precision": round(records.precision(), 3),
        "responsibilities_recall": round(records.recall(), 3),
        "periods_exact": round(periods / len(wanted), 3) if wanted else 0.0,
        "purpose_precision": round(purposes.precision(), 3),
        "purpose_recall": round(purpose_docs.recall(), 3),
    }


def _score_purpose(
    doc_id: str, card: Card | None, expected: dict, counts: Counts, documents: Counts
) -> None:
    """Each purpose sentence right or wrong (counts); each document whose truth has a
    purpose found or not (documents)."""
    main = expected.get("purpose")
    accepted = [t for t in [main, *expected.get("purpose_alternatives", [])] if t]
    mine = list(card.purpose.values) if card else []
    hit = False
    for sentence in mine:
        if any(same_purpose(sentence, t) for t in accepted):
            counts.tp += 1
            hit = True
        else:
            counts.fp += 1
            counts.misses.append(f"{doc_id}: wrong purpose {sentence[:90]}")
    if main and hit:
        documents.tp += 1
    elif main:
        documents.fn += 1
        counts.misses.append(f"{doc_id}: missing purpose {main[:90]}")


MeasuredSet = tuple[Path, list[Path], set[str] | None]


def sets(split_file: Path = SPLIT, docs_truth: Path = TRUTH_DOCS) -> dict[str, MeasuredSet]:
    """The sets measured: a truth file, its folders and the documents of them (None: all
    the truth names)."""
    split = tomllib.loads(split_file.read_text(encoding="utf-8"))["corpus-extra"]
    measured: dict[str, MeasuredSet] = {
        "seeds (no catalog)": (TRUTH, [SEEDS], None),
        "corpus-extra tuning": (TRUTH, [EXTRA], set(split["tuning"])),
        "corpus-extra validation": (TRUTH, [EXTRA], set(split["validation"])),
    }
    if docs_truth.exists():
        halves = json.loads(docs_truth.read_text(encoding="utf-8"))["split"]
        for half in ("tuning", "validation"):
            folders = [FOLDERS[name] for name in halves[half]]
            measured[f"invented documents {half}"] = (docs_truth, folders, None)
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.overview_eval")
    parser.add_argument("--truth", type=Path, default=None, help="one truth file for every set")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--set", default="", help="measure only the sets whose name contains this ('tuning')"
    )
    args = parser.parse_args(argv)
    results = {}
    for name, (truth_file, folders, only) in sets().items():
        if args.set not in name:
            continue
        missing = [f for f in folders if not f.is_dir()]
        if missing:
            print(f"{name}: {missing[0]} not here, skipped")
            continue
        if args.truth is not None:
            truth_file = args.truth
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if args.verbose:
            print(name)
        results[name] = evaluate(folders, truth, args.verbose, only)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for name, r in results.items():
        print(
            f"{name} ({r['documents']} documents{': ' if r['document_numbers'] else ''}"
            f"{' '.join(r['document_numbers'])}): "
            f"parties P {r['parties_precision']:.3f} "
            f"R {r['parties_recall']:.3f}; responsibilities P "
            f"{r['responsibilities_precision']:.3f} R {r['responsibilities_recall']:.3f}; "
            f"periods exact {r['periods_exact']:.3f}; purpose P {r['purpose_precision']:.3f} "
            f"R {r['purpose_recall']:.3f}"
        )
    print(
        "(rules are tuned on the tuning halves only; see benchmarks/overview/split.toml and "
        "the split of truth_docs.json)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
