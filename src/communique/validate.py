"""Checks that say why an article cannot be analysed, before any parsing is spent on it."""

from __future__ import annotations

import re

from communique.errors import ArticleError
from communique.model import Article

# The most frequent English function words; running English prose is about a third these.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for on it with as by at he she they from his her their "
    "be are were has have had not but or an this which said will would who its been after "
    "we you i our more than also there about into".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_MIN_FUNCTION_WORD_SHARE = 0.12


def check_article(article: Article, *, max_chars: int) -> None:
    """Raise ArticleError with a one-line reason when the article cannot be analysed."""
    text = article.text
    if not text or not text.strip():
        raise ArticleError("empty article: no text")
    if len(text) > max_chars:
        msg = f"article too long: {len(text):,} characters, the limit is {max_chars:,}"
        raise ArticleError(msg)
    if _looks_binary(text):
        raise ArticleError("binary content: not text")
    if not is_probably_english(text):
        raise ArticleError("not English: too few English words")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return "\x00" in sample or controls > len(sample) * 0.05 or sample.count("\ufffd") > len(sample) * 0.05


def is_probably_english(text: str) -> bool:
    """True unless enough words are present and too few are English function words."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK:
        return True
    share = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words)
    return share >= _MIN_FUNCTION_WORD_SHARE
