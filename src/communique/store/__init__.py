"""The embedded DuckDB store: one file, tables named for what they hold."""

from communique.store.writer import Store

__all__ = ["Store"]
