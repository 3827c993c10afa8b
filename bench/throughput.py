"""Throughput of `kg ingest` against bare spaCy on the same texts (not a test).

    python bench/throughput.py [--corpus ../shared/corpus/wikinews] [--workers 2]

Reads the Wikinews CSVs, runs (1) the base model alone with ``nlp.pipe`` on both
cores, (2) ``kg ingest`` on the same articles into a fresh folder, and (3) the
same ingest again, where every article is already read. Prints articles per
second for each, kg's overhead over the bare parse, and peak memory.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy

from kg.ingest import ingest
from kg.nlp import default_model

csv.field_size_limit(sys.maxsize)


def read_corpus(folder: Path) -> list[dict]:
    articles = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                articles.append({"id": f"{path.stem}-{i}", "text": row["text"], "title": row["title"], "date": row["date"]})
    return articles


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    articles = read_corpus(args.corpus)
    words = sum(len(a["text"].split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, {args.workers} processes")

    nlp = spacy.load(default_model())
    start = time.perf_counter()
    for _ in nlp.pipe((a["text"] for a in articles), n_process=args.workers, batch_size=8):
        pass
    bare = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "wikinews.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        start = time.perf_counter()
        result = ingest([source], Path(tmp) / "out", workers=args.workers)
        full = time.perf_counter() - start
        start = time.perf_counter()
        ingest([source], Path(tmp) / "out", workers=args.workers)
        cached = time.perf_counter() - start

    n = len(articles)
    print("| run | seconds | articles/s |")
    print("|---|---|---|")
    print(f"| bare nlp.pipe ({default_model()}) | {bare:.1f} | {n / bare:.1f} |")
    print(f"| kg ingest, new articles | {full:.1f} | {n / full:.1f} |")
    print(f"| kg ingest, all already read | {cached:.1f} | {n / cached:.1f} |")
    print(f"kg overhead over the bare parse: {100 * (full - bare) / bare:.0f}%")
    print(f"graph: {result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges; "
          f"{len(result.failures)} failures; peak memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
