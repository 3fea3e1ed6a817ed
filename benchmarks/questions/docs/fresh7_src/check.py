#!/usr/bin/env python3
"""Check fresh7.jsonl against the documents. Exits non-zero on any failure.

For every answerable question:
  * each answer keyword occurs (case-insensitive) in the document text; for the two invented
    documents in BOTH the plain-text source (docs_src/*.txt) AND the built file (text of the
    DOCX read with python-docx: paragraphs and table cells; HTML with tags stripped);
  * each keyword also occurs after the grader's normalisation (strip <...>, lowercase,
    every run of non-word characters -> one space);
  * the evidence occurs verbatim after whitespace folding, and after the grader's normalisation,
    in every text version of the document;
  * the evidence contains every keyword, unless the evidence is a table cell identifying a row
    and the keyword is in another cell of that same row;
  * no keyword already occurs in the question.
For every unanswerable question: keywords [] and evidence "", plus absence probes (terms that
must not occur in any document). Also checks the set's structure and mix.

Usage: python3 check.py [questions.jsonl]
"""
import collections
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "pylib"))
import docx  # noqa: E402

SEEDS = "/work/shared/seeds"
EXTRA = "/work/shared/corpus-extra"
DOCS = os.path.join(HERE, "docs")
SRC = os.path.join(HERE, "docs_src")
DA = "avsiktsforklaring-halsoframjande-arbete-aldre-norra-halsingland-2025.docx"
DB = "verksamhetsplan-klimatanpassningsnatverket-hoglandet-2025-2026.html"
SRC_OF = {
    DA: os.path.join(SRC, "doc_a_avsiktsforklaring_aldre_norra_halsingland.txt"),
    DB: os.path.join(SRC, "doc_b_verksamhetsplan_klimatanpassning_hoglandet.txt"),
}
KINDS = {"who", "when", "amount", "frequency", "list", "what", "yesno", "responsible"}
FIELDS = ["id", "lang", "question", "answerable", "doc", "answer_keywords", "evidence", "kind"]

# Unanswerable questions: terms (regex, case-insensitive, on normalised text) that must not occur
# in ANY document, as a mechanical part of the "fact is absent everywhere" check. The rest of that
# check was done by reading and grepping (see fresh7.md).
ABSENT = {
    "f7-a19": [r"\bordförande\b.{0,80}samverkansgrupp", r"samverkansgrupp\w*.{0,80}\bordförande"],
    "f7-a20": [r"nordanstig\w* (har|med) \d", r"\d[\d ]* invånare.{0,40}nordanstig"],
    "f7-a21": [r"\d+ deltagare", r"mål\w*.{0,60}balansträning"],
    "f7-a23": [r"statsbidrag", r"statligt bidrag.{0,60}fall"],
    "f7-a24": [r"startkonferens.{0,60}\d+ (september|oktober|november)"],
    "f7-a25": [r"lämnar samverkan\b", r"utträde", r"i förtid"],
    "f7-b19": [r"koordinator\w* (heter|är) [A-ZÅÄÖ]"],
    "f7-b20": [r"sävsjö\w*.{0,40}\d[\d ]* kronor"],
    "f7-b21": [r"konsult"],
    "f7-b22": [r"klimatanpassningsdag\w*.{0,80}deltag", r"deltagare.{0,40}klimatanpassningsdag"],
    "f7-b23": [r"\b2027\b.{0,80}klimat", r"budget.{0,40}2027"],
    "f7-b24": [r"\d+ träd\b"],
    "f7-b25": [r"styrgrupp\w*.{0,60}(sammanträder|möts|träffas) (i|på|hos) "],
    "f7-s20": [r"ordförande.{0,40}2017", r"2017.{0,40}ordförande"],
    "f7-s21": [r"industrinatten.{0,80}deltag", r"\d+ deltagare"],
    "f7-s22": [r"total\w* budget", r"familjen helsingborg.{0,80}budget.{0,30}\d"],
    "f7-s23": [r"familjen helsingborg.{0,80}\d[\d ]* invånare", r"\d[\d ]* invånare.{0,80}familjen helsingborg"],
    "f7-s24": [r"\d[\d ]* kr(onor)?.{0,40}per (kommun|invånare).{0,80}västerbotten"],
    "f7-s25": [r"halmstad den \d"],
    "f7-e21": [r"fördelas (efter|enligt|i förhållande)"],
    "f7-e22": [r"\d+ kommuner.{0,60}samhällsorientering", r"samhällsorientering.{0,120}\d+ (anslutna )?kommuner"],
    "f7-e23": [r"fyrbodal.{0,200}\d[\d ]* (mkr|tkr|kronor|miljoner)"],
    "f7-e24": [r"vdt.{0,100}(20\d\d-\d\d-\d\d|pågick)"],
    "f7-e25": [r"förbundsdirektör"],
    "f7-e26": [r"nominer\w* .{0,40}(ledamot|till styrelsen).{0,40}[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+ \("],
}

