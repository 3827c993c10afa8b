"""Shared fixtures: the real spaCy pipeline (loaded once) and helpers that read edges."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.models import Article, Extraction, RelType

pytest_plugins = ["tests.conftest_neo4j", "tests.conftest_browser"]


DEV = Path(__file__).parent / "data" / "dev"


@pytest.fixture(scope="session")
def dev_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev corpus ingested once: OUT/graph.json and the per-article records."""
    from kg.ingest import ingest

    out = tmp_path_factory.mktemp("dev-out")
    result = ingest([DEV / "articles"], out)
    assert not result.failures
    return out


@pytest.fixture
def small_output(tmp_path: Path) -> Path:
    """An output folder as `kg ingest` leaves it, of tests.test_html.small_graph (seven actors,
    one named with markup, seven relations): graph.json and the records of its two articles."""
    from kg.models import Extraction
    from kg.sinks.jsonfile import write_json
    from kg.store import GRAPH_JSON, ExtractionStore
    from tests.test_html import small_graph

    graph, articles = small_graph()
    out = tmp_path / "kg-out"
    write_json(graph, out / GRAPH_JSON)
    store = ExtractionStore(out, pipeline_fingerprint="test")
    for article in articles:
        store.put(Extraction(article=article, actors={}, relations=[]))
    return out


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def read(nlp):
    """Extract one text: ``read("Ukraine's chief negotiator, Rustem Umerov, said ...")``."""
    gazetteer = load_gazetteer()

    def run(text: str, article_id: str = "t") -> Extraction:
        return extract(nlp(text), Article(id=article_id, text=text), gazetteer)

    return run


@pytest.fixture(scope="session")
def edges(read):
    """The relations of one text as ``{(source name, TYPE, target name)}``."""

    def run(text: str) -> set[tuple[str, str, str]]:
        extraction = read(text)
        names = {key: actor["name"] for key, actor in extraction.actors.items()}
        return {(names[r.source], r.type.value, names[r.target]) for r in extraction.relations}

    return run


def of_types(edges: Iterable[tuple[str, str, str]], types: Iterable[RelType]) -> set[tuple[str, str, str]]:
    """The ``(source, TYPE, target)`` edges whose type is one of ``types``, a symmetric one
    (kg.schema) with its ends in name order. Apply it to what a text gives and to what a
    table row states, and compare: ``of_types(edges(text), TYPES) == of_types(expected, TYPES)``."""
    wanted = {RelType(t) for t in types}
    return {
        (min(s, o), t, max(s, o)) if RelType(t).symmetric else (s, t, o)
        for s, t, o in edges
        if RelType(t) in wanted
    }
