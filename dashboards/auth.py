"""Reviewer login: Flask session, POST /login (throttled) and /logout, the server-side write check.

Where a request may come from is checked for every write in `dashboards.security`.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Flask, current_app, has_request_context, redirect, request, session
from werkzeug.wrappers import Response

from dashboards import context
from dashboards.login_limits import LoginLimits, attempt_login
from db.settings import get_or_create_setting
from db.users import is_active_user

SESSION_KEY = "reviewer"
SECRET_SETTING = "session_secret"
LIMITS_CONFIG = "LOGIN_LIMITS"

bp = Blueprint("auth", __name__)


def session_secret(engine, env: dict[str, str]) -> str:
    """SECRET_KEY from the environment, else one generated on first run and kept in settings."""
    return env.get("SECRET_KEY") or get_or_create_setting(
        engine, SECRET_SETTING, lambda: secrets.token_hex(32)
    )


def current_reviewer() -> str | None:
    """The logged-in reviewer, if the session names one who still exists and is active."""
    name = session.get(SESSION_KEY)
    if not isinstance(name, str) or not name:
        return None
    return name if is_active_user(context.engine(), name) else None


def page_reviewer() -> str | None:
    """The logged-in reviewer while a page is drawn for a request; None outside one (Dash also
    draws layouts at start-up, with no session to read)."""
    return current_reviewer() if has_request_context() else None


def require_reviewer() -> str:
    """The logged-in reviewer; PermissionError when nobody (valid) is logged in."""
    name = current_reviewer()
    if name is None:
        raise PermissionError("log in as a reviewer to do this")
    return name


def safe_next(target: str | None) -> str:
    """A local path to return to after login; anything else becomes '/'."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target:
        return "/"
    return target


@bp.post("/login")
def login() -> Response:
    username = (request.form.get("username") or "").strip()
    password = request.form.get("password") or ""
    nxt = safe_next(request.form.get("next"))
    if not username:
        return redirect("/login?" + urlencode({"error": 1, "next": nxt}), code=303)
    limits = current_app.config[LIMITS_CONFIG]
    outcome = attempt_login(context.engine(), username, password, request.remote_addr, limits)
    if not outcome.ok:
        query = {"error": 1 if outcome.error == "wrong" else outcome.error, "next": nxt}
        if outcome.retry_after_s:
            query["wait"] = outcome.retry_after_s
        response = redirect("/login?" + urlencode(query), code=303)
        if outcome.retry_after_s:
            response.headers["Retry-After"] = str(outcome.retry_after_s)
        return response
    session.clear()
    session[SESSION_KEY] = username
    session.permanent = True
    return redirect(nxt, code=303)


@bp.post("/logout")
def logout() -> Response:
    session.clear()
    return redirect(safe_next(request.form.get("next")), code=303)


def init_auth(server: Flask, secret_key: str, limits: LoginLimits | None = None) -> None:
    """Session settings (signed cookie, HttpOnly, SameSite=Lax), login limits, the routes."""
    server.secret_key = secret_key
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=60 * 60 * 12,
    )
    server.config[LIMITS_CONFIG] = limits or LoginLimits()
    server.register_blueprint(bp)
