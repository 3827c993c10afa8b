"""Looking at the graph: one actor's profile, and statistics of the whole graph.

These read what ``kg ingest --out OUT`` wrote (``OUT/graph.json`` and the
articles of the extraction records) and answer in frozen dataclasses that
``kg show`` and ``kg stats`` print, each with ``to_dict()`` for ``--json``::

    from kg.report import actor_profile, find_actors, graph_stats, read_output

    output = read_output("kg-out")
    [match] = find_actors(output.graph, "Umerov")
    profile = actor_profile(output.graph, match.id, output.articles)
    stats = graph_stats(output.graph, output.articles)

:func:`lookup_actor` and :func:`output_stats` do the same from the folder in one call.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.models import Article, Evidence
from kg.schema import Label, RelType

__all__ = [
    "FUZZY_SIMILARITY", "PHRASES", "RESOLUTION_STEPS", "ActorLookup", "ActorMatch", "ActorProfile", "ArticleRef",
    "GraphStats", "Link", "Output", "RankedActor", "actor_profile", "explain_resolution", "find_actors",
    "graph_stats", "lookup_actor", "output_stats", "read_output",
]

# How alike a name must be to the one asked for (rapidfuzz ratio, 0-100) when nothing
# matches exactly or as a part: "Umerow" finds "Rustem Umerov", "Medinski" "Vladimir Medinsky".
FUZZY_SIMILARITY = 80

# Each relation type read from either end: (from its source, from its target).
PHRASES: dict[RelType, tuple[str, str]] = {
    RelType.LEADS: ("leads", "is led by"),
    RelType.MEMBER_OF: ("is a member of", "has as a member"),
    RelType.REPRESENTS: ("represents", "is represented by"),
    RelType.NEGOTIATES_WITH: ("negotiates with", "negotiates with"),
    RelType.MEDIATES: ("mediates for", "has as a mediator"),
    RelType.ACCUSES: ("accuses", "is accused by"),
    RelType.MEETS: ("meets", "meets"),
}
assert PHRASES.keys() == set(RelType), "a relation type has no phrase"

# The steps of kg.resolve that a node's ``resolution`` names, in words.
RESOLUTION_STEPS: dict[str, str] = {
    "name": "an article names it so",
    "gazetteer": "a known organisation: its name comes from kg's gazetteer",
    "demonym": 'named by a nationality word ("Russian officials" -> Russia)',
    "capital": 'named by its capital ("Kyiv said" -> Ukraine)',
    "seat": 'named by its seat of power ("the Kremlin said" -> Russia)',
    "party": "a delegation, named after the state or organisation it stands for",
    "short name": 'a shorter name in the same article joined the full name (a surname alone; "Mahan" for "Mahan Air")',
    "acronym": 'an acronym in brackets after the full name joined it ("Syrian Democratic Forces (SDF)")',
}
# The steps across articles (kg.resolve.person_identities) carry the name they joined.
_JOINED = {
    "spelling variant of ": "other spellings of {} in other articles were joined to it (see aliases)",
    "surname of ": "articles that name only the surname, which only {} has, were joined to it",
}


def explain_resolution(step: str) -> str:
    """A resolution step as a node records it, in words a reader understands."""
    for prefix, words in _JOINED.items():
        if step.startswith(prefix):
            return words.format(step[len(prefix):])
    return RESOLUTION_STEPS.get(step, step)


# --- reading an output folder ---------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """What ``kg ingest --out`` wrote: the graph and the articles read into it."""

    graph: nx.MultiDiGraph
    articles: tuple[Article, ...]


def read_output(out_dir: str | Path) -> Output:
    """Read ``OUT_DIR/graph.json`` and the articles of the records beside it.

    Raises FileNotFoundError when there is no graph, ValueError when it is not one;
    each message is one line naming the file.
    """
    from kg.store import read_graph, stored_articles

    return Output(read_graph(out_dir), tuple(stored_articles(out_dir)))


# --- finding an actor -----------------------------------------------------------------------


@dataclass(frozen=True)
class ActorMatch:
    """An actor whose name, alias or id matches what was asked; ``matched`` is which one."""

    id: str
    label: str
    name: str
    degree: int
    matched: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_actors(graph: nx.MultiDiGraph, name: str) -> list[ActorMatch]:
    """The actors called ``name``, the most connected first.

    Case, accents and spacing do not count ("erdogan" is "Erdoğan"). The name, every
    alias and the id are compared: first for equality; if no actor is called exactly
    that, for containing it ("Umerov" finds "Rustem Umerov"); if none contains it, for
    a spelling at least :data:`FUZZY_SIMILARITY` alike, word by word ("Umerow").
    Every actor of the first kind of match that finds any is returned.
    """
    from rapidfuzz import fuzz

    wanted = _fold(name)
    if not wanted:
        return []
    folded = {node: [(_fold(n), n) for n in (data["name"], *data.get("aliases", []), node)]
              for node, data in graph.nodes(data=True)}

    def similarity(candidate: str) -> float:
        words, size = candidate.split(), len(wanted.split())
        windows = [" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))]
        return max(fuzz.ratio(wanted, w) for w in [candidate, *windows])

    tests = (
        lambda candidate: candidate == wanted,
        lambda candidate: wanted in candidate,
        lambda candidate: similarity(candidate) >= FUZZY_SIMILARITY,
    )
    for test in tests:
        found = {node: next((n for f, n in pairs if test(f)), None) for node, pairs in folded.items()}
        matches = [
            ActorMatch(node, graph.nodes[node]["label"], graph.nodes[node]["name"], graph.degree(node), matched)
            for node, matched in found.items()
            if matched is not None
        ]
        if matches:
            return sorted(matches, key=lambda m: (-m.degree, m.name, m.id))
    return []


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces: "  Recep Tayyip  Erdoğan" -> "recep tayyip erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# --- one actor ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRef:
    """An article that mentions an actor; title and date when the records know them."""

    id: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Link:
    """One relation of an actor, seen from the actor.

    ``direction`` is "out" when the actor is the source, "in" when it is the target,
    "both" for a symmetric type; ``phrase`` reads the relation from the actor
    ("is accused by"). ``evidence`` is one sentence: the surest, the earliest of equals.
    """

    type: str
    direction: str
    phrase: str
    other_id: str
    other_name: str
    other_label: str
    count: int
    first_date: str | None
    last_date: str | None
    evidence: Evidence
    role: str | None = None
    claims: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorProfile:
    """Who an actor is, how its names became one, where it appears and what it does.

    ``relations`` maps each relation type (in kg.schema's order) to its links, the most
    often stated first.
    """

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    resolution: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    relations: dict[str, tuple[Link, ...]]
    iso3: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


def actor_profile(graph: nx.MultiDiGraph, node_id: str, articles: Iterable[Article] = ()) -> ActorProfile:
    """The profile of the actor ``node_id``; ``articles`` give titles and dates to its article ids.

    Raises KeyError when the graph has no such actor.
    """
    if node_id not in graph:
        raise KeyError(node_id)
    data = graph.nodes[node_id]
    known = {a.id: a for a in articles}
    seen = set()
    links: dict[str, list[Link]] = {t.value: [] for t in RelType}
    for source, target, key, edge in [*graph.out_edges(node_id, keys=True, data=True),
                                      *graph.in_edges(node_id, keys=True, data=True)]:
        if (source, target, key) in seen:  # a loop is both out and in
            continue
        seen.add((source, target, key))
        links[edge["type"]].append(_link(graph, node_id, source, target, edge))
    return ActorProfile(
        id=node_id,
        label=data["label"],
        name=data["name"],
        aliases=tuple(data.get("aliases", ())),
        resolution=tuple(explain_resolution(step) for step in data.get("resolution", ())),
        articles=tuple(ArticleRef(a, known[a].title, known[a].date) if a in known else ArticleRef(a)
                       for a in data.get("articles", ())),
        relations={t: tuple(sorted(ls, key=lambda x: (-x.count, x.other_name, x.other_id)))
                   for t, ls in links.items() if ls},
        iso3=data.get("iso3"),
    )


def _link(graph: nx.MultiDiGraph, node_id: str, source: str, target: str, edge: dict[str, Any]) -> Link:
    rel_type = RelType(edge["type"])
    outgoing = source == node_id
    other = target if outgoing else source
    direction = "both" if rel_type.symmetric else "out" if outgoing else "in"
    claims = tuple(edge.get("claims") or ([edge["claim"]] if edge.get("claim") else []))
    surest = max(edge["evidence"], key=lambda e: e["confidence"])
    return Link(
        type=rel_type.value,
        direction=direction,
        phrase=PHRASES[rel_type][0 if outgoing or rel_type.symmetric else 1],
        other_id=other,
        other_name=graph.nodes[other]["name"],
        other_label=graph.nodes[other]["label"],
        count=edge["count"],
        first_date=edge.get("first_date"),
        last_date=edge.get("last_date"),
        evidence=Evidence(**surest),
        role=edge.get("role"),
        claims=claims,
        articles=tuple(edge.get("articles", ())),
    )


# --- the whole graph ------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedActor:
    """An actor in a ranking, with the number it is ranked by."""

    id: str
    name: str
    label: str
    value: int


@dataclass(frozen=True)
class GraphStats:
    """Counts and rankings of a graph and the articles read into it.

    ``most_connected`` ranks by relations (degree), ``most_accused`` by ACCUSES
    statements against an actor, ``most_active_mediators`` by MEDIATES statements of
    an actor (each weighted by its edge's ``count``, the sentences that state it).
    ``articles_by_month`` counts dated articles per "YYYY-MM", oldest first.
    """

    actors: dict[str, int]
    relations: dict[str, int]
    most_connected: tuple[RankedActor, ...]
    most_accused: tuple[RankedActor, ...]
    most_active_mediators: tuple[RankedActor, ...]
    articles: int
    articles_by_month: dict[str, int] = field(default_factory=dict)
    undated_articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


def graph_stats(graph: nx.MultiDiGraph, articles: Iterable[Article], top: int = 10) -> GraphStats:
    """Statistics of ``graph`` and the ``articles`` read into it; rankings keep ``top`` actors."""
    labels = Counter(data["label"] for _, data in graph.nodes(data=True))
    types = Counter(data["type"] for _, _, data in graph.edges(data=True))
    accused: Counter[str] = Counter()
    mediators: Counter[str] = Counter()
    for source, target, data in graph.edges(data=True):
        if data["type"] == RelType.ACCUSES:
            accused[target] += data["count"]
        elif data["type"] == RelType.MEDIATES:
            mediators[source] += data["count"]
    articles = list(articles)
    months = Counter(a.date[:7] for a in articles if a.date)
    return GraphStats(
        actors={label.value: labels[label.value] for label in Label},
        relations={t.value: types[t.value] for t in RelType},
        most_connected=_ranking(graph, dict(graph.degree()), top),
        most_accused=_ranking(graph, accused, top),
        most_active_mediators=_ranking(graph, mediators, top),
        articles=len(articles),
        articles_by_month=dict(sorted(months.items())),
        undated_articles=sum(1 for a in articles if not a.date),
    )


def _ranking(graph: nx.MultiDiGraph, values: dict[str, int], top: int) -> tuple[RankedActor, ...]:
    """The ``top`` actors by value, ties by name; actors at 0 are left out."""
    ranked = sorted((n for n, v in values.items() if v > 0), key=lambda n: (-values[n], graph.nodes[n]["name"], n))
    return tuple(RankedActor(n, graph.nodes[n]["name"], graph.nodes[n]["label"], values[n]) for n in ranked[:top])


def _plain(value: Any) -> Any:
    """``asdict`` output as JSON has it: tuples become lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# --- from an output folder, in one call -----------------------------------------------------


@dataclass(frozen=True)
class ActorLookup:
    """The actors a name matches and, when it matches exactly one, that actor's profile."""

    name: str
    matches: tuple[ActorMatch, ...]
    profile: ActorProfile | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "matches": [m.to_dict() for m in self.matches],
                "profile": self.profile.to_dict() if self.profile else None}


def lookup_actor(out_dir: str | Path, name: str) -> ActorLookup:
    """Find ``name`` in the graph of ``out_dir`` (:func:`find_actors`); profile it if it is one actor."""
    output = read_output(out_dir)
    matches = tuple(find_actors(output.graph, name))
    profile = actor_profile(output.graph, matches[0].id, output.articles) if len(matches) == 1 else None
    return ActorLookup(name, matches, profile)


def output_stats(out_dir: str | Path, top: int = 10) -> GraphStats:
    """:func:`graph_stats` of the graph and articles in ``out_dir``."""
    output = read_output(out_dir)
    return graph_stats(output.graph, output.articles, top)
