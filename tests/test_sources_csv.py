"""Tests for kg.sources' CSV and gzip readers: columns, ids, bad rows as one failure each, streams."""
from __future__ import annotations

import gzip
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from kg import sources
from kg.models import Article
from kg.sources import Columns, ReadFailure, iter_files, read_articles

WIKINEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews"


def write(directory: Path, name: str, data: str | bytes) -> Path:
    path = directory / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.lower().endswith(".gz") else data)
    return path


def fields(items: list[Article | ReadFailure]) -> list[tuple[str | None, ...] | str]:
    """Each article as (id, text, title, date, url), each failure as its line with the folder left out."""
    return [
        str(item).rsplit("/", 1)[-1] if isinstance(item, ReadFailure) else (item.id, item.text, item.title, item.date, item.url)
        for item in items
    ]


# --- columns and ids ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "columns", "expected"),
    [
        (
            "url,date,title,text\nhttps://a.example/1,2024-03-05,Talks resume,Envoys met in Doha.\n",
            Columns(),
            [("corpus-1", "Envoys met in Doha.", "Talks resume", "2024-03-05", "https://a.example/1")],
        ),
        (  # other common names, any case, any order
            "Body,LINK,Headline,Published,ID\nThe summit ended.,https://b.example,Summit,2024-01-02T10:00:00Z,b-7\n",
            Columns(),
            [("b-7", "The summit ended.", "Summit", "2024-01-02", "https://b.example")],
        ),
        (
            "article_id,content,pubdate\n91,Ministers met.,2023-12-31 23:59:00\n",
            Columns(),
            [("91", "Ministers met.", None, "2023-12-31", None)],
        ),
        (  # news-please's names; a date that is not ISO 8601 is left out
            "maintext,date_publish,guid\nA truce held.,5 May 2024,\n",
            Columns(),
            [("corpus-1", "A truce held.", None, None, None)],
        ),
        (  # "text" is tried before "content"
            "content,text\nthe teaser,the article\n",
            Columns(),
            [("corpus-1", "the article", None, None, None)],
        ),
        (  # columns named by the user win, compared case-insensitively when not exact
            "text,story,when,key\nteaser,The full story.,2022-02-02,k1\n",
            Columns(text="STORY", date="when", id="key"),
            [("k1", "The full story.", None, "2022-02-02", None)],
        ),
        (  # quoted fields hold commas, quotes and line breaks; CRLF line ends; blank lines are not rows
            'text,title\r\n"Envoys met, then ""talked"".\r\n\r\nMore.",T1\r\n\r\n"Second.",\r\n',
            Columns(),
            [("corpus-1", 'Envoys met, then "talked".\n\nMore.', "T1", None, None), ("corpus-2", "Second.", None, None, None)],
        ),
        (  # a byte order mark does not stick to the first column's name; an empty id cell falls back
            "\ufeffid,text\n,First.\nx2,Second.\n",
            Columns(),
            [("corpus-1", "First.", None, None, None), ("x2", "Second.", None, None, None)],
        ),
    ],
)
def test_sources_csv_columns_are_recognised_or_named(tmp_path, data, columns, expected):
    path = write(tmp_path, "corpus.csv", data)
    articles = list(read_articles([path], columns=columns))
    assert fields(articles) == expected
    assert [a.source for a in articles] == [f"{path} row {n}" for n in range(1, len(expected) + 1)]


def test_sources_csv_gz_and_jsonl_gz_read_like_their_plain_files(tmp_path):
    csv_gz = write(tmp_path, "Wire.CSV.GZ", "text,date\nEnvoys met.,2024-03-05\n")
    jsonl_gz = write(tmp_path, "wire.jsonl.gz", '{"text": "One."}\n{"id": "j2", "text": "Two."}\n')
    assert fields(list(read_articles([csv_gz, jsonl_gz]))) == [
        ("Wire-1", "Envoys met.", None, "2024-03-05", None),
        ("wire-1", "One.", None, None, None),
        ("j2", "Two.", None, None, None),
    ]