fails = []


def fail(msg):
    fails.append(msg)


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def norm(s):
    s = re.sub(r"<[^>]*>", " ", s)
    return re.sub(r"\W+", " ", s.lower()).strip()


def docx_text_and_rows(path):
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    rows = []
    for t in d.tables:
        for r in t.rows:
            cells = [c.text for c in r.cells]
            rows.append(cells)
            parts.append(" | ".join(cells))
    return "\n".join(parts), rows


def html_text_and_rows(path):
    raw = open(path, encoding="utf-8").read()
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", raw, flags=re.S):
        cells = [html.unescape(re.sub(r"<[^>]*>", "", c)) for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", tr, flags=re.S)]
        rows.append(cells)
    text = html.unescape(re.sub(r"<[^>]*>", " ", raw))
    return text, rows


def src_text_and_rows(path):
    raw = open(path, encoding="utf-8").read()
    rows = [[c.strip() for c in ln.strip().strip("|").split("|")]
            for ln in raw.splitlines() if ln.strip().startswith("|")]
    return raw, rows


def txt_text_and_rows(path):
    raw = open(path, encoding="utf-8").read()
    rows = [ln.split("\t") for ln in raw.splitlines() if "\t" in ln]
    # HTML fragments inside the seeds: <p> cells separated by tabs are covered by the tab split
    return raw, rows


def versions(doc):
    """Return list of (label, text, rows) for every text version of the document."""
    if doc in SRC_OF:
        out = [("source", *src_text_and_rows(SRC_OF[doc]))]
        built = os.path.join(DOCS, doc)
        if doc.endswith(".docx"):
            out.append(("docx", *docx_text_and_rows(built)))
        else:
            out.append(("html", *html_text_and_rows(built)))
        return out
    for base in (SEEDS, EXTRA):
        p = os.path.join(base, doc)
        if os.path.exists(p):
            return [("txt", *txt_text_and_rows(p))]
    fail(f"document not found: {doc}")
    return []


def all_doc_texts():
    texts = {}
    for base in (SEEDS, EXTRA):
        for f in sorted(os.listdir(base)):
            if f.endswith(".txt") and f != "README.md":
                texts[f] = open(os.path.join(base, f), encoding="utf-8").read()
    for doc in (DA, DB):
        for label, text, _ in versions(doc):
            texts[f"{doc}[{label}]"] = text
    return texts


def block_of(doc):
    if doc == DA:
        return "A"
    if doc == DB:
        return "B"
    if os.path.exists(os.path.join(SEEDS, doc)):
        return "seeds"
    if os.path.exists(os.path.join(EXTRA, doc)):
        return "extra"
    return "?"


def check_row_exception(kw, ev, rows):
    nev, nkw = norm(ev), norm(kw)
    for r in rows:
        ncells = [norm(c) for c in r]
        if any(nev == c or (nev and nev in c) for c in ncells):
            if any(nkw in c for c in ncells):
                return True
    return False


def main():
    qpath = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "fresh7.jsonl")
    lines = [ln for ln in open(qpath, encoding="utf-8").read().splitlines() if ln.strip()]
    qs = []
    for i, ln in enumerate(lines, 1):
        try:
            qs.append(json.loads(ln))
        except Exception as e:  # noqa: BLE001
            fail(f"line {i}: bad JSON: {e}")
    if len(qs) != 100:
        fail(f"expected 100 questions, got {len(qs)}")
    ids = [q.get("id") for q in qs]
    for k, n in collections.Counter(ids).items():
        if n > 1:
            fail(f"duplicate id {k}")

    # docs folder holds exactly the two built files
    present = sorted(os.listdir(DOCS))
    if present != sorted([DA, DB]):
        fail(f"docs/ should hold exactly the two built documents, has {present}")

    alltexts = all_doc_texts()
    normall = {k: norm(v) for k, v in alltexts.items()}

    mix = collections.defaultdict(lambda: collections.Counter())
    kinds = collections.Counter()
    docs_per_block = collections.defaultdict(set)
    for q in qs:
        qid = q.get("id")
        if list(q.keys()) != FIELDS:
            fail(f"{qid}: fields {list(q.keys())} != {FIELDS}")
        if q.get("lang") not in ("sv", "en"):
            fail(f"{qid}: bad lang")
        if q.get("kind") not in KINDS:
            fail(f"{qid}: bad kind {q.get('kind')}")
        kinds[q.get("kind")] += 1
        doc = q["doc"]
        blk = block_of(doc)
        if blk == "?":
            fail(f"{qid}: unknown doc {doc}")
        docs_per_block[blk].add(doc)
        mix[blk]["ans" if q["answerable"] else "unans"] += 1
        mix[blk][q["lang"]] += 1
        kws, ev = q["answer_keywords"], q["evidence"]
        if not q["answerable"]:
            if kws != [] or ev != "":
                fail(f"{qid}: unanswerable must have [] keywords and empty evidence")
            for pat in ABSENT.get(qid, []):
                for name, t in normall.items():
                    if re.search(pat, t, flags=re.S):
                        fail(f"{qid}: absence probe {pat!r} matched in {name}")
            continue
        if not (1 <= len(kws) <= 3):
            fail(f"{qid}: needs 1-3 keywords")
        if not ev:
            fail(f"{qid}: missing evidence")
        if len(ev) > 210:
            fail(f"{qid}: evidence too long ({len(ev)})")
        nq = norm(q["question"])
        for kw in kws:
            if kw.lower() in q["question"].lower() or norm(kw) in nq:
                fail(f"{qid}: keyword {kw!r} already in question")
        for label, text, rows in versions(doc):
            low = text.lower()
            ntext = norm(text)
            for kw in kws:
                if kw.lower() not in low:
                    fail(f"{qid}: keyword {kw!r} not in {doc} [{label}]")
                if norm(kw) not in ntext:
                    fail(f"{qid}: normalised keyword {kw!r} not in {doc} [{label}]")
            if fold(ev) not in fold(text):
                fail(f"{qid}: evidence not verbatim (whitespace-folded) in {doc} [{label}]")
            if norm(ev) not in ntext:
                fail(f"{qid}: normalised evidence not in {doc} [{label}]")
            for kw in kws:
                if kw.lower() not in ev.lower():
                    if not check_row_exception(kw, ev, rows):
                        fail(f"{qid}: keyword {kw!r} not in evidence and no table-row exception [{label}]")

    # mix requirements
    total_unans = sum(m["unans"] for m in mix.values())
    total_en = sum(m["en"] for m in mix.values())
    for blk in ("A", "B", "seeds", "extra"):
        m = mix[blk]
        if m["ans"] + m["unans"] != 25:
            fail(f"block {blk}: {m['ans'] + m['unans']} questions, expected 25")
        if not (5 <= m["unans"] <= 8):
            fail(f"block {blk}: {m['unans']} unanswerable, expected about 6-7")
    if total_unans < 25:
        fail(f"only {total_unans} unanswerable (need >= 25)")
    if not (40 <= total_en <= 50):
        fail(f"English share {total_en}% outside 40-50%")
    if len(docs_per_block["extra"]) < 8:
        fail(f"corpus-extra questions spread over only {len(docs_per_block['extra'])} documents")

    print("block   answerable unanswerable  sv  en  docs")
    for blk in ("A", "B", "seeds", "extra"):
        m = mix[blk]
        print(f"{blk:7} {m['ans']:10} {m['unans']:12} {m['sv']:3} {m['en']:3} {len(docs_per_block[blk]):5}")
    print(f"total   {sum(m['ans'] for m in mix.values()):10} {total_unans:12} "
          f"{sum(m['sv'] for m in mix.values()):3} {total_en:3}")
    print("kinds:", dict(sorted(kinds.items())))
    if fails:
        print(f"\n{len(fails)} FAILURE(S):")
        for f in fails:
            print(" -", f)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
