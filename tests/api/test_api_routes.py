"""The HTTP API in process (httpx over ASGI) on a small store built by hand."""


import httpx
import pytest

pytest.importorskip("fastapi")

from communique.api import create_app  # noqa: E402
from communique.api.reads import event_marks, trigger_word  # noqa: E402
from communique.model import Article, ArticleDoc  # noqa: E402
from api_records import CAMERON, D, PUTIN, SEED, event, seed_doc, write_store  # noqa: E402

def other_doc(article_id, day, *events):
    text = f"Report {article_id}: " + " ".join(e.text for e in events)
    article = Article(id=article_id, text=text, date=day, source="BBC")
    return ArticleDoc(article=article, words=len(text.split()), events=tuple(events))


DOCS = (
    seed_doc(),
    other_doc("a-2", D(2024, 2, 3), event("e-2", "SANCTION", PUTIN, CAMERON, D(2024, 2, 3), quad=4,
                                          text="Putin banned British imports.", rule="verb:ban")),
    other_doc("a-3", D(2024, 4, 5), event("e-3", "AGREE", CAMERON, PUTIN, D(2024, 4, 5), quad=1,
                                          text="Cameron agreed with Putin on trade.", rule="verb:agree")),
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return write_store(tmp_path_factory.mktemp("api") / "store.duckdb", DOCS)


def fake_analyzer(article):
    """Stands in for the pipeline: one event over the first sentence."""
    end = article.text.find(".") + 1 or len(article.text)
    found = event("e-x", "CONSULT", CAMERON, PUTIN, article.date, quad=1, text=article.text[:end])
    return ArticleDoc(article=article, words=len(article.text.split()), events=(found,))


@pytest.fixture
async def client(db):
    app = create_app(db, analyzer=fake_analyzer, max_body=2_000)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        yield http
    app.state.store.close()


@pytest.fixture
def anyio_backend():
    return "asyncio"


def assert_error_shape(response, status):
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert body["errors"]
    assert body["error"] == body["errors"][0]
    return body


@pytest.mark.anyio
async def test_api_events_filters_like_the_cli(client):
    everything = (await client.get("/api/events")).json()
    assert [r["id"] for r in everything["rows"]] == ["e-1", "e-2", "e-3"]
    gbr = (await client.get("/api/events", params={"actor": "gbr", "type": "consult"})).json()
    assert [r["id"] for r in gbr["rows"]] == ["e-1"]
    dated = (await client.get("/api/events", params={"since": "2024-02-01", "until": "2024-03-31"})).json()
    assert [r["id"] for r in dated["rows"]] == ["e-2"]


@pytest.mark.anyio
async def test_api_events_pages(client):
    first = (await client.get("/api/events", params={"limit": 2})).json()
    assert [r["id"] for r in first["rows"]] == ["e-1", "e-2"]
    assert first["next_offset"] == 2
    assert "offset=2" in first["next_url"]
    last = (await client.get(first["next_url"])).json()
    assert [r["id"] for r in last["rows"]] == ["e-3"]
    assert last["next_offset"] is None
    assert last["next_url"] is None


@pytest.mark.anyio
async def test_api_events_mark_actor_recipient_and_trigger(client):
    row = (await client.get("/api/events", params={"type": "AGREE"})).json()["rows"][0]
    marked = {(row["text"][m["start"] : m["end"]], m["role"]) for m in row["marks"]}
    assert marked == {("Cameron", "actor"), ("agreed", "trigger"), ("Putin", "recipient")}


def test_api_event_marks_never_overlap():
    actor = {"text": "Prime Minister David Cameron", "name": "David Cameron"}
    recipients = [{"text": "Putin"}, {"text": "David Cameron"}]  # the second lies inside the actor
    marks = event_marks("Prime Minister David Cameron visited Putin.", [actor], recipients, "verb:visit")
    spans = [(m["start"], m["end"], m["role"]) for m in marks]
    assert spans == [(0, 28, "actor"), (29, 36, "trigger"), (37, 42, "recipient")]
    assert trigger_word("verb-pattern:contribute:fund+intent") == "contribute"
    assert trigger_word("synthetic") is None


@pytest.mark.anyio
async def test_api_quotes_by_speaker(client):
    body = (await client.get("/api/quotes", params={"speaker": "cameron"})).json()
    assert [(q["speaker"], q["text"]) for q in body["rows"]] == [("David Cameron", '"We will talk,"')]
    assert (await client.get("/api/quotes", params={"speaker": "nobody"})).json()["rows"] == []


@pytest.mark.anyio
async def test_api_article_has_text_and_annotations(client):
    body = (await client.get("/api/articles/a-1")).json()
    assert body["article"]["text"] == SEED
    assert [e["name"] for e in body["entities"]] == ["David Cameron", "Vladimir Putin"]
    assert body["quotes"][0]["speaker"]["name"] == "David Cameron"
    assert body["events"][0]["id"] == "e-1"
    assert body["events"][0]["place"] is None


@pytest.mark.anyio
async def test_api_dyads_fills_gaps_both_ways(client):
    body = (await client.get("/api/dyads", params={"actor": "GBR", "recipient": "rus"})).json()
    rows = body["rows"]
    assert [r["period"] for r in rows[::2]] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]
    with_events = [(r["period"], r["actor"], r["events"]) for r in rows if r["events"]]
    assert with_events == [("2024-01-01", "GBR", 1), ("2024-02-01", "RUS", 1), ("2024-04-01", "GBR", 1)]
    one_way = (await client.get("/api/dyads", params={"actor": "GBR", "recipient": "RUS", "both": "false"})).json()
    assert {r["actor"] for r in one_way["rows"]} == {"GBR"}


