"""Tests for kg.sources: every input format, and every kind of bad input as a ReadFailure."""
from __future__ import annotations

import errno
import io
from pathlib import Path

import pytest

from kg import sources
from kg.models import Article
from kg.sources import ReadFailure, SourceError, iter_files, read_articles

DATA = Path(__file__).parent / "data" / "sources"


def read_one(path: Path) -> Article | ReadFailure:
    (item,) = read_articles([path])
    return item


def read_stdin(data: str | bytes) -> list[Article | ReadFailure]:
    """Read "-" from a stream like sys.stdin: text over bytes (or plain text for a str)."""
    stream = io.StringIO(data) if isinstance(data, str) else io.TextIOWrapper(io.BytesIO(data))
    return list(read_articles(["-"], stdin=stream))


def write(directory: Path, name: str, data: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- formats -----------------------------------------------------------------


def test_sources_txt_is_read_as_is(tmp_path):
    path = write(tmp_path, "umerov-geneva.txt", "Rustem Umerov led the delegation.\n\nTalks went on.\n")
    assert read_one(path) == Article(
        id="umerov-geneva",
        text="Rustem Umerov led the delegation.\n\nTalks went on.",
        source=str(path),
    )


def test_sources_html_keeps_main_text_and_metadata():
    article = read_one(DATA / "geneva-talks.html")
    assert article.id == "geneva-talks"
    assert article.title == "Umerov to lead Ukrainian delegation at Geneva talks"
    assert article.date == "2025-11-20"
    assert article.url == "https://diplomatic-wire.example/2025/11/20/umerov-geneva-talks"
    assert "Rustem Umerov will lead the Ukrainian delegation" in article.text
    assert "The Kremlin accused Ukraine of exploiting a US-backed energy truce" in article.text
    for boilerplate in ("Subscribe", "Related stories", "Istanbul format", "Privacy policy", "rights reserved"):
        assert boilerplate not in article.text


def test_sources_html_paragraphs_are_separated_by_a_blank_line():
    paragraphs = read_one(DATA / "geneva-talks.html").text.split("\n\n")
    assert paragraphs[0] == "Umerov to lead Ukrainian delegation at Geneva talks"
    assert paragraphs[1].startswith("Ukraine's national security chief")
    assert paragraphs[-1].startswith("European officials said")


def test_sources_html_date_is_not_guessed_from_the_footer(tmp_path):
    """A page that states no date gets None, not 2025-01-01 from "(c) 2025"."""
    page = (DATA / "geneva-talks.html").read_text(encoding="utf-8")
    undated = "\n".join(
        line
        for line in page.splitlines()
        if "published_time" not in line and "<time" not in line and "2025/11/20" not in line
    )
    article = read_one(write(tmp_path, "undated.html", undated))
    assert "Rustem Umerov" in article.text
    assert article.date is None


def test_sources_markdown_is_rendered_to_plain_text():
    article = read_one(DATA / "ceasefire-talks.md")
    assert article.id == "ceasefire-talks"
    assert article.title == "Turkey offers to host new round of Russia–Ukraine talks"
    assert article.text.split("\n\n") == [
        "Turkey offers to host new round of Russia–Ukraine talks",
        "Ankara, 18 November 2025",
        "Turkish Foreign Minister Hakan Fidan said on Tuesday that Turkey was ready to host a new "
        "round of negotiations between the Russian and Ukrainian delegations in Istanbul.",
        "Who will attend",
        "Vladimir Medinsky is expected to lead the Russian delegation.",
        "Rustem Umerov will head the Ukrainian side.",
        '"Diplomacy is the only way out," Fidan told reporters.',
    ]


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        ("# Talks in Geneva\n\nText.", "Talks in Geneva"),
        ("Talks in Geneva\n===============\n\nText.", "Talks in Geneva"),
        ("## Only a subheading\n\nText.", None),
        ("Text first.\n\n# Late headline", "Late headline"),
    ],
)
def test_sources_markdown_title_is_the_first_level_one_heading(tmp_path, markdown, title):
    assert read_one(write(tmp_path, "a.markdown", markdown)).title == title


def test_sources_jsonl_yields_each_line_and_a_failure_for_the_bad_one():
    path = DATA / "wire.jsonl"
    first, bad, third = read_articles([path])
    assert first == Article(
        id="reuters-2025-11-21-geneva",
        text="US Secretary of State Marco Rubio met Ukrainian negotiators led by Rustem Umerov in Geneva on Sunday.",
        title="US and Ukraine hold talks in Geneva",
        date="2025-11-21",
        url="https://wire.example/geneva",
        source=f"{path}:1",
    )
    assert str(bad) == f"{path}:2: invalid JSON (Expecting ',' delimiter at column 46)"
    assert third.id == "wire-3"  # no "id": file stem and line number
    assert third.date is None  # "21 November 2025" is not ISO 8601


