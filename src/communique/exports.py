"""Write selected events as CSV, Parquet, JSON lines, PLOVER JSON or GDELT 2.0 event rows.

Every writer takes the record batches of `store.queries.iter_event_batches` and a sink
(a binary file object; a path for Parquet) and returns how many records it wrote. The
layouts are described in docs/schema.md:

- csv: one row per report; party lists flattened to `; `-joined names, countries, sectors.
- parquet: one row per report with the nested party and evidence lists kept.
- jsonl: one object per report in the contract's event shape, with its article and cluster.
- plover: a JSON array of PLOVER event records.
- gdelt: tab-separated GDELT 2.0 event-table columns, one row per real-world event
  (cluster), its earliest report standing for it; NumMentions, NumArticles and NumSources
  come from the cluster.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc

EXPORT_FORMATS = ("csv", "parquet", "jsonl", "plover", "gdelt")
PARTY_FIELDS = ("name", "country", "sector")

CSV_COLUMNS = (
    "id", "date", "type", "mode", "context", "cameo", "goldstein", "quad_class",
    "actor_name", "actor_country", "actor_sector", "recipient_name", "recipient_country",
    "recipient_sector", "negated", "modality", "place_name", "place_country", "latitude",
    "longitude", "text", "start", "end", "cluster_id", "n_mentions", "n_articles", "n_sources",
    "article_id", "source", "url", "title",
)  # fmt: skip

GDELT_COLUMNS = (
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
)  # fmt: skip


def write_events(batches: pa.RecordBatchReader, fmt: str, sink: IO[bytes] | str) -> int:
    """Write the events in `fmt` (one of EXPORT_FORMATS) to `sink`; returns records written."""
    writer = _WRITERS[fmt]
    return writer(batches, sink)


# --- csv and parquet ------------------------------------------------------------------------


def flat_batch(batch: pa.RecordBatch) -> pa.Table:
    """A batch with party lists flattened to joined strings, in CSV_COLUMNS order."""
    table = pa.Table.from_batches([batch])
    for side in ("actor", "recipient"):
        for field in PARTY_FIELDS:
            table = table.append_column(f"{side}_{field}", _joined(table.column(side), field))
    return table.select(list(CSV_COLUMNS))


def _joined(parties: pa.ChunkedArray, field: str) -> pa.ChunkedArray:
    """One field of every party in each list, joined by '; ' (missing values left empty)."""
    chunks = []
    for chunk in parties.chunks:
        values = pc.fill_null(pc.struct_field(pc.list_flatten(chunk), field), "")
        lengths = pc.fill_null(pc.list_value_length(chunk), 0).to_numpy()
        offsets = pa.array([0, *lengths.cumsum().tolist()], pa.int32())
        chunks.append(pc.binary_join(pa.ListArray.from_arrays(offsets, values), "; "))
    return pa.chunked_array(chunks, pa.string())


def _write_csv(batches: pa.RecordBatchReader, sink: IO[bytes] | str) -> int:
    from pyarrow import csv as pacsv

    count = 0
    writer = None
    for batch in batches:
        table = flat_batch(batch)
        if writer is None:
            writer = pacsv.CSVWriter(sink, table.schema)
        writer.write_table(table)
        count += table.num_rows
    if writer is None:
        header = ",".join(f'"{name}"' for name in CSV_COLUMNS) + "\n"
        _as_binary(sink).write(header.encode())
    else:
        writer.close()
    return count


def _write_parquet(batches: pa.RecordBatchReader, sink: IO[bytes] | str) -> int:
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(sink, batches.schema) as writer:
        for batch in batches:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


# --- JSON -----------------------------------------------------------------------------------


def _rows(batches: pa.RecordBatchReader) -> Iterator[dict[str, Any]]:
    for batch in batches:
        yield from batch.to_pylist()


def jsonl_record(row: dict[str, Any]) -> dict[str, Any]:
    """A report in the contract's event shape, with its article and its cluster."""
    place = None
    if row["place_name"] is not None:
        place = {k: row[f"place_{k}"] for k in ("name", "country")}
        place |= {"latitude": row["latitude"], "longitude": row["longitude"]}
    keys = ("id", "type", "mode", "context", "cameo", "goldstein", "quad_class", "actor",
            "recipient", "negated", "modality", "date")  # fmt: skip
    return {
        **{key: row[key] for key in keys},
        "place": place,
        **{key: row[key] for key in ("text", "start", "end", "rule", "evidence")},
        "cluster": {k: row[k] for k in ("cluster_id", "n_mentions", "n_articles", "n_sources")},
        "article": {
            "id": row["article_id"], "title": row["title"], "date": row["article_date"],
            "url": row["url"], "source": row["source"],
        },
    }  # fmt: skip


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A report as a PLOVER event record (field names as in docs/schema.md)."""
    record: dict[str, Any] = {
        "id": row["id"],
        "date": row["date"],
        "event_type": row["type"],
        "mode": row["mode"] or "",
        "context": [c.strip() for c in (row["context"] or "").split(",") if c.strip()],
    }
    for side in ("actor", "recipient"):
        for field in PARTY_FIELDS:
            record[f"{side}_{field}"] = [party[field] for party in row[side] or ()]
    record |= {
        "source": row["source"], "article_id": row["article_id"], "url": row["url"],
        "text": row["text"], "negated": row["negated"], "cluster_id": row["cluster_id"],
    }  # fmt: skip
    return record


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


def _write_jsonl(batches: pa.RecordBatchReader, sink: IO[bytes] | str) -> int:
    count = 0
    with _text(sink) as out:
        for row in _rows(batches):
            out.write(_dumps(jsonl_record(row)) + "\n")
            count += 1
    return count


def _write_plover(batches: pa.RecordBatchReader, sink: IO[bytes] | str) -> int:
    """A JSON array written one record per line, so that large exports stream."""
    count = 0
    with _text(sink) as out:
        out.write("[")
        for row in _rows(batches):
            out.write(("\n" if count == 0 else ",\n") + _dumps(plover_record(row)))
            count += 1
        out.write("\n]\n")
    return count


# --- GDELT ----------------------------------------------------------------------------------


def gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    """A report as GDELT 2.0 event-table columns, where a column has a counterpart."""
    date, cameo = row["date"], row["cameo"] or ""
    added = row["ingested_at"]
    return {
        "GlobalEventID": row["cluster_id"] or row["id"],
        "SQLDATE": date.strftime("%Y%m%d") if date else "",
        "MonthYear": date.strftime("%Y%m") if date else "",
        "Year": date.year if date else "",
        "FractionDate": f"{date.year + date.timetuple().tm_yday / 365:.4f}" if date else "",
        **_gdelt_actor(1, row["actor"]),
        **_gdelt_actor(2, row["recipient"]),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": row["quad_class"], "GoldsteinScale": row["goldstein"],
        "NumMentions": row["n_mentions"], "NumSources": row["n_sources"],
        "NumArticles": row["n_articles"],
        "ActionGeo_FullName": row["place_name"], "ActionGeo_Lat": row["latitude"],
        "ActionGeo_Long": row["longitude"],
        "DATEADDED": added.strftime("%Y%m%d%H%M%S") if added else "",
        "SOURCEURL": row["url"],
    }  # fmt: skip


def _gdelt_actor(number: int, parties: list[dict[str, Any]] | None) -> dict[str, Any]:
    """GDELT has one actor per side: the first party stands for the side."""
    party = (parties or [{}])[0]
    country, sector = party.get("country") or "", party.get("sector") or ""
    return {
        f"Actor{number}Code": country + sector,
        f"Actor{number}Name": party.get("name") or "",
        f"Actor{number}CountryCode": country,
        f"Actor{number}Type1Code": sector,
    }


def _write_gdelt(batches: pa.RecordBatchReader, sink: IO[bytes] | str) -> int:
    seen: set[str] = set()
    with _text(sink) as out:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in _rows(batches):  # ordered by date: a cluster's first report comes first
            key = row["cluster_id"] or row["id"]
            if key not in seen:
                seen.add(key)
                out.write("\t".join(_tab_free(gdelt_row(row)).values()) + "\n")
    return len(seen)


_UNQUOTED = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _tab_free(row: dict[str, Any]) -> dict[str, str]:
    """GDELT files are not quoted: tabs and line breaks inside a value become spaces."""
    return {k: ("" if v is None else str(v).translate(_UNQUOTED)) for k, v in row.items()}


# --- sinks ----------------------------------------------------------------------------------


def _as_binary(sink: IO[bytes] | str) -> IO[bytes]:
    if isinstance(sink, str):
        msg = "a text format needs an open binary file, not a path"
        raise TypeError(msg)
    return sink


@contextmanager
def _text(sink: IO[bytes] | str) -> Iterator[io.TextIOWrapper]:
    """UTF-8 text over the binary sink, detached at the end so the sink stays open."""
    out = io.TextIOWrapper(_as_binary(sink), encoding="utf-8", newline="")
    try:
        yield out
    finally:
        out.flush()
        out.detach()


_WRITERS: dict[str, Callable[[pa.RecordBatchReader, Any], int]] = {
    "csv": _write_csv,
    "parquet": _write_parquet,
    "jsonl": _write_jsonl,
    "plover": _write_plover,
    "gdelt": _write_gdelt,
}
