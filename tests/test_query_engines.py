"""The query library on both engines: the embedded store (LadybugDB) and a real Neo4j server.

Every library query runs on the dev corpus on both, with its parameters unset
("all") and set to an actor, article or pair that gives rows, and the two
engines must return the same rows. The embedded store's own behaviour (built
when missing, rebuilt when stale, left alone otherwise; one-line errors) is
tested without a server.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cypher import LADYBUG_RULES, final_order, find_query, for_engine, inline_query, library
from kg.query import EmbeddedTarget, sort_rows, run_query
from kg.sinks.embedded import open_store
from kg.sinks.jsonfile import write_json
from kg.sinks.neo4j import Neo4jSettings, load_output
from kg.store import EMBEDDED_STORE, GRAPH_JSON, read_graph


# --- the translation step ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("neo4j", "ladybug"),
    [
        ("MATCH (a:Actor)-[r]->(b:Actor)", "MATCH (a:Person:State:Organization:Delegation)-[r]->"
                                           "(b:Person:State:Organization:Delegation)"),
        ("MATCH (p:Person)-[:LEADS]->(d:Delegation)", "MATCH (p:Person)-[:LEADS]->(d:Delegation)"),
        ("RETURN type(r) AS relation", "RETURN label(r) AS relation"),
        ("RETURN r.evidence_sentence[i], r.evidence_start[size(l) - 1]",
         "RETURN r.evidence_sentence[i + 1], r.evidence_start[size(l) - 1 + 1]"),
        # strings and comments are the data's and the reader's: left as they are
        ("WHERE a.name = ':Actor type(r) x.y[0]' // :Actor type(", "WHERE a.name = ':Actor type(r) x.y[0]' // :Actor type("),
        # a list literal is not a position: [a.id] + ...
        ("WITH [a.id] + collect(p.id) AS ids", "WITH [a.id] + collect(p.id) AS ids"),
        ("RETURN subtype(r), a.type", "RETURN subtype(r), a.type"),
    ],
)
def test_query_engines_translation_rules(neo4j, ladybug):
    assert for_engine(neo4j, "ladybug") == ladybug
    assert for_engine(neo4j, "neo4j") == neo4j


def test_query_engines_null_parameters_are_null_strings_on_ladybug():
    text = "WHERE $actor IS NULL OR toLower($actor) IN a.keys OR $actors = 1"
    assert for_engine(text, "ladybug", nulls=["actor"]) == \
        "WHERE CAST($actor AS STRING) IS NULL OR toLower(CAST($actor AS STRING)) IN a.keys OR $actors = 1"


def test_query_engines_every_rule_is_used_by_the_library():
    # a rule no library query needs is dead weight; a change in the library shows here
    texts = [q.text for q in library()]
    for pattern, _ in LADYBUG_RULES:
        assert any(pattern.search(t) for t in texts), pattern.pattern


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("MATCH (a) RETURN a.name AS name, a.n AS n ORDER BY n DESC, name LIMIT $limit", [("n", True), ("name", False)]),
        ("RETURN x AS y ORDER BY y ASC // ORDER BY z", [("y", False)]),
        ("RETURN x AS y ORDER BY y, r.evidence_start[i]", None),  # an expression: not a column
        ("WITH a ORDER BY a.name LIMIT 1 RETURN a.name AS name", None),  # the WITH's, not the result's
        ("RETURN 'ORDER BY x' AS y", None),
    ],
)
def test_query_engines_final_order(text, order):
    assert final_order(text) == order


def test_query_engines_rows_sorted_again_as_neo4j_sorts():
    rows = [["b", 1], [None, 2], ["a", None], ["a", 3]]
    assert sort_rows(rows, ["name", "n"], [("name", False), ("n", True)]) == [["a", None], ["a", 3], ["b", 1], [None, 2]]
    assert sort_rows(rows, ["name", "n"], [("missing", False)]) == rows
    assert sort_rows([[1], ["x"]], ["v"], [("v", False)]) == [[1], ["x"]]  # values that do not compare: as given


def test_query_engines_unknown_engine():
    with pytest.raises(ValueError, match="unknown engine"):
        for_engine("RETURN 1", "sqlite")


# --- the embedded store, no server -------------------------------------------------------------


def test_query_engines_embedded_store_is_built_once_and_rebuilt_when_the_graph_changes(small_output):
    accusers = find_query("accusations")
    first = run_query(accusers, {}, EmbeddedTarget(small_output))
    assert [row[:4] for row in first.rows] == [["Russia", "State", "Ukraine", "State"]]
    store = small_output / EMBEDDED_STORE
    built = store.stat().st_mtime_ns
    run_query(accusers, {}, EmbeddedTarget(small_output))
    assert store.stat().st_mtime_ns == built  # nothing changed: the store is left as it is
    graph = read_graph(small_output)
    graph.add_node("state:TUR-x", label="State", name="Atlantis", aliases=[], articles=[], resolution=[])
    graph.add_edge("state:TUR-x", "state:UKR", key="ACCUSES", type="ACCUSES", articles=["a-9"], count=1,
                   confidence=0.8, evidence=[{"article": "a-9", "sentence": "Atlantis accused Ukraine.", "start": 0,
                                              "end": 25, "rule": "t", "confidence": 0.8, "date": None}])
    write_json(graph, small_output / GRAPH_JSON)
    again = run_query(accusers, {}, EmbeddedTarget(small_output))
    assert [row[0] for row in again.rows] == ["Atlantis", "Russia"]
    assert sorted(p.name for p in small_output.iterdir()) == ["extractions", "graph.json", "graph.lbdb", "graph.lbdb.json"]


def test_query_engines_embedded_lists_come_back_sorted(small_output):
    result = run_query(find_query("negotiations"), {}, EmbeddedTarget(small_output))
    assert result.records() == [{"side": "Russia", "other_side": "Ukraine", "mediators": ["Turkey"], "mentions": 2,
                                 "articles": ["a-1", "a-2"]}]


@pytest.mark.parametrize(
    ("cypher", "message"),
    [
        ("MATCH (a:State RETURN a", "Parser exception"),
        ("CREATE (:State {id: 'x'})", "the query writes to the store, and queries run read-only"),
        ("MATCH (a:Country) RETURN a", "Country"),
    ],
)
def test_query_engines_embedded_errors_are_one_line_and_exit_1(small_output, cypher, message):
    result = CliRunner().invoke(cli, ["query", "-e", cypher, "--out", str(small_output)], env={"NEO4J_URI": ""})
    assert result.exit_code == 1, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_query_engines_embedded_write_needs_write(small_output):
    text = "MATCH (a:State) WHERE a.id = 'state:UKR' SET a.name = 'Ukraina' RETURN a.name AS name"
    assert run_query(inline_query(text), {}, EmbeddedTarget(small_output), write=True).rows == [["Ukraina"]]


def test_query_engines_damaged_store_says_so_in_one_line(small_output):
    run_query(find_query("meetings"), {}, EmbeddedTarget(small_output))
    (small_output / EMBEDDED_STORE).write_bytes(b"not a database" * 1000)
    result = CliRunner().invoke(cli, ["query", "meetings", "--out", str(small_output)], env={"NEO4J_URI": ""})
    assert result.exit_code == 1
    assert "cannot open the embedded store" in result.stderr and "delete it" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_engines_store_in_use_by_a_writer_says_so_in_one_line(small_output):
    run_query(find_query("meetings"), {}, EmbeddedTarget(small_output))
    # another process opens the store to write, and holds it until its standard input closes
    holder = subprocess.Popen(
        [sys.executable, "-c", "import ladybug, sys; db = ladybug.Database(sys.argv[1]); "
         "ladybug.Connection(db).execute(\"MATCH (a:State) SET a.name = a.name\"); print('ready', flush=True); "
         "sys.stdin.read()", str(small_output / EMBEDDED_STORE)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = CliRunner().invoke(cli, ["query", "meetings", "--write", "--out", str(small_output)], env={"NEO4J_URI": ""})
    finally:
        holder.communicate("", timeout=60)
    assert result.exit_code == 1
    assert "another process is writing to it" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_query_engines_cli_answers_on_a_fresh_output_folder_with_no_server(small_output):
    result = CliRunner().invoke(cli, ["query", "delegation_leaders", "--out", str(small_output), "--json"],
                                env={"NEO4J_URI": ""})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []  # the small graph has no delegation
    result = CliRunner().invoke(cli, ["query", "representatives", "--out", str(small_output), "--json"],
                                env={"NEO4J_URI": ""})
    assert [(r["party"], r["actor"], r["tie"]) for r in json.loads(result.stdout)] == [
        ("Turkey", "Recep Tayyip Erdoğan", "LEADS"), ("Ukraine", "Rustem Umerov", "REPRESENTS")]


def test_query_engines_store_holds_the_graph(small_output):
    with open_store(small_output) as store:
        counts = store.run(for_engine("MATCH (a:Actor) RETURN a.label AS label, count(*) AS n ORDER BY label",
                                      "ladybug")).rows
        edges = store.run("MATCH ()-[r]->() RETURN label(r) AS t, count(*) AS n ORDER BY t").rows
    graph = read_graph(small_output)
    assert counts == sorted([list(kv) for kv in Counter(d["label"] for _, d in graph.nodes(data=True)).items()])
    assert edges == sorted([list(kv) for kv in Counter(d["type"] for _, _, d in graph.edges(data=True)).items()])


# --- both engines on the dev corpus ------------------------------------------------------------


def _parameter_sets(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """For each library query, parameters that give rows on this graph (read from the graph)."""
    degree = dict(graph.degree())
    by_type = lambda t: [(s, o) for s, o, d in graph.edges(data=True) if d["type"] == t]  # noqa: E731
    name = lambda node: graph.nodes[node]["name"]  # noqa: E731
    hub = max(degree, key=lambda n: (degree[n], n))
    article = Counter(e["article"] for _, _, d in graph.edges(data=True) for e in d["evidence"]).most_common(1)[0][0]
    delegation = next(s for s, o in sorted(by_type("REPRESENTS")) if graph.nodes[s]["label"] == "Delegation")
    mediator = sorted(by_type("MEDIATES"))[0][0]
    accuser = sorted(by_type("ACCUSES"))[0][0]
    meeter = sorted(by_type("MEETS"))[0][0]
    negotiator = sorted(by_type("NEGOTIATES_WITH"))[0][1]
    party = next(o for s, o in sorted(by_type("REPRESENTS")) if graph.nodes[o]["label"] == "State")
    ties = {}
    for s, o, d in graph.edges(data=True):
        if d["type"] in ("LEADS", "MEMBER_OF", "REPRESENTS") and graph.nodes[s]["label"] == "Person":
            ties.setdefault(s, set()).add(o)
    first, second = next(sorted(t)[:2] for _, t in sorted(ties.items()) if len(t) > 1)
    return {
        "accusations": [{}, {"actor": name(accuser).upper()}],
        "actor_profile": [{"name": name(hub)}, {"name": hub}],
        "actor_timeline": [{"name": name(hub)}],
        "article_relations": [{"article": article}],
        "delegation_leaders": [{}, {"delegation": name(delegation)}],
        "mediations": [{}, {"mediator": name(mediator)}],
        "meetings": [{}, {"actor": name(meeter)}],
        "most_accused": [{}, {"label": "Actor", "limit": 5}, {"label": "Person"}],
        "negotiations": [{}, {"actor": name(negotiator)}],
        "people_in_common": [{"first": name(first), "second": name(second)}],
        "representatives": [{}, {"party": name(party)}],
    }


@pytest.fixture(scope="module")
def dev_on_both(dev_output: Path, neo4j_server: dict[str, str], neo4j_driver: Any) -> tuple[Path, Neo4jSettings]:
    settings = Neo4jSettings(neo4j_server["uri"], neo4j_server["user"], neo4j_server["password"],
                             neo4j_server["database"], configured=True)
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    load_output(dev_output, settings)
    out = dev_output.parent / "dev-embedded"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(dev_output, out)
    return out, settings


def test_query_engines_parameter_sets_cover_the_library(dev_output):
    assert set(_parameter_sets(read_graph(dev_output))) == {q.name for q in library()}


@pytest.mark.neo4j
@pytest.mark.parametrize("query", [q.name for q in library()])
def test_query_engines_same_rows_on_both(query, dev_on_both):
    out, settings = dev_on_both
    chosen = find_query(query)
    for params in _parameter_sets(read_graph(out))[query]:
        embedded = run_query(chosen, params, EmbeddedTarget(out))
        server = run_query(chosen, params, settings)
        assert embedded.columns == server.columns
        assert embedded.rows == server.rows, f"{query} {params}"
        if params or query not in ("people_in_common", "article_relations"):
            assert embedded.rows, f"{query} {params} gives no row: the comparison would prove nothing"


@pytest.mark.neo4j
def test_query_engines_cli_picks_neo4j_when_a_server_is_set(dev_on_both):
    out, settings = dev_on_both
    env = {"NEO4J_URI": settings.uri, "NEO4J_USERNAME": settings.user, "NEO4J_PASSWORD": settings.password,
           "NEO4J_DATABASE": settings.database}
    on_server = CliRunner().invoke(cli, ["query", "most_accused", "--json", "--out", str(out / "nowhere")], env=env)
    assert on_server.exit_code == 0, on_server.output  # no output folder needed: the server answers
    embedded = CliRunner().invoke(cli, ["query", "most_accused", "--json", "--out", str(out)],
                                  env={k: "" for k in env})
    assert embedded.exit_code == 0, embedded.output
    assert json.loads(on_server.stdout) == json.loads(embedded.stdout) != []
