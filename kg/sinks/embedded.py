"""The embedded store: the graph in LadybugDB, a Cypher database that runs in kg's process.

    store = open_store("kg-out")        # built or refreshed from kg-out's graph when needed
    result = store.run("MATCH (d:Delegation) RETURN d.name AS delegation", {})
    store.close()

``OUT/graph.lbdb`` (:data:`kg.store.EMBEDDED_STORE`) mirrors ``OUT/graph.json``
and the articles of OUT's records, in the model Neo4j has (:mod:`kg.sinks.rows`
builds the rows of both): a node table per actor label and one for articles,
a relationship table per relation type between the labels :mod:`kg.schema`
allows. The store is derived data: :func:`open_store` compares the
fingerprint of the graph and the records it was built from (kept beside it,
``graph.lbdb.json``; kg's table definitions and LadybugDB's version count too)
with the folder's, and when they differ builds a new
store in a temporary file and renames it into place, so a reader never sees a
half-built store and an interrupted build leaves the old one. The statements
it runs are the templates in ``cypher/embedded/``.

Why LadybugDB (docs/embedded-store.md): it is an embedded openCypher database
(the maintained fork of Kuzu) installed from PyPI as one wheel with no
server, MIT-licensed, with a columnar store that loads 100,000 relations in
seconds. Its Cypher differs from Neo4j's in a few documented places, which
:func:`kg.cypher.for_engine` translates.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx

from kg.cypher import fill_ends, fill_template, read_statement
from kg.models import Article, Label, RelType
from kg.resources import CYPHER_DIR
from kg.sinks import atomic_output
from kg.sinks.rows import article_rows, edges_by_type, node_row, nodes_by_label, relationship_row
from kg.store import EMBEDDED_STORE, GRAPH_JSON, RECORDS_DIR, read_graph, stored_articles

__all__ = ["EmbeddedStore", "StoreError", "build_store", "open_store", "store_fingerprint"]

# The columns of the templates in cypher/embedded/: every row gets each one (null when absent).
ACTOR_COLUMNS = ("label", "name", "aliases", "articles", "resolution", "iso3", "keys")
ARTICLE_COLUMNS = ("title", "date", "url")
RELATION_COLUMNS = ("articles", "count", "confidence", "first_date", "last_date", "role", "claim", "claims",
                    "evidence_article", "evidence_sentence", "evidence_start", "evidence_end", "evidence_rule",
                    "evidence_confidence")
# Rows per statement: the parameter list is copied into the database's memory whole.
BATCH = 20_000


class StoreError(Exception):
    """The embedded store cannot be opened, built or queried; the message is one line."""


@dataclass(frozen=True)
class QueryRows:
    columns: list[str]
    rows: list[list[Any]]


class EmbeddedStore:
    """An open store: :meth:`run` a statement, :meth:`close` when done (or use ``with``)."""

    def __init__(self, path: Path, read_only: bool = True) -> None:
        import ladybug

        self.path = path
        try:
            self._database = ladybug.Database(str(path), read_only=read_only)
            self._connection = ladybug.Connection(self._database)
        except RuntimeError as exc:
            reason = _first_line(exc)
            advice = ("another process is writing to it; try again when it is done" if "lock" in reason.lower()
                      else "if it is damaged, delete it: kg query builds it again")
            raise StoreError(f"{path}: cannot open the embedded store ({reason}); {advice}") from None

    def run(self, text: str, params: Mapping[str, Any] | None = None) -> QueryRows:
        """Run one statement; values come back as plain Python (lists, dicts, str, int, float)."""
        try:
            result = self._connection.execute(text, dict(params or {}))
        except RuntimeError as exc:
            raise StoreError(_first_line(exc)) from None
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append([_plain(value) for value in result.get_next()])
        return QueryRows(columns, rows)

    def close(self) -> None:
        self._connection.close()
        self._database.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(out_dir: str | Path, read_only: bool = True) -> EmbeddedStore:
    """The store of ``out_dir``, built first when it is missing or older than the folder's graph."""
    out = Path(out_dir)
    path = out / EMBEDDED_STORE
    fingerprint = store_fingerprint(out)
    if _built_from(path) != fingerprint:
        build_store(read_graph(out), stored_articles(out), path, fingerprint)
    return EmbeddedStore(path, read_only=read_only)


