"""Neo4j loading without a server: the rows, the settings, the Cypher files and parameters."""
from __future__ import annotations

import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cypher import (
    CYPHER_DIR,
    QueryNotFound,
    fill_template,
    find_query,
    inline_query,
    library,
    parse_params,
    read_statement,
    schema_statements,
)
from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Label, Relation, RelType
from kg.schema import ATTRIBUTES
from kg.neo4j_server import Neo4jSettings
from kg.sinks.neo4j import _node_disjoint_rounds, _pairings
from kg.sinks.rows import article_rows, edges_by_type, node_rows, relationship_rows

ACTORS = {
    "state:UKR": {"label": "State", "name": "Ukraine", "aliases": ["Kyiv"], "iso3": "UKR", "how": ["capital"]},
    "state:RUS": {"label": "State", "name": "Russia", "aliases": ["Kremlin"], "iso3": "RUS", "how": ["seat"]},
    "person:volodymyr-zelenskyy": {"label": "Person", "name": "Volodymyr Zelenskyy", "aliases": ["Zelenskyy"]},
}


def _graph() -> nx.MultiDiGraph:
    article = Article(id="a1", text="...", title="Talks", date="2025-01-02", url="https://example.org/a1")
    relations = [
        Relation("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS",
                 Evidence("a1", "Zelenskyy accused Moscow of exploiting the truce.", 0, 49, "accuse_verb", 0.8,
                          "2025-01-02"), claim="of exploiting the truce"),
        Relation("person:volodymyr-zelenskyy", RelType.LEADS, "state:UKR",
                 Evidence("a1", "President Volodymyr Zelenskyy said.", 50, 85, "title", 1, None), role="president"),
        Relation("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS",
                 Evidence("a1", "Ukraine and Russia held talks.", 86, 116, "talks", 0.7, None)),
    ]
    return build_graph([Extraction(article=article, actors=ACTORS, relations=relations)])


def test_neo4j_rows_nodes_by_label():
    graph = _graph()
    states = node_rows(graph, Label.STATE)
    assert [row["id"] for row in states] == ["state:RUS", "state:UKR"]
    ukraine = states[1]["properties"]
    assert ukraine["name"] == "Ukraine" and ukraine["aliases"] == ["Kyiv"] and ukraine["iso3"] == "UKR"
    assert ukraine["articles"] == ["a1"] and ukraine["label"] == "State"
    # what the query library looks an actor up by, on both engines
    assert ukraine["keys"] == ["kyiv", "state:ukr", "ukraine"]
    person = node_rows(graph, Label.PERSON)[0]["properties"]
    assert "iso3" not in person and person["aliases"] == ["Zelenskyy"]
    assert node_rows(graph, Label.DELEGATION) == []


def test_neo4j_rows_fill_missing_lists_and_drop_nulls():
    graph = nx.MultiDiGraph()
    graph.add_node("organization:nato", label="Organization", name="NATO", iso3=None)
    (row,) = node_rows(graph, Label.ORGANIZATION)
    assert row["properties"] == {"name": "NATO", "aliases": [], "articles": [], "resolution": [],
                                 "label": "Organization", "keys": ["nato", "organization:nato"]}


def test_neo4j_rows_relationships_carry_evidence_as_parallel_lists():
    graph = _graph()
    (accuses,) = relationship_rows(graph, RelType.ACCUSES)
    assert (accuses["source"], accuses["target"]) == ("person:volodymyr-zelenskyy", "state:RUS")
    p = accuses["properties"]
    assert p["claim"] == "of exploiting the truce" and p["claims"] == ["of exploiting the truce"]
    assert p["evidence_sentence"] == ["Zelenskyy accused Moscow of exploiting the truce."]
    assert (p["evidence_article"], p["evidence_start"], p["evidence_end"]) == (["a1"], [0], [49])
    assert "evidence_date" not in p and p["first_date"] == p["last_date"] == "2025-01-02"
    assert p["count"] == 1 and p["articles"] == ["a1"] and "type" not in p and "evidence" not in p
    (leads,) = relationship_rows(graph, RelType.LEADS)
    # the confidence of every evidence is a float, even when a rule gave an int
    assert leads["properties"]["evidence_confidence"] == [1.0]
    assert isinstance(leads["properties"]["evidence_confidence"][0], float)
    assert leads["properties"]["role"] == "president" and "first_date" not in leads["properties"]
    assert relationship_rows(graph, RelType.MEETS) == []


@pytest.mark.parametrize("parts", [1, 2, 4, 6, 8])
def test_neo4j_rows_pairings_meet_every_pair_once_and_no_partition_twice_a_round(parts):
    rounds = _pairings(parts)
    pairs = [pair for pairs in rounds for pair in pairs]
    assert sorted(pairs) == [(i, j) for i in range(parts) for j in range(i, parts)]
    for pairs in rounds:
        touched = [i for pair in pairs for i in set(pair)]
        assert len(touched) == len(set(touched)), pairs
    assert len(rounds) == parts  # one round of (i, i), then parts - 1 rounds


