"""Standard input: JSONL or plain text by its first line, or as `input_kind` says."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from reader_inputs import article_page

from communique.model import Article, ReadFailure
from communique.readers import STDIN_ORIGIN, iter_articles

STORY = "ISLAMABAD — The two armies spoke by hotline on Monday, officials said."
JSONL = "\n" + json.dumps({"id": "s1", "text": STORY}) + "\nnot json\n" + json.dumps({"id": "s2", "text": STORY}) + "\n"


@pytest.mark.parametrize("as_bytes", [False, True], ids=["text-stream", "binary-stream"])
def test_stdin_jsonl_is_detected(as_bytes):
    stream = io.BytesIO(JSONL.encode()) if as_bytes else io.StringIO(JSONL)
    first, bad, last = iter_articles(["-"], stdin=stream)
    assert (first.id, last.id) == ("s1", "s2")
    assert first.origin == f"{STDIN_ORIGIN}:2"
    assert isinstance(bad, ReadFailure)
    assert bad.reason.startswith("malformed JSON on line 3")


@pytest.mark.parametrize("as_bytes", [False, True], ids=["text-stream", "binary-stream"])
def test_stdin_prose_is_one_article(as_bytes):
    prose = f"\n{STORY}\n\n{{braces}} later on are fine.\n"
    stream = io.BytesIO(prose.encode()) if as_bytes else io.StringIO(prose)
    (article,) = iter_articles(["-"], stdin=stream, default_date=dt.date(2025, 5, 12))
    assert isinstance(article, Article)
    assert article.text == f"{STORY}\n\n{{braces}} later on are fine."
    assert article.origin == STDIN_ORIGIN
    assert article.date == dt.date(2025, 5, 12)


def test_stdin_broken_first_json_line_is_still_jsonl():
    stream = io.StringIO('{"text": "cut off\n' + json.dumps({"text": STORY}) + "\n")
    bad, good = iter_articles(["-"], stdin=stream)
    assert bad.reason.startswith("malformed JSON on line 1")
    assert good.text == STORY


@pytest.mark.parametrize(
    ("kind", "content", "check"),
    [
        ("text", json.dumps({"text": STORY}), lambda a: a.text.startswith('{"text"')),
        ("html", article_page(), lambda a: a.title == "Leaders meet in Berlin"),
        ("jsonl", json.dumps({"text": STORY}), lambda a: a.text == STORY),
    ],
)
def test_stdin_input_kind_forces_the_reader(kind, content, check):
    (article,) = iter_articles(["-"], stdin=io.StringIO(content), input_kind=kind)
    assert check(article)


@pytest.mark.parametrize("content", ["", "\n  \n"])
def test_stdin_empty_is_a_failure(content):
    (failure,) = iter_articles(["-"], stdin=io.StringIO(content))
    assert failure.reason.startswith("empty input")


def test_stdin_binary_is_a_failure():
    (failure,) = iter_articles(["-"], stdin=io.BytesIO(b"x" + bytes(range(256)) * 4))
    assert failure.reason == "binary file: not text"


def test_stdin_between_files(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    origins = [a.origin for a in iter_articles([path, "-", path], stdin=io.StringIO(STORY))]
    assert origins == [str(path), STDIN_ORIGIN, str(path)]


def test_stdin_text_wrapper_is_decoded_from_its_bytes():
    wrapper = io.TextIOWrapper(io.BytesIO("Café talks ended, officials said.".encode("latin-1")), encoding="utf-8")
    (article,) = iter_articles(["-"], stdin=wrapper)
    assert article.text == "Café talks ended, officials said."
