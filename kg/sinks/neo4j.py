"""Load the graph into Neo4j: idempotent, batched, values only as parameters.

    settings = Neo4jSettings.from_env(uri="bolt://localhost:7687")
    report = load_graph(graph, articles, settings)   # or load_output("kg-out", settings)
    report.relationships_created, report.seconds

The model (docs/neo4j.md has the picture):

* every actor is one ``(:Actor:<Label> {id, label, name, aliases, articles, resolution,
  iso3, keys})`` node, ``<Label>`` one of :class:`kg.models.Label`, unique on ``id``;
* every graph edge is one ``-[:<TYPE>]->`` relationship between actors, ``<TYPE>``
  one of :class:`kg.models.RelType`, with the aggregates (articles, count,
  confidence, first and last date), the attributes of its type in :mod:`kg.schema`
  (role, claim and claims) and its evidence as parallel ``evidence_*`` lists; a
  symmetric type is one relationship, directed as the graph stores it (smaller id first);
* every article is one ``(:Article {id, title, date, url})`` node, unique on
  ``id``; ``articles`` and ``evidence_article`` hold those ids.

Rows are built by the pure functions of :mod:`kg.sinks.rows` (shared with the
embedded store) and written ``batch_size`` at a time by the statements in
``cypher/load/``, one transaction per batch. Every statement writes only what
is new, so loading the same graph twice changes nothing, a load that failed
half-way can simply be run again, and a graph built from other articles
merges into what is there.

``writers`` sessions (2 by default) write at once: first the articles and
actors, then the relationships in rounds in which no two sessions write next
to the same actor (see :func:`_node_disjoint_rounds`), so that they seldom
wait for each other's locks. A deadlock that still happens is a transient
error: the driver retries the batch. Settings, connecting and one-line errors
are :mod:`kg.neo4j_server`'s.
"""
from __future__ import annotations

import contextlib
import gc
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import neo4j

from kg.cypher import fill_template, read_statement, schema_statements
from kg.models import Article, RelType
from kg.neo4j_server import Neo4jSettings, connect, explain
from kg.sinks.rows import article_rows, edges_by_type, node_row, nodes_by_label, relationship_row
from kg.store import read_graph, stored_articles

# Rows per transaction: large enough to amortise the round trip, small enough for a modest heap.
DEFAULT_BATCH_SIZE = 5000
# Sessions writing at once: the server works on two transactions while the client builds rows.
DEFAULT_WRITERS = 2
_Edge = tuple[str, str, dict[str, Any]]  # source id, target id, the edge's attributes


@dataclass
class LoadReport:
    """What a load changed, from the server's own counters."""

    articles: int = 0  # rows sent
    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0  # actors and articles
    nodes_updated: int = 0  # already there, and given something new
    relationships_created: int = 0
    relationships_updated: int = 0
    properties_set: int = 0
    labels_added: int = 0
    constraints_added: int = 0
    indexes_added: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return any((self.nodes_created, self.nodes_updated, self.relationships_created,
                    self.relationships_updated, self.properties_set, self.labels_added))

    def to_dict(self) -> dict[str, Any]:
        return {**vars(self), "changed": self.changed}

    def count(self, kind: str, updated: int, counters: neo4j.SummaryCounters) -> None:
        """Add what one batch of ``kind`` ("nodes" or "relationships") changed."""
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.labels_added += counters.labels_added
        if kind == "nodes":
            self.nodes_updated += updated
        else:
            self.relationships_updated += updated


# --- loading ------------------------------------------------------------------------------


