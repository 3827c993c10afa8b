"""Extraction on a Dask cluster: `kg ingest PATHS --cluster tcp://scheduler:8786`.

The articles are read here, as always, and sent to the cluster's workers in
batches; each worker process loads the spaCy pipeline once (the first batch it
gets) and sends back the extraction records of its batch, which this process
stores and builds the graph from as in a local run: the same records give the
same graph, byte for byte, whoever extracted them. At most two batches per
worker thread are in flight, so memory here does not grow with the corpus.

Why Dask distributed: an existing, maintained scheduler in pure Python (no
native dependencies), started with one command on any machine
(``dask scheduler``, ``dask worker tcp://...``) or by the tools that put it on
Slurm, PBS, Kubernetes and the clouds (dask-jobqueue, dask-kubernetes, Coiled);
the workers need only kg installed, as here. README, "On a cluster".
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from kg import ingest
from kg.models import Article, Extraction
from kg.sources import ReadFailure

__all__ = ["BATCH_SIZE", "ClusterError", "extract_on_cluster"]

# Articles per task: large enough that a task is worth sending, small enough to spread the work.
BATCH_SIZE = 8


class ClusterError(Exception):
    """The cluster cannot be reached or has no workers; the message is one line."""


def extract_on_cluster(
    articles: Iterable[Article],
    address: str,
    model: str | None,
    gazetteer_files: tuple[str, ...],
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extraction | ReadFailure]:
    """Extract ``articles`` on the cluster at ``address``; results come as batches finish."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterError("kg ingest --cluster needs Dask distributed: pip install 'kg[cluster]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        threads = sum(client.nthreads().values())
        if not threads:
            raise ClusterError(f"the Dask cluster at {address} has no workers")
        batches = ingest.batches(articles, batch_size)
        pending = as_completed()
        for batch in islice(batches, 2 * threads):
            pending.add(client.submit(extract_batch, batch, model, gazetteer_files, pure=False))
        for future in pending:
            yield from (_result(item) for item in future.result())
            future.release()
            following = next(batches, None)
            if following is not None:
                pending.add(client.submit(extract_batch, following, model, gazetteer_files, pure=False))
    finally:
        client.close()


def extract_batch(batch: list[Article], model: str | None, gazetteer_files: tuple[str, ...]) -> list[dict[str, Any]]:
    """On a worker: the records of a batch, as plain dicts (``{"extraction": ...}`` or
    ``{"failure": [source, reason]}``). The pipeline is loaded by the first batch of each
    worker process and kept for the next."""
    if ingest.worker_state.get("pipeline") != (model, gazetteer_files):
        ingest.load_worker(model, gazetteer_files)
    return [
        {"failure": [item.path, item.reason]} if isinstance(item, ReadFailure) else {"extraction": item.to_dict()}
        for item in ingest.extract_batch(batch)
    ]


def _result(item: dict[str, Any]) -> Extraction | ReadFailure:
    if "failure" in item:
        return ReadFailure(*item["failure"])
    return Extraction.from_dict(item["extraction"])
