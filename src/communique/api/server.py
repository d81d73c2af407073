"""uvicorn's settings for `communique serve`, with a deadline for each request's head.

uvicorn closes an idle keep-alive connection after `timeout_keep_alive`, but it waits
forever for the head (request line and headers) of a request: a client that opens many
connections and sends its headers a byte at a time, or never finishes them, would hold
them all for as long as it likes. `HeadTimeoutH11` closes a connection whose next request
has not begun within `head_timeout` seconds of the connection opening or of the previous
answer. Bodies are bounded in time by the app (`api.app.BodyLimit`).

Importing this module imports uvicorn, so only `communique serve` and tests import it.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_TIMEOUT = 10.0  # seconds for a request's line and headers to arrive
KEEP_ALIVE = 5  # seconds an idle keep-alive connection is kept
MAX_HEAD = 16 * 1024  # bytes of a request's line and headers; more is a 400
MAX_CONNECTIONS = 1000  # open connections and tasks; past it, new requests get 503


class HeadTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request head is too slow to come."""

    def __init__(self, *args: Any, head_timeout: float = HEAD_TIMEOUT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head_timeout = head_timeout
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_after: object = None  # the request cycle the deadline was set after

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._disarm_once_begun()

    def on_response_complete(self) -> None:
        self._arm()
        super().on_response_complete()
        self._disarm_once_begun()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._cancel()
        if not self.transport.is_closing():
            self._waiting_after = self.cycle
            self._deadline = self.loop.call_later(self.head_timeout, self._too_slow)

    def _disarm_once_begun(self) -> None:
        if self._deadline is not None and self.cycle is not self._waiting_after:
            self._cancel()

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


def server_config(app: Any, *, host: str, port: int, head_timeout: float = HEAD_TIMEOUT) -> uvicorn.Config:
    """The uvicorn configuration `communique serve` runs `app` with."""
    return uvicorn.Config(
        app, host=host, port=port, log_level="warning",
        http=functools.partial(HeadTimeoutH11, head_timeout=head_timeout),  # type: ignore[arg-type]
        timeout_keep_alive=KEEP_ALIVE, h11_max_incomplete_event_size=MAX_HEAD,
        limit_concurrency=MAX_CONNECTIONS, timeout_graceful_shutdown=5,
    )  # fmt: skip
