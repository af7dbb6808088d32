# Two commands: `make run` (set up, then the demo on the bundled example) and `make test` (set up, lint, type-check, test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup browser lint typecheck pytest bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "make: could not install chromium; browser tests will be skipped"; \
	  else echo "make: not root, cannot apt-get install chromium; browser tests will be skipped"; fi; \
	fi

run: setup
	$(BIN)/ceasefire demo --workspace demo.duckdb

lint: setup
	$(BIN)/ruff check src tests bench scripts

typecheck: setup
	$(BIN)/mypy

pytest: setup browser
	$(BIN)/pytest -n 2 --dist loadfile

test: lint typecheck pytest

bench: setup
	$(BIN)/python bench/ingest_assess.py

clean:
	rm -rf $(VENV) demo.duckdb .mypy_cache .ruff_cache .pytest_cache .hypothesis