def store_fingerprint(out_dir: str | Path) -> str:
    """What the store of ``out_dir`` is built from: its graph.json and the names of its records,
    and what it is built with: the store's table definitions and LadybugDB's version."""
    from importlib.metadata import version

    out = Path(out_dir)
    digest = hashlib.sha256(version("ladybug").encode())
    for template in sorted((CYPHER_DIR / "embedded").rglob("*.cypher")):
        digest.update(template.read_bytes())
    graph = out / GRAPH_JSON
    if not graph.is_file():
        raise FileNotFoundError(f"{graph}: no such file (run `kg ingest --out {out_dir}` first)")
    with graph.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    records = out / RECORDS_DIR
    for name in sorted(p.name for p in records.glob("*.json")) if records.is_dir() else []:
        digest.update(name.encode())
    return digest.hexdigest()[:32]


def build_store(graph: nx.MultiDiGraph, articles: Iterable[Article], path: str | Path,
                fingerprint: str = "") -> float:
    """Write ``graph`` as a new store at ``path`` (replacing one that is there); returns seconds.

    The store is built in a temporary file beside ``path`` and renamed into place.
    """
    import ladybug

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)  # the database makes its own file
    try:
        database = ladybug.Database(tmp)
        connection = ladybug.Connection(database)
        try:
            _create_tables(connection)
            _load(connection, graph, articles)
        finally:
            connection.close()
            database.close()
        os.replace(tmp, path)
        _write_fingerprint(path, fingerprint)
    except RuntimeError as exc:
        raise StoreError(f"{path}: cannot build the embedded store ({_first_line(exc)})") from None
    finally:
        for leftover in (Path(tmp), Path(tmp + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return time.perf_counter() - started


def _create_tables(connection: Any) -> None:
    for label in Label:
        connection.execute(fill_template(read_statement("embedded/schema/actor_table.cypher"), label))
    connection.execute(read_statement("embedded/schema/article_table.cypher"))
    for rel_type in RelType:
        connection.execute(fill_ends(fill_template(read_statement("embedded/schema/relation_table.cypher"), rel_type),
                                     rel_type))


def _load(connection: Any, graph: nx.MultiDiGraph, articles: Iterable[Article]) -> None:
    actors = read_statement("embedded/load/actors.cypher")
    labels: dict[str, Label] = {}
    for label, nodes in nodes_by_label(graph).items():
        rows = [_flat(node_row(node_id, data), ACTOR_COLUMNS) for node_id, data in nodes]
        labels.update((row["id"], label) for row in rows)
        _in_batches(connection, fill_template(actors, label), rows)
    _in_batches(connection, read_statement("embedded/load/articles.cypher"),
                [_flat(row, ARTICLE_COLUMNS) for row in article_rows(graph, articles)])
    relationships = read_statement("embedded/load/relationships.cypher")
    for rel_type, edges in edges_by_type(graph).items():
        by_ends: dict[tuple[Label, Label], list[dict[str, Any]]] = {}
        for source, target, data in edges:
            row = _flat(relationship_row(source, target, data), RELATION_COLUMNS)
            by_ends.setdefault((labels[source], labels[target]), []).append(row)
        for (source_label, target_label), rows in sorted(by_ends.items()):
            statement = fill_template(relationships, rel_type)
            statement = fill_template(statement, source_label, "__SOURCE__")
            statement = fill_template(statement, target_label, "__TARGET__")
            _in_batches(connection, statement, rows)


def _in_batches(connection: Any, statement: str, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.execute(statement, {"rows": rows[start:start + BATCH]})


def _flat(row: dict[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    """A row with its properties beside its ids, every column present: the store types each
    column from the first rows, so a missing one must be null, not absent."""
    properties = row["properties"]
    flat = {key: value for key, value in row.items() if key != "properties"}
    flat.update({column: properties.get(column) for column in columns})
    return flat


def _built_from(path: Path) -> str | None:
    try:
        return json.loads(_fingerprint_file(path).read_text(encoding="utf-8"))["fingerprint"] if path.exists() else None
    except (OSError, ValueError, KeyError):
        return None


def _write_fingerprint(path: Path, fingerprint: str) -> None:
    with atomic_output(_fingerprint_file(path)) as handle:
        handle.write(json.dumps({"fingerprint": fingerprint}).encode())


def _fingerprint_file(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _plain(value: Any) -> Any:
    """Store values as JSON-ready Python: sums come back as Decimal, nodes as dicts with ids."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    return value


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split("\n")[:1]).strip() or type(exc).__name__
