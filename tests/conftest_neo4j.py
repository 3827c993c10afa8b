"""Session fixtures for a real Neo4j server (no mocks).

``neo4j_server`` yields ``{"uri", "user", "password", "database"}``:

* if ``NEO4J_TEST_URI`` is set, that server is used (with
  ``NEO4J_TEST_USERNAME`` (default ``neo4j``), ``NEO4J_TEST_PASSWORD`` and
  ``NEO4J_TEST_DATABASE`` (default ``neo4j``)); it is never started or
  stopped here;
* otherwise ``scripts/neo4j-server start`` starts the repo's embedded Neo4j
  Community 5.26 (building it with Maven the first time), and the session
  stops it at the end if this session started it. A server that was already
  running is reused and left running. ``KG_NEO4J_PORT``,
  ``KG_NEO4J_PASSWORD`` and ``KG_NEO4J_HOME`` are passed through to the script.

``neo4j_driver`` is a session-wide ``neo4j.Driver`` for that server.

When no server can be had, the tests that use these fixtures are skipped with
the reason, except when the environment variable ``CI`` is set: then they
fail, so a CI run never passes with the Neo4j tests silently skipped.

Tests that use them are marked ``@pytest.mark.neo4j`` (select them with
``-m neo4j``, leave them out with ``-m "not neo4j"``).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVER_SCRIPT = REPO_ROOT / "scripts" / "neo4j-server"

# The first start builds the server with Maven, which downloads ~125 MB.
START_TIMEOUT_S = float(os.environ.get("KG_NEO4J_FIXTURE_TIMEOUT", "1200"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "neo4j: needs a real Neo4j server (scripts/neo4j-server, or NEO4J_TEST_URI)",
    )


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    """Skip, or fail under CI: a CI run must not silently skip these tests."""
    if _in_ci():
        pytest.fail(f"Neo4j server unavailable (CI is set, so not skipping): {reason}", pytrace=False)
    pytest.skip(f"Neo4j server unavailable: {reason}")


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _run_script(command: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SERVER_SCRIPT), command],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _parse_env_lines(stdout: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith("NEO4J_") or "=" not in line:
            continue
        try:
            words = shlex.split(line)
        except ValueError:
            continue
        if len(words) == 1 and "=" in words[0]:
            key, _, value = words[0].partition("=")
            values[key] = value
    return values


def _check_reachable(info: dict[str, str]) -> None:
    try:
        from neo4j import GraphDatabase
    except ImportError as exc:  # pragma: no cover - the project depends on neo4j
        _unavailable(f"the neo4j Python driver is not installed ({exc})")
        return
    try:
        with GraphDatabase.driver(info["uri"], auth=(info["user"], info["password"])) as driver:
            driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        _unavailable(f"{info['uri']} did not answer: {type(exc).__name__}: {exc}")


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[dict[str, str]]:
    uri = os.environ.get("NEO4J_TEST_URI", "").strip()
    if uri:
        info = {
            "uri": uri,
            "user": os.environ.get("NEO4J_TEST_USERNAME") or "neo4j",
            "password": os.environ.get("NEO4J_TEST_PASSWORD", ""),
            "database": os.environ.get("NEO4J_TEST_DATABASE") or "neo4j",
        }
        _check_reachable(info)
        yield info
        return

    if not SERVER_SCRIPT.is_file():
        _unavailable(f"{SERVER_SCRIPT} is missing")
    env = dict(os.environ)
    # The script's readiness check needs a python with the driver: this one.
    env.setdefault("PYTHON", sys.executable)

    try:
        status = _run_script("status", env, timeout=60)
        started_here = status.returncode == 3  # 3: not running
        proc = _run_script("start", env, timeout=START_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"scripts/neo4j-server start: {type(exc).__name__}: {exc}")
        return
    if proc.returncode != 0:
        _unavailable(
            f"scripts/neo4j-server start exited {proc.returncode}:\n{_tail(proc.stderr + proc.stdout)}"
        )
    values = _parse_env_lines(proc.stdout)
    if "NEO4J_URI" not in values:
        _unavailable(f"scripts/neo4j-server start printed no NEO4J_URI:\n{_tail(proc.stdout + proc.stderr)}")
    info = {
        "uri": values["NEO4J_URI"],
        "user": values.get("NEO4J_USERNAME", "neo4j"),
        "password": values.get("NEO4J_PASSWORD", ""),
        "database": values.get("NEO4J_DATABASE", "neo4j"),
    }
    try:
        yield info
    finally:
        if started_here:
            try:
                _run_script("stop", env, timeout=120)
            except (OSError, subprocess.TimeoutExpired) as exc:  # pragma: no cover
                print(f"scripts/neo4j-server stop failed: {exc}", file=sys.stderr)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: dict[str, str]) -> Iterator[Any]:
    try:
        from neo4j import GraphDatabase
    except ImportError as exc:  # pragma: no cover - the project depends on neo4j
        _unavailable(f"the neo4j Python driver is not installed ({exc})")
        return
    driver = GraphDatabase.driver(neo4j_server["uri"], auth=(neo4j_server["user"], neo4j_server["password"]))
    try:
        driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001
        driver.close()
        _unavailable(f"{neo4j_server['uri']} did not answer: {type(exc).__name__}: {exc}")
    try:
        yield driver
    finally:
        driver.close()
