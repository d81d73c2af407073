"""Arrow schemas of the stored tables: the one definition both the DDL and the writer use.

Each row of every table but `articles` and `failures` carries its `article_id`. Nested
values keep the contract's shape: a mention list, a party list, a speaker struct.
"""

from __future__ import annotations

import pyarrow as pa

MENTION = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
PARTY = pa.struct(
    [
        ("name", pa.string()),
        ("text", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("role", pa.string()),
        ("entity", pa.string()),
    ]
)
_PLACE_COLUMNS = [
    ("place_name", pa.string()),
    ("place_country", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
]

TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", pa.string()),
            ("key", pa.string()),
            ("title", pa.string()),
            ("date", pa.date32()),
            ("url", pa.string()),
            ("source", pa.string()),
            ("origin", pa.string()),
            ("words", pa.int32()),
            ("text", pa.string()),
            ("ingested_at", pa.timestamp("us", tz="UTC")),
            ("duplicate_of", pa.string()),  # the earlier stored article this one nearly repeats
        ]
    ),
    "entities": pa.schema(
        [
            ("id", pa.string()),
            ("article_id", pa.string()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("role", pa.string()),
            *_PLACE_COLUMNS,
            ("mentions", pa.list_(MENTION)),
        ]
    ),
    "events": pa.schema(
        [
            ("id", pa.string()),
            ("article_id", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("context", pa.string()),
            ("cameo", pa.string()),
            ("goldstein", pa.float64()),
            ("quad_class", pa.int8()),
            ("actor", pa.list_(PARTY)),
            ("recipient", pa.list_(PARTY)),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("date", pa.date32()),
            *_PLACE_COLUMNS,
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("rule", pa.string()),
            ("evidence", pa.list_(MENTION)),
            ("cluster_id", pa.string()),  # the real-world event this report belongs to
        ]
    ),
    "quotes": pa.schema(
        [
            ("id", pa.string()),
            ("article_id", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("kind", pa.string()),
            ("cue", pa.string()),
            ("speaker", PARTY),
            ("events", pa.list_(pa.string())),
        ]
    ),
    "amounts": pa.schema(
        [
            ("article_id", pa.string()),
            ("text", pa.string()),
            ("value", pa.float64()),
            ("currency", pa.string()),
            ("unit", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
        ]
    ),
    "dates": pa.schema(
        [
            ("article_id", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("value", pa.date32()),
            ("granularity", pa.string()),
            ("note", pa.string()),
        ]
    ),
    "failures": pa.schema(
        [
            ("id", pa.string()),
            ("input", pa.string()),
            ("record", pa.string()),
            ("reason", pa.string()),
            ("article_id", pa.string()),
            ("failed_at", pa.timestamp("us", tz="UTC")),
        ]
    ),
    # Internal: the near-duplicate index (MinHash signature and LSH band keys per article).
    "article_signatures": pa.schema([("article_id", pa.string()), ("signature", pa.list_(pa.uint64()))]),
    "article_bands": pa.schema([("article_id", pa.string()), ("band_key", pa.int64())]),
}
INTERNAL_TABLES = frozenset({"article_signatures", "article_bands"})
SCHEMA_VERSION = 1
PRIMARY_KEYS = {"articles": "id", "entities": "id", "events": "id", "quotes": "id", "failures": "id"}
