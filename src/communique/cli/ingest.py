"""`communique ingest PATH... --db FILE`: analyze inputs and store them in DuckDB."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from communique.cli._util import ACTORS_OPTION, MODEL_OPTION, check_choice, console, settings_from
from communique.runners.ingest import IngestReport, ingest
from communique.store import Store

ENGINES = ("local", "dask")


def ingest_cli(
    paths: list[str] = typer.Argument(..., help="Files and folders to read (txt, jsonl, html, feeds, warc)."),
    db: str = typer.Option("communique.duckdb", "--db", help="The DuckDB file to store into."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes analysing articles."),
    engine: str = typer.Option("local", "--engine", help="local (processes) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    shards: str | None = typer.Option(None, "--shards", help="Folder for Dask workers' Parquet shards (shared with remote workers)."),
    model: str | None = MODEL_OPTION,
    actors: list[str] | None = ACTORS_OPTION,
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
) -> None:
    """Analyze every article of PATHS and store the results; re-running adds nothing new."""
    check_choice(engine, ENGINES, option="--engine")
    settings = settings_from(model, actors)
    out = console(stderr=True)
    with _progress(quiet) as progress:
        task = progress.add_task("ingest", total=None, failed=0, rate=0.0)

        def update(report: IngestReport) -> None:
            progress.update(task, completed=report.stored, failed=report.failed,
                            rate=report.articles_per_second)

        report = ingest(paths, db, settings=settings, workers=workers, engine=engine,
                        scheduler=scheduler, shards=shards, on_progress=update)
    _print_summary(report, db, out)
    if report.failed:
        raise typer.Exit(1)


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console(stderr=True),
        disable=quiet,
        transient=False,
    )


def _print_summary(report: IngestReport, db: str, out: object) -> None:
    with Store(db, read_only=True) as store:
        counts = store.counts()
    lines = [
        f"stored {report.stored} new articles ({report.words:,} words, "
        f"{report.articles_per_second:.1f} articles/s); {report.already_stored} already stored; "
        f"{report.failed} failed",
        "database " + db + ": " + ", ".join(f"{n} {name}" for name, n in counts.items()),
    ]
    lines += [f"  failed: {f.origin} [{f.record}]: {f.reason}" for f in report.failures[:10]]
    if report.failed > 10:
        lines.append(f"  ... and {report.failed - 10} more: SELECT * FROM failures")
    for line in lines:
        out.print(line)  # type: ignore[attr-defined]


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
