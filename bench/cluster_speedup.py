"""`kg ingest --cluster`: the speed-up of two Dask workers over one (not a test).

    python bench/cluster_speedup.py [--corpus ../shared/corpus/wikinews]

Starts a local Dask cluster (this machine's 2 cores) with one worker process,
ingests the Wikinews articles through it into a fresh folder, then does the same
with two workers; each worker loads the pipeline once, which is counted. Prints
seconds and articles per second for each and the speed-up, and checks that both
runs wrote the same graph.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from distributed import LocalCluster

from kg.ingest import ingest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import read_corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/wikinews")
    args = parser.parse_args()
    articles = read_corpus(args.corpus)
    with tempfile.TemporaryDirectory(prefix="kg-bench-cluster-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        seconds, graphs = {}, {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                              host="127.0.0.1") as cluster:
                out = Path(tmp) / f"out-{workers}"
                started = time.perf_counter()
                result = ingest([source], out, cluster=cluster.scheduler_address)
                seconds[workers] = time.perf_counter() - started
                graphs[workers] = (out / "graph.json").read_bytes()
                print(f"{workers} worker{'s' * (workers > 1)}: {result.extracted} articles in {seconds[workers]:.1f} s, "
                      f"{result.extracted / seconds[workers]:.1f} articles/s", flush=True)
    print(f"speed-up of two workers over one: {seconds[1] / seconds[2]:.2f}x; same graph: {graphs[1] == graphs[2]}")


if __name__ == "__main__":
    main()
