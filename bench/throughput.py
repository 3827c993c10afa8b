"""Throughput of `kg ingest` against bare spaCy on the same texts, side by side (not a test).

    python bench/throughput.py [--corpus ../shared/corpus/wikinews] [--rounds 3]

Reads the Wikinews CSVs (with kg's own reader) and runs, in each round, one after the
other in this process:

1. the base model alone, ``nlp.pipe`` in one process (model loading included): the reference;
2. ``kg ingest --workers 1`` of the same articles into a fresh folder (start-up,
   model loading, extraction, storing and graph build included);
3. the base model alone in two forked processes, the articles in kg's batches: what
   this machine gives two processes that only parse;
4. ``kg ingest --workers 2`` into another fresh folder;

then ``kg ingest`` once more into the last folder, where every article is read already.

This machine's speed drifts by several per cent from minute to minute, so each ingest
is compared with the bare parse of its own round, and the table gives each run's
median seconds and the median of its rounds' ratios (1.0x: as fast as the bare parse),
with the lowest and highest. Each run's CPU time (this process and its workers, user and
system) is counted too: kg's own cost is the CPU time kg ingest spends beyond the bare
parse's with as many processes, a figure that waiting and idle cores do not blur. Then where the time of one process goes: each pipeline
component's seconds over all the articles (spaCy's and kg's), kg's extraction from the
Doc, and the graph build.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.graph import build_graph
from kg.ingest import batches, ingest
from kg.models import Article
from kg.nlp import default_model, load_pipeline
from kg.sources import read_articles


BARE = "bare nlp.pipe, one process (the reference)"
KG_ONE = "kg ingest --workers 1, new articles"
BARE_TWO = "bare nlp.pipe, two forked processes (what two processes can give)"
KG_TWO = "kg ingest --workers 2, new articles"


def read_corpus(folder: Path) -> list[dict]:
    """The corpus's articles as kg reads them (its CSV files, through kg.sources), as plain rows."""
    return [{"id": a.id, "text": a.text, "title": a.title, "date": a.date}
            for a in read_articles([folder]) if isinstance(a, Article)]


def cpu_seconds() -> float:
    """CPU seconds (user and system) of this process and its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run()``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    run()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def bare_parse(articles: list[dict]) -> None:
    """Load the base model and parse the articles with it alone, in one process."""
    nlp = spacy.load(default_model())
    for _ in nlp.pipe((a["text"] for a in articles), batch_size=8):
        pass


def bare_parse_forked(articles: list[dict], processes: int) -> None:
    """Load the base model and parse the articles with it alone in ``processes`` forked
    processes, handed out in kg's batches as `kg ingest` does."""
    _forked["nlp"] = spacy.load(default_model())
    texts = [[a.text for a in batch] for batch in batches(Article(id=a["id"], text=a["text"]) for a in articles)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for _ in pool.imap(_parse_batch, texts):
            pass
    _forked.clear()


_forked: dict[str, Language] = {}


def _parse_batch(texts: list[str]) -> int:
    return sum(len(doc) for doc in _forked["nlp"].pipe(texts, batch_size=len(texts)))


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
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    articles = read_corpus(args.corpus)
    words = sum(len(a["text"].split()) for a in articles)
    n = len(articles)
    print(f"{n} articles, {words:,} words; model {default_model()}; {args.rounds} rounds")

    seconds: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "wikinews.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        for round_ in range(args.rounds):
            for label, run in (
                (BARE, lambda: bare_parse(articles)),
                (KG_ONE, lambda: ingest([source], Path(tmp) / f"one-{round_}", workers=1)),
                (BARE_TWO, lambda: bare_parse_forked(articles, processes=2)),
                (KG_TWO, lambda: ingest([source], Path(tmp) / f"two-{round_}", workers=2)),
            ):
                wall, spent = measured(run)
                seconds[label].append(wall)
                cpu[label].append(spent)
        started = time.perf_counter()
        result = ingest([source], Path(tmp) / f"two-{args.rounds - 1}", workers=2)
        again = time.perf_counter() - started

    print("| run | seconds (median) | articles/s | x bare parse (median of rounds) | lowest - highest | CPU seconds (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, times in seconds.items():
        ratios = [bare / own for bare, own in zip(seconds[BARE], times)]
        print(f"| {label} | {statistics.median(times):.1f} | {n / statistics.median(times):.1f} | "
              f"{statistics.median(ratios):.2f} | {min(ratios):.2f} - {max(ratios):.2f} | {statistics.median(cpu[label]):.1f} |")
    print(f"| kg ingest, all already read | {again:.1f} | {n / again:.0f} | | | |")
    print(f"graph: {result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges; "
          f"{len(result.failures)} failures; peak memory {peak_mb():.0f} MB")
    print("\nkg's own cost, CPU time beyond the bare parse's with as many processes (median of rounds; lowest - highest):")
    for kg_run, bare_run in ((KG_ONE, BARE), (KG_TWO, BARE_TWO)):
        extra = [own / bare - 1 for own, bare in zip(cpu[kg_run], cpu[bare_run])]
        print(f"- {kg_run}: {statistics.median(extra):+.1%} ({min(extra):+.1%} - {max(extra):+.1%})")

    print("\nwhere one process spends its time (all articles):")
    print("| step | seconds |")
    print("|---|---:|")
    for name, spent in profile(articles):
        print(f"| {name} | {spent:.1f} |")


if __name__ == "__main__":
    main()
