import datetime as dt
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from communique.cli.app import app
from communique.model import Article, ArticleDoc, Event, Mention, Party
from api_records import write_store

D = dt.date
GBR = Party(name="David Cameron", text="Mr Cameron", country="GBR", sector="GOV")
RUS = Party(name="Vladimir Putin", text="Putin", country="RUS", sector="GOV")
FRA = Party(name="Alain Juppé", text="Juppé", country="FRA", sector="GOV")


def report(article_id, day, source, kind, actors, recipients, *, quad, cameo, goldstein):
    text = f"In {source}'s words, the leaders talked\tabout trade on {day} ({article_id})."
    event = Event(
        id=f"ev-{article_id}", type=kind, cameo=cameo, actor=tuple(actors), recipient=tuple(recipients),
        text=text, start=0, end=10, quad_class=quad, goldstein=goldstein, date=day, context="economic",
        evidence=(Mention(start=0, end=10, text=text[:10]),),
    )  # fmt: skip
    article = Article(id=article_id, text=text, date=day, source=source, url=f"https://news.example/{article_id}")
    return ArticleDoc(article=article, words=12, events=(event,))


REPORTS = (
    report("a1", D(2011, 9, 12), "Reuters", "CONSULT", [GBR], [RUS], quad=1, cameo="040", goldstein=1.0),
    report("a2", D(2011, 9, 13), "BBC", "CONSULT", [GBR], [RUS], quad=1, cameo="042", goldstein=1.9),
    report("a3", D(2011, 9, 12), "Wire", "CONSULT", [GBR], [RUS], quad=1, cameo="040", goldstein=1.0),
    report("a4", D(2011, 10, 2), "TASS", "REJECT", [RUS], [GBR, FRA], quad=3, cameo="120", goldstein=-4.0),
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(write_store(tmp_path_factory.mktemp("store") / "db.duckdb", REPORTS, duplicates={"a3": "a1"}))


def run(*args):
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def export(db, tmp_path, fmt, *filters):
    out = tmp_path / f"events.{fmt}"
    result = run("events", "--db", db, "--format", fmt, "-o", str(out), *filters)
    assert result.exit_code == 0, result.output
    return out


READERS = {
    "csv": lambda path: pd.read_csv(path),
    "parquet": lambda path: pq.read_table(path).to_pandas(),
    "jsonl": lambda path: pd.read_json(path, lines=True),
    "plover": lambda path: pd.DataFrame(json.loads(path.read_text(encoding="utf-8"))),
    "gdelt": lambda path: pd.read_csv(path, sep="\t"),
}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_events_export_reads_back(db, tmp_path, fmt):
    frame = READERS[fmt](export(db, tmp_path, fmt))
    ids = frame["GlobalEventID" if fmt == "gdelt" else "id"].tolist()
    if fmt == "gdelt":  # one row per real-world event: a1 and a2 report the same meeting
        assert len(ids) == 2
        assert frame["NumMentions"].tolist() == [2, 1]
        assert frame["NumSources"].tolist() == [2, 1]
        assert frame["SQLDATE"].tolist() == [20110912, 20111002]
        assert frame["Actor1Code"].tolist() == ["GBRGOV", "RUSGOV"]
        assert frame["EventRootCode"].tolist() == [4, 12]
    else:
        assert ids == ["ev-a1", "ev-a2", "ev-a4"]  # the copy a3 is left out


@pytest.mark.parametrize(
    ("fmt", "column", "expected"),
    [
        ("csv", "recipient_country", ["RUS", "RUS", "GBR; FRA"]),
        ("csv", "n_mentions", [2, 2, 1]),
        ("plover", "event_type", ["CONSULT", "CONSULT", "REJECT"]),
        ("plover", "recipient_name", [["Vladimir Putin"], ["Vladimir Putin"], ["David Cameron", "Alain Juppé"]]),
        ("plover", "context", [["economic"]] * 3),
        ("jsonl", "quad_class", [1, 1, 3]),
    ],
)
def test_events_export_columns(db, tmp_path, fmt, column, expected):
    assert READERS[fmt](export(db, tmp_path, fmt))[column].tolist() == expected


def test_events_parquet_keeps_nested_parties(db, tmp_path):
    table = pq.read_table(export(db, tmp_path, "parquet", "--type", "reject"))
    assert [p["country"] for p in table.column("recipient")[0].as_py()] == ["GBR", "FRA"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["--actor", "RUS"], ["ev-a4"]),
        (["--recipient", "FRA"], ["ev-a4"]),
        (["--actor-name", "cameron", "--until", "2011-09-12"], ["ev-a1"]),
        (["--quad-class", "1", "--source", "bbc"], ["ev-a2"]),
        (["--with-duplicates", "--since", "2011-09-12", "--until", "2011-09-12"], ["ev-a1", "ev-a3"]),
        (["--text", "TALKED", "--limit", "1"], ["ev-a1"]),
    ],
)
def test_events_filters_on_stdout(db, filters, expected):
    result = run("events", "--db", db, *filters)
    assert pd.read_csv(io.StringIO(result.stdout))["id"].tolist() == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "parquet"], "-o FILE"),
        (["--format", "xml"], "--format must be one of"),
        (["--type", "HUG"], "--type must be one of"),
        (["--quad-class", "5"], "--quad-class must be 1, 2, 3 or 4"),
        (["--since", "yesterday"], "--since must be a date"),
    ],
)
def test_events_rejects_bad_options(db, args, message):
    with pytest.raises(Exception, match=message):
        run("events", "--db", db, *args)


def test_dyads_json_both_directions(db):
    result = run("dyads", "--db", db, "--actor", "GBR", "--recipient", "RUS", "--both", "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["period"], r["actor"], r["events"]) for r in rows] == [
        ("2011-09-01", "GBR", 1), ("2011-09-01", "RUS", 0), ("2011-10-01", "GBR", 0), ("2011-10-01", "RUS", 1),
    ]  # fmt: skip
    assert rows[0]["mentions"] == 2
    assert rows[0]["goldstein"] == pytest.approx(1.45)
    assert rows[3]["verbal_conflict"] == 1


def test_dyads_csv_by_day(db):
    result = run("dyads", "--db", db, "--actor", "gbr", "--recipient", "rus", "--freq", "day", "--format", "csv")
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert frame["period"].tolist() == ["2011-09-12", "2011-09-13"]
    assert frame["verbal_cooperation"].tolist() == [1, 1]


def test_dyads_table_draws_a_bar_per_period(db):
    result = run("dyads", "--db", db, "--actor", "GBR", "--recipient", "RUS", "--both")
    lines = [line for line in result.stdout.splitlines() if line.strip().startswith("2011-")]
    bars = [line.count("█") for line in lines]
    assert len(lines) == 4
    assert bars[0] == bars[3] > 0
    assert bars[1] == bars[2] == 0
    assert "verbal conflict" in result.stdout


def test_dyads_refuses_a_missing_database(tmp_path):
    with pytest.raises(Exception, match="no database"):
        run("dyads", "--db", str(tmp_path / "none.duckdb"), "--actor", "GBR", "--recipient", "RUS")
