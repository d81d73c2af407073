"""The API's routes: events, quotes, one article, dyad series, countries, analyze.

List answers share one envelope: `{"ok": true, "rows": [...], "count", "limit", "offset",
"next_offset", "next_url"}`; `next_url` is null on the last page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from communique.api.errors import ERROR_SCHEMA, ApiError
from communique.api.params import AnalyzeRequest, DyadParams, EventParams, Page, QuoteParams
from communique.api.reads import countries_and_pairs, fetch_dicts, read_article, search_quotes, with_marks
from communique.cli.quotes import QuoteFilter
from communique.contract import doc_to_dict
from communique.ids import article_id_for
from communique.model import Article, ArticleDoc
from communique.store.queries import dyad_series, events_sql

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": why, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, why in ((400, "Wrong parameters: every problem is listed in `errors`."), (500, "A server fault."))
}
router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


def connection(request: Request) -> Iterator[Any]:
    """A cursor of the server's read-only connection, one per request (DuckDB's rule for threads)."""
    cursor = request.app.state.store.con.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


Con = Annotated[Any, Depends(connection)]


def page_of(rows: list[dict[str, Any]], page: Page, request: Request) -> dict[str, Any]:
    """The envelope of one page; `rows` may hold one row past the page, which means "more"."""
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    next_offset = page.offset + page.limit if more else None
    next_url = None if next_offset is None else str(request.url.include_query_params(offset=next_offset))
    return {
        "ok": True, "rows": rows, "count": len(rows), "limit": page.limit, "offset": page.offset,
        "next_offset": next_offset, "next_url": next_url,
    }  # fmt: skip


@router.get("/events", summary="Stored events, filtered as by `communique events`")
def list_events(params: Annotated[EventParams, Query()], con: Con, request: Request) -> dict[str, Any]:
    """Events ordered by date, each with `marks`: where its actor, recipient and trigger stand in `text`."""
    sql, values = events_sql(con, params.to_filter())
    rows = fetch_dicts(con, sql + " OFFSET ?", [*values, params.offset])
    return page_of([with_marks(row) for row in rows], params, request)


@router.get("/quotes", summary="Stored quotes, filtered as by `communique quotes`")
def list_quotes(params: Annotated[QuoteParams, Query()], con: Con, request: Request) -> dict[str, Any]:
    flt = QuoteFilter(
        speaker=params.speaker, country=params.country, text=params.text,
        since=params.since, until=params.until, limit=params.limit + 1,
    )  # fmt: skip
    return page_of(search_quotes(con, flt, offset=params.offset), params, request)


@router.get("/dyads", summary="One country pair's series, as by `communique dyads`")
def dyads(params: Annotated[DyadParams, Query()], con: Con, request: Request) -> dict[str, Any]:
    """Per period and direction: events per PLOVER quad class, reports, mean PLOVER score and Goldstein."""
    series = dyad_series(con, params.to_query())
    body = page_of(series[params.offset : params.offset + params.limit + 1], params, request)
    return {**body, "actor": params.actor.upper(), "recipient": params.recipient.upper(), "freq": params.freq}


@router.get("/countries", summary="The countries and the busiest pairs found in dyads")
def countries(con: Con) -> dict[str, Any]:
    return {"ok": True, **countries_and_pairs(con)}


@router.get("/articles/{article_id}", summary="One stored article with its text and annotations")
def article(article_id: str, con: Con) -> dict[str, Any]:
    found = read_article(con, article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return {"ok": True, **found}


@router.post(
    "/analyze",
    summary="Analyze one article without storing it",
    responses={413: {"description": "The body is over the size limit.", "content": {"application/json": {"schema": ERROR_SCHEMA}}}},
)
def analyze(body: AnalyzeRequest, request: Request) -> dict[str, Any]:
    """The contract's JSON for the article, plus its text and each event's `marks`."""
    article = Article(
        id=body.id or article_id_for(body.text, body.url), text=body.text, title=body.title,
        date=body.date, url=body.url, source=body.source, origin="api",
    )  # fmt: skip
    doc = request.app.state.analyzer(article)
    data = doc_to_dict(doc)
    data["article"]["text"] = article.text
    data["events"] = [with_marks(event) for event in data["events"]]
    return {"ok": True, **data}


class LazyPipeline:
    """The default analyzer: loads the pipeline on first use; one article at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._analyze: Callable[[Article], ArticleDoc] | None = None

    def __call__(self, article: Article) -> ArticleDoc:
        with self._lock:  # spaCy pipelines are not meant to be shared between threads
            if self._analyze is None:
                from communique.pipeline import Pipeline

                self._analyze = Pipeline().analyze
            return self._analyze(article)
