"""The API's routes: events, quotes, one article, dyad series, countries, analyze.

List answers share one envelope: `{"ok": true, "rows": [...], "count", "limit", "offset",
"next_offset", "next_url"}`; `next_url` is null on the last page.

Lists and series are read through the app's `ReadGate` (`api.gate`): a bounded cache of
pages, their rows already JSON, keyed by the store's query, and a bound on concurrent store
queries; a cached page is answered without leaving the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from communique.api.errors import ERROR_SCHEMA, ApiError
from communique.api.gate import Answer, to_json
from communique.api.params import AnalyzeRequest, DyadParams, EventParams, Page, QuoteParams
from communique.api.reads import countries_and_pairs, fetch_dicts, read_article, search_quotes, with_marks
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


def page_response(answer: Answer, page: Page, request: Request, **extra: Any) -> Response:
    """The envelope of one page around its rows, which are already JSON text."""
    next_offset = page.offset + page.limit if answer.more else None
    next_url = None if next_offset is None else str(request.url.include_query_params(offset=next_offset))
    head = {
        "ok": True, "count": answer.count, "limit": page.limit, "offset": page.offset,
        "next_offset": next_offset, "next_url": next_url, **extra,
    }  # fmt: skip
    body = b"".join((to_json(head)[:-1].encode("utf-8"), b',"rows":', answer.rows_json, b"}"))
    return Response(body, media_type="application/json")


async def read(request: Request, key: Hashable, compute: Callable[[Any], Any]) -> Any:
    """The answer under `key`: from the cache at once, else computed in a worker thread
    (at most the gate's number at a time) over a cursor of its own."""
    gate = request.app.state.gate
    found = gate.cache.get(key)
    if found is not None:
        return found
    store = request.app.state.store

    def with_cursor() -> Any:
        cursor = store.con.cursor()
        try:
            return compute(cursor)
        finally:
            cursor.close()

    return await anyio.to_thread.run_sync(gate.read, key, with_cursor)


@router.get("/events", summary="Stored events, filtered as by `communique events`", response_model=dict[str, Any])
async def list_events(params: Annotated[EventParams, Query()], request: Request) -> Response:
    """Events ordered by date, each with `marks`: where its actor, recipient and trigger stand in `text`."""
    flt, current = params.to_filter(), request.app.state.dyads_current

    def compute(con: Any) -> Answer:
        sql, values = events_sql(con, flt, dyads_current=current)
        return Answer.page([with_marks(row) for row in fetch_dicts(con, sql, values)], params.limit)

    return page_response(await read(request, ("events", flt), compute), params, request)


@router.get("/quotes", summary="Stored quotes, filtered as by `communique quotes`", response_model=dict[str, Any])
async def list_quotes(params: Annotated[QuoteParams, Query()], request: Request) -> Response:
    flt = params.to_filter()

    def compute(con: Any) -> Answer:
        return Answer.page(search_quotes(con, flt, offset=params.offset), params.limit)

    return page_response(await read(request, ("quotes", flt, params.offset), compute), params, request)


@router.get("/dyads", summary="One country pair's series, as by `communique dyads`", response_model=dict[str, Any])
async def dyads(params: Annotated[DyadParams, Query()], request: Request) -> Response:
    """Per period and direction: events per PLOVER quad class, reports, mean PLOVER score and Goldstein."""
    query, current = params.to_query(), request.app.state.dyads_current

    def compute(con: Any) -> Answer:
        series = dyad_series(con, query, table_current=current)
        return Answer.page(series[params.offset : params.offset + params.limit + 1], params.limit)

    answer = await read(request, ("dyads", query, params.offset, params.limit), compute)
    return page_response(answer, params, request, actor=query.actor, recipient=query.recipient, freq=params.freq)


@router.get("/countries", summary="The countries and the busiest pairs found in dyads", response_model=dict[str, Any])
async def countries(request: Request) -> dict[str, Any]:
    current = request.app.state.dyads_current
    found = await read(request, ("countries",), lambda con: [countries_and_pairs(con, dyads_current=current)])
    return {"ok": True, **found[0]}


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
