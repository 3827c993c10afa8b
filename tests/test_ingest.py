"""The ingest run: stored records, re-runs, failures that do not lose work."""
from __future__ import annotations

import json

import kg.ingest
from kg.ingest import ingest
from kg.sources import ReadFailure

TEXTS = {
    "a": "Kenya accused Somalia of violating its airspace.",
    "b": "Qatar mediated between Israel and Hamas.",
    "c": "Emmanuel Macron met Olaf Scholz in Berlin.",
}


def _write(folder, texts=TEXTS):
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text)


def test_ingest_failure_in_one_article_keeps_the_others_and_a_rerun_finishes(tmp_path, monkeypatch):
    _write(tmp_path)
    out = tmp_path / "out"
    real_extract = kg.ingest.extract

    def broken(doc, article, gazetteer):
        if article.id == "b":
            raise RuntimeError("simulated crash")
        return real_extract(doc, article, gazetteer)

    monkeypatch.setattr(kg.ingest, "extract", broken)
    first = ingest([tmp_path], out, workers=1)
    assert [str(f) for f in first.failures] == [f"{tmp_path / 'b.txt'}: extraction failed (RuntimeError: simulated crash)"]
    assert first.extracted == 2
    assert len(list((out / "extractions").glob("*.json"))) == 2

    monkeypatch.setattr(kg.ingest, "extract", real_extract)
    second = ingest([tmp_path], out, workers=1)
    assert (second.extracted, second.cached, second.failures) == (1, 2, [])
    types = {d["type"] for _, _, d in second.graph.edges(data=True)}
    assert {"ACCUSES", "MEDIATES", "MEETS"} <= types


def test_ingest_edited_article_replaces_its_old_record(tmp_path):
    _write(tmp_path, {"a": TEXTS["a"]})
    out = tmp_path / "out"
    ingest([tmp_path], out, workers=1)
    _write(tmp_path, {"a": TEXTS["c"]})
    result = ingest([tmp_path], out, workers=1)
    types = {d["type"] for _, _, d in result.graph.edges(data=True)}
    assert types == {"MEETS"}


def test_ingest_duplicate_ids_fail_the_second_file(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text(TEXTS["a"])
    (tmp_path / "x" / "a.md").write_text(TEXTS["c"])
    result = ingest([tmp_path], tmp_path / "out", workers=1)
    assert len(result.failures) == 1 and "duplicate article id 'a'" in str(result.failures[0])
    assert isinstance(result.failures[0], ReadFailure)


def test_ingest_writes_the_article_date_into_the_evidence(tmp_path):
    line = {"id": "w1", "text": TEXTS["a"], "date": "2024-03-01", "title": "Airspace"}
    (tmp_path / "wire.jsonl").write_text(json.dumps(line) + "\n")
    result = ingest([tmp_path / "wire.jsonl"], tmp_path / "out", workers=1)
    (_, _, edge), = [e for e in result.graph.edges(data=True) if e[2]["type"] == "ACCUSES"]
    assert edge["first_date"] == edge["last_date"] == "2024-03-01"
    assert edge["evidence"][0]["article"] == "w1"
