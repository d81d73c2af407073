"""Run the Pipeline on a Dask cluster: a LocalCluster by default, any scheduler otherwise.

Only this module imports dask, and only when `--engine dask` is chosen; it lives behind the
`dask` extra. Each Dask worker builds its Pipeline once (cached in the worker process) and
sends back plain records, which the ingesting process stores exactly as a local run does,
so the output of both engines is the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from communique.config import Settings
from communique.errors import ConfigError
from communique.model import Article
from communique.runners.analyze import Outcome

_PIPELINES: dict[Settings, Any] = {}


def analyze_on_worker(batch: list[Article], settings: Settings) -> list[Outcome]:
    """The per-batch task: analyze with this worker's cached pipeline."""
    from communique.pipeline import Pipeline

    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings)
    return list(_PIPELINES[settings].pipe(batch, batch_size=len(batch) or 1))


class DaskRunner:
    """Submit batches to a Dask cluster and yield results in input order."""

    def __init__(self, settings: Settings, *, workers: int = 2, scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            msg = "--engine dask needs the dask extra: pip install 'communique[dask]'"
            raise ConfigError(msg) from exc
        self.settings = settings
        self.workers = workers
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
            self.client = Client(self.cluster)

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        pending = []
        for batch in batches:
            pending.append(self.client.submit(analyze_on_worker, batch, self.settings, pure=False))
            if len(pending) > self.workers * 2:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
