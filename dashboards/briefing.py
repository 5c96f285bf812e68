"""GET /briefing: the management briefing as one printable page (etl.report.briefing), from the
series the Growth page shows."""

from __future__ import annotations

from flask import Blueprint, Response

from dashboards import context

bp = Blueprint("briefing", __name__)

# The page is static: no script runs, nothing is fetched; its charts are inline SVG.
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "frame-ancestors 'none'"
)


@bp.get("/briefing")
def briefing() -> Response:
    from dashboards.pages.growth.data import tracked_entity
    from etl.report.briefing import briefing_html

    page = briefing_html(context.engine(), tracked_entity())
    resp = Response(page, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = POLICY
    resp.headers["Cache-Control"] = "no-store"
    return resp
