import datetime as dt

import pytest

from communique.model import Article, ArticleDoc, Event, Party
from communique.store import Store
from api_records import write_store
from communique.store.queries import (
    DyadQuery, EventFilter, build_dyad_table, dyad_series, dyad_table_is_current, events_sql,
    period_range, select_events, series_sql,
)  # fmt: skip

D = dt.date


def party(country, name=None, sector="GOV"):
    return Party(name=name or f"{country} government", text=name or country, country=country, sector=sector)


def event(eid, kind, actors, recipients, day, *, quad, goldstein, mode=None, text="they met"):
    return Event(
        id=eid, type=kind, cameo="040", actor=tuple(actors), recipient=tuple(recipients), text=text,
        start=0, end=len(text), mode=mode, goldstein=goldstein, quad_class=quad, date=day,
    )  # fmt: skip


def doc(article_id, day, source, *events):
    text = f"Report {article_id} from {source}: " + " ".join(e.text for e in events) + f" ({article_id} {day})"
    article = Article(id=article_id, text=text, date=day, source=source, url=f"https://news.example/{article_id}")
    return ArticleDoc(article=article, words=len(text.split()), events=tuple(events))


GBR, RUS, FRA, UKR = party("GBR", "David Cameron"), party("RUS", "Vladimir Putin"), party("FRA"), party("UKR")

DOCS = (
    doc("a1", D(2024, 5, 1), "Reuters",
        event("e1", "CONSULT", [GBR], [RUS], D(2024, 5, 1), quad=1, goldstein=1.0, text="Cameron met Putin"),
        event("e2", "ASSAULT", [RUS], [UKR], D(2024, 5, 1), quad=4, goldstein=-10.0, text="shelled Kharkiv")),
    doc("a2", D(2024, 5, 2), "BBC",
        event("e3", "CONSULT", [GBR], [RUS], D(2024, 5, 2), quad=1, goldstein=2.0, mode="visit", text="Cameron visited Moscow")),
    doc("a3", D(2024, 5, 10), "Reuters",
        event("e4", "CONSULT", [GBR], [RUS], D(2024, 5, 10), quad=1, goldstein=3.0, text="talks resumed")),
    doc("a4", D(2024, 5, 1), "Wire copy",
        event("e5", "CONSULT", [GBR], [RUS], D(2024, 5, 1), quad=1, goldstein=1.0, text="Cameron met Putin again")),
    doc("a5", D(2024, 6, 15), "TASS",
        event("e6", "SANCTION", [RUS], [GBR], D(2024, 6, 15), quad=4, goldstein=-4.0, text="Moscow banned imports")),
    doc("a6", D(2024, 7, 3), "Le Monde",
        event("e7", "REQUEST", [GBR, FRA], [RUS], D(2024, 7, 3), quad=3, goldstein=-2.0, text="London and Paris demanded")),
)  # fmt: skip


def build_store(path, *, cluster=True):
    """The test store: a4 nearly repeats a1 and is marked so."""
    return write_store(path, DOCS, duplicates={"a4": "a1"}, cluster=cluster)


@pytest.fixture(params=[True, False], ids=["clustered", "unclustered"])
def con(request, tmp_path):
    path = build_store(tmp_path / "db.duckdb", cluster=request.param)
    with Store(path, read_only=True) as store:
        yield store.con


def ids(con, **filters):
    return select_events(con, EventFilter(**filters)).column("id").to_pylist()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["e1", "e2", "e3", "e4", "e6", "e7"]),
        ({"include_duplicates": True}, ["e1", "e2", "e5", "e3", "e4", "e6", "e7"]),
        ({"since": D(2024, 5, 2), "until": D(2024, 6, 30)}, ["e3", "e4", "e6"]),
        ({"actor": "gbr"}, ["e1", "e3", "e4", "e7"]),
        ({"actor": "FRA"}, ["e7"]),
        ({"recipient": "GBR"}, ["e6"]),
        ({"actor": "GBR", "recipient": "UKR"}, []),
        ({"actor_name": "putin"}, ["e2", "e6"]),
        ({"type": "consult"}, ["e1", "e3", "e4"]),
        ({"quad_class": 4}, ["e2", "e6"]),
        ({"source": "reuters"}, ["e1", "e2", "e4"]),
        ({"text": "MOSCOW"}, ["e3", "e6"]),
        ({"limit": 2}, ["e1", "e2"]),
    ],
)
def test_queries_filters_events(con, filters, expected):
    assert ids(con, **filters) == expected


def test_queries_events_carry_article_and_cluster_counts(tmp_path):
    with Store(build_store(tmp_path / "db.duckdb"), read_only=True) as store:
        rows = {r["id"]: r for r in select_events(store.con, EventFilter()).to_pylist()}
    assert rows["e1"]["source"] == "Reuters"
    assert rows["e1"]["cluster_id"] == rows["e3"]["cluster_id"] != rows["e4"]["cluster_id"]
    assert (rows["e1"]["n_mentions"], rows["e1"]["n_articles"], rows["e1"]["n_sources"]) == (2, 2, 2)
    assert (rows["e4"]["n_mentions"], rows["e4"]["n_sources"]) == (1, 1)


