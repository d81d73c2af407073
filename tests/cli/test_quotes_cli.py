"""`communique quotes`: searching the stored quotes by speaker, country, text and date."""

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from communique.cli.app import COMMAND_MODULES, app
from communique.store.queries import QuoteFilter, quote_query
from communique.errors import ConfigError
from communique.model import Article, ArticleDoc, Party, Quote
from communique.store import Store

MEDVEDEV = Party(name="Dmitry Medvedev", text="President Dimitri Medvedev", country="RUS", sector="GOV")
HAGUE = Party(name="William Hague", text="Hague", country="GBR", sector="GOV", role="Foreign Secretary")
ANON = Party(name="one person on Cameron's delegation", text="one person on Cameron's delegation")


def article(article_id, day, title, said):
    """An article whose text is its quotes, one a line, each with its speaker."""
    text = "\n".join(words for words, _ in said)
    quotes, start = [], 0
    for number, (words, speaker) in enumerate(said):
        quotes.append(Quote(
            id=f"{article_id}-q{number}", text=words, start=start, end=start + len(words),
            kind="direct", cue="said", speaker=speaker, events=(f"{article_id}-ev{number}",),
        ))  # fmt: skip
        start += len(words) + 1
    return ArticleDoc(article=Article(id=article_id, text=text, date=day, title=title), quotes=tuple(quotes))


DOCS = (
    article("a1", dt.date(2011, 9, 12), "Cameron in Moscow", [
        ("“We all have to learn to respect the law,”", MEDVEDEV),
        ("“an excellent working relationship”", HAGUE),
    ]),
    article("a2", dt.date(2011, 10, 3), "Extradition refused", [
        ("“Corruption exists everywhere,” on extradition", MEDVEDEV),
        ("“This is very much a long-term game,”", ANON),
    ]),
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("quotes") / "db.duckdb"
    with Store(path) as store:
        store.write(DOCS)
    return str(path)


def run(*args):
    result = CliRunner().invoke(app, ["quotes", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def jsonl(db, *filters):
    result = run("--db", db, "--format", "jsonl", *filters)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_command_is_registered():
    assert "quotes" in COMMAND_MODULES
    assert run("--help").exit_code == 0


def test_quotes_all_in_date_order_with_article_fields(db):
    rows = jsonl(db)
    assert [row["id"] for row in rows] == ["a1-q0", "a1-q1", "a2-q0", "a2-q1"]
    assert rows[0]["title"] == "Cameron in Moscow"
    assert rows[0]["date"] == "2011-09-12"
    assert rows[0]["speaker"] == "Dmitry Medvedev"
    assert rows[0]["speaker_text"] == "President Dimitri Medvedev"
    assert rows[0]["events"] == ["a1-ev0"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (("--speaker", "medvedev"), ["a1-q0", "a2-q0"]),
        (("--speaker", "Dimitri"), ["a1-q0", "a2-q0"]),  # the speaker as written
        (("--speaker", "delegation"), ["a2-q1"]),
        (("--country", "gbr"), ["a1-q1"]),
        (("--text", "EXTRADITION"), ["a2-q0"]),
        (("--since", "2011-10-01"), ["a2-q0", "a2-q1"]),
        (("--until", "2011-09-30"), ["a1-q0", "a1-q1"]),
        (("--country", "RUS", "--since", "2011-10-01"), ["a2-q0"]),
        (("--limit", "1"), ["a1-q0"]),
        (("--speaker", "x' OR 1=1 --"), []),
        (("--text", "%"), []),  # a wildcard is taken literally
    ],
)
def test_quotes_filters(db, filters, expected):
    assert [row["id"] for row in jsonl(db, *filters)] == expected


def test_quotes_values_are_bound_parameters():
    sql, params = quote_query(QuoteFilter(speaker="O'Brien", country="rus", limit=3))
    assert "O'Brien" not in sql
    assert params == ["%O'Brien%", "%O'Brien%", "RUS", 3]


def test_quotes_csv(db):
    result = run("--db", db, "--format", "csv", "--country", "RUS")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [row["speaker"] for row in rows] == ["Dmitry Medvedev", "Dmitry Medvedev"]
    assert rows[0]["events"] == "a1-ev0"


def test_quotes_table(db):
    result = run("--db", db, "--speaker", "Hague")
    assert result.exit_code == 0
    assert "William Hague" in result.output
    assert "excellent working relationship" in result.output
    assert "1 quote" in result.output
    assert "no quotes found" in run("--db", db, "--speaker", "Nobody").output


@pytest.mark.parametrize(("option", "value"), [("--format", "xml"), ("--since", "12 Sept")])
def test_quotes_bad_option_is_a_one_line_error(db, option, value):
    with pytest.raises(ConfigError, match=option):
        run("--db", db, option, value)
