"""Where kg's own files are: the domain data (``data/``) and the Cypher (``cypher/``).

In a source checkout (and an editable install) they are the folders beside
``kg/``; a wheel carries them inside the package as ``kg/_data`` and
``kg/_cypher`` (pyproject.toml maps them), so an ordinary install finds them too.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder ``name`` ("data" or "cypher"): beside the package, else inside it."""
    beside = _PACKAGE.parent / name
    return beside if beside.is_dir() else _PACKAGE / f"_{name}"


DATA_DIR = resource_dir("data")
CYPHER_DIR = resource_dir("cypher")
