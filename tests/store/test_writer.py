import datetime as dt

import duckdb
import pytest

from communique.errors import StoreError
from communique.model import Article, ArticleDoc, Entity, Mention, ReadFailure
from communique.store import Store

WIRE = (
    "The foreign ministers of France and Germany met in Berlin on Tuesday to discuss the war in "
    "Ukraine, energy prices and the European Union's budget for the coming year, officials said. "
    "Both sides described the talks as frank and constructive and agreed to meet again in Paris. "
    "The German minister said her government would keep supplying air defence systems to Kyiv "
    "and urged partners to speed up deliveries before the winter. Her French counterpart called "
    "for a common European approach to gas storage and said that the two countries would present "
    "a joint proposal on the reform of the electricity market to the other member states. "
    "Diplomats from both capitals said the meeting was meant to repair relations strained by "
    "disagreements over defence spending, nuclear power and trade with China during the spring."
)


def make_doc(article_id: str, text: str = WIRE) -> ArticleDoc:
    entity = Entity(
        id=f"e-{article_id}", name="France", kind="COUNTRY", country="FRA",
        mentions=(Mention(start=0, end=3, text=text[:3]),),
    )
    article = Article(id=article_id, text=text, date=dt.date(2024, 5, 7), source="wire")
    return ArticleDoc(article=article, words=len(text.split()), entities=(entity,))


def test_store_writes_articles_and_children(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([make_doc("a1")])
        counts = store.counts()
        row = store.con.execute("SELECT id, date, words FROM articles").fetchone()
    assert counts["articles"] == 1
    assert counts["entities"] == 1
    assert row[0] == "a1"
    assert row[1] == dt.date(2024, 5, 7)


def test_store_links_near_duplicates_to_the_original(tmp_path):
    edited = WIRE.replace("Tuesday", "Wednesday") + " Reuters contributed to this report."
    other = "Floods in Bangladesh displaced thousands of families as rivers rose after days of rain."
    with Store(tmp_path / "db.duckdb") as store:
        store.write([make_doc("original")])
        store.write([make_doc("copy", edited), make_doc("other", other), make_doc("copy2", edited.replace("in Paris", "in Paris soon"))])
        links = dict(store.con.execute("SELECT id, duplicate_of FROM articles").fetchall())
    assert links == {"original": None, "copy": "original", "other": None, "copy2": "original"}


def test_store_records_a_failure_once(tmp_path):
    failure = ReadFailure(origin="bad.jsonl:3", record="3", reason="malformed JSON")
    with Store(tmp_path / "db.duckdb") as store:
        store.write([], [failure])
        store.write([], [failure, failure])
        assert store.counts()["failures"] == 1


def test_store_failed_write_leaves_nothing_half_written(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([make_doc("a1")])
        with pytest.raises(duckdb.Error):
            store.write([make_doc("a2", WIRE + " More."), make_doc("a1", "France: a different text entirely.")])
        assert store.counts()["articles"] == 1
        assert store.counts()["entities"] == 1


def test_store_refuses_another_schema_version(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        Store(path)


def test_store_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