def test_sources_jsonl_skips_blank_lines_and_keeps_line_numbers(tmp_path):
    path = write(tmp_path, "a.jsonl", '\n{"text": "One."}\n   \n{"text": "Two."}\n')
    assert [(a.id, a.text) for a in read_articles([path])] == [("a-2", "One."), ("a-4", "Two.")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"2025-11-21"', "2025-11-21"),
        ('"2025-11-21T23:30:00-05:00"', "2025-11-21"),
        ('"2025-11-21T14:05:00Z"', "2025-11-21"),
        ('"21 November 2025"', None),
        ('"2025-13-01"', None),
        ("20251121", None),
        ("null", None),
    ],
)
def test_sources_jsonl_date_is_iso_or_none(tmp_path, value, expected):
    path = write(tmp_path, "a.jsonl", f'{{"text": "Talks.", "date": {value}}}\n')
    assert read_one(path).date == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [('"geneva-1"', "geneva-1"), ("17", "17"), ('"  spaced  "', "spaced")],
)
def test_sources_jsonl_id_may_be_a_string_or_a_number(tmp_path, value, expected):
    path = write(tmp_path, "a.jsonl", f'{{"id": {value}, "text": "Talks."}}\n')
    assert read_one(path).id == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Lavrov met Rubio in Riyadh.\n", [("stdin", "Lavrov met Rubio in Riyadh.")]),
        (b"\xef\xbb\xbfLavrov met Rubio.\r\n", [("stdin", "Lavrov met Rubio.")]),
        ('\n  {"id": "x", "text": "One."}\n{"text": "Two."}\n', [("x", "One."), ("stdin-3", "Two.")]),
        (b'{"text": "Caf\xc3\xa9 talks."}\n', [("stdin-1", "Café talks.")]),
    ],
)
def test_sources_stdin_is_plain_text_or_json_lines(data, expected):
    articles = read_stdin(data)
    assert [(a.id, a.text) for a in articles] == expected


def test_sources_stdin_names_itself_in_sources_and_failures():
    (article,) = read_stdin("Talks.")
    assert article.source == "<stdin>"
    ok, bad = read_stdin('{"text": "One."}\n[1]\n')
    assert ok.source == "<stdin>:1"
    assert str(bad) == "<stdin>:2: not a JSON object (got an array)"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffBOM first.", "BOM first."),
        ("Windows\r\nline ends\r\n", "Windows\nline ends"),
        ("Old Mac\rline ends", "Old Mac\nline ends"),
        ("Trailing   \nspaces\t\n\n\n", "Trailing\nspaces"),
        ("  Leading space stays.", "  Leading space stays."),
        ("Zelenskyy met Erdog\u0306an in Ankara.", "Zelenskyy met Erdoğan in Ankara."),  # NFD -> NFC
    ],
)
def test_sources_text_is_normalised(tmp_path, data, expected):
    assert read_one(write(tmp_path, "a.txt", data)).text == expected


# --- folders -----------------------------------------------------------------


def test_sources_folder_walk_is_sorted_and_skips_hidden_and_unsupported(tmp_path):
    for name in (
        "b.txt",
        "a/z.md",
        "a/c.html",
        "a.jsonl",
        "C.TXT",
        ".hidden.txt",
        ".git/config.txt",
        "a/.cache/x.md",
        "notes.pdf",
        "README",
    ):
        write(tmp_path, name, "Talks.")
    found = [path.relative_to(tmp_path).as_posix() for path in iter_files([tmp_path])]
    assert found == ["C.TXT", "a/c.html", "a/z.md", "a.jsonl", "b.txt"]


def test_sources_files_come_in_the_order_named(tmp_path):
    second = write(tmp_path, "b.txt", "Two.")
    first = write(tmp_path, "folder/a.txt", "One.")
    assert list(iter_files([second, tmp_path / "folder", "-"])) == [second, first, sources.STDIN]


def test_sources_a_hidden_file_named_explicitly_is_read(tmp_path):
    assert read_one(write(tmp_path, ".draft.txt", "Talks.")).id == ".draft"


def test_sources_ids_are_not_deduplicated(tmp_path):
    write(tmp_path, "x/talks.txt", "One.")
    write(tmp_path, "y/talks.md", "Two.")
    assert [a.id for a in read_articles([tmp_path])] == ["talks", "talks"]


