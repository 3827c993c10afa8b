"""Precision on text kg was not tuned on: ingest unannotated Wikinews articles, draw edges to review.

Issue 8's check of generality: run kg on 100 Wikinews articles of ../shared/corpus/wikinews
that are not in the dev corpus, draw a random sample of 50 of the edges it gives (an edge
counted once per article, with its first sentence there; REPRESENTS of a delegation to its
party left out: it follows from the delegation), and write them as a review sheet, each with its sentence. A person marks each
line right or wrong by ANNOTATION.md; the README's quality section reports the count.

    python tools/edge_sample.py                         # -> wikinews-sample.md (seeded: the same draw every run)
    python tools/edge_sample.py --articles 100 --edges 50 --seed 8 --out sheet.md

The draw depends only on the seed and the corpus, so a later version of kg can be compared on
the same articles (its edges differ, so the edge sample differs).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from kg.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
DEV_SOURCES = ROOT / "tests" / "data" / "dev" / "SOURCES.md"


def _dev_urls() -> set[str]:
    """The Wikinews pages already in the dev corpus, by page name."""
    return {_page(u) for u in re.findall(r"https://en\.wikinews\.org/wiki/\S+", DEV_SOURCES.read_text(encoding="utf-8"))}


def _page(url: str) -> str:
    return url.rstrip("/ |").rsplit("/", 1)[-1]


def draw_articles(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` Wikinews articles outside the dev corpus, drawn with ``seed``."""
    csv.field_size_limit(sys.maxsize)
    dev = _dev_urls()
    rows = [
        row
        for path in sorted(WIKINEWS.glob("*.csv"))
        for row in csv.DictReader(path.open(encoding="utf-8"))
        if _page(row["url"]) not in dev
    ]
    return random.Random(seed).sample(rows, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--edges", type=int, default=50)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=Path("wikinews-sample.md"))
    options = parser.parse_args()

    articles = draw_articles(options.articles, options.seed)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "wikinews.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for i, row in enumerate(articles):
                out.write(json.dumps({"id": f"wikinews-{i:03d}", "text": row["text"], "title": row["title"],
                                      "date": row["date"], "url": row["url"]}) + "\n")
        graph = ingest([feed], out_dir=Path(tmp) / "graph").graph
    first: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    for u, v, data in graph.edges(data=True):
        for ev in data["evidence"]:
            if ev["rule"] != "delegation_party":
                key = (data["type"], graph.nodes[u]["name"], graph.nodes[v]["name"], ev["article"])
                first.setdefault(key, (ev["rule"], ev["sentence"]))
    lines = sorted(key + value for key, value in first.items())
    sample = random.Random(options.seed).sample(lines, min(options.edges, len(lines)))
    with options.out.open("w", encoding="utf-8") as out:
        out.write(f"# {len(sample)} of {len(lines)} edges kg gives on {len(articles)} Wikinews articles (seed {options.seed})\n\n")
        out.write("| # | verdict | edge | rule | article | sentence |\n|---|---|---|---|---|---|\n")
        for n, (rel_type, source, target, article, rule, sentence) in enumerate(sample, 1):
            sentence = " ".join(sentence.split()).replace("|", "\\|")
            out.write(f"| {n} | | {source} -{rel_type}-> {target} | {rule} | {article} | {sentence} |\n")
    print(f"{options.out}: {len(sample)} of {len(lines)} edges on {len(articles)} articles")


if __name__ == "__main__":
    main()
