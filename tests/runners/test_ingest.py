"""Ingest: idempotent, records failures and goes on, survives interruption, same across engines."""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from communique.model import Article
from communique.runners.ingest import ingest

TOPICS = ["trade", "energy", "migration", "security", "climate", "health", "fisheries", "transport"]
CAPITALS = [("France", "Paris"), ("Germany", "Berlin"), ("Japan", "Tokyo"), ("Brazil", "Brasilia"),
            ("India", "New Delhi"), ("Kenya", "Nairobi"), ("Canada", "Ottawa"), ("Egypt", "Cairo")]


def wire_story(n: int) -> str:
    """A distinct short wire story per n (distinct enough not to be near duplicates)."""
    (country, capital), (other, other_capital) = CAPITALS[n % 8], CAPITALS[(n * 3 + 1) % 8]
    topic = TOPICS[(n // 8) % 8]
    return (
        f"The foreign minister of {country} met her counterpart from {other} in {capital} on "
        f"Monday for talks on {topic}, story number {n}. Officials said the two governments "
        f"agreed to open a joint office in {other_capital} and to meet again within {n % 11 + 2} "
        f"months. \"We have made real progress on {topic},\" the minister told reporters after "
        f"meeting {n + 3} business leaders. The opposition in {country} criticised the deal."
    )


def write_jsonl(path, count, *, bad_line_at=None):
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            if n == bad_line_at:
                handle.write("{this is not json\n")
                continue
            handle.write(json.dumps({"id": f"s{n}", "date": "2024-05-06", "text": wire_story(n)}) + "\n")


def table_count(db, table):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingest_twice_adds_nothing(tmp_path):
    corpus = tmp_path / "news.jsonl"
    write_jsonl(corpus, 6)
    db = tmp_path / "news.duckdb"
    first = ingest([corpus], db)
    second = ingest([corpus], db)
    assert (first.stored, second.stored, second.already_stored) == (6, 0, 6)
    assert table_count(db, "articles") == 6


def test_ingest_records_a_bad_line_and_goes_on(tmp_path):
    corpus = tmp_path / "news.jsonl"
    write_jsonl(corpus, 5, bad_line_at=2)
    db = tmp_path / "news.duckdb"
    report = ingest([corpus], db)
    assert (report.stored, report.failed) == (4, 1)
    with duckdb.connect(str(db), read_only=True) as con:
        (input_name, reason), = con.execute("SELECT input, reason FROM failures").fetchall()
    assert input_name.endswith("news.jsonl:3")
    assert "JSON" in reason


def test_ingest_keeps_the_same_text_once_even_twice_in_one_input(tmp_path):
    articles = [Article(id=f"a{n}", text=wire_story(1)) for n in range(2)]
    report = ingest([], tmp_path / "db.duckdb", articles=articles)
    assert (report.stored, report.already_stored) == (1, 1)


def test_ingest_interrupted_then_resumed_loses_nothing(tmp_path):
    db = tmp_path / "db.duckdb"
    articles = [Article(id=f"a{n}", text=wire_story(n)) for n in range(70)]

    def interrupted():
        for n, article in enumerate(articles):
            if n == 50:
                raise KeyboardInterrupt
            yield article

    with pytest.raises(KeyboardInterrupt):
        ingest([], db, articles=interrupted())
    stored_before = table_count(db, "articles")
    assert stored_before % 32 == 0  # whole batches only
    report = ingest([], db, articles=articles)
    assert report.stored == 70 - stored_before
    assert table_count(db, "articles") == 70


def test_ingest_killed_process_resumes_without_duplicates(tmp_path):
    corpus = tmp_path / "news.jsonl"
    write_jsonl(corpus, 160)
    db = tmp_path / "news.duckdb"
    command = [sys.executable, "-m", "communique", "ingest", str(corpus), "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_some_articles(db, process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    subprocess.run(command, check=True, capture_output=True)
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [row[0] for row in con.execute("SELECT id FROM articles").fetchall()]
    assert sorted(ids) == sorted(f"s{n}" for n in range(160))


def _wait_for_some_articles(db, process, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            with duckdb.connect(str(db), read_only=True) as con:
                if con.execute("SELECT count(*) FROM articles").fetchone()[0] > 0:
                    return
        except duckdb.Error:
            continue  # the writer holds the lock; try again


def _stored_rows(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: sorted(con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {table}").fetchall()
                          if table == "articles" else con.execute(f"SELECT * FROM {table}").fetchall(),
                          key=repr)
            for table in ("articles", "entities", "events", "quotes", "amounts", "dates")
        }


def test_ingest_two_workers_store_what_one_process_stores(tmp_path):
    corpus = tmp_path / "news.jsonl"
    write_jsonl(corpus, 40)
    ingest([corpus], tmp_path / "one.duckdb")
    ingest([corpus], tmp_path / "two.duckdb", workers=2)
    assert _stored_rows(tmp_path / "one.duckdb") == _stored_rows(tmp_path / "two.duckdb")


def test_ingest_on_a_local_dask_cluster_stores_what_one_process_stores(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = tmp_path / "news.jsonl"
    write_jsonl(corpus, 40)
    ingest([corpus], tmp_path / "one.duckdb")
    shards = tmp_path / "shards"
    ingest([corpus], tmp_path / "dask.duckdb", workers=2, engine="dask", shards=str(shards))
    assert _stored_rows(tmp_path / "one.duckdb") == _stored_rows(tmp_path / "dask.duckdb")
    assert shards.is_dir()
    assert not list(shards.glob("*.parquet"))  # every shard loaded, then removed


def test_ingest_dask_shards_round_trip_through_parquet(tmp_path):
    from communique.config import Settings
    from communique.runners.dask import analyze_to_shards, load_shards

    batch = [Article(id=f"a{n}", text=wire_story(n)) for n in range(3)]
    paths, failures = analyze_to_shards(batch, Settings(), str(tmp_path), 7)
    assert sorted(p.split("/")[-1] for p in paths.values())[0].startswith("00000007-")
    loaded = load_shards(paths, failures)
    assert loaded.articles == 3
    assert loaded.tables["articles"].column("id").to_pylist() == ["a0", "a1", "a2"]
    assert not list(tmp_path.glob("*.parquet"))
