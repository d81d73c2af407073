"""WARC files: HTML responses become articles; damage is recorded after what was read."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from reader_inputs import NO_ARTICLE_PAGE, article_page, write_warc

from communique.model import Article, ReadFailure
from communique.readers import iter_articles

PAGES = [
    ("https://news.test/one", "text/html; charset=utf-8", article_page(title="First story").encode()),
    ("https://news.test/data.json", "application/json", b'{"not": "html"}'),
    ("https://news.test/two", "application/xhtml+xml", article_page(title="Second story", date=None).encode()),
    ("https://news.test/menu", "text/html", NO_ARTICLE_PAGE.encode()),
]


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def warc_file(request, tmp_path):
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    ids = write_warc(path, PAGES, gzip=request.param)
    return path, ids


def test_warc_html_responses_become_articles(warc_file):
    path, ids = warc_file
    first, second, menu = iter_articles([path])
    assert isinstance(first, Article)
    assert first.id == ids[0]
    assert first.url == "https://news.test/one"
    assert first.title == "First story"
    assert first.date == dt.date(2024, 5, 2)  # from the page's metadata
    assert first.origin == f"{path}#2"  # record 1 is the request
    assert second.id == ids[2]
    assert second.date == dt.date(2011, 9, 13)  # no page date: the crawl's WARC-Date
    assert second.origin == f"{path}#6"
    assert isinstance(menu, ReadFailure)
    assert menu.reason == "no article text found in the HTML"
    assert menu.article_id == ids[3]


def test_truncated_warc_gz_keeps_records_before_the_cut(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, PAGES, gzip=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])  # inside the last response's gzip member
    *articles, damage = iter_articles([cut])
    assert [type(a).__name__ for a in articles] == ["Article", "Article"]
    assert isinstance(damage, ReadFailure)
    assert damage.reason.startswith("truncated or corrupt WARC after record 7")
    assert damage.origin == f"{cut}#8"


def test_truncated_plain_warc_reports_the_short_record(tmp_path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, PAGES[:1], gzip=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-300])
    (short,) = iter_articles([cut])
    assert isinstance(short, ReadFailure)
    assert short.reason == "truncated WARC record: its content ends early"


@pytest.mark.parametrize(
    ("content", "reason_start"),
    [
        (b"", "empty file"),
        (b"This is a text file, not an archive.\n" * 5, "not a readable WARC file"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:20], "not a readable WARC file"),
    ],
    ids=["empty", "prose", "cut-in-first-header"],
)
def test_unreadable_warc_is_one_failure(tmp_path, content, reason_start):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(content)
    (failure,) = iter_articles([path])
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith(reason_start)
    assert "\n" not in failure.reason


def test_truncated_last_record_that_is_not_html_is_reported(tmp_path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, [PAGES[0], ("https://news.test/a.pdf", "application/pdf", b"%PDF-1.7" + b"x" * 2000)], gzip=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-1000])
    article, damage = iter_articles([cut])
    assert isinstance(article, Article)
    assert damage.reason == "truncated or corrupt WARC after record 3: the file ends inside a record"
    assert damage.origin == f"{cut}#4"
