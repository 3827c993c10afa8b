"""GraphML for Gephi, yEd, Cytoscape and igraph.

GraphML holds scalars only: list and dict values (aliases, articles,
evidence) are written as JSON strings, and missing values are left out.
:func:`read_graphml` decodes them again, so a round trip gives back the
graph that was written.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kg.schema import ATTRIBUTES
from kg.sinks import atomic_output

# The list values of a graph (kg.graph): the node's and edge's own, and every attribute of
# kg.schema that keeps all its values (``claims``).
ENCODED_ATTRIBUTES = {"aliases", "articles", "evidence", "resolution"} | {a.every for a in ATTRIBUTES if a.every}


def write_graphml(graph: nx.MultiDiGraph, target: str | Path | BinaryIO) -> None:
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_scalars(data))
    for source, target_node, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target_node, key=key, **_scalars(data))
    with atomic_output(target) as handle:
        nx.write_graphml(flat, handle, encoding="utf-8", prettyprint=True)


def read_graphml(source: str | Path) -> nx.MultiDiGraph:
    graph = nx.read_graphml(source, force_multigraph=True)
    for _, data in graph.nodes(data=True):
        _decode(data)
    for _, _, data in graph.edges(data=True):
        _decode(data)
    return graph


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (list, dict)) else v
        for k, v in data.items()
        if v is not None
    }


def _decode(data: dict[str, Any]) -> None:
    for name in ENCODED_ATTRIBUTES & data.keys():
        data[name] = json.loads(data[name])
