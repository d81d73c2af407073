"""HTML pages: main text and metadata via trafilatura; pages without article text fail."""

from __future__ import annotations

import datetime as dt

import pytest
from reader_inputs import NO_ARTICLE_PAGE, PARAGRAPHS, article_page

from communique.ids import article_id_for
from communique.model import Article, ReadFailure
from communique.readers import iter_articles


def test_html_page_gives_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(url="https://news.test/berlin"), encoding="utf-8")
    (article,) = iter_articles([path])
    assert isinstance(article, Article)
    assert article.title == "Leaders meet in Berlin"
    assert article.date == dt.date(2024, 5, 2)
    assert article.url == "https://news.test/berlin"
    assert article.source == "Example News"
    assert article.text.startswith("BERLIN — The French president")  # the h1 is not repeated
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)
    assert "Home" not in article.text
    assert "Copyright" not in article.text
    assert article.id == article_id_for(article.text, "https://news.test/berlin")


def test_html_without_date_takes_default_date(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(article_page(date=None), encoding="utf-8")
    (article,) = iter_articles([path], default_date=dt.date(2024, 1, 1))
    assert article.date == dt.date(2024, 1, 1)


def test_html_in_declared_legacy_encoding(tmp_path):
    path = tmp_path / "page.html"
    html = article_page().replace("charset='utf-8'", "charset='windows-1252'").replace("BERLIN", "BERLIN café")
    path.write_bytes(html.encode("cp1252"))
    (article,) = iter_articles([path])
    assert "BERLIN café — The French" in article.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (NO_ARTICLE_PAGE.encode(), "no article text found in the HTML"),
        (b"<html><body></body></html>", "no article text found in the HTML"),
        (b"", "empty file: no text"),
        (bytes(range(256)) * 4, "binary file: not text"),
    ],
    ids=["navigation-only", "empty-body", "empty-file", "binary"],
)
def test_html_without_article_text_is_a_failure(tmp_path, content, reason):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    (failure,) = iter_articles([path])
    assert isinstance(failure, ReadFailure)
    assert failure.reason == reason
    assert failure.origin == str(path)
