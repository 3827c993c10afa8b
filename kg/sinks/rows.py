"""The graph as rows for a database: pure functions that both of kg's stores load.

Neo4j (:mod:`kg.sinks.neo4j`) and the embedded store (:mod:`kg.sinks.embedded`)
hold the same model, built here from the graph:

* one row per actor, ``{id, properties}``: name, aliases, articles, resolution,
  iso3 on States, its ``label`` (also the node's label) and ``keys``, the
  lower-cased id, name and aliases that the query library looks actors up by;
* one row per relation, ``{source, target, properties}``: the aggregates
  (articles, count, confidence, first and last date), the attributes of its type
  in :mod:`kg.schema` (role, claim, claims) and its evidence as parallel
  ``evidence_<field>`` lists, since neither store keeps maps in properties;
* one row per article, ``{id, properties}``: title, date, url.

Values are what both stores keep: scalars and lists of scalars, None left out.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import networkx as nx

from kg.models import Article, Label, RelType

__all__ = ["ARTICLE_FIELDS", "EVIDENCE_FIELDS", "article_rows", "edges_by_type", "lookup_keys", "node_row", "node_rows",
           "nodes_by_label", "relationship_row", "relationship_rows"]

ARTICLE_FIELDS = ("title", "date", "url")
# Edge attributes that are not relationship properties: the type is the relationship's
# type, the evidence goes into the evidence_* lists.
EDGE_ATTRIBUTES_NOT_STORED = frozenset({"type", "evidence", "source", "target", "key"})
# The evidence fields kept as evidence_<field> lists, with the value that stands for a missing
# one (Neo4j lists hold no nulls). An evidence's date is its article's: it lives on the Article.
EVIDENCE_FIELDS = {"article": "", "sentence": "", "start": -1, "end": -1, "rule": "", "confidence": 0.0}



_Edge = tuple[str, str, dict[str, Any]]  # source id, target id, the edge's attributes


def node_rows(graph: nx.MultiDiGraph, label: Label) -> list[dict[str, Any]]:
    """One ``{id, properties}`` row per actor of ``label``, in the graph's order."""
    return [node_row(node_id, data) for node_id, data in nodes_by_label(graph)[label]]


def relationship_rows(graph: nx.MultiDiGraph, rel_type: RelType) -> list[dict[str, Any]]:
    """One ``{source, target, properties}`` row per edge of ``rel_type``, in the graph's order.

    The evidence list becomes parallel ``evidence_<field>`` lists, since Neo4j keeps
    no maps in properties; an evidence's date is its article's, kept on the Article.
    """
    return [relationship_row(*edge) for edge in edges_by_type(graph)[rel_type]]


def nodes_by_label(graph: nx.MultiDiGraph) -> dict[Label, list[tuple[str, dict[str, Any]]]]:
    """The actors by label; ValueError for a label outside the closed list."""
    groups: dict[Label, list[tuple[str, dict[str, Any]]]] = {label: [] for label in Label}
    for node_id, data in graph.nodes(data=True):
        groups[_member(Label, data.get("label"), f"actor {node_id!r} has label")].append((node_id, data))
    return groups


def edges_by_type(graph: nx.MultiDiGraph) -> dict[RelType, list[_Edge]]:
    """The edges by type; ValueError for a type outside the closed list."""
    groups: dict[RelType, list[_Edge]] = {rel_type: [] for rel_type in RelType}
    for source, target, key, data in graph.edges(keys=True, data=True):
        rel_type = _member(RelType, data.get("type", key), f"relation {source!r} -> {target!r} has type")
        groups[rel_type].append((source, target, data))
    return groups


def node_row(node_id: str, data: dict[str, Any]) -> dict[str, Any]:
    properties = _properties({k: v for k, v in data.items() if k not in ("label", "id")})
    properties.setdefault("name", str(node_id))
    for key in ("aliases", "articles", "resolution"):
        properties.setdefault(key, [])
    properties["label"] = _member(Label, data.get("label"), f"actor {node_id!r} has label").value
    properties["keys"] = lookup_keys(node_id, properties["name"], properties["aliases"])
    return {"id": node_id, "properties": properties}


def lookup_keys(node_id: str, name: str, aliases: Iterable[str]) -> list[str]:
    """What the query library finds an actor by: its id, name and aliases, lower-cased."""
    return sorted({key.lower() for key in (node_id, name, *aliases)})


def relationship_row(source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    evidence = data.get("evidence") or []
    properties = _properties({k: v for k, v in data.items() if k not in EDGE_ATTRIBUTES_NOT_STORED})
    if "articles" not in properties:
        properties["articles"] = sorted({e["article"] for e in evidence})
    if "count" not in properties:
        properties["count"] = len(evidence)
    if "confidence" not in properties:
        properties["confidence"] = max((float(e["confidence"]) for e in evidence), default=0.0)
    for name, missing in EVIDENCE_FIELDS.items():
        properties["evidence_" + name] = [missing if e.get(name) is None else e[name] for e in evidence]
    properties["evidence_confidence"] = [float(v) for v in properties["evidence_confidence"]]
    return {"source": source, "target": target, "properties": properties}


def _member(enum: type[Label] | type[RelType], value: Any, what: str) -> Any:
    member = _MEMBERS[enum].get(value)
    if member is None:
        raise ValueError(f"{what} {value!r}, not one of {', '.join(m.value for m in enum)}")
    return member


_MEMBERS: dict[type, dict[Any, Any]] = {enum: {m.value: m for m in enum} for enum in (Label, RelType)}


def article_rows(graph: nx.MultiDiGraph, articles: Iterable[Article] = ()) -> list[dict[str, Any]]:
    """One ``{id, properties}`` row per article: those given, and every id the graph cites.

    An id that the graph cites without an :class:`Article` gets the date of its
    evidence, when that is known, and no title or url.
    """
    known: dict[str, dict[str, Any]] = {}
    for article in articles:
        known[article.id] = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    cited: dict[str, str | None] = {}  # article id -> the date its evidence gives
    for _, data in graph.nodes(data=True):
        for article_id in data.get("articles") or []:
            cited.setdefault(article_id, None)
    for _, _, data in graph.edges(data=True):
        for article_id in data.get("articles") or []:
            cited.setdefault(article_id, None)
        for evidence in data.get("evidence") or []:
            cited[evidence["article"]] = evidence.get("date") or cited.get(evidence["article"])
    return [
        {"id": article_id, "properties": _properties(known.get(article_id, {"date": cited.get(article_id)}))}
        for article_id in sorted(cited.keys() | known.keys())
    ]


def _properties(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values Neo4j can store: scalars and lists of scalars; None left out; the rest as JSON."""
    out = {}
    for key, value in values.items():
        kind = type(value)
        if kind is str or kind is int or kind is bool:
            out[key] = value
        elif kind is list or kind is tuple:
            out[key] = _list_value(list(value))
        elif value is None:
            continue
        elif kind is float:
            if math.isfinite(value):
                out[key] = value
        elif isinstance(value, Enum):
            out[key] = value.value
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return out


def _list_value(values: list[Any]) -> list[Any] | str:
    """Neo4j stores homogeneous lists of scalars: ints among floats become floats, others JSON."""
    kinds = set(map(type, values))
    if len(kinds) <= 1 and kinds <= {str, int, float, bool}:
        return values
    if kinds <= {int, float}:
        return [float(v) for v in values]
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


