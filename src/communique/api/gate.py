"""How many store queries run at once, and a bounded cache of their answers.

The server opens its database read-only, so an answer stays right for as long as the
server runs: `AnswerCache` keeps the most recently used ones, keyed by the route and its
normalised query (the store's frozen filter objects), and bounded by the rows it holds.
`ReadGate` lets only a few queries run at once, as many as the machine has cores by
default: DuckDB already runs each query on every core, so more concurrent queries would
only wait for one another, and every answer would come later. A page is kept as `Answer`,
its rows already JSON text, so that a cached answer costs no encoding.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from fastapi.encoders import jsonable_encoder

DEFAULT_CACHE_ROWS = 100_000  # rows of answers kept, over all cached answers


@dataclass(frozen=True, slots=True)
class Answer:
    """One page of rows as UTF-8 JSON; `more` when another page follows."""

    rows_json: bytes
    count: int
    more: bool

    @classmethod
    def page(cls, rows: list[Any], limit: int) -> Answer:
        """The first `limit` of `rows`; a row past them means that another page follows."""
        shown = rows[:limit]
        return cls(rows_json=to_json(shown).encode("utf-8"), count=len(shown), more=len(rows) > limit)


def to_json(value: Any) -> str:
    """Compact JSON, as FastAPI's own responses are written (dates in ISO 8601)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_plain)


def _plain(value: Any) -> Any:
    """What `json` cannot write itself: dates and times as ISO 8601, the rest as FastAPI does."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return jsonable_encoder(value)


class AnswerCache:
    """The latest answers (pages or lists), least recently used out first past `max_rows`."""

    def __init__(self, max_rows: int = DEFAULT_CACHE_ROWS) -> None:
        self.max_rows = max_rows
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._rows = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def rows(self) -> int:
        return self._rows

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def put(self, key: Hashable, answer: Any) -> None:
        """Keep `answer` under `key`; an answer bigger than the whole cache is not kept."""
        weight = _weight(answer)
        if weight > self.max_rows:
            return
        with self._lock:
            if key in self._answers:
                self._rows -= _weight(self._answers.pop(key))
            self._answers[key] = answer
            self._rows += weight
            while self._rows > self.max_rows:
                _, dropped = self._answers.popitem(last=False)
                self._rows -= _weight(dropped)


def _weight(answer: Any) -> int:
    rows = answer.count if isinstance(answer, Answer) else len(answer)
    return max(1, rows)  # an empty answer still takes a slot


class ReadGate:
    """Answers from the cache, or computed with at most `max_queries` computing at once."""

    def __init__(self, *, max_queries: int | None = None, cache_rows: int = DEFAULT_CACHE_ROWS) -> None:
        self.max_queries = max_queries or os.cpu_count() or 2
        self.cache = AnswerCache(cache_rows)
        self._slots = threading.BoundedSemaphore(self.max_queries)

    def read(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer under `key`, computing and keeping it when it is not cached yet."""
        found = self.cache.get(key)
        if found is not None:
            return found
        with self._slots:
            found = self.cache.get(key)  # another request may have computed it meanwhile
            if found is None:
                found = compute()
                self.cache.put(key, found)
        return found
