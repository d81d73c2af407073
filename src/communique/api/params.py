"""Query parameters of the API as Pydantic models, and their conversion to store queries.

Every model forbids unknown parameters, so a misspelt filter (`?actr=GBR`) is a 400 that
names it instead of a silently unfiltered answer. The names match the command line's
options (`--actor-name` is `actor_name`, `--with-duplicates` is `with_duplicates`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from communique.ontology import PLOVER_TYPES
from communique.store.queries import DyadQuery, EventFilter, QuoteFilter

DEFAULT_PAGE = 50
MAX_PAGE = 500
MAX_OFFSET = 1_000_000  # deeper pages re-sort everything before them; filter instead
MAX_TEXT = 200  # characters in a substring filter
MAX_SERIES = 10_000  # rows of a dyad series per page: ten years by day, both ways, fits in two

Country = Annotated[
    str,
    Field(pattern=r"^[A-Za-z]{2,8}$", description="ISO 3166-1 alpha-3 code or an IGO code such as NATO; any case."),
]
Substring = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]


class Page(BaseModel):
    """`limit` rows starting after `offset`; the answer says where the next page starts."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description=f"Rows per page, at most {MAX_PAGE}.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")


class _Dates(Page):
    since: dt.date | None = Field(None, description="On or after this date (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="On or before this date (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _ordered(self) -> _Dates:
        if self.since and self.until and self.since > self.until:
            msg = f"since ({self.since}) is after until ({self.until})"
            raise ValueError(msg)
        return self


class EventParams(_Dates):
    """The filters of `communique events`."""

    actor: Country | None = Field(None, description="An actor's country.")
    recipient: Country | None = Field(None, description="A recipient's country.")
    actor_name: Substring | None = Field(None, description="Part of an actor's name, any case.")
    type: str | None = Field(None, description=f"A PLOVER type: {', '.join(PLOVER_TYPES)}.")
    quad_class: int | None = Field(
        None, ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict."
    )
    source: Substring | None = Field(None, description="Part of the article's source name, any case.")
    text: Substring | None = Field(None, description="Part of the event's sentence, any case.")
    with_duplicates: bool = Field(False, description="Also the events of near-duplicate articles.")

    @field_validator("type")
    @classmethod
    def _plover(cls, value: str | None) -> str | None:
        if value is not None and value.upper() not in PLOVER_TYPES:
            msg = f"must be one of {', '.join(PLOVER_TYPES)}, not {value!r}"
            raise ValueError(msg)
        return None if value is None else value.upper()

    def to_filter(self) -> EventFilter:
        """The store's filter, asking one row more than a page to know whether another follows.

        Values are normalised (countries upper case, substrings lower case) as the store
        reads them, so that equal filters make equal cache keys.
        """
        return EventFilter(
            since=self.since, until=self.until, actor=_upper(self.actor), recipient=_upper(self.recipient),
            actor_name=_lower(self.actor_name), type=self.type, quad_class=self.quad_class,
            source=_lower(self.source), text=_lower(self.text), limit=self.limit + 1,
            offset=self.offset, include_duplicates=self.with_duplicates,
        )  # fmt: skip


class QuoteParams(_Dates):
    """The filters of `communique quotes`."""

    speaker: Substring | None = Field(None, description="Part of the speaker's name or text, any case.")
    country: Country | None = Field(None, description="The speaker's country.")
    text: Substring | None = Field(None, description="Part of the quote's text, any case.")

    def to_filter(self) -> QuoteFilter:
        """The store's filter, asking one row more than a page to know whether another follows."""
        return QuoteFilter(
            speaker=self.speaker, country=_upper(self.country), text=self.text,
            since=self.since, until=self.until, limit=self.limit + 1,
        )  # fmt: skip


class DyadParams(_Dates):
    """The options of `communique dyads`; `both` defaults to true here, as the dashboard wants."""

    actor: Country = Field(description="The acting country.")
    recipient: Country = Field(description="The receiving country.")
    freq: Literal["day", "week", "month"] = Field("month", description="Period of the series.")
    both: bool = Field(True, description="Add the reverse direction.")
    limit: int = Field(MAX_SERIES, ge=1, le=MAX_SERIES, description=f"Rows per page, at most {MAX_SERIES}.")

    def to_query(self) -> DyadQuery:
        return DyadQuery(
            actor=self.actor.upper(), recipient=self.recipient.upper(), freq=self.freq, both=self.both,
            since=self.since, until=self.until,
        )  # fmt: skip


class AnalyzeRequest(BaseModel):
    """An article to analyze: its text, and what the input would otherwise carry."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text.")
    title: str | None = Field(None, max_length=1000)
    date: dt.date | None = Field(None, description="The article's date (YYYY-MM-DD); resolves relative dates.")
    id: str | None = Field(None, max_length=200, description="Its id; a hash of the text otherwise.")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


def _upper(value: str | None) -> str | None:
    return None if value is None else value.upper()


def _lower(value: str | None) -> str | None:
    return None if value is None else value.lower()
