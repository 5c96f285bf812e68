"""Login, logout, the session secret and the server-side reviewer check, through Flask."""

from __future__ import annotations

import pytest
from flask import Flask

from dashboards import context
from dashboards.auth import (
    SESSION_KEY,
    current_reviewer,
    init_auth,
    page_reviewer,
    require_reviewer,
    safe_next,
    session_secret,
)
from dashboards.login_limits import LoginLimits
from dashboards.security import Deployment, init_security
from db.users import add_user, set_active

LIMITS = LoginLimits(per_account=3, per_address=5)


def make_server(secret: str = "test-secret") -> Flask:
    server = Flask(__name__)
    init_security(server, Deployment(), max_upload_bytes=1024 * 1024)
    init_auth(server, secret, LIMITS)
    return server


def same_site(server: Flask):
    """A test client that says, as a browser would, that its posts come from the site itself."""
    client = server.test_client()
    client.environ_base["HTTP_ORIGIN"] = "http://localhost"
    return client


@pytest.fixture
def app(engine):
    context.set_engine(engine)
    add_user(engine, "mei", "right pw")
    server = make_server()

    @server.get("/whoami")
    def whoami():
        return current_reviewer() or "-"

    @server.get("/page-reviewer")
    def page_whoami():
        return page_reviewer() or "-"

    @server.post("/write")
    def write():
        try:
            return "done by " + require_reviewer()
        except PermissionError as e:
            return str(e), 403

    return server


def test_login_sets_session_and_logout_clears(app):
    c = same_site(app)
    assert c.get("/whoami").text == "-"
    r = c.post("/login", data={"username": "mei", "password": "right pw", "next": "/claims"})
    assert r.status_code == 303 and r.headers["Location"] == "/claims"
    assert c.get("/whoami").text == "mei"
    assert c.post("/write").text == "done by mei"
    c.post("/logout")
    assert c.get("/whoami").text == "-"


def test_a_page_drawn_for_a_request_knows_its_reviewer_and_one_drawn_outside_none(app):
    c = same_site(app)
    c.post("/login", data={"username": "mei", "password": "right pw"})
    assert c.get("/page-reviewer").text == "mei"
    with app.app_context():  # no request: as when Dash draws a layout at start-up
        assert page_reviewer() is None


def test_wrong_password_redirects_back_with_error(app):
    c = app.test_client()
    r = c.post("/login", data={"username": "mei", "password": "wrong"})
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?error=1")
    assert c.get("/whoami").text == "-"


def test_anonymous_write_refused(app):
    r = app.test_client().post("/write")
    assert r.status_code == 403 and "log in" in r.text


def test_disabled_user_loses_access_at_once(app, engine):
    c = same_site(app)
    c.post("/login", data={"username": "mei", "password": "right pw"})
    set_active(engine, "mei", False)
    assert c.get("/whoami").text == "-"
    assert c.post("/write").status_code == 403


def test_forged_session_cookie_is_ignored(app):
    other = make_server("a different secret")
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
    assert r.text.startswith("refused: the request comes from https://evil.example")


def test_cross_site_logout_refused_and_the_session_kept(app):
    c = same_site(app)
    c.post("/login", data={"username": "mei", "password": "right pw"})
    r = c.post("/logout", headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert c.get("/whoami").text == "mei"
    assert c.post("/logout").status_code == 303
    assert c.get("/whoami").text == "-"


def _log_in(c, password: str, address: str = "203.0.113.7", user: str = "mei"):
    return c.post(
        "/login",
        data={"username": user, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_wrong_passwords_lock_the_account_even_for_the_right_one(app):
    c = app.test_client()
    for _ in range(LIMITS.per_account):
        assert "error=1" in _log_in(c, "guess").headers["Location"]
    r = _log_in(c, "right pw")
    assert r.status_code == 303
    assert r.headers["Location"].startswith("/login?error=throttled")
    assert 0 < int(r.headers["Retry-After"]) <= LIMITS.window.total_seconds()
    assert c.get("/whoami").text == "-"
    # from another address too: the account itself is locked
    assert "error=throttled" in _log_in(c, "right pw", "198.51.100.9").headers["Location"]


def test_one_address_cannot_guess_across_accounts(app, engine):
    add_user(engine, "ana", "ana pw")
    c = app.test_client()
    names = ["mei", "ana", "ghost1", "ghost2", "ghost3"]
    for name in names:
        assert "error=1" in _log_in(c, "guess", user=name).headers["Location"]
    assert "error=throttled" in _log_in(c, "ana pw", user="ana").headers["Location"]
    assert _log_in(c, "ana pw", "198.51.100.9", user="ana").headers["Location"] == "/"


def test_a_right_password_under_the_limit_clears_the_account(app):
    c = same_site(app)
    for _ in range(LIMITS.per_account - 1):
        _log_in(c, "guess")
    assert _log_in(c, "right pw").headers["Location"] == "/"
    c.post("/logout")
    for _ in range(LIMITS.per_account - 1):
        _log_in(c, "guess")
    assert _log_in(c, "right pw").headers["Location"] == "/"


def test_forwarded_for_is_ignored_without_the_proxy_switch(app):
    c = app.test_client()
    for i in range(LIMITS.per_address):
        c.post(
            "/login",
            data={"username": f"ghost{i}", "password": "x"},
            headers={"X-Forwarded-For": f"192.0.2.{i}"},
        )
    r = c.post(
        "/login",
        data={"username": "mei", "password": "right pw"},
        headers={"X-Forwarded-For": "192.0.2.200"},
    )
    assert "error=throttled" in r.headers["Location"]


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
