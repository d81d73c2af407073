"""`communique serve --db FILE`: the JSON API and the dashboard on a local web server.

Needs the `[api]` extra (FastAPI and uvicorn); without it the command says how to get it.
Binds to 127.0.0.1 unless told otherwise: the server has no authentication.
"""

from __future__ import annotations

import importlib.util

import typer

from communique.cli._util import console
from communique.errors import ConfigError
from communique.store import Store

NEEDED = ("fastapi", "uvicorn")


def serve_cli(
    db: str = typer.Option(..., "--db", help="The DuckDB file written by `communique ingest` (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 exposes it to the network."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    max_body: int = typer.Option(1_000_000, "--max-body", min=1, help="Largest POST /api/analyze body, in bytes."),
) -> None:
    """Serve the API (/api, described at /openapi.json) and the dashboard (/) for one database."""
    serve(db, host=host, port=port, max_body=max_body)


def serve(db: str, *, host: str, port: int, max_body: int) -> None:
    """Check the extra and the database, then run uvicorn until interrupted."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        msg = f"`communique serve` needs {' and '.join(missing)}: pip install 'communique[api]'"
        raise ConfigError(msg)
    Store(db, read_only=True).close()  # a missing or foreign file fails here, in one line
    import uvicorn

    from communique.api import create_app
    from communique.api.server import server_config

    console(stderr=True).print(f"serving {db} at http://{host}:{port}/ (API at /api, Ctrl+C to stop)")
    uvicorn.Server(server_config(create_app(db, max_body=max_body), host=host, port=port)).run()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)