@pytest.mark.parametrize("parts", [1, 4])
def test_neo4j_rows_relationship_rounds_cover_each_edge_once_and_share_no_actor(parts):
    graph = nx.MultiDiGraph()
    names = [f"state:S{i}" for i in range(30)]
    for name in names:
        graph.add_node(name, label="State", name=name)
    types = list(RelType)
    for i, source in enumerate(names):
        for j, target in enumerate(names):
            if (i * 7 + j * 3) % 5 == 0 and i != j:
                graph.add_edge(source, target, key=types[(i + j) % len(types)].value, type=types[(i + j) % len(types)].value)
    edges = edges_by_type(graph)
    rounds = _node_disjoint_rounds(edges, parts)
    seen = []
    for cells in rounds:
        actors_of_cells = [{end for of_type in cell.values() for edge in of_type for end in edge[:2]} for cell in cells]
        for a in range(len(cells)):
            for b in range(a + 1, len(cells)):
                assert not actors_of_cells[a] & actors_of_cells[b]
        for cell in cells:
            for rel_type, of_type in cell.items():
                seen += [(s, rel_type, t) for s, t, _ in of_type]
    expected = [(s, rel_type, t) for rel_type, of_type in edges.items() for s, t, _ in of_type]
    assert sorted(seen) == sorted(expected) and len(seen) == graph.number_of_edges()
    if parts == 1:  # one writer: one round of one cell, in the graph's order
        assert len(rounds) == 1 and len(rounds[0]) == 1
        assert [(s, t) for of_type in rounds[0][0].values() for s, t, _ in of_type] == \
            [(s, t) for of_type in edges.values() for s, t, _ in of_type if of_type]
    else:
        assert max(len(cells) for cells in rounds) > 1  # something to write at once


def test_neo4j_rows_evidence_lists_have_equal_length():
    for rel_type in RelType:
        for row in relationship_rows(_graph(), rel_type):
            lengths = {len(v) for k, v in row["properties"].items() if k.startswith("evidence_")}
            assert lengths == {row["properties"]["count"]}


def test_neo4j_rows_articles_cover_every_cited_id():
    graph = _graph()
    graph.add_node("state:CHN", label="State", name="China", aliases=[], articles=["a2"])
    articles = [Article(id="a1", text="", title="Talks", date="2025-01-02", url="https://example.org/a1"),
                Article(id="a0", text="", title=None)]
    rows = article_rows(graph, articles)
    assert [r["id"] for r in rows] == ["a0", "a1", "a2"]
    assert rows[1]["properties"] == {"title": "Talks", "date": "2025-01-02", "url": "https://example.org/a1"}
    assert rows[0]["properties"] == {} and rows[2]["properties"] == {}
    # without the Article, a cited id gets the date of its evidence
    assert article_rows(graph)[0] == {"id": "a1", "properties": {"date": "2025-01-02"}}


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ([1, 2.5], [1.0, 2.5]),
        (["a", "b"], ["a", "b"]),
        ([], []),
        ([{"a": 1}], '[{"a": 1}]'),
        (["a", 1], '["a", 1]'),
    ],
)
def test_neo4j_rows_only_storable_values(value, stored):
    graph = nx.MultiDiGraph()
    graph.add_node("person:x", label="Person", name="X", extra=value)
    assert node_rows(graph, Label.PERSON)[0]["properties"]["extra"] == stored


def test_neo4j_rows_refuse_labels_and_types_outside_the_schema():
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="Person) DETACH DELETE (n", name="X")
    with pytest.raises(ValueError, match="not one of Person, State"):
        node_rows(graph, Label.PERSON)
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="State", name="A")
    graph.add_node("b", label="State", name="B")
    graph.add_edge("a", "b", key="LOVES", type="LOVES")
    with pytest.raises(ValueError, match="type 'LOVES', not one of LEADS"):
        relationship_rows(graph, RelType.LEADS)


def test_neo4j_rows_settings_from_env_and_overrides():
    env = {"NEO4J_URI": "neo4j+s://x.databases.neo4j.io", "NEO4J_USERNAME": "alice",
           "NEO4J_PASSWORD": "secret", "NEO4J_DATABASE": ""}
    settings = Neo4jSettings.from_env(env)
    assert (settings.uri, settings.user, settings.password, settings.database) == (
        "neo4j+s://x.databases.neo4j.io", "alice", "secret", None)
    assert "secret" not in repr(settings)
    override = Neo4jSettings.from_env(env, uri="bolt://localhost:7687", password=None, database="news")
    assert (override.uri, override.password, override.database) == ("bolt://localhost:7687", "secret", "news")
    assert Neo4jSettings.from_env({}) == Neo4jSettings("neo4j://localhost:7687", "neo4j", None, None)
    assert Neo4jSettings.from_env({}).auth is None


