"""Create the Dash app: database, session secret, theme, navbar, pages and Flask routes."""

from __future__ import annotations

import os
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
import flask_bootstrap
from dash import Dash, html
from flask import Blueprint, send_from_directory
from sqlalchemy import Engine

from dashboards import context
from dashboards.auth import init_auth, page_reviewer, session_secret
from dashboards.checks import background
from dashboards.compression import enable_compression
from dashboards.login_limits import LoginLimits
from dashboards.pages.sources.actions import MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES
from dashboards.security import Deployment, init_security
from db.dirty import dirty_series
from db.engine import open_db

ROOT = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"
SEEDS = ROOT / "seeds"
TITLE = "Cyberport Metrics Timeline"
# Bootstrap 5 as the installed Bootstrap-Flask package ships it: served locally, never a CDN.
BOOTSTRAP_CSS_DIR = (
    Path(flask_bootstrap.__file__).resolve().parent / "static" / "bootstrap5" / "css"
)
BOOTSTRAP_URL = "/vendor/bootstrap/bootstrap.min.css"

vendor = Blueprint("vendor", __name__)


@vendor.get("/vendor/bootstrap/<path:filename>")
def bootstrap_file(filename: str):
    return send_from_directory(BOOTSTRAP_CSS_DIR, filename, max_age=86400)


def has_documents(engine: Engine) -> bool:
    from db.documents import iter_documents

    rows = iter_documents(engine)
    try:
        return next(rows, None) is not None
    finally:
        rows.close()


def ingest_seeds_if_empty(engine: Engine, seeds: Path = SEEDS) -> str | None:
    """Ingest `seeds/` when the database holds no document yet; the summary line, or None."""
    if has_documents(engine) or not seeds.is_dir():
        return None
    from etl.pipeline import ingest_paths

    return ingest_paths(engine, [seeds]).line()


def finish_interrupted_checks(engine: Engine) -> bool:
    """Check in the background the series an interrupted run left marked; whether any."""
    if not dirty_series(engine):
        return False
    background.request(engine)
    return True


def reviewer_status() -> html.Div:
    """Navbar corner: who is logged in and a logout button, or the login link."""
    name = page_reviewer()
    if name is None:
        return html.Div(
            dbc.NavLink("Reviewer login", href="/login", id="nav-login", class_name="text-light"),
            className="d-flex",
        )
    return html.Form(
        [
            html.Span(f"Reviewer: {name}", id="nav-reviewer", className="text-light me-2"),
            html.Button(
                "Log out", type="submit", id="nav-logout", className="btn btn-sm btn-outline-light"
            ),
        ],
        action="/logout",
        method="POST",
        className="d-flex align-items-center",
    )


def nav_label(page: dict) -> str | list:
    """A page's name, with a count badge (id `nav-count-<path>`) when it registered `nav_count`."""
    count = page.get("nav_count")
    if count is None:
        return page["name"]
    badge_id = "nav-count-" + page["path"].strip("/")
    return [
        page["name"],
        dbc.Badge(
            f"{count():,}",
            color="light",
            text_color="dark",
            pill=True,
            className="ms-1",
            id=badge_id,
        ),
    ]


def navbar() -> dbc.Navbar:
    """Brand and pages; on a phone the pages and the login fold behind a toggler."""
    links = [
        dbc.NavItem(dbc.NavLink(nav_label(page), href=page["relative_path"], active="exact"))
        for page in dash.page_registry.values()
        if page.get("nav", True)
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(TITLE, href="/"),
                dbc.NavbarToggler(id="nav-toggler", n_clicks=0),
                dbc.Collapse(
                    [dbc.Nav(links, navbar=True, class_name="me-auto"), reviewer_status()],
                    id="nav-collapse",
                    navbar=True,
                    is_open=False,
                ),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        expand="md",
        class_name="mb-3 py-1",
    )


# The toggler opens and closes the folded navbar in the browser, without a server round trip.
dash.clientside_callback(
    "function (n, open) { return n ? !open : open; }",
    dash.Output("nav-collapse", "is_open"),
    dash.Input("nav-toggler", "n_clicks"),
    dash.State("nav-collapse", "is_open"),
    prevent_initial_call=True,
)


def layout() -> html.Div:
    return html.Div(
        [navbar(), dbc.Container(dash.page_container, fluid=True, class_name="pb-4")],
        id="app-root",
    )


def create_app(
    db_url: str | None = None,
    *,
    ingest_seeds: bool = False,
    finish_checks: bool = False,
    deployment: Deployment | None = None,
    login_limits: LoginLimits | None = None,
) -> Dash:
    """The dashboard on the database at `db_url` (migrated; seeds ingested if asked and empty;
    with `finish_checks`, the series an interrupted run left are checked in the background).
    `deployment` defaults to the environment's settings (`Deployment.from_env`)."""
    deployment = deployment or Deployment.from_env(os.environ)
    engine = open_db(db_url)
    if ingest_seeds:
        ingest_seeds_if_empty(engine)
    context.set_engine(engine)
    if finish_checks:
        finish_interrupted_checks(engine)
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder=str(PAGES),
        external_stylesheets=[BOOTSTRAP_URL],
        suppress_callback_exceptions=True,
        title=TITLE,
        update_title=None,
        serve_locally=True,
    )
    server = app.server
    # Refuse an oversize upload before Flask reads it into memory (base64 adds a third).
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    init_security(server, deployment, max_upload_bytes=MAX_UPLOAD_BYTES)
    init_auth(server, session_secret(engine, dict(os.environ)), login_limits)
    server.register_blueprint(vendor)
    enable_compression(server)
    from dashboards.briefing import bp as briefing_bp
    from dashboards.exports import bp as exports_bp

    server.register_blueprint(exports_bp)
    server.register_blueprint(briefing_bp)
    app.layout = layout
    return app
