"""What the API reads from the store beyond `store.queries`: one article whole, quotes,
the countries and pairs present, and the marks that highlight an event's sentence.

Every value reaches DuckDB as a bound parameter; table and column names are fixed here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from communique.store.queries import DYAD_TABLE, QuoteFilter, dyad_table_is_current, quote_query

if TYPE_CHECKING:
    import duckdb

PAIRS_SHOWN = 30
_PLACE = ("place_name", "place_country", "latitude", "longitude")


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def search_quotes(con: duckdb.DuckDBPyConnection, flt: QuoteFilter, *, offset: int) -> list[dict[str, Any]]:
    """The quotes `communique quotes` would print for this filter, from `offset` on."""
    sql, params = quote_query(flt)
    if flt.limit is not None:
        sql += " OFFSET ?"
        params.append(offset)
    return fetch_dicts(con, sql, params)


def read_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One stored article in the contract's shape, with its text; None when absent."""
    found = fetch_dicts(con, "SELECT * EXCLUDE (key) FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    ask = [article_id]
    events = fetch_dicts(con, "SELECT * EXCLUDE (article_id) FROM events WHERE article_id = ? ORDER BY start, id", ask)
    entities = fetch_dicts(con, "SELECT * EXCLUDE (article_id) FROM entities WHERE article_id = ?", ask)
    return {
        "article": found[0],
        "entities": [_with_place(e) for e in entities],
        "events": [with_marks(_with_place(e)) for e in events],
        "quotes": fetch_dicts(con, "SELECT * EXCLUDE (article_id) FROM quotes WHERE article_id = ? ORDER BY start", ask),
        "amounts": fetch_dicts(con, "SELECT * EXCLUDE (article_id) FROM amounts WHERE article_id = ? ORDER BY start", ask),
        "dates": fetch_dicts(con, "SELECT * EXCLUDE (article_id) FROM dates WHERE article_id = ? ORDER BY start", ask),
    }


def _with_place(row: dict[str, Any]) -> dict[str, Any]:
    """The flat place columns folded back into the contract's `place` object."""
    place = {key: row.pop(key, None) for key in _PLACE}
    row["place"] = None if place["place_name"] is None else {
        "name": place["place_name"], "country": place["place_country"],
        "latitude": place["latitude"], "longitude": place["longitude"],
    }  # fmt: skip
    return row


_PAIRS_FROM_EVENTS = """
WITH reports AS (
    SELECT list_distinct([p.country FOR p IN e.actor IF p.country IS NOT NULL]) AS actors,
           list_distinct([p.country FOR p IN e.recipient IF p.country IS NOT NULL]) AS recipients
    FROM events e JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL
), by_actor AS (SELECT unnest(actors) AS actor_country, recipients FROM reports)
SELECT actor_country, unnest(recipients) AS recipient_country FROM by_actor
"""


def countries_and_pairs(con: duckdb.DuckDBPyConnection, *, dyads_current: bool | None = None) -> dict[str, Any]:
    """Every country in a dyad with its reports, and the busiest pairs: the dyad picker's lists.

    `dyads_current` says whether `event_dyads` may be read (checked when None).
    """
    if dyads_current is None:
        dyads_current = dyad_table_is_current(con)
    source = DYAD_TABLE if dyads_current else f"({_PAIRS_FROM_EVENTS})"
    pairs = fetch_dicts(
        con,
        f"SELECT actor_country AS actor, recipient_country AS recipient, count(*) AS reports "  # noqa: S608 (fixed names)
        f"FROM {source} GROUP BY ALL ORDER BY reports DESC, actor, recipient",
        [],
    )
    totals: dict[str, int] = {}
    for pair in pairs:
        for country in {pair["actor"], pair["recipient"]}:
            totals[country] = totals.get(country, 0) + pair["reports"]
    countries = [{"country": c, "reports": n} for c, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"countries": countries, "pairs": pairs[:PAIRS_SHOWN]}


# --- highlighting -----------------------------------------------------------------------


def with_marks(event: dict[str, Any]) -> dict[str, Any]:
    """The event with `marks`: where its actor, recipient and trigger stand in its `text`."""
    event["marks"] = event_marks(event.get("text") or "", event.get("actor"), event.get("recipient"), event.get("rule"))
    return event


def event_marks(
    text: str, actor: list[dict[str, Any]] | None, recipient: list[dict[str, Any]] | None, rule: str | None
) -> list[dict[str, Any]]:
    """Non-overlapping {start, end, role} spans of `text` (offsets into the sentence).

    Parties are found by their text as written, then by their canonical name; the trigger
    is the word the event's rule names (`verb:oppose` marks "opposed").
    """
    found: list[dict[str, Any]] = []
    for role, parties in (("actor", actor or []), ("recipient", recipient or [])):
        for party in parties:
            found += [{"start": m.start(), "end": m.end(), "role": role} for m in _party_matches(text, party)]
    trigger = trigger_word(rule)
    if trigger:
        found += [{"start": m.start(), "end": m.end(), "role": "trigger"} for m in _stem(trigger).finditer(text)]
    return _without_overlaps(found)


def _party_matches(text: str, party: dict[str, Any]) -> list[re.Match[str]]:
    """Where a party stands: its text as written, else its name, else its name's last word
    ("Cameron" for David Cameron, as later sentences call him)."""
    name = party.get("name") or ""
    surname = name.split()[-1] if len(name.split()) > 1 else None
    for label in filter(None, (party.get("text"), name, surname)):
        matches = list(_word(label).finditer(text))
        if matches:
            return matches
    return []


def trigger_word(rule: str | None) -> str | None:
    """The lemma a rule names: `verb-pattern:contribute:fund+intent` -> "contribute"."""
    parts = (rule or "").split("+", 1)[0].split(":")
    return parts[1] if len(parts) > 1 and parts[1].isalpha() else None


def _word(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")


def _stem(lemma: str) -> re.Pattern[str]:
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma  # oppose -> opposed, opposing
    return re.compile(rf"(?<!\w){re.escape(stem)}\w*", re.IGNORECASE)


def _without_overlaps(marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for mark in sorted(marks, key=lambda m: (m["start"], -m["end"])):
        if not kept or mark["start"] >= kept[-1]["end"]:
            kept.append(mark)
    return kept
