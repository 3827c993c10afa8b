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

import io
import itertools
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, TextIO

import trafilatura
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.models import Article

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")

MAX_BYTES = 20 * 1024 * 1024
"""The largest input read: a file, one JSON line, or standard input. Larger is a failure."""

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
    told: a .csv, a .pdf, an image), and links to folders are not followed. A file named
    explicitly must have a supported suffix. ``"-"`` yields :data:`STDIN`.
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
    paths: Iterable[str | Path], stdin: TextIO | None = None, skipped: list[Path] | None = None
) -> Iterator[Article | ReadFailure]:
    """Yield an :class:`Article` or a :class:`ReadFailure` for each input, never raising.

    ``paths`` and ``skipped`` as for :func:`iter_files`. ``"-"`` reads ``stdin`` (default
    ``sys.stdin``): as JSON lines when its first non-blank character is "{",
    else as one plain-text article with id "stdin". Articles are not
    de-duplicated: two inputs with the same id both come through.
    """
    for item in iter_files(paths, skipped):
        if isinstance(item, ReadFailure):
            yield item
        elif item == STDIN:
            yield from _failures_caught(_read_stdin(sys.stdin if stdin is None else stdin))
        else:
            yield from _failures_caught(_read_file(item))


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
        elif _is_supported(path):
            yield path
        elif skipped is not None:
            skipped.append(path)


def _is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


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


def _read_file(path: Path) -> Iterator[Article | ReadFailure]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with open(path, "rb") as stream:
                yield from _read_jsonl(_lines(stream), name, default_id=path.stem)
            return
        data = _read_bytes(path, name)
    except OSError as error:
        raise SourceError(name, _os_reason(error)) from None
    _reject_binary(data, name)
    text = _decode(data, name)
    if suffix in (".html", ".htm"):
        yield _html_article(text, path.stem, name)
    elif suffix in (".md", ".markdown"):
        yield _markdown_article(text, path.stem, name)
    else:
        yield _text_article(text, path.stem, name)


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
    stream: BinaryIO = getattr(stdin, "buffer", None) or io.BytesIO(
        stdin.read().encode("utf-8", "surrogateescape")
    )
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


def _checked_article(**fields: str | None) -> Article:
    article = Article(**fields)
    _reject_empty(article.text, article.source)
    return article


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
