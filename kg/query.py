"""Run a Cypher query (from the library in ``cypher/`` or given inline) and get a table back.

    query = find_query("delegation_leaders")          # or inline_query("MATCH ...")
    result = run_query(query, {"delegation": "Russia delegation"}, EmbeddedTarget("kg-out"))
    result = run_query(query, {}, Neo4jSettings.from_env())   # the same query on Neo4j
    result.columns, result.rows, result.records()

Two engines run the same statements: the embedded store of an output folder
(:mod:`kg.sinks.embedded`, built from the folder's graph when needed, nothing to
start) and a Neo4j server. A statement is written in Neo4j's Cypher and reaches
the embedded store through :func:`kg.cypher.for_engine`.

A ``$parameter`` the statement uses but the call does not give takes the
default its header states (``(default 10)``), else null, which the library's
queries read as "all". A list that a library query returns is a set: it comes
back sorted, whichever engine made it. Values come back as plain Python (nodes
and relationships as dicts of their properties, temporal values as ISO 8601
strings), ready for a table, JSON or CSV.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
from neo4j import exceptions as driver_errors
from neo4j import graph as neo4j_graph

from kg.cypher import Query, final_order, for_engine
from kg.neo4j_server import Neo4jError, Neo4jSettings, connect, explain


class QueryError(Exception):
    """The query could not run: a syntax error, a write without --write, a store that cannot open."""


@dataclass(frozen=True)
class EmbeddedTarget:
    """The embedded store of an output folder (``kg ingest --out OUT_DIR``)."""

    out_dir: Path


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def run_query(query: Query, params: Mapping[str, Any], target: Neo4jSettings | EmbeddedTarget,
              write: bool = False) -> QueryResult:
    """Run one statement on the embedded store or on Neo4j and fetch every row.

    Unless ``write``, the statement runs read-only: the engine refuses one that
    would change the data (:class:`QueryError`). Errors are :class:`QueryError`
    (and :class:`kg.neo4j_server.Neo4jError` for a server that cannot be reached),
    their message one line that names the query's file.
    """
    bound = bind(query, params)
    if isinstance(target, EmbeddedTarget):
        columns, rows = _run_embedded(query, bound, target, write)
    else:
        columns, rows = _run_neo4j(query, bound, target, write)
    return QueryResult(columns, tidy(query, columns, rows, embedded=isinstance(target, EmbeddedTarget)))


def bind(query: Query, params: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter the statement uses: the value given, else the header's default, else null."""
    return {name: None for name in query.parameters} | query.defaults | dict(params)


def embedded_text(query: Query, bound: Mapping[str, Any]) -> str:
    """The statement as the embedded store reads it, with these parameter values."""
    return for_engine(query.text, "ladybug", [name for name, value in bound.items() if value is None])


def tidy(query: Query, columns: list[str], rows: list[list[Any]], embedded: bool) -> list[list[Any]]:
    """The rows as kg returns them: the embedded store's sorted again (:func:`sort_rows`), and a
    library query's lists as sets (:func:`as_set`)."""
    if embedded:
        rows = sort_rows(rows, columns, final_order(query.text))
    if query.in_library:
        rows = [[as_set(value) for value in row] for row in rows]
    return rows


def _run_embedded(query: Query, bound: dict[str, Any], target: EmbeddedTarget,
                  write: bool) -> tuple[list[str], list[list[Any]]]:
    from kg.sinks.embedded import StoreError, open_store

    try:
        with open_store(target.out_dir, read_only=not write) as store:
            result = store.run(embedded_text(query, bound), bound)
    except StoreError as exc:
        message = str(exc)
        if "read-only" in message or "read only" in message:
            message = ("the query writes to the store, and queries run read-only "
                       "(kg query --write, or run_query(..., write=True), allows it)")
        raise QueryError(message if query.source == "command line" else f"{query.source}: {message}") from None
    return result.columns, result.rows


def _run_neo4j(query: Query, bound: dict[str, Any], settings: Neo4jSettings,
               write: bool) -> tuple[list[str], list[list[Any]]]:
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    driver = connect(settings)
    try:
        with driver.session(database=settings.database, default_access_mode=mode) as session:
            result = session.run(neo4j.Query(for_engine(query.text, "neo4j")), bound)
            columns = list(result.keys())
            rows = [[plain(value) for value in record.values()] for record in result]
    except Exception as exc:
        if isinstance(exc, driver_errors.ClientError) and exc.code == "Neo.ClientError.Statement.AccessMode":
            exc = Neo4jError("the query writes to the database, and queries run read-only "
                             "(kg query --write, or run_query(..., write=True), allows it)")
        error = explain(exc, settings)
        if isinstance(error, Neo4jError) and query.source != "command line":
            error = Neo4jError(f"{query.source}: {error}")
        raise error from None
    finally:
        driver.close()
    return columns, rows


def sort_rows(rows: list[list[Any]], columns: list[str], order: list[tuple[str, bool]] | None) -> list[list[Any]]:
    """The rows in the order the statement's last ORDER BY asks, when it sorts by returned columns.

    LadybugDB 0.22 sometimes returns a large result with a row out of its place under an ORDER
    BY of several keys (docs/embedded-store.md); sorting again here, stably and as Neo4j does
    (nulls last, first when descending), gives back the order the query states.
    """
    if not order or any(name not in columns for name, _ in order):
        return rows
    ordered = rows
    try:
        for name, descending in reversed(order):
            position = columns.index(name)
            ordered = sorted(ordered, key=lambda row: _sort_key(row[position]), reverse=descending)
    except TypeError:  # a column of values that do not compare (a number and a string): as given
        return rows
    return ordered


def _sort_key(value: Any) -> tuple[Any, ...]:
    if value is None:
        return (1, "")
    if isinstance(value, list):
        return (0, tuple(_sort_key(v) for v in value))
    return (0, value)


def as_set(value: Any) -> Any:
    """A list of plain values, sorted (nulls last); anything else as it is."""
    if isinstance(value, list) and all(isinstance(v, (str, int, float, bool)) or v is None for v in value):
        return sorted(value, key=lambda v: (v is None, str(type(v)), v if v is not None else 0))
    return value


def plain(value: Any) -> Any:
    """A driver value as plain Python: dicts, lists, str, numbers, bool, None."""
    if isinstance(value, neo4j_graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
