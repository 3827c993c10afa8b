"""Actor profiles and graph statistics (kg.report), and `kg show` / `kg stats` on them."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import build_graph
from kg.models import Article, Evidence, Extraction, Relation, RelType
from kg.report import (
    ActorProfile, ArticleRef, Link, RankedActor, actor_profile, explain_resolution, find_actors, graph_stats,
    read_output,
)
from kg.sinks.jsonfile import write_json
from kg.store import ExtractionStore

UKR = {"label": "State", "name": "Ukraine", "aliases": ["Kyiv"], "iso3": "UKR", "how": ["capital"]}
RUS = {"label": "State", "name": "Russia", "aliases": ["Kremlin"], "iso3": "RUS", "how": ["seat"]}
ACTORS = {
    "state:UKR": UKR,
    "state:RUS": RUS,
    "delegation:RUS": {"label": "Delegation", "name": "Russia delegation", "how": ["party"]},
    "person:rustem-umerov": {"label": "Person", "name": "Rustem Umerov", "how": ["name"]},
    "person:umerov": {"label": "Person", "name": "Umerov", "how": ["name"]},
    "person:recep-tayyip-erdogan": {"label": "Person", "name": "Recep Tayyip Erdoğan", "how": ["name"]},
    "org:un": {"label": "Organization", "name": "United Nations", "aliases": ["UN"], "how": ["gazetteer"]},
    "org:markup": {"label": "Organization", "name": "[red]Spoiler[/red] <b>&</b>", "how": ["name"]},
}
ARTICLES = [
    Article("a1", "text one", title="Talks in Istanbul", date="2025-05-16"),
    Article("a2", "text two", title="Second round", date="2025-06-02"),
    Article("a3", "text three"),
]
# per article: (source, type, target, confidence, role or claim)
RELATIONS = {
    "a1": [
        ("person:rustem-umerov", RelType.LEADS, "state:UKR", 0.9, "defence minister"),
        ("state:UKR", RelType.NEGOTIATES_WITH, "state:RUS", 0.7, None),
        ("person:recep-tayyip-erdogan", RelType.MEDIATES, "state:UKR", 0.8, None),
        ("person:recep-tayyip-erdogan", RelType.MEDIATES, "state:RUS", 0.8, None),
        ("state:RUS", RelType.ACCUSES, "state:UKR", 0.6, "of stalling"),
    ],
    "a2": [
        ("person:umerov", RelType.LEADS, "state:UKR", 0.95, "head of the delegation"),
        ("state:RUS", RelType.NEGOTIATES_WITH, "state:UKR", 0.7, None),
        ("state:RUS", RelType.ACCUSES, "state:UKR", 0.6, "of shelling"),
        ("state:UKR", RelType.ACCUSES, "state:RUS", 0.6, "of lying"),
    ],
    "a3": [("delegation:RUS", RelType.REPRESENTS, "state:RUS", 0.8, None)],
}
# actors an article names without a relation
UNRELATED = {"a3": {"org:un", "org:markup"}}


def _extractions() -> list[Extraction]:
    extractions = []
    for article in ARTICLES:
        relations = [
            Relation(s, t, o, Evidence(article.id, f"{ACTORS[s]['name']} {t.value} {ACTORS[o]['name']}.", i * 10,
                                       i * 10 + 9, "test", confidence, article.date),
                     role=value if t == RelType.LEADS else None, claim=value if t == RelType.ACCUSES else None)
            for i, (s, t, o, confidence, value) in enumerate(RELATIONS[article.id])
        ]
        named = {key for r in relations for key in (r.source, r.target)} | UNRELATED.get(article.id, set())
        extractions.append(Extraction(article=article, actors={k: ACTORS[k] for k in named}, relations=relations))
    return extractions


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(_extractions())


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory, graph) -> Path:
    """A folder as `kg ingest` leaves it: graph.json and one record per article."""
    out = tmp_path_factory.mktemp("kg-out")
    write_json(graph, out / "graph.json")
    store = ExtractionStore(out, pipeline_fingerprint="test")
    for extraction in _extractions():
        store.put(extraction)
    return out


@pytest.mark.parametrize(("name", "expected"), [
    ("russia", ["state:RUS"]),  # the name, in any case; not "Russia delegation"
    ("KREMLIN", ["state:RUS"]),  # an alias
    ("state:ukr", ["state:UKR"]),  # the id
    ("Umerov", ["person:rustem-umerov"]),  # the alias the surname left when it joined the full name
    ("recep tayyip erdogan", ["person:recep-tayyip-erdogan"]),  # accents do not count
    ("  United   Nations ", ["org:un"]),  # nor spacing
    ("erdog", ["person:recep-tayyip-erdogan"]),  # a part of a name
    ("rus", ["state:RUS", "delegation:RUS", "person:rustem-umerov"]),  # several: most connected first, then by name
    ("Umerow", ["person:rustem-umerov"]),  # a near spelling
    ("Medinsky", []),
    ("", []),
])
def test_report_find_actors(graph, name, expected):
    assert [m.id for m in find_actors(graph, name)] == expected


def test_report_find_actors_says_what_matched(graph):
    [match] = find_actors(graph, "kyiv")
    assert (match.id, match.name, match.label, match.degree, match.matched) == (
        "state:UKR", "Ukraine", "State", 5, "Kyiv"
    )


def test_report_actor_profile_of_a_state(graph):
    def evidence(article: str, i: int, sentence: str, confidence: float, date: str | None) -> Evidence:
        return Evidence(article, sentence, i * 10, i * 10 + 9, "test", confidence, date)

    profile = actor_profile(graph, "state:UKR", ARTICLES)
    assert profile == ActorProfile(
        id="state:UKR", label="State", name="Ukraine", aliases=("Kyiv",), iso3="UKR",
        resolution=('named by its capital ("Kyiv said" -> Ukraine)',),
        articles=(ArticleRef("a1", "Talks in Istanbul", "2025-05-16"), ArticleRef("a2", "Second round", "2025-06-02")),
        relations={
            "LEADS": (Link("LEADS", "in", "is led by", "person:rustem-umerov", "Rustem Umerov", "Person", 2,
                           "2025-05-16", "2025-06-02",
                           evidence("a2", 0, "Umerov LEADS Ukraine.", 0.95, "2025-06-02"),  # the surest
                           role="defence minister", articles=("a1", "a2")),),
            "NEGOTIATES_WITH": (Link("NEGOTIATES_WITH", "both", "negotiates with", "state:RUS", "Russia", "State", 2,
                                     "2025-05-16", "2025-06-02",
                                     evidence("a1", 1, "Ukraine NEGOTIATES_WITH Russia.", 0.7, "2025-05-16"),
                                     articles=("a1", "a2")),),
            "MEDIATES": (Link("MEDIATES", "in", "has as a mediator", "person:recep-tayyip-erdogan",
                              "Recep Tayyip Erdoğan", "Person", 1, "2025-05-16", "2025-05-16",
                              evidence("a1", 2, "Recep Tayyip Erdoğan MEDIATES Ukraine.", 0.8, "2025-05-16"),
                              articles=("a1",)),),
            "ACCUSES": (
                Link("ACCUSES", "in", "is accused by", "state:RUS", "Russia", "State", 2, "2025-05-16", "2025-06-02",
                     evidence("a1", 4, "Russia ACCUSES Ukraine.", 0.6, "2025-05-16"),  # equals: the earliest
                     claims=("of stalling", "of shelling"), articles=("a1", "a2")),
                Link("ACCUSES", "out", "accuses", "state:RUS", "Russia", "State", 1, "2025-06-02", "2025-06-02",
                     evidence("a2", 3, "Ukraine ACCUSES Russia.", 0.6, "2025-06-02"),
                     claims=("of lying",), articles=("a2",)),
            ),
        },
    )


def test_report_actor_profile_tells_how_names_joined(graph):
    profile = actor_profile(graph, "person:rustem-umerov")
    assert (profile.name, profile.aliases) == ("Rustem Umerov", ("Umerov",))
    assert profile.resolution == (
        "an article names it so",
        "articles that name only the surname, which only Rustem Umerov has, were joined to it",
    )
    assert profile.articles == (ArticleRef("a1"), ArticleRef("a2"))  # no titles without the articles
    assert [(t, [(x.phrase, x.other_name) for x in links]) for t, links in profile.relations.items()] == [
        ("LEADS", [("leads", "Ukraine")])
    ]


@pytest.mark.parametrize(("step", "words"), [
    ("seat", 'named by its seat of power ("the Kremlin said" -> Russia)'),
    ("spelling variant of Bashar al-Assad",
     "other spellings of Bashar al-Assad in other articles were joined to it (see aliases)"),
    ("a step kg does not know yet", "a step kg does not know yet"),
])
def test_report_explain_resolution(step, words):
    assert explain_resolution(step) == words


def test_report_actor_profile_of_no_actor_is_a_key_error(graph):
    with pytest.raises(KeyError):
        actor_profile(graph, "state:XXX")


def test_report_graph_stats(graph):
    stats = graph_stats(graph, ARTICLES, top=3)
    assert stats.actors == {"Person": 2, "State": 2, "Organization": 2, "Delegation": 1}
    assert stats.relations == {"LEADS": 1, "MEMBER_OF": 0, "REPRESENTS": 1, "NEGOTIATES_WITH": 1, "MEDIATES": 2,
                               "ACCUSES": 2, "MEETS": 0}
    assert stats.most_connected == (
        RankedActor("state:RUS", "Russia", "State", 5),
        RankedActor("state:UKR", "Ukraine", "State", 5),
        RankedActor("person:recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "Person", 2),
    )
    assert stats.most_accused == (RankedActor("state:UKR", "Ukraine", "State", 2),
                                  RankedActor("state:RUS", "Russia", "State", 1))
    assert stats.most_active_mediators == (
        RankedActor("person:recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "Person", 2),
    )
    assert (stats.articles, stats.articles_by_month, stats.undated_articles) == (3, {"2025-05": 1, "2025-06": 1}, 1)


def test_report_to_dict_is_json(graph):
    profile = actor_profile(graph, "state:UKR", ARTICLES).to_dict()
    assert json.loads(json.dumps(profile)) == profile
    assert profile["relations"]["ACCUSES"][0]["evidence"]["article"] == "a1"
    stats = graph_stats(graph, ARTICLES).to_dict()
    assert json.loads(json.dumps(stats)) == stats and stats["most_accused"][0]["value"] == 2


def test_report_read_output_reads_graph_and_articles(out_dir, graph):
    output = read_output(out_dir)
    assert nx.utils.graphs_equal(output.graph, graph)
    assert output.articles == tuple(ARTICLES)


@pytest.mark.parametrize(("content", "message"), [
    (None, "{path}: no such file (run `kg ingest --out {out}` first)"),
    ("{", "{path}: not a kg graph (JSONDecodeError: Expecting property name enclosed in double quotes: "
          "line 1 column 2 (char 1))"),
])
def test_report_read_output_says_what_is_wrong_in_one_line(tmp_path, content, message):
    if content is not None:
        (tmp_path / "graph.json").write_text(content)
    with pytest.raises((FileNotFoundError, ValueError)) as error:
        read_output(tmp_path)
    assert str(error.value) == message.format(path=tmp_path / "graph.json", out=tmp_path)


# --- the commands ---------------------------------------------------------------------------


def _run(*args: str):
    return CliRunner(env={"COLUMNS": "250"}).invoke(cli, list(args))


def test_report_cli_show_prints_a_profile(out_dir):
    result = _run("show", "Ukraine", "--out", str(out_dir))
    assert result.exit_code == 0, result.output
    for text in ("Ukraine  State  state:UKR", "also called: Kyiv", "named by its capital",
                 "a1  2025-05-16  Talks in Istanbul", "is led by", "Rustem Umerov (Person)", "defence minister",
                 "2025-05-16 .. 2025-06-02", "Umerov LEADS Ukraine.  [a2, 2025-06-02]", "of stalling · of shelling",
                 "has as a mediator"):
        assert text in result.stdout, text


def test_report_cli_show_json_is_the_profile(out_dir, graph):
    result = _run("show", "kyiv", "--out", str(out_dir), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["matches"] == [{"id": "state:UKR", "label": "State", "name": "Ukraine", "degree": 5, "matched": "Kyiv"}]
    assert data["profile"] == actor_profile(graph, "state:UKR", ARTICLES).to_dict()


def test_report_cli_show_lists_several_matches_and_exits_0(out_dir):
    result = _run("show", "rus", "--out", str(out_dir))
    assert result.exit_code == 0, result.output
    assert "3 actors match 'rus': give one id (kg show ID)" in result.stdout
    rows = [line.split("│")[1:-1] for line in result.stdout.splitlines() if line.startswith("│")]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["Russia", "State", "state:RUS", "5"],
        ["Russia delegation", "Delegation", "delegation:RUS", "1"],
        ["Rustem Umerov", "Person", "person:rustem-umerov", "1"],
    ]


def test_report_cli_show_prints_names_as_text_not_markup(out_dir):
    result = _run("show", "spoiler", "--out", str(out_dir))
    assert result.exit_code == 0, result.output
    assert "[red]Spoiler[/red] <b>&</b>  Organization  org:markup" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["show", "Medinsky"], "Error: no actor in {out} is called 'Medinsky' (by name, alias or id)"),
    (["show", "Medinsky", "--json"], "Error: no actor in {out} is called 'Medinsky' (by name, alias or id)"),
])
def test_report_cli_show_no_match_exits_1_with_one_line(out_dir, args, message):
    result = _run(*args, "--out", str(out_dir))
    assert result.exit_code == 1
    assert result.stderr.strip() == message.format(out=out_dir)


@pytest.mark.parametrize("args", [["show", "Ukraine", "--out"], ["stats"]])
def test_report_cli_missing_output_is_one_line(tmp_path, args):
    result = _run(*args, str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {tmp_path / 'nowhere' / 'graph.json'}: no such file "
                                     f"(run `kg ingest --out {tmp_path / 'nowhere'}` first)")


def test_report_cli_stats_json(out_dir, graph):
    result = _run("stats", str(out_dir), "--json", "--top", "2")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == graph_stats(graph, ARTICLES, top=2).to_dict()


def test_report_cli_stats_tables(out_dir):
    result = _run("stats", str(out_dir))
    assert result.exit_code == 0, result.output
    rows = [[c.strip() for c in line.split("│")[1:-1]]
            for line in result.stdout.splitlines() if line.startswith("│")]
    for row in (["Person", "2", "LEADS", "1"], ["Ukraine", "State", "2"], ["2025-05", "1"], ["undated", "1"],
                ["Recep Tayyip Erdoğan", "Person", "2"]):
        assert row in rows, row


def test_report_cli_show_after_ingest(tmp_path):
    """The whole way: articles -> kg ingest -> kg show and kg stats on its folder."""
    (tmp_path / "kharkiv.txt").write_text(
        "Ukrainian President Volodymyr Zelenskyy accused Russia of shelling Kharkiv. "
        "The Russian delegation is led by Vladimir Medinsky."
    )
    out = tmp_path / "out"
    assert _run("ingest", str(tmp_path / "kharkiv.txt"), "--out", str(out), "--workers", "1").exit_code == 0
    profile = json.loads(_run("show", "zelenskyy", "--out", str(out), "--json").stdout)["profile"]
    assert profile["name"] == "Volodymyr Zelenskyy" and profile["articles"] == [
        {"id": "kharkiv", "title": None, "date": None}
    ]
    [accuses] = profile["relations"]["ACCUSES"]
    assert (accuses["phrase"], accuses["other_name"], accuses["claims"]) == (
        "accuses", "Russia", ["of shelling Kharkiv"]
    )
    assert accuses["evidence"]["sentence"].startswith("Ukrainian President Volodymyr Zelenskyy accused Russia")
    stats = json.loads(_run("stats", str(out), "--json").stdout)
    assert stats["most_accused"] == [{"id": "state:RUS", "name": "Russia", "label": "State", "value": 1}]
    assert (stats["articles"], stats["undated_articles"]) == (1, 1)
