"""Run the Pipeline on a Dask cluster: a LocalCluster by default, any scheduler otherwise.

Only this module imports dask, and only when `--engine dask` is chosen; it lives behind the
`dask` extra. Each Dask worker builds its Pipeline once (cached in the worker process),
analyzes a batch, and writes it as Parquet shards (one file per stored table) into the
shard folder; the ingesting process loads each batch's shards into DuckDB through the same
path as a local run, so the output of both engines is the same. The shard folder must be
reachable from the workers and the ingesting process: a temporary folder on a local
cluster, a shared filesystem (`--shards DIR`) on a remote one.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from communique.config import Settings
from communique.errors import ConfigError
from communique.model import Article, ReadFailure
from communique.runners.analyze import TableBatch, analyze_batch

_PIPELINES: dict[Settings, Any] = {}


def analyze_to_shards(
    batch: list[Article], settings: Settings, folder: str, number: int
) -> tuple[dict[str, str], list[ReadFailure]]:
    """The per-batch task: analyze with this worker's cached pipeline, write Parquet shards."""
    from communique.pipeline import Pipeline

    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings)
    result = analyze_batch(_PIPELINES[settings], batch)
    paths = {}
    for name, table in result.tables.items():
        path = Path(folder) / f"{number:08d}-{name}.parquet"
        pq.write_table(table, path)
        paths[name] = str(path)
    return paths, result.failures


def load_shards(paths: dict[str, str], failures: list[ReadFailure]) -> TableBatch:
    """A batch's shards read back as Arrow tables; the files are removed once read."""
    tables = {name: pq.read_table(path) for name, path in paths.items()}
    for path in paths.values():
        Path(path).unlink(missing_ok=True)
    return TableBatch(tables, failures)


class DaskRunner:
    """Submit batches to a Dask cluster and yield their shards in input order."""

    def __init__(self, settings: Settings, *, workers: int = 2, scheduler: str | None = None,
                 shards: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            msg = "--engine dask needs the dask extra: pip install 'communique[dask]'"
            raise ConfigError(msg) from exc
        self.settings = settings
        self.workers = workers
        self._own_folder = shards is None
        self.folder = shards or tempfile.mkdtemp(prefix="communique-shards-")
        Path(self.folder).mkdir(parents=True, exist_ok=True)
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
            self.client = Client(self.cluster)

    def run(self, batches: Iterable[list[Article]]) -> Iterator[TableBatch]:
        pending = []
        for number, batch in enumerate(batches):
            pending.append(self.client.submit(
                analyze_to_shards, batch, self.settings, self.folder, number, pure=False
            ))
            if len(pending) > self.workers * 2:
                yield load_shards(*pending.pop(0).result())
        for future in pending:
            yield load_shards(*future.result())

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)
