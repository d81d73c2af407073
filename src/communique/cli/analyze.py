"""`communique analyze PATH|-`: analyze articles and print them, without storing."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from communique.cli._util import (
    ACTORS_OPTION, MODEL_OPTION, check_choice, console, parse_date, print_json, settings_from,
)
from communique.cli.render import render_article
from communique.contract import JSON, doc_to_dict, failure_to_dict
from communique.errors import ArticleError
from communique.model import ArticleDoc, ReadFailure
from communique.pipeline import Pipeline
from communique.readers import iter_articles

if TYPE_CHECKING:
    from collections.abc import Iterator

FORMATS = ("table", "json", "jsonl")
INPUT_KINDS = ("jsonl", "text", "html")


def analyze_cli(
    path: str = typer.Argument(..., help="A file, a folder, or - for standard input."),
    date: str | None = typer.Option(None, "--date", help="The article's date (YYYY-MM-DD) when the input gives none."),
    output_format: str = typer.Option("table", "--format", help="table, json or jsonl."),
    input_kind: str | None = typer.Option(None, "--input", help="Force how - is read: jsonl, text or html."),
    model: str | None = MODEL_OPTION,
    actors: list[str] | None = ACTORS_OPTION,
) -> None:
    """Analyze articles and print their entities, events, quotes, dates and amounts."""
    check_choice(output_format, FORMATS, option="--format")
    if input_kind is not None:
        check_choice(input_kind, INPUT_KINDS, option="--input")
    pipeline = Pipeline(settings_from(model, actors))
    inputs = iter_articles([path], input_kind=input_kind, default_date=parse_date(date), stdin=sys.stdin)
    failed = _print_outcomes(pipeline.pipe(inputs), output_format)
    if failed:
        raise typer.Exit(1)


def _print_outcomes(outcomes: Iterator[ArticleDoc | ReadFailure], output_format: str) -> int:
    """Print each outcome in the chosen format; returns how many failed."""
    if output_format == "jsonl":
        return _print_jsonl(outcomes)
    results = list(outcomes)
    failures = [r for r in results if isinstance(r, ReadFailure)]
    docs = [doc_to_dict(r) for r in results if isinstance(r, ArticleDoc)]
    if len(results) == 1 and failures:
        raise ArticleError(f"{failures[0].origin}: {failures[0].reason}")
    if output_format == "json":
        print_json(docs[0] if len(results) == 1 else [_json_or_error(r) for r in results], indent=2)
    else:
        _print_tables(docs, failures)
    return len(failures)


def _print_jsonl(outcomes: Iterator[ArticleDoc | ReadFailure]) -> int:
    failed = 0
    for outcome in outcomes:
        print_json(_json_or_error(outcome))
        failed += isinstance(outcome, ReadFailure)
    return failed


def _json_or_error(outcome: ArticleDoc | ReadFailure) -> JSON:
    return doc_to_dict(outcome) if isinstance(outcome, ArticleDoc) else failure_to_dict(outcome)


def _print_tables(docs: list[JSON], failures: list[ReadFailure]) -> None:
    out = console()
    for data in docs:
        render_article(data, out)
    err = console(stderr=True)
    for failure in failures:
        err.print(f"failed: {failure.origin} ({failure.record}): {failure.reason}")


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cli)
