"""Reproduce the ingest fault runs and print, per fault class, how often it was tried and
what was lost or stored twice (the figures of the reliability closing note).

    python scripts/fault_report.py [--kills 10] [--articles 96]

Each class runs on a fresh copy of a small corpus of short articles; after every fault the
database must open cleanly with each article once, and the final rerun must store exactly
the rows of a clean run. Bad-input classes and their case counts come from
`pytest tests/reliability --hypothesis-show-statistics`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from faults import check_consistent, cli_ingest, fork_and_kill, kill_delays, spawn_and_kill, stored_rows  # noqa: E402
from reliability_inputs import write_corpus  # noqa: E402

from communique.pipeline import Pipeline  # noqa: E402
from communique.runners.ingest import ingest  # noqa: E402


def run_class(name: str, corpus: Path, folder: Path, reference: dict, faults: list) -> tuple:
    """Apply each fault to a fresh database, check it, rerun to the end; the report row."""
    killed = lost = extra = 0
    same = True
    for number, fault in enumerate(faults):
        db = folder / f"{name.replace(' ', '_')}-{number}.duckdb"
        killed += bool(fault(db))
        if db.exists():
            check_consistent(db)
        ingest([corpus], db)
        rows = stored_rows(db)
        ids = {row[0] for row in rows["articles"]}
        lost += len({row[0] for row in reference["articles"]} - ids)
        extra += len(rows["articles"]) - len(ids)
        same = same and rows == reference
    return name, len(faults), killed, lost, extra, same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--articles", type=int, default=96)
    args = parser.parse_args()
    Pipeline()  # load the model once: forked runs share it
    folder = Path(tempfile.mkdtemp(prefix="communique-faults-"))
    corpus = folder / "news.jsonl"
    write_corpus(corpus, args.articles)
    started = time.perf_counter()
    ingest([corpus], folder / "reference.duckdb")
    seconds = time.perf_counter() - started
    reference = stored_rows(folder / "reference.duckdb")
    timed = [lambda db, d=d: fork_and_kill(corpus, db, d) for d in kill_delays(args.kills, seconds, seed=8)]
    inserts = [lambda db, n=n: fork_and_kill(corpus, db, 60.0, at_insert=n) for n in range(1, args.kills + 1)]
    workers = [lambda db, d=d: spawn_and_kill(cli_ingest(corpus, db, "--workers", "2"), d)
               for d in kill_delays(max(3, args.kills // 3), 8.0, seed=2)]
    rows = [
        run_class("kill -9 in-process, random moment", corpus, folder, reference, timed),
        run_class("kill -9 inside a write transaction", corpus, folder, reference, inserts),
        run_class("kill -9 of ingest --workers 2", corpus, folder, reference, workers),
    ]
    print(f"{'fault':40} {'tried':>5} {'killed':>6} {'lost':>4} {'twice':>5}  same as a clean run")
    for name, tried, killed, lost, extra, same in rows:
        print(f"{name:40} {tried:5} {killed:6} {lost:4} {extra:5}  {'yes' if same else 'NO'}")
    sys.exit(0 if all(row[3] == row[4] == 0 and row[5] for row in rows) else 1)


if __name__ == "__main__":
    main()
