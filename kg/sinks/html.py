"""The graph as one interactive page that opens from disk with no network.

The page is ``web/dist/page.html``, which ``scripts/build-web`` builds from
``web/src`` with sigma.js and graphology (npm packages at the versions
``web/package-lock.json`` pins, their licences kept in the page). This module
fills in its two blanks: the title and the graph's data, as JSON in a
``<script type="application/json">`` element that the page's script reads.

- :func:`graph_view` is the data: actors with their positions, sizes and merge
  reasons (in words, :func:`kg.report.explain_resolution`), relations with their evidence, the articles' titles, dates and
  links, and the legend (colours from :mod:`kg.sinks.palette`). The layout is
  computed here, so the page's first view is the finished one: igraph's
  Fruchterman-Reingold force layout (a grid approximation past 1,000 actors,
  which keeps 5,000 actors under a second), started from positions derived from
  the actors' ids and with its random numbers seeded, so the same graph is
  always drawn the same way.
- Text from articles is data, never markup: in the JSON every ``<``, ``>`` and
  ``&`` is written as a ``\\u`` escape, so no name or sentence can close the
  script element, and the page's script places text only as text. The page's
  Content-Security-Policy lets its one inline script run and nothing else,
  and forbids every request.
"""
from __future__ import annotations

import hashlib
import html
import json
import math
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kg.models import Article
from kg.report import explain_resolution
from kg.resources import WEB_DIR
from kg.schema import Label, RelType
from kg.sinks import atomic_output
from kg.sinks.palette import LABEL_COLORS, TYPE_COLORS

__all__ = ["TEMPLATE", "ViewNotBuilt", "graph_view", "layout", "page", "write_html"]

TEMPLATE = WEB_DIR / "page.html"
TITLE, DATA = "__KG_TITLE__", "__KG_DATA__"

# Characters written as \\u escapes in the embedded JSON: those that could end the <script>
# element or start a comment in it, and the two line separators older parsers reject.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})


class ViewNotBuilt(FileNotFoundError):
    """The page template has not been built (``scripts/build-web``)."""


def write_html(graph: nx.MultiDiGraph, target: str | Path | BinaryIO, articles: Iterable[Article] = (),
               title: str = "kg: diplomatic actors") -> None:
    """Write the page for ``graph``; ``articles`` give the evidence its titles, dates and links."""
    payload = page(graph_view(graph, articles, title)).encode("utf-8")
    with atomic_output(target) as handle:
        handle.write(payload)


def page(view: dict[str, Any]) -> str:
    """The template with ``view`` (:func:`graph_view`) and its title filled in."""
    if not TEMPLATE.is_file():
        raise ViewNotBuilt(f"{TEMPLATE}: the HTML view is not built (run scripts/build-web, which `make` runs)")
    head, rest = TEMPLATE.read_text(encoding="utf-8").split(TITLE)
    middle, tail = rest.split(DATA)
    data = json.dumps(view, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return "".join((head, html.escape(view["title"]), middle, data, tail))


def graph_view(graph: nx.MultiDiGraph, articles: Iterable[Article] = (), title: str = "kg") -> dict[str, Any]:
    """The data the page draws: plain JSON values, nothing escaped yet."""
    positions = layout(graph)
    degree = dict(graph.degree())
    known = {a.id: {"title": a.title, "date": a.date, "url": a.url} for a in articles}
    cited = {e["article"] for _, _, data in graph.edges(data=True) for e in data["evidence"]}
    cited |= {a for _, data in graph.nodes(data=True) for a in data.get("articles", ())}
    nodes = [
        {
            "id": node,
            "name": data["name"],
            "label": data["label"],
            "aliases": data.get("aliases", []),
            "merged": [explain_resolution(step) for step in data.get("resolution", [])],
            "articles": data.get("articles", []),
            "x": positions[node][0],
            "y": positions[node][1],
            "size": _size(degree[node], len(graph)),
        }
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        {
            "source": source,
            "target": target,
            "type": data["type"],
            "count": data.get("count", len(data["evidence"])),
            "first_date": data.get("first_date"),
            "last_date": data.get("last_date"),
            "role": data.get("role"),
            "claims": data.get("claims", []),
            "evidence": [
                {k: e.get(k) for k in ("article", "sentence", "date", "rule", "confidence")} for e in data["evidence"]
            ],
        }
        for source, target, data in graph.edges(data=True)
    ]
    return {
        "title": title,
        "labels": [{"name": label.value, "color": LABEL_COLORS[label]} for label in Label],
        "types": [{"name": t.value, "color": TYPE_COLORS[t], "symmetric": t.symmetric} for t in RelType],
        "articles": {a: known.get(a, {"title": None, "date": None, "url": None}) for a in sorted(cited)},
        "nodes": nodes,
        "edges": edges,
    }


def layout(graph: nx.MultiDiGraph, iterations: int = 500) -> dict[str, tuple[float, float]]:
    """A force-directed layout of ``graph``: positions in about [-1, 1], the same on every run."""
    import igraph

    nodes = list(graph.nodes)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v})
    # Spread the start over a square of side sqrt(n), as igraph's own random start is: its grid
    # has cells of a fixed size, and a smaller start crowds every actor into a few of them (40x slower).
    half = math.sqrt(len(nodes)) / 2
    start = [[_unit(node, "x") * half, _unit(node, "y") * half] for node in nodes]
    # The layout draws random numbers too: from a generator of its own, seeded, for the run.
    igraph.set_random_number_generator(random.Random(0))
    try:
        coords = igraph.Graph(n=len(nodes), edges=pairs).layout_fruchterman_reingold(seed=start, niter=iterations)
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = zip(*coords.coords)
    scale = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) / scale, 5), round((y - cy) / scale, 5)) for node, (x, y) in zip(nodes, coords.coords)}


def _size(degree: int, actors: int) -> float:
    """An actor's radius in pixels at the first zoom: its area grows with its relations, so hubs
    stand out; in a graph of thousands every actor is drawn smaller, so they do not cover each other."""
    scale = min(1.0, math.sqrt(300 / max(actors, 1)))
    return round(max(1.5, scale * min(3 + 2.5 * math.sqrt(degree), 24)), 2)


def _unit(node: str, axis: str) -> float:
    """A number in [-1, 1) fixed by the node's id: the layout's starting point."""
    digest = hashlib.sha256(f"{axis}:{node}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**63 - 1
