"""The ingest run: stored records, re-runs, failures that do not lose work."""
from __future__ import annotations

import json

import kg.ingest
from kg.ingest import ingest
from kg.models import Article, Evidence, Relation, RelType
from kg.sources import ReadFailure
from kg.store import ExtractionStore

TEXTS = {
    "a": "Kenya accused Somalia of violating its airspace.",
    "b": "Qatar mediated between Israel and Hamas.",
    "c": "Emmanuel Macron met Olaf Scholz in Berlin.",
}


def _write(folder, texts=TEXTS):
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text)


def _crash_on(monkeypatch, article_id: str):
    """Make extraction raise for one article; returns the real extract, to put back."""
    real_extract = kg.ingest.extract

    def broken(doc, article, gazetteer):
        if article.id == article_id:
            raise RuntimeError("simulated crash")
        return real_extract(doc, article, gazetteer)

    monkeypatch.setattr(kg.ingest, "extract", broken)
    return real_extract


def test_ingest_failure_in_one_article_keeps_the_others_and_a_rerun_finishes(tmp_path, monkeypatch):
    _write(tmp_path)
    out = tmp_path / "out"
    real_extract = _crash_on(monkeypatch, "b")
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


def _stale_record(out, article_id):
    """Rewrite an article's record as an older kg would have stored it: another fingerprint, and a
    relation the current pipeline does not read in its text."""
    (extraction,) = ExtractionStore(out, "").load({article_id}, any_pipeline=True)
    stale = Evidence(article_id, "stale", 0, 5, "old rule", 0.9, None)
    extraction.relations[:] = [Relation("state:QAT", RelType.ACCUSES, "state:ISR", stale, claim="of nothing")]
    ExtractionStore(out, "an older kg").put(extraction)


def _edges(graph):
    return sorted((s, t, k, d["count"]) for s, t, k, d in graph.edges(keys=True, data=True))


def test_ingest_rereads_records_of_another_pipeline_that_the_input_lacks(tmp_path):
    """b was stored by an older kg and is not in this run's input: it is read again from its
    record's text, so the graph is the current pipeline's graph of a and b."""
    articles = tmp_path / "in"
    articles.mkdir()
    _write(articles, {"a": TEXTS["a"], "b": TEXTS["b"]})
    out = tmp_path / "out"
    first = ingest([articles], out, workers=1)
    _stale_record(out, "b")
    (articles / "b.txt").unlink()
    second = ingest([articles], out, workers=1)
    assert (second.extracted, second.re_read, second.cached, second.failures) == (1, 1, 1, [])
    assert _edges(second.graph) == _edges(first.graph)
    assert ("state:QAT", "state:ISR", "ACCUSES") not in second.graph.edges(keys=True)
    records = ExtractionStore(out, kg.ingest.pipeline_fingerprint(None, ())).records()
    assert (list(records.current), list(records.other_pipeline)) == (["a", "b"], [])


def test_ingest_leaves_a_record_of_another_pipeline_out_when_it_cannot_be_read_again(tmp_path, monkeypatch):
    articles = tmp_path / "in"
    articles.mkdir()
    _write(articles, {"a": TEXTS["a"], "b": TEXTS["b"]})
    out = tmp_path / "out"
    ingest([articles], out, workers=1)
    _stale_record(out, "b")
    (articles / "b.txt").unlink()
    _crash_on(monkeypatch, "b")
    result = ingest([articles], out, workers=1)
    assert [str(f) for f in result.failures] == [
        f"{articles / 'b.txt'}: extraction failed (RuntimeError: simulated crash)"]
    assert {d["articles"][0] for _, _, d in result.graph.edges(data=True)} == {"a"}


def test_ingest_batch_with_an_article_the_pipeline_cannot_read_fails_that_article_alone():
    kg.ingest.load_worker(None, ())
    batch = [Article(id="a", text=TEXTS["a"]), Article(id="bad", text=None), Article(id="c", text=TEXTS["c"])]
    done = kg.ingest.extract_batch(batch)
    assert [type(item).__name__ for item in done] == ["Extraction", "ReadFailure", "Extraction"]
    assert done[1].path == "bad" and done[1].reason.startswith("extraction failed (")
    alone = kg.ingest.extract_batch([batch[2]])
    assert done[2].to_dict() == alone[0].to_dict()


def test_ingest_batches_hold_a_few_articles_and_a_long_one_alone():
    articles = [Article(id=f"a{i}", text="x" * length) for i, length in enumerate([10, 10, 10, 10, 10, 30, 10, 100, 10])]
    sizes = [[a.id for a in batch] for batch in kg.ingest.batches(articles, size=4, chars=50)]
    assert sizes == [["a0", "a1", "a2", "a3"], ["a4", "a5", "a6"], ["a7"], ["a8"]]
    assert [a for batch in kg.ingest.batches(articles) for a in batch] == articles
