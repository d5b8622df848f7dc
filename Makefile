# ecolink front door: `make run` brings the platform up, `make test` checks everything CI checks.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SERVICE_PACKAGES := $(sort $(dir $(wildcard services/*/pyproject.toml)))
EXAMPLE_PACKAGES := examples/police_integration
PACKAGES := libs/ecolink-proto libs/ecolink-common $(SERVICE_PACKAGES:%/=%) cli $(EXAMPLE_PACKAGES)
PYPROJECTS := $(addsuffix /pyproject.toml,$(PACKAGES))
BUF := node_modules/.bin/buf

.PHONY: bench help install run test test-unit test-integration lint typecheck format proto proto-check buf-lint certs migrate lock clean

help:
	@echo "make run    - the whole platform on this machine (embedded defaults; see README for env vars)"
	@echo "make test   - generated-code drift, lint, types, buf lint, and every test suite"
	@echo "make proto  - regenerate libs/ecolink-proto from protos/"
	@echo "make certs  - development CA and mTLS certificates under var/certs"

$(STAMP): requirements/lock.txt requirements/base.in requirements/dev.in $(PYPROJECTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -r requirements/base.in -r requirements/dev.in
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation $(addprefix -e ,$(PACKAGES))
	@touch $@

install: $(STAMP)

$(BUF): package.json package-lock.json
	@if command -v npm >/dev/null; then npm install --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: buf lint is skipped (CI has it)"; fi

run: $(STAMP) proto-check
	$(BIN)/ecolink run

migrate: $(STAMP)
	$(BIN)/ecolink migrate

certs: $(STAMP)
	$(BIN)/ecolink certs

proto: $(STAMP)
	$(BIN)/python scripts/gen_protos.py

proto-check: $(STAMP)
	$(BIN)/python scripts/gen_protos.py --check

buf-lint: $(BUF)
	@if [ -x $(BUF) ]; then cd protos && ../$(BUF) lint && echo "buf lint: clean"; \
	elif [ -n "$$CI" ]; then echo "buf is required in CI" && exit 1; \
	else echo "buf lint skipped (no npm)"; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy libs/ecolink-common/src cli/src $(addsuffix src,$(SERVICE_PACKAGES)) $(addsuffix /src,$(EXAMPLE_PACKAGES)) scripts

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test-unit: $(STAMP)
	$(BIN)/pytest libs/ecolink-common/tests/unit

test-integration: $(STAMP)
	$(BIN)/pytest libs/ecolink-common/tests/integration cli/tests tests examples

test: proto-check lint typecheck buf-lint
	$(BIN)/pytest

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements/lock.new
	@{ echo "# Exact versions of every Python package ecolink installs (pip install -c). Regenerate with \`make lock\`."; cat requirements/lock.new; } > requirements/lock.txt
	@rm requirements/lock.new

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)
	$(BIN)/python -m bench.identity
	$(BIN)/python -m bench.evidence
	$(BIN)/python -m bench.gateway
	$(BIN)/python -m bench.gateway_storage
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.cases
	$(BIN)/python -m bench.referrals
	$(BIN)/python -m bench.basin
