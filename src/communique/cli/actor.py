"""`communique actor "TEXT"` and `communique actor --batch FILE|-`: resolve short descriptions."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from communique.errors import ConfigError, ReaderError


def _day(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{where}: bad date {value!r} (use YYYY-MM-DD)") from None


def _table(party: dict) -> str:
    return "\n".join(f"{field:<8} {'' if value is None else value}" for field, value in party.items())


def _batch(source: str, kb) -> None:
    from communique.kb import resolve_text

    if source == "-":
        lines = sys.stdin
    elif Path(source).is_file():
        lines = Path(source).open(encoding="utf-8")
    else:
        raise ReaderError(f"{source}: no such file")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
        except (ValueError, KeyError, TypeError):
            raise ReaderError(f"{source}:{number}: expected a JSON object with 'text'") from None
        date = _day(item.get("date"), f"{source}:{number}")
        party = resolve_text(text, date=date, country=item.get("country"), kb=kb)
        typer.echo(json.dumps(asdict(party), ensure_ascii=False))


def register(app: typer.Typer) -> None:
    @app.command("actor")
    def actor(
        text: Annotated[Optional[str], typer.Argument(help="A short description: 'Russian police'.")] = None,
        date: Annotated[Optional[str], typer.Option(help="Day of the mention, YYYY-MM-DD.")] = None,
        country: Annotated[Optional[str], typer.Option(help="ISO3 country to assume when the text names none.")] = None,
        format: Annotated[str, typer.Option("--format", help="json or table.")] = "table",
        batch: Annotated[Optional[str], typer.Option(help="JSONL file (or -) of {text, date, country}.")] = None,
        actors: Annotated[Optional[list[str]], typer.Option("--actors", help="User actor file(s).")] = None,
    ) -> None:
        """Resolve an actor description to name, country, sector and office."""
        from communique.kb import load_kb, resolve_text

        kb = load_kb(tuple(actors or ()))
        if batch:
            _batch(batch, kb)
            return
        if not text:
            raise ConfigError("give a TEXT to resolve or --batch FILE")
        party = asdict(resolve_text(text, date=_day(date, "--date"), country=country, kb=kb))
        typer.echo(json.dumps(party, ensure_ascii=False) if format == "json" else _table(party))
