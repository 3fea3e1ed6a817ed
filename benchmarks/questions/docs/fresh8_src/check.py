#!/usr/bin/env python3
"""Verify fresh8.jsonl against the 19 documents. Exit 1 on any failure.
Run: python3 check.py   (uses ./pylib for pypdf, pdfminer.six, python-docx)"""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "pylib"))
SEEDS = "/work/shared/seeds"
EXTRA = "/work/shared/corpus-extra"
DOCS = os.path.join(HERE, "docs")
SRC = os.path.join(HERE, "docs_src")
DOC_A = "samverkansavtal-overformyndare-adalen-2025.pdf"
DOC_B = "handlingsplan-biblioteksamverkan-jamtland-2025-2027.docx"
FIELDS = ["id", "lang", "question", "answerable", "doc", "answer_keywords", "evidence", "kind"]
KINDS = {"when", "who", "amount", "what", "responsible", "frequency", "yesno", "list"}
SAME_MONTHS = {"april", "september", "november", "december"}  # spelled alike in sv and en
errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    """The grader's normalisation."""
    s = re.sub(r"<[^>]*>", " ", s)
    s = s.lower()
    return re.sub(r"\W+", " ", s).strip()


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- documents
def pdf_texts(path):
    from pypdf import PdfReader
    texts = {"pypdf": "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)}
    try:
        from pdfminer.high_level import extract_text
        texts["pdfminer"] = extract_text(path)
    except ImportError:
        pass
    return texts


def docx_text_and_rows(path):
    import docx
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    rows = []
    for t in d.tables:
        for r in t.rows:
            cells = [c.text for c in r.cells]
            rows.append(cells)
            parts.append(" | ".join(cells))
    return "\n".join(parts), rows, d


def src_table_rows(name):
    rows = []
    for line in open(os.path.join(SRC, name), encoding="utf-8"):
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


docs = {}    # name -> list of (label, text)
rows = {}    # name -> list of rows (list of cell strings)
block_of = {}
for f in sorted(os.listdir(SEEDS)):
    if re.match(r"\d{3}_.*\.txt$", f):
        t = open(os.path.join(SEEDS, f), encoding="utf-8").read()
        docs[f] = [("txt", t)]
        rows[f] = [[l] for l in t.split("\n")]
        block_of[f] = "s"
for f in sorted(os.listdir(EXTRA)):
    if re.match(r"\d{2}_.*\.txt$", f):
        t = open(os.path.join(EXTRA, f), encoding="utf-8").read()
        docs[f] = [("txt", t)]
        rows[f] = [[l] for l in t.split("\n")]
        block_of[f] = "e"
if len([d for d in block_of.values() if d == "s"]) != 5:
    err("expected 5 seed documents")
if len([d for d in block_of.values() if d == "e"]) != 12:
    err("expected 12 corpus-extra documents")

pa = os.path.join(DOCS, DOC_A)
pb = os.path.join(DOCS, DOC_B)
if sorted(os.listdir(DOCS)) != sorted([DOC_A, DOC_B]):
    err("docs/ must hold exactly the two built documents: %s" % os.listdir(DOCS))
docs[DOC_A] = list(pdf_texts(pa).items())
block_of[DOC_A] = "a"
rows[DOC_A] = src_table_rows(DOC_A.replace(".pdf", ".txt"))
tb, rb, dx = docx_text_and_rows(pb)
docs[DOC_B] = [("python-docx", tb)]
rows[DOC_B] = rb
block_of[DOC_B] = "b"

# ---------------------------------------------------------------- built documents
for label, t in docs[DOC_A]:
    for ch in "åäöÅÖ§":
        if ch not in t:
            err("PDF (%s): character %r not extractable" % (label, ch))
    for r in rows[DOC_A]:
        for c in r:
            if norm(c) not in norm(t):
                err("PDF (%s): table cell %r not in extracted text" % (label, c))
for name in (DOC_A, DOC_B):
    src = open(os.path.join(SRC, name.rsplit(".", 1)[0] + ".txt"), encoding="utf-8").read()
    n = len(re.sub(r"[#|]", " ", src).split())
    if not 550 <= n <= 700:
        err("%s: %d words, want 550-700" % (name, n))
    # every source line must survive extraction
    for line in src.split("\n"):
        line = re.sub(r"^(#+|-) ", "", line.strip())
        if not line or line.startswith("|"):
            continue
        for label, t in docs[name]:
            if norm(line) not in norm(t):
                err("%s (%s): source line missing after extraction: %r" % (name, label, line[:60]))
styles = Counter(p.style.name for p in dx.paragraphs)
if not styles.get("Heading 1") or styles.get("Heading 2", 0) < 3:
    err("DOCX: real Heading styles missing: %s" % styles)
if len(dx.tables) != 1:
    err("DOCX: want exactly one Word table")
else:
    hdr = rows[DOC_B][0]
    if hdr != ["Nr", "Åtgärd", "Ansvarig", "Klart senast"]:
        err("DOCX: table header %s" % hdr)
    body = rows[DOC_B][1:]
    if not 8 <= len(body) <= 12:
        err("DOCX: %d action rows, want 8-12" % len(body))
    if sum("Huvudansvar:" in r[2] and "Medansvar:" in r[2] for r in body) < 3:
        err("DOCX: too few 'Huvudansvar: X, Medansvar: Y' rows")
    parties = Counter()
    for r in body:
        for p in re.findall(r"(Region Jämtland Härjedalen|\w+ kommun)", r[2]):
            parties[p] += 1
    if sum(1 for v in parties.values() if v >= 2) < 3:
        err("DOCX: want several parties appearing at least twice: %s" % parties)

# ---------------------------------------------------------------- questions
lines = open(os.path.join(HERE, "fresh8.jsonl"), encoding="utf-8").read().splitlines()
qs = []
for i, line in enumerate(lines, 1):
    try:
        q = json.loads(line)
    except ValueError as e:
        err("line %d: bad JSON (%s)" % (i, e))
        continue
    if list(q.keys()) != FIELDS:
        err("line %d: fields %s, want %s" % (i, list(q.keys()), FIELDS))
    qs.append(q)


def lang_independent(kw):
    """digits, proper names (capitalised words), or months spelled alike in sv/en."""
    for tok in re.findall(r"\w+", kw):
        if tok.isdigit() or tok.lower() in SAME_MONTHS or tok[0].isupper():
            continue
        return False
    return True


for q in qs:
    qid = q.get("id", "?")
    if q["lang"] not in ("sv", "en"):
        err("%s: lang %r" % (qid, q["lang"]))
    if q["kind"] not in KINDS:
        err("%s: kind %r" % (qid, q["kind"]))
    if not isinstance(q["answerable"], bool):
        err("%s: answerable must be bool" % qid)
    name = q["doc"]
    if name not in docs:
        err("%s: unknown doc %r" % (qid, name))
        continue
    m = re.match(r"f8-([abse])(\d\d)$", qid)
    if not m:
        err("%s: bad id" % qid)
    elif block_of[name] != m.group(1):
        err("%s: doc %s is not in block %s" % (qid, name, m.group(1)))
    kws, ev = q["answer_keywords"], q["evidence"]
    nq = " " + norm(q["question"]) + " "
    texts = docs[name]
    # evidence: verbatim (whitespace folded) and after normalisation, in every extraction
    if ev:
        if len(ev) > 200:
            err("%s: evidence longer than 200 chars (%d)" % (qid, len(ev)))
        for label, t in texts:
            if ws(ev) not in ws(t):
                err("%s: evidence not verbatim in %s (%s): %r" % (qid, name, label, ev))
            if norm(ev) not in norm(t):
                err("%s: normalised evidence not in %s (%s)" % (qid, name, label))
    if not q["answerable"]:
        if kws:
            err("%s: unanswerable question should have no keywords" % qid)
        continue
    if not ev:
        err("%s: answerable question without evidence" % qid)
    if not 1 <= len(kws) <= 3:
        err("%s: %d keywords, want 1-3" % (qid, len(kws)))
    for kw in kws:
        nk = norm(kw)
        if not nk:
            err("%s: empty keyword" % qid)
            continue
        for label, t in texts:
            if ws(kw).lower() not in ws(t).lower():
                err("%s: keyword %r not verbatim in %s (%s)" % (qid, kw, name, label))
            if nk not in norm(t):
                err("%s: normalised keyword %r not in %s (%s)" % (qid, kw, name, label))
        if nk in norm(q["question"]):
            err("%s: keyword %r already in the question" % (qid, kw))
        if q["lang"] == "en" and not lang_independent(kw):
            err("%s: English question with language-dependent keyword %r" % (qid, kw))
        if nk not in norm(ev):
            # allowed only when evidence is a table cell/row and the keyword sits in the same row
            same_row = any(
                any(norm(ev) in norm(c) for c in r) and any(nk in norm(c) for c in r)
                for r in rows[name])
            if not same_row:
                err("%s: keyword %r neither in evidence nor in the evidence's table row" % (qid, kw))

# ---------------------------------------------------------------- counts
ids = [q["id"] for q in qs]
if len(qs) != 100:
    err("want exactly 100 questions, have %d" % len(qs))
if len(set(ids)) != len(ids):
    err("duplicate ids")
by_block = defaultdict(list)
for q in qs:
    by_block[q["id"][3]].append(q)
table = []
for b in "abse":
    bq = by_block[b]
    ans = sum(q["answerable"] for q in bq)
    una = len(bq) - ans
    en = sum(q["lang"] == "en" for q in bq)
    table.append((b, len(bq), ans, una, en))
    if len(bq) != 25:
        err("block %s: %d questions, want 25" % (b, len(bq)))
    if not 18 <= ans <= 19 or not 6 <= una <= 7:
        err("block %s: %d answerable / %d unanswerable" % (b, ans, una))
    want = [f"f8-{b}{i:02d}" for i in range(1, 26)]
    if sorted(q["id"] for q in bq) != want:
        err("block %s: ids not %s..%s" % (b, want[0], want[-1]))
tot_una = sum(not q["answerable"] for q in qs)
tot_en = sum(q["lang"] == "en" for q in qs)
if tot_una < 25:
    err("only %d unanswerable, want >= 25" % tot_una)
if not 40 <= 100 * tot_en / max(len(qs), 1) <= 55:
    err("English share %d%%, want 40-55%%" % (100 * tot_en / max(len(qs), 1)))
for b, n in (("s", 5), ("e", 12)):
    covered = {q["doc"] for q in by_block[b]}
    if len(covered) != n:
        err("block %s covers %d documents, want %d" % (b, len(covered), n))

print("block total answerable unanswerable english")
for r in table:
    print("%-5s %5d %10d %12d %7d" % r)
print("total %5d %10d %12d %7d  (%d%% English)" % (len(qs), len(qs) - tot_una, tot_una, tot_en, tot_en))
print("kinds:", dict(Counter(q["kind"] for q in qs)))
if errors:
    print("\nFAILED (%d problems):" % len(errors))
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK: all checks passed")
