"""Measure the API's latency under load: requests per second, p50 and p99 per endpoint.

    python scripts/make_synthetic_store.py --events 1000000 --db /tmp/synthetic.duckdb
    python scripts/load_test.py --db /tmp/synthetic.duckdb --clients 32 --seconds 30

Starts `communique serve` on the database in a second process, bound to loopback, then
keeps `--clients` HTTP/1.1 keep-alive connections busy for `--seconds` per endpoint (after
a short warm-up that is not counted). Each request asks a different country pair, drawn in
turn from the busiest pairs, so no answer is served twice in a row. The server caches its
answers (the store is read-only), so after the first round these are cache hits; with
`--uncached` the server is started with its cache off (COMMUNIQUE_API_CACHE_ROWS=0), so
that every request runs its query. Pass `--url` to load a server that is already running
instead.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

PAIRS = (
    ("GBR", "RUS"), ("USA", "CHN"), ("RUS", "UKR"), ("FRA", "DEU"), ("USA", "RUS"), ("CHN", "GBR"),
    ("ISR", "IRN"), ("IND", "PAK"), ("TUR", "SYR"), ("JPN", "KOR"), ("UKR", "USA"), ("DEU", "RUS"),
)  # fmt: skip
ENDPOINTS = {
    "dyads": "/api/dyads?actor={a}&recipient={r}&freq=month&both=true",
    "events": "/api/events?actor={a}&recipient={r}&limit=50",
    "events-month": "/api/events?actor={a}&recipient={r}&since=2020-03-01&until=2020-03-31&limit=100",
}
WARM_UP = 3.0


def paths(endpoint: str) -> Iterator[str]:
    return itertools.cycle([ENDPOINTS[endpoint].format(a=a, r=r) for a, r in PAIRS])


async def client(host: str, port: int, todo: Iterator[str], until: float, out: list[tuple[float, float, int]]) -> None:
    """One keep-alive connection sending requests one after another until `until`."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            path = next(todo)
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("ascii"))
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            out.append((began, time.perf_counter() - began, status))
    finally:
        writer.close()


async def load(url: str, endpoint: str, *, clients: int, seconds: float) -> dict[str, float]:
    """Run the clients for warm-up plus `seconds`; figures are of the requests begun after warm-up."""
    parts = urlsplit(url)
    start = time.perf_counter()
    measured_from, until = start + WARM_UP, start + WARM_UP + seconds
    out: list[tuple[float, float, int]] = []
    todo = paths(endpoint)
    await asyncio.gather(*(client(parts.hostname or "127.0.0.1", parts.port or 80, todo, until, out) for _ in range(clients)))
    kept = [(took, status) for began, took, status in out if began >= measured_from]
    times = sorted(took for took, _ in kept)
    return {
        "requests": len(kept),
        "errors": sum(1 for _, status in kept if status != 200),
        "rps": len(kept) / seconds,
        "p50": percentile(times, 50) * 1000,
        "p99": percentile(times, 99) * 1000,
        "max": times[-1] * 1000,
    }


def percentile(ordered: list[float], pct: float) -> float:
    """The nearest-rank percentile of sorted values: a latency some request really had."""
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def start_server(db: str, port: int, *, uncached: bool = False) -> subprocess.Popen[bytes]:
    """`communique serve` in its own process (its cache off when `uncached`); returns once it answers."""
    command = [sys.executable, "-m", "communique", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "COMMUNIQUE_API_CACHE_ROWS": "0"} if uncached else None
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/countries", timeout=5):  # noqa: S310 (loopback)
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("the server did not answer within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="The store to serve (started here in a second process).")
    parser.add_argument("--url", help="A server already running, e.g. http://127.0.0.1:8000.")
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--endpoint", action="append", choices=sorted(ENDPOINTS), help="Repeatable; all by default.")
    parser.add_argument("--uncached", action="store_true", help="Make every request new to the server's cache.")
    args = parser.parse_args()
    if not (args.db or args.url):
        parser.error("give --db FILE or --url URL")
    if args.uncached and args.url:
        parser.error("--uncached starts its own server: give --db, not --url")
    server = None if args.url else start_server(args.db, args.port, uncached=args.uncached)
    url = args.url or f"http://127.0.0.1:{args.port}"
    try:
        cache = "server cache off" if args.uncached else "server cache on"
        print(f"{args.clients} clients, {args.seconds:g} s per endpoint (after {WARM_UP:g} s warm-up), {url}; {cache}")
        print(f"{'endpoint':<14}{'requests':>10}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
        for endpoint in args.endpoint or list(ENDPOINTS):
            r = asyncio.run(load(url, endpoint, clients=args.clients, seconds=args.seconds))
            print(f"{endpoint:<14}{r['requests']:>10}{r['errors']:>8}{r['rps']:>9.1f}{r['p50']:>9.1f}{r['p99']:>9.1f}{r['max']:>9.1f}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
