"""Near-duplicate articles: MinHash signatures over word shingles, banded for LSH look-up.

Syndicated wire copy and re-publications with small edits share most of their 5-word
shingles. Two articles whose estimated Jaccard similarity reaches `THRESHOLD` are near
duplicates: the later one is stored with `duplicate_of` pointing at the earlier, and its
events are not counted twice. Hashes are CRC32-based, so signatures are the same in every
process and every run.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE_WORDS = 5
NUM_HASHES = 128
BANDS = 32  # 4 rows per band: pairs above ~0.6 similarity almost always share a band
THRESHOLD = 0.8
_PRIME = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20110913)
_A = _RNG.integers(1, (1 << 31) - 1, size=NUM_HASHES, dtype=np.uint64)
_B = _RNG.integers(0, (1 << 31) - 1, size=NUM_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.full(NUM_HASHES, np.iinfo(np.uint32).max, dtype=np.uint64)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's word shingles (NUM_HASHES values)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return _EMPTY.copy()
    width = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
    hashed = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64)
    # (a*x + b) mod p for every hash function and shingle; values stay below 2**62.
    mixed = (np.outer(_A, hashed) + _B[:, None]) % _PRIME
    return (mixed & np.uint64(0xFFFFFFFF)).min(axis=1)


def band_keys(sig: np.ndarray) -> list[int]:
    """One LSH bucket key per band; articles sharing a key are candidates."""
    rows = NUM_HASHES // BANDS
    return [
        (band << 32) ^ zlib.crc32(sig[band * rows : (band + 1) * rows].tobytes())
        for band in range(BANDS)
    ]


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(first == second))


class NearDuplicateIndex:
    """Signatures seen so far, looked up by band key; finds the original an article repeats."""

    def __init__(self, stored: list[tuple[str, list[int], str | None]] = ()) -> None:
        self._signatures: dict[str, tuple[np.ndarray, str | None]] = {}
        self._buckets: dict[int, list[str]] = {}
        for article_id, sig, duplicate_of in stored:
            array = np.asarray(sig, dtype=np.uint64)
            self.add(article_id, array, band_keys(array), duplicate_of)

    def add(self, article_id: str, sig: np.ndarray, keys: list[int], duplicate_of: str | None) -> None:
        self._signatures[article_id] = (sig, duplicate_of)
        for key in keys:
            self._buckets.setdefault(key, []).append(article_id)

    def original_of(self, sig: np.ndarray, keys: list[int]) -> str | None:
        """The id of the earliest article this one nearly repeats, or None."""
        candidates = {cid for key in keys for cid in self._buckets.get(key, ())}
        best_id, best = None, THRESHOLD
        for candidate in sorted(candidates):
            score = similarity(sig, self._signatures[candidate][0])
            if score >= best:
                best_id, best = candidate, score
        if best_id is None:
            return None
        return self._signatures[best_id][1] or best_id
