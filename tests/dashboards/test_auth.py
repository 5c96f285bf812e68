"""Login, logout, the session secret and the server-side reviewer check, through Flask."""

from __future__ import annotations

import pytest
from flask import Flask

from dashboards import context
from dashboards.auth import (
    SESSION_KEY,
    current_reviewer,
    init_auth,
    require_reviewer,
    safe_next,
    session_secret,
)
from db.users import add_user, set_active


@pytest.fixture
def app(engine):
    context.set_engine(engine)
    add_user(engine, "mei", "right pw")
    server = Flask(__name__)
    init_auth(server, "test-secret")

    @server.get("/whoami")
    def whoami():
        return current_reviewer() or "-"

    @server.post("/write")
    def write():
        try:
            return "done by " + require_reviewer()
        except PermissionError as e:
            return str(e), 403

    return server


def test_login_sets_session_and_logout_clears(app):
    c = app.test_client()
    assert c.get("/whoami").text == "-"
    r = c.post("/login", data={"username": "mei", "password": "right pw", "next": "/claims"})
    assert r.status_code == 303 and r.headers["Location"] == "/claims"
    assert c.get("/whoami").text == "mei"
    assert c.post("/write").text == "done by mei"
    c.post("/logout")
    assert c.get("/whoami").text == "-"


def test_wrong_password_redirects_back_with_error(app):
    c = app.test_client()
    r = c.post("/login", data={"username": "mei", "password": "wrong"})
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?error=1")
    assert c.get("/whoami").text == "-"


def test_anonymous_write_refused(app):
    r = app.test_client().post("/write")
    assert r.status_code == 403 and "log in" in r.text


def test_disabled_user_loses_access_at_once(app, engine):
    c = app.test_client()
    c.post("/login", data={"username": "mei", "password": "right pw"})
    set_active(engine, "mei", False)
    assert c.get("/whoami").text == "-"
    assert c.post("/write").status_code == 403


def test_forged_session_cookie_is_ignored(app):
    other = Flask("other")
    init_auth(other, "a different secret")
    c_other = other.test_client()
    with c_other.session_transaction() as s:
        s[SESSION_KEY] = "mei"
    cookie = c_other.get_cookie("session")
    c = app.test_client()
    c.set_cookie("session", cookie.value)
    assert c.get("/whoami").text == "-"


def test_cross_site_login_refused(app):
    r = app.test_client().post(
        "/login",
        data={"username": "mei", "password": "right pw"},
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403


def test_session_cookie_flags(app):
    r = app.test_client().post("/login", data={"username": "mei", "password": "right pw"})
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/claims", "/claims"),
        ("/sources/3?x=1", "/sources/3?x=1"),
        (None, "/"),
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_session_secret_from_env_else_generated_once(engine):
    assert session_secret(engine, {"SECRET_KEY": "from-env"}) == "from-env"
    first = session_secret(engine, {})
    assert len(first) == 64
    assert session_secret(engine, {}) == first
