"""Titles of office: the words before a name that say what a person is ("Foreign Secretary").

Keys are `name_key` forms; values are (sector, role as written in records).
"""

from __future__ import annotations

from communique.kb.normalize import name_key

_GOVERNMENT = (  # civilian defence ministers sit in government (GOV), generals do not
    "defence minister", "defense minister", "defence secretary", "defense secretary", "secretary of defense",
    "president", "prime minister", "premier", "chancellor", "vice president", "deputy prime minister",
    "foreign minister", "foreign secretary", "secretary of state", "home secretary", "interior minister",
    "finance minister", "chancellor of the exchequer", "trade minister", "economy minister",
    "justice minister", "health minister", "energy minister", "minister", "deputy minister",
    "king", "queen", "crown prince", "emir", "sultan", "supreme leader", "governor", "mayor",
    "ambassador", "envoy", "chief minister", "first minister", "secretary-general", "secretary general",
    "foreign affairs minister", "minister of foreign affairs", "state secretary",
)
_MILITARY = (
    "general", "lt gen", "lieutenant general", "major general", "maj gen",
    "brigadier general", "admiral", "colonel", "col", "commander", "army chief", "chief of staff",
)
_OTHERS = {
    "LEG": ("senator", "congressman", "congresswoman", "representative", "lawmaker", "speaker", "mp"),
    "JUD": ("judge", "chief justice", "justice", "prosecutor", "attorney general"),
    "PTY": ("party leader", "opposition leader", "leader of the opposition"),
    "REL": ("pope", "ayatollah", "archbishop", "cardinal", "imam", "patriarch"),
}


def as_written(title: str) -> str:
    """A title as records write the role: lower case, hyphens as spaces except in "secretary-general"."""
    title = title.lower()
    return title.replace("-", " ") if "secretary" not in title else title


def _table() -> dict[str, tuple[str, str]]:
    table = {name_key(t): ("GOV", as_written(t)) for t in _GOVERNMENT}
    table.update({name_key(t): ("MIL", t) for t in _MILITARY})
    for sector, titles in _OTHERS.items():
        table.update({name_key(t): (sector, t) for t in titles})
    return table


TITLES: dict[str, tuple[str, str]] = _table()


# Different words for one office, as written in titles and in records ("Defense Secretary" of the
# United States and "defence minister" elsewhere are one office).
_SAME_OFFICE = {
    "defense minister": "defence minister", "defence secretary": "defence minister",
    "defense secretary": "defence minister", "secretary of defense": "defence minister",
    "foreign secretary": "foreign minister", "foreign affairs minister": "foreign minister",
    "minister of foreign affairs": "foreign minister", "home secretary": "interior minister",
    "chancellor of the exchequer": "finance minister", "treasury secretary": "finance minister",
    "justice secretary": "justice minister", "health secretary": "health minister",
}

# Offices one person holds in a country at a time: "the Russian president" on a day is that
# day's holder. Governors, ministers at large, ambassadors and generals are many.
SINGLE_HOLDER_OFFICES = frozenset({
    "president", "prime minister", "chancellor", "vice president", "foreign minister", "defence minister",
    "interior minister", "finance minister", "justice minister", "health minister", "energy minister",
    "trade minister", "economy minister", "king", "queen", "crown prince", "emir", "sultan",
    "supreme leader", "secretary of state", "secretary general", "secretary-general",
})


def office_key(role: str) -> str:
    """One name for an office, whichever words name it ('Defense Secretary' -> 'defence minister')."""
    role = as_written(role)
    return _SAME_OFFICE.get(role, role)