def load_graph(
    graph: nx.MultiDiGraph,
    articles: Iterable[Article],
    settings: Neo4jSettings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[str, int], None] | None = None,
    writers: int = DEFAULT_WRITERS,
) -> LoadReport:
    """Write ``graph`` and its ``articles`` into the database; see the module's docstring.

    ``writers`` sessions write at once, never two of them to the same node.

    Raises ValueError for a label or relation type outside the closed lists (before
    anything is written) and :class:`Neo4jError` when the server fails; the batches
    committed before a failure stay, and running the load again completes it.

    ``on_batch(kind, rows)`` is called after each committed batch ("articles",
    a label or a relationship type), for a progress bar.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if writers < 1:
        raise ValueError(f"writers must be at least 1, not {writers}")
    started = time.perf_counter()
    with _collector_paused():
        report = _load(graph, articles, settings, batch_size, on_batch, writers)
    report.seconds = time.perf_counter() - started
    return report


def _load(
    graph: nx.MultiDiGraph,
    articles: Iterable[Article],
    settings: Neo4jSettings,
    batch_size: int,
    on_batch: Callable[[str, int], None] | None,
    writers: int,
) -> LoadReport:
    nodes = nodes_by_label(graph)  # checks every label and type before anything is written
    edges = edges_by_type(graph)
    report = LoadReport()
    provenance = article_rows(graph, articles)
    report.articles = len(provenance)
    report.nodes = sum(map(len, nodes.values()))
    report.relationships = sum(map(len, edges.values()))

    # First round: articles and actors, each batch a task of its own, since no two rows
    # write the same node. Then the relationships, in rounds of node-disjoint cells.
    statement = read_statement("load/articles.cypher")
    nodes_round = [[_Batch("articles", "nodes", statement, items, _same)] for items in _chunks(provenance, batch_size)]
    template = read_statement("load/actors.cypher")
    nodes_round += [
        [_Batch(label.value, "nodes", fill_template(template, label), items, _node_row_of)]
        for label, of_label in nodes.items()
        for items in _chunks(of_label, batch_size)
    ]
    template = read_statement("load/relationships.cypher")
    statements = {rel_type: fill_template(template, rel_type) for rel_type in RelType}
    relationship_rounds = [
        [
            [_Batch(rel_type.value, "relationships", statements[rel_type], items, _relationship_row_of)
             for rel_type, of_type in cell.items()
             for items in _chunks(of_type, batch_size)]
            for cell in cells
        ]
        for cells in _node_disjoint_rounds(edges, 1 if writers == 1 else 2 * writers)
    ]

    driver = connect(settings)
    try:
        with driver.session(database=settings.database) as session:
            for query in schema_statements():
                counters = session.run(query.text).consume().counters
                report.constraints_added += counters.constraints_added
                report.indexes_added += counters.indexes_added
        _write(driver, settings.database, [nodes_round, *relationship_rounds], writers, report, on_batch)
    except Exception as exc:
        raise explain(exc, settings) from None
    finally:
        driver.close()
    return report


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _same(row: dict[str, Any]) -> dict[str, Any]:
    return row


def _node_row_of(item: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    return node_row(*item)


def _relationship_row_of(item: _Edge) -> dict[str, Any]:
    return relationship_row(*item)


def _node_disjoint_rounds(edges: Mapping[RelType, Sequence[_Edge]], parts: int) -> list[list[dict[RelType, list[_Edge]]]]:
    """The edges in rounds of cells, such that no two cells of a round touch the same actor.

    Writing a relationship locks both its end nodes, so two writers that share an
    actor wait for each other or deadlock. Each actor falls into one of ``parts``
    partitions (by a stable hash of its id), and an edge into the cell of the
    pair of partitions of its ends; a round pairs every partition with one other
    (or with itself), so the cells of a round can be written at the same time.
    With one part there is one round of one cell: the graph's order.
    """
    def part(actor_id: str) -> int:
        return zlib.crc32(actor_id.encode("utf-8")) % parts

    cells: dict[tuple[int, int], dict[RelType, list[_Edge]]] = {}
    for rel_type, of_type in edges.items():
        for edge in of_type:
            ends = sorted((part(edge[0]), part(edge[1])))
            cells.setdefault((ends[0], ends[1]), {}).setdefault(rel_type, []).append(edge)
    rounds = []
    for pairs in _pairings(parts):
        found = [cells[pair] for pair in pairs if pair in cells]
        if found:
            rounds.append(found)
    return rounds


def _pairings(parts: int) -> list[list[tuple[int, int]]]:
    """Every pair of ``parts`` partitions once, in rounds in which no partition comes twice.

    The pairs (i, i) make the first round; the others follow the circle method of
    round-robin tournaments (``parts`` even: the last partition stays, the rest rotate).
    """
    rounds = [[(i, i) for i in range(parts)]]
    fixed = parts - 1
    for r in range(fixed):
        pairs = [(r, fixed)] + [((r + i) % fixed, (r - i) % fixed) for i in range(1, parts // 2)]
        rounds.append([(min(pair), max(pair)) for pair in pairs])
    return rounds


def load_output(
    out_dir: str | Path,
    settings: Neo4jSettings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[str, int], None] | None = None,
    writers: int = DEFAULT_WRITERS,
) -> LoadReport:
    """Load what ``kg ingest --out OUT_DIR`` wrote: ``graph.json`` and the articles of its records."""
    graph = read_graph(out_dir)
    return load_graph(graph, stored_articles(out_dir), settings, batch_size, on_batch, writers)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off while loading.

    Building rows allocates millions of dicts and lists that stay alive until their
    batch is sent, and each collection would walk them (and the graph) again: that
    cost about as much as building them. Rows hold no cycles; whatever cyclic garbage
    a load leaves is collected after it. A program that paused the collector itself
    is left as it is.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class _Batch:
    """One transaction's worth: a statement and the items of one label or type whose rows it writes."""

    name: str  # "articles", a label or a relationship type
    kind: str  # "nodes" or "relationships"
    statement: str
    items: Sequence[Any]
    build: Callable[[Any], dict[str, Any]]

    def rows(self) -> _Rows:
        return _Rows(self.build(item) for item in self.items)


