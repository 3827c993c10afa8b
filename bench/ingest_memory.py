"""Peak memory of `kg ingest` on 10,000 real-length articles (not a test).

    python bench/ingest_memory.py [--articles 10000] [--workers 2]

The 295 Wikinews articles are repeated until there are ``--articles`` of them,
each copy with an id of its own and a closing line of its own (so that every
text is new to the record cache and is read by the pipeline), written as one
JSON-lines file, and ingested by `kg ingest` in a process of its own. The memory
of the whole process tree (kg and its worker processes) is sampled every half
second with psutil, as the sum of the processes' proportional set sizes (PSS:
the pages the forked workers share with kg, the model's above all, counted once
over the processes that share them, where a sum of resident sizes would count
them in each); printed are its peak, the peak of the largest single process
(resident size), and the time taken.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import read_corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/wikinews")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    corpus = read_corpus(args.corpus)
    with tempfile.TemporaryDirectory(prefix="kg-bench-memory-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for i in range(args.articles):
                article = dict(corpus[i % len(corpus)])
                article["id"] = f"copy-{i:06d}"
                article["text"] = article["text"] + f"\n\n(Copy {i} of the article.)"
                handle.write(json.dumps(article) + "\n")
        command = [sys.executable, "-m", "kg.cli", "ingest", str(source), "--out", str(Path(tmp) / "out"),
                   "--workers", str(args.workers), "--json"]
        started = time.perf_counter()
        process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        peak_total = peak_single = 0
        while process.poll() is None:
            try:
                tree = [process, *process.children(recursive=True)]
                memory = [p.memory_full_info() for p in tree]
            except psutil.Error:
                continue
            peak_total = max(peak_total, sum(m.pss for m in memory))
            peak_single = max(peak_single, max(m.rss for m in memory))
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        summary = json.loads(process.stdout.read())
    print(f"{summary['articles']['extracted']} articles read in {seconds:.0f} s "
          f"({summary['articles']['extracted'] / seconds:.1f}/s) with {args.workers} worker processes; "
          f"graph: {sum(summary['actors'].values())} actors, {sum(summary['relations'].values())} relations")
    print(f"peak memory: {peak_total / 1e9:.2f} GB for the process tree (PSS), "
          f"{peak_single / 1e9:.2f} GB for its largest process (RSS)")


if __name__ == "__main__":
    main()
