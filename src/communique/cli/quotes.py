"""`communique quotes --db FILE --speaker Medvedev`: search the stored quotes.

Filters combine with AND: part of the speaker's name or text as written (any case), the
speaker's country (ISO3), part of the quote's text (any case), and the article's date.
The query itself is `communique.store.queries.quote_query`, shared with the API.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from communique.cli._util import check_choice, console, parse_date, print_csv, print_json
from communique.store import Store
from communique.store.queries import QuoteFilter, quote_query

FORMATS = ("table", "jsonl", "csv")
COLUMNS = (
    "date", "title", "speaker", "speaker_text", "country", "sector", "role",
    "kind", "cue", "text", "start", "end", "events", "id", "article_id",
)  # fmt: skip
TABLE_TEXT_WIDTH = 90

def search_quotes(db: str, flt: QuoteFilter) -> list[dict[str, Any]]:
    """The stored quotes that pass the filter, as dicts keyed by COLUMNS."""
    sql, params = quote_query(flt)
    with Store(db, read_only=True) as store:
        cursor = store.con.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def quotes_cli(
    db: str = typer.Option(..., "--db", help="The DuckDB file written by `communique ingest`."),
    speaker: str | None = typer.Option(None, "--speaker", help="Part of the speaker's name or text, any case."),
    country: str | None = typer.Option(None, "--country", help="The speaker's country (ISO3)."),
    text: str | None = typer.Option(None, "--text", help="Part of the quote's text, any case."),
    since: str | None = typer.Option(None, "--since", help="Articles on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Articles on or before this date (YYYY-MM-DD)."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many quotes."),
    output_format: str = typer.Option("table", "--format", help="table, jsonl or csv."),
) -> None:
    """Search the stored quotes by speaker, country, text and date."""
    check_choice(output_format, FORMATS, option="--format")
    flt = QuoteFilter(
        speaker=speaker, country=country, text=text, limit=limit,
        since=parse_date(since, option="--since"), until=parse_date(until, option="--until"),
    )  # fmt: skip
    rows = search_quotes(db, flt)
    if output_format == "jsonl":
        for row in rows:
            print_json(row)
    elif output_format == "csv":
        _print_csv(rows)
    else:
        _print_table(rows)


def _print_csv(rows: list[dict[str, Any]]) -> None:
    print_csv(({**row, "events": " ".join(row["events"] or ())} for row in rows), COLUMNS)


def _print_table(rows: list[dict[str, Any]]) -> None:
    out = console()
    if not rows:
        out.print("no quotes found")
        return
    table = Table(box=None)
    for name in ("date", "speaker", "country", "kind", "cue", "quote"):
        table.add_column(name, overflow="fold" if name == "quote" else "ellipsis")
    for row in rows:
        quote = " ".join(row["text"].split())
        if len(quote) > TABLE_TEXT_WIDTH:
            quote = quote[: TABLE_TEXT_WIDTH - 1] + "…"
        table.add_row(
            str(row["date"] or ""), row["speaker"] or "", row["country"] or "", row["kind"] or "",
            row["cue"] or "", quote,
        )  # fmt: skip
    out.print(table)
    out.print(f"{len(rows)} quote{'s' if len(rows) != 1 else ''}")


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cli)
