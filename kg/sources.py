"""Read articles from files, folders and standard input.

:func:`read_articles` turns the paths a user names (files, folders, ``"-"`` for
standard input) into a stream of :class:`~kg.models.Article` values, one file
at a time, so memory does not grow with the corpus. Input that cannot be read,
decoded or parsed never raises: it becomes a :class:`ReadFailure` in the same
stream ("data/x.html: not UTF-8 (byte 0xff at offset 12)") and the next file
goes on. The caller prints failures and sets the exit code.

Formats, chosen by suffix (case-insensitive):

- ``.txt``: the text as it is.
- ``.md``, ``.markdown``: Markdown rendered to plain text with markdown-it-py;
  the first ``# heading`` is the title.
- ``.html``, ``.htm``: the main text and metadata (title, date, url) extracted
  with trafilatura; navigation, footers and comments are left out.
- ``.jsonl``: one JSON object per line with ``text`` and optional ``id``,
  ``title``, ``date``, ``url``; a bad line fails alone.
- ``.csv``: one article per row under a header; the columns are recognised by
  the common names of news datasets (:data:`COLUMN_NAMES`) or named by a
  :class:`Columns`; a bad row fails alone ("corpus.csv row 17: ...").
- ``.csv.gz``, ``.jsonl.gz``: the same, gzip-compressed; a corrupt stream ends
  the file with one failure, the articles read before it are kept.

JSON lines and CSV rows are streamed: memory does not grow with the file, only
with the largest line or row (:data:`MAX_BYTES`).

Every text is decoded as UTF-8 (a byte order mark is dropped), newlines become
``\\n``, Unicode is NFC-normalised and trailing whitespace is stripped. Blocks
(paragraphs, headings, list items) are separated by a blank line, so sentences
do not run across them.

Example::

    for item in read_articles(["data/articles/", "-"]):
        if isinstance(item, ReadFailure):
            print(item, file=sys.stderr)
        else:
            handle(item)
"""
from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import os
import re
import stat
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.models import Article

__all__ = [
    "COLUMN_NAMES",
    "MAX_BYTES",
    "STDIN",
    "STDIN_NAME",
    "SUPPORTED_SUFFIXES",
    "Columns",
    "ReadFailure",
    "SourceError",
    "iter_files",
    "read_articles",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".jsonl.gz", ".csv", ".csv.gz")

MAX_BYTES = 20 * 1024 * 1024
"""The largest input read: a file, one JSON line, one CSV row (counted in characters), or
standard input. Larger is a failure."""

# The names under which common news datasets keep each field of an article, tried in this
# order, case-insensitively: the Wikinews CSVs (url, date, title, text), All the News (id,
# title, date, url, content), CC-News (title, text, date, url), news-please's crawls (title,
# maintext, date_publish, url), the News Category dataset (headline, link, date), RSS
# exports (guid, link, pubDate). A file whose names differ is read with a :class:`Columns`.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "maintext"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "published_date", "date_publish", "pubdate"),
    "url": ("url", "link"),
    "id": ("id", "article_id", "guid"),
}

STDIN = Path("-")
"""What :func:`iter_files` yields for ``"-"``: read standard input there."""

STDIN_NAME = "<stdin>"
"""How standard input is named in failures and in ``Article.source``."""

_MB = 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_JSON_TYPE_NAMES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as surrogateescape decodes them
_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKDOWN = MarkdownIt("commonmark")
# Only the date the page states counts: trafilatura's extensive search would
# otherwise take "(c) 2025" in a footer for 2025-01-01.
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}


