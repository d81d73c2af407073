"""Speed of the whole ingest against spaCy's own parse of the same text, in one run.

The ratio is what matters: this machine is shared and noisy, so a bare time means little,
while both figures measured in the same run move together. Each side runs `repeat` times,
alternating, and its best run counts.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from communique.config import Settings
from communique.errors import ReaderError
from communique.model import Article
from communique.pipeline import Pipeline
from communique.readers import iter_articles
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

    def as_dict(self) -> dict[str, float | int | str]:
        return asdict(self)


def bench(corpus: str | Path, *, settings: Settings | None = None, limit: int | None = None,
          repeat: int = 2, workers: int = 1) -> BenchResult:
    """Words per second of spaCy alone and of `ingest`, on the same articles."""
    settings = settings or Settings()
    articles = _read_corpus(corpus, limit)
    pipeline = Pipeline(settings)
    pipeline.analyze(articles[0])  # load every lazy resource before timing
    spacy_best, ingest_best, words = float("inf"), float("inf"), 0
    for _ in range(repeat):
        seconds, words = _time_spacy(pipeline, articles)
        spacy_best = min(spacy_best, seconds)
        ingest_best = min(ingest_best, _time_ingest(articles, settings, workers))
    return BenchResult(
        articles=len(articles),
        words=words,
        spacy_words_per_second=words / spacy_best,
        ingest_words_per_second=words / ingest_best,
        ratio=spacy_best / ingest_best,
        workers=workers,
        model=settings.model,
    )


def _read_corpus(corpus: str | Path, limit: int | None) -> list[Article]:
    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    if limit is not None:
        articles = articles[:limit]
    if not articles:
        msg = f"no readable articles in {corpus}"
        raise ReaderError(msg)
    return articles


def _time_spacy(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    started = time.perf_counter()
    words = 0
    for parsed in pipeline.nlp.pipe((a.text for a in articles), batch_size=32):
        words += sum(1 for token in parsed if not token.is_punct and not token.is_space)
    return time.perf_counter() - started, words


def _time_ingest(articles: list[Article], settings: Settings, workers: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        ingest([], db, settings=settings, workers=workers, articles=iter(articles))
        return time.perf_counter() - started
