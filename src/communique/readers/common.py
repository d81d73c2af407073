"""What every reader shares: building an Article, a ReadFailure, and reading dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from communique.ids import article_id_for
from communique.model import Article, ReadFailure

_EXCERPT_CHARS = 80
# The most bytes read for one article (a text, HTML or feed file, a WARC record's body,
# standard input): past this a page costs the HTML extractor minutes and gigabytes
# (a 50 MB page: nine minutes, 1.6 GB) for an article far beyond any sensible length.
MAX_INPUT_BYTES = 10_000_000
# Day-first and month-first forms seen in bylines and feeds, tried after ISO 8601 and RFC 822.
_DATE_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%Y%m%d",
)
_WEEKDAY_PREFIX = re.compile(r"^[A-Za-z]{3,9},\s*")


def make_article(  # noqa: PLR0913 (one keyword per Article field)
    text: str,
    *,
    origin: str,
    default_date: dt.date | None,
    id: str | None = None,  # noqa: A002 (the contract's field name)
    title: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article whose id is the input's own, or else a hash of its text and URL."""
    return Article(
        id=id or article_id_for(text, url),
        text=text,
        title=title,
        date=date or default_date,
        url=url,
        source=source,
        origin=origin,
    )


def failure(origin: str, reason: str, *, record: str = "", article_id: str | None = None) -> ReadFailure:
    """A ReadFailure whose `record` names the bad record: its id, else an excerpt, else the origin."""
    return ReadFailure(origin=origin, record=article_id or record or origin, reason=reason, article_id=article_id)


def too_large(origin: str, size: int, *, record: str = "", article_id: str | None = None) -> ReadFailure:
    """The failure for an input over MAX_INPUT_BYTES, said in megabytes."""
    reason = f"input too large: {size / 1e6:,.1f} MB, the limit is {MAX_INPUT_BYTES / 1e6:,.0f} MB"
    return failure(origin, reason, record=record, article_id=article_id)


def excerpt(raw: str) -> str:
    """The start of a raw record, on one line, short enough for a failures table."""
    flat = " ".join(raw.split())
    return flat if len(flat) <= _EXCERPT_CHARS else flat[: _EXCERPT_CHARS - 1] + "…"


def optional_str(value: object) -> str | None:
    """A metadata value as a non-empty string, or None (numbers become strings, lists do not)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def parse_date(value: str) -> dt.date | None:
    """The calendar day of a date string, or None when it is not a date.

    Accepts ISO 8601 ("2011-09-13", "2025-03-14 20:30:26Z", "2025-03-14T20:30:26+02:00"),
    RFC 822 as in feeds ("Tue, 13 Sep 2011 10:00:00 GMT") and common written forms
    ("13 September 2011", "September 13, 2011"). The day is the one written, in the
    writer's time zone: a late-evening story keeps its local date.
    """
    text = value.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _parse_written_date(_WEEKDAY_PREFIX.sub("", text))


def _parse_written_date(text: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a calendar day, no zone)
        except ValueError:
            continue
    return None
