"""Building the graph from extractions: ids, aggregation, determinism."""
from __future__ import annotations

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
