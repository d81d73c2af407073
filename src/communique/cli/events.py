"""`communique events --db FILE`: filter the stored events and export them."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from communique.cli._util import check_choice, console, parse_date
from communique.errors import ConfigError
from communique.exports import EXPORT_FORMATS, write_events
from communique.ontology import PLOVER_TYPES
from communique.store import Store
from communique.store.queries import EventFilter, iter_event_batches


def events_cli(
    db: str = typer.Option(..., "--db", help="The DuckDB file written by `communique ingest`."),
    since: str | None = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    actor: str | None = typer.Option(None, "--actor", help="An actor's country (ISO3, or an IGO code such as NATO)."),
    recipient: str | None = typer.Option(None, "--recipient", help="A recipient's country (ISO3 or IGO code)."),
    actor_name: str | None = typer.Option(None, "--actor-name", help="Part of an actor's name, any case."),
    event_type: str | None = typer.Option(None, "--type", help="A PLOVER type, e.g. CONSULT."),
    quad_class: int | None = typer.Option(None, "--quad-class", help="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict."),
    source: str | None = typer.Option(None, "--source", help="Part of the article's source name, any case."),
    text: str | None = typer.Option(None, "--text", help="Part of the event's sentence, any case."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many events."),
    with_duplicates: bool = typer.Option(False, "--with-duplicates", help="Also the events of near-duplicate articles."),
    output_format: str = typer.Option("csv", "--format", help="csv, parquet, jsonl, plover or gdelt."),
    output: str | None = typer.Option(None, "-o", "--output", help="Write to this file (standard output otherwise)."),
) -> None:
    """Filter the stored events and export them; a near-duplicate article's events count once."""
    check_choice(output_format, EXPORT_FORMATS, option="--format")
    flt = EventFilter(
        since=parse_date(since, option="--since"), until=parse_date(until, option="--until"),
        actor=actor, recipient=recipient, actor_name=actor_name, type=_plover_type(event_type),
        quad_class=_quad_class(quad_class), source=source, text=text, limit=limit,
        include_duplicates=with_duplicates,
    )  # fmt: skip
    count = export_events(db, flt, output_format=output_format, output=output)
    if output is not None:
        console(stderr=True).print(f"wrote {count} records to {output}")


def export_events(db: str, flt: EventFilter, *, output_format: str, output: str | None) -> int:
    """Write the filtered events of the database `db`; returns the records written."""
    if output_format == "parquet" and output is None:
        msg = "--format parquet writes a file: add -o FILE"
        raise ConfigError(msg)
    with Store(db, read_only=True) as store:
        batches = iter_event_batches(store.con, flt)
        if output_format == "parquet":
            return write_events(batches, output_format, str(output))
        if output is None:
            return write_events(batches, output_format, sys.stdout.buffer)
        with Path(output).open("wb") as sink:
            return write_events(batches, output_format, sink)


def _plover_type(value: str | None) -> str | None:
    if value is None:
        return None
    return check_choice(value.upper(), PLOVER_TYPES, option="--type")


def _quad_class(value: int | None) -> int | None:
    if value is not None and value not in (1, 2, 3, 4):
        msg = f"--quad-class must be 1, 2, 3 or 4, not {value}"
        raise ConfigError(msg)
    return value


def register(app: typer.Typer) -> None:
    app.command("events")(events_cli)
