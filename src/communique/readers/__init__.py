"""Readers: every supported input turned into a stream of Articles and ReadFailures.

    iter_articles(["corpus/", "feed.rss", "-"])  ->  Article | ReadFailure, one at a time

Inputs: `.txt` (one article), `.jsonl`/`.ndjson` (one per line), `.html`/`.htm`, RSS/Atom
feeds (`.rss`, `.atom`, `.xml` with a feed root), `.warc`/`.warc.gz`, folders of these, and
"-" for standard input. A bad record is a ReadFailure yielded in its place and reading goes
on; only a path that is missing or of an unknown format raises ReaderError, before anything
is read. Nothing is read into memory beyond one file (for text, HTML and feeds), one line
(JSONL) or one record (WARC).

Origins say where an article came from: `path`, `path:LINE` for JSONL, `path#N` for feed
entries and WARC records, `<stdin>` for standard input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from communique.errors import ReaderError
from communique.model import Article, ReadFailure
from communique.readers.sources import INPUT_KINDS, STDIN, check_path, kind_of, read_file, walk_files
from communique.readers.stdin import STDIN_ORIGIN, read_stdin

__all__ = ["INPUT_KINDS", "STDIN_ORIGIN", "count_inputs", "iter_articles"]


def iter_articles(
    paths: Sequence[str | Path],
    *,
    input_kind: str | None = None,
    default_date: dt.date | None = None,
    stdin: IO[str] | IO[bytes] | None = None,
) -> Iterator[Article | ReadFailure]:
    """Read every input in order, yielding an Article or a ReadFailure per record.

    Args:
        paths: files, folders, or "-" for standard input.
        input_kind: "jsonl", "text" or "html" to read standard input and the files named
            in `paths` as that kind, whatever their extension; folders still go by extension.
        default_date: the date of articles whose input gives none.
        stdin: the stream "-" reads (sys.stdin by default); text or binary.

    Raises:
        ReaderError: a path does not exist, a file has an unknown format, or `input_kind`
            is not one of INPUT_KINDS. Raised at the call, before anything is read.
    """
    if input_kind is not None and input_kind not in INPUT_KINDS:
        msg = f"unknown input kind {input_kind!r}: expected one of {', '.join(INPUT_KINDS)}"
        raise ReaderError(msg)
    for path in paths:
        check_path(path, input_kind=input_kind)
    return _read_all(paths, input_kind=input_kind, default_date=default_date, stdin=stdin)


def _read_all(
    paths: Sequence[str | Path],
    *,
    input_kind: str | None,
    default_date: dt.date | None,
    stdin: IO[str] | IO[bytes] | None,
) -> Iterator[Article | ReadFailure]:
    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin(stdin, input_kind=input_kind, default_date=default_date)
        elif Path(path).is_dir():
            for file in walk_files(Path(path)):
                yield from read_file(file, kind=_kind(file), default_date=default_date)
        else:
            kind = input_kind or _kind(Path(path))
            yield from read_file(Path(path), kind=kind, default_date=default_date)


def _kind(path: Path) -> str:
    kind = kind_of(path)
    if kind is None:  # check_path and walk_files let no such file through
        msg = f"unknown input format: {path}"
        raise ReaderError(msg)
    return kind


def count_inputs(paths: Sequence[str | Path]) -> int:
    """How many files (standard input counts as one) the paths name, for a progress bar.

    Walks folders without reading files (except the head of `.xml` files); missing paths
    count as zero, since iter_articles reports them.
    """
    total = 0
    for path in paths:
        if str(path) == STDIN:
            total += 1
        elif Path(path).is_dir():
            total += sum(1 for _ in walk_files(Path(path)))
        elif Path(path).is_file():
            total += 1
    return total
