"""`kg ingest --cluster`: extraction on a real Dask cluster of two worker processes on this machine."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cluster import extract_on_cluster
from kg.ingest import ingest
from kg.models import Article
from kg.sources import ReadFailure
from kg.store import GRAPH_GRAPHML, GRAPH_JSON, RECORDS_DIR

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as local:
        yield local.scheduler_address


def test_cluster_graph_is_byte_identical_to_one_process(cluster, tmp_path):
    alone = ingest([SAMPLES], tmp_path / "alone", workers=1)
    spread = ingest([SAMPLES], tmp_path / "cluster", cluster=cluster)
    assert (spread.extracted, spread.failures) == (alone.extracted, []) and alone.extracted == 12
    for name in (GRAPH_JSON, GRAPH_GRAPHML):
        assert (tmp_path / "cluster" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    records = sorted(p.name for p in (tmp_path / "alone" / RECORDS_DIR).iterdir())
    assert sorted(p.name for p in (tmp_path / "cluster" / RECORDS_DIR).iterdir()) == records


def test_cluster_workers_each_load_the_pipeline_once(cluster):
    from distributed import Client

    articles = [Article(id=f"a{i}", text=f"Talks between Russia and Ukraine resumed in round {i}.") for i in range(40)]
    done = list(extract_on_cluster(articles, cluster, None, (), batch_size=4))
    assert sorted(item.article.id for item in done) == sorted(a.id for a in articles)
    with Client(cluster) as client:
        loads = client.run(lambda: __import__("kg.ingest").ingest.worker_state.get("pipeline"))
    assert len(loads) == 2 and all(state == (None, ()) for state in loads.values())


def test_cluster_failure_of_one_article_comes_back_as_its_line(cluster):
    bad = Article(id="bad", text=None)  # the pipeline cannot read it: this article alone fails
    good = Article(id="good", text="Turkey mediated talks between Russia and Ukraine.")
    done = {getattr(item, "path", None) or item.article.id: item for item in extract_on_cluster([bad, good], cluster, None, ())}
    assert isinstance(done["bad"], ReadFailure) and "extraction failed" in done["bad"].reason
    assert done["good"].article.id == "good"


def test_cluster_unreachable_scheduler_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--out", str(tmp_path / "out"),
                                      "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / GRAPH_JSON).exists()
