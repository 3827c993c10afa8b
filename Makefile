# The README's two commands: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test venv sync-dev bench bench-neo4j clean

# Set everything up and run the main job on the sample articles.
run: $(STAMP)
	$(BIN)/kg ingest data/articles --out kg-out

# Set everything up and run the tests (the Neo4j tests start their own server).
test: $(STAMP)
	$(BIN)/python -m pytest

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lexicon]'
	touch $(STAMP)

# Copy the dev corpus from ../shared again (after a gold correction there).
sync-dev:
	cp ../shared/corpus/dev/gold.jsonl ../shared/corpus/dev/SOURCES.md tests/data/dev/
	cp ../shared/corpus/dev/articles/*.txt tests/data/dev/articles/

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# The Neo4j load rate, in a server of its own (about 4 minutes).
bench-neo4j: $(STAMP)
	$(BIN)/python bench/load_rate.py

clean:
	rm -rf $(VENV) kg-out .pytest_cache
