# One command each on a fresh machine: `make run` (Relay on embedded SQLite) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test lint typecheck unit bench check-config clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[redis]'
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/relay serve

check-config: $(VENV)/.run-installed
	$(BIN)/relay check-config

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check relay tests bench

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

unit: $(VENV)/.dev-installed
	$(BIN)/pytest -q

test: lint typecheck unit

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/scrub_bench.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
