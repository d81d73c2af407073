"""Resolving a short description ("Russian police", "Prime Minister Vladimir Putin") to a Party.

The words are scanned left to right for the longest known phrase: an actor, a country name
or demonym, a title, a sector noun or a place. The head of the description (the words before
its first preposition) decides the actor and sector; the rest only fills in a missing country.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from communique.kb.normalize import key_words
from communique.kb.store import MAX_WORDS, Actor, KnowledgeBase, load_kb
from communique.kb.titles import TITLES
from communique.model import Party

_POSSESSIVE_END = re.compile(r"['’]s$")
PREPOSITIONS = frozenset({"OF", "TO", "AT", "IN", "FOR", "ON", "FROM", "WITH"})
FUNCTION_WORDS = PREPOSITIONS | {"THE", "A", "AN", "AND", "S", "OR", "BY", "ITS", "THEIR", "FORMER", "EX", "ONE", "TWO"}
FORMER = frozenset({"FORMER", "EX", "RETIRED", "ONETIME"})
# "anti-Syria journalist", "pro-Russian separatists": the country names a stance, not the party's.
STANCE_PREFIXES = frozenset({"ANTI", "PRO"})
PRONOUNS = frozenset({"HE", "SHE", "HIM", "HER", "THEY", "THEM", "WE", "US", "I", "YOU", "IT", "HIMSELF", "HERSELF"})
TRANSNATIONAL_ARMED = "IMG"  # an armed group of no one country (al-Qaeda)
# An organisation the KB does not know whose name has a body word and a scope beyond one
# country ("Association of African Jurists", "Third World Water Forum") is international:
# IGO for bodies of states, NGO for the others, with no country.
INTERGOVERNMENTAL_BODIES = frozenset({"UNION", "ORGANIZATION", "ORGANISATION", "COMMISSION", "COMMUNITY", "AGENCY", "COURT", "BANK"})
BODIES = INTERGOVERNMENTAL_BODIES | {"ASSOCIATION", "FORUM", "FEDERATION", "COUNCIL", "CONGRESS", "CONFERENCE", "LEAGUE", "ALLIANCE", "NETWORK", "SOCIETY", "FOUNDATION", "INSTITUTE", "COMMITTEE"}
SCOPES = frozenset({
    "WORLD", "INTERNATIONAL", "GLOBAL", "AFRICAN", "AFRICA", "EUROPEAN", "EUROPE", "ASIAN", "ASIA", "ARAB",
    "LATIN", "AMERICAS", "PACIFIC", "CARIBBEAN", "NORDIC", "BALKAN", "ISLAMIC", "TRANSNATIONAL",
    "INTERCONTINENTAL", "CONTINENTAL", "REGIONAL", "PAN", "INTERAMERICAN", "INTERPARLIAMENTARY",
})
NOT_ACTORS = frozenset({
    "YESTERDAY", "TODAY", "TOMORROW", "TONIGHT", "NOW", "MONDAY", "TUESDAY", "WEDNESDAY",
    "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "WEEK", "MONTH", "YEAR", "DAY",
})


@dataclass(frozen=True, slots=True)
class Hit:
    """A known phrase found in a description: words [start, end) and what they are."""

    start: int
    end: int
    kind: str  # actor, country, title, agent, place
    value: object


def scan(
    kb: KnowledgeBase, words: list[str], acronyms: frozenset[str] = frozenset(), names: frozenset[str] = frozenset()
) -> list[Hit]:
    """Longest known phrases, left to right, without overlaps.

    A country or place after "anti"/"pro" is the object of a stance and is left out.

    A one-word name counts only when it stands alone, unless it was written as an acronym.
    Runs of unknown words written with a capital (`names`) may be a variant spelling of a
    known person's name ("Francois Mitterand").
    """
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        hit = _longest_at(kb, words, i)
        lone = hit is not None and hit.end == i + 1 and hit.kind in ("actor", "place")
        if lone and words[i] not in acronyms and not _stands_alone(kb, words, i):
            hit = None  # one word of a longer unknown name ("Juan Carlos Jobet")
        if hit is None:
            i += 1
            continue
        if not (hit.kind in ("country", "place") and i > 0 and words[i - 1] in STANCE_PREFIXES):
            hits.append(hit)
        i = hit.end
    return _variant_hits(kb, words, hits, names) if names else hits


def _may_name(word: str, names: frozenset[str]) -> bool:
    return word in names and word not in FUNCTION_WORDS


def _variant_hits(kb: KnowledgeBase, words: list[str], hits: list[Hit], names: frozenset[str]) -> list[Hit]:
    """Add the known people that runs of unknown capitalised words spell differently."""
    covered = {i for hit in hits for i in range(hit.start, hit.end)}
    found, i = list(hits), 0
    while i < len(words):
        j = i
        while j < len(words) and j - i < 4 and j not in covered and _may_name(words[j], names):
            j += 1
        actor = kb.find_variant(words[i:j]) if j > i else None
        if actor is not None:
            found.append(Hit(i, j, "actor", actor))
        i = max(j, i + 1)
    return sorted(found, key=lambda hit: hit.start)


def _stands_alone(kb: KnowledgeBase, words: list[str], i: int) -> bool:
    """A one-word name counts only when its neighbours are known words or function words."""
    if words[i] in FUNCTION_WORDS:
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(words):
            word = words[j]
            if not (word in FUNCTION_WORDS or word in kb.country_keys or word in kb.agents or word in TITLES):
                if j < i or not _starts_known_phrase(kb, words, j):
                    return False
    return True


def _starts_known_phrase(kb: KnowledgeBase, words: list[str], j: int) -> bool:
    """Whether words[j:] begins a title or sector noun ("Madras High Court")."""
    for end in range(min(len(words), j + MAX_WORDS), j + 1, -1):
        key = " ".join(words[j:end])
        if key in kb.agents or key in TITLES:
            return True
    return False


def _longest_at(kb: KnowledgeBase, words: list[str], i: int) -> Hit | None:
    for end in range(min(len(words), i + MAX_WORDS), i, -1):
        key = " ".join(words[i:end])
        if end == i + 1 and key in kb.country_keys:
            return Hit(i, end, "country", kb.country_keys[key])
        if key in kb.actor_keys:
            return Hit(i, end, "actor", kb.find_actor(key))
        if end == i + 1 and key in kb.surnames:
            return Hit(i, end, "actor", kb.actor(kb.surnames[key]))
        if key in kb.country_keys:
            return Hit(i, end, "country", kb.country_keys[key])
        if key in TITLES:
            return Hit(i, end, "title", TITLES[key])
        if key in kb.agents:
            return Hit(i, end, "agent", kb.agents[key])
        if key in kb.places:
            return Hit(i, end, "place", kb.places[key])
    return None


@dataclass(slots=True)
class Reading:
    """What a description says, field by field, before it becomes a Party."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    actor: Actor | None = None
    span: tuple[int, int] | None = None  # words naming the actor; kept as the name when it is dropped


