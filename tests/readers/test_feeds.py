"""RSS and Atom feeds saved as files: one article per entry."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.ids import article_id_for
from communique.model import Article, ReadFailure
from communique.readers import iter_articles
from communique.readers.feeds import html_to_text

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World Wire</title><link>https://wire.test/</link><description>News</description>
<item>
  <title>Ministers meet in Vienna</title>
  <link>https://wire.test/vienna</link>
  <guid isPermaLink="false">wire-001</guid>
  <pubDate>Tue, 13 Sep 2011 23:10:00 +0400</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>VIENNA — Foreign ministers met on <b>Tuesday</b>, officials said.</p><p>"We made progress," the host said.</p>]]></content:encoded>
</item>
<item>
  <title>Summary only</title>
  <link>https://wire.test/summary</link>
  <description>&lt;p&gt;Talks in Geneva &amp;amp; Bern resumed.&lt;/p&gt;</description>
</item>
<item>
  <title>Nothing to read</title>
  <guid>wire-003</guid>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <id>urn:feed:atom-desk</id>
  <updated>2024-02-02T10:00:00Z</updated>
  <entry>
    <title>Border talks resume</title>
    <id>urn:entry:1</id>
    <link href="https://atom.test/border"/>
    <updated>2024-02-02T09:00:00Z</updated>
    <summary type="html">&lt;p&gt;Officials from both sides met at the crossing.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def test_rss_entries_become_articles(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = iter_articles([path])
    assert first == Article(
        id="wire-001",
        text='VIENNA — Foreign ministers met on Tuesday, officials said.\n\n"We made progress," the host said.',
        title="Ministers meet in Vienna",
        date=dt.date(2011, 9, 13),  # the day as written, not shifted to UTC
        url="https://wire.test/vienna",
        source="World Wire",
        origin=f"{path}#1",
    )
    assert second.text == "Talks in Geneva & Bern resumed."
    assert second.id == article_id_for(second.text, "https://wire.test/summary")
    assert second.date is None
    assert isinstance(third, ReadFailure)
    assert third.reason == "feed entry has no text"
    assert third.article_id == "wire-003"
    assert third.origin == f"{path}#3"


@pytest.mark.parametrize("name", ["desk.atom", "desk.xml"])
def test_atom_feed_by_extension_or_sniffed_xml(tmp_path, name):
    path = tmp_path / name
    path.write_text(ATOM, encoding="utf-8")
    (article,) = iter_articles([path], default_date=dt.date(1999, 1, 1))
    assert article.id == "urn:entry:1"
    assert article.text == "Officials from both sides met at the crossing."
    assert article.date == dt.date(2024, 2, 2)
    assert article.url == "https://atom.test/border"
    assert article.source == "Atom Desk"


@pytest.mark.parametrize(
    ("content", "reason_start"),
    [
        (b"<rss><channel><item><title>broken", "feed does not parse"),
        (b"this is not a feed at all", "feed does not parse"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', "feed has no entries"),
        (b"", "empty file"),
    ],
    ids=["truncated", "prose", "no-entries", "empty"],
)
def test_bad_feed_is_a_failure(tmp_path, content, reason_start):
    path = tmp_path / "bad.rss"
    path.write_bytes(content)
    *_, failure = iter_articles([path])
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith(reason_start)
    assert "\n" not in failure.reason


def test_broken_feed_keeps_entries_read_before_the_damage(tmp_path):
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("<title>Summary only")], encoding="utf-8")
    results = list(iter_articles([path]))
    assert [type(r).__name__ for r in results] == ["Article", "ReadFailure", "ReadFailure"]
    assert results[0].id == "wire-001"
    assert results[-1].reason.startswith("feed does not parse past entry 2")


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One.</p><p>Two <i>words</i>.</p>", "One.\n\nTwo words."),
        ("Line one<br>line two", "Line one\n\nline two"),
        ("plain   text", "plain text"),
        ("", ""),
    ],
)
def test_html_to_text(markup, text):
    assert html_to_text(markup) == text
