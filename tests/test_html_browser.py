"""The HTML view in a real browser: Debian's headless Chromium (tests/conftest_browser.py).

Each test exports a page with kg, opens it from disk and uses it as a reader
would: it looks at the drawing, types in the search box, clicks an actor,
unticks a filter. Screenshots are left in build/screenshots/.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from kg.export import export_graph
from kg.ingest import ingest
from kg.report import explain_resolution
from kg.sinks.html import write_html
from kg.sinks.palette import LABEL_COLORS, TYPE_COLORS, rgb
from kg.schema import Label, RelType
from tests.test_html import SCRIPT_NAME, SCRIPT_SENTENCE, small_graph

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture
def small_page(tmp_path, open_page):
    graph, articles = small_graph()
    path = tmp_path / "graph.html"
    write_html(graph, path, articles, title="Small graph")
    return open_page(path)


def _status(opened) -> tuple[int, int]:
    status = opened.page.locator("#status")
    return int(status.get_attribute("data-nodes")), int(status.get_attribute("data-edges"))


def _drawn_colors(png: bytes, box: dict) -> set[tuple[int, int, int]]:
    """The colours of the pixels inside ``box`` (the graph's area) of a screenshot."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    area = image.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"])))
    return {color for _, color in area.getcolors(maxcolors=1 << 20)}


def _near(color: tuple[int, int, int], colors: set[tuple[int, int, int]], tolerance: int = 6) -> bool:
    return any(all(abs(a - b) <= tolerance for a, b in zip(color, c)) for c in colors)


def _click_node(opened, node: str) -> None:
    """Click the actor where the browser drew it, as a reader would."""
    x, y = opened.page.evaluate(
        """(node) => {
            const r = window.kgView.renderer;
            const p = r.graphToViewport(r.getGraph().getNodeAttributes(node));
            const box = r.getContainer().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node,
    )
    opened.page.mouse.click(x, y)


def test_html_browser_draws_every_connected_actor_in_its_colour(small_page):
    page = small_page.page
    assert _status(small_page) == (6, 7)  # the actor without relations waits for its filter
    assert page.locator("#title").text_content() == "Small graph"
    assert page.evaluate("window.kgView.renderer.getGraph().order") == 7
    png = page.screenshot()
    small_page.screenshot("small-graph")
    colors = _drawn_colors(png, page.locator("#graph").bounding_box())
    for label in (Label.STATE, Label.PERSON, Label.ORGANIZATION):
        assert _near(rgb(LABEL_COLORS[label]), colors), f"no {label.value} drawn"
    assert small_page.errors == [] and small_page.dialogs == []


def test_html_browser_shows_actors_without_relations_on_request(small_page):
    small_page.page.locator("#isolated").check()
    assert _status(small_page) == (7, 7)


def test_html_browser_search_finds_an_actor_by_alias_without_accents(small_page):
    page = small_page.page
    page.locator("#search").fill("erdogan")
    suggestions = page.locator("#suggestions li")
    assert suggestions.count() == 1 and suggestions.first.text_content().startswith("Recep Tayyip Erdoğan")
    page.locator("#search").press("Enter")
    assert page.locator("#details h3").text_content() == "Recep Tayyip Erdoğan"
    assert "Turkish President Recep Tayyip Erdoğan hosted them." in page.locator("#details").text_content()


def test_html_browser_search_lists_nothing_for_an_unknown_name(small_page):
    small_page.page.locator("#search").fill("Zelenskyy")
    assert small_page.page.locator("#suggestions li").count() == 0
    assert small_page.page.locator("#panel").is_hidden()


def test_html_browser_click_on_an_actor_shows_its_evidence_and_articles(small_page):
    page = small_page.page
    _click_node(small_page, "state:UKR")
    details = page.locator("#details")
    assert details.locator("h3").text_content() == "Ukraine"
    text = details.text_content()
    for sentence in ("Russia and Ukraine negotiated on grain.", "Turkey mediated the talks.",
                     "Ukraine's defence minister Rustem Umerov led the team."):
        assert sentence in text
    assert "Kyiv" in text and explain_resolution("capital") in text  # its other name, and why it is one actor
    # A web address is a link; a "javascript:" address stays text.
    links = details.locator("a")
    assert {links.nth(i).get_attribute("href") for i in range(links.count())} == {"https://example.org/a-1"}
    assert "a-2: A dispute" in text
    small_page.screenshot("small-graph-ukraine")


def test_html_browser_click_on_a_relation_in_the_panel_lists_all_its_evidence(small_page):
    page = small_page.page
    _click_node(small_page, "state:RUS")
    page.locator("#details .relation", has_text="Ukraine").first.click()
    details = page.locator("#details")
    assert details.locator("h3").text_content() in ("Russia → Ukraine", "Russia — Ukraine")
    assert details.locator("blockquote").count() >= 1


def test_html_browser_type_filter_hides_edges(small_page):
    page = small_page.page
    page.locator("#type-MEDIATES").uncheck()
    assert _status(small_page) == (6, 5)
    hidden = page.evaluate(
        """() => {
            const r = window.kgView.renderer;
            return r.getGraph().filterEdges((e, a) => a.relType === "MEDIATES").map((e) => r.getEdgeDisplayData(e).hidden);
        }"""
    )
    assert hidden == [True, True]
    page.locator("#type-MEDIATES").check()
    assert _status(small_page) == (6, 7)


def test_html_browser_label_and_date_filters(small_page):
    page = small_page.page
    page.locator("#label-Person").uncheck()  # and with them their LEADS and REPRESENTS
    assert _status(small_page) == (4, 5)
    page.locator("#label-Person").check()
    page.locator("#date-from").fill("2023-05-15")
    page.locator("#date-from").dispatch_event("change")
    # left: the talks (until 2023-06-01), the accusation, and the undated meeting
    assert _status(small_page)[1] == 3
    page.locator("#undated").uncheck()
    assert _status(small_page)[1] == 2


def test_html_browser_article_text_runs_no_code(small_page):
    page = small_page.page
    page.locator("#search").fill("script")
    page.locator("#search").press("Enter")
    details = page.locator("#details")
    assert details.locator("h3").text_content() == SCRIPT_NAME
    assert SCRIPT_SENTENCE in details.text_content()
    assert page.evaluate("window.kgPwned") is None
    assert page.locator("#details img, #details b, #details script").count() == 0
    assert small_page.dialogs == [] and small_page.errors == []


def test_html_browser_page_makes_no_request(small_page):
    page = small_page.page
    _click_node(small_page, "state:UKR")
    page.locator("#search").fill("umerov")
    page.locator("#search").press("Enter")
    page.locator("#type-MEETS").uncheck()
    assert small_page.requests == [small_page.url]
    # The policy would stop one: a script the page did not bring cannot fetch.
    blocked = page.evaluate("fetch('https://example.org/').then(() => 'sent', () => 'blocked')")
    assert blocked == "blocked"


def test_html_browser_sample_articles(tmp_path, open_page):
    """The page of `make run`: the sample articles, ingested and exported as a user would."""
    out = tmp_path / "kg-out"
    result = ingest([SAMPLES], out)
    export_graph(out, "html", out / "graph.html")
    graph = result.graph
    opened = open_page(out / "graph.html")
    connected = sum(1 for node in graph if graph.degree(node) > 0)
    assert _status(opened) == (connected, graph.number_of_edges())
    assert opened.page.evaluate("window.kgView.renderer.getGraph().order") == graph.number_of_nodes()
    colors = _drawn_colors(opened.page.screenshot(), opened.page.locator("#graph").bounding_box())
    for rel_type in (RelType.LEADS, RelType.ACCUSES):
        assert _near(rgb(TYPE_COLORS[rel_type]), colors, tolerance=40), f"no {rel_type.value} edge drawn"
    opened.screenshot("sample-articles")
    assert opened.errors == [] and opened.requests == [opened.url]
