"""Read the store as a dataset: filtered events and dyad (country pair) time series.

Plain functions over a DuckDB connection, shared by the command line and the web API.
Every query counts one report once: events of an article marked `duplicate_of` are left
out unless a filter asks for them. Values always travel as parameters; the only SQL built
from pieces is chosen from fixed fragments in this module.

Dyad series read `event_dyads`, a table derived from `events` with one row per event and
(actor country, recipient country) pair, sorted by pair and date so that one pair's rows
sit together. `build_dyad_table` writes it (clustering calls it at the end of ingest);
when it is missing or older than the events, the same rows are computed on the fly, from
the events of the asked pair only. A series reads each direction as its own narrow range
of the sorted table; an events page filtered by a country pair takes its ids from the same
table and then reads only those events, through the stores' unique indexes.

Quotes are searched here too (`quote_query`), for the command line and the API alike.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pyarrow as pa

if TYPE_CHECKING:
    import duckdb

DYAD_TABLE = "event_dyads"
DYAD_STATE_TABLE = "event_dyads_state"
FREQUENCIES = ("day", "week", "month")
QUAD_COLUMNS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to read; every field left as None does not filter.

    Countries are ISO 3166-1 alpha-3 codes (or IGO codes); `actor_name`, `source` and
    `text` match a case-insensitive substring. Dates apply to the event's date, or to its
    article's date when the event has none.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    recipient: str | None = None
    actor_name: str | None = None
    type: str | None = None
    quad_class: int | None = None
    source: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0
    include_duplicates: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadQuery:
    """One country pair's series: `actor` towards `recipient`, and back when `both`."""

    actor: str
    recipient: str
    freq: str = "month"
    both: bool = False
    since: dt.date | None = None
    until: dt.date | None = None


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(scalar(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]))


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """The one value a query returns (fetched whole, so the connection is free again)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


# --- events -------------------------------------------------------------------------------

_EVENT_COLUMNS = """
    e.id, coalesce(e.date, a.date) AS date, e.type, e.mode, e.context, e.cameo, e.goldstein,
    e.quad_class, e.actor, e.recipient, e.negated, e.modality, e.place_name, e.place_country,
    e.latitude, e.longitude, e.text, e.start, e."end", e.rule, e.evidence, e.cluster_id,
    {cluster_counts},
    e.article_id, a.source, a.url, a.title, a.date AS article_date, a.ingested_at
"""
_CLUSTER_COUNTS = (
    "coalesce(c.n_mentions, 1) AS n_mentions, coalesce(c.n_articles, 1) AS n_articles, "
    "coalesce(c.n_sources, CAST(a.source IS NOT NULL AS BIGINT)) AS n_sources"
)
_SINGLE_COUNTS = (
    "CAST(1 AS BIGINT) AS n_mentions, CAST(1 AS BIGINT) AS n_articles, "
    "CAST(a.source IS NOT NULL AS BIGINT) AS n_sources"
)
_CLUSTER_JOIN = "LEFT JOIN clusters c ON c.id = e.cluster_id"

# Each filter field and the condition it adds; `?` receives the field's (prepared) value.
_CONDITIONS = {
    "since": "coalesce(e.date, a.date) >= ?",
    "until": "coalesce(e.date, a.date) <= ?",
    "actor": "list_contains([p.country FOR p IN e.actor], ?)",
    "recipient": "list_contains([p.country FOR p IN e.recipient], ?)",
    "actor_name": (
        "len([p FOR p IN e.actor IF contains(lower(coalesce(p.name, '') || '\x1f' || "
        "coalesce(p.text, '')), ?)]) > 0"
    ),
    "type": "e.type = ?",
    "quad_class": "e.quad_class = ?",
    "source": "contains(lower(coalesce(a.source, '')), ?)",
    "text": "contains(lower(e.text), ?)",
}
_LOWERED = frozenset({"actor_name", "source", "text"})
_UPPERED = frozenset({"actor", "recipient", "type"})


def events_sql(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, dyads_current: bool | None = None
) -> tuple[str, list[Any]]:
    """The query for the filtered events (ordered by date, then id) and its parameters.

    `dyads_current` says whether `event_dyads` may be read (checked when None). A page of
    one country pair's events then takes its ids from it: see `_pair_page_sql`.
    """
    clustered = has_table(con, "clusters")
    if _pair_page_applies(flt):
        if dyads_current is None:
            dyads_current = dyad_table_is_current(con)
        if dyads_current:
            return _pair_page_sql(con, flt, clustered=clustered)
    columns = _EVENT_COLUMNS.format(cluster_counts=_CLUSTER_COUNTS if clustered else _SINGLE_COUNTS)
    where, params = _where(flt)
    sql = (
        f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id "
        f"{_CLUSTER_JOIN if clustered else ''} WHERE {where} "
        "ORDER BY date NULLS LAST, e.id"
    )
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    if flt.offset:
        sql += " OFFSET ?"
        params.append(flt.offset)
    return sql, params


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    conditions = [] if flt.include_duplicates else ["a.duplicate_of IS NULL"]
    params: list[Any] = []
    for field, condition in _CONDITIONS.items():
        value = getattr(flt, field)
        if value is None:
            continue
        conditions.append(condition)
        params.append(_prepared(field, value))
    return " AND ".join(conditions) or "TRUE", params


def _prepared(field: str, value: Any) -> Any:
    if field in _LOWERED:
        return str(value).lower()
    if field in _UPPERED:
        return str(value).upper()
    return value


# --- one pair's page of events, through the dyad table -------------------------------------

PAIR_PAGE_MAX = 1000  # the most events a page read this way may hold
# Filters `event_dyads` can apply itself: its `date` is the event's date or its article's.
_PAIR_CONDITIONS = {
    "actor": "actor_country = ?",
    "recipient": "recipient_country = ?",
    "since": "date >= ?",
    "until": "date <= ?",
    "type": "type = ?",
    "quad_class": "quad_class = ?",
}


def _pair_page_applies(flt: EventFilter) -> bool:
    """A bounded page of one pair's events, filtered only by what `event_dyads` holds."""
    others = ("actor_name", "source", "text")
    return (
        flt.actor is not None and flt.recipient is not None and not flt.include_duplicates
        and flt.limit is not None and flt.limit <= PAIR_PAGE_MAX
        and all(getattr(flt, field) is None for field in others)
    )  # fmt: skip


