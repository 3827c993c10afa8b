"""`kg ingest` as a library call: articles in, graph files out.

    result = ingest(["articles/"], out_dir="kg-out")
    result.summary      # actors by label, relations by type, most connected
    result.failures     # one ReadFailure per input that could not be read

The flow is the data flow of DESIGN.md: :func:`kg.sources.read_articles`
streams articles; each article not already in the output folder's records
goes through the spaCy pipeline (in worker processes when there are several
cores) and :func:`kg.extract.extract`; every extraction is stored as soon as
it is made; the graph is then built from all stored records and written as
node-link JSON and GraphML.

A graph is built from the records of one pipeline only. When kg, the model or
a gazetteer changed since an article was stored, the article is read again:
from the input if it is there, else from the text its record keeps
(``result.re_read`` counts those), so the graph still covers every article read
into the folder.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import networkx as nx
from spacy.tokens import Doc

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.graph import build_graph, summary
from kg.models import Article, Extraction
from kg.resources import DATA_DIR
from kg.sinks.graphml import write_graphml
from kg.sinks.jsonfile import write_json
from kg.sources import Columns, ReadFailure, read_articles
from kg.store import GRAPH_GRAPHML, GRAPH_JSON, ExtractionStore, fingerprint, read_records

# Articles parsed together (nlp.pipe's batch) and handed to a worker at a time: spaCy's
# networks are about 10% faster on batches than one article at a time (no faster at 8 than
# at 4), and small batches keep the workers equally busy to the end. A batch holds at most
# BATCH_CHARS characters of text (a long article goes alone): the parse of a batch takes
# memory in proportion to its text, about 4 kB a character with the small English model.
BATCH_SIZE = 4
BATCH_CHARS = 20_000


@dataclass
class IngestResult:
    out_dir: Path
    graph: nx.MultiDiGraph
    failures: list[ReadFailure] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files in the folders that kg does not read
    extracted: int = 0  # of which re_read: stored by another pipeline, not in the input, read from their records
    re_read: int = 0
    cached: int = 0

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "articles": {"extracted": self.extracted, "re_read": self.re_read, "already_read": self.cached,
                         "failed": len(self.failures), "skipped_files": len(self.skipped)},
            **summary(self.graph),
            "outputs": [str(self.out_dir / GRAPH_JSON), str(self.out_dir / GRAPH_GRAPHML)],
        }


def ingest(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    model: str | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    workers: int | None = None,
    on_article: Callable[[Article | ReadFailure], None] | None = None,
    cluster: str | None = None,
    columns: Columns = Columns(),
) -> IngestResult:
    """Read ``paths``, extract every new article, and write the graph into ``out_dir``.

    ``on_article`` is called once per article done or input failed (for a progress bar);
    ``columns`` names the columns of CSV files (see :class:`kg.sources.Columns`). With
    ``cluster`` (a Dask scheduler's address) the articles are extracted on that
    cluster's workers (:mod:`kg.cluster`) instead of this machine's processes.
    """
    out = Path(out_dir)
    gazetteer_files = tuple(str(f) for f in gazetteer_files)
    if gazetteer_files:  # a bad file stops the run before any article is read (GazetteerError, one line)
        load_gazetteer(gazetteer_files)
    store = ExtractionStore(out, pipeline_fingerprint(model, gazetteer_files))
    result = IngestResult(out, nx.MultiDiGraph())
    seen: dict[str, str] = {}
    stored = store.records()  # as this run found them; `written` holds what it stores
    written: dict[str, Path] = {}

    def new_articles() -> Iterator[Article]:
        for item in read_articles(paths, skipped=result.skipped, columns=columns):
            if isinstance(item, Article) and item.id in seen:
                item = ReadFailure(item.source or item.id, f"duplicate article id {item.id!r} (first in {seen[item.id]})")
            if isinstance(item, ReadFailure):
                result.failures.append(item)
                _notify(on_article, item)
                continue
            seen[item.id] = item.source or item.id
            cached = store.get(item)
            if cached is not None:
                result.cached += 1
                _notify(on_article, item)
                if cached.article != item:
                    written[item.id] = store.put(cached)
                continue
            yield item

    def other_pipeline_articles() -> Iterator[Article]:
        # after the input: the articles it did not have whose records another pipeline made
        for extraction in read_records(stored.other_pipeline):
            if extraction.article.id not in seen:
                result.re_read += 1
                yield extraction.article

    articles = itertools.chain(new_articles(), other_pipeline_articles())
    if cluster:
        from kg.cluster import extract_on_cluster

        extractions = extract_on_cluster(articles, cluster, model, gazetteer_files)
    else:
        extractions = _extract_all(articles, model, gazetteer_files, workers)
    for extraction in extractions:
        if isinstance(extraction, ReadFailure):
            result.failures.append(extraction)
        else:
            written[extraction.article.id] = store.put(extraction)
            result.extracted += 1
        _notify(on_article, extraction)

    # the latest record of each article, this pipeline's: one scan of the folder per run
    current = {**stored.current, **written}
    result.graph = build_graph(read_records(dict(sorted(current.items()))))
    write_json(result.graph, out / GRAPH_JSON)
    write_graphml(result.graph, out / GRAPH_GRAPHML)
    return result


def pipeline_fingerprint(model: str | None, gazetteer_files: Sequence[str]) -> str:
    """What stored records depend on: kg's version, the model, and every data file."""
    try:
        kg_version = version("kg")
    except PackageNotFoundError:
        kg_version = "dev"
    data_files = sorted(DATA_DIR.rglob("*.yaml")) + [Path(f) for f in gazetteer_files]
    code_files = sorted(Path(__file__).resolve().parent.rglob("*.py"))
    return fingerprint([kg_version, model or "default", *data_files, *code_files])


def _notify(callback: Callable[[Any], None] | None, item: Any) -> None:
    if callback is not None:
        callback(item)


# --- extraction, in this process or in workers ------------------------------------------

worker_state: dict[str, Any] = {}


def load_worker(model: str | None, gazetteer_files: tuple[str, ...]) -> None:
    """Load the pipeline and gazetteer into this process, for :func:`extract_batch`."""
    from kg.nlp import load_pipeline

    worker_state["nlp"] = load_pipeline(model, gazetteer_files)
    worker_state["gazetteer"] = load_gazetteer(gazetteer_files)
    worker_state["pipeline"] = (model, tuple(gazetteer_files))


def extract_batch(articles: Sequence[Article]) -> list[Extraction | ReadFailure]:
    """Articles through the pipeline together (spaCy's networks run faster on a batch), in
    order. An error in the pipeline fails only its article: the batch is then read again one
    article at a time."""
    try:
        docs: list[Doc | None] = list(worker_state["nlp"].pipe([a.text for a in articles], batch_size=len(articles)))
    except Exception:  # noqa: BLE001 - each article is parsed alone below, where the culprit fails alone
        docs = [None] * len(articles)
    return [_extract_doc(doc, article) for doc, article in zip(docs, articles)]


def _extract_doc(doc: Doc | None, article: Article) -> Extraction | ReadFailure:
    """The record of one article from its parse (``None``: its batch failed, parse it alone)."""
    try:
        doc = doc if doc is not None else worker_state["nlp"](article.text)
        return extract(doc, article, worker_state["gazetteer"])
    except Exception as exc:  # noqa: BLE001 - reported as this article's failure, the run goes on
        return ReadFailure(article.source or article.id, f"extraction failed ({type(exc).__name__}: {exc})")
    finally:
        # kg's annotations hold spans of their Doc, a cycle that only the garbage collector
        # would free, late: dropped now, the Doc goes as soon as its record is made
        if doc is not None:
            doc.user_data.clear()


def batches(articles: Iterable[Article], size: int = BATCH_SIZE, chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """``articles`` in order, in lists of at most ``size`` articles and ``chars`` characters of
    text (an article longer than that alone)."""
    batch: list[Article] = []
    length = 0
    for article in articles:
        if batch and (len(batch) == size or length + len(article.text or "") > chars):
            yield batch
            batch, length = [], 0
        batch.append(article)
        length += len(article.text or "")
    if batch:
        yield batch


def _extract_all(
    articles: Iterable[Article], model: str | None, gazetteer_files: tuple[str, ...], workers: int | None
) -> Iterator[Extraction | ReadFailure]:
    """Extract articles in order, in batches, with one process per core (at most ``workers``).

    The pipeline is loaded only when the first batch needs it, then shared with forked
    workers, so a run whose articles are all stored already starts instantly.
    """
    pending = batches(articles)
    first = next(pending, None)
    if first is None:
        return
    load_worker(model, gazetteer_files)
    count = workers or min(2, os.cpu_count() or 1)
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for batch in itertools.chain([first], pending):
            yield from extract_batch(batch)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(count) as pool:
        for extracted in pool.imap(extract_batch, itertools.chain([first], pending)):
            yield from extracted
