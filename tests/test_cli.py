"""The `kg` command through click's CliRunner: help, ingest, bad input, eval."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

DATA = Path(__file__).parent / "data"
DEV = DATA / "dev"
ARTICLE = (
    "Ukrainian President Volodymyr Zelenskyy accused Russia of shelling Kharkiv. "
    "The Russian delegation is led by Vladimir Medinsky."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _commands(group) -> list[list[str]]:
    return [[name] for name in sorted(group.commands)]


@pytest.mark.parametrize("command", [[], *_commands(cli)])
def test_cli_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_ingest_writes_graph_and_summary(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kharkiv.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Most connected actors" in result.stdout
    graph = json.loads((out / "graph.json").read_text())
    names = {n["name"] for n in graph["nodes"]}
    assert {"Volodymyr Zelenskyy", "Russia", "Russia delegation", "Vladimir Medinsky"} <= names
    assert (out / "graph.graphml").exists()
    assert list((out / "extractions").glob("*.json"))


def test_cli_ingest_json_summary_and_second_run_skips_what_was_read(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    args = ["ingest", str(tmp_path / "a.txt"), "--out", str(out), "--json", "--workers", "1"]
    first = json.loads(runner.invoke(cli, args).stdout)
    second = json.loads(runner.invoke(cli, args).stdout)
    assert first["articles"] == {"extracted": 1, "re_read": 0, "already_read": 0, "failed": 0, "skipped_files": 0}
    assert second["articles"] == {"extracted": 0, "re_read": 0, "already_read": 1, "failed": 0, "skipped_files": 0}
    assert first["relations"] == second["relations"]
    assert first["relations"]["ACCUSES"] == 1


def test_cli_ingest_says_which_files_of_a_folder_it_does_not_read(runner, tmp_path):
    inputs = tmp_path / "in"
    (inputs / "more").mkdir(parents=True)
    (inputs / "a.txt").write_text(ARTICLE)
    (inputs / "news.xlsx").write_text("url,date,title,text\n")
    (inputs / "more" / "x.xlsx").write_text("url\n")
    (inputs / "more" / "y.xlsx").write_text("url\n")
    (inputs / ".hidden.xlsx").write_text("url\n")
    result = runner.invoke(cli, ["ingest", str(inputs), "--out", str(tmp_path / "out"), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output  # a file kg does not read is no failure
    notes = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(notes) == 2
    assert notes[0].startswith(f"skipped 2 .xlsx files in {inputs / 'more'} (kg reads .txt,")
    assert notes[1].startswith(f"skipped 1 .xlsx file in {inputs} ")
    summary = json.loads(result.stdout)
    assert summary["articles"]["extracted"] == 1 and summary["articles"]["skipped_files"] == 3
    assert summary["skipped"] == [str(inputs / "more" / "x.xlsx"), str(inputs / "more" / "y.xlsx"), str(inputs / "news.xlsx")]


def test_cli_ingest_reads_every_format_and_names_each_bad_file(runner, tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(DATA / "sources", inputs)
    (inputs / "empty.txt").write_text("   \n")
    (inputs / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    out = tmp_path / "out"
    result = runner.invoke(cli, ["ingest", str(inputs), "--out", str(out), "--workers", "1", "--json"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert any("empty.txt: empty article" in line for line in errors)
    assert any("latin1.txt: not UTF-8" in line for line in errors)
    assert any("wire.jsonl:2" in line for line in errors)
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout)
    assert summary["articles"]["extracted"] >= 4  # html, md, txt and the good JSON lines go on
    assert (out / "graph.json").exists()


def test_cli_ingest_reads_csv_columns_named_by_the_user(runner, tmp_path):
    news = tmp_path / "news.csv"
    news.write_text(f'key,story,note\nk1,"{ARTICLE}",x\nk2,"",y\n')
    out = tmp_path / "out"
    args = ["ingest", str(news), "--out", str(out), "--workers", "1", "--text-column", "story", "--id-column", "KEY"]
    result = runner.invoke(cli, [*args, "--json"])
    assert result.exit_code == 1  # row 2 has no text
    assert json.loads(result.stdout)["failures"] == [f"{news} row 2: empty article"]
    graph = json.loads((out / "graph.json").read_text())
    assert any(n["name"] == "Vladimir Medinsky" and n["articles"] == ["k1"] for n in graph["nodes"])


def test_cli_ingest_names_a_missing_csv_column_in_one_line(runner, tmp_path):
    """The column names are the file's data: printed as they are, not read as markup."""
    news = tmp_path / "news.csv"
    news.write_text("text,[red]notes[/red]\nTalks.,x\n")
    result = runner.invoke(cli, ["ingest", str(news), "--out", str(tmp_path / "out"), "--date-column", "when"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error {news}: no column 'when' (named by --date-column); its columns: 'text', '[red]notes[/red]'"
    )


def test_cli_ingest_reads_standard_input(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["ingest", "-", "--out", str(out), "--workers", "1"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "graph.json").read_text())
    assert any(n["articles"] == ["stdin"] for n in graph["nodes"])


def test_cli_ingest_with_two_workers_matches_one(runner, tmp_path):
    for i, text in enumerate([ARTICLE, "Qatar mediated between Israel and Hamas.", "Kenya accused Somalia of lying."]):
        (tmp_path / f"a{i}.txt").write_text(text)
    one = runner.invoke(cli, ["ingest", str(tmp_path), "--out", str(tmp_path / "o1"), "--workers", "1"])
    two = runner.invoke(cli, ["ingest", str(tmp_path), "--out", str(tmp_path / "o2"), "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert (tmp_path / "o1" / "graph.json").read_text() == (tmp_path / "o2" / "graph.json").read_text()


def test_cli_usage_errors_exit_2(runner, tmp_path):
    assert runner.invoke(cli, ["ingest"]).exit_code == 2
    assert runner.invoke(cli, ["ingest", "x.txt", "--gazetteer", str(tmp_path / "missing.yaml")]).exit_code == 2
    assert runner.invoke(cli, ["no-such-command"]).exit_code == 2


def test_cli_unknown_model_is_one_clear_line(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--model", "no_such_model"])
    assert result.exit_code == 1
    assert "no_such_model" in result.stderr and "Traceback" not in result.output


# Floors measured on the 46 dev documents (raise them as quality rises; issue 8's goal is
# entity F1 0.92, relation F1 0.85 and 0.75 for every type).
DEV_FLOORS = {
    "entity_total": 0.94, "relation_total": 0.85,
    "Person": 0.95, "State": 0.94, "Organization": 0.93, "Delegation": 0.89,
    "LEADS": 0.91, "MEMBER_OF": 0.79, "REPRESENTS": 0.88, "NEGOTIATES_WITH": 0.81,
    "MEDIATES": 0.75, "ACCUSES": 0.75, "MEETS": 0.91,
}
# The first 13 dev documents, which earlier rules were tuned on, keep relation F1 >= 0.90.
ORIGINAL_DEV = ("seed-001", *(f"wn-{i:03d}" for i in range(1, 13)))


def _eval(runner, gold, out):
    result = runner.invoke(cli, ["eval", str(gold), "--articles", str(DEV / "articles"), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_eval_on_the_dev_corpus_holds_the_floor(runner, tmp_path):
    scores = _eval(runner, DEV / "gold.jsonl", tmp_path)
    found = {
        "entity_total": scores["entity_total"]["f1"], "relation_total": scores["relation_total"]["f1"],
        **{label: s["f1"] for label, s in scores["entities"].items()},
        **{rel_type: s["f1"] for rel_type, s in scores["relations"].items()},
    }
    below = {name: found.get(name, 0.0) for name, floor in DEV_FLOORS.items() if found.get(name, 0.0) < floor}
    assert not below, f"below the floor: {below}"


def test_cli_eval_on_the_original_dev_documents_holds_its_floor(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    lines = (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold.write_text("\n".join(l for l in lines if json.loads(l)["id"] in ORIGINAL_DEV) + "\n", encoding="utf-8")
    assert _eval(runner, gold, tmp_path / "out")["relation_total"]["f1"] >= 0.90