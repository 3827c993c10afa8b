"""The extraction records of an output folder: re-labelled records, one pipeline per graph."""
from __future__ import annotations

import os
from dataclasses import fields

import pytest

from kg.models import Article, Event, Evidence, Extraction, Label, Mention, Relation, RelType, Title
from kg.store import ExtractionStore

TEXT = "President Ann Koren of Aland met Bo Lind. Aland accused Borea of stalling."


def _extraction(article: Article) -> Extraction:
    """One record with a value in every field of an Extraction."""

    def evidence(start: int, rule: str) -> Evidence:
        return Evidence(article.id, TEXT[start : start + 20], start, start + 20, rule, 0.8, article.date)

    return Extraction(
        article=article,
        actors={"person:ann-koren": {"label": "Person", "name": "Ann Koren", "aliases": [], "how": ["name"]}},
        mentions=[Mention("person:ann-koren", Label.PERSON, "Ann Koren", "Ann Koren", 10, 19, how="name")],
        relations=[Relation("state:ALA", RelType.ACCUSES, "state:BOR", evidence(42, "accuses"), claim="of stalling")],
        titles=[Title("person:ann-koren", "president", RelType.LEADS, evidence(0, "title"))],
        events=[Event(RelType.MEETS, "met", 29, evidence(0, "meets"), (("person:ann-koren",), ("person:bo-lind",)))],
    )


def _fields(extraction: Extraction) -> dict:
    return {f.name: getattr(extraction, f.name) for f in fields(Extraction)}


def test_store_relabelled_record_keeps_every_field(tmp_path):
    """The same text stored under one id and date, asked for under another: every field comes
    back, its evidence (of relations, titles, events) moved to the new article."""
    old = Article("wire-1", TEXT, title="Talks", date="2024-01-01", url="https://example.org/1")
    new = Article("site-7", TEXT, title="Talks resume", date="2024-01-02", url="https://example.org/7")
    store = ExtractionStore(tmp_path, "p")
    store.put(_extraction(old))
    expected = _extraction(new)
    assert all(_fields(expected).values())  # no field left empty, so none can be dropped unseen
    assert _fields(store.get(new)) == _fields(expected)


@pytest.mark.parametrize("pipeline, current, other", [
    ("p1", ["a"], ["b"]),
    ("p2", ["b"], ["a"]),
    ("p3", [], ["a", "b"]),
])
def test_store_records_are_sorted_by_the_pipeline_that_made_them(tmp_path, pipeline, current, other):
    ExtractionStore(tmp_path, "p1").put(_extraction(Article("a", "text of a")))
    ExtractionStore(tmp_path, "p2").put(_extraction(Article("b", "text of b")))
    store = ExtractionStore(tmp_path, pipeline)
    records = store.records()
    assert (list(records.current), list(records.other_pipeline)) == (current, other)
    assert [e.article.id for e in store.load()] == current
    assert [e.article.id for e in store.load(any_pipeline=True)] == ["a", "b"]


def test_store_latest_record_of_an_edited_article_decides_its_pipeline(tmp_path):
    """An article stored by p1, then edited and stored by p2: p2's record stands for it, p1's
    older one is neither loaded nor counted."""
    ExtractionStore(tmp_path, "p1").put(_extraction(Article("a", "first text")))
    ExtractionStore(tmp_path, "p2").put(_extraction(Article("a", "edited text")))
    first, edited = (ExtractionStore(tmp_path, "").path(Article("a", t)) for t in ("first text", "edited text"))
    os.utime(first, (1_000_000, 1_000_000))
    os.utime(edited, (2_000_000, 2_000_000))
    records = ExtractionStore(tmp_path, "p1").records()
    assert (dict(records.current), dict(records.other_pipeline)) == ({}, {"a": edited})
    assert [e.article.text for e in ExtractionStore(tmp_path, "p2").load()] == ["edited text"]