def test_neo4j_rows_templates_take_only_enum_members():
    template = read_statement("load/relationships.cypher")
    filled = fill_template(template, RelType.ACCUSES)
    assert "__TYPE__" not in filled and "[r:ACCUSES]" in filled
    assert ":Person" in fill_template(read_statement("load/actors.cypher"), Label.PERSON)
    with pytest.raises(TypeError):
        fill_template(template, "ACCUSES]->() DETACH DELETE (n")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no __LABEL__"):
        fill_template(template, Label.PERSON)


def test_neo4j_rows_load_statements_use_parameters_only():
    for name in ("articles", "actors", "relationships"):
        query = inline_query(read_statement(f"load/{name}.cypher"))
        assert query.parameters == ["rows"]
        assert "UNWIND $rows AS row" in query.text and "MERGE" in query.text and "ON CREATE SET" in query.text
        assert query.text.rstrip().endswith("RETURN count(*) AS updated")
    assert {q.name for q in schema_statements()} >= {"schema/actor_id", "schema/article_id"}
    assert all("IF NOT EXISTS" in q.text for q in schema_statements())


def test_neo4j_rows_load_statement_merges_every_schema_attribute():
    """An attribute added to kg.schema needs its merge in relationships.cypher."""
    code = "\n".join(line for line in read_statement("load/relationships.cypher").splitlines()
                     if not line.lstrip().startswith("//"))
    for name in {n for a in ATTRIBUTES for n in (a.name, a.every) if n}:
        assert f"r.{name} = " in code, name


def test_neo4j_rows_library_queries_document_their_parameters():
    queries = library()
    assert len(queries) >= 8
    for query in queries:
        header = "\n".join(query.header)
        assert query.description, f"{query.name}: no header comment"
        for parameter in query.parameters:
            assert f"${parameter}" in header, f"{query.name}: ${parameter} is not described in the header"
        if query.parameters:
            assert "Parameters:" in header, query.name


def test_neo4j_rows_find_query_by_name_or_path(tmp_path):
    assert find_query("delegation_leaders").source == str(CYPHER_DIR / "delegation_leaders.cypher")
    assert find_query("delegation_leaders.cypher").name == "delegation_leaders"
    own = tmp_path / "mine.cypher"
    own.write_text("// Mine.\nRETURN $x AS x\n")
    assert find_query(str(own)).parameters == ["x"]
    with pytest.raises(QueryNotFound, match="known: accusations"):
        find_query("no_such_query")
    with pytest.raises(QueryNotFound):
        find_query("../kg/cli")


def test_neo4j_rows_parameters_ignore_strings_and_comments():
    query = inline_query("// $not_this\nMATCH (n {name: '$nor_this'}) WHERE n.x = $yes RETURN $yes, $also")
    assert query.parameters == ["yes", "also"]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (["name=Russia"], {"name": "Russia"}),
        (["limit=5", "ratio=0.5", "flag=true", "none=null"], {"limit": 5, "ratio": 0.5, "flag": True, "none": None}),
        (['ids=["a","b"]', 'm={"k": 1}'], {"ids": ["a", "b"], "m": {"k": 1}}),
        (['name="5"', "text=a=b", "empty="], {"name": "5", "text": "a=b", "empty": ""}),
        (["$name=Igor Kostyukov"], {"name": "Igor Kostyukov"}),
    ],
)
def test_neo4j_rows_parse_params(pairs, expected):
    assert parse_params(pairs) == expected


@pytest.mark.parametrize("pair", ["noequals", "bad name=1", "=1"])
def test_neo4j_rows_parse_params_rejects(pair):
    with pytest.raises(ValueError, match="expected name=value"):
        parse_params([pair])


@pytest.mark.parametrize("command", ["load", "query"])
def test_neo4j_rows_commands_have_help_with_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    for flag in ("--uri", "--user", "--password", "--database"):
        assert flag in result.output
    assert re.search(r"NEO4J_URI", result.output)


def test_neo4j_rows_query_usage_errors_exit_2():
    runner = CliRunner()
    assert runner.invoke(cli, ["query"]).exit_code == 2
    assert runner.invoke(cli, ["query", "accusations", "-e", "RETURN 1"]).exit_code == 2
    assert runner.invoke(cli, ["query", "no_such_query"]).exit_code == 2
    assert runner.invoke(cli, ["query", "accusations", "--param", "oops"]).exit_code == 2


def test_neo4j_rows_query_list_needs_no_server():
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    assert "delegation_leaders" in result.output and "$delegation" in result.output