def _pair_page_sql(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, clustered: bool) -> tuple[str, list[Any]]:
    """The page's events, their articles and clusters, each read by id from the ids found.

    An event has one `event_dyads` row per pair, so the page's ids, in the same order as
    the full query's (date, then id), come from that table alone; ids listed as
    parameters let DuckDB look them up in the tables' indexes instead of scanning them.
    """
    fields = [f for f in _PAIR_CONDITIONS if getattr(flt, f) is not None]
    where = " AND ".join(_PAIR_CONDITIONS[f] for f in fields)
    params = [_prepared(f, getattr(flt, f)) for f in fields] + [flt.limit, flt.offset]
    page = con.execute(
        f"SELECT event_id, article_id, unit FROM {DYAD_TABLE} WHERE {where} "  # noqa: S608 (fixed fragments)
        "ORDER BY date NULLS LAST, event_id LIMIT ? OFFSET ?",
        params,
    ).fetchall()
    events, articles, units = (sorted({row[i] for row in page}) for i in range(3))
    parts = [f"e AS MATERIALIZED (SELECT * FROM events WHERE {_in_list('id', events)})",
             f"a AS MATERIALIZED (SELECT * FROM articles WHERE {_in_list('id', articles)})"]  # fmt: skip
    if clustered:
        parts.append(f"c AS MATERIALIZED (SELECT * FROM clusters WHERE {_in_list('id', units)})")
    columns = _EVENT_COLUMNS.format(cluster_counts=_CLUSTER_COUNTS if clustered else _SINGLE_COUNTS)
    join = "LEFT JOIN c ON c.id = e.cluster_id" if clustered else ""
    sql = (
        f"WITH {', '.join(parts)} SELECT {columns} FROM e JOIN a ON a.id = e.article_id {join} "
        "ORDER BY date NULLS LAST, e.id"
    )
    return sql, [*events, *articles, *(units if clustered else [])]


def _in_list(column: str, values: list[Any]) -> str:
    """`column IN (?, ?, ...)` for as many values (FALSE for none)."""
    return f"{column} IN ({', '.join('?' * len(values))})" if values else "FALSE"


def select_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> pa.Table:
    """The filtered events with their article's source and their cluster's counts."""
    sql, params = events_sql(con, flt)
    return con.sql(sql, params=params).to_arrow_table()


