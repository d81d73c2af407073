"""From paths to readers: formats by extension, folders walked lazily, standard input sniffed.

A folder is walked depth-first in name order; hidden files and folders (a leading dot) are
skipped, and so are files of an unknown format, silently: a corpus folder often holds a
README or a manifest. `.xml` counts as a feed only when its root is RSS, Atom or RDF.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from communique.errors import ReaderError
from communique.model import Article, ReadFailure
from communique.readers.common import MAX_INPUT_BYTES, failure, too_large
from communique.readers.feeds import looks_like_feed, read_feed
from communique.readers.html import read_html
from communique.readers.jsonl import read_jsonl_file
from communique.readers.text import read_text
from communique.readers.warc import read_warc

logger = logging.getLogger(__name__)

Result = Iterator[Article | ReadFailure]
STDIN = "-"
INPUT_KINDS = ("jsonl", "text", "html")
_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}
_SUFFIXES = ", ".join(sorted({s for s in _KIND_BY_SUFFIX if s != ".text"}))


def kind_of(path: Path) -> str | None:
    """The reader a file needs, from its extension (and, for `.xml`, its root element)."""
    name = path.name.lower()
    suffix = ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()
    kind = _KIND_BY_SUFFIX.get(suffix)
    if suffix == ".xml" and not _xml_is_feed(path):
        return None
    return kind


def _xml_is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return looks_like_feed(stream.read(4096))
    except OSError:
        return True  # let the reader report why the file cannot be read


def check_path(path: str | Path, *, input_kind: str | None) -> None:
    """Raise ReaderError when a path named on the command line cannot be read at all."""
    if str(path) == STDIN:
        return
    path = Path(path)
    if not path.exists():
        msg = f"no such file or folder: {path}"
        raise ReaderError(msg)
    if path.is_file() and input_kind is None and kind_of(path) is None:
        msg = f"unknown input format: {path} (expected a folder or one of {_SUFFIXES})"
        raise ReaderError(msg)


def walk_files(folder: Path) -> Iterator[Path]:
    """Readable files under a folder, recursively, in name order, hidden ones skipped."""
    with os.scandir(folder) as scan:
        entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir():
            yield from walk_files(path)
        elif kind_of(path) is not None:
            yield path
        else:
            logger.debug("skipping %s: unknown format", path)


def read_file(path: Path, *, kind: str, default_date: dt.date | None) -> Result:
    """Every record of one file, read by the reader of its kind."""
    origin = str(path)
    if kind in ("jsonl", "warc"):
        streaming = read_jsonl_file if kind == "jsonl" else read_warc
        yield from _guarded(origin, lambda: streaming(path, origin=origin, default_date=default_date))
        return
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            yield too_large(origin, size)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield failure(origin, f"cannot read file: {exc.strerror or exc}")
        return
    yield from _WHOLE_FILE_READERS[kind](data, origin=origin, default_date=default_date)


def _guarded(origin: str, make: Callable[[], Result]) -> Result:
    """A streaming reader whose OS errors (permissions, a vanished file) become a failure."""
    try:
        yield from make()
    except OSError as exc:
        yield failure(origin, f"cannot read file: {exc.strerror or exc}")


_WHOLE_FILE_READERS: dict[str, Callable[..., Result]] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
}


def sniff_stdin_kind(first_line: str) -> str:
    """`jsonl` when the first non-blank line of standard input opens a JSON object, else `text`.

    A prose article never starts with "{", and a JSONL stream whose first line is broken
    should still be read as JSONL, so that line is reported as malformed JSON.
    """
    return "jsonl" if first_line.lstrip("\ufeff \t").startswith("{") else "text"
