"""JSON Lines: one article per line, a failure per bad line, read lazily."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from communique.ids import article_id_for
from communique.model import Article, ReadFailure
from communique.readers import iter_articles
from communique.readers.jsonl import read_jsonl_lines

TEXT = "KYIV — Russia and Ukraine exchanged prisoners on Sunday, officials said."


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_every_field(tmp_path):
    record = {"id": "a-1", "title": "Swap", "date": "2025-05-25", "url": "https://x.test/1", "source": "Wire", "text": TEXT}
    path = write_lines(tmp_path / "in.jsonl", [json.dumps(record)])
    (article,) = iter_articles([path])
    assert article == Article(
        id="a-1", text=TEXT, title="Swap", date=dt.date(2025, 5, 25), url="https://x.test/1", source="Wire", origin=f"{path}:1"
    )


@pytest.mark.parametrize(
    ("fields", "expected_date"),
    [
        ({"published": "2025-03-14 20:30:26Z"}, dt.date(2025, 3, 14)),
        ({"date": None, "published": "Fri, 14 Mar 2025 20:30:26 GMT"}, dt.date(2025, 3, 14)),
        ({"date": "2025-03-13", "published": "2025-03-14"}, dt.date(2025, 3, 13)),
        ({}, dt.date(2000, 1, 1)),
    ],
    ids=["published", "published-rfc822", "date-wins", "default"],
)
def test_jsonl_date_falls_back_to_published_then_default(tmp_path, fields, expected_date):
    path = write_lines(tmp_path / "in.jsonl", [json.dumps({"text": TEXT, **fields})])
    (article,) = iter_articles([path], default_date=dt.date(2000, 1, 1))
    assert article.date == expected_date


def test_jsonl_without_id_gets_hash_of_text_and_url(tmp_path):
    path = write_lines(tmp_path / "in.ndjson", [json.dumps({"text": TEXT, "url": "https://x.test/2", "id": ""})])
    (article,) = iter_articles([path])
    assert article.id == article_id_for(TEXT, "https://x.test/2")


def test_jsonl_numeric_id_becomes_string(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", [json.dumps({"id": 42, "text": TEXT})])
    (article,) = iter_articles([path])
    assert article.id == "42"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "unterminated', "malformed JSON on line 2: Unterminated string"),
        ("not json at all", "malformed JSON on line 2: Expecting value"),
        ('["a", "list"]', "line 2 is not a JSON object"),
        ('{"id": "x-9", "title": "no text"}', "no `text` on line 2"),
        ('{"id": "x-9", "text": "   "}', "empty `text` on line 2"),
        ('{"id": "x-9", "text": 17}', "no `text` on line 2"),
        ('{"id": "x-9", "text": "Some text.", "date": "last Tuesday"}', "bad date on line 2: 'last Tuesday'"),
        ('{"id": "x-9", "text": "Some text.", "date": 20250314}', "bad date on line 2: '20250314'"),
    ],
)
def test_jsonl_bad_line_is_a_failure_in_place(tmp_path, line, reason):
    good = json.dumps({"id": "ok", "text": TEXT})
    path = write_lines(tmp_path / "in.jsonl", [good, line, good])
    first, bad, last = iter_articles([path])
    assert isinstance(first, Article)
    assert isinstance(last, Article)
    assert isinstance(bad, ReadFailure)
    assert bad.reason.startswith(reason)
    assert bad.origin == f"{path}:2"
    if '"x-9"' in line:
        assert bad.article_id == "x-9"
        assert bad.record == "x-9"
    else:
        assert bad.record == line[:80]


def test_jsonl_blank_lines_are_skipped_and_numbering_kept(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", ["", json.dumps({"text": TEXT}), "   ", json.dumps({"text": TEXT + "!"})])
    origins = [result.origin for result in iter_articles([path])]
    assert origins == [f"{path}:2", f"{path}:4"]


def test_jsonl_undecodable_line_is_a_failure(tmp_path):
    path = tmp_path / "in.jsonl"
    good = json.dumps({"text": TEXT}).encode()
    path.write_bytes(good + b"\n" + b'{"text": "\x01\x02\x03\x04\x81\x8d"}' + b"\n" + good + b"\n")
    results = list(iter_articles([path]))
    assert [type(r).__name__ for r in results] == ["Article", "ReadFailure", "Article"]
    assert results[1].reason == "undecodable text on line 2"


def test_jsonl_latin1_line_is_decoded(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes('{"text": "Talks in the café ended, officials said."}\n'.encode("latin-1"))
    (article,) = iter_articles([path])
    assert article.text == "Talks in the café ended, officials said."


def test_jsonl_utf16_file_with_bom(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(("\n".join(json.dumps({"text": t}) for t in (TEXT, TEXT + "?")) + "\n").encode("utf-16"))
    assert [a.text for a in iter_articles([path])] == [TEXT, TEXT + "?"]


def test_jsonl_is_read_lazily():
    def lines():
        yield json.dumps({"text": TEXT})
        msg = "read too far"
        raise AssertionError(msg)

    results = read_jsonl_lines(lines(), origin="mem", default_date=None)
    assert next(results).text == TEXT  # the second line has not been asked for yet


def test_jsonl_empty_file_yields_nothing(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"")
    assert list(itertools.islice(iter_articles([path]), 3)) == []
