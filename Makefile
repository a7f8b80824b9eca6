# Every target sets up what it needs: a virtualenv in .venv (pinned by constraints.txt),
# Pyodide from npm (package-lock.json) and, for browser tests, Debian's chromium.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP := $(VENV)/.setup-done
PYODIDE := node_modules/pyodide/package.json
CHROMIUM := /usr/bin/chromium
SITE := _build/html
SPHINX := $(BIN)/python -m sphinx -b html -c . -d _build/doctrees docs $(SITE) -W --keep-going

.PHONY: serve test book bench lint notebooks mutation chromium clean

serve: book
	$(BIN)/python tools/serve.py $(SITE) --port 8000

test: $(SETUP) $(PYODIDE) chromium lint
	$(BIN)/python -m pytest

book: $(SETUP) $(PYODIDE)
	$(SPHINX)

bench: book chromium
	$(BIN)/python -m benchmarks

lint: $(SETUP) $(PYODIDE)
	$(BIN)/ruff check .
	$(BIN)/mypy
	node_modules/.bin/eslint .

notebooks: $(SETUP)
	$(BIN)/jupyter lab docs/notebooks

# Mutates the planner's logic and renderers ([tool.mutmut] in pyproject.toml) and lists the
# mutants no test kills; long (half an hour here), so not part of `make test`.
mutation: $(SETUP)
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

$(SETUP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or newer"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[docs,notebook,test]"
	touch $@

$(PYODIDE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm not found; Node.js and npm are needed to fetch Pyodide (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

chromium:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || { echo "error: could not install Debian's chromium with apt-get"; exit 1; }; \
	  else echo "error: browser tests need Debian's chromium at $(CHROMIUM); run: sudo apt-get install chromium"; exit 1; fi; }

clean:
	rm -rf _build mutants
