"""The HTML view's data and file, without a browser (tests/test_html_browser.py opens it)."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from kg.models import Article
from kg.report import explain_resolution
from kg.sinks import html as html_sink
from kg.sinks.html import graph_view, layout, page, write_html
from kg.sinks.palette import LABEL_COLORS, TYPE_COLORS

# Text from articles that would run code if a page placed it as markup.
SCRIPT_NAME = "</script><script>window.kgPwned = 1; alert(1)</script>"
IMG_ALIAS = '<img src=x onerror="window.kgPwned = 2; alert(2)">'
SCRIPT_SENTENCE = "They met at </script><script>window.kgPwned = 3</script> the <b>summit</b> & talked."


def _evidence(article: str, sentence: str, date: str | None, rule: str = "test_rule") -> dict:
    return {"article": article, "sentence": sentence, "start": 0, "end": len(sentence), "rule": rule,
            "confidence": 0.9, "date": date}


def _edge(graph: nx.MultiDiGraph, source: str, rel_type: str, target: str, *evidence: dict, **extra) -> None:
    dates = sorted(e["date"] for e in evidence if e["date"])
    dated = {"first_date": dates[0], "last_date": dates[-1]} if dates else {}
    graph.add_edge(source, target, key=rel_type, type=rel_type, articles=sorted({e["article"] for e in evidence}),
                   evidence=list(evidence), count=len(evidence), confidence=0.9, **dated, **extra)


def small_graph() -> tuple[nx.MultiDiGraph, list[Article]]:
    """Seven actors (one without relations, one named with markup) and seven relations, in the
    shape kg.graph writes; two articles, one of them with a link that is not a web address."""
    graph = nx.MultiDiGraph()
    for node, label, name, aliases, how in [
        ("state:UKR", "State", "Ukraine", ["Kyiv"], ["gazetteer", "capital"]),
        ("state:RUS", "State", "Russia", ["Moscow"], ["gazetteer"]),
        ("state:TUR", "State", "Turkey", [], ["gazetteer"]),
        ("person:rustem-umerov", "Person", "Rustem Umerov", ["Umerov"], ["name", "short name"]),
        ("person:recep-tayyip-erdogan", "Person", "Recep Tayyip Erdoğan", ["Erdoğan"], ["name"]),
        ("org:hostile", "Organization", SCRIPT_NAME, [IMG_ALIAS], ["name"]),
        ("person:lone-figure", "Person", "Lone Figure", [], ["name"]),
    ]:
        graph.add_node(node, label=label, name=name, aliases=aliases, articles=["a-1"], resolution=how)
    _edge(graph, "person:rustem-umerov", "REPRESENTS", "state:UKR",
          _evidence("a-1", "Ukraine's defence minister Rustem Umerov led the team.", "2023-05-01"))
    _edge(graph, "person:recep-tayyip-erdogan", "LEADS", "state:TUR",
          _evidence("a-1", "Turkish President Recep Tayyip Erdoğan hosted them.", "2023-05-01"), role="president")
    _edge(graph, "state:RUS", "NEGOTIATES_WITH", "state:UKR",
          _evidence("a-1", "Russia and Ukraine negotiated on grain.", "2023-05-02"),
          _evidence("a-2", "Talks between Russia and Ukraine went on.", "2023-06-01"))
    _edge(graph, "state:TUR", "MEDIATES", "state:UKR", _evidence("a-1", "Turkey mediated the talks.", "2023-05-02"))
    _edge(graph, "state:TUR", "MEDIATES", "state:RUS", _evidence("a-1", "Turkey mediated the talks.", "2023-05-02"))
    _edge(graph, "state:RUS", "ACCUSES", "state:UKR",
          _evidence("a-2", "Russia accused Ukraine of <b>bad faith</b>.", "2023-06-01"),
          claim="of <b>bad faith</b>", claims=["of <b>bad faith</b>"])
    _edge(graph, "org:hostile", "MEETS", "state:UKR", _evidence("a-3", SCRIPT_SENTENCE, None))
    articles = [
        Article(id="a-1", text="The talks resumed.", title="Talks <i>resume</i> in Istanbul", date="2023-05-01",
                url="https://example.org/a-1"),
        Article(id="a-2", text="A dispute began.", title="A dispute", date="2023-06-01", url="javascript:window.kgPwned = 4"),
    ]
    return graph, articles


def test_html_view_carries_every_actor_and_relation_with_its_evidence():
    graph, articles = small_graph()
    view = graph_view(graph, articles, title="Test")
    assert {n["id"] for n in view["nodes"]} == set(graph.nodes)
    assert len(view["edges"]) == graph.number_of_edges() == 7
    talks = next(e for e in view["edges"] if e["type"] == "NEGOTIATES_WITH")
    assert (talks["count"], talks["first_date"], talks["last_date"]) == (2, "2023-05-02", "2023-06-01")
    assert [e["article"] for e in talks["evidence"]] == ["a-1", "a-2"]
    umerov = next(n for n in view["nodes"] if n["id"] == "person:rustem-umerov")
    assert umerov["aliases"] == ["Umerov"]
    assert umerov["merged"] == [explain_resolution("name"), explain_resolution("short name")]
    # Articles cited by evidence but not among the records keep their id, without metadata.
    assert view["articles"]["a-1"]["url"] == "https://example.org/a-1"
    assert view["articles"]["a-3"] == {"title": None, "date": None, "url": None}
    assert {x["name"]: x["color"] for x in view["labels"]} == {k.value: v for k, v in LABEL_COLORS.items()}
    assert {x["name"]: x["color"] for x in view["types"]} == {k.value: v for k, v in TYPE_COLORS.items()}


def test_html_layout_is_the_same_on_every_run_and_spreads_the_actors():
    graph, _ = small_graph()
    first, second = layout(graph), layout(graph.copy())
    assert first == second
    assert all(-1.0 <= c <= 1.0 for xy in first.values() for c in xy)
    assert len(set(first.values())) == graph.number_of_nodes()


def test_html_layout_puts_linked_actors_closer_than_unlinked_ones():
    # Two cliques joined by one edge: an actor is nearer the others of its clique than the far clique.
    graph = nx.MultiDiGraph()
    for group in ("a", "b"):
        members = [f"{group}{i}" for i in range(6)]
        graph.add_edges_from((u, v) for u in members for v in members if u < v)
    graph.add_edge("a0", "b0")
    pos = layout(graph)

    def dist(u, v):
        return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5

    assert max(dist("a1", f"a{i}") for i in range(2, 6)) < min(dist("a1", f"b{i}") for i in range(1, 6))


def test_html_page_escapes_article_text_so_only_the_page_script_can_run(tmp_path):
    graph, articles = small_graph()
    out = tmp_path / "graph.html"
    write_html(graph, out, articles, title="Talks </title><script>alert(5)</script>")
    text = out.read_text(encoding="utf-8")
    # Exactly the page's two script elements: the data and the bundle; no text closed one.
    assert len(re.findall(r"<script\b", text)) == 2 and len(re.findall(r"</script", text, re.I)) == 2
    assert "<img" not in text and "<b>" not in text
    assert "<title>Talks &lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt;</title>" in text
    # ... and the data still reads back as the very same text.
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))
    assert {n["name"] for n in data["nodes"]} >= {SCRIPT_NAME, "Recep Tayyip Erdoğan"}
    assert any(e["evidence"][0]["sentence"] == SCRIPT_SENTENCE for e in data["edges"])


def test_html_page_allows_its_own_script_and_no_request():
    graph, articles = small_graph()
    text = page(graph_view(graph, articles))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "script-src 'sha256-" in policy
    assert not re.search(r"(src|href)=\"https?://", text), "the page must not load anything"


def test_html_page_keeps_the_licences_of_the_libraries_it_bundles():
    text = page(graph_view(nx.MultiDiGraph()))
    for package in ("sigma 3.0.3", "graphology 0.26.0", "@sigma/edge-curve"):
        assert package in text
    assert text.count("Permission is hereby granted") >= 3


def test_html_write_replaces_the_file_whole(tmp_path):
    graph, articles = small_graph()
    out = tmp_path / "graph.html"
    out.write_text("old")
    write_html(graph, out, articles)
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_html_page_says_how_to_build_a_missing_template(monkeypatch, tmp_path):
    monkeypatch.setattr(html_sink, "TEMPLATE", tmp_path / "page.html")
    with pytest.raises(html_sink.ViewNotBuilt, match="scripts/build-web"):
        page(graph_view(nx.MultiDiGraph()))
