"""Fixtures shared by every test: the repository's paths, ../shared when present, a pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
SEED = SHARED / "seeds" / "000_8d4d9bf14b3301f3.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that material is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared is only beside development checkouts)")
    return path


@pytest.fixture(scope="session")
def shared():
    """`shared("seeds", "x.txt")`: a path under ../shared, or skip when it is absent."""
    return shared_path


@pytest.fixture(scope="session")
def pipeline():
    from communique.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_doc(pipeline):
    """The seed article (Cameron in Moscow, 2011-09-13), analysed."""
    import datetime as dt

    from communique.model import Article

    text = shared_path("seeds", "000_8d4d9bf14b3301f3.txt").read_text(encoding="utf-8")
    return pipeline.analyze(Article(id="seed", text=text, date=dt.date(2011, 9, 13)))
