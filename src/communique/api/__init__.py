"""The HTTP API and the dashboard behind `communique serve` (the optional `[api]` extra).

Only this package imports FastAPI; `communique.cli.serve` imports it lazily so that the
rest of Communique works without the extra installed.
"""

from communique.api.app import create_app

__all__ = ["create_app"]
