# The README's two commands: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The HTML view's page template: sigma.js and graphology from npm, bundled (scripts/build-web).
WEB := web/dist/page.html

.PHONY: run test venv chromium lock sync-dev bench bench-neo4j bench-html bench-cluster clean

# Set everything up and run the main job on the sample articles, then draw the graph.
run: $(STAMP) $(WEB)
	$(BIN)/kg ingest data/articles --out kg-out
	$(BIN)/kg export kg-out --format html -o kg-out/graph.html

# Set everything up and run the tests (the Neo4j tests start their own server; the
# HTML view's tests drive Debian's Chromium, which `chromium` installs).
test: $(STAMP) $(WEB) chromium
	$(BIN)/python -m pytest

venv: $(STAMP)

chromium:
	scripts/install-chromium

$(WEB): web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*)
	scripts/build-web

# pyproject.toml packages web/dist (as kg/_web), so it is built before kg is installed.
$(STAMP): requirements.lock pyproject.toml | $(WEB)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Pin every dependency, transitive ones included, with hashes: requirements.lock, from pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url \
	  --extra test --extra lexicon --extra cluster --extra build --extra lock \
	  --output-file requirements.lock pyproject.toml

# Copy the dev corpus from ../shared again (after a gold correction there).
sync-dev:
	cp ../shared/corpus/dev/gold.jsonl ../shared/corpus/dev/SOURCES.md tests/data/dev/
	cp ../shared/corpus/dev/articles/*.txt tests/data/dev/articles/

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# The Neo4j load rate, in a server of its own (about 4 minutes).
bench-neo4j: $(STAMP)
	$(BIN)/python bench/load_rate.py

# The HTML view with 5,000 actors and 20,000 relations: export, then draw in Chromium.
bench-html: $(STAMP) $(WEB) chromium
	$(BIN)/python bench/html_view.py

# Two Dask workers against one on the Wikinews articles (kg ingest --cluster).
bench-cluster: $(STAMP)
	$(BIN)/python bench/cluster_speedup.py

clean:
	rm -rf $(VENV) kg-out .pytest_cache web/node_modules web/dist
