"""Date expressions, resolved against the article's date.

spaCy marks DATE spans; this stage turns each into the day, month or year it names.
Relative expressions ("yesterday", "on Thursday", "next year", "two days ago") need the
article's date: without one they are kept, unresolved, with a note that says so, rather
than guessed. Durations ("five years", "the past decade") name no point in time and are
kept unresolved too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from communique.model import ArticleDoc, DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_UNIT_DAYS = {"day": 1, "week": 7}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_AGO = re.compile(r"\b(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago\b")
_RELATIVE_PERIOD = re.compile(r"\b(last|next|this|past|coming)\s+(week|month|year)\b")
_WORD = re.compile(r"[a-z]+")
NO_ARTICLE_DATE = "relative date, and the article has no date"
# A number after these words is a label ("resolution 1973", "Article 65"), not a year.
NUMBER_LABELS = frozenset(
    "resolution resolutions article articles section paragraph clause chapter flight route "
    "no number rule bill act protocol".split()
)


@dataclasses.dataclass(frozen=True, slots=True)
class Resolution:
    value: dt.date | None
    granularity: str | None
    note: str | None = None


UNRESOLVED = Resolution(None, None, "names no point in time")


class DateStage:
    """Resolve every DATE span of the parse against the article's date."""

    name = "dates"

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:
        anchor = doc.article.date
        mentions = []
        for ent in parsed.ents:
            if ent.label_ != "DATE" or _is_numbered_label(ent):
                continue
            found = resolve_date(ent.text, anchor)
            mentions.append(
                DateMention(
                    text=ent.text,
                    start=ent.start_char,
                    end=ent.end_char,
                    value=found.value,
                    granularity=found.granularity,
                    note=found.note,
                )
            )
        return dataclasses.replace(doc, dates=tuple(mentions))


def _is_numbered_label(ent: Span) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and ent.text.isdigit() and before.lower_.rstrip(".") in NUMBER_LABELS


def resolve_date(text: str, anchor: dt.date | None) -> Resolution:
    """The date a DATE expression names, relative to `anchor` (the article's date)."""
    lowered = text.lower().strip()
    absolute = _absolute_date(lowered, anchor)
    if absolute is not None:
        return absolute
    relative = _relative_date(lowered, anchor or dt.date(2000, 1, 1))
    if relative is None:
        return UNRESOLVED
    if anchor is None:
        return Resolution(None, None, NO_ARTICLE_DATE)
    return relative


def _absolute_date(lowered: str, anchor: dt.date | None) -> Resolution | None:
    iso = _ISO.search(lowered)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]), "day")
    words = _WORD.findall(lowered)
    month = next((MONTHS[w] for w in words if w in MONTHS and not _is_may_verb(w, lowered)), None)
    year_match = _YEAR.search(lowered)
    year = int(year_match[1]) if year_match else None
    if month is None:
        if year is not None and not _RELATIVE_PERIOD.search(lowered) and "ago" not in words:
            return Resolution(dt.date(year, 1, 1), "year")
        return None
    day = _day_of_month(lowered, year_match)
    if year is None:
        if anchor is None:
            return Resolution(None, None, NO_ARTICLE_DATE)
        year = _nearest_year(anchor, month)
    if day is None:
        return Resolution(dt.date(year, month, 1), "month")
    return _safe_date(year, month, day, "day")


def _is_may_verb(word: str, lowered: str) -> bool:
    """A lone "may" tagged as a date is far more often the verb than the month."""
    return word == "may" and lowered == "may"


def _day_of_month(lowered: str, year_match: re.Match[str] | None) -> int | None:
    without_year = lowered if year_match is None else lowered.replace(year_match[1], " ")
    found = _DAY.search(without_year)
    if found and 1 <= int(found[1]) <= 31:
        return int(found[1])
    return None


def _nearest_year(anchor: dt.date, month: int) -> int:
    """A month named without a year is the one closest to the article's date."""
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year


def _safe_date(year: int, month: int, day: int, granularity: str) -> Resolution:
    try:
        return Resolution(dt.date(year, month, day), granularity)
    except ValueError:
        return Resolution(None, None, "not a valid calendar date")


def _relative_date(lowered: str, anchor: dt.date) -> Resolution | None:
    words = _WORD.findall(lowered)
    for word in words:
        if word in _DAY_OFFSETS:
            return Resolution(anchor + dt.timedelta(days=_DAY_OFFSETS[word]), "day")
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        return Resolution(_weekday_near(anchor, WEEKDAYS.index(weekday), words), "day")
    ago = _AGO.search(lowered)
    if ago:
        count = int(ago[1]) if ago[1].isdigit() else NUMBER_WORDS.get(ago[1])
        return None if count is None else _shift(anchor, ago[2], -count)
    period = _RELATIVE_PERIOD.search(lowered)
    if period:
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[period[1]]
        return _shift(anchor, period[2], step)
    return None


def _weekday_near(anchor: dt.date, weekday: int, words: list[str]) -> dt.date:
    """News names the past week's days: "on Thursday" is the last Thursday up to the
    article's date; "next Thursday" is the coming one."""
    if "next" in words or "coming" in words:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _shift(anchor: dt.date, unit: str, count: int) -> Resolution:
    if unit in _UNIT_DAYS:
        shifted = anchor + dt.timedelta(days=_UNIT_DAYS[unit] * count)
        if unit == "week" and count != 0:
            return Resolution(shifted - dt.timedelta(days=shifted.weekday()), "week")
        return Resolution(shifted, "day" if unit == "day" else "week")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + count
        return Resolution(dt.date(index // 12, index % 12 + 1, 1), "month")
    return Resolution(dt.date(anchor.year + count, 1, 1), "year")