def test_queries_dyad_series_by_month(con):
    rows = dyad_series(con, DyadQuery(actor="gbr", recipient="rus", freq="month"))
    assert [r["period"] for r in rows] == [D(2024, 5, 1), D(2024, 6, 1), D(2024, 7, 1)]
    may, june, july = rows
    # Clustered, Cameron's meeting reported by a1 and a2 counts once; unclustered, each report counts.
    expected = (2, 3, 2) if _clustered(con) else (3, 3, 3)
    assert (may["events"], may["mentions"], may["verbal_cooperation"]) == expected
    assert may["plover_score"] == pytest.approx((2.5 + 4 + 2.5) / 3)  # CONSULT, CONSULT:visit
    assert may["goldstein"] == pytest.approx(2.0)
    assert (june["events"], june["plover_score"]) == (0, None)
    assert (july["verbal_conflict"], july["material_conflict"]) == (1, 0)


def _clustered(con):
    return con.execute("SELECT count(cluster_id) FROM events").fetchone()[0] > 0


def test_queries_dyad_series_both_directions(con):
    rows = dyad_series(con, DyadQuery(actor="GBR", recipient="RUS", freq="month", both=True))
    back = [r for r in rows if r["actor"] == "RUS"]
    assert len(rows) == 6
    assert [(r["period"], r["material_conflict"]) for r in back if r["events"]] == [(D(2024, 6, 1), 1)]


def test_queries_dyad_series_dates_and_empty(con):
    rows = dyad_series(con, DyadQuery(actor="GBR", recipient="RUS", freq="day", since=D(2024, 5, 2), until=D(2024, 5, 10)))
    assert len(rows) == 9
    assert [r["period"].day for r in rows if r["events"]] == [2, 10]
    assert dyad_series(con, DyadQuery(actor="GBR", recipient="UKR")) == []


def test_queries_dyad_table_goes_stale_and_is_not_misread(tmp_path):
    path = build_store(tmp_path / "db.duckdb")
    with Store(path) as store:
        assert dyad_table_is_current(store.con)
        store.write([doc("a9", D(2024, 5, 20), "AP", event("e9", "CONSULT", [GBR], [RUS], D(2024, 5, 20), quad=1, goldstein=1.0, text="a call"))])
        store.con.execute("UPDATE articles SET duplicate_of = NULL WHERE id = 'a9'")
        assert not dyad_table_is_current(store.con)
        stale = dyad_series(store.con, DyadQuery(actor="GBR", recipient="RUS"))
        build_dyad_table(store.con)
        fresh = dyad_series(store.con, DyadQuery(actor="GBR", recipient="RUS"))
    assert stale == fresh
    assert stale[0]["mentions"] == 4


@pytest.fixture(params=[True, False], ids=["clustered", "unclustered"])
def indexed_con(request, tmp_path):
    """The test store with a current dyad table, clustered or not."""
    path = build_store(tmp_path / "db.duckdb", cluster=request.param)
    with Store(path) as store:
        build_dyad_table(store.con)
    with Store(path, read_only=True) as store:
        yield store.con


def _events(con, flt, *, dyads_current):
    sql, params = events_sql(con, flt, dyads_current=dyads_current)
    return con.execute(sql, params).fetchall()


@pytest.mark.parametrize(
    "filters",
    [
        {"actor": "GBR", "recipient": "RUS"},
        {"actor": "rus", "recipient": "gbr"},
        {"actor": "FRA", "recipient": "RUS", "type": "request"},
        {"actor": "GBR", "recipient": "RUS", "since": D(2024, 5, 2), "until": D(2024, 7, 3)},
        {"actor": "GBR", "recipient": "RUS", "quad_class": 1},
        {"actor": "GBR", "recipient": "UKR"},
    ],
)
@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (2, 1), (10, 0), (10, 3)])
def test_queries_pair_page_reads_as_the_full_query(indexed_con, filters, limit, offset):
    flt = EventFilter(**filters, limit=limit, offset=offset)
    assert _events(indexed_con, flt, dyads_current=True) == _events(indexed_con, flt, dyads_current=False)


def test_queries_pair_page_binds_its_ids(indexed_con):
    sql, params = events_sql(indexed_con, EventFilter(actor="GBR", recipient="RUS", limit=5), dyads_current=True)
    assert "e1" in params and "e1" not in sql and "GBR" not in sql


@pytest.mark.parametrize(
    "query",
    [
        DyadQuery(actor="GBR", recipient="RUS", freq="month", both=True),
        DyadQuery(actor="rus", recipient="gbr", freq="day"),
        DyadQuery(actor="GBR", recipient="GBR", freq="week", both=True),
        DyadQuery(actor="GBR", recipient="RUS", both=True, since=D(2024, 5, 2), until=D(2024, 6, 30)),
    ],
)
def test_queries_series_without_the_table_equals_with_it(indexed_con, query):
    assert dyad_series(indexed_con, query, table_current=False) == dyad_series(indexed_con, query, table_current=True)


def test_queries_series_reads_each_direction_once_and_binds_values():
    sql, params = series_sql(DyadQuery(actor="GBR", recipient="RUS", both=True), table_current=True)
    assert sql.count("UNION ALL") == 1 and "GBR" not in sql
    assert params[1:3] == ["GBR", "RUS"] and params[6:8] == ["RUS", "GBR"]
    same, _ = series_sql(DyadQuery(actor="GBR", recipient="GBR", both=True), table_current=False)
    assert "UNION ALL" not in same


@pytest.mark.parametrize(
    ("first", "last", "freq", "expected"),
    [
        (D(2024, 11, 1), D(2025, 2, 1), "month", [D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 2, 1)]),
        (D(2024, 5, 6), D(2024, 5, 20), "week", [D(2024, 5, 6), D(2024, 5, 13), D(2024, 5, 20)]),
        (D(2024, 2, 28), D(2024, 3, 1), "day", [D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1)]),
    ],
)
def test_queries_period_range(first, last, freq, expected):
    assert period_range(first, last, freq) == expected
