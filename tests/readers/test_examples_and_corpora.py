"""The shipped examples and the shared development corpora read cleanly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.model import Article, ReadFailure
from communique.readers import count_inputs, iter_articles

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
EXAMPLE_IDS_IN_FEED = ["ex-2025-india-pakistan-border-talks", "ex-2025-eu-iran-sanctions"]


def example_articles() -> dict[str, Article]:
    return {a.origin: a for a in iter_articles([EXAMPLES / "articles.jsonl"])}


def test_examples_folder_reads_without_failures():
    results = list(iter_articles([EXAMPLES]))
    assert not [r for r in results if isinstance(r, ReadFailure)]
    assert len(results) == 11
    assert count_inputs([EXAMPLES]) == 4


def test_example_articles_are_complete_wire_reports():
    articles = list(example_articles().values())
    assert 6 <= len(articles) <= 8
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert 150 <= len(article.text.split()) <= 400, article.id
        assert article.source == "Communique examples"
        assert article.title and article.url and article.date
        assert re.match(r"^[A-Z][A-Za-z .,'-]+ — ", article.text), f"{article.id} has no dateline"


@pytest.mark.parametrize(
    "construction",
    [
        r'," \w[\w ]* said',  # direct quote with "said"
        r'\b(He|She) added: "',  # quote introduced by "he added:"
        r"\bsaid that\b",  # indirect quote
        r"€1\.2 billion \(\$1\.3 billion\)",
    ],
)
def test_examples_carry_the_constructions_the_stages_need(construction):
    texts = "\n\n".join(a.text for a in example_articles().values())
    assert re.search(construction, texts)


def test_examples_have_a_quote_running_over_two_paragraphs():
    paragraphs = [p for a in example_articles().values() for p in a.text.split("\n\n")]
    runs_on = [
        first
        for first, following in zip(paragraphs, paragraphs[1:], strict=False)
        if first.count('"') % 2 == 1 and following.startswith('"')
    ]
    assert runs_on


def test_example_text_and_html_versions_match_the_jsonl():
    jsonl = next(a for a in example_articles().values() if a.id == "ex-2025-franco-german-summit")
    (text,) = iter_articles([EXAMPLES / "franco-german-summit.txt"])
    (page,) = iter_articles([EXAMPLES / "franco-german-summit.html"])
    assert text.text == jsonl.text
    assert page.text.split() == jsonl.text.split()
    assert (page.title, page.date, page.url) == (jsonl.title, jsonl.date, jsonl.url)


def test_example_feed_repeats_two_jsonl_articles():
    entries = list(iter_articles([EXAMPLES / "world-news.rss"]))
    by_id = {a.id: a for a in example_articles().values()}
    assert [e.id for e in entries] == EXAMPLE_IDS_IN_FEED
    for entry in entries:
        assert entry.text.split() == by_id[entry.id].text.split()
        assert entry.date == by_id[entry.id].date


def test_shared_jsonl_corpora_read_in_full(shared):
    for name in ("voa_stories.jsonl", "wikinews_en.jsonl"):
        path = shared("corpus", name)
        with path.open(encoding="utf-8") as stream:
            lines = [json.loads(line) for line in stream if line.strip()]
        results = list(iter_articles([path]))
        assert all(isinstance(r, Article) for r in results)
        assert [r.id for r in results] == [line["id"] for line in lines]
        assert all(r.date is not None for r in results)


def test_shared_seed_reads_as_one_article(shared):
    (article,) = iter_articles([shared("seeds", "000_8d4d9bf14b3301f3.txt")])
    assert "Moscow" in article.text
