"""One real-world event reported many times becomes one cluster.

Reports (rows of `events`) with the same PLOVER type, the same set of actor countries and
the same set of recipient countries, dated within `window_days` of the cluster's first
report, form one cluster. Within each (type, actors, recipients) group, reports are taken
in date order and a report more than `window_days` after the current cluster's first day
opens a new one, so no cluster spans more than the window.

A party without a country takes part in the key by its name, so that reports about two
unnamed-country groups are not merged. Reports without any date, and reports in articles
marked `duplicate_of`, belong to no cluster: the original article's reports stand for them.

A cluster id is a hash of its type, actors, recipients and first day, so re-running on the
same events gives the same ids. `cluster_events` writes `events.cluster_id`, the `clusters`
table (GDELT-style NumMentions, NumArticles, NumSources) and refreshes the dyad table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from communique.store.queries import build_dyad_table, scalar

if TYPE_CHECKING:
    import duckdb

DEFAULT_WINDOW_DAYS = 2

_PARTY_KEY = "list_sort(list_distinct([coalesce(p.country, p.name) FOR p IN e.{side} IF coalesce(p.country, p.name) IS NOT NULL]))"

_KEYED_REPORTS = f"""
CREATE OR REPLACE TEMP TABLE cluster_reports AS
SELECT e.id, coalesce(e.type, '') AS type,
       {_PARTY_KEY.format(side="actor")} AS actor,
       {_PARTY_KEY.format(side="recipient")} AS recipient,
       coalesce(e.date, a.date) AS date, e.article_id, a.source
FROM events e JOIN articles a ON a.id = e.article_id
WHERE a.duplicate_of IS NULL AND coalesce(e.date, a.date) IS NOT NULL
"""

_GROUP_DAYS = """
SELECT dense_rank() OVER (ORDER BY type, actor, recipient) AS grp,
       type, actor, recipient, date
FROM (SELECT DISTINCT type, actor, recipient, date FROM cluster_reports)
ORDER BY type, actor, recipient, date
"""

_ASSIGN = """
CREATE OR REPLACE TEMP TABLE cluster_members AS
SELECT r.*, 'c-' || substr(md5(concat_ws(chr(31), r.type, array_to_string(r.actor, '|'),
       array_to_string(r.recipient, '|'), CAST(s.first_date AS VARCHAR))), 1, 15) AS cluster_id
FROM cluster_reports r
JOIN cluster_starts s ON s.type = r.type AND s.actor = r.actor AND s.recipient = r.recipient
     AND s.date = r.date
"""

_CLUSTERS = """
CREATE OR REPLACE TABLE clusters AS
SELECT cluster_id AS id, any_value(type) AS type, any_value(actor) AS actor,
       any_value(recipient) AS recipient, min(date) AS first_date, max(date) AS last_date,
       count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles,
       count(DISTINCT source) AS n_sources
FROM cluster_members GROUP BY cluster_id ORDER BY id
"""


def cluster_events(con: duckdb.DuckDBPyConnection, *, window_days: int = DEFAULT_WINDOW_DAYS) -> int:
    """Cluster the stored events, write `events.cluster_id` and `clusters`; returns clusters.

    Idempotent: the same events give the same clusters and ids. Runs in one transaction.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        count = _cluster_in_transaction(con, window_days)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return count


def _cluster_in_transaction(con: duckdb.DuckDBPyConnection, window_days: int) -> int:
    con.execute(_KEYED_REPORTS)
    days = con.sql(_GROUP_DAYS).to_arrow_table()
    # read by DuckDB's replacement scan in _ASSIGN
    cluster_starts = days.append_column("first_date", _first_days(days, window_days))  # noqa: F841
    con.execute(_ASSIGN)
    con.execute(_CLUSTERS)
    con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
    con.execute(
        "UPDATE events SET cluster_id = m.cluster_id FROM cluster_members m WHERE events.id = m.id"
    )
    con.execute("DROP TABLE cluster_members")
    con.execute("DROP TABLE cluster_reports")
    build_dyad_table(con)
    return int(scalar(con, "SELECT count(*) FROM clusters"))


def _first_days(days: pa.Table, window_days: int) -> pa.Array:
    """For each (group, day) in order, the first day of the cluster that day falls in."""
    groups = days.column("grp").to_pylist()
    dates = days.column("date").cast(pa.int32()).to_pylist()  # days since 1970-01-01
    firsts = []
    group, first = None, 0
    for grp, date in zip(groups, dates, strict=True):
        if grp != group or date - first > window_days:
            group, first = grp, date
        firsts.append(first)
    return pa.array(firsts, pa.int32()).cast(pa.date32())
