"""Building the graph from extractions: ids, aggregation, determinism."""
from __future__ import annotations

import pytest

from kg.graph import build_graph, summary
from kg.models import Article, Evidence, Extraction, Label, RelType, Relation


def _extraction(article_id: str, date: str | None, relations: list[tuple[str, RelType, str]]) -> Extraction:
    article = Article(id=article_id, text=f"text of {article_id}", date=date)
    actors = {
        "state:UKR": {"label": "State", "name": "Ukraine", "aliases": ["Kyiv"], "iso3": "UKR", "how": ["capital"]},
        "state:RUS": {"label": "State", "name": "Russia", "aliases": ["Kremlin"], "iso3": "RUS", "how": ["seat"]},
        "person:volodymyr-zelenskyy": {"label": "Person", "name": "Volodymyr Zelenskyy", "aliases": ["Zelenskyy"]},
    }
    return Extraction(
        article=article,
        actors=actors,
        relations=[
            Relation(s, t, o, Evidence(article_id, f"sentence {i}", i * 10, i * 10 + 9, "test", 0.5 + i / 10, date))
            for i, (s, t, o) in enumerate(relations)
        ],
    )


def test_graph_aggregates_repeated_evidence():
    graph = build_graph(
        [
            _extraction("a2", "2024-02-01", [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS")]),
            _extraction("a1", "2024-01-01", [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS")]),
        ]
    )
    edges = list(graph.edges(data=True))
    assert len(edges) == 1
    _, _, data = edges[0]
    assert data["count"] == 2
    assert data["articles"] == ["a1", "a2"]
    assert (data["first_date"], data["last_date"]) == ("2024-01-01", "2024-02-01")
    assert graph.nodes["state:RUS"]["articles"] == ["a1", "a2"]


def test_graph_stores_symmetric_edges_once():
    graph = build_graph(
        [
            _extraction("a1", None, [("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS")]),
            _extraction("a2", None, [("state:RUS", RelType.NEGOTIATES_WITH, "state:UKR")]),
        ]
    )
    assert [(s, t, k) for s, t, k in graph.edges(keys=True)] == [("state:RUS", "state:UKR", "NEGOTIATES_WITH")]


def test_graph_edges_keep_the_attributes_of_their_type():
    """kg.schema: a role on LEADS (the first read), every claim on ACCUSES; nothing on MEETS."""
    values = {RelType.LEADS: ("president", "head of state"), RelType.ACCUSES: ("of stalling", "of lying"),
              RelType.MEETS: ("host", "guest")}
    extractions = []
    for i in range(2):
        extraction = _extraction(f"a{i}", None, [
            ("person:volodymyr-zelenskyy", RelType.LEADS, "state:UKR"),
            ("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS"),
            ("person:volodymyr-zelenskyy", RelType.MEETS, "state:RUS"),
        ])
        extraction.relations[:] = [
            Relation(**{**r.__dict__, "role": values[r.type][i], "claim": values[r.type][i]}) for r in extraction.relations
        ]
        extractions.append(extraction)
    graph = build_graph(extractions)
    attributes = {k: {a: v for a, v in d.items() if a in ("role", "claim", "claims")}
                  for _, _, k, d in graph.edges(keys=True, data=True)}
    assert attributes == {
        "LEADS": {"role": "president"},
        "ACCUSES": {"claim": "of stalling", "claims": ["of stalling", "of lying"]},
        "MEETS": {},
    }


def test_graph_is_the_same_whatever_the_order():
    a = _extraction("a1", "2024-01-01", [("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS")])
    b = _extraction("a2", "2024-01-02", [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS")])
    one, two = build_graph([a, b]), build_graph([b, a])
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_graph_summary_counts_labels_and_types():
    graph = build_graph([_extraction("a1", None, [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS")])])
    result = summary(graph)
    assert result["actors"] == {"Person": 1, "State": 2}
    assert result["relations"] == {"ACCUSES": 1}
    assert result["most_connected"][0]["degree"] == 1


def _people(article_id: str, *names: str) -> Extraction:
    from kg.resolve import slug

    return Extraction(
        article=Article(id=article_id, text=article_id),
        actors={f"person:{slug(n)}": {"label": "Person", "name": n, "aliases": [], "how": ["name"]} for n in names},
    )


def test_graph_joins_spelling_variants_across_articles():
    graph = build_graph(
        [
            _people("a1", "Volodymyr Zelenskyy"),
            _people("a2", "Volodymyr Zelensky"),
            _people("a3", "Volodymyr Zelenskiy"),
            _people("a4", "Volodymyr Zelensky"),
        ]
    )
    people = [n for n, d in graph.nodes(data=True) if d["label"] == Label.PERSON]
    assert people == ["person:volodymyr-zelensky"]
    node = graph.nodes["person:volodymyr-zelensky"]
    assert node["articles"] == ["a1", "a2", "a3", "a4"]
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelenskiy"} <= set(node["aliases"])
    assert any(r.startswith("spelling variant of") for r in node["resolution"])


def test_graph_keeps_people_who_share_a_surname_apart():
    graph = build_graph([_people("a1", "Joe Biden"), _people("a2", "Hunter Biden"), _people("a3", "Biden")])
    assert {"person:joe-biden", "person:hunter-biden", "person:biden"} <= set(graph.nodes)


def test_graph_joins_a_bare_surname_to_the_only_full_name():
    graph = build_graph([_people("a1", "Recep Tayyip Erdoğan"), _people("a2", "Erdogan")])
    assert list(graph.nodes) == ["person:recep-tayyip-erdogan"]
    assert graph.nodes["person:recep-tayyip-erdogan"]["articles"] == ["a1", "a2"]


def test_graph_completes_a_title_from_another_article():
    from kg.models import Title

    anchored = _extraction("a1", "2024-01-01", [("person:volodymyr-zelenskyy", RelType.LEADS, "state:UKR")])
    anchored.relations[0] = Relation(**{**anchored.relations[0].__dict__, "role": "president"})
    bare = _extraction("a2", "2024-01-02", [])
    evidence = Evidence("a2", "President Volodymyr Zelenskyy spoke.", 0, 36, "title_known_elsewhere", 0.6, "2024-01-02")
    bare.titles.append(Title("person:volodymyr-zelenskyy", "president", RelType.LEADS, evidence))
    unrelated = _extraction("a3", None, [])
    unrelated.titles.append(Title("person:volodymyr-zelenskyy", "foreign minister", RelType.REPRESENTS, evidence))
    graph = build_graph([anchored, bare, unrelated])
    edge = graph.edges["person:volodymyr-zelenskyy", "state:UKR", "LEADS"]
    assert edge["articles"] == ["a1", "a2"]
    assert edge["count"] == 2
    assert not graph.has_edge("person:volodymyr-zelenskyy", "state:UKR", "REPRESENTS")


def _evidence(article_id: str, start: int, sentence: str = "", rule: str = "test") -> Evidence:
    return Evidence(article_id, sentence or f"sentence at {start}", start, start + 9, rule, 0.7, None)


def test_graph_keeps_one_copy_of_repeated_evidence_and_values():
    """The same evidence read twice in an article, and again under a spelling variant that joins
    the name: one copy; each claim once, in the order read (edges of joined people by key)."""
    zelenskyy, zelensky = "person:volodymyr-zelenskyy", "person:volodymyr-zelensky"
    people = {key: {"label": "Person", "name": name, "aliases": [], "how": ["name"]}
              for key, name in ((zelenskyy, "Volodymyr Zelenskyy"), (zelensky, "Volodymyr Zelensky"))}
    russia = {"state:RUS": {"label": "State", "name": "Russia", "aliases": [], "iso3": "RUS", "how": ["name"]}}
    same, other = _evidence("a1", 0), _evidence("a1", 20)
    a1 = Extraction(Article("a1", "a1"), {**people, **russia}, relations=[
        Relation(zelenskyy, RelType.ACCUSES, "state:RUS", same, claim="of lying"),
        Relation(zelenskyy, RelType.ACCUSES, "state:RUS", same, claim="of lying"),
        Relation(zelensky, RelType.ACCUSES, "state:RUS", same, claim="of stalling"),
        Relation(zelensky, RelType.ACCUSES, "state:RUS", other, claim="of lying"),
    ])
    a2 = Extraction(Article("a2", "a2"), {zelensky: people[zelensky], **russia}, relations=[
        Relation(zelensky, RelType.ACCUSES, "state:RUS", _evidence("a2", 0), claim="of stalling"),
    ])
    graph = build_graph([a1, a2])
    ((source, target, data),) = graph.edges(data=True)
    assert (source, target) == (zelensky, "state:RUS")
    assert [(e["article"], e["start"]) for e in data["evidence"]] == [("a1", 0), ("a1", 20), ("a2", 0)]
    assert data["count"] == 3
    assert data["claims"] == ["of stalling", "of lying"]


def _leader(article_id: str, person: str, role: str, state: str, start: int = 0) -> Relation:
    return Relation(person, RelType.LEADS, state, _evidence(article_id, start), role=role)


def _world(article_id: str, relations: list[Relation], titles: list, names: tuple[str, ...] = ()) -> Extraction:
    actors = {
        "person:ann-koren": {"label": "Person", "name": "Ann Koren", "aliases": [], "how": ["name"]},
        **{f"state:{c}": {"label": "State", "name": c, "aliases": [], "iso3": c, "how": ["name"]}
           for c in ("AAA", "BBB") if f"state:{c}" in names},
    }
    return Extraction(Article(article_id, article_id), actors, relations=relations, titles=titles)


# (the records besides the titled one, the states the titled article names, the edges that get its
#  sentence as evidence)
TITLE_CASES = [
    # the role held towards one state that the article names: completed
    ([("president", "AAA")], ("AAA",), {("AAA", "LEADS")}),
    # the role held towards two states: which one is unknown, nothing completed
    ([("president", "AAA"), ("president", "BBB")], ("AAA", "BBB"), set()),
    # a role held towards one state, another role towards a second: the title's role decides
    ([("president", "AAA"), ("chief negotiator", "BBB")], ("AAA", "BBB"), {("AAA", "LEADS")}),
    # the one state is not named in the titled article: nothing completed
    ([("president", "AAA")], (), set()),
    # no edge of that role at all: nothing completed
    ([("chief negotiator", "AAA")], ("AAA",), set()),
]


@pytest.mark.parametrize("posts, named, completed", TITLE_CASES)
def test_graph_completes_a_title_only_towards_the_one_actor_of_that_role(posts, named, completed):
    from kg.models import Title

    others = [_world(f"a{i}", [_leader(f"a{i}", "person:ann-koren", role, f"state:{state}")], [], (f"state:{state}",))
              for i, (role, state) in enumerate(posts)]
    said = _evidence("t", 5, "President Ann Koren spoke.", "title_known_elsewhere")
    titled = _world("t", [], [Title("person:ann-koren", "president", RelType.LEADS, said),
                              Title("person:ann-koren", "president", RelType.LEADS, said)],
                    tuple(f"state:{s}" for s in named))
    graph = build_graph([*others, titled])
    got = {(t.split(":")[1], k) for _, t, k, d in graph.edges(keys=True, data=True)
           if any(e["article"] == "t" for e in d["evidence"])}
    assert got == completed
    for _, _, data in graph.edges(data=True):
        assert data["count"] == len({(e["article"], e["start"]) for e in data["evidence"]})


@pytest.mark.parametrize("stated_too", [False, True])
def test_graph_completes_a_title_of_a_spelling_variant_once(stated_too):
    """The title names "Ann Korenn", joined to "Ann Koren"; its sentence may also state the edge."""
    from kg.models import Title

    anchored = [_world(a, [_leader(a, "person:ann-koren", "president", "state:AAA")], [], ("state:AAA",))
                for a in ("a1", "a2")]
    said = _evidence("t", 5, "President Ann Korenn of AAA spoke.", "title_known_elsewhere")
    stated = [Relation("person:ann-korenn", RelType.LEADS, "state:AAA", said, role="president")]
    titled = Extraction(
        Article("t", "t"),
        {"person:ann-korenn": {"label": "Person", "name": "Ann Korenn", "aliases": [], "how": ["name"]},
         "state:AAA": anchored[0].actors["state:AAA"]},
        relations=stated if stated_too else [],
        titles=[Title("person:ann-korenn", "president", RelType.LEADS, said)],
    )
    graph = build_graph([*anchored, titled])
    edge = graph.edges["person:ann-koren", "state:AAA", "LEADS"]
    assert [(e["article"], e["start"]) for e in edge["evidence"]] == [("a1", 0), ("a2", 0), ("t", 5)]
    assert edge["count"] == 3
