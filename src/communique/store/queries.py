"""Read the store as a dataset: filtered events and dyad (country pair) time series.

Plain functions over a DuckDB connection, shared by the command line and the web API.
Every query counts one report once: events of an article marked `duplicate_of` are left
out unless a filter asks for them. Values always travel as parameters; the only SQL built
from pieces is chosen from fixed fragments in this module.

Dyad series read `event_dyads`, a table derived from `events` with one row per event and
(actor country, recipient country) pair, sorted by pair and date so that one pair's rows
sit together. `build_dyad_table` writes it (clustering calls it at the end of ingest);
when it is missing or older than the events, the same rows are computed on the fly.
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


def events_sql(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> tuple[str, list[Any]]:
    """The query for the filtered events (ordered by date, then id) and its parameters."""
    clustered = has_table(con, "clusters")
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
    return sql, params


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    conditions = [] if flt.include_duplicates else ["a.duplicate_of IS NULL"]
    params: list[Any] = []
    for field, condition in _CONDITIONS.items():
        value = getattr(flt, field)
        if value is None:
            continue
        if field in _LOWERED:
            value = str(value).lower()
        elif field in _UPPERED:
            value = str(value).upper()
        conditions.append(condition)
        params.append(value)
    return " AND ".join(conditions) or "TRUE", params


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
# its cluster when it has one.
_DYAD_ROWS = """
WITH reports AS (
    SELECT e.id AS event_id, coalesce(e.cluster_id, e.id) AS unit,
           coalesce(e.date, a.date) AS date, e.type, e.quad_class, e.goldstein,
           coalesce(m.score, b.score) AS plover_score,
           list_distinct([p.country FOR p IN e.actor IF p.country IS NOT NULL]) AS actors,
           list_distinct([p.country FOR p IN e.recipient IF p.country IS NOT NULL]) AS recipients
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN plover_score_table m ON m.type = e.type AND m.mode = e.mode
    LEFT JOIN plover_score_table b ON b.type = e.type AND b.mode = ''
    WHERE a.duplicate_of IS NULL
), by_actor AS (
    SELECT * EXCLUDE (actors), unnest(actors) AS actor_country FROM reports
)
SELECT actor_country, unnest(recipients) AS recipient_country, date, event_id, unit, type,
       quad_class, goldstein, plover_score
FROM by_actor
"""


def build_dyad_table(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)write `event_dyads` from the events, sorted by pair and date; returns its rows."""
    plover_score_table = plover_scores()  # noqa: F841 (read by DuckDB's replacement scan)
    con.execute(
        f"CREATE OR REPLACE TABLE {DYAD_TABLE} AS {_DYAD_ROWS} "
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


_SERIES_SQL = """
SELECT actor_country, recipient_country, CAST(date_trunc(?, date) AS DATE) AS period,
       count(DISTINCT unit) AS events, count(*) AS mentions,
       count(DISTINCT unit) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
       count(DISTINCT unit) FILTER (WHERE quad_class = 2) AS material_cooperation,
       count(DISTINCT unit) FILTER (WHERE quad_class = 3) AS verbal_conflict,
       count(DISTINCT unit) FILTER (WHERE quad_class = 4) AS material_conflict,
       avg(plover_score) AS plover_score, avg(goldstein) AS goldstein
FROM {source}
WHERE ((actor_country = ? AND recipient_country = ?) OR (actor_country = ? AND recipient_country = ?))
  AND date IS NOT NULL AND date >= ? AND date <= ?
GROUP BY ALL
ORDER BY period, actor_country
"""


def dyad_series(con: duckdb.DuckDBPyConnection, query: DyadQuery) -> list[dict[str, Any]]:
    """Per period and direction: events per quad class, reports, mean PLOVER score and Goldstein.

    Counts are of distinct real-world events (clusters); `mentions` counts the reports.
    Periods with no event between the first and the last are filled with zero counts.
    """
    actor, recipient = query.actor.upper(), query.recipient.upper()
    back = (recipient, actor) if query.both else (actor, recipient)
    params = [query.freq, actor, recipient, *back, query.since or dt.date.min, query.until or dt.date.max]
    plover_score_table = plover_scores()  # noqa: F841 (read by DuckDB's replacement scan)
    source = DYAD_TABLE if dyad_table_is_current(con) else f"({_DYAD_ROWS})"
    cursor = con.execute(_SERIES_SQL.format(source=source), params)
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    directions = list(dict.fromkeys([(actor, recipient), back]))
    return _fill_gaps(rows, directions, query.freq)


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
