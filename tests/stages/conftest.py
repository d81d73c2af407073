"""Fixtures shared by the stage tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline, loaded once (as the pipeline loads it)."""
    from communique.config import Settings
    from communique.pipeline import load_model

    return load_model(Settings().model)
