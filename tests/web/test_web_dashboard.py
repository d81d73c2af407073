"""The dashboard driven by a real headless Chromium, as a person would use it.

Needs Debian's `chromium` at /usr/bin/chromium and the `playwright` package (its browser
download is not used); skipped otherwise. Screenshots go to $COMMUNIQUE_SCREENSHOTS, or to
pytest's temporary directory; the path is printed.
"""

import os
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from communique.api import create_app  # noqa: E402
from communique.model import Article, ArticleDoc  # noqa: E402
from api_records import CAMERON, D, PUTIN, SEED, event, seed_doc, write_store  # noqa: E402

BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
PASTED = (
    "French President Emmanuel Macron met German Chancellor Friedrich Merz in Toulon on Friday. "
    '"Europe cannot wait," Macron said. Russia condemned the plan.'
)


def short_doc(article_id, day, found):
    article = Article(id=article_id, text=found.text, title=f"Report {article_id}", date=day, source="BBC")
    return ArticleDoc(article=article, words=len(found.text.split()), events=(found,))


# GBR->RUS in January, February and April, RUS->GBR in February: four points, March empty.
DOCS = (
    seed_doc(),
    short_doc("a-2", D(2024, 2, 3), event("e-2", "SANCTION", PUTIN, CAMERON, D(2024, 2, 3), quad=4,
                                          text="Putin banned British imports.", rule="verb:ban")),
    short_doc("a-3", D(2024, 2, 20), event("e-3", "REQUEST", CAMERON, PUTIN, D(2024, 2, 20), quad=3,
                                           text="Cameron demanded that Putin withdraw.", rule="verb:demand")),
    short_doc("a-4", D(2024, 4, 5), event("e-4", "AGREE", CAMERON, PUTIN, D(2024, 4, 5), quad=1,
                                          text="Cameron agreed with Putin on trade.", rule="verb:agree")),
)  # fmt: skip


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("COMMUNIQUE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """The dashboard on a free loopback port, over a store built here, with the real pipeline."""
    db = write_store(tmp_path_factory.mktemp("web") / "store.duckdb", DOCS, cluster=False)
    app = create_app(db, analyzer=pipeline.analyze)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on a script error or a request leaving the server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("request", lambda req: req.url.startswith((server, "data:")) or problems.append(f"request out: {req.url}"))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert problems == []


def test_web_dyad_chart_click_through_to_event_and_article(page, server, shots):
    page.goto(f"{server}/#/dyads?actor=GBR&recipient=RUS")
    points = page.locator("#dyad-chart .point")
    points.first.wait_for()
    assert points.count() == 4
    assert page.locator('#dyad-chart .panel[data-direction="RUS-GBR"] .point').count() == 1
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)

    page.locator('.point[data-period="2024-02-01"][data-direction="GBR-RUS"]').click()
    rows = page.locator("#period-events tr.event-row")
    rows.first.wait_for()
    assert rows.count() == 1
    assert rows.first.locator("mark.m-trigger").inner_text() == "demanded"
    assert rows.first.locator("mark.m-recipient").inner_text() == "Putin"

    page.locator('.point[data-period="2024-01-01"][data-direction="GBR-RUS"]').click()
    page.locator("#period-events mark.m-actor", has_text="Prime Minister David Cameron").wait_for()
    page.locator("#period-events a.article-link").click()
    page.wait_for_url("**/#/article/a-1")
    page.locator("#article-text").wait_for()
    assert page.locator("#article-text").inner_text() == SEED
    assert page.locator("#quote-q-1").inner_text() == '"We will talk,"'
    assert page.locator("#event-e-1").count() == 1
    assert "David Cameron" in page.locator("#who-said-what").inner_text()
    page.screenshot(path=str(shots / "article.png"), full_page=True)


def test_web_keyboard_reaches_a_month(page, server):
    page.goto(f"{server}/#/dyads?actor=GBR&recipient=RUS")
    page.locator("#dyad-chart .point").first.wait_for()
    for _ in range(40):  # Tab through the page until the first point has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('point')"):
            break
    assert page.evaluate("document.activeElement.dataset.period") == "2024-01-01"
    page.keyboard.press("Enter")
    page.locator("#period-events tr.event-row").first.wait_for()
    assert page.evaluate("document.activeElement.tagName") == "H2"


def test_web_events_view_filters_and_fits_a_phone(page, server, shots):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/#/events")
    page.locator("tr.event-row").first.wait_for()
    assert page.locator("tr.event-row").count() == 4
    page.fill("#f-actor", "RUS")
    page.press("#f-actor", "Enter")
    page.wait_for_url("**actor=RUS**")
    sync_api.expect(page.locator("tr.event-row")).to_have_count(1)  # no string evaluation: the page's CSP forbids eval
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(shots / "events-phone.png"), full_page=True)


def test_web_paste_an_article(page, server, shots):
    page.goto(f"{server}/#/analyze")
    page.fill("#a-text", PASTED)
    page.fill("#a-date", "2025-08-29")
    page.click("#a-submit")
    page.locator("#analyze-result #article-text").wait_for(timeout=60_000)
    assert page.locator("#analyze-result #article-text").inner_text() == PASTED
    assert page.locator("#analyze-result .ent", has_text="Macron").count() >= 1
    assert "Macron" in page.locator("#who-said-what").inner_text()
    assert page.locator("#doc-events li").count() >= 1
    page.screenshot(path=str(shots / "analyze.png"), full_page=True)


def test_web_wrong_input_shows_the_api_error(page, server):
    page.goto(f"{server}/#/dyads?actor=G1&recipient=RUS")
    alert = page.locator("[role=alert]")
    alert.wait_for()
    assert "actor:" in alert.inner_text()
