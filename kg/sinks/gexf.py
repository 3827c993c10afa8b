"""GEXF for Gephi: the graph with its colours, sizes and dates.

The file is GEXF 1.2 as networkx writes it, so Gephi and ``networkx.read_gexf``
both open it. On top of the graph's own attributes (list values JSON-encoded,
as in GraphML) it carries what Gephi draws:

- a node's GEXF ``label`` is the actor's name, and the actor's label (Person,
  State, ...) is the attribute ``actor_label``; an edge's GEXF ``label`` is its
  relation type. GEXF reserves ``label`` on nodes and ``type`` on edges (the
  edge's direction), so kg's attributes of those names cannot keep them;
  :func:`read_gexf` gives them back;
- ``viz:color`` from :mod:`kg.sinks.palette` on every node (by label) and edge
  (by type), ``viz:size`` growing with a node's degree, and the edge's
  ``weight`` is its ``count`` (Gephi draws heavier edges thicker);
- dates for Gephi's timeline: an edge spans its ``first_date`` to its
  ``last_date``, a node the dates of all its edges (the graph is then
  "dynamic", timeformat "date"). A node or edge without dates has no
  ``start``/``end``: it is there all the time; a graph without any is "static".
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.schema import Label, RelType
from kg.sinks import atomic_output
from kg.sinks.graphml import decode_values, encode_values
from kg.sinks.palette import LABEL_COLORS, TYPE_COLORS, rgb

__all__ = ["NODE_LABEL", "read_gexf", "write_gexf"]

# The attribute that holds a node's actor label in the file (GEXF's own ``label`` is the name).
NODE_LABEL = "actor_label"

# What the writer adds for Gephi and the reader drops again: networkx reads the edge's GEXF id as ``id``.
_DRAWING = ("viz", "start", "end", "weight", "id", "networkx_key")


def write_gexf(graph: nx.MultiDiGraph, target: str | Path | BinaryIO) -> None:
    """Write ``graph`` (as :func:`kg.graph.build_graph` makes it) to a GEXF file or binary file object."""
    drawn = nx.MultiDiGraph()  # networkx makes it "dynamic" once a node or edge has a start
    spans = _node_spans(graph)
    for node, data in graph.nodes(data=True):
        attributes = encode_values({k: v for k, v in data.items() if k not in ("label", "name")})
        color = dict(zip("rgb", rgb(LABEL_COLORS[Label(data["label"])])))
        drawn.add_node(node, label=data["name"], **{NODE_LABEL: data["label"]}, **attributes,
                       viz={"color": color, "size": _size(graph.degree(node))}, **spans.get(node, {}))
    for source, target_node, key, data in graph.edges(keys=True, data=True):
        attributes = encode_values({k: v for k, v in data.items() if k != "type"})
        color = dict(zip("rgb", rgb(TYPE_COLORS[RelType(data["type"])])))
        dates = {"start": data["first_date"], "end": data["last_date"]} if "first_date" in data else {}
        drawn.add_edge(source, target_node, key=key, label=data["type"], weight=data["count"], **attributes,
                       viz={"color": color}, **dates)
    with atomic_output(target) as handle:
        nx.write_gexf(drawn, handle, encoding="utf-8", prettyprint=True, version="1.2draft")


def read_gexf(source: str | Path | BinaryIO) -> nx.MultiDiGraph:
    """The graph :func:`write_gexf` wrote: names, labels, types and lists as in kg's graph."""
    drawn = nx.read_gexf(source, version="1.2draft")
    graph = nx.MultiDiGraph()
    for node, data in drawn.nodes(data=True):
        data = {k: v for k, v in data.items() if k not in _DRAWING}
        data["name"], data["label"] = data.pop("label"), data.pop(NODE_LABEL)
        decode_values(data)
        graph.add_node(node, **data)
    # networkx gives a DiGraph when no two edges join the same ends; kg's edge key is the type
    for source_node, target, data in drawn.edges(data=True):
        data = {k: v for k, v in data.items() if k not in _DRAWING}
        data["type"] = data.pop("label")
        decode_values(data)
        graph.add_edge(source_node, target, key=data["type"], **data)
    return graph


def _node_spans(graph: nx.MultiDiGraph) -> dict[str, dict[str, str]]:
    """``{node: {"start": first date, "end": last date}}`` over the node's edges, for dated nodes."""
    spans: dict[str, dict[str, str]] = {}
    for source, target, data in graph.edges(data=True):
        if "first_date" not in data:
            continue
        for node in (source, target):
            span = spans.setdefault(node, {"start": data["first_date"], "end": data["last_date"]})
            span["start"], span["end"] = min(span["start"], data["first_date"]), max(span["end"], data["last_date"])
    return spans


def _size(degree: int) -> float:
    """Node size in Gephi: 10 for an actor without relations, growing with the root of its degree."""
    return round(10.0 + 5.0 * math.sqrt(degree), 2)
