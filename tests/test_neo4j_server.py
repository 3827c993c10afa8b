"""Smoke tests against a real Neo4j server (see tests/conftest_neo4j.py)."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.neo4j


def test_return_one(neo4j_driver, neo4j_server):
    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS one", database_=neo4j_server["database"])
    assert [r["one"] for r in records] == [1]


def test_write_read_delete_node(neo4j_driver, neo4j_server):
    marker = f"kg-smoke-{uuid.uuid4()}"

    def create(tx, marker, value):
        tx.run("CREATE (:KgSmokeTest {marker: $marker, value: $value})", marker=marker, value=value).consume()

    def read(tx, marker):
        return [r["value"] for r in tx.run("MATCH (n:KgSmokeTest {marker: $marker}) RETURN n.value AS value",
                                           marker=marker)]

    def delete(tx, marker):
        return tx.run("MATCH (n:KgSmokeTest {marker: $marker}) DELETE n", marker=marker).consume().counters.nodes_deleted

    with neo4j_driver.session(database=neo4j_server["database"]) as session:
        try:
            session.execute_write(create, marker, 42)
            assert session.execute_read(read, marker) == [42]
            assert session.execute_write(delete, marker) == 1
            assert session.execute_read(read, marker) == []
        finally:
            session.execute_write(delete, marker)


def test_wrong_password_is_auth_error(neo4j_server):
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    auth = (neo4j_server["user"], neo4j_server["password"] + "-wrong")
    with GraphDatabase.driver(neo4j_server["uri"], auth=auth) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()
