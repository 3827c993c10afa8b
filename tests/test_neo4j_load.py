"""Loading into a real Neo4j server and querying it (tests/conftest_neo4j.py starts the server).

The dev corpus is ingested once per session; tests that need a known state start
from an empty database (the ``db`` fixture wipes it; constraints stay).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cypher import find_query, inline_query, library
from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Relation, RelType
from kg.query import run_query
from kg.neo4j_server import Neo4jError, Neo4jSettings
from kg.sinks.neo4j import LoadReport, load_graph, load_output

pytestmark = pytest.mark.neo4j

DEV = Path(__file__).parent / "data" / "dev"
INJECTIONS = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (m) DETACH DELETE m //',
    "`Actor`]->() DETACH DELETE n WITH 1 AS x MATCH (n) DETACH DELETE n //",
    "$rows ${name} {{label}} __LABEL__ __TYPE__",
    "line one\nline two\\n; DROP CONSTRAINT kg_actor_id",
    "Ålesund – 東京 🕊",
]


class Db:
    """Plain reads of the test database."""

    def __init__(self, driver: Any, database: str) -> None:
        self.driver, self.database = driver, database

    def rows(self, text: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(text, params, database_=self.database)
        return [r.data() for r in records]

    def count(self, pattern: str = "(n)") -> int:
        return self.rows(f"MATCH {pattern} RETURN count(*) AS n")[0]["n"]

    def snapshot(self) -> tuple[list[Any], list[Any]]:
        nodes = self.rows("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p ORDER BY n.id")
        rels = self.rows(
            "MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, properties(r) AS p "
            "ORDER BY s, type, t"
        )
        return [(sorted(n["labels"]), n["p"]) for n in nodes], rels


@pytest.fixture(scope="session")
def settings(neo4j_server: dict[str, str]) -> Neo4jSettings:
    return Neo4jSettings(neo4j_server["uri"], neo4j_server["user"], neo4j_server["password"],
                         neo4j_server["database"])


@pytest.fixture
def db(neo4j_driver: Any, neo4j_server: dict[str, str]) -> Db:
    """An empty database."""
    database = Db(neo4j_driver, neo4j_server["database"])
    database.rows("MATCH (n) DETACH DELETE n")
    return database


@pytest.fixture
def dev_db(db: Db, dev_output: Path, settings: Neo4jSettings) -> Db:
    load_output(dev_output, settings)
    return db


@pytest.fixture
def env(neo4j_server: dict[str, str]) -> dict[str, str]:
    return {"NEO4J_URI": neo4j_server["uri"], "NEO4J_USERNAME": neo4j_server["user"],
            "NEO4J_PASSWORD": neo4j_server["password"], "NEO4J_DATABASE": neo4j_server["database"]}


def _batch(article_id: str, date: str, actors: dict[str, dict[str, Any]],
           relations: list[tuple[str, RelType, str, str, dict[str, str]]]) -> Extraction:
    """One article's extraction: relations are (source, TYPE, target, sentence, role/claim)."""
    article = Article(id=article_id, text=f"text of {article_id}", title=f"Title of {article_id}", date=date,
                      url=f"https://example.org/{article_id}")
    return Extraction(
        article=article,
        actors=actors,
        relations=[
            Relation(s, t, o, Evidence(article_id, sentence, 10 * i, 10 * i + len(sentence), "test", 0.5 + i / 10, date),
                     **extra)
            for i, (s, t, o, sentence, extra) in enumerate(relations)
        ],
    )


RUSSIA = {"label": "State", "name": "Russia", "iso3": "RUS"}
UKRAINE = {"label": "State", "name": "Ukraine", "iso3": "UKR"}
ZELENSKYY = {"label": "Person", "name": "Volodymyr Zelenskyy"}


