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
_DEFAULT = re.compile(r"\s*\$([A-Za-z_][A-Za-z0-9_]*)\b.*\(default (-?\d+(?:\.\d+)?|\"[^\"]*\"|true|false)\)")
_ORDER_BY = re.compile(r"\bORDER\s+BY\s+(.*)", re.I | re.S)
_LIMIT_OR_SKIP = re.compile(r"\b(?:LIMIT|SKIP)\b", re.I)
_SORT_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\s+(ASC|ASCENDING|DESC|DESCENDING))?", re.I)
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

    @property
    def defaults(self) -> dict[str, Any]:
        """The values the header gives parameters: ``//   $limit  how many (default 10)``."""
        defaults = {}
        for line in self.header:
            match = _DEFAULT.match(line)
            if match:
                defaults[match.group(1)] = json.loads(match.group(2))
        return defaults

    @property
    def in_library(self) -> bool:
        """Whether this is one of the analyst queries in ``cypher/`` (not a file elsewhere or -e)."""
        return Path(self.source).parent.resolve() == CYPHER_DIR.resolve() if self.source != "command line" else False


def read_statement(relative: str | Path) -> str:
    """The text of ``cypher/<relative>``: ``read_statement("load/articles.cypher")``."""
    return (CYPHER_DIR / relative).read_text(encoding="utf-8")


def schema_statements() -> list[Query]:
    """The constraints and indexes the loader needs, one statement per file."""
    return [_query(path) for path in sorted((CYPHER_DIR / "schema").glob(f"*{SUFFIX}"))]


def fill_template(text: str, member: Label | RelType, placeholder: str | None = None) -> str:
    """Put a label or relationship type into a load template, at ``__LABEL__``, ``__TYPE__``
    or the ``placeholder`` given (``__SOURCE__``).

    Only a member of the closed enums gets in, and it must be a plain identifier:
    a string from the data never reaches the text of a statement.
    """
    if not isinstance(member, (Label, RelType)):
        raise TypeError(f"not a kg.models.Label or RelType: {member!r}")
    placeholder = placeholder or ("__LABEL__" if isinstance(member, Label) else "__TYPE__")
    if not _IDENTIFIER.fullmatch(member.value):
        raise ValueError(f"{type(member).__name__}.{member.name} is not a plain identifier: {member.value!r}")
    if placeholder not in text:
        raise ValueError(f"the template has no {placeholder}")
    return text.replace(placeholder, member.value)


def fill_ends(text: str, rel_type: RelType) -> str:
    """Put the label pairs that kg.schema allows ``rel_type`` into an embedded store's table
    template, at ``__ENDS__``: ``FROM Person TO State, FROM Person TO Organization, ...``."""
    ends = ", ".join(
        f"FROM {fill_template('__LABEL__', source)} TO {fill_template('__LABEL__', target)}"
        for source in sorted(rel_type.schema.sources)
        for target in sorted(rel_type.schema.targets)
    )
    if "__ENDS__" not in text:
        raise ValueError("the template has no __ENDS__")
    return text.replace("__ENDS__", ends)


# How kg's Cypher (the library's, Neo4j's dialect) reads on LadybugDB, the embedded store: each
# rule a (pattern, replacement) on the code outside strings and comments. docs/embedded-store.md
# explains them; the library's queries keep to what both engines share apart from these.
LADYBUG_RULES: list[tuple[re.Pattern[str], str]] = [
    # any actor: the label every actor has on Neo4j is the union of the label tables on LadybugDB
    (re.compile(r":Actor\b"), ":" + ":".join(label.value for label in Label)),
    # a relationship's type: type(r) on Neo4j, label(r) on LadybugDB
    (re.compile(r"\btype\("), "label("),
    # a position in a list property: Cypher counts from 0, LadybugDB from 1 (r.evidence_article[i])
    (re.compile(r"(\b[A-Za-z_]\w*\.[A-Za-z_]\w*)\[([^\[\]]+)\]"), r"\1[\2 + 1]"),
]


def for_engine(text: str, engine: str, nulls: Iterable[str] = ()) -> str:
    """The statement as ``engine`` ("neo4j" or "ladybug") reads it: unchanged for Neo4j; for
    LadybugDB rewritten by :data:`LADYBUG_RULES`, strings and comments left as they are.

    ``nulls`` names the parameters passed as null. LadybugDB types a parameter from its
    value, and a bare null from its first use (``$actor IS NULL``: a boolean), which then
    clashes with its use as a name; so there a null parameter is a null string, the type of
    every optional parameter of the library.
    """
    if engine == "neo4j":
        return text
    if engine != "ladybug":
        raise ValueError(f"unknown engine {engine!r}")
    null_parameter = re.compile(r"\$(" + "|".join(map(re.escape, nulls)) + r")\b") if nulls else None
    pieces, last = [], 0
    for match in _STRING_OR_COMMENT.finditer(text):
        pieces.append(_rewrite(text[last:match.start()], null_parameter))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_rewrite(text[last:], null_parameter))
    return "".join(pieces)


def _rewrite(code: str, null_parameter: re.Pattern[str] | None) -> str:
    for pattern, replacement in LADYBUG_RULES:
        code = pattern.sub(replacement, code)
    return null_parameter.sub(r"CAST($\1 AS STRING)", code) if null_parameter else code


def final_order(text: str) -> list[tuple[str, bool]] | None:
    """The keys of a statement's last ORDER BY, as ``(name, descending)``, when each is a bare
    name (a returned column); None when there is none or one is an expression."""
    code = _STRING_OR_COMMENT.sub(" ", text)
    clauses = list(_ORDER_BY.finditer(code))
    if not clauses or re.search(r"\b(RETURN|WITH|UNWIND|MATCH)\b", clauses[-1].group(1), re.I):
        return None
    keys = []
    for item in _LIMIT_OR_SKIP.split(clauses[-1].group(1))[0].split(","):
        match = _SORT_KEY.fullmatch(item.strip())
        if not match:
            return None
        keys.append((match.group(1), (match.group(2) or "").upper().startswith("DESC")))
    return keys


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
