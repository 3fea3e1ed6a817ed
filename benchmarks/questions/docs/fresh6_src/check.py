#!/usr/bin/env python3
"""Verify fresh6.jsonl against the documents. Exit status 1 on any failure.

Checks
- 100 questions, unique ids, required fields, lang/kind values, file names never in questions
- block mix: 25 per block (Doc A, Doc B, seeds, corpus-extra), >= 25 unanswerable overall
  (5-8 per block), >= 40 % English, corpus-extra spread over >= 10 of the 12 documents
- answerable: 1-3 keywords; every keyword occurs (case-insensitive, raw and normalised) in
  every text version of the document (Doc A: docs_src .txt AND pdftotext of the built PDF;
  Doc B: docs_src .txt AND the built .md); no keyword is already contained in the question;
  English keywords are language-independent (contain a digit or start with a capital: a name)
- evidence (<= 200 chars) occurs verbatim after whitespace folding AND after the grader's
  normalisation (strip <...> tags, lowercase, runs of non-word characters -> one space) in
  every text version; it contains every keyword, except for table-cell evidence ("cell"), where
  the keyword must be on the same table row (same source line) as the evidence
- unanswerable: no keywords, empty evidence, and none of the absence patterns in
  make_questions.py matches any of the 19 documents (pattern prefixed '@': its own document only)
- docs/ holds exactly the two built files
"""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_questions as MQ  # noqa: E402

SEEDS = "/work/shared/seeds"
EXTRA = "/work/shared/corpus-extra"
KINDS = {"who", "when", "amount", "frequency", "list", "what", "yesno", "responsible"}
errors = []


def fail(msg):
    errors.append(msg)


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def norm(s):
    s = re.sub(r"<[^>]*>", " ", s).lower()
    return re.sub(r"\W+", " ", s).strip()


def pdf_text(path):
    try:
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                              capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.path.insert(0, os.path.join(HERE, "pylib"))
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


# ---- documents: name -> list of (label, text) -----------------------------------------
docs, raw_lines = {}, {}
for d in (SEEDS, EXTRA):
    for fn in sorted(os.listdir(d)):
        if fn.endswith(".txt"):
            t = open(os.path.join(d, fn), encoding="utf-8").read()
            docs[fn] = [(fn, t)]
            raw_lines[fn] = t.splitlines()
srcA = open(MQ.os.path.join(HERE, "docs_src", "A_samverkansavtal_tillstandsenhet_alkohol_tobak.txt"), encoding="utf-8").read()
srcB = open(os.path.join(HERE, "docs_src", "B_handlingsplan_maltidssamverkan_hoglandet.txt"), encoding="utf-8").read()
pdfA = os.path.join(HERE, "docs", MQ.A)
mdB = os.path.join(HERE, "docs", MQ.B)
for p in (pdfA, mdB):
    if not os.path.exists(p):
        fail(f"missing built document {p} (run build_docs.py)")
if errors:
    print("\n".join(errors)); sys.exit(1)
tA = pdf_text(pdfA)
if len(tA.split()) < 500:
    fail("PDF text extraction gave too little text")
docs[MQ.A] = [("A source txt", srcA), ("A pdftotext", tA)]
docs[MQ.B] = [("B source txt", srcB), ("B markdown", open(mdB, encoding="utf-8").read())]
raw_lines[MQ.A] = srcA.splitlines()
raw_lines[MQ.B] = srcB.splitlines()
built = sorted(os.listdir(os.path.join(HERE, "docs")))
if built != sorted([MQ.A, MQ.B]):
    fail(f"docs/ must hold exactly the two built files, has {built}")
for name, lo, hi in ((MQ.A, 600, 750), (MQ.B, 600, 750)):
    n = len(raw_lines[name] and " ".join(raw_lines[name]).split())
    if not lo <= n <= hi:
        fail(f"{name}: {n} words, expected {lo}-{hi}")

seed_names = {fn for fn in docs if os.path.exists(os.path.join(SEEDS, fn))}
extra_names = {fn for fn in docs if os.path.exists(os.path.join(EXTRA, fn))}


def block(doc):
    return "A" if doc == MQ.A else "B" if doc == MQ.B else "seeds" if doc in seed_names else \
        "extra" if doc in extra_names else None


# ---- questions ------------------------------------------------------------------------
meta = {q[0]: q for q in MQ.Q}
rows = [json.loads(l) for l in open(os.path.join(HERE, "fresh6.jsonl"), encoding="utf-8") if l.strip()]
if len(rows) != 100:
    fail(f"expected 100 questions, got {len(rows)}")
ids = [r.get("id") for r in rows]
if len(set(ids)) != len(ids):
    fail("duplicate ids")
fields = ["id", "lang", "question", "answerable", "doc", "answer_keywords", "evidence", "kind"]