def read_hits(kb: KnowledgeBase, hits: list[Hit], date: dt.date | None) -> Reading:
    """Combine the phrases of one description into country, sector, role and actor."""
    reading, title, stated = Reading(), None, None
    for hit in hits:
        if hit.kind == "actor" and reading.actor is None:
            reading.actor, reading.span = hit.value, (hit.start, hit.end)  # type: ignore[assignment]
            reading.country, reading.sector, reading.role = reading.actor.at(date)
            reading.name = reading.actor.name
        elif hit.kind == "country":
            stated = stated or hit.value
            reading.country = reading.country or hit.value  # type: ignore[assignment]
        elif hit.kind == "title" and reading.role is None:
            title = hit.value
            reading.sector = reading.sector or hit.value[0]  # type: ignore[index]
            reading.role = hit.value[1]  # type: ignore[index]
        elif hit.kind == "agent" and (reading.sector in (None, "UNK") or _organisation(reading)) and hit.value != "UNK":
            reading.sector = hit.value  # type: ignore[assignment]  ("EU legislators" -> LEG)
        elif hit.kind == "agent" and reading.sector is None:
            reading.sector = hit.value  # type: ignore[assignment]
        elif hit.kind == "place" and reading.country is None:
            reading.country = hit.value[1]  # type: ignore[index]
            if len(hits) == 1:
                reading.sector = _place_sector(kb, hit.value)  # type: ignore[arg-type]
    _apply_stated(reading, title, stated, date)
    return reading


def _apply_stated(reading: Reading, title: tuple | None, stated: str | None, date: dt.date | None) -> None:
    """What the words say beside a known actor: its title, a country that is not its own."""
    actor = reading.actor
    if actor is None:
        return
    if title is not None and actor.kind == "PERSON":
        held = actor.holding(title[1]) if date is None else None
        if held is not None:  # "Foreign Minister Park Jin": the office the text names
            reading.country, reading.sector, reading.role = held
        elif reading.role is None:  # an office the KB does not date: the title tells
            reading.sector, reading.role = title
    if stated and stated != reading.country:
        _trust_stated_country(reading, stated)


def _trust_stated_country(reading: Reading, stated: str) -> None:
    """The text names a country the known actor does not belong to: the text wins.

    An organisation keeps its identity ("Saudi National Guard"); a person of another country
    is someone else of the same name ("King Hassan of Morocco" is not Jordan's Hassan).
    """
    actor = reading.actor
    reading.country = stated
    if reading.sector == TRANSNATIONAL_ARMED:  # "Iraq's al-Qaeda": that country's rebels
        reading.sector = "REB"
    if actor is not None and actor.kind == "PERSON":
        reading.actor, reading.name = None, None


def _place_sector(kb: KnowledgeBase, place: list) -> str:
    """A capital standing alone speaks for its government; another town for its people."""
    return "GOV" if kb.capitals.get(" ".join(key_words(place[0]))) == place[1] else "CVL"


