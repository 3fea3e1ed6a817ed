# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
ONNX_FP32 := ingest/data/minilm-onnx/model_fp32.onnx

.PHONY: run test test-fast index eval lint clean browser bench load lexicon train ocr ocr-bench onnx-model onnx-fp32

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# torch first, from the local CPU wheel: otherwise pip resolves the CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# the fused fp32 graph of the onnx-fp32 embedding backend (90 MB, too large to commit),
# exported once from the packaged model's local files (torch is installed anyway): about
# 15 s. onnx is needed for onnxruntime's BERT fusions only.
$(ONNX_FP32): | $(STAMP)
	$(PY) -m pip install --quiet 'onnx>=1.16,<2'
	$(PY) -m scripts.export_onnx --fp32-only

onnx-fp32: $(ONNX_FP32)

# Debian's Swedish thesaurus (mythes-sv) widens paraphrase matching; optional.
lexicon:
	@test -f /usr/share/mythes/th_sv_SE_v2.dat || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq mythes-sv >/dev/null; \
	  else echo "mythes-sv missing: paraphrases match less often (apt-get install mythes-sv)"; fi; }

# Debian's Tesseract with its Swedish model reads scanned pages (OCR); DejaVu draws the
# test scans. Installed when missing and root; otherwise scans are reported, not read.
ocr:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx swe \
	  && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    apt-get install -y -qq tesseract-ocr tesseract-ocr-swe fonts-dejavu-core >/dev/null; \
	  else echo "tesseract-ocr/tesseract-ocr-swe missing: scanned pages are not read (apt-get install tesseract-ocr tesseract-ocr-swe fonts-dejavu-core)"; fi; }

index: $(STAMP) $(ONNX_FP32) lexicon ocr
	$(PY) -m ingest --if-stale

run: index
	$(PY) app.py

# Debian's chromium drives the browser tests; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: browser tests will be skipped (apt-get install chromium)"; fi; }

# Both test layers: fast (no model, server or browser) and acceptance (tests/conftest.py).
test: $(TEST_STAMP) $(ONNX_FP32) browser lexicon ocr
	$(PY) -m ruff check .
	$(PY) -m pytest

# The fast layer only (under 30 s): import rules, messages, parsers, the QA core with fakes.
test-fast: $(TEST_STAMP)
	$(PY) -m pytest -m fast -q

eval: $(TEST_STAMP) $(ONNX_FP32) lexicon
	$(PY) -m assistant eval --sets --quiet

# refit the evidence scorer on the tuning sets (writes assistant/qa/data/scorer.json)
train: $(TEST_STAMP) $(ONNX_FP32) lexicon
	$(PY) -m assistant train

# remake the committed ONNX model of the packaged MiniLM (ingest/data/minilm-onnx, 23 MB,
# int8) from the local model files: needs torch and onnx, about a minute
onnx-model: $(TEST_STAMP)
	$(PY) -m pip install --quiet -e '.[export]'
	$(PY) -m scripts.export_onnx

# the benchmark report (docs/benchmarks.md, docs/benchmarks.png); about 25 minutes here
bench: $(TEST_STAMP) $(ONNX_FP32)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) -m benchmarks.run

# OCR of scans made from the seed corpus: CER, seconds per page, table rows, build time
ocr-bench: $(TEST_STAMP) ocr
	$(PY) -m benchmarks.ocr --noisy --build

# 20 clients through the app while the index is rebuilt (60 s)
load: index
	$(PY) scripts/load_test.py --clients 20 --seconds 60

lint: $(TEST_STAMP)
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

clean:
	rm -rf index $(VENV)
