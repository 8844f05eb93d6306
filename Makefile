# Azerbaijan–Türkiye report suite. `make` (or `make help`) lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BOOTSTRAP ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Where the raw third-party sources live (read by `make data` and by the raw-data tests only).
export BILATERAL_RAW_DIR ?= $(abspath ../shared/sources)

.PHONY: help env data reports report lint format test bench lab lock clean-build

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS=":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON_BOOTSTRAP) >/dev/null || { echo "error: $(PYTHON_BOOTSTRAP) not found; set PYTHON_BOOTSTRAP=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@# The project's own package is put on the path with a .pth file: no build step, edits take effect at once.
	$(PY) -c 'import site, pathlib; pathlib.Path(site.getsitepackages()[0], "bilateral-src.pth").write_text(str(pathlib.Path("src").resolve()) + "\n")'
	$(PY) -m compileall -q -j 0 $(VENV)/lib > /dev/null || true
	touch $(STAMP)

env: $(STAMP) ## Create the virtual environment from the hash-pinned lock (and byte-compile it)

data: $(STAMP) ## Rebuild data/processed/ from the raw sources in $BILATERAL_RAW_DIR
	$(PY) -m bilateral.cli data

reports: $(STAMP) ## Build every notebook into reports/ (HTML, PDF, figure data, index.html); FORCE=1 rebuilds all
	$(PY) -m bilateral.cli build $(if $(FORCE),--force)

report: $(STAMP) ## One report: make report NB=trade [PARAMS='country_a=GEO start_year=2000'] [PAIRS=AZE-TUR,ARM-GEO] [HTML_ONLY=1] [FORCE=1]
	$(PY) -m bilateral.cli build $(NB) $(if $(PARAMS),$(foreach p,$(PARAMS),-p '$(p)')) $(if $(PAIRS),--pairs '$(PAIRS)') $(if $(HTML_ONLY),--html-only) $(if $(FORCE),--force)

lint: $(STAMP) ## Lint and format check (ruff, configured in pyproject.toml); `make format` fixes what it can
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/ruff format --check src tests scripts

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix src tests scripts
	$(VENV)/bin/ruff format src tests scripts

test: $(STAMP) lint ## Lint, then run the whole test suite (fails if no test is collected)
	@$(PY) -m pytest -n 2 -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: $(STAMP) ## Benchmark: cold build vs naive, no-op rebuild, slowest cells, peak memory, many pairs [BENCH_ARGS='--runs 1']
	$(PY) scripts/bench.py $(BENCH_ARGS)

lab: $(STAMP) ## Open the notebooks in JupyterLab
	$(VENV)/bin/jupyter lab notebooks/

lock: ## Re-resolve requirements.lock from pyproject.toml (needs uv; records no download addresses)
	uv pip compile pyproject.toml --extra test --extra lab --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --no-header --no-annotate -o requirements.lock

clean-build: ## Remove the build folder (executed notebooks, stamps, the validated-table cache)
	rm -rf build/
