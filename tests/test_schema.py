"""The schema table (kg/schema.py): complete, consistent, and obeyed by extraction."""
from __future__ import annotations

import dataclasses

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.models import Article, Label, Relation, RelType
from kg.schema import ATTRIBUTES, LABELS, RELATIONS


def test_schema_has_one_row_per_type_and_label():
    assert list(RELATIONS) == list(RelType)
    assert all(row.type is rel_type for rel_type, row in RELATIONS.items())
    assert list(LABELS) == list(Label)
    assert all(row.meaning and row.sources and row.targets for row in RELATIONS.values())


def test_schema_symmetric_types_join_the_same_labels_either_way():
    assert {t for t in RelType if t.symmetric} == {RelType.NEGOTIATES_WITH, RelType.MEETS}
    for row in RELATIONS.values():
        if row.symmetric:
            assert row.sources == row.targets, row.type


def test_schema_attributes_are_fields_of_a_relation():
    fields = {f.name for f in dataclasses.fields(Relation)}
    assert {a.name for a in ATTRIBUTES} <= fields
    assert {a.name for row in RELATIONS.values() for a in row.attributes} <= {a.name for a in ATTRIBUTES}


@pytest.mark.parametrize(
    ("rel_type", "source", "target", "allowed"),
    [
        (RelType.LEADS, Label.PERSON, Label.DELEGATION, True),
        (RelType.LEADS, Label.PERSON, Label.PERSON, False),
        (RelType.LEADS, Label.STATE, Label.ORGANIZATION, False),
        (RelType.MEMBER_OF, Label.PERSON, Label.STATE, False),
        (RelType.REPRESENTS, Label.DELEGATION, Label.STATE, True),
        (RelType.REPRESENTS, Label.PERSON, Label.DELEGATION, False),
        (RelType.MEDIATES, Label.STATE, Label.PERSON, True),
        (RelType.MEDIATES, Label.STATE, Label.DELEGATION, False),
        (RelType.NEGOTIATES_WITH, Label.DELEGATION, Label.STATE, True),
        (RelType.ACCUSES, Label.ORGANIZATION, Label.PERSON, True),
        (RelType.MEETS, Label.PERSON, Label.DELEGATION, True),
    ],
)
def test_schema_allows_the_ends_annotation_md_names(rel_type, source, target, allowed):
    assert rel_type.schema.allows(source, target) is allowed


def test_schema_extraction_drops_relations_between_labels_the_type_does_not_join(nlp):
    text = "Volodymyr Zelenskyy and Rustem Umerov accused the Russian delegation of stalling."
    doc = nlp(text)
    zelenskyy, umerov = [a for a in doc._.kg_actors if a.label == Label.PERSON]
    delegation = next(a for a in doc._.kg_actors if a.label == Label.DELEGATION)
    accuses = next(r for r in doc._.kg_relations if r.type == RelType.ACCUSES)
    doc._.kg_relations = [
        *doc._.kg_relations,
        # a mediator points at the parties, never at their delegations
        dataclasses.replace(accuses, type=RelType.MEDIATES, source=zelenskyy, target=delegation, claim=None),
        # a person leads a delegation, state or organisation, never a person
        dataclasses.replace(accuses, type=RelType.LEADS, source=zelenskyy, target=umerov, claim=None),
    ]
    extraction = extract(doc, Article(id="t", text=text), load_gazetteer())
    names = {key: actor["name"] for key, actor in extraction.actors.items()}
    assert {(names[r.source], r.type.value, names[r.target]) for r in extraction.relations} == {
        ("Volodymyr Zelenskyy", "ACCUSES", "Russia delegation"),
        ("Rustem Umerov", "ACCUSES", "Russia delegation"),
        ("Russia delegation", "REPRESENTS", "Russia"),
    }
