"""GEXF: round trip, Gephi's colours and timeline, names as text, atomic writes."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest

from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Relation, RelType
from kg.sinks.gexf import NODE_LABEL, read_gexf, write_gexf
from kg.sinks.palette import LABEL_COLORS, TYPE_COLORS, rgb

NS = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
NASTY = "Tom <& \"Jerry\" 'Spike'> </script><script>alert(1)</script>"
ACTORS = {
    "state:UKR": {"label": "State", "name": "Ukraine", "aliases": ["Kyiv"], "iso3": "UKR", "how": ["capital"]},
    "state:RUS": {"label": "State", "name": "Russia", "aliases": ["Kremlin"], "iso3": "RUS", "how": ["seat"]},
    "delegation:RUS": {"label": "Delegation", "name": "Russia delegation", "how": ["party"]},
    "org:un": {"label": "Organization", "name": "United Nations", "how": ["gazetteer"]},
    "person:nasty": {"label": "Person", "name": NASTY, "aliases": ["</script>"], "how": ["name"]},
}


def _extraction(article_id: str, day: str | None, relations: list[tuple[str, RelType, str]],
                claim: str | None = None) -> Extraction:
    article = Article(id=article_id, text=f"text of {article_id}", date=day)
    return Extraction(article=article, actors=ACTORS, relations=[
        Relation(s, t, o, Evidence(article_id, f"{s} {t.value} {o} & <b>", i, i + 9, "test", 0.75, day),
                 claim=claim if t == RelType.ACCUSES else None)
        for i, (s, t, o) in enumerate(relations)
    ])


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    """Dated edges in two articles, an undated edge in a third, and an actor with no relation."""
    return build_graph([
        _extraction("a1", "2024-01-05", [("person:nasty", RelType.ACCUSES, "state:RUS"),
                                         ("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS")], claim="of <lying>"),
        _extraction("a2", "2024-03-09", [("person:nasty", RelType.ACCUSES, "state:RUS"),
                                         ("person:nasty", RelType.LEADS, "state:UKR")], claim="of stalling"),
        _extraction("a3", None, [("delegation:RUS", RelType.REPRESENTS, "state:RUS")]),
    ])


def _root(path) -> ET.Element:
    return ET.parse(path).getroot().find("g:graph", NS)


def test_gexf_round_trip_gives_back_the_graph(graph, tmp_path):
    write_gexf(graph, tmp_path / "graph.gexf")
    back = read_gexf(tmp_path / "graph.gexf")
    assert nx.utils.graphs_equal(back, graph)
    edge = back.edges["person:nasty", "state:RUS", "ACCUSES"]
    assert edge["claims"] == ["of <lying>", "of stalling"] and edge["evidence"][0]["sentence"].endswith("& <b>")


def test_gexf_writes_to_and_reads_from_file_objects(graph):
    buffer = io.BytesIO()
    write_gexf(graph, buffer)
    buffer.seek(0)
    assert nx.utils.graphs_equal(read_gexf(buffer), graph)


def test_gexf_names_are_text_not_markup(graph, tmp_path):
    write_gexf(graph, tmp_path / "graph.gexf")
    raw = (tmp_path / "graph.gexf").read_bytes()
    assert b"</script>" not in raw and b"<script>" not in raw and b"<b>" not in raw
    labels = {n.get("id"): n.get("label") for n in _root(tmp_path / "graph.gexf").iterfind("g:nodes/g:node", NS)}
    assert labels["person:nasty"] == NASTY
    back = read_gexf(tmp_path / "graph.gexf")
    assert (back.nodes["person:nasty"]["name"], back.nodes["person:nasty"]["aliases"]) == (NASTY, ["</script>"])


def test_gexf_plain_networkx_reads_names_labels_and_types(graph, tmp_path):
    write_gexf(graph, tmp_path / "graph.gexf")
    plain = nx.read_gexf(tmp_path / "graph.gexf")
    assert {n: (d["label"], d[NODE_LABEL]) for n, d in plain.nodes(data=True)} == {
        key: (actor["name"], actor["label"]) for key, actor in ACTORS.items()
    }
    assert sorted((s, d["label"], t) for s, t, d in plain.edges(data=True)) == sorted(
        (s, k, t) for s, t, k in graph.edges(keys=True)
    )
    assert plain.edges["person:nasty", "state:RUS"]["weight"] == 2.0  # the count; a DiGraph here: no parallel edges


def test_gexf_colours_nodes_by_label_and_edges_by_type(graph, tmp_path):
    write_gexf(graph, tmp_path / "graph.gexf")
    root = _root(tmp_path / "graph.gexf")

    def color(element: ET.Element) -> tuple[int, int, int]:
        c = element.find("viz:color", NS)
        return int(c.get("r")), int(c.get("g")), int(c.get("b"))

    nodes = {n.get("id"): color(n) for n in root.iterfind("g:nodes/g:node", NS)}
    assert nodes == {key: rgb(LABEL_COLORS[actor["label"]]) for key, actor in ACTORS.items()}
    edges = {e.get("label"): color(e) for e in root.iterfind("g:edges/g:edge", NS)}
    assert edges == {t: rgb(TYPE_COLORS[RelType(t)]) for t in ("ACCUSES", "LEADS", "NEGOTIATES_WITH", "REPRESENTS")}
    sizes = {n.get("id"): float(n.find("viz:size", NS).get("value")) for n in root.iterfind("g:nodes/g:node", NS)}
    assert sizes["org:un"] < sizes["state:UKR"] < sizes["state:RUS"]  # degrees 0 < 2 < 3


def test_gexf_dates_make_a_timeline(graph, tmp_path):
    write_gexf(graph, tmp_path / "graph.gexf")
    root = _root(tmp_path / "graph.gexf")
    assert (root.get("mode"), root.get("timeformat")) == ("dynamic", "date")
    edges = {e.get("label"): (e.get("start"), e.get("end")) for e in root.iterfind("g:edges/g:edge", NS)}
    assert edges == {
        "ACCUSES": ("2024-01-05", "2024-03-09"),
        "NEGOTIATES_WITH": ("2024-01-05", "2024-01-05"),
        "LEADS": ("2024-03-09", "2024-03-09"),
        "REPRESENTS": (None, None),  # undated: always there
    }
    nodes = {n.get("id"): (n.get("start"), n.get("end")) for n in root.iterfind("g:nodes/g:node", NS)}
    assert nodes == {
        "person:nasty": ("2024-01-05", "2024-03-09"),
        "state:RUS": ("2024-01-05", "2024-03-09"),
        "state:UKR": ("2024-01-05", "2024-03-09"),
        "delegation:RUS": (None, None),
        "org:un": (None, None),
    }
    for start, end in [*edges.values(), *nodes.values()]:
        if start is not None:
            assert date.fromisoformat(start) <= date.fromisoformat(end)


def test_gexf_without_dates_has_no_timeline(tmp_path):
    graph = build_graph([_extraction("a1", None, [("state:UKR", RelType.MEETS, "state:RUS")])])
    write_gexf(graph, tmp_path / "graph.gexf")
    root = _root(tmp_path / "graph.gexf")
    assert (root.get("mode"), root.get("timeformat")) == ("static", None)
    assert [e.get("start") for e in root.iterfind("g:edges/g:edge", NS)] == [None]
    assert nx.utils.graphs_equal(read_gexf(tmp_path / "graph.gexf"), graph)


def test_gexf_leaves_the_old_file_when_writing_fails(graph, tmp_path):
    path = tmp_path / "graph.gexf"
    path.write_text("old")
    graph.nodes["state:UKR"]["bad"] = {1, 2}  # a set: GEXF has no type for it
    with pytest.raises(TypeError):
        write_gexf(graph, path)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.gexf"]
