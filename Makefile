# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test index eval lint clean browser bench load lexicon train

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

# Debian's Swedish thesaurus (mythes-sv) widens paraphrase matching; optional.
lexicon:
	@test -f /usr/share/mythes/th_sv_SE_v2.dat || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq mythes-sv >/dev/null; \
	  else echo "mythes-sv missing: paraphrases match less often (apt-get install mythes-sv)"; fi; }

index: $(STAMP) lexicon
	$(PY) -m ingest --if-stale

run: index
	$(PY) app.py

# Debian's chromium drives the browser tests; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: browser tests will be skipped (apt-get install chromium)"; fi; }

test: $(TEST_STAMP) browser lexicon
	$(PY) -m ruff check .
	$(PY) -m pytest

eval: $(TEST_STAMP) lexicon
	$(PY) -m assistant eval --sets --quiet

# refit the evidence scorer on the tuning sets (writes assistant/qa/data/scorer.json)
train: $(TEST_STAMP) lexicon
	$(PY) -m assistant train

# the benchmark report (docs/benchmarks.md, docs/benchmarks.png); about 25 minutes here
bench: $(TEST_STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) -m benchmarks.run

# 20 clients through the app while the index is rebuilt (60 s)
load: index
	$(PY) scripts/load_test.py --clients 20 --seconds 60

lint: $(TEST_STAMP)
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

clean:
	rm -rf index $(VENV)
