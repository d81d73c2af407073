"""JSON Lines: one article per line, `text` plus any of `id`, `title`, `date`, `url`, `source`.

`published` is read when `date` is missing. A line that cannot become an article is a
ReadFailure at `origin:LINE` and reading goes on; blank lines are skipped. The file is read
one line at a time, so its size does not matter; a line longer than MAX_INPUT_BYTES is
skipped unread (a failure in its place), so neither does a line's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from communique.model import Article, ReadFailure
from communique.readers.common import (
    MAX_INPUT_BYTES,
    excerpt,
    failure,
    make_article,
    optional_str,
    parse_date,
    too_large,
)
from communique.readers.decoding import decode_bytes, has_utf16_bom

_BOM_PEEK = 2


def read_jsonl_file(path: Path, *, origin: str, default_date: dt.date | None) -> Iterator[Article | ReadFailure]:
    """Every line of a JSONL file, read lazily (UTF-16 files with a BOM are accepted too)."""
    with path.open("rb") as raw:
        utf16 = has_utf16_bom(raw.read(_BOM_PEEK))
    if utf16:
        # errors="replace": a damaged UTF-16 line becomes malformed JSON, reported in its place
        with path.open(encoding="utf-16", errors="replace", newline="") as stream:
            yield from read_jsonl_lines(stream, origin=origin, default_date=default_date)
        return
    with path.open("rb") as stream:
        yield from read_jsonl_lines(_bounded_lines(stream), origin=origin, default_date=default_date)


@dataclass(frozen=True, slots=True)
class _LongLine:
    """A line too long to read: only its size is kept."""

    size: int


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | _LongLine]:
    """The stream's lines; one over MAX_INPUT_BYTES is skipped and reported by its size."""
    while line := stream.readline(MAX_INPUT_BYTES + 1):
        if len(line) <= MAX_INPUT_BYTES or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield _LongLine(size + len(rest))


def read_jsonl_lines(
    lines: Iterable[bytes | str | _LongLine], *, origin: str, default_date: dt.date | None
) -> Iterator[Article | ReadFailure]:
    """One Article or ReadFailure per non-blank line, numbered from 1."""
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if isinstance(raw, _LongLine):
            yield too_large(where, raw.size)
            continue
        line = raw if isinstance(raw, str) else decode_bytes(raw)
        if line is None:
            yield failure(where, f"undecodable text on line {number}")
        elif line.strip():
            yield read_jsonl_line(line, number=number, origin=where, default_date=default_date)


def read_jsonl_line(line: str, *, number: int, origin: str, default_date: dt.date | None) -> Article | ReadFailure:
    """The article one JSON line describes, or why it describes none."""
    try:
        record = json.loads(line.strip().lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return failure(origin, f"malformed JSON on line {number}: {exc.msg}", record=excerpt(line))
    if not isinstance(record, dict):
        return failure(origin, f"line {number} is not a JSON object", record=excerpt(line))
    own_id = optional_str(record.get("id"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        what = "empty" if isinstance(text, str) else "no"
        return failure(origin, f"{what} `text` on line {number}", record=excerpt(line), article_id=own_id)
    date, bad_date = _record_date(record)
    if bad_date is not None:
        reason = f"bad date on line {number}: {bad_date!r}"
        return failure(origin, reason, record=excerpt(line), article_id=own_id)
    return make_article(
        text,
        origin=origin,
        default_date=default_date,
        id=own_id,
        title=optional_str(record.get("title")),
        date=date,
        url=optional_str(record.get("url")),
        source=optional_str(record.get("source")),
    )


def _record_date(record: dict[str, object]) -> tuple[dt.date | None, str | None]:
    """(date, None) from `date` or else `published`; (None, raw) when the value is no date."""
    key = "date" if record.get("date") not in (None, "") else "published"
    raw = record.get(key)
    if raw is None or raw == "":
        return None, None
    date = parse_date(raw) if isinstance(raw, str) else None
    return (date, None) if date is not None else (None, str(raw))
