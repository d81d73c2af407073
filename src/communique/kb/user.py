"""User actor files (TOML, CSV or YAML): the user's own actors, checked before any article is read.

Each entry: name (required), aliases, country, sector, role, start, end, kind. Entries with the
same name but different dates are successive offices of one actor. See docs/actors.md.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from communique.errors import ConfigError
from communique.kb.normalize import name_key
from communique.kb.store import Actor, KnowledgeBase, Period

FIELDS = ("name", "aliases", "country", "sector", "role", "start", "end", "kind")
KINDS = ("PERSON", "ORG", "GROUP", "COUNTRY", "PLACE")


def apply_user_files(kb: KnowledgeBase, paths: tuple[str, ...]) -> None:
    """Validate every file, then add its actors to `kb` (later files win)."""
    for path in paths:
        grouped: dict[str, list[tuple[int, dict]]] = {}
        for line, entry in read_entries(Path(path)):
            record = check_entry(kb, Path(path).name, line, entry)
            grouped.setdefault(name_key(record["name"]), []).append((line, record))
        for entries in grouped.values():
            check_overlaps(Path(path).name, entries)
            names = [entries[0][1]["name"], *(a for _, r in entries for a in r["aliases"])]
            kb.add_actor(to_actor([r for _, r in entries]), names)


def read_entries(path: Path) -> list[tuple[int, dict]]:
    """(line number, raw entry) for each actor in a TOML, CSV or YAML file."""
    if not path.is_file():
        raise ConfigError(f"{path}: actor file not found")
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8")
    if suffix == ".csv":
        return [(number, row) for number, row in enumerate(csv.DictReader(text.splitlines()), 2)]
    if suffix == ".toml":
        return _toml_entries(path, text)
    if suffix in (".yaml", ".yml"):
        return _yaml_entries(path, text)
    raise ConfigError(f"{path}: unknown actor file type {suffix!r} (use .toml, .csv or .yaml)")


def _toml_entries(path: Path, text: str) -> list[tuple[int, dict]]:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path.name}: {exc}") from exc
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[actor]]"]
    entries = data.get("actor", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path.name}:1: expected [[actor]] tables")
    return list(zip(starts or [1] * len(entries), entries, strict=False))


def _yaml_entries(path: Path, text: str) -> list[tuple[int, dict]]:
    import yaml

    try:
        nodes = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name}: {exc}") from exc
    if isinstance(data, dict):
        data, nodes = data.get("actors", []), next((v for k, v in nodes.value if k.value == "actors"), None)
    if not isinstance(data, list):
        raise ConfigError(f"{path.name}:1: expected a list of actors (or 'actors:' with a list)")
    lines = [item.start_mark.line + 1 for item in nodes.value] if nodes is not None else [1] * len(data)
    return list(zip(lines, data, strict=False))


def check_entry(kb: KnowledgeBase, file: str, line: int, entry: object) -> dict:
    """A clean record, or ConfigError('file:line: reason')."""
    where = f"{file}:{line}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: an actor must be a table of fields")
    unknown = set(entry) - set(FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown field {sorted(unknown)[0]!r} (known: {', '.join(FIELDS)})")
    name = str(entry.get("name") or "").strip()
    if not name:
        raise ConfigError(f"{where}: actor has no name")
    country = (str(entry.get("country") or "").strip().upper()) or None
    if country and country not in kb.countries and country not in kb.igo and country != "IGO":
        raise ConfigError(f"{where}: unknown country code {country!r}")
    kind = str(entry.get("kind") or "").strip().upper() or None
    if kind and kind not in KINDS:
        raise ConfigError(f"{where}: unknown kind {kind!r} (use {', '.join(KINDS)})")
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split(";") if a.strip()]
    sector = (str(entry.get("sector") or "").strip().upper()) or None
    start, end = _date(where, entry.get("start")), _date(where, entry.get("end"))
    if start and end and end < start:
        raise ConfigError(f"{where}: end {end} is before start {start}")
    role = str(entry.get("role") or "").strip().lower() or None
    return {"name": name, "aliases": list(aliases), "country": country, "sector": sector,
            "role": role, "start": start, "end": end, "kind": kind}


def _date(where: str, value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{where}: bad date {value!r} (use YYYY-MM-DD)") from None


def check_overlaps(file: str, entries: list[tuple[int, dict]]) -> None:
    """Two entries for one name must cover different periods, else it is a duplicate."""
    for i, (line, first) in enumerate(entries):
        for _, earlier in entries[:i]:
            if _overlap(first, earlier):
                raise ConfigError(f"{file}:{line}: duplicate entry for {first['name']!r}")


def _overlap(a: dict, b: dict) -> bool:
    lo = max(a["start"] or dt.date.min, b["start"] or dt.date.min)
    hi = min(a["end"] or dt.date.max, b["end"] or dt.date.max)
    return lo < hi


def to_actor(records: list[dict]) -> Actor:
    """One Actor from its records (one per office)."""
    first = records[0]
    kind = first["kind"] or ("PERSON" if first["role"] else "ORG")
    periods = tuple(
        Period(r["country"], r["sector"], r["role"], r["start"], r["end"])
        for r in sorted(records, key=lambda r: r["start"] or dt.date.min)
        if r["start"] or r["end"] or r["role"]
    )
    return Actor(first["name"], kind, first["country"], first["sector"], periods)