for r in rows:
    qid = r.get("id")
    if list(r.keys()) != fields:
        fail(f"{qid}: fields {list(r.keys())}")
        continue
    if r["lang"] not in ("sv", "en"):
        fail(f"{qid}: lang {r['lang']}")
    if r["kind"] not in KINDS:
        fail(f"{qid}: kind {r['kind']}")
    if r["doc"] not in docs:
        fail(f"{qid}: unknown doc {r['doc']}")
        continue
    if re.search(r"\.(txt|pdf|md)\b|\b0\d\d?_|samverkansavtal_|handlingsplan_", r["question"]):
        fail(f"{qid}: question mentions a file name")
    texts = docs[r["doc"]]
    kws, ev = r["answer_keywords"], r["evidence"]
    extra = meta[qid][7] if qid in meta else None
    if not r["answerable"]:
        if kws or ev:
            fail(f"{qid}: unanswerable but has keywords/evidence")
        pats = extra or []
        if not pats:
            fail(f"{qid}: unanswerable without absence patterns")
        for p in pats:
            own = p.startswith("@")
            p = p.lstrip("@")
            flags = 0 if re.search(r"\[A-Z", p) and "(?i)" not in p else re.I
            rx = re.compile(p, flags)
            scope = [r["doc"]] if own else list(docs)
            for dn in scope:
                for label, t in docs[dn]:
                    m = rx.search(t)
                    if m:
                        fail(f"{qid}: absence pattern {p!r} matches {label}: {m.group(0)!r}")
        continue
    if not 1 <= len(kws) <= 3:
        fail(f"{qid}: {len(kws)} keywords")
    if not ev or len(ev) > 200:
        fail(f"{qid}: evidence length {len(ev)}")
    for kw in kws:
        if kw.lower() in r["question"].lower() or norm(kw) in norm(r["question"]):
            fail(f"{qid}: keyword {kw!r} already in the question")
        if r["lang"] == "en" and not (re.search(r"\d", kw) or kw[:1].isupper()):
            fail(f"{qid}: English question with language-dependent keyword {kw!r}")
        for label, t in texts:
            if kw.lower() not in t.lower() and kw.lower() not in fold(t).lower():
                fail(f"{qid}: keyword {kw!r} not in {label}")
            if norm(kw) not in norm(t):
                fail(f"{qid}: normalised keyword {kw!r} not in {label}")
    for label, t in texts:
        if fold(ev) not in fold(t):
            fail(f"{qid}: evidence not verbatim in {label}: {ev!r}")
        if norm(ev) not in norm(t):
            fail(f"{qid}: normalised evidence not in {label}: {ev!r}")
    for kw in kws:
        if kw.lower() in ev.lower():
            continue
        if extra != "cell":
            fail(f"{qid}: keyword {kw!r} not in evidence")
            continue
        rows_with = [l for l in raw_lines[r["doc"]] if ev in l]
        if not rows_with:
            fail(f"{qid}: cell evidence not found on one source line")
        elif not any(kw.lower() in l.lower() for l in rows_with):
            fail(f"{qid}: keyword {kw!r} not on the table row of cell {ev!r}")
        if r["doc"] in (MQ.A, MQ.B) and not any(
                ev in [c.strip() for c in l.strip().strip("|").split("|")] for l in rows_with):
            fail(f"{qid}: {ev!r} is not a whole table cell")

# ---- mix ------------------------------------------------------------------------------
from collections import Counter
per = Counter((block(r["doc"]), r["answerable"]) for r in rows)
for b in ("A", "B", "seeds", "extra"):
    n = per[(b, True)] + per[(b, False)]
    if n != 25:
        fail(f"block {b}: {n} questions, expected 25")
    if not 5 <= per[(b, False)] <= 8:
        fail(f"block {b}: {per[(b, False)]} unanswerable")
n_un = sum(not r["answerable"] for r in rows)
if n_un < 25:
    fail(f"only {n_un} unanswerable")
n_en = sum(r["lang"] == "en" for r in rows)
if n_en < 40:
    fail(f"only {n_en} English")
spread = {r["doc"] for r in rows if block(r["doc"]) == "extra"}
if len(spread) < 10:
    fail(f"corpus-extra questions cover only {len(spread)} documents")

# jsonl must match make_questions.py
if [r["id"] for r in rows] != [q[0] for q in MQ.Q]:
    fail("fresh6.jsonl is out of date: run make_questions.py")

print(f"questions {len(rows)}, unanswerable {n_un}, English {n_en}")
for b in ("A", "B", "seeds", "extra"):
    sub = [r for r in rows if block(r["doc"]) == b]
    print(f"  {b:6s} answerable {sum(r['answerable'] for r in sub):2d}  unanswerable "
          f"{sum(not r['answerable'] for r in sub):2d}  sv {sum(r['lang']=='sv' for r in sub):2d}  "
          f"en {sum(r['lang']=='en' for r in sub):2d}")
print("  kinds:", dict(sorted(Counter(r["kind"] for r in rows).items())))
print(f"  corpus-extra documents covered: {len(spread)}/12")
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK")
