"""Throughput of `kg ingest` against bare spaCy on the same texts, side by side (not a test).

    python bench/throughput.py [--corpus ../shared/corpus/wikinews]

Reads the Wikinews CSVs (with kg's own reader) and runs, one after the other in this process:

1. the base model alone, ``nlp.pipe`` in one process (model loading included);
2. ``kg ingest --workers 1`` of the same articles into a fresh folder (start-up,
   model loading, extraction, storing and graph build included);
3. ``kg ingest --workers 2`` into another fresh folder;
4. ``kg ingest`` again into the second folder, where every article is read already;
5. the bare ``nlp.pipe`` of 1. again.

The reference is the faster of the two bare runs (the first run of a process pays
for warming up, which would flatter kg). Prints seconds and articles per second for
each and each ingest's speed as a multiple of the reference (1.0x: as fast as the
bare parse), then where the time of one process goes: each pipeline component's
seconds over all the articles (spaCy's and kg's), kg's extraction from the Doc, and
the graph build.
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import spacy

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.graph import build_graph
from kg.ingest import ingest
from kg.models import Article
from kg.nlp import default_model, load_pipeline
from kg.sources import read_articles


def read_corpus(folder: Path) -> list[dict]:
    """The corpus's articles as kg reads them (its CSV files, through kg.sources), as plain rows."""
    return [{"id": a.id, "text": a.text, "title": a.title, "date": a.date}
            for a in read_articles([folder]) if isinstance(a, Article)]


def bare_parse(articles: list[dict]) -> float:
    """Seconds to load the base model and parse the articles with it alone, in one process."""
    started = time.perf_counter()
    nlp = spacy.load(default_model())
    for _ in nlp.pipe((a["text"] for a in articles), batch_size=8):
        pass
    return time.perf_counter() - started


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def profile(articles: list[dict]) -> list[tuple[str, float]]:
    """Seconds per pipeline component, then extraction and graph build, in one process."""
    nlp = load_pipeline()
    gazetteer = load_gazetteer()
    seconds: dict[str, float] = defaultdict(float)
    extractions = []
    for item in articles:
        doc = nlp.make_doc(item["text"])
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            doc = component(doc)
            seconds[name] += time.perf_counter() - started
        started = time.perf_counter()
        extractions.append(extract(doc, Article(id=item["id"], text=item["text"], date=item["date"]), gazetteer))
        seconds["kg: extract (Doc -> record)"] += time.perf_counter() - started
    started = time.perf_counter()
    build_graph(extractions)
    seconds["kg: build the graph"] += time.perf_counter() - started
    return sorted(seconds.items(), key=lambda kv: -kv[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews")
    args = parser.parse_args()

    articles = read_corpus(args.corpus)
    words = sum(len(a["text"].split()) for a in articles)
    n = len(articles)
    print(f"{n} articles, {words:,} words")

    bare_first = bare_parse(articles)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "wikinews.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        for label, workers, out in (("kg ingest --workers 1, new articles", 1, "one"),
                                    ("kg ingest --workers 2, new articles", 2, "two"),
                                    ("kg ingest, all already read", 2, "two")):
            started = time.perf_counter()
            result = ingest([source], Path(tmp) / out, workers=workers)
            runs.append((label, time.perf_counter() - started))
    bare_last = bare_parse(articles)
    bare = min(bare_first, bare_last)

    print("| run | seconds | articles/s | x bare parse |")
    print("|---|---:|---:|---:|")
    for label, seconds in (("first", bare_first), ("last", bare_last)):
        print(f"| bare nlp.pipe ({default_model()}), one process, model loading included, {label} | "
              f"{seconds:.1f} | {n / seconds:.1f} | {bare / seconds:.2f} |")
    for label, seconds in runs:
        print(f"| {label} | {seconds:.1f} | {n / seconds:.1f} | {bare / seconds:.2f} |")
    print(f"graph: {result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges; "
          f"{len(result.failures)} failures; peak memory {peak_mb():.0f} MB")

    print("\nwhere one process spends its time (all articles):")
    print("| step | seconds |")
    print("|---|---:|")
    for name, seconds in profile(articles):
        print(f"| {name} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