def _first_batch() -> Extraction:
    return _batch(
        "a1", "2025-01-01",
        {"state:RUS": {**RUSSIA, "aliases": ["Kremlin"]}, "state:UKR": {**UKRAINE, "aliases": ["Kyiv"]},
         "person:volodymyr-zelenskyy": {**ZELENSKYY, "aliases": ["Zelenskyy"]},
         "person:rustem-umerov": {"label": "Person", "name": "Umerov"},
         "delegation:UKR": {"label": "Delegation", "name": "Ukraine delegation"}},
        [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS", "Zelenskyy accused the Kremlin of stalling.",
          {"claim": "of stalling"}),
         ("person:rustem-umerov", RelType.LEADS, "delegation:UKR", "Umerov leads the delegation.", {}),
         ("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS", "Kyiv and the Kremlin held talks.", {})],
    )


def _second_batch() -> Extraction:
    return _batch(
        "a2", "2025-02-01",
        {"state:RUS": {**RUSSIA, "aliases": ["Moscow"]},
         "person:volodymyr-zelenskyy": {**ZELENSKYY, "aliases": ["Zelensky"]},
         "person:rustem-umerov": {"label": "Person", "name": "Rustem Umerov"},
         "delegation:UKR": {"label": "Delegation", "name": "Ukraine delegation"},
         "state:USA": {"label": "State", "name": "United States", "aliases": ["Washington"], "iso3": "USA"}},
        [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS", "Zelenskyy accused Moscow of exploiting a truce.",
          {"claim": "of exploiting a truce"}),
         ("person:rustem-umerov", RelType.LEADS, "delegation:UKR", "Rustem Umerov, the chief negotiator.",
          {"role": "chief negotiator"}),
         ("state:USA", RelType.MEDIATES, "state:RUS", "US-led talks with Russia.", {})],
    )


# --- loading ------------------------------------------------------------------------------


