"""The actor knowledge base: names -> countries, places, actors with dated roles, sector nouns.

Loaded once per process from the packaged `resources/actors.json.gz` (built by
`scripts/build_actor_kb.py`), plus the user's actor files, which take precedence.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from dataclasses import dataclass
from importlib import resources

from communique.kb.names import VariantNames, person_words, surname_index
from communique.kb.normalize import name_key
from communique.kb.titles import SINGLE_HOLDER_OFFICES, TITLES, office_key

RESOURCE = "actors.json.gz"
MAX_WORDS = 8
MIN_MISSPELT = 7  # shorter country words are too easily other words one edit off

SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
    "SPY": "intelligence services", "OPP": "opposition", "REB": "rebels", "PTY": "political party",
    "BUS": "business", "MED": "health services", "CVL": "civilians", "ELI": "elites",
    "LEG": "legislature", "IGO": "international organisation", "NGO": "non-governmental organisations",
    "EDU": "education", "REL": "religious groups", "CRM": "criminals", "JRN": "media",
    "UAF": "armed groups", "LAB": "labour", "AGR": "agriculture", "SOC": "social groups",
    "REF": "refugees", "PRM": "paramilitaries", "PRE": "breakaway state", "HLH": "health services",
    "HRI": "human rights groups", "DEV": "development groups", "ENV": "environmental groups",
    "IMG": "international militant groups",
}


@dataclass(frozen=True, slots=True)
class Period:
    country: str | None
    sector: str | None
    role: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A named actor with its default codes and its dated offices."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    periods: tuple[Period, ...] = ()

    def at(self, day: dt.date | None) -> tuple[str | None, str | None, str | None]:
        """(country, sector, role) on `day`; with no day, the most recent office.

        Out of office, a person keeps the default codes; one who held an office before the day
        (between two terms too) is a former office holder: ELI unless the default says otherwise.
        """
        if not self.periods:
            return self.country, self.sector, None
        if day is None:
            latest = self.periods[-1]
            return latest.country, latest.sector, latest.role
        current = [p for p in self.periods if p.covers(day)]
        if current:
            best = max(current, key=lambda p: (p.role is not None, p.start or dt.date.min))
            return best.country, best.sector, best.role
        country = self.country or self.periods[-1].country
        held_before = any(p.end is not None and p.end <= day for p in self.periods)
        if self.kind == "PERSON" and held_before and self.sector is None:
            return country, "ELI", None
        return country, self.sector, None


    def holding(self, role: str) -> tuple[str | None, str | None, str] | None:
        """(country, sector, role) of the latest office named `role`, when the actor held one."""
        for period in reversed(self.periods):
            if period.role and (period.role == role or period.role.endswith(" " + role)):
                return period.country, period.sector, period.role
        return None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _actor(row: list) -> Actor:
    name, kind, country, sector, periods = row
    dated = tuple(Period(p[0], p[1], p[2], _day(p[3]), _day(p[4])) for p in periods)
    return Actor(name, kind, country, sector, tuple(sorted(dated, key=lambda p: p.start or dt.date.min)))


class KnowledgeBase:
    """Lookup tables keyed by `name_key`; build with `load_kb()`, never per article."""

    def __init__(self, raw: dict):
        self.countries: dict[str, list] = raw["countries"]
        self.igo: dict[str, str] = raw["igo"]
        self.country_keys: dict[str, str] = raw["country_keys"]
        self.places: dict[str, list] = raw["places"]
        self.homonyms: dict[str, list] = raw.get("homonyms", {})  # towns of other countries, same name
        self.agents: dict[str, str] = raw["agents"]
        self.given_names: dict[str, str] = raw.get("given_names", {})  # JOHN -> m, MARY -> f
        self._rows: list = raw["actors"]
        self._built: dict[int, Actor] = {}
        self.actor_keys: dict[str, int] = raw["actor_keys"]
        self.capitals = {name_key(row[1]): iso3 for iso3, row in self.countries.items() if row[1]}
        title_words = {word for title in TITLES for word in title.split()}
        excluded = (self.given_names, title_words, self.places)
        self._people = person_words(self._rows)
        taken = (self.actor_keys, self.country_keys, self.agents)
        self.common_words = frozenset(raw.get("common_words", ()))  # also English words: "DEAL", "YOUTH"
        self.surnames = surname_index(self._rows, self._people, taken, excluded, self.common_words)
        self._common = excluded  # words that are no one's name on their own
        self._variants: VariantNames | None = None
        self._misspelt: dict[str, set[str]] | None = None  # one-letter deletions of long country words
        self._offices: dict[tuple[str, str], set[int]] | None = None  # (country, office) -> holders

    def actor(self, index: int) -> Actor:
        """The actor stored at `index` (rows are decoded on first use)."""
        if index not in self._built:
            self._built[index] = _actor(self._rows[index])
        return self._built[index]

    def add_actor(self, actor: Actor, names: list[str]) -> None:
        """Register a user actor; its names replace any packaged meaning."""
        index = len(self._rows)
        self._rows.append(None)
        self._built[index] = actor
        self._offices = None
        for name in names:
            key = name_key(name)
            self.actor_keys[key] = index
            self.surnames.pop(key, None)

    def find_variant(self, words: list[str]) -> Actor | None:
        """The one person a variant spelling of a name means ("Mitterand"), if any."""
        if len(words) == 1 and any(words[0] in common for common in self._common):
            return None
        if self._variants is None:
            self._variants = VariantNames(self._people, lambda word: self.surnames.get(word, self.actor_keys.get(word)))
        index = self._variants.find(words)
        return None if index is None else self.actor(index)

    def misspelt_country(self, word: str) -> str | None:
        """The country a long name or demonym one edit off names ("CHENCHEN" -> CHECHEN -> RUS);
        only a word of 7+ letters that names nothing else, and only when one country fits."""
        if len(word) < MIN_MISSPELT or " " in word or word in self.country_keys or any(word in c for c in self._common):
            return None
        if self._misspelt is None:
            self._misspelt = {}
            for key, code in self.country_keys.items():
                if len(key) >= MIN_MISSPELT and " " not in key:
                    for variant in _deletions(key):
                        self._misspelt.setdefault(variant, set()).add(code)
        codes = set().union(*(self._misspelt.get(v, set()) for v in _deletions(word)))
        return next(iter(codes)) if len(codes) == 1 and self.find_actor(word) is None else None

    def office_holder(self, country: str | None, role: str, day: dt.date | None) -> Actor | None:
        """The one person who held an office of one holder in a country on a day ("the Russian
        president" on 2011-09-12 is Medvedev); None when the records name no one, or several."""
        office = office_key(role)
        if country is None or day is None or office not in SINGLE_HOLDER_OFFICES:
            return None
        if self._offices is None:
            self._offices = self._office_index()
        holders = [
            actor for actor in map(self.actor, sorted(self._offices.get((country, office), ())))
            if any(p.covers(day) and p.country == country and p.role and office_key(p.role) == office for p in actor.periods)
        ]
        return holders[0] if len(holders) == 1 else None

    def _office_index(self) -> dict[tuple[str, str], set[int]]:
        index: dict[tuple[str, str], set[int]] = {}
        for number, row in enumerate(self._rows):
            periods = [(p.country, p.role) for p in self._built[number].periods] if row is None else [(p[0], p[2]) for p in row[4]]
            for country, role in periods:
                if country and role:
                    index.setdefault((country, office_key(role)), set()).add(number)
        return index

    def find_actor(self, key: str) -> Actor | None:
        index = self.actor_keys.get(key)
        return None if index is None else self.actor(index)

    def country_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code in self.countries:
            return self.countries[code][0]
        return self.igo.get(code, code)

    def capital_of(self, code: str | None) -> list | None:
        """[name, country, lat, lon] of a country's capital, when known."""
        row = self.countries.get(code or "")
        if not row or row[2] is None:
            return None
        return [row[1], code, row[2], row[3]]

    def group_name(self, country: str | None, sector: str | None) -> str:
        """'Government of Russia', 'Police', 'Russia': the name of a country's sector."""
        place = _with_article(self.country_name(country))
        label = SECTOR_LABELS.get(sector or "", sector)
        if label and place:
            return f"{label[:1].upper()}{label[1:]} of {place}"
        return place or (label or "unknown").capitalize()


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter left out (one edit apart share one)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


_TAKES_THE = ("United ", "Republic", "Islands", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives")


def _with_article(place: str | None) -> str | None:
    """'United Kingdom' -> 'the United Kingdom', as it is written after 'of'."""
    if place and any(part in place for part in _TAKES_THE) and not place.startswith("the "):
        return "the " + place
    return place


_CACHE: dict[tuple[str, ...], KnowledgeBase] = {}


def load_kb(actor_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base with the user's actor files applied; cached per process."""
    if actor_files not in _CACHE:
        from communique.kb.user import apply_user_files

        raw = json.loads(gzip.decompress(resources.files("communique.resources").joinpath(RESOURCE).read_bytes()))
        kb = KnowledgeBase(raw)
        apply_user_files(kb, actor_files)
        _CACHE[actor_files] = kb
    return _CACHE[actor_files]
