"""Paths: formats by extension, folders, errors raised before reading, counting inputs."""

from __future__ import annotations

import json

import pytest
from reader_inputs import article_page

from communique.errors import ReaderError
from communique.model import Article, ReadFailure
from communique.readers import count_inputs, iter_articles

STORY = "GENEVA — Negotiators met again on Friday, a spokesman said."


def build_corpus(root):
    """A folder with every kind of file, a hidden file, a hidden folder and unknown formats."""
    (root / "b_sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "b_sub" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": STORY}) + "\n", encoding="utf-8")
    (root / "b_sub" / "d.HTML").write_text(article_page(), encoding="utf-8")
    (root / "e.txt").write_bytes(b"")
    (root / "notes.md").write_text("# not an input", encoding="utf-8")
    (root / "config.xml").write_text("<config><x/></config>", encoding="utf-8")
    (root / ".secret.txt").write_text(STORY, encoding="utf-8")
    (root / ".hidden" / "f.txt").write_text(STORY, encoding="utf-8")
    return root


def test_folder_is_read_recursively_in_name_order(tmp_path):
    root = build_corpus(tmp_path / "corpus")
    origins = [result.origin for result in iter_articles([root])]
    assert origins == [
        str(root / "a.txt"),
        str(root / "b_sub" / "c.jsonl") + ":1",
        str(root / "b_sub" / "d.HTML"),
        str(root / "e.txt"),
    ]


def test_folder_failures_come_in_place(tmp_path):
    root = build_corpus(tmp_path / "corpus")
    kinds = [type(result) for result in iter_articles([root])]
    assert kinds == [Article, Article, Article, ReadFailure]


def test_count_inputs_counts_readable_files_and_stdin(tmp_path):
    root = build_corpus(tmp_path / "corpus")
    assert count_inputs([root, root / "a.txt", "-", tmp_path / "missing.txt"]) == 6


def test_several_paths_are_read_in_the_order_given(tmp_path):
    first, second = tmp_path / "z.txt", tmp_path / "a.txt"
    first.write_text(STORY + " One.", encoding="utf-8")
    second.write_text(STORY + " Two.", encoding="utf-8")
    assert [a.origin for a in iter_articles([first, str(second)])] == [str(first), str(second)]


@pytest.mark.parametrize(
    ("name", "message_start"),
    [
        ("missing.txt", "no such file or folder"),
        ("table.csv", "unknown input format"),
        ("settings.xml", "unknown input format"),
    ],
)
def test_unreadable_path_raises_before_anything_is_read(tmp_path, name, message_start):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    if name != "missing.txt":
        (tmp_path / name).write_text("a,b\n<settings/>", encoding="utf-8")
    with pytest.raises(ReaderError, match=message_start) as caught:
        iter_articles([good, tmp_path / name])
    assert "\n" not in str(caught.value)


def test_unknown_input_kind_raises():
    with pytest.raises(ReaderError, match="unknown input kind 'pdf'"):
        iter_articles(["-"], input_kind="pdf")


@pytest.mark.parametrize(
    ("kind", "content", "expected_text"),
    [
        ("text", '{"text": "kept as written"}', '{"text": "kept as written"}'),
        ("jsonl", json.dumps({"text": STORY}), STORY),
    ],
)
def test_input_kind_forces_the_reader_of_a_named_file(tmp_path, kind, content, expected_text):
    path = tmp_path / "input.dat"
    path.write_text(content, encoding="utf-8")
    (article,) = iter_articles([path], input_kind=kind)
    assert article.text == expected_text


def test_input_kind_html_reads_a_named_file_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(article_page(), encoding="utf-8")
    (article,) = iter_articles([path], input_kind="html")
    assert article.title == "Leaders meet in Berlin"


def test_unreadable_file_is_a_failure(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", deny)
    (failure,) = iter_articles([path])
    assert failure.reason == "cannot read file: Permission denied"
