"""Where kg's own files are: the domain data (``data/``), the Cypher (``cypher/``) and
the built page template of the HTML view (``web/dist/``, which ``scripts/build-web`` makes).

In a source checkout (and an editable install) they are the folders beside
``kg/``; a wheel carries them inside the package as ``kg/_data``, ``kg/_cypher``
and ``kg/_web`` (pyproject.toml maps them), so an ordinary install finds them too.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's parser (PyYAML's wheels carry it): several times faster than PyYAML's own, which
# took half of kg's start-up on the gazetteer and lexicon files.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str, packaged: str | None = None) -> Path:
    """The folder ``name`` ("data", "cypher", "web/dist") beside the package, else ``kg/<packaged>``
    (by default ``kg/_<name>``)."""
    beside = _PACKAGE.parent / name
    return beside if beside.is_dir() else _PACKAGE / (packaged or f"_{name}")


DATA_DIR = resource_dir("data")
CYPHER_DIR = resource_dir("cypher")
WEB_DIR = resource_dir("web/dist", packaged="_web")


def parse_yaml(text: str) -> Any:
    """The data of a YAML document, read safely (no arbitrary objects): ``yaml.safe_load``, faster."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
