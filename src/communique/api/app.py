"""The ASGI application: the API under /api, the dashboard at /, static files under /static.

`create_app(db)` opens the store read-only once; each request reads through its own
cursor. As nothing can change the file while it is open read-only, whether the dyad table
is current is checked once, and answers are cached (`api.gate`). Everything the dashboard
needs is served from the package, and the page's Content-Security-Policy forbids loading
anything from elsewhere.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique.api.errors import error_body, install_error_handlers
from communique.api.gate import DEFAULT_CACHE_ROWS, ReadGate
from communique.api.routes import LazyPipeline, router
from communique.model import Article, ArticleDoc
from communique.store import Store
from communique.store.queries import dyad_table_is_current

MAX_BODY = 1_000_000  # bytes accepted by POST /api/analyze
BODY_TIMEOUT = 30.0  # seconds a client has to send a whole request body
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'"


def create_app(
    db: str | Path,
    *,
    analyzer: Callable[[Article], ArticleDoc] | None = None,
    max_body: int = MAX_BODY,
    body_timeout: float = BODY_TIMEOUT,
    max_queries: int | None = None,
    cache_rows: int | None = None,
) -> FastAPI:
    """The server's application over the database `db`, opened read-only.

    Args:
        db: the DuckDB file written by `communique ingest`.
        analyzer: what POST /api/analyze runs; the full pipeline, loaded on first use, by default.
        max_body: the largest request body accepted, in bytes; larger ones get 413.
        body_timeout: seconds to receive a whole body; a slower one gets 408.
        max_queries: store queries run at once (the machine's cores by default).
        cache_rows: rows of answers kept in the cache (0 keeps none); by default the
            environment's COMMUNIQUE_API_CACHE_ROWS, else `api.gate.DEFAULT_CACHE_ROWS`.
    """
    store = Store(db, read_only=True)
    dyads_current = dyad_table_is_current(store.con)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Communique", summary="Political event data from news: events, quotes, dyads.",
        version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
    )  # fmt: skip
    app.state.store = store
    app.state.dyads_current = dyads_current
    app.state.gate = ReadGate(max_queries=max_queries, cache_rows=_cache_rows(cache_rows))
    app.state.analyzer = analyzer or LazyPipeline()
    install_error_handlers(app)
    app.include_router(router)
    app.add_middleware(BodyLimit, max_bytes=max_body, timeout=body_timeout)
    _add_dashboard(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _cache_rows(given: int | None) -> int:
    if given is not None:
        return given
    return int(os.environ.get("COMMUNIQUE_API_CACHE_ROWS") or DEFAULT_CACHE_ROWS)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("communique")
    except PackageNotFoundError:
        return "0"


def _add_dashboard(app: FastAPI) -> None:
    static = Path(str(resources.files("communique.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Content-Security-Policy": CSP})


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, with its 422 answers replaced by the 400 this API returns."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
    app.openapi_schema = schema
    return schema


class BodyLimit:
    """Refuse a request body over `max_bytes` with 413, before the route reads it, and one
    that takes more than `timeout` seconds to arrive with 408."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, timeout: float = BODY_TIMEOUT) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit():
            await _refuse(send, 400, "the Content-Length header is not a number")
            return
        if int(declared) > self.max_bytes:
            await _refuse(send, 413, f"the request body is over the limit of {self.max_bytes:,} bytes")
            return
        body: bytes | None = None
        with anyio.move_on_after(self.timeout) as deadline:
            body = await self._read(receive)
        if deadline.cancelled_caught:
            await _refuse(send, 408, f"the request body took over {self.timeout:g} s to arrive")
        elif body is None:
            await _refuse(send, 413, f"the request body is over the limit of {self.max_bytes:,} bytes")
        else:
            await self.app(scope, _replay(body), send)

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it is over the limit."""
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            chunk = message.get("body", b"")
            chunks.append(chunk)
            size += len(chunk)
            more = message.get("more_body", False)
            if size > self.max_bytes:
                return None
        return b"".join(chunks)


async def _refuse(send: Send, status: int, text: str) -> None:
    payload = json.dumps(error_body(status, [text])).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
        (b"connection", b"close"),
    ]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
