"""One error body for every error the API returns.

    {"ok": false, "error": "first message", "errors": ["every", "message"], "status": 400}

Validation errors of query parameters or JSON bodies become 400 with one "where: what"
line per problem; unknown routes 404; an unexpected exception 500 with a generic message
(the details go to the log, not to the client).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.errors import ApiError, ArticleError, StoreError

logger = logging.getLogger(__name__)

ERROR_SCHEMA = {
    "type": "object",
    "required": ["ok", "error", "errors", "status"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "string"}},
        "status": {"type": "integer"},
    },
}


def error_body(status: int, messages: Sequence[str]) -> dict[str, Any]:
    messages = list(messages) or ["error"]
    return {"ok": False, "error": messages[0], "errors": messages, "status": status}


def error_response(status: int, messages: Sequence[str], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, messages), status_code=status, headers=headers)


def validation_messages(errors: Sequence[Any]) -> list[str]:
    """Pydantic's error list as "where: what" lines, e.g. "limit: Input should be ...".

    The location drops FastAPI's leading "query"/"body" and any model wrapper, so a
    message names the parameter as the user wrote it.
    """
    lines = []
    for err in errors:
        loc = [str(part) for part in err.get("loc", ()) if part not in ("query", "body", "path")]
        where = ".".join(loc) or "request"
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            message = "unknown parameter"
        lines.append(f"{where}: {message}")
    return lines


async def _on_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(400, validation_messages(exc.errors()))


async def _on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else "error"
    return error_response(exc.status_code, [detail], headers=getattr(exc, "headers", None))


async def _on_api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.messages)


async def _on_article_error(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, [str(exc)])


async def _on_store_error(_request: Request, exc: Exception) -> JSONResponse:
    logger.error("store error: %s", exc)
    return error_response(503, [str(exc)])


async def _on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unexpected error", exc_info=exc)
    return error_response(500, ["internal error: see the server log"])


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through `error_body` (each handler gets its own type)."""
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(ApiError, _on_api_error)  # type: ignore[arg-type]
    app.add_exception_handler(ArticleError, _on_article_error)
    app.add_exception_handler(StoreError, _on_store_error)
    app.add_exception_handler(Exception, _on_unexpected)
