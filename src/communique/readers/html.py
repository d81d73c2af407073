"""HTML pages: the main text and its metadata (title, date, URL, site name) via trafilatura.

Used for `.html` files, for HTML on standard input and for every HTML response in a WARC.
A page is an article only when its extracted text holds at least one line that reads like
a sentence (`_MIN_SENTENCE_WORDS` words): trafilatura falls back to any text it finds, and a
menu of links ("Home World Sport") is not an article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import trafilatura

from communique.model import Article, ReadFailure
from communique.readers.common import failure, make_article, optional_str, parse_date
from communique.readers.text import check_bytes

_MIN_SENTENCE_WORDS = 8
# Dates come from the page's metadata only: the text-wide search would take a copyright
# year or a date quoted in the story for the publication date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page yields: main text and the metadata found for it."""

    text: str
    title: str | None
    date: dt.date | None
    url: str | None
    source: str | None


def extract_page(data: bytes, *, url: str | None = None) -> Page | None:
    """The page's main text and metadata, or None when it holds no article text."""
    result = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={**_DATE_PARAMS, "max_date": dt.date.today().isoformat()},  # noqa: DTZ011 (local day is fine)
    )
    if result is None or not _has_sentence(result.text or ""):
        return None
    title = optional_str(result.title)
    return Page(
        text=_without_title_line(result.text.strip(), title),
        title=title,
        date=parse_date(result.date) if result.date else None,
        url=optional_str(result.url) or url,
        source=optional_str(result.sitename),
    )


def read_html(data: bytes, *, origin: str, default_date: dt.date | None) -> Iterator[Article | ReadFailure]:
    """One article from the bytes of an HTML file or of standard input."""
    bad = check_bytes(data, origin)
    if bad is not None:
        yield bad
        return
    page = extract_page(data)
    if page is None:
        yield failure(origin, "no article text found in the HTML")
        return
    yield make_article(
        page.text,
        origin=origin,
        default_date=default_date,
        title=page.title,
        date=page.date,
        url=page.url,
        source=page.source,
    )


def _has_sentence(text: str) -> bool:
    return any(len(line.split()) >= _MIN_SENTENCE_WORDS for line in text.splitlines())


def _without_title_line(text: str, title: str | None) -> str:
    """The text without its first line when that line only repeats the title (the page's h1)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        return rest.strip()
    return text
