"""RSS and Atom feeds saved as files: each entry is an article.

An entry's text is its full content when the feed carries it, else its summary, with the
HTML turned into plain paragraphs. Its id is the entry's id or guid; its date is the
published (else updated) date as written, so a story keeps its local day. Feeds are read
from bytes, never from a URL: feedparser is not allowed to fetch anything.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.sax
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from communique.model import Article, ReadFailure
from communique.readers.common import failure, make_article, optional_str, parse_date
from communique.readers.text import check_bytes

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
_SNIFF_BYTES = 4096
_BLOCK_END = re.compile(r"(?i)(<br\s*/?>|</(p|div|li|h[1-6]|blockquote|tr|pre)\s*>)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def looks_like_feed(head: bytes) -> bool:
    """True when the start of an XML file has an RSS, Atom or RDF root element."""
    return _FEED_ROOT.search(head[:_SNIFF_BYTES]) is not None


def read_feed(data: bytes, *, origin: str, default_date: dt.date | None) -> Iterator[Article | ReadFailure]:
    """One Article or ReadFailure per entry, at `origin#N` (N counts entries from 1)."""
    bad = check_bytes(data, origin)
    if bad is not None:
        yield bad
        return
    try:
        parsed = feedparser.parse(data)
    except (ValueError, OverflowError, RecursionError) as exc:
        # feedparser itself fails on some damage, e.g. a character reference past U+10FFFF
        yield failure(origin, f"feed does not parse: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        return
    if not parsed.entries:
        yield failure(origin, _no_entries_reason(parsed))
        return
    source = optional_str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, origin=f"{origin}#{number}", source=source, default_date=default_date)
    if _is_malformed(parsed):
        # feedparser's lenient parser recovers what it can of a broken feed; those entries
        # are kept and the damage is recorded, as for a truncated WARC.
        count = len(parsed.entries)
        yield failure(origin, f"feed does not parse past entry {count}: {_problem(parsed)}")


def _is_malformed(parsed: Any) -> bool:
    return bool(parsed.get("bozo")) and isinstance(parsed.get("bozo_exception"), xml.sax.SAXException)


def _problem(parsed: Any) -> str:
    lines = str(parsed.get("bozo_exception") or "not a feed").strip().splitlines()
    return lines[0] if lines else "not a feed"


def _no_entries_reason(parsed: Any) -> str:
    if _is_malformed(parsed) or not parsed.get("version"):
        return f"feed does not parse: {_problem(parsed)}"
    return "feed has no entries"


def _entry_article(entry: Any, *, origin: str, source: str | None, default_date: dt.date | None) -> Article | ReadFailure:
    own_id = optional_str(entry.get("id"))
    text = _entry_text(entry)
    if not text:
        return failure(origin, "feed entry has no text", article_id=own_id)
    return make_article(
        text,
        origin=origin,
        default_date=default_date,
        id=own_id,
        title=optional_str(entry.get("title")),
        date=_entry_date(entry),
        url=optional_str(entry.get("link")),
        source=source,
    )


def _entry_text(entry: Any) -> str:
    """The entry's content, else its summary, as plain text."""
    for part in [*entry.get("content", []), entry.get("summary_detail")]:
        if part and (part.get("value") or "").strip():
            value = part["value"]
            return html_to_text(value) if "html" in (part.get("type") or "") else _tidy(value)
    return ""


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published", "updated"):
        written = entry.get(key)
        date = parse_date(written) if isinstance(written, str) else None
        if date is not None:
            return date
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed is not None:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, spaces collapsed."""
    if not markup.strip():
        return ""
    marked = _BLOCK_END.sub(lambda match: match.group(0) + "\n\n", markup)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(markup)
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    paragraphs = (" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)
