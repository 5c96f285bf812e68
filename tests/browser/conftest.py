"""Browser-test fixtures: the app served from a thread on a seeded database, headless Chromium."""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
# The README's screenshots are saved there only when asked (`make screenshots`); otherwise a
# test run leaves the working tree as it found it.
SCREENSHOTS = ROOT / "docs" / "screenshots"
REVIEWER = "reviewer"
REVIEWER_PASSWORD = "correct horse battery staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is not installed"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory):
    """The Dash app, built once per session on a temporary SQLite file with seeds/ ingested."""
    from dashboards.app import create_app
    from db.users import add_user

    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    app = create_app(url, ingest_seeds=True)
    from dashboards import context

    add_user(context.engine(), REVIEWER, REVIEWER_PASSWORD)
    return app


@pytest.fixture(scope="session")
def live_engine(live_app) -> Engine:
    """The database the live server reads and writes."""
    from dashboards import context

    return context.engine()


@contextmanager
def serve(app) -> Iterator[str]:
    """Serve a Dash app from a thread (threaded werkzeug server); its base URL."""
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    """Base URL of the app, served from a thread."""
    with serve(live_app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with chromium() as b:
        yield b


class PageErrors(list):
    """Console errors, uncaught page errors and failed requests seen by one page."""


def _watch(page) -> PageErrors:
    errors = PageErrors()
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))

    def failed(request) -> None:
        # An aborted request is the browser leaving the page, not a missing resource.
        if "ERR_ABORTED" not in (request.failure or ""):
            errors.append(f"requestfailed: {request.url} {request.failure}")

    page.on("requestfailed", failed)
    return errors


DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser_page(browser, live_server) -> Iterator:
    """A fresh page (own cookies); the test fails if the browser logged any error."""
    ctx = browser.new_context(accept_downloads=True, viewport=DESKTOP, base_url=live_server)
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    page.errors = _watch(page)
    yield page
    errors = list(page.errors)
    ctx.close()
    assert not errors, "browser errors:\n" + "\n".join(errors)


@pytest.fixture
def phone_page(browser, live_server) -> Iterator:
    """A fresh page at a phone's size (390 x 844, touch); fails on any browser error."""
    ctx = browser.new_context(viewport=PHONE, base_url=live_server, has_touch=True,
                              is_mobile=True, device_scale_factor=2)  # fmt: skip
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    page.errors = _watch(page)
    yield page
    errors = list(page.errors)
    ctx.close()
    assert not errors, "browser errors:\n" + "\n".join(errors)


def log_in(page, username: str = REVIEWER, password: str = REVIEWER_PASSWORD) -> None:
    """Log in through the login page, as a user would."""
    page.goto("/login")
    page.fill("#login-username", username)
    page.fill("#login-password", password)
    page.click("#login-submit")
    page.wait_for_selector("#nav-reviewer")


@pytest.fixture
def reviewer_page(browser_page) -> Iterator:
    """A fresh page logged in as the reviewer."""
    log_in(browser_page)
    yield browser_page


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/screenshots with UPDATE_SCREENSHOTS=1 (the README's pictures), else a temp folder."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def screenshot(screenshot_dir: Path) -> Callable[..., Path]:
    """Save a screenshot of a page (for the README with UPDATE_SCREENSHOTS=1):
    screenshot(page, 'growth')."""

    def take(page, name: str, *, full_page: bool = False) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 0
        return path

    return take


def dash_id(**parts) -> str:
    """A pattern-matching id as Dash writes it into the DOM (sorted keys, no spaces)."""
    return json.dumps(parts, sort_keys=True, separators=(",", ":"))


def by_id(parts: dict) -> str:
    return f"[id='{dash_id(**parts)}']"


def wait_for_dash(page) -> None:
    """Wait until Dash has rendered the page and finished its callbacks."""
    page.wait_for_selector("#_pages_content", state="attached")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")


def figure_of(page, graph_id: str) -> dict:
    """The figure a dcc.Graph currently draws, read from the Plotly div in the page."""
    selector = f"#{graph_id} .js-plotly-plot"
    page.wait_for_function(
        f"() => {{ const g = document.querySelector('{selector}'); return g && g.data; }}"
    )
    return page.evaluate(
        f"() => {{ const g = document.querySelector('{selector}');"
        " return {data: g.data, layout: g.layout}; }"
    )


def post_callback(page, input_id: str, prop: str, inputs: dict, state: dict | None = None):
    """POST to /_dash-update-component as the page's own Dash renderer would, for the callback
    that `input_id.prop` triggers; returns the response (cookies: the page's own)."""
    deps = page.request.get("/_dash-dependencies").json()
    dep = next(
        d for d in deps if any(i["id"] == input_id and i["property"] == prop for i in d["inputs"])
    )
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in dep["output"].strip(".").split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [{**i, "value": inputs.get(f"{i['id']}.{i['property']}")} for i in dep["inputs"]],
        "state": [
            {**s, "value": (state or {}).get(f"{s['id']}.{s['property']}")} for s in dep["state"]
        ],
        "changedPropIds": [f"{input_id}.{prop}"],
    }
    return page.request.post("/_dash-update-component", data=body)
