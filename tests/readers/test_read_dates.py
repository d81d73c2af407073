"""Date strings as inputs write them."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.readers.common import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2011-09-13", dt.date(2011, 9, 13)),
        ("2025-03-14 20:30:26Z", dt.date(2025, 3, 14)),
        ("2025-03-14T23:30:26-05:00", dt.date(2025, 3, 14)),
        ("Tue, 13 Sep 2011 10:00:00 GMT", dt.date(2011, 9, 13)),
        ("Tue, 13 Sep 2011 23:59:00 +0400", dt.date(2011, 9, 13)),
        ("13 September 2011", dt.date(2011, 9, 13)),
        ("September 13, 2011", dt.date(2011, 9, 13)),
        ("Tuesday, September 13, 2011", dt.date(2011, 9, 13)),
        ("2011/09/13", dt.date(2011, 9, 13)),
        ("yesterday", None),
        ("2011-13-45", None),
        ("", None),
    ],
)
def test_parse_date_reads_common_forms(text, expected):
    assert parse_date(text) == expected