def test_sources_are_read_one_at_a_time(tmp_path):
    """A file is opened only when its turn comes: one deleted meanwhile is reported, not read."""
    write(tmp_path, "a.txt", "One.")
    later = write(tmp_path, "b.txt", "Two.")
    items = read_articles([tmp_path])
    assert next(items).text == "One."
    later.unlink()
    assert str(next(items)) == f"{later}: no such file or directory"


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("latin1.txt", "Gespräche in Genf".encode("latin-1"), "not UTF-8 (byte 0xe4 at offset 5)"),
        ("bom.md", b"\xef\xbb\xbfab\xff", "not UTF-8 (byte 0xff at offset 5)"),
        ("utf16.txt", "Talks".encode("utf-16"), "not UTF-8 (it starts with a UTF-16 byte order mark)"),
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b" \n\t\r\n  ", "empty article"),
        ("blank.html", b"\n\n", "empty article"),
        ("markup-only.md", b"---\n\n![photo](a.jpg)\n", "empty article"),
        ("binary.txt", b"GIF89a\x01\x00\x00\x00", "binary file"),
        ("binary.jsonl", b'\x00\x01\x02{"text": "a"}\n', "binary file"),
        ("empty.jsonl", b"\n\n", "no articles (no JSON lines)"),
        (
            "nav-only.html",
            b"<html><head><title>Index</title></head><body><header><nav><ul>"
            b"<li><a href='/world'>World</a></li><li><a href='/europe'>Europe</a></li></ul></nav></header>"
            b"<main><img src='summit.jpg' alt='Summit'></main>"
            b"<footer><p>&copy; 2025 The Diplomatic Wire.</p><a href='/privacy'>Privacy</a></footer></body></html>",
            "no article text found",
        ),
    ],
)
def test_sources_bad_file_is_a_failure(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    assert list(read_articles([path])) == [ReadFailure(str(path), reason)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "a" "id": "b"}', "invalid JSON (Expecting ',' delimiter at column 14)"),
        ("[" * 100_000, "invalid JSON (nested too deeply)"),
        ('["text"]', "not a JSON object (got an array)"),
        ('"text"', "not a JSON object (got a string)"),
        ('{"title": "No body"}', "missing 'text'"),
        ('{"text": 42}', "'text' is not a string (got a number)"),
        ('{"text": null}', "'text' is not a string (got null)"),
        ('{"text": ""}', "empty article"),
        ('{"text": " \\n "}', "empty article"),
        ('{"id": ["a"], "text": "Talks."}', "'id' is not a string (got an array)"),
        ('{"id": true, "text": "Talks."}', "'id' is not a string (got a boolean)"),
        ('{"id": " ", "text": "Talks."}', "empty 'id'"),
        ('{"text": "caf\xe9"}', "not UTF-8 (byte 0xe9 at offset 33)"),  # offset in the file
    ],
)
def test_sources_bad_json_line_is_a_failure_and_the_others_go_on(tmp_path, line, reason):
    data = b'{"text": "Before."}\n' + line.encode("latin-1") + b'\n{"text": "After."}\n'
    path = write(tmp_path, "a.jsonl", data)
    before, failure, after = read_articles([path])
    assert (before.text, after.text) == ("Before.", "After.")
    assert str(failure) == f"{path}:2: {reason}"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file or directory"),
        ("report.pdf", "unsupported file type '.pdf' (expected .txt, .md, .markdown, .html, .htm, .jsonl, .jsonl.gz, .csv, .csv.gz)"),
        ("README", "unsupported file type (no suffix; expected .txt, .md, .markdown, .html, .htm, .jsonl, .jsonl.gz, .csv, .csv.gz)"),
    ],
)
def test_sources_bad_path_named_explicitly_is_a_failure(tmp_path, name, reason):
    if name != "missing.txt":
        write(tmp_path, name, "Talks.")
    path = tmp_path / name
    assert list(iter_files([path])) == [ReadFailure(str(path), reason)]
    assert list(read_articles([path])) == [ReadFailure(str(path), reason)]


def test_sources_unreadable_file_is_a_failure(tmp_path, monkeypatch):
    """Root reads any file, so the operating system's refusal is simulated."""
    path = write(tmp_path, "secret.txt", "Talks.")

    def refuse(file, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(file))

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    assert list(read_articles([path])) == [ReadFailure(str(path), "permission denied")]


def test_sources_unreadable_folder_is_a_failure_and_the_walk_goes_on(tmp_path, monkeypatch):
    write(tmp_path, "locked/a.txt", "One.")
    write(tmp_path, "open/b.txt", "Two.")
    scandir = sources.os.scandir

    def refuse_locked(path):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(sources.os, "scandir", refuse_locked)
    assert [str(item) for item in iter_files([tmp_path])] == [
        f"{tmp_path / 'locked'}: permission denied",
        str(tmp_path / "open" / "b.txt"),
    ]


