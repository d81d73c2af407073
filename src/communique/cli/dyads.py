"""`communique dyads --db FILE --actor GBR --recipient RUS`: a country pair's series."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from communique.cli._util import check_choice, console, parse_date, print_csv, print_json
from communique.store import Store
from communique.store.queries import FREQUENCIES, QUAD_COLUMNS, DyadQuery, dyad_series

FORMATS = ("table", "csv", "json")
QUAD_LABELS = ("verbal coop.", "material coop.", "verbal conflict", "material conflict")
QUAD_STYLES = ("cyan", "green", "yellow", "red")
BAR_WIDTH = 30
MIN_BAR_WIDTH = 8
OTHER_COLUMNS_WIDTH = 68  # what the numeric columns take, so the bar fits the terminal


def dyads_cli(
    db: str = typer.Option(..., "--db", help="The DuckDB file written by `communique ingest`."),
    actor: str = typer.Option(..., "--actor", help="The acting country (ISO3 or IGO code)."),
    recipient: str = typer.Option(..., "--recipient", help="The receiving country (ISO3 or IGO code)."),
    freq: str = typer.Option("month", "--freq", help="day, week or month."),
    both: bool = typer.Option(False, "--both", help="Add the reverse direction."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    output_format: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Events per quad class, mean PLOVER score and Goldstein value per period for one pair."""
    check_choice(freq, FREQUENCIES, option="--freq")
    check_choice(output_format, FORMATS, option="--format")
    query = DyadQuery(
        actor=actor, recipient=recipient, freq=freq, both=both,
        since=parse_date(since, option="--since"), until=parse_date(until, option="--until"),
    )  # fmt: skip
    with Store(db, read_only=True) as store:
        rows = dyad_series(store.con, query)
    if output_format == "json":
        print_json(rows, indent=2)
    elif output_format == "csv":
        _print_csv(rows)
    else:
        _print_table(rows, query)


def _print_csv(rows: list[dict[str, Any]]) -> None:
    print_csv(rows, ["period", "actor", "recipient", "events", "mentions", *QUAD_COLUMNS, "plover_score", "goldstein"])


def _print_table(rows: list[dict[str, Any]], query: DyadQuery) -> None:
    out = console()
    if not rows:
        out.print(f"no events between {query.actor.upper()} and {query.recipient.upper()}")
        return
    arrow = "↔" if query.both else "→"
    table = Table(title=f"{query.actor.upper()} {arrow} {query.recipient.upper()} by {query.freq}", box=None)
    for name in ("period", "dyad", "events", "VC", "MC", "VK", "MK", "PLOVER", "Goldstein", "chart"):
        table.add_column(name, justify="left" if name in ("period", "dyad", "chart") else "right")
    biggest = max(row["events"] for row in rows) or 1
    width = max(MIN_BAR_WIDTH, min(BAR_WIDTH, out.width - OTHER_COLUMNS_WIDTH))
    for row in rows:
        table.add_row(
            row["period"].isoformat(), f"{row['actor']}→{row['recipient']}", str(row["events"]),
            *(str(row[q]) for q in QUAD_COLUMNS), _mean(row["plover_score"]), _mean(row["goldstein"]),
            bar(row, biggest, width=width),
        )  # fmt: skip
    out.print(table)
    legend = Text("  ").join(Text(f"█ {label}", style=s) for label, s in zip(QUAD_LABELS, QUAD_STYLES, strict=True))
    out.print(legend)


def bar(row: dict[str, Any], biggest: int, *, width: int = BAR_WIDTH) -> Text:
    """A bar as long as the period's events relative to the busiest, coloured by quad class."""
    text = Text()
    for column, style in zip(QUAD_COLUMNS, QUAD_STYLES, strict=True):
        cells = round(row[column] * width / biggest)
        if row[column] and not cells:
            cells = 1  # a class that occurred stays visible
        text.append("█" * cells, style=style)
    return text


def _mean(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def register(app: typer.Typer) -> None:
    app.command("dyads")(dyads_cli)