class SourceError(Exception):
    """An input that cannot be read as an article. ``str(e)`` is ``"path: reason"``.

    Raised inside this module only; :func:`read_articles` turns it into a
    :class:`ReadFailure`.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Columns:
    """The CSV columns that hold each field of an article, named by the user.

    A field left as None is looked up in :data:`COLUMN_NAMES`; a named column must
    exist in the file (compared case-insensitively when no column has the exact name).
    ``Columns(text="body_html", date="first_seen")`` reads a dataset with its own names.
    """

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """An input that yielded no article, and why, in plain words.

    ``path`` names the file, ``"file.jsonl:3"`` for a JSON line, or
    ``"<stdin>"``. ``str(failure)`` is the one line to show the user.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def iter_files(paths: Iterable[str | Path], skipped: list[Path] | None = None) -> Iterator[Path | ReadFailure]:
    """Yield the article files that ``paths`` name, in a deterministic order.

    A folder is walked recursively, entries sorted by name; inside it, hidden
    entries (names starting with ".") and files with an unsupported suffix are
    skipped (the latter appended to ``skipped``, when given, for the user to be
    told: a .pdf, a spreadsheet, an image), and so is the folder's documentation
    (README.md, SOURCE.md, LICENSE: :func:`is_documentation`, also told); links to
    folders are not followed. A file named explicitly must have a supported suffix. ``"-"`` yields :data:`STDIN`.
    A missing path, an explicitly named unsupported file or an unreadable
    folder yields a :class:`ReadFailure`.
    """
    for name in paths:
        path = Path(name)
        if path == STDIN:
            yield STDIN
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            yield ReadFailure(str(path), _os_reason(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, skipped)
        elif _is_supported(path):
            yield path
        else:
            yield ReadFailure(str(path), _unsupported_reason(path))


def read_articles(
    paths: Iterable[str | Path],
    stdin: TextIO | None = None,
    skipped: list[Path] | None = None,
    columns: Columns = Columns(),
) -> Iterator[Article | ReadFailure]:
    """Yield an :class:`Article` or a :class:`ReadFailure` for each input, never raising.

    ``paths`` and ``skipped`` as for :func:`iter_files`. ``"-"`` reads ``stdin`` (default
    ``sys.stdin``): as JSON lines when its first non-blank character is "{",
    else as one plain-text article with id "stdin". ``columns`` names the
    columns of CSV files that :data:`COLUMN_NAMES` does not know. Articles are
    not de-duplicated: two inputs with the same id both come through.
    """
    for item in iter_files(paths, skipped):
        if isinstance(item, ReadFailure):
            yield item
        elif item == STDIN:
            yield from _failures_caught(_read_stdin(sys.stdin if stdin is None else stdin))
        else:
            yield from _failures_caught(_read_file(item, columns))


def _walk(directory: Path, skipped: list[Path] | None) -> Iterator[Path | ReadFailure]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield ReadFailure(str(directory), _os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, skipped)
        elif _is_supported(path) and not is_documentation(path):
            yield path
        elif skipped is not None:
            skipped.append(path)


# The files that describe a folder rather than hold an article: a folder's README, the note on
# where its data came from, its licence. Named on the command line, they are read like any file.
DOCUMENTATION_NAMES = frozenset({"readme", "source", "sources", "license", "licence", "copying", "notice",
                                 "changelog", "citation"})


def is_documentation(path: Path) -> bool:
    """Whether a file found in a folder is the folder's documentation (README.md, SOURCE.md)."""
    return path.name.split(".")[0].lower() in DOCUMENTATION_NAMES


def _is_supported(path: Path) -> bool:
    return bool(_suffix(path))


def _suffix(path: Path) -> str:
    """The supported suffix that ends the file name, lower-cased (".csv.gz" whole), else ""."""
    name = path.name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return ""


def _unsupported_reason(path: Path) -> str:
    expected = ", ".join(SUPPORTED_SUFFIXES)
    if not path.suffix:
        return f"unsupported file type (no suffix; expected {expected})"
    return f"unsupported file type '{path.suffix}' (expected {expected})"


def _failures_caught(
    items: Iterator[Article | ReadFailure],
) -> Iterator[Article | ReadFailure]:
    """Pass ``items`` through; a :class:`SourceError` ends them with a :class:`ReadFailure`."""
    try:
        yield from items
    except SourceError as error:
        yield ReadFailure(error.path, error.reason)


def _read_file(path: Path, columns: Columns) -> Iterator[Article | ReadFailure]:
    name = str(path)
    suffix = _suffix(path)
    stem = path.name[: -len(suffix)]
    try:
        if suffix in (".jsonl", ".jsonl.gz", ".csv", ".csv.gz"):
            with open(path, "rb") as raw, _decompressed(raw, suffix) as stream:
                if suffix.startswith(".csv"):
                    yield from _read_csv(stream, name, stem, columns)
                else:
                    yield from _read_jsonl(_lines(stream), name, default_id=stem)
            return
        data = _read_bytes(path, name)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:  # what gzip raises on a damaged stream
        raise SourceError(name, f"corrupt gzip stream ({error})") from None
    except OSError as error:
        raise SourceError(name, _os_reason(error)) from None
    _reject_binary(data, name)
    text = _decode(data, name)
    if suffix in (".html", ".htm"):
        yield _html_article(text, stem, name)
    elif suffix in (".md", ".markdown"):
        yield _markdown_article(text, stem, name)
    else:
        yield _text_article(text, stem, name)


def _decompressed(raw: BinaryIO, suffix: str) -> BinaryIO:
    """``raw`` itself, or its gzip-decompressed stream for a ``.gz`` suffix."""
    if suffix.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")
    return raw


def _read_bytes(path: Path, name: str) -> bytes:
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > MAX_BYTES:
            raise SourceError(name, _too_large(size))
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # the file grew after it was measured
        raise SourceError(name, _too_large(None))
    return data


def _read_stdin(stdin: TextIO | None) -> Iterator[Article | ReadFailure]:
    """Read standard input as JSON lines or as one plain-text article.

    The bytes underneath a text stream are read, so the terminal's locale does
    not matter; a stream without them (``io.StringIO``) is re-encoded.
    """
    if stdin is None:  # Python sets sys.stdin to None when file descriptor 0 is closed
        raise SourceError(STDIN_NAME, "no standard input")
    stream: BinaryIO | None = getattr(stdin, "buffer", None)
    if stream is None:
        try:
            stream = io.BytesIO(stdin.read().encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError as error:  # a lone surrogate that stands for no byte
            raise SourceError(STDIN_NAME, _lone_surrogate(error.object[error.start])) from None
    lines = _lines(stream)
    # the leading blank lines and the first non-blank one, read to pick the format
    head: list[tuple[bytes, int]] = []
    for line, length in lines:
        head.append((line, length))
        if line.removeprefix(_UTF8_BOM).strip():
            break
    first = head[-1][0] if head else b""
    if first.removeprefix(_UTF8_BOM).lstrip().startswith(b"{"):
        yield from _read_jsonl(itertools.chain(head, lines), STDIN_NAME, default_id="stdin")
        return
    consumed = sum(length for _, length in head)
    if consumed > MAX_BYTES:
        raise SourceError(STDIN_NAME, _too_large(None))
    data = b"".join(line for line, _ in head) + stream.read(MAX_BYTES + 1 - consumed)
    if len(data) > MAX_BYTES:
        raise SourceError(STDIN_NAME, _too_large(None))
    _reject_binary(data, STDIN_NAME)
    yield _text_article(_decode(data, STDIN_NAME), "stdin", STDIN_NAME)


def _lines(stream: BinaryIO) -> Iterator[tuple[bytes, int]]:
    """Yield each line of ``stream`` with its length in bytes, without holding long lines.

    A line longer than :data:`MAX_BYTES` comes back cut to ``MAX_BYTES + 1``
    bytes with its full length, so the caller can report it as too large.
    """
    limit = MAX_BYTES + 1
    while line := stream.readline(limit):
        length = len(line)
        if length == limit and not line.endswith(b"\n"):
            while rest := stream.readline(limit):
                length += len(rest)
                if rest.endswith(b"\n"):
                    break
        yield line, length


def _read_jsonl(
    lines: Iterable[tuple[bytes, int]], name: str, default_id: str
) -> Iterator[Article | ReadFailure]:
    """Yield one article per non-blank JSON line; a bad line yields a failure naming ``name:line``.

    A line without ``id`` gets ``<default_id>-<line number>``. A file that
    looks binary fails as a whole, and so does one without any JSON line.
    """
    offset = 0
    found = False
    for number, (line, length) in enumerate(lines, start=1):
        where = f"{name}:{number}"
        start, offset = offset, offset + length
        if length > MAX_BYTES:
            found = True
            yield ReadFailure(where, _too_large(length))
            continue
        _reject_binary(line, name)
        try:
            text = _decode(line, where, start)
        except SourceError as error:
            yield ReadFailure(error.path, error.reason)
            continue
        if not text.strip():
            continue
        found = True
        try:
            article = _json_article(text, where, f"{default_id}-{number}")
        except SourceError as error:
            yield ReadFailure(error.path, error.reason)
            continue
        yield article
    if not found:
        raise SourceError(name, "no articles (no JSON lines)")


def _json_article(line: str, where: str, default_id: str) -> Article:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise SourceError(where, f"invalid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise SourceError(where, "invalid JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise SourceError(where, f"not a JSON object (got {_json_type_name(value)})")
    if "text" not in value:
        raise SourceError(where, "missing 'text'")
    if not isinstance(value["text"], str):
        raise SourceError(where, f"'text' is not a string (got {_json_type_name(value['text'])})")
    article_id = value.get("id")
    if article_id is None:
        article_id = default_id
    elif isinstance(article_id, bool) or not isinstance(article_id, (str, int)):
        raise SourceError(where, f"'id' is not a string (got {_json_type_name(article_id)})")
    elif not str(article_id).strip():
        raise SourceError(where, "empty 'id'")
    return _checked_article(
        id=str(article_id).strip(),
        text=_normalise(value["text"]),
        title=_optional_text(value.get("title")),
        date=_iso_date(value.get("date")),
        url=_optional_text(value.get("url")),
        source=where,
    )


class _RecordTooLarge(Exception):
    """Raised through :func:`csv.reader` by :class:`_CsvLines` when a row passes :data:`MAX_BYTES`."""


class _CsvLines:
    """The lines of a CSV text stream, as :func:`csv.reader` pulls them, with each row measured.

    A row is counted from :meth:`start_row` on; one larger than :data:`MAX_BYTES`
    characters raises :class:`_RecordTooLarge` before it is held whole, and
    :meth:`skip_row` then reads past the rest of it. Lines are read with a
    length limit, so a file without line breaks is held in pieces, never whole.
    A class, not a generator: it goes on after raising.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.size = 0  # characters of the current row read so far
        self._quotes = 0  # quote characters among them
        self._line_ended = True

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        line = self._stream.readline(MAX_BYTES + 1 - self.size)
        if not line:
            raise StopIteration
        self._count(line)
        if self.size > MAX_BYTES:
            raise _RecordTooLarge
        return line

    def start_row(self) -> None:
        self.size = self._quotes = 0

    def skip_row(self) -> None:
        """Read past the rest of the current row: its last line, and every line its quoted field spans.

        CSV doubles a quote inside a quoted field, so a row whose quote
        characters are odd in number goes on past the end of the line.
        """
        while not self._line_ended or self._quotes % 2:
            line = self._stream.readline(_MB)
            if not line:
                return
            self._count(line)

    def _count(self, line: str) -> None:
        self.size += len(line)
        self._quotes += line.count('"')
        self._line_ended = line.endswith(("\n", "\r"))


def _read_csv(stream: BinaryIO, name: str, stem: str, columns: Columns) -> Iterator[Article | ReadFailure]:
    """Yield one article per row under the header; a bad row yields a failure naming ``name row N``.

    Rows are numbered from 1 after the header, blank lines not counted. A row's
    id is its id column's value, or ``<stem>-<row number>`` when the file has no
    id column or the cell is empty. Bytes that are not UTF-8 fail their row
    alone (the file is decoded with ``surrogateescape``, then each cell read is
    checked), and so do a row with more or fewer fields than the header and a row
    over :data:`MAX_BYTES`. A file that looks binary, has no header or no text
    column fails as a whole.
    """
    # Rows are measured by _CsvLines; csv's own limit on a field (128 KB by default) must not come first.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES + 1))
    rows = _csv_rows(_CsvLines(io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")))
    header = next(rows, None)
    if header is None:
        raise SourceError(name, "empty file (no header)")
    if isinstance(header, str):
        raise SourceError(name, f"unreadable header: {header}")
    _check_header(header, name)
    where_is = _csv_columns(header, columns, name)
    found = False
    for number, row in enumerate(rows, start=1):
        found = True
        where = f"{name} row {number}"
        try:
            if isinstance(row, str):
                raise SourceError(where, row)
            yield _csv_article(row, header, where_is, where, f"{stem}-{number}")
        except SourceError as error:
            yield ReadFailure(error.path, error.reason)
    if not found:
        raise SourceError(name, "no articles (no rows under the header)")


def _csv_rows(lines: _CsvLines) -> Iterator[list[str] | str]:
    """Yield each non-blank row of ``lines`` as its fields, or as the reason it cannot be read."""
    reader = csv.reader(lines)
    while True:
        lines.start_row()
        try:
            row = next(reader)
        except StopIteration:
            return
        except _RecordTooLarge:
            lines.skip_row()
            yield _too_large(lines.size)
        except csv.Error as error:
            lines.skip_row()
            yield f"not valid CSV ({error})"
        else:
            if row:
                yield row


def _check_header(header: list[str], name: str) -> None:
    if header[0].startswith(("\udcff\udcfe", "\udcfe\udcff")):
        raise SourceError(name, "not UTF-8 (it starts with a UTF-16 byte order mark)")
    if any("\0" in column for column in header):
        raise SourceError(name, "binary file")
    for column in header:
        if bad := _UNDECODABLE.search(column):
            raise SourceError(name, f"not UTF-8 (byte 0x{_escaped_byte(bad.group())} in the header)")


def _csv_columns(header: list[str], columns: Columns, name: str) -> dict[str, int]:
    """Where each field of :class:`Columns` is in ``header``: the column named, else the first known name."""
    folded = [column.strip().casefold() for column in header]
    where_is = {}
    for field in fields(Columns):
        named = getattr(columns, field.name)
        if named is None:
            index = next((folded.index(known) for known in COLUMN_NAMES[field.name] if known in folded), None)
        elif named in header:
            index = header.index(named)
        elif named.strip().casefold() in folded:
            index = folded.index(named.strip().casefold())
        else:
            raise SourceError(name, f"no column {named!r} (named by --{field.name}-column); "
                                    f"its columns: {_listed(header)}")
        if index is not None:
            where_is[field.name] = index
    if "text" not in where_is:
        raise SourceError(name, f"no text column (expected one of {', '.join(COLUMN_NAMES['text'])}, "
                                f"or name it with --text-column); its columns: {_listed(header)}")
    return where_is


def _csv_article(
    row: list[str], header: list[str], where_is: dict[str, int], where: str, default_id: str
) -> Article:
    if len(row) != len(header):
        raise SourceError(where, f"{len(row)} fields where the header has {len(header)}")
    cells = {field: row[index] for field, index in where_is.items()}
    for field, value in cells.items():
        column = header[where_is[field]]
        if "\0" in value:
            raise SourceError(where, f"binary data (a NUL byte in column {column!r})")
        if bad := _UNDECODABLE.search(value):
            raise SourceError(where, f"not UTF-8 (byte 0x{_escaped_byte(bad.group())} in column {column!r})")
    return _checked_article(
        id=cells.get("id", "").strip() or default_id,
        text=_normalise(cells["text"]),
        title=_optional_text(cells.get("title")),
        date=_iso_date(cells.get("date")),
        url=_optional_text(cells.get("url")),
        source=where,
    )


def _escaped_byte(char: str) -> str:
    """The byte that ``surrogateescape`` decoding turned into ``char``, in hex."""
    return f"{ord(char) - 0xDC00:02x}"


def _listed(header: list[str], most: int = 12) -> str:
    names = ", ".join(repr(column) for column in header[:most])
    return names + (f" and {len(header) - most} more" if len(header) > most else "")


def _text_article(text: str, article_id: str, source: str) -> Article:
    return _checked_article(id=article_id, text=_normalise(text), source=source)


def _markdown_article(source_text: str, article_id: str, source: str) -> Article:
    """Render Markdown to plain text: one block per paragraph, heading or list item.

    Inline markup, link targets, images, raw HTML and code blocks are dropped;
    the text of links and inline code is kept. The first level-1 heading is
    the title, and stays in the text like the headline of a page.
    """
    _reject_empty(source_text, source)
    tokens = _MARKDOWN.parse(source_text)
    blocks: list[str] = []
    title = None
    for previous, token in zip([None, *tokens], tokens):
        if token.type != "inline":
            continue
        block = _inline_text(token.children or [])
        if not block:
            continue
        if title is None and previous is not None and previous.tag == "h1":
            title = block
        blocks.append(block)
    return _checked_article(
        id=article_id, text=_normalise("\n\n".join(blocks)), title=title, source=source
    )


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def _html_article(html: str, article_id: str, source: str) -> Article:
    """Extract the main text and the title, date and url of a page with trafilatura."""
    import trafilatura  # imported here: a fifth of a second that only HTML input needs

    _reject_empty(html, source)
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            favor_precision=True,
            with_metadata=True,
            date_extraction_params=_HTML_DATE_PARAMS,
        )
    except Exception as error:  # lxml and trafilatura fail on broken markup in many ways
        raise SourceError(source, f"could not parse HTML ({error})") from None
    text = _normalise(document.text or "") if document else ""
    if not text:
        raise SourceError(source, "no article text found")
    # trafilatura puts one block per line; a blank line between blocks keeps
    # a headline from running into the first sentence.
    paragraphs = "\n\n".join(line for line in text.split("\n") if line)
    return _checked_article(
        id=article_id,
        text=paragraphs,
        title=_optional_text(document.title),
        date=_iso_date(document.date),
        url=_optional_text(document.url),
        source=source,
    )


def _checked_article(**values: str | None) -> Article:
    article = Article(**values)
    _reject_empty(article.text, article.source)
    for field, value in values.items():
        if field != "source" and value is not None and (lone := _SURROGATE.search(value)):
            # JSON's "\ud800" escapes decode to lone surrogates, which no UTF-8 output can hold
            raise SourceError(article.source, f"{_lone_surrogate(lone.group())} in '{field}'")
    return article


def _lone_surrogate(char: str) -> str:
    return f"invalid Unicode (lone surrogate U+{ord(char):04X})"


def _reject_empty(text: str, source: str) -> None:
    if not text.strip():
        raise SourceError(source, "empty article")


def _reject_binary(data: bytes, name: str) -> None:
    if data.startswith(_UTF16_BOMS):
        raise SourceError(name, "not UTF-8 (it starts with a UTF-16 byte order mark)")
    if b"\0" in data:
        raise SourceError(name, "binary file")


def _decode(data: bytes, name: str, offset: int = 0) -> str:
    """Decode UTF-8, dropping a byte order mark; ``offset`` is where ``data`` starts in its file."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        offset += len(_UTF8_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        raise SourceError(
            name, f"not UTF-8 (byte 0x{bad:02x} at offset {offset + error.start})"
        ) from None


def _normalise(text: str) -> str:
    """Newlines to ``\\n``, Unicode to NFC, trailing whitespace off every line and the end."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def _optional_text(value: object) -> str | None:
    """A metadata string, normalised; anything else (missing, a number, blank) is None."""
    if not isinstance(value, str):
        return None
    return unicodedata.normalize("NFC", value).strip() or None


def _iso_date(value: object) -> str | None:
    """``"YYYY-MM-DD"`` for an ISO 8601 date or date-time, else None."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return None


def _json_type_name(value: object) -> str:
    return _JSON_TYPE_NAMES[type(value)]


def _too_large(size: int | None) -> str:
    limit = _megabytes(MAX_BYTES)
    if size is None:
        return f"too large (over the {limit} MB limit)"
    return f"too large ({_megabytes(size)} MB, limit {limit} MB)"


def _megabytes(size: int) -> str:
    return f"{size / _MB:.1f}".removesuffix(".0")


def _os_reason(error: OSError) -> str:
    """The operating system's reason in plain words: "permission denied"."""
    return (error.strerror or str(error) or type(error).__name__).lower()
