"""Neo4j load rate: relationships per second for a synthetic graph (not a test).

    python bench/load_rate.py [--relationships 100000] [--batch-size 5000] [--writers 2]
                              [--warmups 3] [--runs 3] [--pagecache 2g]

Builds a synthetic graph with kg's own structures (Extractions of made-up
articles through :func:`kg.graph.build_graph`: every relation with one evidence
sentence, between labels that :mod:`kg.schema` allows, with a value for each attribute
the schema gives its type: a role, a claim) and loads it with
:func:`kg.sinks.neo4j.load_graph` into a server that ``scripts/neo4j-server``
starts in a temporary home on its own port, so no existing data is touched.
That server gets a page cache of ``--pagecache`` (2g), so that the store of all
the loads (about 2 KB a relationship, most of it the evidence lists) fits in it,
as Neo4j's memory guidance asks of a production server; the 128m of the test
server would make every load page against the disk.

A fresh JVM runs Neo4j's code interpreted until its JIT has compiled it, and on
two cores its compiler competes with the loading for CPU: the first loads are
2 to 4 times slower than the later ones. So the server first loads
``--warmups`` synthetic graphs of the same size (their rates are printed too:
the first is the cold-server rate). Then ``--runs`` more graphs are loaded,
each with ids of its own so that every relationship is new, the whole
load_graph call timed; the median is the load rate. The last graph is then
loaded again, which must change nothing. Prints the peak memory of this process
and of the server. ``--uri`` etc. (or NEO4J_URI, ...) load into a server of
your own instead: its database is WIPED first.
"""
from __future__ import annotations

import argparse
import logging
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.neo4j_server import Neo4jSettings, connect
from kg.sinks.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS, load_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_graph  # noqa: E402  (bench/ is a folder of scripts, not a package)

REPO = Path(__file__).resolve().parents[1]
SERVER = REPO / "scripts" / "neo4j-server"
class RetryCounter(logging.Handler):
    """Counts the transactions the driver retried (a deadlock between two writers), instead of
    printing its warning of many lines for each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.retried = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.retried += "retried" in record.getMessage()


def start_server(home: str, port: int, pagecache: str) -> dict[str, str]:
    env = {**os.environ, "KG_NEO4J_HOME": home, "KG_NEO4J_PORT": str(port), "KG_NEO4J_PAGECACHE": pagecache,
           "PYTHON": sys.executable}
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
    parser.add_argument("--writers", type=int, default=DEFAULT_WRITERS, help="Sessions writing at once.")
    parser.add_argument("--pagecache", default="2g", help="Page cache of the benchmark's own server.")
    parser.add_argument("--warmups", type=int, default=3,
                        help="Loads of other synthetic graphs first, so that the server's JIT has compiled its hot code.")
    parser.add_argument("--runs", type=int, default=3, help="Measured loads, each of a graph of its own.")
    parser.add_argument("--port", type=int, default=7699, help="Bolt port of the benchmark's own server.")
    parser.add_argument("--uri", help="Load into this server instead (its database is wiped first).")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--database")
    args = parser.parse_args()

    retries = RetryCounter()
    logging.getLogger("neo4j").addHandler(retries)
    started = time.perf_counter()
    graph, articles = synthetic_graph(args.relationships)
    print(f"synthetic graph: {graph.number_of_nodes()} actors, {graph.number_of_edges()} relationships, "
          f"{len(articles)} articles, built in {time.perf_counter() - started:.1f} s; batch size {args.batch_size}, "
          f"{args.writers} writers")

    own_uri = args.uri or os.environ.get("NEO4J_URI")
    with tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-") as home:
        if own_uri:
            settings = Neo4jSettings.from_env(uri=args.uri, user=args.user, password=args.password,
                                              database=args.database)
            with connect(settings) as driver, driver.session(database=settings.database) as session:
                session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        else:
            env = start_server(home, args.port, args.pagecache)
            settings = Neo4jSettings(uri=env["NEO4J_URI"], user=env["NEO4J_USERNAME"],
                                     password=env["NEO4J_PASSWORD"], database=env["NEO4J_DATABASE"])
        rates = []
        try:
            for i in range(args.warmups + args.runs):
                if i == args.warmups + args.runs - 1:
                    other, other_articles = graph, articles
                else:  # a graph of its own: every relationship of every load is new
                    other, other_articles = synthetic_graph(args.relationships, seed=100 + i, prefix=f"r{i}-")
                report = load_graph(other, other_articles, settings, batch_size=args.batch_size, writers=args.writers)
                if report.relationships_created != other.number_of_edges():
                    sys.exit(f"load {i + 1}: {report.relationships_created} relationships created, "
                             f"not {other.number_of_edges()}")
                rate = report.relationships_created / report.seconds
                kind = "warm-up" if i < args.warmups else "load"
                print(f"{kind} {i + 1}: {report.relationships_created} relationships and {report.nodes_created} "
                      f"nodes created in {report.seconds:.1f} s: {rate:,.0f} relationships/s"
                      + (" (a fresh server)" if i == 0 and not own_uri else ""), flush=True)
                if i >= args.warmups:
                    rates.append(rate)
                del other, other_articles
            again = load_graph(graph, articles, settings, batch_size=args.batch_size, writers=args.writers)
            server_mb = None if own_uri else server_peak_mb(home)
        finally:
            if not own_uri:
                stop_server(home, args.port)

    print(f"load rate: {statistics.median(rates):,.0f} relationships/s, the median of {len(rates)} loads "
          f"({min(rates):,.0f} to {max(rates):,.0f}); {retries.retried} transactions retried")
    print(f"the last graph again: {again.nodes_created} nodes, {again.relationships_created} relationships "
          f"created, {again.properties_set} properties set, in {again.seconds:.1f} s")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB in this process"
          + (f", {server_mb:.0f} MB in the Neo4j server" if server_mb else ""))


if __name__ == "__main__":
    main()
