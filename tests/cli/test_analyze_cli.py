"""`communique analyze` as a user runs it: real processes, real exit codes, one-line errors."""

import json
import subprocess
import sys

import pytest

STORY = (
    "LONDON — Britain's foreign secretary met the Russian ambassador on Monday. \"We want "
    "answers,\" she said. The two governments agreed to talk again next week in Moscow, "
    "officials said, after a £200 million ($385 million) trade deal was signed yesterday."
)


def communique(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "communique", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
    )


def test_analyze_json_follows_the_contract(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = communique("analyze", str(path), "--date", "2011-09-13", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"article", "entities", "events", "quotes", "amounts"}
    assert set(data["article"]) >= {"id", "title", "date", "url", "source"}
    assert data["article"]["date"] == "2011-09-13"
    for entity in data["entities"]:
        assert set(entity) >= {"id", "name", "kind", "country", "sector", "role", "mentions"}
        for mention in entity["mentions"]:
            assert STORY[mention["start"] : mention["end"]] == mention["text"]
    money = {(a["currency"], a["value"]) for a in data["amounts"]}
    assert money >= {("GBP", 200e6), ("USD", 385e6)}
    assert any(d["text"] == "yesterday" and d["value"] == "2011-09-12" for d in data["dates"])


def test_analyze_reads_jsonl_from_stdin_one_line_per_article_in_order():
    lines = [
        json.dumps({"id": "first", "text": STORY}),
        "{broken",
        json.dumps({"id": "third", "text": STORY.replace("Monday", "Tuesday")}),
    ]
    result = communique("analyze", "-", "--format", "jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1  # some failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["id"] for r in records][::2] == ["first", "third"]
    assert "error" in records[1]
    assert "events" in records[0]


def test_analyze_table_is_readable(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = communique("analyze", str(path), "--date", "2011-09-13")
    assert result.returncode == 0, result.stderr
    assert "Entities" in result.stdout
    assert "GBP" in result.stdout


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"", (), "empty"),
        (b"\x00\x01\x02binary\x00" * 50, (), "binary"),
        (STORY.encode(), ("--date", "13/09/2011"), "YYYY-MM-DD"),
        (STORY.encode(), ("--format", "xml"), "--format"),
        (("Die Regierung hat am Montag beschlossen, dass die Steuern im nächsten Jahr "
          "erhöht werden, sagte der Minister in Berlin vor der Presse.").encode(), (), "not English"),
    ],
)
def test_analyze_bad_input_is_one_line_and_non_zero(tmp_path, content, args, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = communique("analyze", str(path), *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_analyze_missing_path_is_one_line():
    result = communique("analyze", "/no/such/article.txt")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
