"""`kg export` as a library call: an output folder's graph in another format.

    export_graph("kg-out", "html", "graph.html")      # the interactive page
    export_graph("kg-out", "gexf", sys.stdout.buffer) # for Gephi, to standard output

The graph is the one `kg ingest` wrote (``OUT/graph.json``); the HTML page also
reads the articles' titles, dates and links from the output folder's records.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.store import read_graph, stored_articles

__all__ = ["FORMATS", "export_graph"]


def _html(graph: nx.MultiDiGraph, out_dir: Path, target: str | Path | BinaryIO) -> None:
    from kg.sinks.html import write_html

    write_html(graph, target, stored_articles(out_dir), title=f"kg: {out_dir.resolve().name}")


def _gexf(graph: nx.MultiDiGraph, out_dir: Path, target: str | Path | BinaryIO) -> None:
    from kg.sinks.gexf import write_gexf

    write_gexf(graph, target)


def _graphml(graph: nx.MultiDiGraph, out_dir: Path, target: str | Path | BinaryIO) -> None:
    from kg.sinks.graphml import write_graphml

    write_graphml(graph, target)


def _json(graph: nx.MultiDiGraph, out_dir: Path, target: str | Path | BinaryIO) -> None:
    from kg.sinks.jsonfile import write_json

    write_json(graph, target)


# Each format and its writer; the CLI offers these names.
FORMATS: dict[str, Callable[[nx.MultiDiGraph, Path, str | Path | BinaryIO], None]] = {
    "html": _html,
    "gexf": _gexf,
    "graphml": _graphml,
    "json": _json,
}


def export_graph(out_dir: str | Path, fmt: str, target: str | Path | BinaryIO) -> nx.MultiDiGraph:
    """Write the graph in ``out_dir`` as ``fmt`` to ``target`` (a path, written atomically, or a
    binary file); returns the graph. Raises FileNotFoundError/ValueError naming the file at fault."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (kg writes {', '.join(FORMATS)})")
    graph = read_graph(out_dir)
    FORMATS[fmt](graph, Path(out_dir), target)
    return graph
