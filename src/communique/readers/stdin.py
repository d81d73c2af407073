"""Standard input: JSONL when its first non-blank line opens a JSON object, else one article.

`input_kind` ("jsonl", "text" or "html") overrides the guess. JSONL is read line by line;
text and HTML are read whole, since they make one article. A text stream with a byte buffer
beneath it (sys.stdin) is read through that buffer and decoded like a file; a text stream
without one (io.StringIO) is taken as already decoded.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Iterator
from typing import IO

from communique.model import Article, ReadFailure
from communique.readers.common import MAX_INPUT_BYTES, failure, too_large
from communique.readers.html import read_html
from communique.readers.jsonl import read_jsonl_lines
from communique.readers.sources import sniff_stdin_kind
from communique.readers.text import read_text

STDIN_ORIGIN = "<stdin>"


def read_stdin(
    stream: IO[str] | IO[bytes] | None, *, input_kind: str | None, default_date: dt.date | None
) -> Iterator[Article | ReadFailure]:
    """Every article on standard input (or on the given stream)."""
    # The bytes under a text stream (sys.stdin.buffer) when there are any: decoded like a
    # file's, a Latin-1 paste does not stop the stream with a UnicodeDecodeError.
    stream = sys.stdin if stream is None else stream
    stream = getattr(stream, "buffer", stream)
    lines: Iterator[str | bytes] = iter(stream)
    head, first = _leading_blank_lines(lines)
    if first is None:
        yield failure(STDIN_ORIGIN, "empty input: nothing on standard input")
        return
    chained = itertools.chain(head, [first], lines)
    kind = input_kind or sniff_stdin_kind(_as_str(first))
    if kind == "jsonl":
        yield from read_jsonl_lines(chained, origin=STDIN_ORIGIN, default_date=default_date)
        return
    data = _bounded_bytes(chained)
    if data is None:
        yield too_large(STDIN_ORIGIN, MAX_INPUT_BYTES + 1)
        return
    reader = read_html if kind == "html" else read_text
    yield from reader(data, origin=STDIN_ORIGIN, default_date=default_date)


def _leading_blank_lines(lines: Iterator[str | bytes]) -> tuple[list[str | bytes], str | bytes | None]:
    """The blank lines at the start of the stream, and the first non-blank line (None at the end)."""
    head: list[str | bytes] = []
    for line in lines:
        if line.strip():
            return head, line
        head.append(line)
    return head, None


def _bounded_bytes(lines: Iterator[str | bytes]) -> bytes | None:
    """The lines joined, or None (reading stops) once they pass MAX_INPUT_BYTES."""
    parts, size = [], 0
    for line in lines:
        part = _as_bytes(line)
        size += len(part)
        if size > MAX_INPUT_BYTES:
            return None
        parts.append(part)
    return b"".join(parts)


def _as_str(line: str | bytes) -> str:
    return line if isinstance(line, str) else line.decode("utf-8", errors="replace")


def _as_bytes(line: str | bytes) -> bytes:
    return line.encode("utf-8") if isinstance(line, str) else line
