"""`communique eval events|quotes|actors --gold FILE`: accuracy against a gold file."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import typer

from communique.cli._util import MODEL_OPTION, check_choice, console, print_json, settings_from
from communique.errors import EvalError

SUBJECTS = ("events", "quotes", "actors")


def eval_cli(
    subject: str = typer.Argument(..., help="events, quotes or actors."),
    gold: Path = typer.Option(..., "--gold", help="The gold file (JSONL)."),
    output_format: str = typer.Option("table", "--format", help="table or json."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score only the first N gold records."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Score the pipeline on a gold file and print precision, recall and F1."""
    check_choice(subject, SUBJECTS, option="SUBJECT")
    check_choice(output_format, ("table", "json"), option="--format")
    if not gold.is_file():
        msg = f"gold file not found: {gold}"
        raise EvalError(msg)
    report = run_eval(subject, gold, model=model, limit=limit)
    if output_format == "json":
        print_json(report, indent=2)
    else:
        module = importlib.import_module(f"communique.evaluation.{subject}")
        console().print(module.render(report), markup=False)


def run_eval(subject: str, gold: Path, *, model: str | None = None, limit: int | None = None) -> dict:
    """The figures of one evaluation, as a JSON-able dict."""
    module = importlib.import_module(f"communique.evaluation.{subject}")
    kwargs = {}
    if limit is not None and "limit" in inspect.signature(module.evaluate).parameters:
        kwargs["limit"] = limit
    return module.evaluate(gold, settings_from(model), **kwargs)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cli)
