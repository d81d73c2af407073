"""Hostile requests: each is refused with the right status, in the one error shape, and the
server keeps answering.

Classes: SQL injection in every filter and in the article id; path traversal in article ids
and static paths; page sizes and offsets out of bounds; deep and non-JSON bodies; oversized
bodies (with a truthful, a lying or no Content-Length, and chunked); slow and stalled
clients; unknown methods; header floods. The database connection is read-only, and the
routes are exactly the documented ones: none takes SQL or serves a file from elsewhere.

Most cases run in process (httpx over ASGI); the ones that depend on HTTP itself (raw
paths, slow clients, header limits) run against a real uvicorn server, configured as
`communique serve` configures it, on a free loopback port in a thread.
"""

import asyncio
import datetime as dt
import hashlib
import json
import select
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import anyio
import httpx
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

import duckdb  # noqa: E402
import uvicorn  # noqa: E402

from communique.api import create_app  # noqa: E402
from communique.api.server import server_config  # noqa: E402
from communique.model import Article, ArticleDoc, Event, Party, Quote  # noqa: E402
from communique.store import Store  # noqa: E402

TEXT = 'David Cameron met Vladimir Putin. "We will talk," Cameron said.'
CAMERON = Party(name="David Cameron", text="David Cameron", country="GBR", sector="GOV", entity="n-cam")
PUTIN = Party(name="Vladimir Putin", text="Vladimir Putin", country="RUS", sector="GOV", entity="n-put")
MAX_BODY = 2_000

INJECTIONS = (
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    "1) UNION SELECT key, value FROM meta --",
    "GBR' --",
    "%",
    "_",
    "\\",
    "\x00",
    "a-1' OR id LIKE '%",
)


def seed_doc():
    first = TEXT[: TEXT.index(".") + 1]
    met = Event(
        id="e-1", type="CONSULT", cameo="040", actor=(CAMERON,), recipient=(PUTIN,), text=first, start=0,
        end=len(first), goldstein=1.0, quad_class=1, date=dt.date(2024, 1, 10), rule="verb:meet",
    )  # fmt: skip
    start = TEXT.index('"')
    said = Quote(id="q-1", text='"We will talk,"', start=start, end=start + 15, kind="direct", cue="said", speaker=CAMERON)
    article = Article(id="a-1", text=TEXT, title="Cameron in Moscow", date=dt.date(2024, 1, 10), source="Reuters")
    return ArticleDoc(article=article, words=11, quotes=(said,), events=(met,))


def fake_analyzer(article):
    return ArticleDoc(article=article, words=len(article.text.split()))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "store.duckdb"
    with Store(path) as store:
        store.write([seed_doc()])
    return path


@pytest.fixture(scope="module")
def app(db):
    app = create_app(db, analyzer=fake_analyzer, max_body=MAX_BODY, body_timeout=1.0)
    yield app
    app.state.store.close()


