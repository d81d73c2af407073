"""Records every stage produces and every consumer reads.

All records are frozen dataclasses: cheap, hashable and picklable, so they cross process
and Dask worker boundaries unchanged. Offsets (`start`, `end`) are character offsets into
`Article.text`. Stages never import each other; they import this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input article, as read, before analysis."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # where it was read from: path, path:line, path#record


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadFailure:
    """An input that could not become an article; recorded, never raised in a batch."""

    origin: str
    record: str
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """An actor as it takes part in an event or speaks a quote (the contract's Party)."""

    name: str
    text: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    name: str
    country: str | None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, organisation, country or place, with every mention of it in the article.

    `kind` is one of PERSON, ORG, COUNTRY, PLACE, GROUP (nationalities and groups).
    """

    id: str
    name: str
    kind: str
    mentions: tuple[Mention, ...]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    place: Place | None = None
    source: str = "ner"  # which resolver named it: ner, kb, context


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A date expression and the day (or the period's first day) it resolves to."""

    text: str
    start: int
    end: int
    value: dt.date | None
    granularity: str | None  # day, month, year, or None when unresolved
    note: str | None = None  # why it is unresolved, e.g. "article has no date"


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    text: str
    value: float
    currency: str | None  # ISO 4217, or None for a count
    unit: str  # money or people
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    type: str
    cameo: str
    actor: tuple[Party, ...]
    recipient: tuple[Party, ...]
    text: str
    start: int
    end: int
    mode: str | None = None
    context: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    modality: str | None = None  # asserted, future, hypothetical, denied
    date: dt.date | None = None
    place: Place | None = None
    rule: str = ""  # what produced it, for explanation
    evidence: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str  # direct, indirect, mixed
    cue: str | None
    speaker: Party | None
    events: tuple[str, ...] = ()
    speaker_mention: Mention | None = None  # the speaker as written, where (pronoun included)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleDoc:
    """An analysed article: the input plus every annotation the stages assigned."""

    article: Article
    language: str = "en"
    words: int = 0
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    amounts: tuple[Amount, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=())
