"""Build a synthetic store of N events and time loading it and querying one dyad.

    python scripts/make_synthetic_store.py --events 10000000 --db /tmp/synthetic.duckdb

Writes N events (one article per four events, 2 % of articles marked as near-duplicates)
as Parquet files shaped like the `events` and `articles` tables, loads them into a new
DuckDB store, builds the dyad table, then times the GBR-RUS monthly series in both
directions, from the dyad table and once from the events alone (as when the table is
missing or stale). Countries follow a Zipf-like law so that a few pairs are busy, as in news.
The figures are printed; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from communique.ontology import DEFAULT_CAMEO, PLOVER_TYPES, cameo
from communique.store import Store
from communique.store.queries import DyadQuery, build_dyad_table, dyad_series
from communique.store.schema import PARTY, TABLES

# Busy countries first: the Zipf weights favour the start of this list.
COUNTRIES = (
    "USA", "RUS", "CHN", "GBR", "UKR", "FRA", "DEU", "ISR", "IRN", "IND", "TUR", "JPN", "PAK",
    "SYR", "PRK", "KOR", "SAU", "EGY", "AFG", "IRQ", "BRA", "CAN", "AUS", "ITA", "ESP", "POL",
    "NGA", "ZAF", "MEX", "VEN", "LBN", "YEM", "LBY", "SDN", "ETH", "KEN", "QAT", "ARE", "BLR",
    "GEO", "ARM", "AZE", "KAZ", "TWN", "PHL", "VNM", "IDN", "MYS", "THA", "MMR",
)  # fmt: skip
SOURCES = tuple(f"Source {i}" for i in range(60))
SECTORS = ("GOV", "MIL", "BUS", "CVL", "MED", "OPP")
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3653  # ten years
EVENTS_PER_ARTICLE = 4
CHUNK = 1_000_000


def parties(rng: np.random.Generator, n: int) -> pa.ListArray:
    """One party per event, its country drawn from a Zipf-like law."""
    weights = 1 / np.arange(1, len(COUNTRIES) + 1)
    country = pa.array(COUNTRIES).take(pa.array(rng.choice(len(COUNTRIES), n, p=weights / weights.sum())))
    sector = pa.array(SECTORS).take(pa.array(rng.integers(0, len(SECTORS), n)))
    name = pc.binary_join_element_wise(country, sector, " ")
    nulls = pa.nulls(n, pa.string())
    struct = pa.StructArray.from_arrays([name, name, country, sector, nulls, nulls], fields=list(PARTY))
    return pa.ListArray.from_arrays(pa.array(np.arange(n + 1, dtype=np.int32)), struct)


def event_chunk(rng: np.random.Generator, start: int, n: int) -> pa.Table:
    """Rows `start` to `start + n` of the synthetic events, shaped like the events table."""
    kinds = rng.integers(0, len(PLOVER_TYPES), n)
    codes = [DEFAULT_CAMEO[k] for k in PLOVER_TYPES]
    info = [cameo(c) for c in codes]
    number = np.arange(start, start + n)
    columns = {
        "id": pc.binary_join_element_wise("s-", pa.array(number.astype(str)), ""),
        "article_id": pc.binary_join_element_wise("sa-", pa.array((number // EVENTS_PER_ARTICLE).astype(str)), ""),
        "type": pa.array(PLOVER_TYPES).take(pa.array(kinds)),
        "cameo": pa.array(codes).take(pa.array(kinds)),
        "goldstein": pa.array([i.goldstein if i else None for i in info], pa.float64()).take(pa.array(kinds)),
        "quad_class": pa.array([i.quad_class if i else None for i in info], pa.int8()).take(pa.array(kinds)),
        "actor": parties(rng, n),
        "recipient": parties(rng, n),
        "negated": pa.array(np.zeros(n, dtype=bool)),
        "date": pa.array(rng.integers(0, DAYS, n).astype(np.int32) + _epoch_day(FIRST_DAY)).cast(pa.date32()),
        "text": pa.array(["The two governments met and issued a statement."] * n),
        "start": pa.array(np.zeros(n, dtype=np.int32)),
        "end": pa.array(np.full(n, 48, dtype=np.int32)),
        "rule": pa.array(["synthetic"] * n),
    }
    return _shaped(columns, TABLES["events"], n)


def article_chunk(rng: np.random.Generator, start: int, n: int) -> pa.Table:
    """Articles `start` to `start + n`; 2 % repeat the article before them."""
    number = np.arange(start, start + n)
    ids = pc.binary_join_element_wise("sa-", pa.array(number.astype(str)), "")
    previous = pc.binary_join_element_wise("sa-", pa.array((number - 1).astype(str)), "")
    copy = pa.array((rng.random(n) < 0.02) & (number > 0))
    columns = {
        "id": ids,
        "key": ids,
        "date": pa.array(rng.integers(0, DAYS, n).astype(np.int32) + _epoch_day(FIRST_DAY)).cast(pa.date32()),
        "url": pc.binary_join_element_wise("https://synthetic.example/", ids, ""),
        "source": pa.array(SOURCES).take(pa.array(rng.integers(0, len(SOURCES), n))),
        "origin": pa.array(["synthetic"] * n),
        "words": pa.array(np.full(n, 400, dtype=np.int32)),
        "duplicate_of": pc.if_else(copy, previous, pa.scalar(None, pa.string())),
    }
    return _shaped(columns, TABLES["articles"], n)


def _shaped(columns: dict[str, pa.Array], schema: pa.Schema, n: int) -> pa.Table:
    """The columns in the table's order and types, absent ones null."""
    arrays = [columns[f.name].cast(f.type) if f.name in columns else pa.nulls(n, f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def _epoch_day(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def write_parquet(folder: Path, events: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    articles = -(-events // EVENTS_PER_ARTICLE)
    for name, total, make in (("events", events, event_chunk), ("articles", articles, article_chunk)):
        (folder / name).mkdir(parents=True)
        for part, start in enumerate(range(0, total, CHUNK)):
            pq.write_table(make(rng, start, min(CHUNK, total - start)), folder / name / f"{part:04d}.parquet")


# The store's unique indexes; a bulk load into an empty store builds them once at the end,
# which is several times faster than keeping them up to date row by row.
INDEXES = (("events_id_key", "events", "id"), ("articles_id_key", "articles", "id"),
           ("articles_content_key", "articles", "key"))  # fmt: skip


def load(db: Path, folder: Path) -> float:
    """Load the Parquet files into a new store, indexes included; returns the seconds taken."""
    with Store(db) as store:
        began = time.perf_counter()
        for index, _, _ in INDEXES:
            store.con.execute(f"DROP INDEX {index}")
        for name in ("articles", "events"):
            pattern = str(folder / name / "*.parquet")
            store.con.execute(f"INSERT INTO {name} SELECT * FROM read_parquet(?)", [pattern])  # noqa: S608 (fixed names)
            print(f"  {name}: {time.perf_counter() - began:.1f} s")
        for index, table, column in INDEXES:
            store.con.execute(f"CREATE UNIQUE INDEX {index} ON {table} ({column})")
        store.con.execute("CHECKPOINT")
        return time.perf_counter() - began


def time_dyads(db: Path, repeats: int) -> list[float]:
    """Seconds per GBR-RUS monthly series (both directions), on a fresh read-only connection;
    prints the time of the same series computed from the events alone."""
    query = DyadQuery(actor="GBR", recipient="RUS", freq="month", both=True)
    times = []
    with Store(db, read_only=True) as store:
        for _ in range(repeats):
            began = time.perf_counter()
            rows = dyad_series(store.con, query)
            times.append(time.perf_counter() - began)
        began = time.perf_counter()
        same = _same(dyad_series(store.con, query, table_current=False), rows)
        print(f"dyad query without the dyad table: {time.perf_counter() - began:.1f} s (same rows: {same})")
    print(f"dyad series: {len(rows)} rows, {sum(r['mentions'] for r in rows):,} reports")
    return times


def _same(first: list[dict], second: list[dict]) -> bool:
    """Equal rows, means compared to 1e-9 (sums in another order differ in the last bits)."""
    if len(first) != len(second):
        return False
    for a, b in zip(first, second, strict=True):
        for key, value in a.items():
            other = b[key]
            if isinstance(value, float) and isinstance(other, float):
                if not math.isclose(value, other, rel_tol=1e-9):
                    return False
            elif value != other:
                return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("synthetic.duckdb"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    args.db.unlink(missing_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="communique-synthetic-"))
    try:
        began = time.perf_counter()
        write_parquet(folder, args.events, args.seed)
        print(f"generated {args.events:,} events as Parquet in {time.perf_counter() - began:.1f} s")
        print(f"load from Parquet: {load(args.db, folder):.1f} s")
    finally:
        shutil.rmtree(folder)
    with Store(args.db) as store:
        began = time.perf_counter()
        rows = build_dyad_table(store.con)
        print(f"dyad table: {rows:,} rows in {time.perf_counter() - began:.1f} s")
    times = time_dyads(args.db, args.repeats)
    print(f"dyad query: first {times[0] * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
