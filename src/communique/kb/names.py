"""Person-name indexes of the KB: unambiguous surnames and variant spellings.

- Surnames: the family name (the last word; the first for Chinese and Korean names and for
  names ending in a hyphenated given name) of a person who held a known office names that
  person alone when no other person of the KB has it. A surname several people bear names the
  one of ours who led a state ("Blair"), unless six or more bear it ("Johnson", "Garcia"); a
  surname of three letters or fewer names only a leader ("Xi"); a part of a hyphenated surname
  ("Rey" of Calmy-Rey) names no one. Our dated offices come first; a Phoenix person (their
  dictionaries list heads of state and government and ministers, with dated GOV codes) adds a
  surname only when it is long enough and is no given name, title, place or other name.
- Variant spellings ("Mitterand", "Bouteflicka", "Laurent Gbago", "Dimitri Peskov"): a name
  the KB does not know matches a person whose surname has the same sound key (doubled letters
  and CK/PH/Y-style variants folded) or is an edit or two away from it, and whose first name
  is close to the one the text gives (the same sound key when short: "Mark" is not "Mary"). A
  surname written alone must be one person's surname, with the same sound key (one edit when
  it is long), and no common word (given name, title, place). The match must be unique.
  Candidates are indexed by the first two letters of the key, so a lookup compares a few dozen
  names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Container, Iterable

from communique.kb.normalize import name_key

MIN_FUZZY = 5  # shorter surnames are too easily someone else's
MIN_PHOENIX_SURNAME = 4
SHORT_SURNAME = 3
NAME_SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV"})
COMMON_SURNAME = 3  # a surname this many people of the KB bear names only a leader alone ("Blair")
VERY_COMMON_SURNAME = 6  # ... and this many, no one ("Garcia", "Johnson")
# Offices whose holders a bare surname means before any namesake ("Blair" said ...).
LEADING_OFFICES = frozenset({"president", "prime minister", "chancellor", "king", "queen", "emir", "supreme leader"})
CACHE_SIZE = 50_000
_FOLDS = (("PH", "F"), ("CK", "K"), ("KH", "H"), ("C", "K"), ("Q", "K"), ("Y", "I"), ("W", "V"), ("Z", "S"))
_DOUBLES = re.compile(r"(.)\1+")


def sound_key(word: str) -> str:
    """An upper-case word with its common spelling variants folded: MITTERRAND -> MITERAND."""
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return _DOUBLES.sub(r"\1", word)


def within(a: str, b: str, limit: int) -> int | None:
    """The edit distance of a and b when it is at most `limit`, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    previous = list(range(len(b) + 1))
    for i, ch in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch != other)))
        if min(current) > limit:
            return None
        previous = current
    return previous[-1] if previous[-1] <= limit else None


def person_words(rows: list) -> list[tuple[int, list[str]]]:
    """(row index, key words, given names first and surname last) of every person with at
    least a given name and a surname."""
    found = []
    for index, row in enumerate(rows):
        if row[1] == "PERSON":
            words = name_key(row[0]).split()
            while len(words) > 2 and words[-1] in NAME_SUFFIXES:  # "Ferdinand Marcos Jr." -> MARCOS
                words.pop()
            if len(words) >= 2:
                found.append((index, words[1:] + words[:1] if family_name_first(row[0], row[2]) else words))
    return found


_HYPHENATED_GIVEN_NAME = re.compile(r"\s\w+-[a-z]+$")


# Countries whose people English news names family name first ("Xi Jinping", "Yoon Suk Yeol").
FAMILY_FIRST_COUNTRIES = frozenset({"CHN", "KOR", "PRK"})


def family_name_first(name: str, country: str | None = None) -> bool:
    """Whether a name is written family name first: a person of China or Korea, or a hyphenated
    given name last with its second part in lower case ("Tsai Ing-wen", "Hwang Kyo-ahn"; not
    "Meir Ben-Shabbat")."""
    return country in FAMILY_FIRST_COUNTRIES or bool(_HYPHENATED_GIVEN_NAME.search(name))


