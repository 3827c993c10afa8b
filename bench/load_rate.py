"""Neo4j load rate: relationships per second for a synthetic graph (not a test).

    python bench/load_rate.py [--relationships 100000] [--batch-size 5000]

Builds a synthetic graph with kg's own structures (Extractions of made-up
articles through :func:`kg.graph.build_graph`: every relation with one evidence
sentence, roles on LEADS, claims on ACCUSES), then loads it with
:func:`kg.sinks.neo4j.load_graph` into a fresh server that
``scripts/neo4j-server`` starts in a temporary home on its own port (so no
existing data is touched), and loads it a second time, which must change
nothing. Prints the load time, relationships per second, and the peak memory
of this process and of the server. ``--uri`` etc. (or NEO4J_URI, ...) load
into a server of your own instead: its database is WIPED first.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Label, Relation, RelType
from kg.sinks.neo4j import DEFAULT_BATCH_SIZE, Neo4jSettings, connect, load_graph

REPO = Path(__file__).resolve().parents[1]
SERVER = REPO / "scripts" / "neo4j-server"
PREFIX = {Label.PERSON: "person", Label.STATE: "state", Label.ORGANIZATION: "organization", Label.DELEGATION: "delegation"}
# Which labels each type joins, as in ANNOTATION.md.
ENDS = {
    RelType.LEADS: ([Label.PERSON], [Label.DELEGATION, Label.STATE, Label.ORGANIZATION]),
    RelType.MEMBER_OF: ([Label.PERSON], [Label.DELEGATION, Label.ORGANIZATION]),
    RelType.REPRESENTS: ([Label.PERSON, Label.DELEGATION], [Label.STATE, Label.ORGANIZATION]),
    RelType.NEGOTIATES_WITH: ([Label.STATE, Label.DELEGATION], [Label.STATE, Label.DELEGATION]),
    RelType.MEDIATES: ([Label.STATE, Label.ORGANIZATION, Label.PERSON], [Label.STATE, Label.ORGANIZATION]),
    RelType.ACCUSES: ([Label.STATE, Label.PERSON, Label.ORGANIZATION], [Label.STATE, Label.PERSON, Label.ORGANIZATION]),
    RelType.MEETS: ([Label.PERSON, Label.STATE], [Label.PERSON, Label.STATE]),
}


def synthetic_graph(relationships: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of ``relationships`` distinct edges among ~relationships/5 actors, 20 per article."""
    rng = random.Random(seed)
    counts = {Label.PERSON: relationships // 8, Label.STATE: 200, Label.ORGANIZATION: relationships // 40,
              Label.DELEGATION: 200}
    actors = {
        label: [f"{PREFIX[label]}:{PREFIX[label]}-{i}" for i in range(n)] for label, n in counts.items()
    }
    label_of = {key: label for label, keys in actors.items() for key in keys}
    types = list(RelType)
    seen: set[tuple[str, str, str]] = set()
    extractions = []
    per_article = 20
    while len(seen) < relationships:
        article_id = f"synthetic-{len(extractions):06d}"
        date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = Article(id=article_id, text="", title=f"Article {len(extractions)}", date=date,
                          url=f"https://example.org/{article_id}")
        relations = []
        while len(relations) < per_article and len(seen) < relationships:
            rel_type = types[rng.randrange(len(types))]
            sources, targets = ENDS[rel_type]
            source = rng.choice(actors[rng.choice(sources)])
            target = rng.choice(actors[rng.choice(targets)])
            ends = sorted((source, target)) if rel_type.symmetric else (source, target)
            if source == target or (ends[0], rel_type.value, ends[1]) in seen:
                continue
            seen.add((ends[0], rel_type.value, ends[1]))
            start = 100 * len(relations)
            relations.append(Relation(
                source, rel_type, target,
                Evidence(article_id, f"Sentence {len(relations)} of {article_id}: {source} and {target}.",
                         start, start + 60, "synthetic", 0.8, date),
                role="chief negotiator" if rel_type is RelType.LEADS else None,
                claim="of breaking the truce" if rel_type is RelType.ACCUSES else None,
            ))
        keys = {k for r in relations for k in (r.source, r.target)}
        named = {
            key: {"label": label_of[key].value, "name": key.split(":")[1].replace("-", " ").title(),
                  "aliases": [key.split("-")[-1]], "how": ["synthetic"]}
            for key in keys
        }
        extractions.append(Extraction(article=article, actors=named, relations=relations))
    graph = build_graph(extractions)
    graph.graph["articles"] = [e.article for e in extractions]
    return graph


def start_server(home: str, port: int) -> dict[str, str]:
    env = {**os.environ, "KG_NEO4J_HOME": home, "KG_NEO4J_PORT": str(port), "PYTHON": sys.executable}
    proc = subprocess.run(["bash", str(SERVER), "start"], env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"scripts/neo4j-server start failed:\n{proc.stderr}")
    return dict(shlex.split(line)[0].split("=", 1) for line in proc.stdout.splitlines() if line.startswith("NEO4J_"))


def stop_server(home: str, port: int) -> None:
    env = {**os.environ, "KG_NEO4J_HOME": home, "KG_NEO4J_PORT": str(port)}
    subprocess.run(["bash", str(SERVER), "stop"], env=env, capture_output=True, check=False)


def server_peak_mb(home: str) -> float | None:
    try:
        pid = Path(home, "server.pid").read_text().split()[0]
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--port", type=int, default=7699, help="Bolt port of the benchmark's own server.")
    parser.add_argument("--uri", help="Load into this server instead (its database is wiped first).")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--database")
    args = parser.parse_args()

    started = time.perf_counter()
    graph = synthetic_graph(args.relationships)
    articles = graph.graph.pop("articles")
    print(f"synthetic graph: {graph.number_of_nodes()} actors, {graph.number_of_edges()} relationships, "
          f"{len(articles)} articles, built in {time.perf_counter() - started:.1f} s")

    own_uri = args.uri or os.environ.get("NEO4J_URI")
    with tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-") as home:
        if own_uri:
            settings = Neo4jSettings.from_env(uri=args.uri, user=args.user, password=args.password,
                                              database=args.database)
        else:
            env = start_server(home, args.port)
            settings = Neo4jSettings(uri=env["NEO4J_URI"], user=env["NEO4J_USERNAME"],
                                     password=env["NEO4J_PASSWORD"], database=env["NEO4J_DATABASE"])
        try:
            driver = connect(settings)
            with driver, driver.session(database=settings.database) as session:
                session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            first = load_graph(graph, articles, settings, batch_size=args.batch_size)
            second = load_graph(graph, articles, settings, batch_size=args.batch_size)
            server_mb = None if own_uri else server_peak_mb(home)
        finally:
            if not own_uri:
                stop_server(home, args.port)

    rate = first.relationships_created / first.seconds
    print(f"first load:  {first.nodes_created} nodes, {first.relationships_created} relationships created "
          f"in {first.seconds:.1f} s (batch size {args.batch_size})")
    print(f"second load: {second.nodes_created} nodes, {second.relationships_created} relationships created, "
          f"{second.properties_set} properties set in {second.seconds:.1f} s")
    print(f"load rate:   {rate:,.0f} relationships/s (whole load: schema, articles, actors, relationships)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB in this process"
          + (f", {server_mb:.0f} MB in the Neo4j server" if server_mb else ""))


if __name__ == "__main__":
    main()
