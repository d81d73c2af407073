import datetime as dt

import pytest

from communique.stages.dates import NO_ARTICLE_DATE, resolve_date

TUESDAY = dt.date(2011, 9, 13)


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("yesterday", dt.date(2011, 9, 12), "day"),
        ("today", dt.date(2011, 9, 13), "day"),
        ("on Thursday", dt.date(2011, 9, 8), "day"),
        ("Tuesday", dt.date(2011, 9, 13), "day"),
        ("next Monday", dt.date(2011, 9, 19), "day"),
        ("next year", dt.date(2012, 1, 1), "year"),
        ("last month", dt.date(2011, 8, 1), "month"),
        ("two days ago", dt.date(2011, 9, 11), "day"),
        ("2006", dt.date(2006, 1, 1), "year"),
        ("12 September 2011", dt.date(2011, 9, 12), "day"),
        ("Sept. 11", dt.date(2011, 9, 11), "day"),
        ("May 2012", dt.date(2012, 5, 1), "month"),
        ("December 28", dt.date(2011, 12, 28), "day"),  # the nearest December 28
        ("March 3", dt.date(2011, 3, 3), "day"),
        ("2025-03-14", dt.date(2025, 3, 14), "day"),
    ],
)
def test_dates_resolve_against_article_date(text, value, granularity):
    found = resolve_date(text, TUESDAY)
    assert (found.value, found.granularity) == (value, granularity)


@pytest.mark.parametrize("text", ["yesterday", "next year", "on Thursday", "September 12"])
def test_dates_relative_without_article_date_say_so(text):
    found = resolve_date(text, None)
    assert found.value is None
    assert found.note == NO_ARTICLE_DATE


def test_dates_absolute_without_article_date_still_resolve():
    assert resolve_date("12 September 2011", None).value == dt.date(2011, 9, 12)


@pytest.mark.parametrize("text", ["five years", "the past decade", "February 30 2011"])
def test_dates_durations_and_impossible_dates_stay_unresolved(text):
    assert resolve_date(text, TUESDAY).value is None


def test_dates_numbered_labels_are_not_years(pipeline):
    from communique.model import Article

    text = "Russia said resolution 1973 on Libya was abused in 2011, and Article 65 applies."
    doc = pipeline.analyze(Article(id="t", text=text, date=TUESDAY))
    assert [d.text for d in doc.dates] == ["2011"]
