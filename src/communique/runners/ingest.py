"""`communique ingest`: read inputs, skip what is stored, analyze the rest, store in batches.

Nothing is lost and nothing is stored twice: articles are keyed by a hash of their
normalised text (and URL); each batch is written in one transaction; a failure is
recorded with its input, record and reason, and the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from communique.config import Settings
from communique.ids import content_key
from communique.model import Article, ReadFailure
from communique.readers import iter_articles
from communique.runners.analyze import Runner, TableBatch, make_runner
from communique.store import Store
from communique.store.clusters import cluster_events

BATCH_SIZE = 32


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    already_stored: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestReport], None]


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    shards: str | None = None,
    on_progress: Progress | None = None,
    articles: Iterable[Article | ReadFailure] | None = None,
    runner: Runner | None = None,
) -> IngestReport:
    """Analyze and store every article of `paths` (or of `articles`) into `db`.

    A `runner` given is used as it is and left open (to time a warm pool, say); otherwise
    one is made from `workers`, `engine`, `scheduler` and `shards`, and closed at the end.
    """
    settings = settings or Settings()
    report = IngestReport()
    started = time.perf_counter()
    source = articles if articles is not None else iter_articles(paths)
    own_runner = runner is None
    with Store(db) as store:
        if runner is None:
            runner = make_runner(
                settings, workers=workers, engine=engine, scheduler=scheduler, shards=shards
            )
        try:
            new_batches = _new_article_batches(source, store, report)
            for batch in runner.run(new_batches):
                _store_batch(store, batch, report)
                report.seconds = time.perf_counter() - started
                if on_progress is not None:
                    on_progress(report)
        finally:
            if own_runner:
                runner.close()
        cluster_events(store.con)
    report.seconds = time.perf_counter() - started
    return report


def _new_article_batches(
    source: Iterable[Article | ReadFailure], store: Store, report: IngestReport
) -> Iterator[list[Article]]:
    """Batches of articles not yet stored; read failures are stored as they come."""
    seen_keys: set[str] = set()
    batch: list[Article] = []
    for item in source:
        if isinstance(item, ReadFailure):
            _record_failures(store, [item], report)
            continue
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield _unstored(batch, store, seen_keys, report)
            batch = []
    if batch:
        yield _unstored(batch, store, seen_keys, report)


def _unstored(
    batch: list[Article], store: Store, seen_keys: set[str], report: IngestReport
) -> list[Article]:
    keys = [content_key(a.text, a.url) for a in batch]
    stored = store.stored_keys(keys)
    fresh: list[Article] = []
    for article, key in zip(batch, keys, strict=True):
        if key in stored or key in seen_keys:
            report.already_stored += 1
            continue
        seen_keys.add(key)
        fresh.append(article)
    return _without_id_clashes(fresh, store, report)


def _without_id_clashes(batch: list[Article], store: Store, report: IngestReport) -> list[Article]:
    """An id already stored for a different text is a failure, not an overwrite."""
    taken = store.stored_ids([a.id for a in batch])
    seen: set[str] = set()
    clear: list[Article] = []
    clashes: list[ReadFailure] = []
    for article in batch:
        if article.id in taken or article.id in seen:
            reason = f"article id {article.id!r} is already stored for a different text"
            clashes.append(ReadFailure(origin=article.origin, record=article.id, reason=reason))
            continue
        seen.add(article.id)
        clear.append(article)
    _record_failures(store, clashes, report)
    return clear


def _store_batch(store: Store, batch: TableBatch, report: IngestReport) -> None:
    store.write_tables(batch.tables, batch.failures)
    report.stored += batch.articles
    report.words += batch.words
    report.failed += len(batch.failures)
    report.failures.extend(batch.failures)


def _record_failures(store: Store, failures: list[ReadFailure], report: IngestReport) -> None:
    if failures:
        store.write((), failures)
        report.failed += len(failures)
        report.failures.extend(failures)
