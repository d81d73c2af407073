"""Run the Pipeline over batches of articles: in this process or in a pool of processes.

Every runner yields `TableBatch`es: the analysed articles as compact Arrow tables, one per
stored table, plus the articles that failed. Each worker process builds its own Pipeline
once (the spaCy model and the knowledge base load once per worker) and sends back only
those tables, never spaCy objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

import pyarrow as pa
import pyarrow.compute as pc

from communique.config import Settings
from communique.model import Article, ArticleDoc, ReadFailure
from communique.pipeline import Pipeline
from communique.store.rows import tables_for_docs


@dataclass(frozen=True, slots=True)
class TableBatch:
    """One analysed batch, ready for `Store.write_tables`."""

    tables: dict[str, pa.Table]
    failures: list[ReadFailure]

    @property
    def articles(self) -> int:
        return self.tables["articles"].num_rows

    @property
    def words(self) -> int:
        return int(pc.sum(self.tables["articles"].column("words")).as_py() or 0)


class Runner(Protocol):
    def run(self, batches: Iterable[list[Article]]) -> Iterator[TableBatch]: ...

    def close(self) -> None: ...


def analyze_batch(pipeline: Pipeline, batch: list[Article]) -> TableBatch:
    """Analyze a batch and turn it into Arrow tables (what every engine sends back)."""
    outcomes = list(pipeline.pipe(batch, batch_size=len(batch) or 1))
    docs = [o for o in outcomes if isinstance(o, ArticleDoc)]
    failures = [o for o in outcomes if isinstance(o, ReadFailure)]
    return TableBatch(tables_for_docs(docs, now=dt.datetime.now(dt.UTC)), failures)


_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE  # noqa: PLW0603 (one pipeline per worker process, by design)
    _WORKER_PIPELINE = Pipeline(settings)


def _analyze_in_worker(batch: list[Article]) -> TableBatch:
    if _WORKER_PIPELINE is None:  # pragma: no cover (the initializer always runs first)
        raise RuntimeError("worker pipeline not started")
    return analyze_batch(_WORKER_PIPELINE, batch)


class LocalRunner:
    """Analyze batches in this process."""

    def __init__(self, settings: Settings) -> None:
        self.pipeline = Pipeline(settings)

    def run(self, batches: Iterable[list[Article]]) -> Iterator[TableBatch]:
        for batch in batches:
            yield analyze_batch(self.pipeline, batch)

    def close(self) -> None:
        """Nothing to release in-process."""


class ProcessRunner:
    """Analyze batches in N worker processes, results in input order."""

    def __init__(self, settings: Settings, *, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(settings,)
        )

    def run(self, batches: Iterable[list[Article]]) -> Iterator[TableBatch]:
        pending: list[Future[TableBatch]] = []
        for batch in batches:
            pending.append(self.pool.submit(_analyze_in_worker, batch))
            if len(pending) > self.workers * 2:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_runner(
    settings: Settings, *, workers: int = 1, engine: str = "local", scheduler: str | None = None,
    shards: str | None = None,
) -> Runner:
    """The runner for `--engine`, `--workers`, `--scheduler` and `--shards`."""
    if engine == "dask":
        from communique.runners.dask import DaskRunner  # optional extra

        return DaskRunner(settings, workers=workers, scheduler=scheduler, shards=shards)
    if workers <= 1:
        return LocalRunner(settings)
    return ProcessRunner(settings, workers=workers)
