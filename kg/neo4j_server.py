"""Where the Neo4j server is and how kg talks to it: settings, a checked connection, and
every failure told in one line.

    settings = Neo4jSettings.from_env(uri="bolt://localhost:7687")   # NEO4J_URI, ... then overrides
    driver = connect(settings)          # Neo4jError("cannot reach Neo4j at ...") when it cannot

Both users of the server read it from here: the loader (:mod:`kg.sinks.neo4j`) and
`kg query` (:mod:`kg.query`).
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import neo4j
from neo4j import exceptions as driver_errors

__all__ = ["DEFAULT_URI", "DEFAULT_USER", "Neo4jError", "Neo4jSettings", "connect", "explain"]

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_USER = "neo4j"
URI_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


class Neo4jError(Exception):
    """A Neo4j failure, told in one line: unreachable, refused login, unknown database, bad query."""


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the server is and how to log in; see :meth:`from_env`."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str | None = None  # None: the server's default database
    configured: bool = False  # True when NEO4J_URI or an explicit uri chose the server

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: str | None) -> Neo4jSettings:
        """Neo4j's own variables (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE),
        then ``overrides`` (uri, user, password, database) where they are not None."""
        env = os.environ if environ is None else environ
        values: dict[str, str | None] = {
            "uri": env.get("NEO4J_URI"),
            "user": env.get("NEO4J_USERNAME"),
            "password": env.get("NEO4J_PASSWORD"),
            "database": env.get("NEO4J_DATABASE"),
        }
        unknown = overrides.keys() - values.keys()
        if unknown:
            raise TypeError(f"unknown Neo4j settings: {', '.join(sorted(unknown))}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**{k: v for k, v in values.items() if v}, configured=bool(values["uri"]))

    @property
    def auth(self) -> tuple[str, str] | None:
        return None if self.password is None else (self.user, self.password)


def connect(settings: Neo4jSettings) -> neo4j.Driver:
    """A driver for the server, checked with one query against the database.

    Raises :class:`Neo4jError` with one line when the server cannot be reached,
    refuses the login or has no such database.
    """
    scheme = settings.uri.partition("://")[0]
    if "://" not in settings.uri or scheme not in URI_SCHEMES:
        raise Neo4jError(f"invalid Neo4j URI {settings.uri!r}: expected {', '.join(s + '://' for s in URI_SCHEMES)}")
    try:
        # Notifications (a property no node has yet, ...) are hints for query authors, not for users.
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=settings.auth, connection_timeout=15.0, notifications_min_severity="OFF"
        )
    except (driver_errors.ConfigurationError, ValueError) as exc:
        raise Neo4jError(f"invalid Neo4j URI {settings.uri!r}: {_first_line(str(exc))}") from None
    try:
        with driver.session(database=settings.database) as session:
            session.run("RETURN 1").consume()
    except Exception as exc:
        driver.close()
        raise explain(exc, settings) from None
    return driver


def explain(exc: BaseException, settings: Neo4jSettings) -> Exception:
    """A driver exception as a one-line :class:`Neo4jError`; anything else unchanged."""
    where = f"Neo4j at {settings.uri}"
    if isinstance(exc, Neo4jError):
        return exc
    if isinstance(exc, driver_errors.AuthError) or (
        isinstance(exc, driver_errors.ClientError) and (exc.code or "").startswith("Neo.ClientError.Security.")
    ):
        if settings.password is None:
            return Neo4jError(f"{where} needs a password: set NEO4J_PASSWORD or pass --password")
        return Neo4jError(
            f"{where} refused the login of user {settings.user!r}: {_server_message(exc)} "
            "(check NEO4J_USERNAME/NEO4J_PASSWORD or --user/--password)"
        )
    if isinstance(exc, driver_errors.ClientError) and exc.code == "Neo.ClientError.Database.DatabaseNotFound":
        return Neo4jError(f"{where} has no database {settings.database!r} (check NEO4J_DATABASE or --database)")
    if isinstance(exc, (driver_errors.ServiceUnavailable, driver_errors.SessionExpired, OSError)):
        return Neo4jError(f"cannot reach {where}: {_reason(exc)}")
    if isinstance(exc, driver_errors.Neo4jError):
        return Neo4jError(f"{where}: {exc.code}: {_server_message(exc)}")
    if isinstance(exc, driver_errors.DriverError):
        return Neo4jError(f"{where}: {type(exc).__name__}: {_first_line(str(exc))}")
    return exc if isinstance(exc, Exception) else Neo4jError(str(exc))


def _server_message(exc: driver_errors.Neo4jError) -> str:
    return _first_line(exc.message or str(exc))


def _reason(exc: BaseException) -> str:
    text = str(exc)
    found = re.search(r"\(reason (.+)\)\s*$", text)
    reason = found.group(1) if found else _first_line(text.splitlines()[-1] if text else type(exc).__name__)
    return re.sub(r"^\[Errno -?\d+\]\s*", "", reason)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""