def _organisation(reading: Reading) -> bool:
    return reading.actor is not None and reading.actor.kind == "ORG"


def resolve_words(
    kb: KnowledgeBase,
    words: list[str],
    date: dt.date | None,
    acronyms: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> Reading:
    """Read the head (before the first preposition) first, the rest only for gaps.

    A preposition inside a known name ("Massachusetts Institute of Technology", "Democratic
    People's Republic of Korea") is no cut.
    `names` are the words written with a capital (see `scan`).
    """
    known = [hit for hit in scan(kb, words, acronyms) if hit.kind in ("actor", "country")]
    inside = {i for hit in known for i in range(hit.start, hit.end)}
    cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS and i > 0 and i not in inside), len(words))
    head = read_hits(kb, scan(kb, words[:cut], acronyms, names), date)
    if cut < len(words):
        tail = read_hits(kb, scan(kb, words[cut + 1 :], acronyms, names), date)
        if _heads_body(head, tail):  # "the president of the Riigikogu" belongs to the body
            head.sector = tail.sector
            head.country = tail.country
        if head.actor is None and _only_places(kb, words[:cut], acronyms) and tail.country:
            head.country, head.sector = tail.country, None  # "Bank of Mexico": not the town of Bank
        if head.actor is not None and tail.actor is None and tail.country and tail.country != head.country:
            _trust_stated_country(head, tail.country)
        head.country = head.country or tail.country
        if head.sector in (None, "UNK") and head.actor is None:  # "a group of tourists"
            head.sector = tail.sector if tail.actor is None or head.role is None else head.sector
    if FORMER.intersection(words) and head.sector is not None:
        head.sector, head.role = "ELI", None
    if head.actor is None and head.country is None and head.sector is None:
        head.sector = international_body(words)
    return head


def international_body(words: list[str]) -> str | None:
    """IGO or NGO for an unknown body of international scope ("Third World Water Forum"), else None."""
    body = BODIES.intersection(words)
    if not body or not SCOPES.intersection(words):
        return None
    return "IGO" if body & INTERGOVERNMENTAL_BODIES else "NGO"


def _only_places(kb: KnowledgeBase, words: list[str], acronyms: frozenset[str]) -> bool:
    """Whether the only known phrases of the words are places (a town's name inside another name)."""
    hits = scan(kb, words, acronyms)
    return bool(hits) and all(hit.kind == "place" for hit in hits)


def _heads_body(head: Reading, tail: Reading) -> bool:
    """A bare title whose 'of ...' names an organisation: the person works in that body."""
    return (
        head.role is not None and head.actor is None and head.country is None
        and _organisation(tail) and tail.sector is not None
    )


def resolve_text(
    text: str,
    *,
    date: dt.date | None = None,
    country: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Party:
    """The Party a short description names; `country` fills in when the text has none."""
    kb = kb or load_kb()
    words = key_words(text)
    if len(words) == 1 and words[0] in PRONOUNS | NOT_ACTORS:  # "he" is someone; "yesterday" no one
        sector = "UNK" if words[0] in PRONOUNS else "JNK"
        return Party(name=text.strip(), text=text, country=country if sector == "UNK" else None, sector=sector)
    acronyms = frozenset(w for w in key_words(text.replace(".", "")) if len(w) > 1 and w in text)
    names = frozenset(w for token in text.split() if token[:1].isupper() for w in key_words(token))
    reading = resolve_words(kb, words, date, acronyms, names)
    found = reading.country or country
    holder = kb.office_holder(found, reading.role, date) if reading.actor is None and reading.role else None
    if holder is not None:  # "the Russian president" on a day: that day's president
        found, sector, role = holder.at(date)
        return Party(name=holder.name, text=text, country=found, sector=sector, role=role)
    if reading.actor is None and reading.sector is None and found in kb.igo:  # "NATO": the body itself
        return Party(name=kb.country_name(found) or found, text=text, country=found, sector="IGO", role=reading.role)
    if reading.name:
        name = reading.name
    elif reading.actor is None and found is None and international_body(words):
        name = text.strip()  # an international body keeps its own name
    elif reading.span is not None:  # a namesake from another country: the name as written
        name = written_words(text, *reading.span)
    elif found or reading.sector:
        name = kb.group_name(found, reading.sector)
    else:
        name = text.strip()
    return Party(name=name, text=text, country=found, sector=reading.sector, role=reading.role)


def written_words(text: str, start: int, end: int) -> str:
    """Words [start, end) of `key_words(text)` as the text writes them ("King Hassan's" -> "Hassan")."""
    pieces: list[str] = []
    for token in text.split():
        keys = key_words(token)
        if len(keys) == 1:
            pieces.append(_POSSESSIVE_END.sub("", token.strip(",.;:()[]\"'")))
        else:
            pieces.extend(key.title() for key in keys)
    return " ".join(pieces[start:end])