@pytest.mark.anyio
async def test_api_countries_lists_pairs(client):
    body = (await client.get("/api/countries")).json()
    assert {c["country"] for c in body["countries"]} == {"GBR", "RUS"}
    assert body["pairs"][0] == {"actor": "GBR", "recipient": "RUS", "reports": 2}


@pytest.mark.anyio
async def test_api_analyze_returns_the_contract_without_storing(client, db):
    body = (await client.post("/api/analyze", json={"text": "Leaders met. Then left.", "date": "2024-05-01"})).json()
    assert body["ok"] is True
    assert set(body) >= {"article", "entities", "events", "quotes", "amounts"}
    assert body["article"]["text"] == "Leaders met. Then left."
    assert body["events"][0]["date"] == "2024-05-01"
    assert (await client.get(f"/api/articles/{body['article']['id']}")).status_code == 404


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "params", "fragment"),
    [
        ("/api/events", {"limit": 0}, "limit:"),
        ("/api/events", {"limit": 100_000}, "limit:"),
        ("/api/events", {"offset": -1}, "offset:"),
        ("/api/events", {"since": "2024-13-01"}, "since:"),
        ("/api/events", {"since": "2024-05-01", "until": "2024-01-01"}, "is after until"),
        ("/api/events", {"type": "HUG"}, "type: must be one of"),
        ("/api/events", {"quad_class": 7}, "quad_class:"),
        ("/api/events", {"actr": "GBR"}, "actr: unknown parameter"),
        ("/api/events", {"actor": "G'; DROP TABLE events; --"}, "actor:"),
        ("/api/quotes", {"country": "x"}, "country:"),
        ("/api/dyads", {"actor": "GBR"}, "recipient: Field required"),
        ("/api/dyads", {"actor": "GBR", "recipient": "RUS", "freq": "year"}, "freq:"),
        ("/api/dyads", {"actor": "GBR", "recipient": "RUS", "both": "maybe"}, "both:"),
    ],
)
async def test_api_wrong_parameters_are_400(client, path, params, fragment):
    body = assert_error_shape(await client.get(path, params=params), 400)
    assert any(fragment in message for message in body["errors"]), body


@pytest.mark.anyio
async def test_api_every_error_has_one_shape(client):
    assert_error_shape(await client.get("/api/articles/missing"), 404)
    assert_error_shape(await client.get("/api/nowhere"), 404)
    assert_error_shape(await client.delete("/api/events"), 405)
    assert_error_shape(await client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"}), 400)
    assert_error_shape(await client.post("/api/analyze", json={"text": ""}), 400)
    assert_error_shape(await client.post("/api/analyze", json={"text": "x", "extra": 1}), 400)


@pytest.mark.anyio
async def test_api_analyze_body_over_the_limit_is_413(client):
    body = assert_error_shape(await client.post("/api/analyze", json={"text": "word " * 1000}), 413)
    assert "2,000 bytes" in body["error"]


@pytest.mark.anyio
async def test_api_article_errors_are_400(db):
    from communique.errors import ArticleError

    def refuse(article):
        msg = "the text is not English"
        raise ArticleError(msg)

    app = create_app(db, analyzer=refuse)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        body = assert_error_shape(await http.post("/api/analyze", json={"text": "Bonjour."}), 400)
    app.state.store.close()
    assert body["error"] == "the text is not English"


@pytest.mark.anyio
async def test_api_openapi_describes_routes_and_errors(client):
    schema = (await client.get("/openapi.json")).json()
    assert {"/api/events", "/api/quotes", "/api/dyads", "/api/articles/{article_id}", "/api/analyze"} <= set(schema["paths"])
    events = schema["paths"]["/api/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {"actor", "recipient", "since", "type", "limit", "offset"}
    assert "422" not in events["responses"]
    assert "400" in events["responses"]
    assert "413" in schema["paths"]["/api/analyze"]["post"]["responses"]


@pytest.mark.anyio
async def test_api_dashboard_is_served_from_the_package(client):
    page = await client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/chart.js", "/static/style.css"):
        assert (await client.get(asset)).status_code == 200
    assert "http" not in page.text.replace("http-equiv", "")


def test_api_server_connection_is_read_only(db):
    import duckdb

    app = create_app(db, analyzer=fake_analyzer)
    with pytest.raises(duckdb.Error):
        app.state.store.con.execute("DELETE FROM events")
    app.state.store.close()


@pytest.mark.anyio
async def test_api_answers_are_cached_and_the_same(db):
    app = create_app(db, analyzer=fake_analyzer, cache_rows=1_000)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        ask = {"actor": "gbr", "recipient": "RUS", "limit": 1}
        first = (await http.get("/api/events", params=ask)).json()
        again = (await http.get("/api/events", params={**ask, "actor": "GBR"})).json()
        series = [(await http.get("/api/dyads", params={"actor": "GBR", "recipient": "RUS"})).json() for _ in range(2)]
    gate = app.state.gate
    app.state.store.close()
    assert first["rows"] == again["rows"] and first["rows"] and first["next_offset"] == again["next_offset"]
    assert series[0] == series[1]
    assert len(gate.cache) == 2


def test_api_cache_keeps_its_row_bound():
    from communique.api.gate import AnswerCache, ReadGate

    cache = AnswerCache(max_rows=5)
    for key in range(4):
        cache.put(key, [key, key])
    assert cache.rows <= 5 and cache.get(0) is None and cache.get(3) == [3, 3]
    cache.put("big", list(range(6)))
    assert cache.get("big") is None
    calls = []
    gate = ReadGate(max_queries=1, cache_rows=10)
    assert gate.read("k", lambda: calls.append(1) or [1]) == gate.read("k", lambda: calls.append(1) or [1]) == [1]
    assert calls == [1]
