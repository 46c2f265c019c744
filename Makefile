# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/cbt_supervision
# Tests run in parallel (pytest-xdist), one worker per core; `make test PYTEST_WORKERS=0` runs in one.
# --dist loadfile keeps each file's tests on one worker, so a module's authorization world is
# built once, not once per worker. --no-loadscope-reorder: the files are handed out in the order
# the workers collected them, browser files first (tests/scheduling.py: xdist's own order, by
# number of tests, left a one-test file of over a minute to the end of the run).
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

.PHONY: help install run test test-sqlite test-postgres test-fast lint format migrate demo browser-deps pdf-deps bench smoke clean

help:
	@echo "make run            install, migrate, load demo data, serve on http://127.0.0.1:8000"
	@echo "make test           install, then the whole test suite (SQLite; browser tests included)"
	@echo "make test-postgres  the whole suite against PostgreSQL ($(POSTGRES_URL))"
	@echo "make lint           ruff check, ruff format --check, djlint"
	@echo "make smoke          production settings under gunicorn on a fresh PostgreSQL, every demo login"
	@echo "make bench          key pages per data tier under gunicorn, as a ratio to hello-world"

# The stamp files make a second run quick: nothing is reinstalled unless its requirement file changed.
$(VENV)/.installed: requirements.txt
	@PYTHON_BIN=$$(scripts/find_python.sh) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	    rm -rf $(VENV); echo "Creating $(VENV) with $$PYTHON_BIN"; "$$PYTHON_BIN" -m venv $(VENV); fi
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/vendor/.built: node_modules/.installed scripts/build_static.mjs
	npm run --silent build
	@touch $@

install: $(VENV)/.installed static/vendor/.built

# Browser tests drive Debian's Chromium; install it when we may (root) and it is missing.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Could not install chromium; browser tests will be skipped."; \
	  else echo "chromium is not installed (apt-get install chromium); browser tests will be skipped."; fi; \
	fi

# PDF exports (WeasyPrint) need Pango and HarfBuzz from Debian; install them when we may (root).
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
pdf-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Pango for PDF exports"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_LIBS) >/dev/null) || echo "Could not install $(PDF_LIBS); PDF exports will fail."; \
	  else echo "PDF exports need $(PDF_LIBS) (apt-get install $(PDF_LIBS))."; fi; \
	fi

migrate: install pdf-deps
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) seed_demo

# The task worker (reminders, e-mails, PDF exports) runs beside the web server; Ctrl-C stops both.
run: demo
	@$(MANAGE) demo_logins
	@$(MANAGE) privacy_retention --schedule
	@$(MANAGE) recordings_retention --schedule
	@$(MANAGE) pathway_releases --schedule
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) db_worker --interval 5 & worker=$$!; \
	  $(MANAGE) runserver 127.0.0.1:8000

test: install browser-deps pdf-deps
	$(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-postgres: install browser-deps pdf-deps
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-fast: install pdf-deps
	$(BIN)/pytest -m "not browser" $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# A benchmark, not a test: key pages per data tier under gunicorn on PostgreSQL, as a ratio to a
# hello-world view (bench/run.py; BENCH_TIERS="XS S M L" for more tiers). Needs wrk (Debian).
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null); } || { echo "wrk is missing: apt-get install wrk"; exit 1; }
	$(PY) -m bench.run

# The production smoke of CI: production settings, fresh PostgreSQL, gunicorn, every demo login.
smoke: install
	$(PY) scripts/production_smoke.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint templates --reformat --quiet || true

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles .pytest_cache