@pytest.fixture
async def client(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        yield http


@pytest.fixture
def anyio_backend():
    return "asyncio"


def assert_error_shape(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert body["errors"]
    assert all(isinstance(line, str) for line in body["errors"])
    assert body["error"] == body["errors"][0]
    return body


# --- SQL injection ----------------------------------------------------------------------

FREE_TEXT = [("/api/events", name) for name in ("actor_name", "source", "text")]
FREE_TEXT += [("/api/quotes", "speaker"), ("/api/quotes", "text")]
CHECKED = [
    ("/api/events", name)
    for name in ("actor", "recipient", "type", "quad_class", "since", "until", "with_duplicates", "limit", "offset")
]
CHECKED += [("/api/quotes", name) for name in ("country", "since", "until", "limit", "offset")]
CHECKED += [("/api/dyads", name) for name in ("actor", "recipient", "freq", "both", "since", "limit", "offset")]
DYAD_PAIR = {"actor": "GBR", "recipient": "RUS"}


@pytest.mark.anyio
@pytest.mark.parametrize(("route", "name"), FREE_TEXT)
async def test_injection_in_a_free_text_filter_is_only_text(client, route, name):
    """Each string is searched for as written: no row holds it, and `%` or `_` match nothing."""
    for attack in INJECTIONS:
        response = await client.get(route, params={name: attack})
        assert response.status_code == 200, (attack, response.text)
        assert response.json()["rows"] == [], attack


@pytest.mark.anyio
@pytest.mark.parametrize(("route", "name"), CHECKED)
async def test_injection_in_a_typed_parameter_is_a_400(client, route, name):
    base = DYAD_PAIR if route == "/api/dyads" else {}
    for attack in INJECTIONS:
        response = await client.get(route, params={**base, name: attack})
        body = assert_error_shape(response, 400)
        assert body["error"].startswith(f"{name}: "), (attack, body)


@pytest.mark.anyio
async def test_injection_in_the_article_id_finds_nothing(client):
    assert (await client.get("/api/articles/a-1")).status_code == 200
    for attack in INJECTIONS:
        response = await client.get("/api/articles/" + quote(attack, safe=""))
        assert_error_shape(response, 404)
    everything = (await client.get("/api/events")).json()
    assert [row["id"] for row in everything["rows"]] == ["e-1"]  # nothing dropped, nothing added


# --- page bounds --------------------------------------------------------------------------

BAD_LIMITS = ("0", "-1", "-9999999999", "1000000000000", "9" * 5000, "abc", "1.5", "1e3", "", "NaN", "0x10")
BAD_OFFSETS = ("-1", "1000001", "9" * 50, "abc", "1.5", "", "inf")


@pytest.mark.anyio
@pytest.mark.parametrize("route", ["/api/events", "/api/quotes", "/api/dyads"])
async def test_page_size_and_offset_out_of_bounds_are_400(client, route):
    base = DYAD_PAIR if route == "/api/dyads" else {}
    too_big = "10001" if route == "/api/dyads" else "501"
    for name, values in (("limit", (*BAD_LIMITS, too_big)), ("offset", BAD_OFFSETS)):
        for value in values:
            body = assert_error_shape(await client.get(route, params={**base, name: value}), 400)
            assert body["error"].startswith(f"{name}: "), (value, body)
    widest = await client.get(route, params={**base, "limit": "10000" if base else "500", "offset": "1000000"})
    assert widest.status_code == 200
    assert widest.json()["rows"] == []


# --- bodies -------------------------------------------------------------------------------

JSON = {"content-type": "application/json"}
NOT_JSON = (
    b"hello", b"\xff\xfe\x00\x01", b"", b"null", b"[]", b"42", b'"text"', b'{"text": NaN}', b'{"text": "x"',
    b'{"text": "\\ud800 half a pair."}', b'{"text": ""}', b'{"text": "ok", "sql": "DROP TABLE events"}',
    b'{"text": ["a"]}', b"<article>text</article>",
)  # fmt: skip


@pytest.mark.anyio
async def test_deep_json_is_a_400(app):
    roomy = create_app(app.state.store.path, analyzer=fake_analyzer, max_body=1_000_000)
    transport = httpx.ASGITransport(app=roomy)
    deep = (
        b"[" * 200_000 + b"]" * 200_000,
        b"[" * 500_000,
        b'{"text": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001,
        b'{"text": "x", "title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    )
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        for body in deep:
            assert_error_shape(await http.post("/api/analyze", content=body, headers=JSON), 400)
        assert (await http.post("/api/analyze", json={"text": "Fine."})).status_code == 200
    roomy.state.store.close()


@pytest.mark.anyio
async def test_non_json_bodies_are_400(client):
    for body in NOT_JSON:
        assert_error_shape(await client.post("/api/analyze", content=body, headers=JSON), 400)
    for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"):
        response = await client.post("/api/analyze", content=b'{"text": "Fine."}', headers={"content-type": kind})
        assert_error_shape(response, 400)
    assert (await client.post("/api/analyze", json={"text": "Fine."})).status_code == 200


@pytest.mark.anyio
async def test_oversized_bodies_are_413(client):
    big = b'{"text": "' + b"x" * (MAX_BODY * 5) + b'"}'
    assert_error_shape(await client.post("/api/analyze", content=big, headers=JSON), 413)

    async def chunks():
        for _ in range(50):
            yield b"x" * 500

    chunked = await client.post("/api/analyze", content=chunks(), headers=JSON)
    assert chunked.request.headers.get("transfer-encoding") == "chunked"
    assert_error_shape(chunked, 413)
    huge = await client.post("/api/analyze", content=b"{}", headers={**JSON, "content-length": "9" * 30})
    assert_error_shape(huge, 413)


async def call_asgi(app, headers, messages, *, method="POST", path="/api/analyze"):
    """Run one request through the app with hand-made headers and body messages."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(k.encode(), v.encode()) for k, v in headers], "server": ("test", 80), "client": ("x", 1),
    }  # fmt: skip
    queue, sent = list(messages), []

    async def receive():
        if queue:
            return queue.pop(0)
        await asyncio.sleep(3600)  # a client that stops sending
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    with anyio.fail_after(10):  # a server that waits for ever fails here instead of hanging
        await app(scope, receive, send)
    status = sent[0]["status"]
    return status, json.loads(b"".join(m.get("body", b"") for m in sent[1:]))


@pytest.mark.anyio
async def test_a_lying_or_missing_content_length_is_still_bounded(app):
    parts = [{"type": "http.request", "body": b"x" * 1000, "more_body": True} for _ in range(10)]
    for headers in ([("content-length", "10")], [], [("transfer-encoding", "chunked")]):
        status, body = await call_asgi(app, [("content-type", "application/json"), *headers], parts)
        assert (status, body["status"], body["ok"]) == (413, 413, False)
    status, body = await call_asgi(app, [("content-length", "-5")], [])
    assert (status, body["status"]) == (400, 400)


@pytest.mark.anyio
async def test_a_body_that_never_ends_is_a_408(app):
    first = [{"type": "http.request", "body": b'{"text": "', "more_body": True}]
    status, body = await call_asgi(app, [("content-type", "application/json"), ("content-length", "100")], first)
    assert (status, body["status"]) == (408, 408)
    assert "took over" in body["error"]


# --- methods, routes, files ---------------------------------------------------------------


@pytest.mark.anyio
async def test_unknown_methods_are_405(client):
    paths = ("/api/events", "/api/quotes", "/api/dyads", "/api/countries", "/api/articles/a-1", "/api/analyze", "/")
    for path in paths:
        for method in ("BREW", "DELETE", "PUT", "PATCH", "TRACE", "PROPFIND"):
            assert_error_shape(await client.request(method, path), 405)
    assert_error_shape(await client.get("/api/analyze"), 405)
    assert_error_shape(await client.request("DELETE", "/static/app.js"), 405)


def all_routes(routes):
    """Every route, those of included routers too."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        yield from all_routes(inner.routes) if inner is not None else (route,)


def test_routes_are_exactly_the_documented_ones(app):
    """No route takes SQL or a file name; the one mount serves the package's static folder."""
    from starlette.routing import Mount

    found = {(route.path, tuple(sorted(getattr(route, "methods", None) or ()))) for route in all_routes(app.routes)}
    assert found == {
        ("/openapi.json", ("GET", "HEAD")), ("/static", ()), ("/", ("GET",)),
        ("/api/events", ("GET",)), ("/api/quotes", ("GET",)), ("/api/dyads", ("GET",)),
        ("/api/countries", ("GET",)), ("/api/articles/{article_id}", ("GET",)), ("/api/analyze", ("POST",)),
    }  # fmt: skip
    (mount,) = [route for route in all_routes(app.routes) if isinstance(route, Mount)]
    static = Path(mount.app.directory).resolve()
    assert static.parts[-2:] == ("web", "static")
    package = Path(create_app.__code__.co_filename).resolve().parents[1]  # src/communique
    assert static == package / "web" / "static"


@pytest.mark.anyio
async def test_unknown_routes_and_missing_files_are_404(client):
    for path in ("/docs", "/redoc", "/api", "/api/sql", "/api/query", "/static/", "/static/nothing.js", "/.env"):
        assert_error_shape(await client.get(path), 404)


def test_the_connection_is_read_only(app, db):
    before = hashlib.sha256(Path(db).read_bytes()).hexdigest()
    writes = (
        "CREATE TABLE x (a INT)", "INSERT INTO meta VALUES ('k', 'v')", "DELETE FROM events",
        "UPDATE articles SET title = 'x'", "DROP TABLE quotes", "ALTER TABLE events ADD COLUMN x INT",
        "CREATE INDEX i ON events (id)",
    )  # fmt: skip
    for sql in writes:
        cursor = app.state.store.con.cursor()
        with pytest.raises(duckdb.Error, match="read-only"):
            cursor.execute(sql)
        cursor.close()
    assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == before


# --- a real server ------------------------------------------------------------------------

HEAD_TIMEOUT = 1.0


@pytest.fixture(scope="module")
def server(db):
    """`communique serve`'s uvicorn settings on a free loopback port, run in a thread."""
    app = create_app(db, analyzer=fake_analyzer, max_body=MAX_BODY, body_timeout=HEAD_TIMEOUT)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(server_config(app, host="127.0.0.1", port=port, head_timeout=HEAD_TIMEOUT))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield port, thread
    running.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


def request_bytes(target, *, method="GET", headers=(), body=b""):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def read_reply(sock, *, timeout=5.0):
    """(status, body) of the reply on `sock`, or (None, b"") when the server closed it without one."""
    sock.settimeout(timeout)
    reply = b""
    try:
        while chunk := sock.recv(65536):
            reply += chunk
            head, _, body = reply.partition(b"\r\n\r\n")
            length = [line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")]
            if length and len(body) >= int(length[0]):
                break
    except ConnectionResetError:
        pass
    if not reply:
        return None, b""
    head, _, body = reply.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def exchange(port, data, *, pace=None):
    """Send `data` (in `pace`-byte pieces, stopping once an answer is waiting) and read the reply."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        pieces = [data] if pace is None else [data[i : i + pace] for i in range(0, len(data), pace)]
        for piece in pieces:
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(piece)
            except OSError:
                break
        return read_reply(sock)


def assert_serving(port):
    response = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5)
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["rows"]] == ["e-1"]


TRAVERSALS = (
    "/static/../../../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/....//....//....//etc/passwd", "/static/..\\..\\..\\..\\etc\\passwd", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/static/..%c0%af..%c0%af..%c0%afetc%c0%afpasswd", "/static/%00/../../etc/passwd",
    "/../../../../etc/passwd", "/api/../../../etc/passwd", "/static/../api/app.py", "/static/../../api/app.py",
    "/api/articles/../../../../etc/passwd", "/api/articles/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/articles/..%252f..%252fetc%252fpasswd",
    "/api/articles/..%5c..%5cetc%5cpasswd",
)  # fmt: skip


def test_path_traversal_reaches_no_file(server, db):
    port, _thread = server
    to_db = "/static/" + "../" * 20 + str(db).lstrip("/")
    for target in (*TRAVERSALS, to_db, quote(to_db)):
        status, body = exchange(port, request_bytes(target))
        assert status in (400, 404), (target, status)
        assert b"root:" not in body and b"import" not in body and b"DUCK" not in body, target
        if status == 404:
            assert json.loads(body)["status"] == 404, target
    assert exchange(port, request_bytes("/static/app.js"))[0] == 200
    assert_serving(port)


def drip(port, data, outcome, *, every=0.2):
    """Send `data` a byte every `every` seconds; `outcome["cut"]` once the server hangs up."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(every)
        for byte in data:
            try:
                sock.sendall(bytes([byte]))
                if sock.recv(1) == b"":
                    outcome["cut"] = True
                    return
            except TimeoutError:
                continue
            except OSError:
                outcome["cut"] = True
                return
        outcome["finished"] = True


def wait_closed(sock, *, within=8.0):
    """True once the server has closed `sock` (it reads end of file or a reset)."""
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_slow_and_stalled_clients_are_cut_off_while_others_are_served(server):
    port, thread = server
    head = request_bytes("/api/events")
    stalled = [socket.create_connection(("127.0.0.1", port)) for _ in range(30)]
    for n, sock in enumerate(stalled):
        sock.sendall(head[: n % 3 * 10])  # nothing, a part of the request line, or of the headers
    outcomes = [{} for _ in range(3)]
    drips = [threading.Thread(target=drip, args=(port, head, outcome)) for outcome in outcomes]
    for each in drips:
        each.start()
    assert_serving(port)  # answered while all of those hang
    assert all(wait_closed(sock) for sock in stalled)
    for each in drips:
        each.join(timeout=20)
    assert [outcome.get("cut") for outcome in outcomes] == [True] * 3
    for sock in stalled:
        sock.close()
    assert thread.is_alive()
    assert_serving(port)


def test_a_slow_body_on_a_real_server_is_a_408(server):
    port, _thread = server
    with socket.create_connection(("127.0.0.1", port)) as sock:
        head = request_bytes("/api/analyze", method="POST", headers=("Content-Type: application/json", "Content-Length: 100"))
        sock.sendall(head + b'{"text": "')
        status, body = read_reply(sock)
    assert status == 408
    assert json.loads(body)["status"] == 408
    assert_serving(port)


def test_oversized_bodies_on_a_real_server_are_413(server):
    port, _thread = server
    declared = ("Content-Type: application/json", f"Content-Length: {10**12}")
    status, body = exchange(port, request_bytes("/api/analyze", method="POST", headers=declared, body=b"{"))
    assert (status, json.loads(body)["status"]) == (413, 413)
    chunk = b"3e8\r\n" + b"x" * 1000 + b"\r\n"
    chunked = request_bytes("/api/analyze", method="POST", headers=("Content-Type: application/json", "Transfer-Encoding: chunked"))
    status, body = exchange(port, chunked + chunk * 3000 + b"0\r\n\r\n", pace=4096)
    assert (status, json.loads(body)["status"]) == (413, 413)
    assert_serving(port)


def test_header_floods_and_malformed_requests_are_400(server):
    port, thread = server
    floods = (
        request_bytes("/api/events", headers=(f"X-Big: {'a' * 100_000}",)),
        request_bytes("/api/events", headers=[f"X-{n}: {n}" for n in range(5_000)]),
        request_bytes("/" + "a" * 100_000),
    )
    for data in floods:  # refused past 16 KiB; a reset may overtake the 400 of a big flood
        assert exchange(port, data, pace=8192)[0] in (400, None)
    malformed = (
        b"G(T /api/events HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /api/events HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n",
        b"GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64,  # a TLS hello
    )
    for data in malformed:
        assert exchange(port, data)[0] == 400, data
    assert exchange(port, request_bytes("/api/events", headers=[f"X-{n}: {n}" for n in range(100)]))[0] == 200
    assert thread.is_alive()
    assert_serving(port)


def test_unknown_methods_on_a_real_server_are_405(server):
    port, _thread = server
    for method in ("BREW", "DELETE", "TRACE", "OPTIONS", "PROPFIND"):
        status, body = exchange(port, request_bytes("/api/events", method=method))
        assert (status, json.loads(body)["status"]) == (405, 405), method


def test_serve_runs_uvicorn_with_these_limits(monkeypatch, db):
    from communique.api import server as server_module
    from communique.cli import serve as serve_module

    ran = []

    class Recorder:
        def __init__(self, config):
            self.config = config

        def run(self):
            ran.append(self.config)

    monkeypatch.setattr(uvicorn, "Server", Recorder)
    serve_module.serve(str(db), host="127.0.0.1", port=0, max_body=10)
    (config,) = ran
    assert config.http.func is server_module.HeadTimeoutH11
    assert config.http.keywords == {"head_timeout": server_module.HEAD_TIMEOUT}
    assert config.timeout_keep_alive == server_module.KEEP_ALIVE
    assert config.h11_max_incomplete_event_size == server_module.MAX_HEAD
    assert config.limit_concurrency == server_module.MAX_CONNECTIONS
    config.app.state.store.close()
