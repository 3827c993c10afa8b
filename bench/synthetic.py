"""A synthetic graph for the benchmarks, made with kg's own structures.

Extractions of made-up articles go through :func:`kg.graph.build_graph`: every
relation has one evidence sentence, runs between labels that :mod:`kg.schema`
allows, and has a value for each attribute the schema gives its type (a role, a
claim). Used by bench/load_rate.py and bench/html_view.py.

:func:`synthetic_records` makes the extraction records themselves, shaped like
the dev corpus's, for bench/graph_build.py to time the graph build on.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

import networkx as nx

from kg.gazetteer import slug
from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Label, Relation, RelType, Title

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


# The posts people hold (type, role) and what they accuse each other of, in synthetic_records.
POSTS = ((RelType.LEADS, "president"), (RelType.LEADS, "prime minister"), (RelType.LEADS, "chief negotiator"),
         (RelType.REPRESENTS, "foreign minister"), (RelType.REPRESENTS, "special envoy"))
CLAIMS = ("of breaking the truce", "of shelling the port", "of stalling the talks", "of lying")


def synthetic_records(records: int, seed: int = 7) -> Iterator[Extraction]:
    """``records`` extraction records of made-up articles, one at a time, shaped like the dev
    corpus's for the graph build: about 10 relations and 7 actors each, and the work that
    :func:`kg.graph.build_graph` does across articles.

    - People (one per 5 records), half of them three to a surname ("Ann Koren", "Bo Koren"), hold
      a post (a role towards a state; one in 20 holds it towards two) and are named in full,
      in a spelling variant ("Korenn", joined to the full name) or by surname alone;
    - an article states a person's post or only gives the title ("President Ann Koren",
      completed from another article) and names the state;
    - one article in five reads one relation twice (the same evidence) and every article
      gives one sentence two relations.
    """
    rng = random.Random(seed)
    people = max(100, records // 5)
    states = [f"state:S{i:03d}" for i in range(200)]
    orgs = [f"org:o{i}" for i in range(max(50, records // 20))]
    surnames = _distinct_names(rng, people // 2 + 1, 1)
    given = _distinct_names(rng, 60, 1, taken=set(surnames))
    names = [f"{first} {surname}" for i, surname in enumerate(surnames)
             for first in rng.sample(given, 1 + 2 * (i % 2))][:people]
    posts = [(POSTS[i % len(POSTS)], rng.sample(states, 2 if i % 20 == 0 else 1)) for i in range(people)]
    state_names = {key: f"State {key[-3:]}" for key in states}
    for number in range(records):
        article_id = f"synthetic-{number:07d}"
        date = f"202{rng.randint(3, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = Article(id=article_id, text="", title=f"Article {number}", date=date,
                          url=f"https://example.org/{article_id}")
        actors: dict[str, dict] = {}
        relations: list[Relation] = []
        titles: list[Title] = []

        def evidence(sentence: str) -> Evidence:
            start = 120 * (len(relations) + len(titles))
            return Evidence(article_id, sentence, start, start + len(sentence), "synthetic", 0.8, date)

        def actor(key: str, label: Label, name: str) -> str:
            actors[key] = {"label": label.value, "name": name, "aliases": [], "how": ["synthetic"]}
            return key

        persons = []
        for i in rng.sample(range(people), 3):
            full = names[i]
            form = rng.random()
            name = full if form < 0.7 else full + full[-1] if form < 0.85 else full.split()[-1]
            person = actor(f"person:{slug(name)}", Label.PERSON, name)
            persons.append(person)
            (rel_type, role), parties = posts[i]
            party = actor(parties[0], Label.STATE, state_names[parties[0]])
            if rng.random() < 0.6:
                relations.append(Relation(person, rel_type, party, evidence(f"{state_names[party]} {role} {name}."),
                                          role=role))
            else:
                titles.append(Title(person, role, rel_type, evidence(f"{role.title()} {name} spoke.")))
        first, second = (actor(key, Label.STATE, state_names[key]) for key in rng.sample(states, 2))
        org = actor(rng.choice(orgs), Label.ORGANIZATION, "")
        actors[org]["name"] = f"Organisation {org[4:]}"
        both = evidence(f"{state_names[first]} met {state_names[second]} and talks began.")
        relations += [
            Relation(first, RelType.MEETS, second, both),
            Relation(first, RelType.NEGOTIATES_WITH, second, both),
            Relation(first, RelType.ACCUSES, second, evidence(f"{state_names[first]} accused them."),
                     claim=rng.choice(CLAIMS)),
            Relation(org, RelType.MEDIATES, first, evidence("The organisation mediated.")),
            Relation(org, RelType.MEDIATES, second, evidence("The organisation mediated again.")),
            Relation(persons[0], RelType.MEETS, persons[1], evidence("The two met.")),
            Relation(persons[2], RelType.MEMBER_OF, org, evidence("A member spoke."), role="member"),
        ]
        if rng.random() < 0.2:
            relations.append(rng.choice(relations))
        yield Extraction(article=article, actors=actors, relations=relations, titles=titles)


def _distinct_names(rng: random.Random, count: int, words: int, taken: set[str] | None = None) -> list[str]:
    taken = set(taken or ())
    names: list[str] = []
    while len(names) < count:
        name = _name(rng, words)
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names
