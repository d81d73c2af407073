"""Fault injection for ingest: kill -9 at chosen moments, and checks that nothing was lost.

A plain module shared by tests/reliability/test_faults.py and scripts/fault_report.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from communique.runners.ingest import ingest
from communique.store import Store

TABLES = ("articles", "entities", "events", "quotes", "amounts", "failures")


def stored_rows(db: Path) -> dict[str, list]:
    """Every table's rows, without the columns that differ run to run (ingest times)."""
    with duckdb.connect(str(db), read_only=True) as con:
        out = {}
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
            keep = ", ".join(f'"{c}"' for c in columns if c not in ("ingested_at", "failed_at", "created_at"))
            out[table] = sorted(con.execute(f"SELECT {keep} FROM {table}").fetchall(), key=repr)
        return out


def check_consistent(db: Path) -> int:
    """The database opens cleanly, holds each article once and no orphan rows; its article count."""
    with Store(db) as store:
        con = store.con
        twice = con.execute("SELECT key FROM articles GROUP BY key HAVING count(*) > 1").fetchall()
        assert not twice, f"articles stored twice: {twice}"
        for table in ("entities", "events", "quotes", "amounts"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} {table} rows of no stored article"
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def fork_and_kill(corpus: Path, db: Path, delay: float, *, at_insert: int | None = None) -> bool:
    """Run ingest in a forked copy of this process and kill -9 it after `delay` seconds, or
    inside a write transaction at its `at_insert`-th table insert. True when it was killed."""
    pid = os.fork()
    if pid == 0:  # the child: ingest, dying mid-transaction when asked to
        if at_insert is not None:
            _die_at_insert(at_insert)
        try:
            ingest([corpus], db)
        finally:
            os._exit(0)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:  # finished (or killed itself) before the moment came
            return os.WIFSIGNALED(status)
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return True


def _die_at_insert(nth: int) -> None:
    original, calls = Store._insert, [0]

    def insert(self, name, rows):
        original(self, name, rows)
        calls[0] += 1
        if calls[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)

    Store._insert = insert


def cli_ingest(corpus: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "communique", "ingest", str(corpus), "--db", str(db), "--quiet", *extra]


def spawn_and_kill(command: list[str], delay: float) -> bool:
    """Run a command in its own process group and kill -9 the whole group after `delay` s."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def kill_delays(count: int, longest: float, *, seed: int) -> list[float]:
    """`count` kill moments spread over (0, longest]: one in each slice, at random within it."""
    rng = random.Random(seed)
    return [longest * (n + rng.random()) / count for n in range(count)]


@contextmanager
def tmpfs(path: Path, size: str):
    """A tmpfs of `size` mounted at path (needs root); skips the caller when it cannot mount."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True, check=False).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=False)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True)
