"""Property tests (hypothesis): no input makes a reader or the pipeline raise.

Every reader gets arbitrary bytes and arbitrary text, and bytes built from the
characters its format cares about (quotes, commas, braces, markup, a byte order
mark, bytes that are not UTF-8); everything must come back as an Article with
text, or as a ReadFailure of one line. The pipeline gets arbitrary text and
text made of the words its rules look for.
"""
from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg import sources
from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.models import Article, Extraction
from kg.sources import ReadFailure, read_articles

FILE_NAMES = ["a.txt", "a.md", "a.html", "a.jsonl", "a.csv", "a.csv.gz", "a.jsonl.gz"]

# Pieces that steer the readers into their branches: CSV quoting and line ends, JSON and its
# escapes (a lone surrogate among them), markup, a byte order mark, NUL and bytes that are not UTF-8.
PIECES = [
    b",", b'"', b'""', b"\n", b"\r\n", b"\r", b" ", b"text", b"Text,title,id,date", b"2024-03-05",
    b"{", b"}", b'"text":', b'"id":', b"[", b"]", b"null", b"17", b"\\", b"\\ud800", b"\\u00e9",
    b"<p>", b"</p>", b"<html><body>", b"# ", b"*", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xe9", b"\xc3\xa9",
    b"Envoys met in Geneva.",
]
SHAPED_BYTES = st.lists(st.sampled_from(PIECES), max_size=60).map(b"".join)
ANY_BYTES = st.one_of(st.binary(max_size=3000), SHAPED_BYTES)
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=2000)  # lone surrogates included

# Words the actor and relation rules look for, to be strung together in any order.
WORDS = [
    "Russia", "Ukraine", "Turkey", "the United States", "NATO", "the EU", "Rustem Umerov", "Vladimir Medinsky",
    "Hakan Fidan", "President", "Foreign Minister", "the delegation", "delegation", "led", "is led by", "heads",
    "accused", "of", "met", "with", "mediated", "talks", "between", "and", "hosted", "negotiated", "said",
    "in", "Geneva", "'s", "who", "head of", "its", ",", ".", '"', "(", ")", "-", "–", "\n\n", "U.S.", "Kremlin",
]
NEWSY_TEXT = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@contextlib.contextmanager
def size_limit(limit: int | None) -> Iterator[None]:
    """Run with sources.MAX_BYTES set to ``limit`` (None: as it is), so that small inputs pass it."""
    saved = sources.MAX_BYTES
    sources.MAX_BYTES = limit or saved
    try:
        yield
    finally:
        sources.MAX_BYTES = saved


def assert_articles_or_failures(items: list[object]) -> None:
    for item in items:
        assert isinstance(item, (Article, ReadFailure)), item
        if isinstance(item, Article):
            assert item.text.strip() and item.id.strip()
            for value in (item.id, item.text, item.title, item.date, item.url):
                if value is not None:
                    value.encode("utf-8")  # every field can be written out
        else:
            assert "\n" not in str(item) and "\r" not in str(item), str(item)


def write(folder: Path, name: str, data: bytes, compress: bool) -> Path:
    path = folder / name
    path.write_bytes(gzip.compress(data) if compress and name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize("name", FILE_NAMES)
@settings(max_examples=80, deadline=None)
@given(data=ANY_BYTES, compress=st.booleans(), limit=st.sampled_from([None, 40]))
def test_sources_any_bytes_in_a_file_give_articles_or_failures(folder, name, data, compress, limit):
    path = write(folder, name, data, compress)
    with size_limit(limit):
        assert_articles_or_failures(list(read_articles([path])))


@pytest.mark.parametrize("name", ["a.csv.gz", "a.jsonl.gz"])
@settings(max_examples=50, deadline=None)
@given(data=ANY_BYTES, cut=st.integers(min_value=0, max_value=200))
def test_sources_any_truncated_gzip_gives_articles_or_failures(folder, name, data, cut):
    compressed = gzip.compress(data)
    path = folder / name
    path.write_bytes(compressed[: max(0, len(compressed) - cut)])
    assert_articles_or_failures(list(read_articles([path])))


@settings(max_examples=100, deadline=None)
@given(data=ANY_BYTES, limit=st.sampled_from([None, 40]))
def test_sources_any_bytes_on_stdin_give_articles_or_failures(data, limit):
    with size_limit(limit):
        assert_articles_or_failures(list(read_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(data)))))


@settings(max_examples=100, deadline=None)
@given(text=ANY_TEXT)
def test_sources_any_text_on_stdin_gives_articles_or_failures(text):
    assert_articles_or_failures(list(read_articles(["-"], stdin=io.StringIO(text))))


@pytest.mark.parametrize("name", FILE_NAMES)
@settings(max_examples=50, deadline=None)
@given(text=ANY_TEXT)
def test_sources_any_text_in_a_file_gives_articles_or_failures(folder, name, text):
    path = write(folder, name, text.encode("utf-8", "surrogatepass"), compress=True)
    assert_articles_or_failures(list(read_articles([path])))


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.model
@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(max_size=400), NEWSY_TEXT))
@example(text="NATO")  # a known organisation as the last word: the rule looked at the word after it
def test_extract_any_text_gives_an_extraction(nlp, gazetteer, text):
    extraction = extract(nlp(text), Article(id="any", text=text), gazetteer)
    assert isinstance(extraction, Extraction)
    for relation in extraction.relations:
        assert relation.source in extraction.actors and relation.target in extraction.actors
