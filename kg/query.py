"""Run a Cypher query (from the library in ``cypher/`` or given inline) and get a table back.

    query = find_query("delegation_leaders")          # or inline_query("MATCH ...")
    result = run_query(query, {"delegation": "Russia delegation"}, Neo4jSettings.from_env())
    result.columns, result.rows, result.records()

Values come back as plain Python (nodes and relationships as dicts of their
properties, temporal values as ISO 8601 strings), ready for a table, JSON or CSV.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as driver_errors
from neo4j import graph as neo4j_graph

from kg.cypher import Query
from kg.sinks.neo4j import Neo4jError, Neo4jSettings, connect, explain


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def run_query(query: Query, params: Mapping[str, Any], settings: Neo4jSettings, write: bool = False) -> QueryResult:
    """Run one statement in an auto-commit transaction and fetch every row.

    A ``$parameter`` the statement uses but ``params`` lacks is passed as null,
    which the library's queries read as "all" (``$delegation`` null: every
    delegation). Unless ``write``, the session is read-only, and the server
    refuses a statement that would change the database (:class:`Neo4jError`).
    """
    bound = {name: None for name in query.parameters} | dict(params)
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    driver = connect(settings)
    try:
        with driver.session(database=settings.database, default_access_mode=mode) as session:
            result = session.run(neo4j.Query(query.text), bound)
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
    return QueryResult(columns, rows)


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
