"""`communique bench CORPUS`: words per second of spaCy alone and of ingest, and the ratio."""

from __future__ import annotations

import typer

from communique.bench import BenchResult, bench
from communique.cli._util import MODEL_OPTION, check_choice, console, print_json, settings_from


def bench_cli(
    corpus: str = typer.Argument(..., help="A corpus to read (e.g. a JSONL file of articles)."),
    output_format: str = typer.Option("table", "--format", help="table or json."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N articles."),
    min_words: int = typer.Option(0, "--min-words", min=0, help="Repeat the corpus until it holds this many words."),
    repeat: int = typer.Option(2, "--repeat", min=1, help="Runs of each side; the best counts."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the ingest side."),
    scaling: bool = typer.Option(False, "--scaling", help="Also time N local processes and N Dask workers."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Measure ingest speed as a ratio of spaCy's own parse speed, in one run."""
    check_choice(output_format, ("table", "json"), option="--format")
    result = bench(corpus, settings=settings_from(model), limit=limit, repeat=repeat,
                   workers=workers, min_words=min_words, scaling=scaling)
    if output_format == "json":
        print_json(result.as_dict())
    else:
        _print_table(result)


def _print_table(result: BenchResult) -> None:
    out = console()
    out.print(f"{result.articles} articles, {result.words:,} words, model {result.model}")
    out.print(f"spaCy pipeline alone: {result.spacy_words_per_second:,.0f} words/s")
    out.print(f"communique ingest ({result.workers} process): {result.ingest_words_per_second:,.0f} words/s")
    out.print(f"ratio: {result.ratio:.2f}")
    out.print(f"peak memory of this process: {result.peak_memory_mb:,.0f} MB")
    if result.stage_shares:
        shares = ", ".join(f"{name} {share:.3f}" for name, share in result.stage_shares.items())
        out.print(f"time of each stage as a share of spaCy's parse: {shares}")
    scaling = result.scaling
    if scaling:
        for engine, label in (("local", "local processes"), ("dask", "Dask workers")):
            if f"{engine}_speedup" in scaling:
                out.print(
                    f"speed-up of {scaling['workers']} {label}: {scaling[f'{engine}_speedup']:.2f} "
                    f"(after {scaling[f'{engine}_startup_seconds']:.1f} s to start them)"
                )
        out.print(f"peak memory of a worker process: {scaling['worker_peak_memory_mb']:,.0f} MB")


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_cli)