def iter_event_batches(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> pa.RecordBatchReader:
    """The same rows as `select_events`, streamed in record batches."""
    sql, params = events_sql(con, flt)
    return con.sql(sql, params=params).to_arrow_reader()


# --- PLOVER scores ------------------------------------------------------------------------


@cache
def plover_scores() -> pa.Table:
    """PLOVER's cooperation-conflict score per type (mode '') and per type and mode."""
    text = resources.files("communique.resources").joinpath("ontology.json").read_text("utf-8")
    rows = []
    for kind, entry in json.loads(text)["plover"].items():
        rows.append({"type": kind, "mode": "", "score": entry.get("score")})
        rows += [{"type": kind, "mode": mode, "score": s} for mode, s in (entry.get("modes") or {}).items()]
    schema = pa.schema([("type", pa.string()), ("mode", pa.string()), ("score", pa.float64())])
    return pa.Table.from_pylist(rows, schema=schema)


# --- dyads ----------------------------------------------------------------------------------

# One row per (event, actor country, recipient country); parties without a country are left
# out, and so are events of near-duplicate articles. `unit` is what counts as one event:
# its cluster when it has one. `{pairs}` keeps only the events that can give a wanted pair,
# before their lists are expanded (TRUE for all of them).
_DYAD_ROWS = """
WITH reports AS (
    SELECT e.id AS event_id, e.article_id, coalesce(e.cluster_id, e.id) AS unit,
           coalesce(e.date, a.date) AS date, e.type, e.quad_class, e.goldstein,
           coalesce(m.score, b.score) AS plover_score,
           list_distinct([p.country FOR p IN e.actor IF p.country IS NOT NULL]) AS actors,
           list_distinct([p.country FOR p IN e.recipient IF p.country IS NOT NULL]) AS recipients
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN plover_score_table m ON m.type = e.type AND m.mode = e.mode
    LEFT JOIN plover_score_table b ON b.type = e.type AND b.mode = ''
    WHERE a.duplicate_of IS NULL AND ({pairs})
), by_actor AS (
    SELECT * EXCLUDE (actors), unnest(actors) AS actor_country FROM reports
)
SELECT actor_country, unnest(recipients) AS recipient_country, date, event_id, article_id, unit,
       type, quad_class, goldstein, plover_score
FROM by_actor
"""
_EVENT_PAIR = (
    "(list_contains([p.country FOR p IN e.actor], ?) AND list_contains([p.country FOR p IN e.recipient], ?))"
)


def build_dyad_table(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)write `event_dyads` from the events, sorted by pair and date; returns its rows."""
    plover_score_table = plover_scores()  # noqa: F841 (read by DuckDB's replacement scan)
    con.execute(
        f"CREATE OR REPLACE TABLE {DYAD_TABLE} AS {_DYAD_ROWS.format(pairs='TRUE')} "
        "ORDER BY actor_country, recipient_country, date"
    )
    con.execute(f"CREATE OR REPLACE TABLE {DYAD_STATE_TABLE} AS SELECT * FROM ({_STATE_SQL})")
    return int(scalar(con, f"SELECT count(*) FROM {DYAD_TABLE}"))


# What the dyad table was built from: a changed count means it is out of date. Cluster ids
# are not counted (a 10-million-row scan): `cluster_events` rebuilds the table itself.
_STATE_SQL = """
SELECT (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates
"""


def dyad_table_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether `event_dyads` exists and was built from the events as they are now."""
    if not (has_table(con, DYAD_TABLE) and has_table(con, DYAD_STATE_TABLE)):
        return False
    built = con.execute(f"SELECT * FROM {DYAD_STATE_TABLE}").fetchall()
    return built == con.execute(_STATE_SQL).fetchall()


# One direction of a series: in the sorted dyad table, one narrow range of rows. Reports are
# first grouped by real-world event (unit) within the period, so that the events per quad
# class are plain counts of those groups rather than five DISTINCT aggregates; the means
# are over reports, as sums over sums of counts.
_SERIES_ONE_WAY = """
SELECT actor_country, recipient_country, period, count(*) AS events,
       CAST(sum(reports) AS BIGINT) AS mentions,
       count_if(q1) AS verbal_cooperation, count_if(q2) AS material_cooperation,
       count_if(q3) AS verbal_conflict, count_if(q4) AS material_conflict,
       sum(plover_sum) / sum(plover_n) AS plover_score, sum(goldstein_sum) / sum(goldstein_n) AS goldstein
FROM (
    SELECT actor_country, recipient_country, CAST(date_trunc(?, date) AS DATE) AS period, unit,
           count(*) AS reports, bool_or(quad_class = 1) AS q1, bool_or(quad_class = 2) AS q2,
           bool_or(quad_class = 3) AS q3, bool_or(quad_class = 4) AS q4,
           sum(plover_score) AS plover_sum, count(plover_score) AS plover_n,
           sum(goldstein) AS goldstein_sum, count(goldstein) AS goldstein_n
    FROM {source}
    WHERE actor_country = ? AND recipient_country = ? AND date IS NOT NULL AND date >= ? AND date <= ?
    GROUP BY ALL
)
GROUP BY ALL
"""


def series_sql(query: DyadQuery, *, table_current: bool) -> tuple[str, list[Any]]:
    """The series query and its parameters: one part per direction, joined by UNION ALL.

    Without a current dyad table the rows are computed from the events that mention the
    pair (in either direction asked), once, before the lists are expanded.
    """
    directions = series_directions(query)
    days = [query.since or dt.date.min, query.until or dt.date.max]
    head, params, source = "", [], DYAD_TABLE
    if not table_current:
        pairs = " OR ".join([_EVENT_PAIR] * len(directions))
        head = f"WITH dyad_rows AS MATERIALIZED ({_DYAD_ROWS.format(pairs=pairs)}) "
        params, source = [country for pair in directions for country in pair], "dyad_rows"
    parts = [_SERIES_ONE_WAY.format(source=source)] * len(directions)
    for actor, recipient in directions:
        params += [query.freq, actor, recipient, *days]
    return head + " UNION ALL ".join(parts) + " ORDER BY period, actor_country", params


def series_directions(query: DyadQuery) -> list[tuple[str, str]]:
    """(actor, recipient) and, when asked, (recipient, actor): upper case, each once."""
    actor, recipient = query.actor.upper(), query.recipient.upper()
    back = [(recipient, actor)] if query.both else []
    return list(dict.fromkeys([(actor, recipient), *back]))


def dyad_series(
    con: duckdb.DuckDBPyConnection, query: DyadQuery, *, table_current: bool | None = None
) -> list[dict[str, Any]]:
    """Per period and direction: events per quad class, reports, mean PLOVER score and Goldstein.

    Counts are of distinct real-world events (clusters); `mentions` counts the reports.
    Periods with no event between the first and the last are filled with zero counts.
    `table_current` says whether `event_dyads` may be read (checked when None).
    """
    if table_current is None:
        table_current = dyad_table_is_current(con)
    plover_score_table = plover_scores()  # noqa: F841 (read by DuckDB's replacement scan)
    cursor = con.execute(*series_sql(query, table_current=table_current))
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return _fill_gaps(rows, series_directions(query), query.freq)


def _fill_gaps(rows: list[dict[str, Any]], directions: list[tuple[str, str]], freq: str) -> list[dict[str, Any]]:
    if not rows:
        return []
    found = {(r["period"], r["actor_country"], r["recipient_country"]): r for r in rows}
    periods = period_range(min(r["period"] for r in rows), max(r["period"] for r in rows), freq)
    return [
        _series_row(found.get((period, a, r)), period, a, r)
        for period in periods
        for a, r in directions
    ]


def _series_row(row: dict[str, Any] | None, period: dt.date, actor: str, recipient: str) -> dict[str, Any]:
    empty = {"events": 0, "mentions": 0, **dict.fromkeys(QUAD_COLUMNS, 0), "plover_score": None, "goldstein": None}
    values = row or empty
    return {
        "period": period,
        "actor": actor,
        "recipient": recipient,
        **{key: values[key] for key in ("events", "mentions", *QUAD_COLUMNS, "plover_score", "goldstein")},
    }


def period_range(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    """The first day of every period from `first` to `last` (both already period starts)."""
    periods = []
    current = first
    while current <= last:
        periods.append(current)
        current = _next_period(current, freq)
    return periods


def _next_period(day: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return day + dt.timedelta(days=1)
    if freq == "week":
        return day + dt.timedelta(days=7)
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


# --- quotes ---------------------------------------------------------------------------------

_QUOTES = """
SELECT a.date, a.title, q.speaker.name AS speaker, q.speaker.text AS speaker_text,
       q.speaker.country AS country, q.speaker.sector AS sector, q.speaker.role AS role,
       q.kind, q.cue, q.text, q.start, q."end", q.events, q.id, q.article_id
FROM quotes q LEFT JOIN articles a ON a.id = q.article_id
"""


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes to read: part of the speaker's name or text and of the quote's text (any
    case), the speaker's country, the article's date; None leaves a filter out."""

    speaker: str | None = None
    country: str | None = None
    text: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quote_query(flt: QuoteFilter) -> tuple[str, list[Any]]:
    """The SQL text and its bound parameters for a filter."""
    where: list[str] = []
    params: list[Any] = []
    if flt.speaker:
        where.append("(q.speaker.name ILIKE ? ESCAPE '\\' OR q.speaker.text ILIKE ? ESCAPE '\\')")
        params += [_like(flt.speaker)] * 2
    if flt.country:
        where.append("upper(q.speaker.country) = ?")
        params.append(flt.country.strip().upper())
    if flt.text:
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(_like(flt.text))
    if flt.since is not None:
        where.append("a.date >= ?")
        params.append(flt.since)
    if flt.until is not None:
        where.append("a.date <= ?")
        params.append(flt.until)
    sql = _QUOTES + (" WHERE " + " AND ".join(where) if where else "")
    sql += ' ORDER BY a.date NULLS LAST, q.article_id, q.start'
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    return sql, params
