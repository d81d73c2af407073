"""Entry point: builds the Typer app from the command modules and turns errors into one line."""

from __future__ import annotations

import importlib
import sys

import typer

from communique.errors import CommuniqueError

COMMAND_MODULES = ("analyze", "ingest", "actor", "events", "dyads", "serve", "quotes", "eval", "bench")

app = typer.Typer(
    name="communique",
    help="Turn news into political event data: events, actors, quotes and dyads.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"communique.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"communique.cli.{name}":
                raise
            continue
        module.register(app)


_register_commands()


def main() -> None:
    """Run the CLI; expected errors print one line on stderr and exit 1."""
    try:
        exit_code = app(standalone_mode=False)  # a command's typer.Exit(n) comes back as n
    except CommuniqueError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click's usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            typer.echo("aborted", err=True)
            sys.exit(1)
        raise
    sys.exit(exit_code if isinstance(exit_code, int) else 0)
