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
from kg.sinks.jsonfile import read_json
from kg.store import GRAPH_JSON

READERS = {"gexf": read_gexf, "graphml": read_graphml, "json": read_json}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_file_formats_read_back_as_the_graph(small_output, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", str(small_output), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote {target} (7 actors, 7 relations)" in result.stderr
    back = READERS[fmt](target)
    original = read_json(small_output / GRAPH_JSON)
    assert set(back.nodes) == set(original.nodes)
    assert sorted((s, t, d["type"]) for s, t, d in back.edges(data=True)) == \
        sorted((s, t, d["type"]) for s, t, d in original.edges(data=True))


def test_export_writes_to_standard_output_without_a_file(small_output):
    result = CliRunner().invoke(cli, ["export", str(small_output), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["nodes"]) == 7 and len(data["edges"]) == 7


def test_export_html_is_the_default_and_carries_the_articles(small_output, tmp_path):
    target = tmp_path / "graph.html"
    result = CliRunner().invoke(cli, ["export", str(small_output), "-o", str(target)])
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


def test_export_refuses_an_unknown_format(small_output):
    result = CliRunner().invoke(cli, ["export", str(small_output), "--format", "pdf"])
    assert result.exit_code == 2 and "'pdf' is not one of" in result.stderr
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        export_graph(small_output, "pdf", "x")


def test_export_offers_every_format_kg_writes():
    assert set(FORMATS) == {"html", "gexf", "graphml", "json"}
    assert all(callable(write) for write in FORMATS.values())


def test_export_json_round_trip_is_exact(small_output, tmp_path):
    export_graph(small_output, "json", tmp_path / "again.json")
    assert nx.utils.graphs_equal(read_json(tmp_path / "again.json"), read_json(small_output / GRAPH_JSON))
