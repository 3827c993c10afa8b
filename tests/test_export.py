"""`kg export`: the output folder's graph in each format, to a file or to standard output."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import FORMATS, export_graph
from kg.sinks.gexf import read_gexf
from kg.sinks.graphml import read_graphml
from kg.sinks.jsonfile import read_json, write_json
from kg.store import GRAPH_JSON, ExtractionStore
from kg.models import Extraction
from tests.test_html import small_graph

READERS = {"gexf": read_gexf, "graphml": read_graphml, "json": read_json}


@pytest.fixture
def out_dir(tmp_path):
    """An output folder as `kg ingest` leaves it: graph.json and the articles' records."""
    graph, articles = small_graph()
    out = tmp_path / "kg-out"
    write_json(graph, out / GRAPH_JSON)
    store = ExtractionStore(out, pipeline_fingerprint="test")
    for article in articles:
        store.put(Extraction(article=article, actors={}, relations=[]))
    return out


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_file_formats_read_back_as_the_graph(out_dir, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", str(out_dir), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote {target} (7 actors, 7 relations)" in result.stderr
    back = READERS[fmt](target)
    original = read_json(out_dir / GRAPH_JSON)
    assert set(back.nodes) == set(original.nodes)
    assert sorted((s, t, d["type"]) for s, t, d in back.edges(data=True)) == \
        sorted((s, t, d["type"]) for s, t, d in original.edges(data=True))


def test_export_writes_to_standard_output_without_a_file(out_dir):
    result = CliRunner().invoke(cli, ["export", str(out_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["nodes"]) == 7 and len(data["edges"]) == 7


def test_export_html_is_the_default_and_carries_the_articles(out_dir, tmp_path):
    target = tmp_path / "graph.html"
    result = CliRunner().invoke(cli, ["export", str(out_dir), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', text, re.S).group(1))
    assert data["articles"]["a-1"] == {"title": "Talks <i>resume</i> in Istanbul", "date": "2023-05-01",
                                       "url": "https://example.org/a-1"}
    assert data["title"] == "kg: kg-out"


def test_export_without_a_graph_says_so_in_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "empty"), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'empty' / GRAPH_JSON}: no such file " \
                                    f"(run `kg ingest --out {tmp_path / 'empty'}` first)"
    assert not (tmp_path / "g.html").exists()


def test_export_refuses_an_unknown_format(out_dir):
    result = CliRunner().invoke(cli, ["export", str(out_dir), "--format", "pdf"])
    assert result.exit_code == 2 and "'pdf' is not one of" in result.stderr
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        export_graph(out_dir, "pdf", "x")


def test_export_offers_every_format_kg_writes():
    assert set(FORMATS) == {"html", "gexf", "graphml", "json"}
    assert all(callable(write) for write in FORMATS.values())


def test_export_json_round_trip_is_exact(out_dir, tmp_path):
    export_graph(out_dir, "json", tmp_path / "again.json")
    assert nx.utils.graphs_equal(read_json(tmp_path / "again.json"), read_json(out_dir / GRAPH_JSON))