def test_neo4j_load_dev_corpus(db, dev_output, settings):
    graph = nx.node_link_graph(json.loads((dev_output / "graph.json").read_text()), directed=True,
                               multigraph=True, edges="edges")
    report = load_output(dev_output, settings)
    articles = sorted(p.stem for p in (DEV / "articles").glob("*.txt"))
    assert report.nodes == graph.number_of_nodes() and report.relationships == graph.number_of_edges()
    assert report.nodes_created == graph.number_of_nodes() + len(articles)
    assert report.relationships_created == graph.number_of_edges() == db.count("()-[]->()")
    assert [r["id"] for r in db.rows("MATCH (a:Article) RETURN a.id AS id ORDER BY id")] == articles
    # every actor has :Actor and exactly one label of the schema
    labels = db.rows("MATCH (n:Actor) RETURN DISTINCT [l IN labels(n) WHERE l <> 'Actor'] AS labels")
    assert sorted(tuple(r["labels"]) for r in labels) == [("Delegation",), ("Organization",), ("Person",), ("State",)]
    types = {r["type"] for r in db.rows("MATCH ()-[r]->() RETURN DISTINCT type(r) AS type")}
    assert types <= {t.value for t in RelType}
    constraints = {r["name"] for r in db.rows("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"kg_actor_id", "kg_article_id"} <= constraints
    # evidence kept: article ids on relationships resolve to Article nodes
    dangling = db.rows("MATCH ()-[r]->() UNWIND r.evidence_article AS a "
                       "OPTIONAL MATCH (art:Article {id: a}) WITH a, art WHERE art IS NULL RETURN a")
    assert dangling == []


def test_neo4j_load_twice_changes_nothing(db, dev_output, settings):
    first = load_output(dev_output, settings)
    assert first.changed and first.properties_set > 0
    before = db.snapshot()
    second = load_output(dev_output, settings)
    # the server's own counters: nothing created, no property set, no label added
    assert (second.nodes_created, second.relationships_created, second.properties_set, second.labels_added) == (0, 0, 0, 0)
    assert (second.nodes_updated, second.relationships_updated, second.constraints_added) == (0, 0, 0)
    assert not second.changed
    assert db.snapshot() == before


def test_neo4j_load_second_batch_merges_into_the_first(db, settings):
    one, two = _first_batch(), _second_batch()
    load_graph(build_graph([one]), [one.article], settings)
    report = load_graph(build_graph([two]), [two.article], settings)
    assert report.nodes_created == 2  # the United States and article a2
    assert report.relationships_created == 1  # MEDIATES
    assert report.nodes_updated == 4 and report.relationships_updated == 2

    russia = db.rows("MATCH (n:State {id: 'state:RUS'}) RETURN properties(n) AS p")[0]["p"]
    assert russia["aliases"] == ["Kremlin", "Moscow"] and russia["articles"] == ["a1", "a2"]
    umerov = db.rows("MATCH (n:Person {id: 'person:rustem-umerov'}) RETURN properties(n) AS p")[0]["p"]
    assert (umerov["name"], umerov["aliases"]) == ("Rustem Umerov", ["Umerov"])
    accuses = db.rows("MATCH (:Person)-[r:ACCUSES]->(:State {id: 'state:RUS'}) RETURN properties(r) AS p")[0]["p"]
    assert accuses["count"] == 2 and accuses["articles"] == ["a1", "a2"]
    assert (accuses["first_date"], accuses["last_date"]) == ("2025-01-01", "2025-02-01")
    assert accuses["claims"] == ["of stalling", "of exploiting a truce"] and accuses["claim"] == "of stalling"
    assert len(accuses["evidence_sentence"]) == len(accuses["evidence_article"]) == 2
    leads = db.rows("MATCH ()-[r:LEADS]->() RETURN r.role AS role, r.count AS count")[0]
    assert leads == {"role": "chief negotiator", "count": 2}
    assert db.count("(a:Article)") == 2

    # the graph of both batches at once is what is there now
    both = load_graph(build_graph([one, two]), [one.article, two.article], settings)
    assert not both.changed, both


def test_neo4j_load_batches_in_any_order_give_the_same_aggregates(db, settings):
    one, two = _first_batch(), _second_batch()
    load_graph(build_graph([one, two]), [one.article, two.article], settings)
    together = db.snapshot()
    db.rows("MATCH (n) DETACH DELETE n")
    load_graph(build_graph([two]), [two.article], settings)
    load_graph(build_graph([one]), [one.article], settings)
    apart = db.snapshot()
    assert together[0] == apart[0]  # nodes: names, aliases, articles
    for a, b in zip(together[1], apart[1], strict=True):
        for key in ("articles", "count", "confidence", "first_date", "last_date", "role"):
            assert a["p"].get(key) == b["p"].get(key), (a, key)
        assert sorted(a["p"]["evidence_sentence"]) == sorted(b["p"]["evidence_sentence"])
        assert sorted(a["p"].get("claims", [])) == sorted(b["p"].get("claims", []))


def test_neo4j_load_cannot_be_injected(db, settings):
    graph = nx.MultiDiGraph()
    graph.add_node("state:RUS", label="State", name="Russia", aliases=["Kremlin"], articles=["a1"], iso3="RUS")
    for i, text in enumerate(INJECTIONS):
        graph.add_node(f"person:{text}", label="Person", name=text, aliases=sorted([text, f"`{i}`"]),
                       articles=[f"a'{i}"])
        evidence = [{"article": f"a'{i}", "sentence": text, "start": 0, "end": len(text), "rule": text,
                     "confidence": 0.5, "date": None}]
        graph.add_edge(f"person:{text}", "state:RUS", key="ACCUSES", type="ACCUSES", articles=[f"a'{i}"],
                       evidence=evidence, count=1, confidence=0.5, claim=text, claims=[text])
    articles = [Article(id=f"a'{i}", text="", title=text, url=text) for i, text in enumerate(INJECTIONS)]

    report = load_graph(graph, articles, settings)
    assert report.nodes_created == 1 + len(INJECTIONS) + 1 + len(INJECTIONS)  # actors, articles (a1 and a'i)
    assert db.count("(:Actor)") == 1 + len(INJECTIONS) and db.count("()-[:ACCUSES]->()") == len(INJECTIONS)
    assert {r["name"] for r in db.rows("SHOW CONSTRAINTS YIELD name RETURN name")} >= {"kg_actor_id"}
    for i, text in enumerate(INJECTIONS):
        (row,) = db.rows(
            "MATCH (p:Person {id: $id})-[r:ACCUSES]->(s:State {id: 'state:RUS'}) "
            "MATCH (a:Article {id: $article}) "
            "RETURN p.name AS name, p.aliases AS aliases, r.claim AS claim, r.evidence_sentence AS sentences, "
            "r.evidence_rule AS rules, a.title AS title, a.url AS url",
            id=f"person:{text}", article=f"a'{i}",
        )
        assert row == {"name": text, "aliases": sorted([text, f"`{i}`"]), "claim": text, "sentences": [text],
                       "rules": [text], "title": text, "url": text}
    assert not load_graph(graph, articles, settings).changed

    # the same strings as query parameters
    result = run_query(find_query("actor_profile"), {"name": INJECTIONS[0]}, settings)
    assert [r["other"] for r in result.records()] == ["Russia"]
    result = run_query(find_query("accusations"), {"actor": "Russia"}, settings)
    assert sorted(r["accuser"] for r in result.records()) == sorted(INJECTIONS)
    assert db.count("(:Actor)") == 1 + len(INJECTIONS)


def test_neo4j_load_failed_batch_leaves_no_half_and_can_be_rerun(db, settings):
    graph = nx.MultiDiGraph()
    for name in "ABCDE":
        graph.add_node(f"state:{name}", label="State", name=name, aliases=[], articles=["a1"])

    def accuse(source: str, target: str, starts: list[Any]) -> None:
        evidence = [{"article": "a1", "sentence": f"{source} accused {target}.", "start": s, "end": 99, "rule": "t",
                     "confidence": 0.5, "date": None} for s in starts]
        graph.add_edge(source, target, key="ACCUSES", type="ACCUSES", articles=["a1"], evidence=evidence,
                       count=len(starts), confidence=0.5)

    accuse("state:A", "state:B", [1])
    accuse("state:A", "state:C", [2])
    accuse("state:A", "state:D", [3])
    accuse("state:A", "state:E", [4, "not a number"])  # a list Neo4j refuses to store: the server fails
    with pytest.raises(Neo4jError) as failure:
        load_graph(graph, [], settings, batch_size=2, writers=1)  # one writer: the graph's order
    assert "\n" not in str(failure.value) and "Neo4j at" in str(failure.value)
    # the first batch (A->B, A->C) is committed; the second (A->D, A->E) is rolled back whole
    targets = [r["t"] for r in db.rows("MATCH (:State)-[:ACCUSES]->(t) RETURN t.id AS t ORDER BY t")]
    assert targets == ["state:B", "state:C"]

    graph["state:A"]["state:E"]["ACCUSES"]["evidence"][1]["start"] = 5
    report = load_graph(graph, [], settings, batch_size=2, writers=1)
    assert report.relationships_created == 2 and report.nodes_created == 0
    assert db.count("()-[:ACCUSES]->()") == 4


def test_neo4j_load_failure_under_several_writers_stops_them_and_can_be_rerun(db, settings):
    graph = nx.MultiDiGraph()
    names = [f"S{i:02d}" for i in range(40)]
    for name in names:
        graph.add_node(f"state:{name}", label="State", name=name, aliases=[], articles=["a1"])
    pairs = [(a, b) for a in names for b in names if a < b][:300]
    for source, target in pairs:
        # a list Neo4j refuses to store (an int and a string) makes the server fail one batch
        starts: list[Any] = [1, "not a number"] if (source, target) == pairs[150] else [1, 2]
        graph.add_edge(f"state:{source}", f"state:{target}", key="MEETS", type="MEETS", articles=["a1"],
                       count=2, confidence=0.5,
                       evidence=[{"article": "a1", "sentence": f"{source} met {target}.", "start": start,
                                  "end": 9, "rule": "t", "confidence": 0.5, "date": None} for start in starts])
    with pytest.raises(Neo4jError):
        load_graph(graph, [], settings, batch_size=10, writers=3)
    written = db.count("()-[:MEETS]->()")
    assert written < len(pairs)
    (bad,) = db.rows("MATCH (:State {name: $s})-[r:MEETS]->(:State {name: $t}) RETURN count(r) AS n",
                     s=pairs[150][0], t=pairs[150][1])
    assert bad["n"] == 0  # its batch was rolled back whole

    graph[f"state:{pairs[150][0]}"][f"state:{pairs[150][1]}"]["MEETS"]["evidence"][1]["start"] = 2
    report = load_graph(graph, [], settings, batch_size=10, writers=3)
    assert report.relationships_created == len(pairs) - written and report.nodes_created == 0
    assert db.count("()-[:MEETS]->()") == len(pairs)


def test_neo4j_load_gives_the_same_graph_whatever_the_number_of_writers(db, dev_output, settings):
    load_output(dev_output, settings, batch_size=7, writers=1)
    one_writer = db.snapshot()
    db.rows("MATCH (n) DETACH DELETE n")
    report = load_output(dev_output, settings, batch_size=7, writers=4)
    assert report.relationships_created == report.relationships
    assert db.snapshot() == one_writer


def test_neo4j_load_refuses_labels_outside_the_schema_before_writing(db, settings):
    graph = nx.MultiDiGraph()
    graph.add_node("state:A", label="State", name="A")
    graph.add_node("x", label="Person:Admin", name="X")
    with pytest.raises(ValueError, match="'Person:Admin', not one of"):
        load_graph(graph, [], settings)
    assert db.count() == 0


# --- the query library against the dev corpus -------------------------------------------


def _one(records: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    found = [r for r in records if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, records)
    return found[0]


def _delegations(records):
    russia = _one(records, delegation="Russia delegation")
    assert russia["parties"] == ["Russia"] and any(x.startswith("Igor Kostyukov") for x in russia["leaders"])
    assert "Kirill Dmitriev" in russia["members"]
    ukraine = _one(records, delegation="Ukraine delegation")
    assert any(x.startswith("Rustem Umerov") for x in ukraine["leaders"])
    assert {"Kyrylo Budanov", "Andrii Hnatov"} <= set(ukraine["members"])


def _one_delegation(records):
    assert [r["delegation"] for r in records] == ["Russia delegation"]


def _negotiations(records):
    pair = _one(records, side="Russia delegation", other_side="Ukraine delegation")
    assert "United States" in pair["mediators"] and "seed-001" in pair["articles"]


def _mediations(records):
    assert {(r["party"], r["other_party"]) for r in records} >= {("Russia", "Ukraine")}
    assert all(r["mediator"] == "United States" for r in records)


def _accusations(records):
    row = _one(records, accuser="Volodymyr Zelenskyy", accused="Russia")
    assert row["accuser_label"] == "Person" and row["accused_label"] == "State"
    assert any("exploiting" in claim for claim in row["claims"])


def _most_accused(records):
    assert records[0]["accused"] == "Turkey"
    assert {"Cyprus", "Egypt", "Greece"} <= set(records[0]["accused_by"])
    assert records[0]["accusers"] >= 3
    assert "Russia" in {r["accused"] for r in records}


def _most_accused_limited(records):
    assert 0 < len(records) <= 2


def _profile(records):
    row = _one(records, relation="LEADS ->", other="Russia delegation")
    assert row["actor"] == "Igor Kostyukov" and row["label"] == "Person" and row["article"] == "seed-001"
    assert "Kostyukov" in row["sentence"]
    assert _one(records, relation="LEADS ->", other="GRU")


def _timeline(records):
    meetings = [r for r in records if "MEETS" in r["relation"] and r["other"] == "Recep Tayyip Erdoğan"]
    assert [r["article"] for r in meetings] == ["wn-008", "wn-009"]
    assert {r["article"] for r in records if r["relation"] == "LEADS ->" and r["other"] == "United States"} >= {
        "wn-008", "wn-009"}


def _in_common(records):
    row = _one(records, person="Igor Kostyukov")
    assert (row["first"], row["second"]) == ("Russia delegation", "GRU")
    assert row["tie_to_first"].startswith("LEADS") and row["tie_to_second"].startswith("LEADS")


def _representatives(records):
    assert all(r["party"] == "Russia" for r in records)
    assert _one(records, actor="Dmitry Peskov", tie="REPRESENTS")["label"] == "Person"
    assert _one(records, actor="Russia delegation")["label"] == "Delegation"
    assert _one(records, actor="Kirill Dmitriev", tie="REPRESENTS")


def _meetings(records):
    assert _one(records, actor="Vladimir Putin", met="Xi Jinping")["articles"] == ["seed-001"]


def _article(records):
    row = _one(records, source="Igor Kostyukov", relation="LEADS", target="Russia delegation")
    assert row["article"] == "seed-001" and "Kostyukov" in row["sentence"]
    assert _one(records, source="United States", relation="MEDIATES", target="Ukraine")


LIBRARY_CASES = [
    ("delegation_leaders", {}, _delegations),
    ("delegation_leaders", {"delegation": "delegation:rus"}, _one_delegation),
    ("negotiations", {}, _negotiations),
    ("mediations", {"mediator": "United States"}, _mediations),
    ("accusations", {"actor": "Volodymyr Zelenskyy"}, _accusations),
    ("most_accused", {}, _most_accused),
    ("most_accused", {"label": "Actor", "limit": 2}, _most_accused_limited),
    ("actor_profile", {"name": "igor kostyukov"}, _profile),
    ("actor_timeline", {"name": "Donald Trump"}, _timeline),
    ("people_in_common", {"first": "Russia delegation", "second": "GRU"}, _in_common),
    ("representatives", {"party": "Russia"}, _representatives),
    ("meetings", {"actor": "Vladimir Putin"}, _meetings),
    ("article_relations", {"article": "seed-001"}, _article),
]


def test_neo4j_load_every_library_query_is_tested():
    assert {name for name, _, _ in LIBRARY_CASES} == {q.name for q in library()}


@pytest.mark.parametrize(("name", "params", "check"), LIBRARY_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(LIBRARY_CASES)])
def test_neo4j_load_library_query(dev_db, settings, name, params, check):
    result = run_query(find_query(name), params, settings)
    assert result.rows, f"{name} {params}: no rows"
    check(result.records())


# --- the commands ---------------------------------------------------------------------------


def test_neo4j_load_cli_load_and_query(db, dev_output, env):
    runner = CliRunner()
    loaded = runner.invoke(cli, ["load", str(dev_output), "--json"], env=env)
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["relationships_created"] > 0

    as_json = runner.invoke(cli, ["query", "delegation_leaders", "--json"], env=env)
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert _one(rows, delegation="Russia delegation")["parties"] == ["Russia"]

    as_csv = runner.invoke(cli, ["query", "accusations", "-p", "actor=Volodymyr Zelenskyy", "--csv"], env=env)
    assert as_csv.exit_code == 0, as_csv.output
    header, *lines = as_csv.stdout.splitlines()
    assert header == "accuser,accuser_label,accused,accused_label,claims,mentions,articles"
    assert any(line.startswith("Volodymyr Zelenskyy,Person,Russia,State,") and "exploiting" in line for line in lines)

    table = runner.invoke(cli, ["query", "-e", "MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.iso3 AS iso3",
                                "--param", "id=state:RUS"], env=env)
    assert table.exit_code == 0, table.output
    assert "Russia" in table.stdout and "RUS" in table.stdout and "1 row" in table.stdout

    by_file = runner.invoke(cli, ["query", str(find_query("meetings").source), "-p", "actor=Vladimir Putin", "--json"],
                            env=env)
    assert json.loads(by_file.stdout)[0]["met"] == "Xi Jinping"


def test_neo4j_load_cli_ingest_with_neo4j(db, tmp_path, env):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(DEV / "articles" / "seed-001.txt", articles)
    result = CliRunner().invoke(cli, ["ingest", str(articles), "--out", str(tmp_path / "out"), "--neo4j", "--json"],
                                env=env)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["neo4j"]["relationships_created"] == summary["neo4j"]["relationships"] > 0
    leaders = db.rows("MATCH (p:Person)-[:LEADS]->(:Delegation {id: 'delegation:RUS'}) RETURN p.name AS name")
    assert leaders == [{"name": "Igor Kostyukov"}]
    assert db.rows("MATCH (a:Article) RETURN a.id AS id") == [{"id": "seed-001"}]


FAULTS = [
    ({"--uri": "bolt://127.0.0.1:1"}, "cannot reach Neo4j at bolt://127.0.0.1:1"),
    ({"--password": "wrong-password"}, "refused the login of user"),
    ({"--database": "nosuchdatabase"}, "has no database 'nosuchdatabase'"),
    ({"--uri": "http://127.0.0.1:7474"}, "invalid Neo4j URI"),
]


def _assert_one_line_error(result: Any, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a ClickException, not a crash
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0], result.output


@pytest.mark.parametrize(("flags", "expected"), FAULTS, ids=["unreachable", "password", "database", "scheme"])
def test_neo4j_load_faults_are_one_line(db, dev_output, env, flags, expected):
    runner = CliRunner()
    options = [x for pair in flags.items() for x in pair]
    _assert_one_line_error(runner.invoke(cli, ["load", str(dev_output), *options], env=env), expected)
    _assert_one_line_error(runner.invoke(cli, ["query", "accusations", *options], env=env), expected)
    assert db.count() == 0  # nothing half-written


def test_neo4j_load_faults_from_the_environment(db, dev_output, env):
    result = CliRunner().invoke(cli, ["load", str(dev_output)], env={**env, "NEO4J_PASSWORD": "wrong-password"})
    _assert_one_line_error(result, "refused the login of user 'neo4j'")
    # a flag overrides the environment
    result = CliRunner().invoke(cli, ["load", str(dev_output), "--password", env["NEO4J_PASSWORD"]],
                                env={**env, "NEO4J_PASSWORD": "wrong-password"})
    assert result.exit_code == 0, result.output


def test_neo4j_load_ingest_checks_the_server_first(tmp_path, env):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["ingest", str(DEV / "articles"), "--out", str(out), "--neo4j",
                                      "--uri", "bolt://127.0.0.1:1"], env=env)
    _assert_one_line_error(result, "cannot reach Neo4j")
    assert not out.exists()


def test_neo4j_load_query_errors_are_one_line(dev_db, env):
    result = CliRunner().invoke(cli, ["query", "-e", "MATC (n) RETURN n"], env=env)
    _assert_one_line_error(result, "SyntaxError")
    result = CliRunner().invoke(cli, ["load", "/nonexistent/out"], env=env)
    assert result.exit_code == 2  # not a folder: usage error


def test_neo4j_load_query_is_read_only_unless_asked_to_write(db, env):
    create = ["query", "-e", "CREATE (n:Article {id: $id}) RETURN n.id AS id", "-p", "id=written"]
    refused = CliRunner().invoke(cli, create, env=env)
    _assert_one_line_error(refused, "read-only")
    assert db.count("(:Article {id: 'written'})") == 0
    written = CliRunner().invoke(cli, [*create, "--write", "--json"], env=env)
    assert written.exit_code == 0, written.output
    assert json.loads(written.stdout) == [{"id": "written"}]
    assert db.count("(:Article {id: 'written'})") == 1


def test_neo4j_load_report_is_plain_data(db, dev_output, settings):
    report = load_output(dev_output, settings)
    assert isinstance(report, LoadReport) and report.seconds > 0
    assert json.loads(json.dumps(report.to_dict()))["changed"] is True
    assert run_query(inline_query("RETURN $x AS x, [1, 'a'] AS l"), {"x": {"k": [1]}}, settings).rows == [
        [{"k": [1]}, [1, "a"]]]
