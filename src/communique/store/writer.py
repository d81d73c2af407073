"""Open, write and summarise the DuckDB store.

Writes are bulk: each batch of analysed articles becomes one Arrow table per store table,
inserted in one transaction, so an interrupted ingest leaves only whole articles behind.
An article already stored (same content key) is skipped before it is analysed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from communique.dedup import NearDuplicateIndex, band_keys, signature
from communique.errors import StoreError
from communique.model import ArticleDoc, ReadFailure
from communique.store.rows import failure_row, tables_for_docs
from communique.store.schema import INTERNAL_TABLES, PRIMARY_KEYS, SCHEMA_VERSION, TABLES


class Store:
    """One DuckDB file. Use as a context manager: `with Store(path) as store: ...`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        if read_only and not Path(self.path).exists():
            msg = f"no database at {self.path}: run `communique ingest PATH --db {self.path}` first"
            raise StoreError(msg)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(_open_error(self.path, exc)) from exc
        if not read_only:
            self._create_tables()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _check_version(self) -> None:
        """Refuse a database whose schema this version cannot read, rather than misread it."""
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "meta" not in tables:
            msg = f"{self.path} is not a Communique database (no meta table)"
            raise StoreError(msg)
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        version = int(rows[0][0]) if rows else None
        if version != SCHEMA_VERSION:
            msg = (
                f"{self.path} has schema version {version}, this Communique reads version "
                f"{SCHEMA_VERSION}: re-ingest into a new database"
            )
            raise StoreError(msg)

    def _create_tables(self) -> None:
        fresh = not self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta'"
        ).fetchall()[0][0]
        if fresh:
            self.con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )
        for name, schema in TABLES.items():
            empty = schema.empty_table()  # noqa: F841 (read by DuckDB's replacement scan)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} AS SELECT * FROM empty LIMIT 0")
        for name, column in PRIMARY_KEYS.items():
            self.con.execute(
                f"CREATE UNIQUE INDEX IF NOT EXISTS {name}_{column}_key ON {name} ({column})"
            )
        self.con.execute("CREATE UNIQUE INDEX IF NOT EXISTS articles_content_key ON articles (key)")
        self.con.execute("CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands (band_key)")

    def stored_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of these content keys are already stored."""
        return self._present("key", keys)

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are already stored."""
        return self._present("id", ids)

    def _present(self, column: str, values: Sequence[str]) -> set[str]:
        if not values:
            return set()
        wanted = pa.table({"value": pa.array(list(values), pa.string())})  # noqa: F841
        found = self.con.execute(
            f"SELECT {column} FROM articles WHERE {column} IN (SELECT value FROM wanted)"
        ).fetchall()
        return {row[0] for row in found}

    def write(self, docs: Iterable[ArticleDoc], failures: Iterable[ReadFailure] = ()) -> None:
        """Store analysed articles and failures, all or nothing."""
        self.write_tables(tables_for_docs(docs, now=dt.datetime.now(dt.UTC)), failures)

    def write_tables(self, tables: dict[str, pa.Table], failures: Iterable[ReadFailure] = ()) -> None:
        """Store a batch given as Arrow tables (from `tables_for_docs` or Parquet shards)."""
        import duckdb

        now = dt.datetime.now(dt.UTC)
        tables = dict(tables)
        if "articles" in tables:
            tables.update(self._with_near_duplicates(tables["articles"]))
        failure_rows = _unique_by_id([failure_row(f, now=now) for f in failures])
        tables["failures"] = pa.Table.from_pylist(failure_rows, schema=TABLES["failures"])
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                self._insert(name, table)
            self.con.execute("COMMIT")
        except (duckdb.IOException, duckdb.TransactionException) as exc:  # a full disk: one line
            self._rollback()
            msg = f"cannot write to database {self.path}: {_first_line(exc)}"
            raise StoreError(msg) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back, if DuckDB has not already ended the transaction itself (a failed COMMIT)."""
        import duckdb

        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _with_near_duplicates(self, articles: pa.Table) -> dict[str, pa.Table]:
        """The articles with `duplicate_of` set, and their rows of the near-duplicate index."""
        ids = articles.column("id").to_pylist()
        signatures = [signature(text) for text in articles.column("text").to_pylist()]
        keys_per_article = [band_keys(sig) for sig in signatures]
        index = NearDuplicateIndex(self._stored_signatures({k for keys in keys_per_article for k in keys}))
        originals: list[str | None] = []
        for article_id, sig, keys in zip(ids, signatures, keys_per_article, strict=True):
            originals.append(index.original_of(sig, keys))
            index.add(article_id, sig, keys, originals[-1])
        column = articles.schema.get_field_index("duplicate_of")
        return {
            "articles": articles.set_column(column, "duplicate_of", pa.array(originals, pa.string())),
            "article_signatures": pa.Table.from_pylist(
                [{"article_id": i, "signature": s.tolist()} for i, s in zip(ids, signatures, strict=True)],
                schema=TABLES["article_signatures"],
            ),
            "article_bands": pa.Table.from_pylist(
                [{"article_id": i, "band_key": k} for i, keys in zip(ids, keys_per_article, strict=True) for k in keys],
                schema=TABLES["article_bands"],
            ),
        }

    def _stored_signatures(self, keys: set[int]) -> list[tuple[str, list[int], str | None]]:
        """Stored articles sharing an LSH band key: (id, signature, duplicate_of)."""
        if not keys:
            return []
        wanted = pa.table({"band_key": pa.array(sorted(keys), pa.int64())})  # noqa: F841
        return self.con.execute(
            "SELECT s.article_id, s.signature, a.duplicate_of FROM article_signatures s "
            "JOIN articles a ON a.id = s.article_id WHERE s.article_id IN "
            "(SELECT b.article_id FROM article_bands b JOIN wanted w USING (band_key))"
        ).fetchall()

    def _insert(self, name: str, batch: pa.Table) -> None:
        if batch.num_rows == 0:
            return
        if name == "failures":
            self.con.execute(
                "INSERT INTO failures SELECT * FROM batch WHERE id NOT IN (SELECT id FROM failures)"
            )
        else:
            self.con.execute(f"INSERT INTO {name} SELECT * FROM batch")

    def counts(self) -> dict[str, int]:
        """Rows in each table users query."""
        return {
            name: int(self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
            for name in TABLES
            if name not in INTERNAL_TABLES
        }


def _unique_by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({row["id"]: row for row in rows}.values())


def _open_error(path: str, exc: Exception) -> str:
    """One line on why DuckDB cannot open the file; a lock held elsewhere is said plainly."""
    first = _first_line(exc)
    if "Conflicting lock" in first:
        holder = re.search(r"\(PID (\d+)\)", first)
        by = f" (PID {holder.group(1)})" if holder else ""
        return f"database {path} is in use by another process{by}: wait for it to finish, or use another --db"
    return f"cannot open database {path}: {first}"


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