def surname_index(
    rows: list,
    people: list,
    taken: Collection[Container],
    excluded: Collection[Container],
    common_words: Container[str] = frozenset(),
) -> dict:
    """Surname -> person: ours (people with a dated role), then Phoenix's office holders.

    `taken` hold words that mean something else; `excluded` words that are no Phoenix surname;
    `common_words` surnames that are also common English words ("Deal", "Wall"): only a leader's
    counts ("Trump").
    """
    everyone: dict[str, set[int]] = {}
    office_holders: dict[str, set[int]] = {}
    ours: dict[str, set[int]] = {}
    phoenix: dict[str, int] = {}
    for index, words in people:
        last, periods = words[-1], rows[index][4]
        everyone.setdefault(last, set()).add(index)
        if periods:
            office_holders.setdefault(last, set()).add(index)
        if _hyphenated_surname(rows[index][0], rows[index][2]):
            continue  # "Rey" alone is not Micheline Calmy-Rey
        if any(period[2] for period in periods):
            ours.setdefault(last, set()).add(index)
        elif any(period[1] == "GOV" and (period[3] or period[4]) for period in periods):
            phoenix.setdefault(last, index)
    found = {
        k: v for k, v in ((k, _one_meant(k, v, len(everyone[k]), rows)) for k, v in ours.items())
        if v is not None and not _in_any(k, taken) and (k not in common_words or _led_a_state(rows[v]))
    }
    for key, index in phoenix.items():
        if key in ours or len(key) < MIN_PHOENIX_SURNAME or _in_any(key, taken) or _in_any(key, excluded):
            continue
        if len(office_holders[key]) == 1:  # a namesake with no dated office does not count
            found[key] = index
    return found


def _hyphenated_surname(name: str, country: str | None) -> bool:
    return not family_name_first(name, country) and "-" in name.split()[-1]


def _one_meant(surname: str, indices: set[int], bearers: int, rows: list) -> int | None:
    """The person of ours a surname names on its own, when it names one: the only one of ours who
    bears it, unless it is short ("Xu") or common ("Garcia": `bearers` in the whole KB); else the
    only one of them who led a state or government, unless it is very common ("Blair" is Tony
    Blair, not a minister Blair; "Johnson" is no one)."""
    if len(indices) == 1 and bearers < COMMON_SURNAME and len(surname) > SHORT_SURNAME:
        return min(indices)
    leaders = [i for i in indices if _led_a_state(rows[i])]
    return leaders[0] if len(leaders) == 1 and bearers < VERY_COMMON_SURNAME else None


def _led_a_state(row: list) -> bool:
    return any(period[2] in LEADING_OFFICES for period in row[4])


def _in_any(word: str, containers: Collection[Container]) -> bool:
    return any(word in container for container in containers)


class VariantNames:
    """Persons by the first letters and length of their surname's sound key, for variant spellings."""

    def __init__(self, people: list[tuple[int, list[str]]], one_word: Callable[[str], int | None]):
        self.one_word = one_word  # the actor a single word names on its own, if any
        self.seen: dict[str, int | None] = {}  # names already looked up
        self.buckets: dict[tuple[str, int], list[tuple[str, str, str, int]]] = {}
        for index, words in people:
            if len(words[-1]) >= MIN_FUZZY - 1:
                key = sound_key(words[-1])
                self.buckets.setdefault((key[:2], len(key)), []).append((key, words[-1], sound_key(words[0]), index))

    def find(self, words: list[str]) -> int | None:
        """The one person a variant spelling of a name (given names optional) can mean."""
        if not words or len(words[-1]) < MIN_FUZZY:
            return None
        name = " ".join(words)
        if name not in self.seen:
            if len(self.seen) > CACHE_SIZE:
                self.seen.clear()
            self.seen[name] = self._search(words)
        return self.seen[name]

    def _search(self, words: list[str]) -> int | None:
        key = sound_key(words[-1])
        given = sound_key(words[0]) if len(words) > 1 else None
        limit = (1 if len(key) < 9 else 2) if given else (0 if len(key) < 7 else 1)  # a lone word: closer
        best: dict[int, int] = {}
        for size in range(len(key) - limit, len(key) + limit + 1):
            for candidate in self.buckets.get((key[:2], size), ()):
                distance, index = self._distance(key, given, limit, candidate), candidate[3]
                if distance is not None:
                    best[index] = min(distance, best.get(index, distance))
        return _unique_best(best.items())

    def _distance(self, key: str, given: str | None, limit: int, candidate: tuple) -> int | None:
        """How far a candidate (sound key, surname, given name's key, index) is, or None."""
        other, surname, other_given, index = candidate
        if given is not None and given[:1] != other_given[:1]:
            return None
        distance = within(key, other, limit) if limit else (0 if key == other else None)
        if distance is None or given is None:  # a lone surname must be one person's
            return distance if distance is None or self.one_word(surname) == index else None
        first = within(given, other_given, given_name_limit(given))
        return None if first is None else distance + first


def given_name_limit(given: str) -> int:
    """How many edits a given name may differ by: none when short ("Mark" is not "Mary"), one
    when middling ("Dimitri"/"Dmitry"), two when long."""
    return 0 if len(given) <= 4 else 1 if len(given) <= 7 else 2


def _unique_best(scored: Iterable[tuple[int, int]]) -> int | None:
    """The index with the lowest distance, when no other index shares it."""
    ranked = sorted(scored, key=lambda pair: pair[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
