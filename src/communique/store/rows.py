"""Analysed articles -> rows of the stored tables (the contract's dicts, flattened a little)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from communique.contract import JSON, doc_to_dict
from communique.ids import content_key
from communique.model import ArticleDoc, ReadFailure

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {name: [] for name in ("articles", "entities", "events", "quotes", "amounts", "dates")}


def rows_for_docs(docs: Iterable[ArticleDoc], *, now: dt.datetime) -> Rows:
    """The rows every table receives for these articles."""
    rows = empty_rows()
    for doc in docs:
        data = doc_to_dict(doc)
        article_id = doc.article.id
        rows["articles"].append(_article_row(doc, now))
        rows["entities"] += [_with_place(e, article_id) for e in data["entities"]]
        rows["events"] += [_with_place(e, article_id) for e in data["events"]]
        rows["quotes"] += [{**q, "article_id": article_id} for q in data["quotes"]]
        rows["amounts"] += [{**a, "article_id": article_id} for a in data["amounts"]]
        rows["dates"] += [_date_row(d, article_id) for d in doc.dates]
    return rows


def tables_for_docs(docs: Iterable[ArticleDoc], *, now: dt.datetime) -> dict[str, pa.Table]:
    """The analysed articles as one Arrow table per stored table (compact, picklable)."""
    from communique.store.schema import TABLES

    return {name: pa.Table.from_pylist(rows, schema=TABLES[name]) for name, rows in rows_for_docs(docs, now=now).items()}


def article_key(doc: ArticleDoc) -> str:
    return content_key(doc.article.text, doc.article.url)


def failure_row(failure: ReadFailure, *, now: dt.datetime) -> dict[str, Any]:
    """A failure is keyed by what failed and why, so a re-run does not repeat it."""
    raw = "\x1f".join((failure.origin, failure.record, failure.reason))
    return {
        "id": hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16],  # noqa: S324 (a key, not security)
        "input": failure.origin,
        "record": failure.record,
        "reason": failure.reason,
        "article_id": failure.article_id,
        "failed_at": now,
    }


def _article_row(doc: ArticleDoc, now: dt.datetime) -> dict[str, Any]:
    article = doc.article
    return {
        "id": article.id,
        "key": article_key(doc),
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "source": article.source,
        "origin": article.origin,
        "words": doc.words,
        "text": article.text,
        "ingested_at": now,
        "duplicate_of": None,
    }


def _with_place(record: JSON, article_id: str) -> JSON:
    place = record.pop("place", None) or {}
    return {
        **record,
        "article_id": article_id,
        "date": _date(record.get("date")),
        "place_name": place.get("name"),
        "place_country": place.get("country"),
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
    }


def _date_row(date: Any, article_id: str) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "text": date.text,
        "start": date.start,
        "end": date.end,
        "value": date.value,
        "granularity": date.granularity,
        "note": date.note,
    }


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)
