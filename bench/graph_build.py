"""Graph build: time and peak memory at 1,000, 10,000 and 100,000 extraction records (not a test).

    python bench/graph_build.py [--sizes 1000 10000 100000] [--seed 7]

Each size runs in a process of its own, so that each peak is its own. The process
makes the synthetic records of bench/synthetic.py (:func:`synthetic_records`: about
10 relations a record, titles, people who share surnames, spelling variants and
bare surnames to join, repeated evidence) and keeps them in memory, then times
:func:`kg.graph.build_graph` on them, and within it the cross-article resolution
(:func:`kg.resolve.person_identities`). One row per size: the records' relations and
titles, the graph's nodes and edges, the people joined, the seconds (build and
resolution), the microseconds per record (flat when the build grows linearly), the
memory the records take, what the build adds at its peak, and the process's peak.
Run it with PYTHONPATH pointing at another checkout of kg to measure that one.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import kg.graph
from kg.graph import build_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_records  # noqa: E402  (bench/ is a folder of scripts, not a package)

SIZES = (1_000, 10_000, 100_000)
MB = 1024 * 1024


def measure(records: int, seed: int) -> dict[str, float]:
    """Build the graph of ``records`` synthetic records in this process; its figures."""
    start_rss = _rss()
    extractions = list(synthetic_records(records, seed))
    records_rss = _rss()
    resolution = 0.0
    identities = kg.graph.person_identities
    joined = 0

    def timed_identities(people):  # the resolution step inside build_graph, timed apart
        nonlocal resolution, joined
        began = time.perf_counter()
        joins = identities(people)
        resolution, joined = time.perf_counter() - began, len(joins)
        return joins

    kg.graph.person_identities = timed_identities
    began = time.perf_counter()
    graph = build_graph(extractions)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "records": records,
        "relations": sum(len(e.relations) for e in extractions),
        "titles": sum(len(e.titles) for e in extractions),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "joined": joined,
        "seconds": seconds,
        "resolution_seconds": resolution,
        "us_per_record": seconds / records * 1e6,
        "records_mb": (records_rss - start_rss) / MB,
        "build_mb": (peak - records_rss) / MB,
        "peak_mb": peak / MB,
    }


def _rss() -> int:
    """This process's resident memory now, in bytes (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="Record counts (default: %(default)s).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size, JSON out
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.seed)))
        return
    print(f"kg from {Path(kg.graph.__file__).parent}")
    print("| records | relations | titles | nodes | edges | people joined | build s | of which resolution s "
          "| µs/record | records MB | build adds MB | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        child = subprocess.run([sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)],
                               capture_output=True, text=True, check=True)
        row = json.loads(child.stdout)
        print(f"| {row['records']:,} | {row['relations']:,} | {row['titles']:,} | {row['nodes']:,} "
              f"| {row['edges']:,} | {row['joined']:,} | {row['seconds']:.2f} | {row['resolution_seconds']:.2f} "
              f"| {row['us_per_record']:.0f} | {row['records_mb']:.0f} | {row['build_mb']:.0f} "
              f"| {row['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
