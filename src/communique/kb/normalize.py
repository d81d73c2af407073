"""How names become lookup keys, shared by the KB build script and every lookup.

A key is the name's letters and digits, accents stripped, upper-cased, with words joined
by one space: "President Dimitri Medvedev" -> "PRESIDENT DIMITRI MEDVEDEV",
"Chile's" -> "CHILE", "U.N." -> "U N".
"""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"['’]S\b")
_WORD = re.compile(r"[A-Z0-9]+")
_IRREGULAR_PLURALS = {"MAN": "MEN", "WOMAN": "WOMEN", "PERSON": "PEOPLE", "CHILD": "CHILDREN"}


def fold(text: str) -> str:
    """Upper-case ASCII letters of `text`, accents removed."""
    if text.isascii():
        return text.upper()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


def key_words(text: str) -> list[str]:
    """The words of a name as they are compared."""
    return _WORD.findall(_POSSESSIVE.sub("", fold(text)))


def name_key(text: str) -> str:
    """The lookup key of a name."""
    return " ".join(key_words(text))


def plural(word: str) -> str:
    """The regular English plural of an upper-case word (enough for agent nouns)."""
    for singular, many in _IRREGULAR_PLURALS.items():
        if word.endswith(singular):
            return word[: -len(singular)] + many
    if word.endswith(("S", "SH", "CH", "X", "Z")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"
