"""Speed of the whole ingest against spaCy's own parse of the same text, in one run.

The ratio is what matters: this machine is shared and noisy, so a bare time means little,
while both figures measured in the same run move together. Each side runs `repeat` times,
alternating, and its best run counts. With `scaling=True` the same articles are also
ingested by N local worker processes and by N Dask workers, and the speed-ups over one
process are reported with the peak memory of a worker. Each stage's cost (actor resolution,
dates, quotes, events ...) is given the same way, as a share of spaCy's parse time.
"""

from __future__ import annotations

import dataclasses
import resource
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from communique.config import Settings
from communique.errors import ConfigError, ReaderError
from communique.model import Article
from communique.pipeline import Pipeline, count_words
from communique.readers import iter_articles
from communique.runners.analyze import make_runner
from communique.runners.ingest import ingest


@dataclass(frozen=True, slots=True)
class BenchResult:
    articles: int
    words: int
    spacy_words_per_second: float
    ingest_words_per_second: float
    ratio: float
    workers: int
    model: str
    peak_memory_mb: float
    scaling: dict[str, float] = field(default_factory=dict)
    stage_shares: dict[str, float] = field(default_factory=dict)  # stage -> its time / spaCy's

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def bench(corpus: str | Path, *, settings: Settings | None = None, limit: int | None = None,
          repeat: int = 2, workers: int = 1, min_words: int = 0, scaling: bool = False) -> BenchResult:
    """Words per second of spaCy alone and of `ingest`, on the same articles."""
    settings = settings or Settings()
    articles = read_corpus(corpus, limit=limit, min_words=min_words)
    pipeline = Pipeline(settings)
    pipeline.analyze(articles[0])  # load every lazy resource before timing
    spacy_best, ingest_best, words = float("inf"), float("inf"), 0
    for _ in range(repeat):
        seconds, words = _time_spacy(pipeline, articles)
        spacy_best = min(spacy_best, seconds)
        ingest_best = min(ingest_best, _time_ingest(articles, settings, workers=workers))
    result = BenchResult(
        articles=len(articles), words=words,
        spacy_words_per_second=words / spacy_best, ingest_words_per_second=words / ingest_best,
        ratio=spacy_best / ingest_best, workers=workers, model=settings.model,
        peak_memory_mb=_peak_memory_mb(), stage_shares=_stage_shares(pipeline, articles, spacy_best),
    )
    if scaling:
        one_process = ingest_best if workers == 1 else _time_ingest(articles, settings, workers=1)
        result = dataclasses.replace(result, scaling=_scaling(articles, settings, one_process, workers))
    return result


def _scaling(articles: list[Article], settings: Settings, one_process: float, workers: int) -> dict[str, float]:
    """Speed-ups of N local processes and of N Dask workers over one process, once their
    workers are up (start-up, which a long run pays once, is reported on its own)."""
    count = max(workers, 2)
    figures: dict[str, float] = {"workers": count}
    for engine in ("local", "dask"):
        try:
            startup, seconds = _time_warm_runner(articles, settings, workers=count, engine=engine)
        except ConfigError:  # no dask extra
            continue
        figures[f"{engine}_speedup"] = one_process / seconds
        figures[f"{engine}_startup_seconds"] = startup
    figures["worker_peak_memory_mb"] = _peak_memory_mb(children=True)
    return figures


def _time_warm_runner(articles: list[Article], settings: Settings, *, workers: int, engine: str) -> tuple[float, float]:
    """Seconds to start N workers and have each analyze a first batch, then seconds to ingest."""
    started = time.perf_counter()
    runner = make_runner(settings, workers=workers, engine=engine)
    try:
        for _ in runner.run([articles[:1]] * workers):
            pass
        startup = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            ingest([], Path(folder) / "bench.duckdb", settings=settings, articles=iter(articles), runner=runner)
            return startup, time.perf_counter() - began
    finally:
        runner.close()


def read_corpus(corpus: str | Path, *, limit: int | None = None, min_words: int = 0) -> list[Article]:
    """The corpus's articles; repeated (as distinct articles) until it holds `min_words`."""
    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    if limit is not None:
        articles = articles[:limit]
    if not articles:
        msg = f"no readable articles in {corpus}"
        raise ReaderError(msg)
    words = sum(len(a.text.split()) for a in articles)
    copies = max(1, -(-min_words // words)) if min_words else 1
    return [
        dataclasses.replace(a, id=f"{a.id}~{n}", url=f"{a.url or a.id}#copy{n}") if n else a
        for n in range(copies)
        for a in articles
    ]


def _stage_shares(pipeline: Pipeline, articles: list[Article], spacy_seconds: float) -> dict[str, float]:
    """Each stage's time on the parsed articles, as a share of spaCy's parse time."""
    totals: dict[str, float] = {}
    parsed_docs = pipeline.nlp.pipe((a.text for a in articles), batch_size=32)
    for article, parsed in zip(articles, parsed_docs, strict=True):
        pipeline.run_stages(article, parsed, timings=totals)
    return {name: round(seconds / spacy_seconds, 3) for name, seconds in totals.items()}


def _time_spacy(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    started = time.perf_counter()
    words = 0
    for parsed in pipeline.nlp.pipe((a.text for a in articles), batch_size=32):
        words += count_words(parsed)
    return time.perf_counter() - started, words


def _time_ingest(articles: list[Article], settings: Settings, *, workers: int, engine: str = "local") -> float:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        ingest([], db, settings=settings, workers=workers, engine=engine, articles=iter(articles))
        return time.perf_counter() - started


def _peak_memory_mb(*, children: bool = False) -> float:
    """Peak resident memory of this process (or of its largest child) in MB."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    kilobytes = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return kilobytes / 1024