def test_sources_csv_and_gzip_files_are_found_in_folders(tmp_path):
    for name in ("a.csv", "b.csv.gz", "c.jsonl.gz", "d.CSV", "e.gz", "f.txt.gz", "g.csv.zip", ".csv"):
        write(tmp_path, name, "text\nTalks.\n")
    skipped: list[Path] = []
    found = [path.name for path in iter_files([tmp_path], skipped)]
    assert found == ["a.csv", "b.csv.gz", "c.jsonl.gz", "d.CSV"]
    assert [path.name for path in skipped] == ["e.gz", "f.txt.gz", "g.csv.zip"]


# --- bad rows: one failure each, the rest goes on -------------------------------


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (b"2,Only two fields", "2 fields where the header has 3"),
        (b"2,Too,many,fields", "4 fields where the header has 3"),
        (b'2,"",empty text', "empty article"),
        (b"2,  ,blank text", "empty article"),
        (b"2,Gespr\xe4che in Genf,latin-1", "not UTF-8 (byte 0xe4 in column 'text')"),
        (b"2,Talks,caf\xe9", "not UTF-8 (byte 0xe9 in column 'title')"),
        (b"2,Talks\x00,nul", "binary data (a NUL byte in column 'text')"),
    ],
)
def test_sources_csv_bad_row_is_a_failure_and_the_others_go_on(tmp_path, row, reason):
    data = b"id,text,title\n1,Before.,B\n" + row + b"\n3,After.,A\n"
    path = write(tmp_path, "corpus.csv", data)
    assert fields(list(read_articles([path]))) == [
        ("1", "Before.", "B", None, None),
        f"corpus.csv row 2: {reason}",
        ("3", "After.", "A", None, None),
    ]


def test_sources_csv_bytes_that_are_not_utf8_in_an_unread_column_do_not_matter(tmp_path):
    path = write(tmp_path, "corpus.csv", b"text,author\nTalks.,M\xfcller\n")
    assert fields(list(read_articles([path]))) == [("corpus-1", "Talks.", None, None, None)]


@pytest.mark.parametrize(
    ("big_row", "reason"),
    [
        ("2," + "x" * 3_000_000, "too large (2.9 MB, limit 1 MB)"),  # one long line
        ('2,"' + 'a ""quoted"", spread\n' * 150_000 + '"', "too large (3 MB, limit 1 MB)"),  # a quoted field over many lines
        ("2," + "y" * 1_048_575 + "z", "too large (1 MB, limit 1 MB)"),  # one character over
    ],
)
def test_sources_csv_row_over_the_limit_is_a_failure_and_the_next_row_is_read(tmp_path, monkeypatch, big_row, reason):
    monkeypatch.setattr(sources, "MAX_BYTES", 1024 * 1024)
    path = write(tmp_path, "corpus.csv", f'id,text\n1,Before.\n{big_row}\n3,"After, at last."\n')
    assert fields(list(read_articles([path]))) == [
        ("1", "Before.", None, None, None),
        f"corpus.csv row 2: {reason}",
        ("3", "After, at last.", None, None, None),
    ]


def test_sources_csv_row_just_under_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1024 * 1024)
    text = "w" * (1024 * 1024 - len("2,\n"))
    path = write(tmp_path, "corpus.csv", f"id,text\n2,{text}\n")
    (article,) = read_articles([path])
    assert article.text == text


def test_sources_csv_reads_more_than_csv_modules_default_field_limit(tmp_path):
    text = "Envoys met. " * 20_000  # 240 KB: csv refuses fields over 128 KB unless told otherwise
    path = write(tmp_path, "corpus.csv", f"text\n{text}\n")
    (article,) = read_articles([path])
    assert article.text == text.rstrip()


