# e-Kinerja Samarinda. Two commands: `make run` and `make test`.
# Without DATABASE_URL / REDIS_URL: SQLite and a file-system broker under var/.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DEBUG ?= true

.PHONY: run test bench install install-dev migrate seed lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

## make run: install, migrate, load the Samarinda demo data, start web + Celery worker + beat.
run: seed
	PORT=$(PORT) $(BIN)/honcho start -f Procfile

## make test: the whole suite (browser tests need /usr/bin/chromium; .ci/run installs it).
test: install-dev
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

## make bench: DESIGN.md §8 figures (use DATABASE_URL=postgres://… for meaningful numbers).
bench: install
	DEBUG=false $(BIN)/python bench/run.py

## make lint: what .ci/run also checks: ruff's rules and ruff format.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf var/db.sqlite3 var/test.sqlite3 var/broker var/media var/staticfiles
