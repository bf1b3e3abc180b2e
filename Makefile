# sdkgen: `make generate` and `make test` are all the set-up a fresh machine needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: generate test test-fast snapshots bench lint clean install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP) $(NODE_STAMP)

## Generate every target of sdkgen.yaml into generated/.
generate: $(STAMP)
	$(BIN)/sdkgen generate

## Everything CI runs: unit, snapshot, runtime, diff, release and the slow full-spec/e2e tests.
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -q

## The quick loop: skip the slow full-Platform-spec and Prism/e2e tests.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

## Regenerate every syrupy snapshot after an intended change of the output.
snapshots: $(STAMP)
	$(BIN)/python -m pytest -q --snapshot-update

## Benchmarks, each figure next to its peer measured in the same run.
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache build dist
