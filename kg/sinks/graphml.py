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

__all__ = ["ENCODED_ATTRIBUTES", "decode_values", "encode_values", "read_graphml", "write_graphml"]

# The list values of a graph (kg.graph): the node's and edge's own, and every attribute of
# kg.schema that keeps all its values (``claims``).
ENCODED_ATTRIBUTES = {"aliases", "articles", "evidence", "resolution"} | {a.every for a in ATTRIBUTES if a.every}


def write_graphml(graph: nx.MultiDiGraph, target: str | Path | BinaryIO) -> None:
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **encode_values(data))
    for source, target_node, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target_node, key=key, **encode_values(data))
    with atomic_output(target) as handle:
        nx.write_graphml(flat, handle, encoding="utf-8", prettyprint=True)


def read_graphml(source: str | Path) -> nx.MultiDiGraph:
    graph = nx.read_graphml(source, force_multigraph=True)
    for _, data in graph.nodes(data=True):
        decode_values(data)
    for _, _, data in graph.edges(data=True):
        decode_values(data)
    return graph


def encode_values(data: dict[str, Any]) -> dict[str, Any]:
    """The attributes of a node or edge as scalars: lists and dicts as JSON strings, no None.

    GEXF (:mod:`kg.sinks.gexf`) holds scalars only as well and encodes the same way."""
    return {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (list, dict)) else v
        for k, v in data.items()
        if v is not None
    }


def decode_values(data: dict[str, Any]) -> None:
    """Undo :func:`encode_values` in place: the :data:`ENCODED_ATTRIBUTES` back to lists."""
    for name in ENCODED_ATTRIBUTES & data.keys():
        data[name] = json.loads(data[name])
