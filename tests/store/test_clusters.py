import datetime as dt

import pytest

from communique.model import Article, ArticleDoc, Event, Party
from communique.store import Store
from communique.store.clusters import cluster_events

D = dt.date
GBR = Party(name="David Cameron", text="Cameron", country="GBR", sector="GOV")
RUS = Party(name="Vladimir Putin", text="Putin", country="RUS", sector="GOV")
KREMLIN = Party(name="Kremlin", text="the Kremlin", country="RUS", sector="GOV")
FRA = Party(name="France", text="France", country="FRA")
REBELS = Party(name="Free Syrian Army", text="rebels")
MILITIA = Party(name="Shabiha", text="militiamen")


def report(article_id, day, source, actors, recipients, *, kind="CONSULT", event_day=None):
    text = f"{article_id}: a report from {source} about {kind.lower()} on {day}."
    event = Event(
        id=f"ev-{article_id}", type=kind, cameo="040", actor=tuple(actors), recipient=tuple(recipients),
        text=text, start=0, end=len(text), quad_class=1, goldstein=1.0, date=event_day,
    )  # fmt: skip
    article = Article(id=article_id, text=text, date=day, source=source)
    return ArticleDoc(article=article, words=10, events=(event,))


REPORTS = (
    report("a", D(2024, 5, 1), "Reuters", [GBR], [RUS]),
    report("b", D(2024, 5, 2), "BBC", [GBR], [KREMLIN]),  # same countries, other names
    report("c", D(2024, 5, 3), "Reuters", [GBR], [RUS]),  # within two days of the first
    report("d", D(2024, 5, 4), "AP", [GBR], [RUS]),  # three days after the first: a new one
    report("e", D(2024, 5, 1), "AP", [GBR, FRA], [RUS]),  # another actor set
    report("f", D(2024, 5, 1), "AP", [GBR], [RUS], kind="REQUEST"),  # another type
    report("g", D(2024, 5, 1), "AP", [REBELS], [MILITIA], kind="ASSAULT"),  # no countries
    report("h", D(2024, 5, 1), "AP", [MILITIA], [REBELS], kind="ASSAULT"),
    report("dup", D(2024, 5, 1), "Wire", [GBR], [RUS]),  # marked as a copy of a
    report("undated", None, "AP", [GBR], [RUS]),
)


def build(path, *, window_days=2):
    store = Store(path)
    store.write(REPORTS)
    store.con.execute("UPDATE articles SET duplicate_of = CASE WHEN id = 'dup' THEN 'a' END")
    cluster_events(store.con, window_days=window_days)
    return store


def members(con):
    rows = con.execute("SELECT article_id, cluster_id FROM events ORDER BY article_id").fetchall()
    groups = {}
    for article_id, cluster_id in rows:
        groups.setdefault(cluster_id, []).append(article_id)
    return sorted(groups.values())


@pytest.mark.parametrize(
    ("window_days", "expected"),
    [
        (2, [["a", "b", "c"], ["d"], ["dup", "undated"], ["e"], ["f"], ["g"], ["h"]]),
        (3, [["a", "b", "c", "d"], ["dup", "undated"], ["e"], ["f"], ["g"], ["h"]]),
        (0, [["a"], ["b"], ["c"], ["d"], ["dup", "undated"], ["e"], ["f"], ["g"], ["h"]]),
    ],
)
def test_clusters_group_reports_of_one_event(tmp_path, window_days, expected):
    # ["dup", "undated"] is the group without a cluster (cluster_id NULL).
    with build(tmp_path / "db.duckdb", window_days=window_days) as store:
        assert members(store.con) == expected
        nulls = store.con.execute("SELECT article_id FROM events WHERE cluster_id IS NULL ORDER BY 1").fetchall()
    assert nulls == [("dup",), ("undated",)]


def test_clusters_count_mentions_articles_and_sources(tmp_path):
    with build(tmp_path / "db.duckdb") as store:
        rows = store.con.execute(
            "SELECT c.type, c.actor, c.recipient, c.first_date, c.last_date, c.n_mentions, c.n_articles, c.n_sources "
            "FROM clusters c JOIN events e ON e.cluster_id = c.id WHERE e.article_id = 'a'"
        ).fetchall()
        total = store.con.execute("SELECT count(*), sum(n_mentions) FROM clusters").fetchall()
    assert rows == [("CONSULT", ["GBR"], ["RUS"], D(2024, 5, 1), D(2024, 5, 3), 3, 3, 2)]
    assert total == [(6, 8)]


def test_clusters_are_idempotent(tmp_path):
    with build(tmp_path / "db.duckdb") as store:
        before = store.con.execute("SELECT * FROM clusters ORDER BY id").fetchall()
        links = store.con.execute("SELECT id, cluster_id FROM events ORDER BY id").fetchall()
        assert cluster_events(store.con) == len(before)
        assert store.con.execute("SELECT * FROM clusters ORDER BY id").fetchall() == before
        assert store.con.execute("SELECT id, cluster_id FROM events ORDER BY id").fetchall() == links


def test_clusters_name_parties_without_a_country(tmp_path):
    with build(tmp_path / "db.duckdb") as store:
        rows = store.con.execute("SELECT actor, recipient FROM clusters WHERE type = 'ASSAULT' ORDER BY actor").fetchall()
    assert rows == [(["Free Syrian Army"], ["Shabiha"]), (["Shabiha"], ["Free Syrian Army"])]
