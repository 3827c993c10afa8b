"""The query library on both engines, side by side: the embedded store and Neo4j (not a test).

    python bench/query_engines.py [--relationships 100000] [--repeats 5] [--pagecache 2g]

Builds the synthetic graph of bench/synthetic.py (100,000 relations among about
4,600 actors), then:

- builds the embedded store (:func:`kg.sinks.embedded.build_store`, what
  `kg query` does on a new or changed output folder) and times it;
- starts a Neo4j server of its own (scripts/neo4j-server, as bench/load_rate.py
  does, in a temporary home) and loads the same graph with
  :func:`kg.sinks.neo4j.load_graph`, timed;
- runs every query of the library on both, with its parameters unset ("all")
  and, for the queries that need one, the most connected actor or the article
  with most evidence: ``--repeats`` times each after one warm-up run, and prints
  the median latency of each engine and whether both gave the same rows.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from kg.cypher import library
from kg.query import bind, embedded_text, tidy
from kg.sinks.embedded import EmbeddedStore, build_store
from kg.neo4j_server import Neo4jSettings, connect
from kg.sinks.neo4j import load_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_rate import start_server, stop_server  # noqa: E402  (bench/ is a folder of scripts, not a package)
from synthetic import synthetic_graph  # noqa: E402


def parameters(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Values for the queries that need one: the most connected actor, the busiest article."""
    degree = dict(graph.degree())
    hub = max(degree, key=lambda n: (degree[n], n))
    others = sorted({o for _, o in graph.out_edges(hub)} | {s for s, _ in graph.in_edges(hub)})
    article = Counter(e["article"] for _, _, d in graph.edges(data=True) for e in d["evidence"]).most_common(1)[0][0]
    name = graph.nodes[hub]["name"]
    return {
        "actor_profile": {"name": name},
        "actor_timeline": {"name": name},
        "article_relations": {"article": article},
        "people_in_common": {"first": name, "second": graph.nodes[others[0]]["name"]},
    }


def timed(run: Any, repeats: int) -> tuple[float, Any]:
    """Median seconds of ``repeats`` runs after a warm-up, and the rows of the last."""
    run()
    times, rows = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--port", type=int, default=7697)
    parser.add_argument("--only", nargs="*", metavar="QUERY", help="run only these library queries")
    args = parser.parse_args()

    graph, articles = synthetic_graph(args.relationships)
    print(f"synthetic graph: {graph.number_of_nodes():,} actors, {graph.number_of_edges():,} relations, "
          f"{len(articles):,} articles")
    values = parameters(graph)
    with tempfile.TemporaryDirectory(prefix="kg-bench-engines-") as tmp:
        store_path = Path(tmp) / "graph.lbdb"
        seconds = build_store(graph, articles, store_path)
        print(f"embedded store: built in {seconds:.1f} s, {store_path.stat().st_size / 1e6:.0f} MB on disk")
        env = start_server(str(Path(tmp) / "neo4j"), args.port, args.pagecache)
        settings = Neo4jSettings(uri=env["NEO4J_URI"], user=env["NEO4J_USERNAME"], password=env["NEO4J_PASSWORD"],
                                 database=env["NEO4J_DATABASE"])
        try:
            report = load_graph(graph, articles, settings)
            print(f"neo4j: loaded in {report.seconds:.1f} s (a fresh server)")
            store = EmbeddedStore(store_path)
            driver = connect(settings)
            print(f"\n{'query':20} {'rows':>6} {'embedded ms':>12} {'neo4j ms':>9}  same rows")
            for query in library():
                if args.only and query.name not in args.only:
                    continue
                bound = bind(query, values.get(query.name, {}))
                ladybug = embedded_text(query, bound)

                def on_store() -> list[list[Any]]:  # as kg query does it
                    result = store.run(ladybug, bound)
                    return tidy(query, result.columns, result.rows, embedded=True)

                def on_server() -> list[list[Any]]:
                    records, _, _ = driver.execute_query(query.text, bound, database_=settings.database)
                    columns = list(records[0].keys()) if records else []
                    return tidy(query, columns, [list(record.values()) for record in records], embedded=False)

                embedded_s, embedded_rows = timed(on_store, args.repeats)
                server_s, server_rows = timed(on_server, args.repeats)
                print(f"{query.name:20} {len(embedded_rows):>6,} {embedded_s * 1000:>12.1f} {server_s * 1000:>9.1f}  "
                      f"{'yes' if embedded_rows == server_rows else 'NO'}", flush=True)
                for mine, theirs in zip(embedded_rows, server_rows):
                    if mine != theirs:
                        print(f"  first difference: embedded {mine}\n                    neo4j    {theirs}")
                        break
            store.close()
            driver.close()
        finally:
            stop_server(str(Path(tmp) / "neo4j"), args.port)


if __name__ == "__main__":
    main()
