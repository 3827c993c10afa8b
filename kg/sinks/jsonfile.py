"""node-link JSON: the graph as networkx writes it, edges under ``edges``.

The contract (DESIGN.md, "The files kg ingest --out DIR writes"): nodes carry
``id``, ``label``, ``name``, ``aliases``, ``articles`` and ``iso3`` on States;
edges carry ``source``, ``target``, ``type``, ``articles`` and ``evidence``, and the
attributes that ``kg.schema`` gives their type (``role``, ``claim`` and ``claims``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.sinks import atomic_output


def write_json(graph: nx.MultiDiGraph, target: str | Path | BinaryIO) -> None:
    data = nx.node_link_data(graph, edges="edges")
    payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    with atomic_output(target) as handle:
        handle.write(payload + b"\n")


def read_json(source: str | Path) -> nx.MultiDiGraph:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
