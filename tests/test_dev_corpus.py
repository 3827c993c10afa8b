"""The dev corpus copied into the repo stays the same as ../shared/corpus/dev."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent / "data" / "dev"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")
def test_dev_corpus_is_in_sync_with_shared():
    shared = {p.relative_to(SHARED): p.read_bytes() for p in SHARED.rglob("*") if p.is_file()}
    local = {p.relative_to(HERE): p.read_bytes() for p in HERE.rglob("*") if p.is_file() and p.name != "README.md"}
    assert local == shared, "run `make sync-dev` to copy ../shared/corpus/dev again"