def test_sources_corrupt_gzip_keeps_the_articles_read_before_it(tmp_path):
    rows = "".join(f"{n},Article number {n} about talks.\n" for n in range(1, 20_001))
    whole = gzip.compress(f"id,text\n{rows}".encode())
    path = tmp_path / "corpus.csv.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(read_articles([path]))
    *articles, failure = items
    assert [a.id for a in articles] == [str(n) for n in range(1, len(articles) + 1)]
    assert len(articles) > 5_000
    assert str(failure) == (
        f"{path}: corrupt gzip stream (Compressed file ended before the end-of-stream marker was reached)"
    )


# --- bad files: one failure each ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "columns", "reason"),
    [
        ("empty.csv", b"", Columns(), "empty file (no header)"),
        ("header-only.csv", b"url,text\n", Columns(), "no articles (no rows under the header)"),
        (
            "no-text.csv",
            b"url,date,summary\nhttps://a.example,2024-01-01,Short.\n",
            Columns(),
            "no text column (expected one of text, body, content, article, full_text, maintext, "
            "or name it with --text-column); its columns: 'url', 'date', 'summary'",
        ),
        (
            "named.csv",
            b"url,text\nhttps://a.example,Talks.\n",
            Columns(date="published_on"),
            "no column 'published_on' (named by --date-column); its columns: 'url', 'text'",
        ),
        ("binary.csv", b"GIF89a\x01\x00\x00,text\n", Columns(), "binary file"),
        ("utf16.csv", "text\nTalks.\n".encode("utf-16"), Columns(), "not UTF-8 (it starts with a UTF-16 byte order mark)"),
        ("latin1.csv", "text,r\xe9sum\xe9\nTalks.,x\n".encode("latin-1"), Columns(), "not UTF-8 (byte 0xe9 in the header)"),
        ("plain.csv.gz", None, Columns(), "corrupt gzip stream (Not a gzipped file (b'te'))"),
        ("plain.jsonl.gz", None, Columns(), "corrupt gzip stream (Not a gzipped file (b'te'))"),
    ],
)
def test_sources_bad_csv_file_is_one_failure(tmp_path, name, data, columns, reason):
    path = tmp_path / name
    path.write_bytes(b"text\nTalks.\n" if data is None else data)  # None: not compressed at all
    assert list(read_articles([path], columns=columns)) == [ReadFailure(str(path), reason)]


def test_sources_csv_file_with_many_columns_lists_a_few(tmp_path):
    path = write(tmp_path, "wide.csv", ",".join(f"c{n}" for n in range(30)) + "\n" + "x," * 29 + "x\n")
    (failure,) = read_articles([path])
    assert failure.reason.endswith("'c10', 'c11' and 18 more")


# --- the Wikinews CSVs, as they are -------------------------------------------


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="../shared is not beside the repo")
def test_sources_csv_reads_every_wikinews_article():
    items = list(read_articles(sorted(WIKINEWS.glob("*.csv"))))
    assert not [item for item in items if isinstance(item, ReadFailure)]
    assert len(items) == 295
    assert len({a.id for a in items}) == 295
    assert all(a.text.strip() and a.title and a.url.startswith("https://") for a in items)
    assert all(date.fromisoformat(a.date).isoformat() == a.date for a in items)
    assert items[0].id == "wikinews_2019-1" and items[-1].id == "wikinews_2020-124"


def test_sources_csv_gz_is_streamed_a_row_at_a_time(tmp_path):
    """Reading ~9 MB of rows holds about one row: the peak of memory allocated stays far below the file."""
    rows = "".join(f'{n},"Envoys met in Geneva, again; row {n}. {"More words. " * 24}"\n' for n in range(30_000))
    path = tmp_path / "big.csv.gz"
    path.write_bytes(gzip.compress(f"id,text\n{rows}".encode(), compresslevel=1))
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_articles([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 30_000
    assert peak < len(rows) / 20
