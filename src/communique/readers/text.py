"""Plain text: the whole input is one article, with no title (a first line is not trusted to be one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from communique.model import Article, ReadFailure
from communique.readers.common import failure, make_article
from communique.readers.decoding import decode_bytes, looks_binary, normalise_newlines


def check_bytes(data: bytes, origin: str) -> ReadFailure | None:
    """The failure shared by every whole-file reader: empty or binary input."""
    if not data.strip():
        return failure(origin, "empty file: no text")
    if looks_binary(data):
        return failure(origin, "binary file: not text")
    return None


def read_text(data: bytes, *, origin: str, default_date: dt.date | None) -> Iterator[Article | ReadFailure]:
    """One article from the bytes of a text file or of standard input."""
    bad = check_bytes(data, origin)
    if bad is not None:
        yield bad
        return
    text = decode_bytes(data)
    if text is None:
        yield failure(origin, "undecodable text: not UTF-8, UTF-16 or Windows-1252")
        return
    text = normalise_newlines(text).strip()
    if not text:
        yield failure(origin, "empty file: no text")
        return
    yield make_article(text, origin=origin, default_date=default_date)
