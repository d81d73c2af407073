"""Faults during ingest: kill -9 at many moments (in-process, mid-transaction, with two
workers, a Dask worker), two writers on one database, a read-only and a full disk. After
each, the database opens cleanly and a rerun stores exactly what a clean run stores."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from faults import (check_consistent, cli_ingest, fork_and_kill, kill_delays, remount, spawn_and_kill,
                    stored_rows, tmpfs)
from reliability_inputs import write_corpus

from communique.runners.ingest import ingest

ARTICLES = 96  # three batches of 32


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    write_corpus(folder / "news.jsonl", ARTICLES)
    return folder / "news.jsonl"


@pytest.fixture(scope="module")
def reference(corpus, pipeline):
    """A clean in-process run: its rows and how long it took."""
    db = corpus.parent / "reference.duckdb"
    started = time.perf_counter()
    ingest([corpus], db)
    return stored_rows(db), time.perf_counter() - started


def test_kill_9_in_process_at_ten_moments_then_resume(corpus, reference, tmp_path):
    rows, seconds = reference
    for n, delay in enumerate(kill_delays(10, seconds, seed=8)):
        db = tmp_path / f"db{n}.duckdb"  # each kill on a fresh run, so each lands at its moment
        fork_and_kill(corpus, db, delay)
        if db.exists():
            check_consistent(db)
        ingest([corpus], db)
        assert check_consistent(db) == ARTICLES
        assert stored_rows(db) == rows


@pytest.mark.parametrize("at_insert", [1, 3, 5, 9])
def test_kill_9_inside_a_write_transaction_then_resume(corpus, reference, tmp_path, at_insert):
    db = tmp_path / "db.duckdb"
    assert fork_and_kill(corpus, db, 60.0, at_insert=at_insert)
    assert check_consistent(db) % 32 == 0  # whole batches only
    ingest([corpus], db)
    assert stored_rows(db) == reference[0]


def test_kill_9_of_ingest_with_two_workers_then_resume(corpus, reference, tmp_path):
    db = tmp_path / "db.duckdb"
    command = cli_ingest(corpus, db, "--workers", "2")
    for delay in kill_delays(3, 8.0, seed=2):
        spawn_and_kill(command, delay)
        if db.exists():
            check_consistent(db)
    subprocess.run(command, check=True, capture_output=True)
    assert stored_rows(db) == reference[0]


def test_a_second_ingest_on_one_database_fails_at_once_in_one_line(corpus, reference, tmp_path):
    db = tmp_path / "db.duckdb"
    ingest([corpus], db)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); print(1, flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True)
    try:
        holder.stdout.readline()
        second = subprocess.run(cli_ingest(corpus, db), capture_output=True, text=True, timeout=300)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 1
    assert second.stderr.strip().splitlines() == [
        f"error: database {db} is in use by another process (PID {holder.pid}): "
        "wait for it to finish, or use another --db"]
    assert stored_rows(db) == reference[0]


def test_a_read_only_database_is_a_clear_error_and_stays_intact(corpus, reference, tmp_path):
    with tmpfs(tmp_path / "ro", "64m") as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        db = tmp_path / "ro" / "db.duckdb"
        write_corpus(tmp_path / "more.jsonl", 5)
        ingest([corpus], db)
        remount(tmp_path / "ro", "ro")
        result = subprocess.run(cli_ingest(tmp_path / "more.jsonl", db), capture_output=True, text=True)
        assert result.returncode == 1
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"error: cannot open database {db}") and "Read-only file system" in line
        assert stored_rows(db) == reference[0]


def test_a_full_disk_is_a_clear_error_and_the_rerun_completes(corpus, reference, tmp_path):
    with tmpfs(tmp_path / "small", "256k") as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        db = tmp_path / "small" / "db.duckdb"
        result = subprocess.run(cli_ingest(corpus, db), capture_output=True, text=True)
        assert result.returncode == 1
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error:") and "No space left on device" in line
        remount(tmp_path / "small", "size=256m")
        if db.exists():
            check_consistent(db)
        ingest([corpus], db)
        assert stored_rows(db) == reference[0]


def test_a_dask_worker_killed_mid_run_changes_nothing(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    killed = []

    def kill_a_worker(report):
        if not killed:
            pids = distributed.default_client().run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, 9)
            killed.append(victim)

    db = tmp_path / "dask.duckdb"
    ingest([corpus], db, workers=2, engine="dask", on_progress=kill_a_worker)
    assert killed
    assert stored_rows(db) == reference[0]
