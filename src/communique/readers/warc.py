"""WARC files (`.warc`, `.warc.gz`): each HTML `response` record becomes an article.

Records are read one at a time from the open file. An article's id is its WARC-Record-ID,
its URL the WARC-Target-URI, its date the page's own date, else the WARC-Date (the crawl
day). Responses that are not HTML or not 2xx are skipped; `origin#N` counts every record
of the file from 1, so N locates the record. A truncated or corrupt file yields a
ReadFailure after the records read before the damage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from communique.model import Article, ReadFailure
from communique.readers.common import (
    MAX_INPUT_BYTES,
    failure,
    make_article,
    optional_str,
    parse_date,
    too_large,
)
from communique.readers.html import extract_page

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, *, origin: str, default_date: dt.date | None) -> Iterator[Article | ReadFailure]:
    """Articles from the HTML responses of a WARC file, then a failure if the file is damaged."""
    size = path.stat().st_size
    if size == 0:
        yield failure(origin, "empty file: no WARC records")
        return
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        number, record = 0, None
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            # warcio reports damage with assorted types (ArchiveLoadFailed, EOFError, zlib.error,
            # even AttributeError on garbage), so any error while iterating means a corrupt file.
            except Exception as exc:  # noqa: BLE001
                yield _damage(origin, number, _one_line(exc))
                return
            if record.format != "warc" or not record.rec_type:
                # warcio also reads the older ARC format, and takes plain text for ARC headers.
                yield _damage(origin, number, "no WARC header where a record should start")
                return
            number += 1
            if _is_html_response(record):
                yield _record_article(record, origin=f"{origin}#{number}", default_date=default_date)
        damage = _damage_at_end(origin, number, record, unread=records.offset < size)
        if damage is not None:
            yield damage


def _damage_at_end(origin: str, number: int, last: Any, *, unread: bool) -> ReadFailure | None:
    """A truncation the iterator passed over in silence: a short last record, or unread bytes."""
    if last is not None and _ends_early(last):
        # A short HTML response has already been reported as such, in its own place.
        return None if _is_html_response(last) else _damage(origin, number - 1, "the file ends inside a record")
    return _damage(origin, number, "the file ends inside a record") if unread else None


def _damage(origin: str, records_read: int, detail: str) -> ReadFailure:
    if records_read == 0:
        return failure(origin, f"not a readable WARC file: {detail}")
    where = f"{origin}#{records_read + 1}"
    return failure(where, f"truncated or corrupt WARC after record {records_read}: {detail}")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(_HTML_TYPES)


def _record_article(record: Any, *, origin: str, default_date: dt.date | None) -> Article | ReadFailure:
    headers = record.rec_headers
    record_id = optional_str(headers.get_header("WARC-Record-ID"))
    url = optional_str(headers.get_header("WARC-Target-URI"))
    body = record.content_stream().read(MAX_INPUT_BYTES + 1)
    if len(body) > MAX_INPUT_BYTES:
        declared = headers.get_header("Content-Length") or ""
        size = int(declared) if declared.isdigit() else len(body)
        return too_large(origin, size, article_id=record_id)
    if _ends_early(record):
        return failure(origin, "truncated WARC record: its content ends early", article_id=record_id)
    page = extract_page(body, url=url) if body.strip() else None
    if page is None:
        return failure(origin, "no article text found in the HTML", article_id=record_id)
    return make_article(
        page.text,
        origin=origin,
        default_date=default_date,
        id=record_id,
        title=page.title,
        date=page.date or parse_date(headers.get_header("WARC-Date") or ""),
        url=url or page.url,
        source=page.source,
    )


def _ends_early(record: Any) -> bool:
    """True when the file ended before the record's declared Content-Length was read."""
    return bool(getattr(record.raw_stream, "limit", 0))


def _one_line(exc: Exception) -> str:
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__
