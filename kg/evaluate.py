"""Score a graph against gold annotations, as ../shared/ANNOTATION.md defines it.

- An entity matches a gold entity of the same label when one of its names
  (name or alias), normalised (lower case, accents and punctuation removed,
  a leading "the" dropped), equals the gold name or one of its aliases.
- A relation matches when both ends match and the type is equal; for
  NEGOTIATES_WITH and MEETS the order of the ends does not matter.
- Gold items marked ``optional`` are removed from both sides.
- Scoring is per article (the graph's provenance), micro-averaged.
"""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.models import RelType

SYMMETRIC = {t.value for t in RelType if t.symmetric}


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^\w\s]", " ", folded.lower())
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", folded).strip())


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, predicted: set) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Score:
    """Counts per entity label and per relation type, with every error for `--verbose`."""

    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relations: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def total(counts: dict[str, Counts]) -> Counts:
        out = Counts()
        for c in counts.values():
            out.tp, out.fp, out.fn = out.tp + c.tp, out.fp + c.fp, out.fn + c.fn
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": {k: v.to_dict() for k, v in sorted(self.entities.items())},
            "relations": {k: v.to_dict() for k, v in sorted(self.relations.items())},
            "entity_total": self.total(self.entities).to_dict(),
            "relation_total": self.total(self.relations).to_dict(),
        }


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score(graph: nx.MultiDiGraph, gold: Iterable[dict[str, Any]]) -> Score:
    """Compare the graph's actors and relations with each gold article's."""
    result = Score()
    for entry in gold:
        _score_article(graph, entry, result)
    return result


def _score_article(graph: nx.MultiDiGraph, entry: dict[str, Any], result: Score) -> None:
    article = entry["id"]
    gold_names: dict[tuple[str, str], str] = {}
    for entity in entry["entities"]:
        for name in [entity["name"], *entity.get("aliases", [])]:
            gold_names.setdefault((normalise(name), entity["label"]), entity["name"])
    optional = {e["name"] for e in entry["entities"] if e.get("optional")}

    canonical: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        if article not in data.get("articles", []):
            continue
        names = [data["name"], *data.get("aliases", [])]
        hit = next((gold_names[(normalise(n), data["label"])] for n in names if (normalise(n), data["label"]) in gold_names), None)
        canonical[node] = hit or f"?{normalise(data['name'])}"

    labels = {node: graph.nodes[node]["label"] for node in canonical}
    predicted = {(canonical[n], labels[n]) for n in canonical if canonical[n] not in optional}
    expected = {(e["name"], e["label"]) for e in entry["entities"] if not e.get("optional")}
    for label in {lab for _, lab in predicted | expected}:
        p = {x for x in predicted if x[1] == label}
        g = {x for x in expected if x[1] == label}
        result.entities[label].add(g, p)
        result.errors += [f"{article} FP entity {x}" for x in sorted(p - g)]
        result.errors += [f"{article} FN entity {x}" for x in sorted(g - p)]

    def key(source: str, rel_type: str, target: str) -> tuple:
        return (rel_type, frozenset((source, target))) if rel_type in SYMMETRIC else (rel_type, source, target)

    gold_rel = {key(r["source"], r["type"], r["target"]) for r in entry["relations"] if not r.get("optional")}
    optional_rel = {key(r["source"], r["type"], r["target"]) for r in entry["relations"] if r.get("optional")}
    predicted_rel = set()
    for source, target, data in graph.edges(data=True):
        if article not in data.get("articles", []) or source not in canonical or target not in canonical:
            continue
        k = key(canonical[source], data["type"], canonical[target])
        if k not in optional_rel:
            predicted_rel.add(k)
    for rel_type in {k[0] for k in gold_rel | predicted_rel}:
        p = {k for k in predicted_rel if k[0] == rel_type}
        g = {k for k in gold_rel if k[0] == rel_type}
        result.relations[rel_type].add(g, p)
        result.errors += [f"{article} FP relation {_show(x)}" for x in sorted(p - g, key=str)]
        result.errors += [f"{article} FN relation {_show(x)}" for x in sorted(g - p, key=str)]


def _show(k: tuple) -> str:
    if len(k) == 2:
        a, b = sorted(k[1])
        return f"{a} -[{k[0]}]- {b}"
    return f"{k[1]} -[{k[0]}]-> {k[2]}"


def evaluate_gold(
    gold: str | Path,
    articles: str | Path | None = None,
    graph_file: str | Path | None = None,
    out_dir: str | Path | None = None,
    on_article: Callable[[Any], None] | None = None,
) -> Score:
    """Score ``graph_file``, or ingest ``articles`` (default: ``articles/`` beside GOLD) and score that."""
    from kg.ingest import ingest
    from kg.sinks.jsonfile import read_json

    entries = read_gold(gold)
    if graph_file is not None:
        return score(read_json(graph_file), entries)
    source = Path(articles) if articles else Path(gold).parent / "articles"
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        result = ingest([source], out_dir or tmp, on_article=on_article)
        return score(result.graph, entries)
