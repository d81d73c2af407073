"""Inputs shared by the reliability tests: a small corpus of short, distinct articles.

A plain module, not a conftest: its names are imported by the tests."""

from __future__ import annotations

import json

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "India", "Kenya", "Canada", "Egypt",
             "Chile", "Norway", "Ghana", "Peru"]
TOPICS = ["trade", "energy", "migration", "security", "climate", "health", "fisheries", "transport"]


def short_story(n: int) -> str:
    """A short, distinct English news story per n (distinct enough not to be near duplicates)."""
    country, other = COUNTRIES[n % 12], COUNTRIES[(n * 5 + 1) % 12]
    topic = TOPICS[(n // 12) % 8]
    return (
        f"The foreign minister of {country} met the envoy of {other} on Monday to talk about "
        f"{topic}, in meeting number {n}. Officials said {n % 7 + 2} agreements were signed and "
        f"that the two sides would meet again in {n % 11 + 2} months."
    )


def write_corpus(path, count: int) -> list[str]:
    """A JSONL corpus of `count` short stories with ids s0, s1, ...; returns the ids."""
    ids = [f"s{n}" for n in range(count)]
    with path.open("w", encoding="utf-8") as handle:
        for n, article_id in enumerate(ids):
            handle.write(json.dumps({"id": article_id, "date": "2024-05-06", "text": short_story(n)}) + "\n")
    return ids
