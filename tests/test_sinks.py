"""GraphML and node-link JSON: round trips, igraph, atomic writes."""
from __future__ import annotations

import json

import igraph
import networkx as nx
import pytest

from kg.graph import build_graph
from kg.sinks import atomic_output
from kg.sinks.graphml import read_graphml, write_graphml
from kg.sinks.jsonfile import read_json, write_json
from kg.models import Relation, RelType
from tests.test_graph import _extraction


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph(
        [
            _extraction(
                "a1",
                "2024-01-01",
                [
                    ("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS"),
                    ("person:volodymyr-zelenskyy", RelType.LEADS, "state:UKR"),
                    ("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS"),
                ],
            )
        ]
    )


def test_sinks_json_round_trip(graph, tmp_path):
    path = tmp_path / "graph.json"
    write_json(graph, path)
    data = json.loads(path.read_text())
    assert {"nodes", "edges"} <= data.keys()
    node = next(n for n in data["nodes"] if n["id"] == "state:UKR")
    assert node["iso3"] == "UKR" and node["aliases"] == ["Kyiv"] and node["articles"] == ["a1"]
    edge = next(e for e in data["edges"] if e["type"] == "ACCUSES")
    assert edge["evidence"][0]["article"] == "a1"
    back = read_json(path)
    assert nx.utils.graphs_equal(back, graph)


def test_sinks_graphml_round_trip_encodes_lists(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    raw = nx.read_graphml(path)
    assert isinstance(raw.nodes["state:UKR"]["aliases"], str)
    back = read_graphml(path)
    assert back.nodes["state:UKR"]["aliases"] == ["Kyiv"]
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    for s, t, k, data in graph.edges(keys=True, data=True):
        assert back.edges[s, t, k]["evidence"] == data["evidence"]


def test_sinks_graphml_round_trip_keeps_every_claim(tmp_path):
    extraction = _extraction("a1", None, [("person:volodymyr-zelenskyy", RelType.ACCUSES, "state:RUS")] * 2)
    extraction.relations[:] = [Relation(**{**r.__dict__, "claim": claim})
                               for r, claim in zip(extraction.relations, ["of stalling", "of lying"])]
    graph = build_graph([extraction])
    write_graphml(graph, tmp_path / "graph.graphml")
    back = read_graphml(tmp_path / "graph.graphml")
    edge = back.edges["person:volodymyr-zelenskyy", "state:RUS", "ACCUSES"]
    assert (edge["claim"], edge["claims"]) == ("of stalling", ["of stalling", "of lying"])


def test_sinks_graphml_reads_in_igraph_with_same_counts(graph, tmp_path):
    write_graphml(graph, tmp_path / "graph.graphml")
    write_json(graph, tmp_path / "graph.json")
    data = json.loads((tmp_path / "graph.json").read_text())
    loaded = igraph.Graph.Read_GraphML(str(tmp_path / "graph.graphml"))
    assert loaded.vcount() == len(data["nodes"]) == 3
    assert loaded.ecount() == len(data["edges"]) == 3
    assert sorted(loaded.es["type"]) == ["ACCUSES", "LEADS", "NEGOTIATES_WITH"]


def test_sinks_leave_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(path) as handle:
            handle.write(b"half a gra")
            raise RuntimeError("interrupted")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]
