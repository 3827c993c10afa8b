"""Shared fixtures: the real spaCy pipeline (loaded once) and a helper that reads edges."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.models import Article, Extraction

pytest_plugins = ["tests.conftest_neo4j"]


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
