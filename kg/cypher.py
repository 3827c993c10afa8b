"""The Cypher that kg runs, kept in ``.cypher`` files under ``cypher/``.

::

    cypher/schema/*.cypher   constraints and indexes, run before every load
    cypher/load/*.cypher     the batched ``UNWIND $rows ... MERGE`` statements of the loader
    cypher/*.cypher          the analyst library that ``kg query NAME`` runs

Values always travel as ``$parameters``. Labels and relationship types cannot be
parameters in Cypher, so the two load templates carry a placeholder
(``__LABEL__``, ``__TYPE__``) that :func:`fill_template` replaces with a member of
the closed enums :class:`kg.models.Label` and :class:`kg.models.RelType`, and
with nothing else.

A library query starts with a header comment: its first line says what the
query answers, and a ``Parameters:`` section lists its ``$parameters``::

    // Who leads and who sits on each delegation, and which party it represents.
    //
    // Parameters:
    //   $delegation  a delegation's name, alias or id; null (the default) for all
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.models import Label, RelType
from kg.resources import CYPHER_DIR

SUFFIX = ".cypher"

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_OR_COMMENT = re.compile(r"//[^\n]*|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")


class QueryNotFound(LookupError):
    """A query name that is neither a file nor a query of the library."""


@dataclass(frozen=True)
class Query:
    """One Cypher statement and where it came from (a file, or the command line)."""

    name: str
    text: str
    source: str

    @property
    def header(self) -> list[str]:
        """The leading ``//`` comment lines, without the slashes."""
        lines = []
        for line in self.text.splitlines():
            stripped = line.strip()
            if not stripped.startswith("//"):
                break
            lines.append(stripped[2:].removeprefix(" "))
        return lines

    @property
    def description(self) -> str:
        """The header's first line: what the query answers."""
        return next((line for line in self.header if line.strip()), "")

    @property
    def parameters(self) -> list[str]:
        """The ``$parameters`` the statement uses, in order of first use."""
        code = _STRING_OR_COMMENT.sub(" ", self.text)
        return list(dict.fromkeys(_PARAMETER.findall(code)))


def read_statement(relative: str | Path) -> str:
    """The text of ``cypher/<relative>``: ``read_statement("load/articles.cypher")``."""
    return (CYPHER_DIR / relative).read_text(encoding="utf-8")


def schema_statements() -> list[Query]:
    """The constraints and indexes the loader needs, one statement per file."""
    return [_query(path) for path in sorted((CYPHER_DIR / "schema").glob(f"*{SUFFIX}"))]


def fill_template(text: str, member: Label | RelType) -> str:
    """Put a label or relationship type into a load template.

    Only a member of the closed enums gets in, and it must be a plain identifier:
    a string from the data never reaches the text of a statement.
    """
    if isinstance(member, Label):
        placeholder = "__LABEL__"
    elif isinstance(member, RelType):
        placeholder = "__TYPE__"
    else:
        raise TypeError(f"not a kg.models.Label or RelType: {member!r}")
    if not _IDENTIFIER.fullmatch(member.value):
        raise ValueError(f"{type(member).__name__}.{member.name} is not a plain identifier: {member.value!r}")
    if placeholder not in text:
        raise ValueError(f"the template has no {placeholder}")
    return text.replace(placeholder, member.value)


def library() -> list[Query]:
    """The analyst queries in ``cypher/``, by name."""
    return [_query(path) for path in sorted(CYPHER_DIR.glob(f"*{SUFFIX}"))]


def find_query(name: str) -> Query:
    """A query by file path, or by its name in the library (``delegation_leaders``)."""
    path = Path(name)
    if path.is_file():
        return _query(path)
    candidate = CYPHER_DIR / (name if name.endswith(SUFFIX) else name + SUFFIX)
    if path.name == name and candidate.is_file():
        return _query(candidate)
    known = ", ".join(q.name for q in library())
    raise QueryNotFound(f"{name}: no such file, and no query of that name in {CYPHER_DIR} (known: {known})")


def inline_query(text: str) -> Query:
    """A statement given on the command line."""
    return Query(name="-e", text=text, source="command line")


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``["name=Russia", "limit=5", 'ids=["a","b"]']`` -> ``{"name": "Russia", "limit": 5, ...}``.

    A value is read as JSON when it parses (numbers, true/false/null, lists,
    objects, quoted strings), otherwise kept as the string it is.
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().removeprefix("$")
        if not sep or not _PARAMETER.fullmatch("$" + name):
            raise ValueError(f"{pair!r}: expected name=value, with a parameter name such as limit=5")
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


def _query(path: Path) -> Query:
    """A query named by its place in ``cypher/`` ("accusations", "schema/actor_id"), else by its path."""
    try:
        name = path.resolve().relative_to(CYPHER_DIR).with_suffix("").as_posix()
    except ValueError:
        name = str(path)
    return Query(name=name, text=path.read_text(encoding="utf-8"), source=str(path))
