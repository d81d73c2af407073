"""Stable identifiers: article ids, content keys for idempotent ingest, record ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text as compared for duplicates: Unicode NFKC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_key(text: str, url: str | None = None) -> str:
    """The key an article is stored under: a hash of its normalised text and URL."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8"))
    if url:
        digest.update(b"\x00" + url.strip().encode("utf-8"))
    return digest.hexdigest()[:32]


def article_id_for(text: str, url: str | None = None) -> str:
    """The id of an article whose input gave none: a short stable hash of its content."""
    return content_key(text, url)[:16]


def record_id(article_id: str, kind: str, *parts: object) -> str:
    """A deterministic id for an entity, event or quote of an article."""
    raw = "\x1f".join([article_id, kind, *map(str, parts)])
    return f"{kind[:1]}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:12]}"  # noqa: S324 (an id, not security)
