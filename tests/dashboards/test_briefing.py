"""GET /briefing: the printable page, served static (no script may run in it)."""

from __future__ import annotations

from flask import Flask

from dashboards import context
from dashboards.briefing import bp
from etl.pipeline import ingest_paths
from tests.conftest import SEEDS


def test_the_briefing_route_serves_the_page(engine):
    ingest_paths(engine, [SEEDS])
    context.set_engine(engine)
    app = Flask(__name__)
    app.register_blueprint(bp)
    r = app.test_client().get("/briefing")
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]
    assert "Cyberport: headline figures" in r.text and r.text.count("<svg") == 4
