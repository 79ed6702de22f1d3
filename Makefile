# The two commands of the README: `make run` and `make test`. Everything else serves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := resources/translations/recmanager_fr.ts
QM := $(TS:.ts=.qm)
SOURCES := $(shell find recmanager -name '*.py' | sort)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test sandbox system-deps system-test-deps install install-test lint \
        translations lupdate bench dist install-desktop screenshots clean

run: system-deps install
	$(BIN)/python -m recmanager.sandbox.run_with_gui

test: system-test-deps install-test
	$(BIN)/ruff check recmanager tests bench
	$(BIN)/python -m pytest -m "not own_process" -n 2 --dist loadfile
	$(BIN)/python -m pytest -m own_process

sandbox: install
	$(BIN)/recmanager sandbox

system-deps:
	@packaging/system-deps.sh run

system-test-deps:
	@packaging/system-deps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=25.1"

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[sandbox]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install -q --group dev
	touch $@

install: $(VENV)/.installed $(QM)

install-test: $(VENV)/.installed-test $(QM) tests/node_modules/.installed

tests/node_modules/.installed: tests/package.json
	cd tests && npm install --no-audit --no-fund --loglevel=error
	touch $@

$(QM): $(TS) $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)

lupdate: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete $(SOURCES) -ts $(TS)

lint: install-test
	$(BIN)/ruff check recmanager tests bench

bench: system-test-deps install-test
	$(BIN)/python bench/run_all.py

# A one-folder application for desks without Python: dist/recmanager/recmanager.
dist: install-test
	PYINSTALLER_CONFIG_DIR=build/pyinstaller-cache $(BIN)/pyinstaller --noconfirm \
	  --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/recmanager.spec
	@du -sh dist/recmanager

# The menu entry, icon and AppStream metainfo (of the bundle when built, else of .venv).
PREFIX ?= $(HOME)/.local
install-desktop:
	packaging/install-desktop.sh "$(PREFIX)"

# A lecture-capture team's day in English and French against the sandbox under Xvfb, a picture
# per step in resources/screenshots/journeys/, and the README's pictures cropped from it.
screenshots: system-test-deps install-test
	$(BIN)/python packaging/screenshots.py --out resources/screenshots

clean:
	rm -rf build dist $(QM)
