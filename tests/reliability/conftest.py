"""A hang guard for the reliability tests: a test stuck for HANG_GUARD_SECONDS dumps every
thread's stack and ends the run, rather than wait forever (a guard, not a timing check)."""

from __future__ import annotations

import faulthandler

import pytest

HANG_GUARD_SECONDS = 900


@pytest.fixture(autouse=True)
def hang_guard():
    """A test stuck for HANG_GUARD_SECONDS prints its stacks and ends the run (not a timing check)."""
    faulthandler.dump_traceback_later(HANG_GUARD_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
