"""Plain-text files: one article each; encodings, empty and binary files."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from communique.ids import article_id_for
from communique.model import Article, ReadFailure
from communique.readers import iter_articles

TEXT = "MOSCOW — Britain's prime minister arrived in Moscow on Monday, officials said. Café talks followed."


def read_one(path, **kwargs):
    results = list(iter_articles([path], **kwargs))
    assert len(results) == 1
    return results[0]


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.replace("—", "-").encode("latin-1"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252", "latin1"],
)
def test_text_file_decodes_supported_encodings(tmp_path, encoded):
    path = tmp_path / "story.txt"
    path.write_bytes(encoded)
    article = read_one(path)
    assert isinstance(article, Article)
    assert "Café talks followed." in article.text
    assert article.text.startswith("MOSCOW")
    assert article.origin == str(path)
    assert article.title is None


def test_text_file_id_is_content_hash_and_default_date_applies(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    article = read_one(path, default_date=dt.date(2011, 9, 12))
    assert article.id == article_id_for(TEXT)
    assert article.date == dt.date(2011, 9, 12)


def test_text_file_normalises_windows_line_ends(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"First paragraph.\r\n\r\nSecond paragraph.\r\n")
    assert read_one(path).text == "First paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize(
    ("content", "reason_start"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (bytes(range(256)) * 8, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"Text with C1 controls \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d here", "undecodable text"),
        (b"\xff\xfe" + b"\x00\xd8", "undecodable text"),  # UTF-16 BOM then a lone surrogate
    ],
    ids=["empty", "blank", "binary", "png-header", "c1-controls", "bad-utf16"],
)
def test_text_file_bad_input_is_a_failure(tmp_path, content, reason_start):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    failure = read_one(path)
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith(reason_start)
    assert failure.origin == str(path)
    assert "\n" not in failure.reason