@pytest.mark.parametrize(
    ("link", "target", "reason"),
    [
        ("gone.txt", "nowhere.txt", "no such file or directory"),
        ("folder.txt", "a-folder", "is a directory"),
    ],
)
def test_sources_broken_entry_in_a_folder_is_a_failure(tmp_path, link, target, reason):
    """A link in a walked folder that leads nowhere, or to a folder, is reported, not skipped."""
    corpus = tmp_path / "corpus"
    write(corpus, "ok.txt", "Talks.")
    (tmp_path / "a-folder").mkdir()
    (corpus / link).symlink_to(tmp_path / target)
    items = list(read_articles([corpus]))
    assert items[0] == ReadFailure(str(corpus / link), reason)
    assert items[1].id == "ok"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("big.txt", "x" * 2_000_000, "too large (1.9 MB, limit 1 MB)"),
        ("big.html", "<p>" + "x" * 2_000_000 + "</p>", "too large (1.9 MB, limit 1 MB)"),
    ],
)
def test_sources_file_over_the_limit_is_a_failure(tmp_path, monkeypatch, name, data, reason):
    monkeypatch.setattr(sources, "MAX_BYTES", 1024 * 1024)
    path = write(tmp_path, name, data)
    assert list(read_articles([path])) == [ReadFailure(str(path), reason)]


def test_sources_jsonl_line_over_the_limit_is_a_failure_and_the_others_go_on(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1024 * 1024)
    long_line = '{"text": "' + "x" * 3_000_000 + '"}'
    path = write(tmp_path, "a.jsonl", f'{long_line}\n{{"text": "Short."}}\n')
    failure, article = read_articles([path])
    assert str(failure) == f"{path}:1: too large (2.9 MB, limit 1 MB)"
    assert (article.id, article.text) == ("a-2", "Short.")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"x" * 2_000_000, "too large (over the 1 MB limit)"),
        (b"Gespr\xe4che", "not UTF-8 (byte 0xe4 at offset 5)"),
        (b"\x00\x01binary", "binary file"),
        (b"  \n", "empty article"),
        (b"", "empty article"),
    ],
)
def test_sources_bad_stdin_is_a_failure(monkeypatch, data, reason):
    monkeypatch.setattr(sources, "MAX_BYTES", 1024 * 1024)
    assert read_stdin(data) == [ReadFailure("<stdin>", reason)]


def test_sources_closed_stdin_is_a_failure(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    assert list(read_articles(["-"])) == [ReadFailure("<stdin>", "no standard input")]


def test_sources_failures_read_as_one_line():
    assert str(ReadFailure("data/x.html", "not UTF-8 (byte 0xff at offset 12)")) == (
        "data/x.html: not UTF-8 (byte 0xff at offset 12)"
    )
    error = SourceError("data/x.html", "binary file")
    assert (str(error), error.path, error.reason) == ("data/x.html: binary file", "data/x.html", "binary file")


def test_sources_skipped_files_are_the_unsupported_ones_inside_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "b.xlsx", "c.PDF", "noext", "sub/d.jsonl", "sub/e.png", ".hidden.xlsx", ".git/f.xlsx"):
        (tmp_path / name).write_text("x")
    named = tmp_path / "named.xlsx"  # named explicitly: a failure of its own, not a skipped file
    named.write_text("x")
    skipped: list[Path] = []
    assert list(iter_files([tmp_path, "-"], skipped)) == [tmp_path / "a.txt", tmp_path / "sub" / "d.jsonl", sources.STDIN]
    assert skipped == [tmp_path / n for n in ("b.xlsx", "c.PDF", "named.xlsx", "noext", "sub/e.png")]
    skipped = []
    first, failure = iter_files([tmp_path / "a.txt", named], skipped)
    assert first == tmp_path / "a.txt" and isinstance(failure, ReadFailure)
    assert failure.path == str(named) and failure.reason.startswith("unsupported file type '.xlsx'")
    assert skipped == []


def test_sources_folder_documentation_is_skipped_and_told(tmp_path):
    from kg.sources import read_articles

    (tmp_path / "README.md").write_text("# About this corpus\n\nArticles from a feed.", encoding="utf-8")
    (tmp_path / "SOURCE.md").write_text("Where the articles came from.", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("CC BY 2.5", encoding="utf-8")
    (tmp_path / "talks.txt").write_text("Turkey hosted talks.", encoding="utf-8")
    (tmp_path / "readme-of-talks.txt").write_text("Not documentation: a name that only starts so.", encoding="utf-8")
    skipped: list = []
    ids = [a.id for a in read_articles([tmp_path], skipped=skipped)]
    assert ids == ["readme-of-talks", "talks"]
    assert sorted(p.name for p in skipped) == ["LICENSE.txt", "README.md", "SOURCE.md"]
    # named on the command line, a README is read like any file
    assert [a.id for a in read_articles([tmp_path / "README.md"])] == ["README"]
