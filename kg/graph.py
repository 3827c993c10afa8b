"""Build the knowledge graph from per-article extractions.

One node per canonical actor key, one edge per ``(source, TYPE, target)``:
repeated evidence for the same edge is aggregated (count, first and last
article date, every evidence sentence, the highest confidence), never
duplicated. Symmetric types (``kg.schema`` says which) are stored once, from
the smaller id to the larger; an edge keeps the attributes of its type's row in
the schema (``role``, ``claim``) and no others. Nodes, edges and lists are
sorted, so the same extractions always give the same graph, byte for byte once
written.

The graph is a ``networkx.MultiDiGraph`` whose edge keys are the relation
types; node and edge attributes follow the contract in DESIGN.md.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

import networkx as nx

from kg.models import Evidence, Extraction, Label, Relation, RelType, Title
from kg.resolve import person_identities
from kg.schema import ROLE

__all__ = ["build_graph", "summary"]

# The keys of an evidence entry in the graph, in order: Evidence's fields, all plain values.
_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
# kg.schema by the type's value, as edge keys hold it (looked up once per edge)
_SYMMETRIC = frozenset(t.value for t in RelType if t.symmetric)
_ATTRIBUTES = {t.value: t.schema.attributes for t in RelType}


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions (in any order) into one deterministic graph."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    titles: list[Title] = []
    for extraction in extractions:
        article = extraction.article
        for key, actor in extraction.actors.items():
            _merge_node(nodes, key, actor, article.id)
        for relation in extraction.relations:
            _merge_edge(edges, relation)
        titles.extend(extraction.titles)

    nodes, edges, joins = _join_people(nodes, edges)
    _complete_titles(titles, joins, nodes, edges)
    graph = nx.MultiDiGraph()
    for key in sorted(nodes):
        graph.add_node(key, **_finish_node(key, nodes[key]))
    for (source, rel_type, target) in sorted(edges):
        graph.add_edge(source, target, key=rel_type, **_finish_edge(edges[(source, rel_type, target)]))
    return graph


def _join_people(
    nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str, str], dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str, str], dict[str, Any]], dict[str, str]]:
    """One node per person across articles: spelling variants and bare surnames join the
    full name (:func:`kg.resolve.person_identities`); the reason is kept on the node."""
    people = {k: (n["name"], len(n["articles"])) for k, n in nodes.items() if n["label"] == Label.PERSON}
    joins = person_identities(people)
    if not joins:
        return nodes, edges, {}
    for key, (target, reason) in sorted(joins.items()):
        node, into = nodes.pop(key), nodes[target]
        into["aliases"] |= node["aliases"] | {node["name"]}
        into["articles"] |= node["articles"]
        into["how"] |= node["how"] | {reason}
    joined: dict[tuple[str, str, str], dict[str, Any]] = {}
    for (source, rel_type, target), edge in sorted(edges.items()):
        source, target = joins.get(source, (source, ""))[0], joins.get(target, (target, ""))[0]
        if source == target:
            continue
        if rel_type in _SYMMETRIC and target < source:
            source, target = target, source
        into = joined.get((source, rel_type, target))
        if into is None:
            into = joined[(source, rel_type, target)] = _new_edge(rel_type)
        into["evidence"].update(edge["evidence"])
        for name, values in edge["values"].items():
            into["values"][name].update(values)
    return nodes, joined, {key: target for key, (target, _) in joins.items()}


def _complete_titles(
    titles: list[Title],
    joins: dict[str, str],
    nodes: dict[str, dict[str, Any]],
    edges: dict[tuple[str, str, str], dict[str, Any]],
) -> None:
    """ "President Donald Trump" in one article, "US President Donald Trump" in another:
    the first article's sentence becomes evidence of the edge the second one states, when
    the person holds that role towards exactly one actor and the article names that actor.

    The edges are indexed once by (person, type, role), so each title is one look-up."""
    holders: dict[tuple[str, str, str], set[str]] = {}
    for (source, rel_type, target), edge in edges.items():
        for role in edge["values"].get(ROLE.name, ()):
            holders.setdefault((source, rel_type, role), set()).add(target)
    for title in titles:
        person = joins.get(title.person, title.person)
        targets = holders.get((person, title.type.value, title.role), set())
        if len(targets) != 1:
            continue
        (target,) = targets
        if title.evidence.article not in nodes[target]["articles"]:
            continue
        edges[(person, title.type.value, target)]["evidence"].setdefault(title.evidence)


def _merge_node(nodes: dict[str, dict[str, Any]], key: str, actor: dict[str, Any], article_id: str) -> None:
    node = nodes.setdefault(
        key, {"label": actor["label"], "name": actor["name"], "aliases": set(), "articles": set(), "how": set()}
    )
    # The fullest name any article uses becomes the node's name.
    if len(actor["name"]) > len(node["name"]):
        node["aliases"].add(node["name"])
        node["name"] = actor["name"]
    elif actor["name"] != node["name"]:
        node["aliases"].add(actor["name"])
    node["aliases"].update(actor.get("aliases", []))
    node["articles"].add(article_id)
    node["how"].update(actor.get("how", []))
    if actor.get("iso3"):
        node["iso3"] = actor["iso3"]


def _finish_node(key: str, node: dict[str, Any]) -> dict[str, Any]:
    out = {
        "label": node["label"],
        "name": node["name"],
        "aliases": sorted(node["aliases"] - {node["name"]}),
        "articles": sorted(node["articles"]),
        "resolution": sorted(node["how"]),
    }
    if "iso3" in node:
        out["iso3"] = node["iso3"]
    return out


def _new_edge(rel_type: str) -> dict[str, Any]:
    """An edge being merged: its evidence, and every value read of each attribute of its type.

    Both are dicts used as ordered sets (keys only, in the order first read), so a repeated
    sentence or value is recognised in constant time however many an edge gathers."""
    return {"type": rel_type, "evidence": {}, "values": {a.name: {} for a in _ATTRIBUTES[rel_type]}}


def _merge_edge(edges: dict[tuple[str, str, str], dict[str, Any]], relation: Relation) -> None:
    source, target = relation.source, relation.target
    if relation.type.symmetric and target < source:
        source, target = target, source
    edge = edges.get((source, relation.type.value, target))
    if edge is None:
        edge = edges[(source, relation.type.value, target)] = _new_edge(relation.type.value)
    edge["evidence"].setdefault(relation.evidence)
    for name, values in edge["values"].items():
        value = getattr(relation, name)
        if value:
            values.setdefault(value)


def _finish_edge(edge: dict[str, Any]) -> dict[str, Any]:
    evidence = [{name: getattr(e, name) for name in _EVIDENCE_FIELDS}
                for e in sorted(edge["evidence"], key=lambda e: (e.date or "", e.article, e.start, e.rule))]
    dates = sorted(e["date"] for e in evidence if e["date"])
    out: dict[str, Any] = {
        "type": edge["type"],
        "articles": sorted({e["article"] for e in evidence}),
        "evidence": evidence,
        "count": len(evidence),
        "confidence": max(e["confidence"] for e in evidence),
    }
    if dates:
        out["first_date"], out["last_date"] = dates[0], dates[-1]
    for attribute in _ATTRIBUTES[edge["type"]]:
        values = list(edge["values"][attribute.name])
        if values:
            out[attribute.name] = values[0]
            if attribute.every:
                out[attribute.every] = values
    return out


def summary(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Counts by label and type, and the most connected actors: what `kg ingest` prints."""
    labels: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        labels[data["label"]] = labels.get(data["label"], 0) + 1
    types = {t.value: 0 for t in RelType}
    for _, _, data in graph.edges(data=True):
        types[data["type"]] += 1
    degree = sorted(graph.degree(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return {
        "actors": dict(sorted(labels.items())),
        "relations": {k: v for k, v in types.items() if v},
        "most_connected": [
            {"id": node, "name": graph.nodes[node]["name"], "label": graph.nodes[node]["label"], "degree": deg}
            for node, deg in degree
            if deg > 0
        ],
    }
