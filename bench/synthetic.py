"""A synthetic graph for the benchmarks, made with kg's own structures.

Extractions of made-up articles go through :func:`kg.graph.build_graph`: every
relation has one evidence sentence, runs between labels that :mod:`kg.schema`
allows, and has a value for each attribute the schema gives its type (a role, a
claim). Used by bench/load_rate.py and bench/html_view.py.
"""
from __future__ import annotations

import random

import networkx as nx

from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Label, Relation, RelType

RELATIONS_PER_ARTICLE = 20
# A value for each attribute of kg.schema, given to every edge whose type carries it.
ATTRIBUTE_VALUES = {"role": "chief negotiator", "claim": "of breaking the truce"}


def synthetic_graph(relationships: int, seed: int = 7, prefix: str = "",
                    actors: int = 4600) -> tuple[nx.MultiDiGraph, list[Article]]:
    """``relationships`` distinct edges among at most ``actors`` actors, 20 per made-up article.

    Made with kg's own structures: Extractions of Articles, through build_graph.
    Names are random syllables, so that no two people pass for spelling variants
    of one name and get joined.
    """
    rng = random.Random(seed)
    shares = {Label.PERSON: 20, Label.STATE: 2, Label.ORGANIZATION: 20, Label.DELEGATION: 4}  # of 46
    counts = {label: actors * share // 46 for label, share in shares.items()}
    actors = {label: [f"{label.value.lower()}:{prefix}{i}" for i in range(n)] for label, n in counts.items()}
    label_of = {key: label for label, keys in actors.items() for key in keys}
    # Every actor a name of its own, as after resolution (two actors of one name and label are one).
    names: dict[str, str] = {}
    taken: set[str] = set()
    for key in label_of:
        name = _name(rng, 2 if label_of[key] is Label.PERSON else 1)
        while name in taken:
            name = _name(rng, 2 if label_of[key] is Label.PERSON else 1)
        names[key] = name
        taken.add(name)
    types = list(RelType)
    seen: set[tuple[str, str, str]] = set()
    extractions = []
    while len(seen) < relationships:
        article_id = f"synthetic-{prefix}{len(extractions):06d}"
        date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = Article(id=article_id, text="", title=f"Article {len(extractions)}", date=date,
                          url=f"https://example.org/{article_id}")
        relations: list[Relation] = []
        while len(relations) < RELATIONS_PER_ARTICLE and len(seen) < relationships:
            rel_type = types[rng.randrange(len(types))]
            sources, targets = sorted(rel_type.schema.sources), sorted(rel_type.schema.targets)
            source = rng.choice(actors[rng.choice(sources)])
            target = rng.choice(actors[rng.choice(targets)])
            key = (*sorted((source, target)),) if rel_type.symmetric else (source, target)
            if source == target or (key[0], rel_type.value, key[1]) in seen:
                continue
            seen.add((key[0], rel_type.value, key[1]))
            start = 100 * len(relations)
            relations.append(Relation(
                source, rel_type, target,
                Evidence(article_id, f"{names[source]} and {names[target]}, sentence {len(relations)}.",
                         start, start + 60, "synthetic", 0.8, date),
                **{attribute.name: ATTRIBUTE_VALUES[attribute.name] for attribute in rel_type.schema.attributes},
            ))
        keys = {k for r in relations for k in (r.source, r.target)}
        named = {
            key: {"label": label_of[key].value, "name": names[key], "aliases": [names[key].split()[-1].upper()],
                  "how": ["synthetic"]}
            for key in keys
        }
        extractions.append(Extraction(article=article, actors=named, relations=relations))
    return build_graph(extractions), [e.article for e in extractions]


def _name(rng: random.Random, words: int) -> str:
    syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "zel", "dri", "an", "ko", "bu", "ne", "sta", "or", "li"]
    return " ".join("".join(rng.choice(syllables) for _ in range(rng.randint(3, 5))).title() for _ in range(words))