class _Rows(list):  # type: ignore[type-arg]
    """A batch of rows whose repr is short: the driver formats its debug line from it even
    when debug logging is off, which costs about as much as sending the rows."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _write(
    driver: neo4j.Driver,
    database: str | None,
    rounds: Sequence[Sequence[Sequence[_Batch]]],
    writers: int,
    report: LoadReport,
    on_batch: Callable[[str, int], None] | None,
) -> None:
    """Write the rounds in order; the tasks of a round run on ``writers`` sessions at once.

    A task is a list of batches that one session writes in order, one transaction
    each (retried on transient errors). Tasks of one round never write the same node,
    so they do not wait for each other's locks. After a failure no new batch starts,
    and the first error is raised once the batches under way are done.
    """
    lock = threading.Lock()
    failed = threading.Event()

    def work(tx: neo4j.ManagedTransaction, statement: str, rows: _Rows) -> tuple[int, Any]:
        result = tx.run(statement, rows=rows)
        updated = result.single(strict=True)["updated"]
        return updated, result.consume().counters

    def run(task: Sequence[_Batch]) -> None:
        try:
            with driver.session(database=database) as session:
                for batch in task:
                    if failed.is_set():
                        return
                    rows = batch.rows()
                    updated, counters = session.execute_write(work, batch.statement, rows)
                    with lock:
                        report.count(batch.kind, updated, counters)
                        if on_batch is not None:
                            on_batch(batch.name, len(rows))
        except BaseException:
            failed.set()
            raise

    with ThreadPoolExecutor(max_workers=writers, thread_name_prefix="kg-neo4j-writer") as pool:
        try:
            for tasks in rounds:
                # the biggest tasks first, so that the writers finish the round together
                ordered = sorted(tasks, key=lambda task: sum(len(batch.items) for batch in task), reverse=True)
                futures = [pool.submit(run, task) for task in ordered]
                errors = [future.exception() for future in futures]
                first = next((error for error in errors if error is not None), None)
                if first is not None:
                    raise first
        except BaseException:  # Ctrl-C too: the writers stop after the batch under way
            failed.set()
            raise
