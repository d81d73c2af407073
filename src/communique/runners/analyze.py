"""Run the Pipeline over batches of articles: in this process or in a pool of processes.

Each worker process builds its own Pipeline once (the spaCy model and the knowledge base
load once per worker) and returns plain, picklable records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from communique.config import Settings
from communique.model import Article, ArticleDoc, ReadFailure
from communique.pipeline import Pipeline

Outcome = ArticleDoc | ReadFailure

_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE  # noqa: PLW0603 (one pipeline per worker process, by design)
    _WORKER_PIPELINE = Pipeline(settings)


def _analyze_in_worker(batch: list[Article]) -> list[Outcome]:
    if _WORKER_PIPELINE is None:  # pragma: no cover (the initializer always runs first)
        raise RuntimeError("worker pipeline not started")
    return list(_WORKER_PIPELINE.pipe(batch, batch_size=len(batch) or 1))


class LocalRunner:
    """Analyze batches in this process."""

    def __init__(self, settings: Settings) -> None:
        self.pipeline = Pipeline(settings)

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield list(self.pipeline.pipe(batch, batch_size=len(batch) or 1))

    def close(self) -> None:
        """Nothing to release in-process."""


class ProcessRunner:
    """Analyze batches in N worker processes, results in input order."""

    def __init__(self, settings: Settings, *, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(settings,)
        )

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        pending: list[Future[list[Outcome]]] = []
        for batch in batches:
            pending.append(self.pool.submit(_analyze_in_worker, batch))
            if len(pending) > self.workers * 2:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_runner(
    settings: Settings, *, workers: int = 1, engine: str = "local", scheduler: str | None = None
) -> LocalRunner | ProcessRunner:
    """The runner for `--engine`, `--workers` and `--scheduler`."""
    if engine == "dask":
        from communique.runners.dask import DaskRunner  # optional extra

        return DaskRunner(settings, workers=workers, scheduler=scheduler)  # type: ignore[return-value]
    if workers <= 1:
        return LocalRunner(settings)
    return ProcessRunner(settings, workers=workers)
