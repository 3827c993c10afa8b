"""kg finds its data and Cypher files in a checkout and in an installed wheel."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import resources


def test_resources_beside_the_package_in_a_checkout():
    root = Path(resources.__file__).resolve().parent.parent
    assert resources.DATA_DIR == root / "data" and (resources.DATA_DIR / "lexicon.yaml").is_file()
    assert resources.CYPHER_DIR == root / "cypher" and (resources.CYPHER_DIR / "load").is_dir()


def test_resources_inside_the_package_when_installed(tmp_path, monkeypatch: pytest.MonkeyPatch):
    package = tmp_path / "site-packages" / "kg"
    (package / "_data").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert resources.resource_dir("data") == package / "_data"


def test_resources_every_file_the_code_reads_is_in_the_wheel():
    """pyproject.toml's package-data globs cover every data and Cypher file."""
    import tomllib

    config = tomllib.loads((Path(resources.__file__).resolve().parent.parent / "pyproject.toml").read_text())
    setuptools = config["tool"]["setuptools"]
    packaged = set()
    for package, folder in setuptools["package-dir"].items():
        for pattern in setuptools["package-data"][package]:
            packaged |= {p.resolve() for p in (resources._PACKAGE.parent / folder).glob(pattern)}
    wanted = {p.resolve() for p in resources.CYPHER_DIR.rglob("*.cypher")}
    wanted |= {p.resolve() for p in resources.DATA_DIR.rglob("*.yaml")}
    assert wanted and wanted <= packaged, sorted(map(str, wanted - packaged))
