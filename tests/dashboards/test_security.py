"""Writes only from the site itself, cookies that follow https, proxies, size, framing."""

from __future__ import annotations

import pytest
from flask import Flask, request, session

from dashboards.security import Deployment, init_security, refused_origin

HOST = "dash.example.org"


@pytest.mark.parametrize(
    ("method", "origin", "referer", "has_session", "refused"),
    [
        ("GET", "https://evil.example", None, True, False),
        ("POST", f"https://{HOST}", None, True, False),
        ("POST", None, f"https://{HOST}/conflicts", True, False),
        ("POST", "https://evil.example", None, True, True),
        ("POST", "https://evil.example", None, False, True),
        ("POST", "null", None, False, True),
        ("POST", None, "https://evil.example/x", True, True),
        ("POST", f"https://{HOST}.evil.example", None, True, True),
        ("POST", f"https://{HOST.upper()}", None, True, False),
        ("POST", None, None, True, True),  # a reviewer's write must say where it comes from
        ("POST", None, None, False, False),  # nobody's: it can change nothing
        ("DELETE", "https://evil.example", None, False, True),
    ],
)
def test_refused_origin(method, origin, referer, has_session, refused) -> None:
    problem = refused_origin(method, origin, referer, HOST, has_session)
    assert (problem is not None) == refused
    if problem:
        assert problem.startswith("refused: ") and "\n" not in problem


def test_an_origin_with_control_characters_is_shown_escaped() -> None:
    problem = refused_origin("POST", "https://evil\x1b[2J.example", None, HOST, False)
    assert problem and "\x1b" not in problem and "\\x1b[2J" in problem


def server_for(deployment: Deployment, max_upload: int = 1024) -> Flask:
    server = Flask(__name__)
    server.secret_key = "test"
    init_security(server, deployment, max_upload_bytes=max_upload)

    @server.post("/login")
    def login():
        session["reviewer"] = "mei"
        return "ok"

    @server.post("/upload")
    def upload():
        return str(len(request.get_data()))

    @server.get("/whoami")
    def whoami():
        return f"{request.remote_addr} {request.scheme} {request.host}"

    return server


def cookie_of(server: Flask, **kwargs) -> str:
    return server.test_client().post("/login", **kwargs).headers["Set-Cookie"]


def test_cookie_is_secure_over_https_only_by_default() -> None:
    server = server_for(Deployment())
    assert "Secure" not in cookie_of(server)
    assert "Secure" in cookie_of(server, base_url="https://localhost")


@pytest.mark.parametrize(("setting", "secure"), [(True, True), (False, False)])
def test_cookie_secure_setting_wins(setting: bool, secure: bool) -> None:
    server = server_for(Deployment(cookie_secure=setting))
    assert ("Secure" in cookie_of(server)) == secure
    assert ("Secure" in cookie_of(server, base_url="https://localhost")) == secure


def test_without_the_proxy_switch_forwarded_headers_are_ignored() -> None:
    server = server_for(Deployment())
    headers = {"X-Forwarded-For": "198.51.100.4", "X-Forwarded-Proto": "https"}
    assert server.test_client().get("/whoami", headers=headers).text == ("127.0.0.1 http localhost")
    assert "Secure" not in cookie_of(server, headers=headers)


def test_the_proxy_switch_believes_a_local_proxy() -> None:
    server = server_for(Deployment(proxy_hops=1))
    headers = {
        "X-Forwarded-For": "198.51.100.4",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": HOST,
    }
    assert server.test_client().get("/whoami", headers=headers).text == (
        f"198.51.100.4 https {HOST}"
    )
    # the cookie follows the proxy's https, and the browser's Origin matches the public host
    cookie = cookie_of(server, headers={**headers, "Origin": f"https://{HOST}"})
    assert "Secure" in cookie


def test_the_proxy_switch_ignores_peers_it_does_not_trust() -> None:
    server = server_for(Deployment(proxy_hops=1, proxy_peers=("10.0.0.0/8",)))
    headers = {"X-Forwarded-For": "198.51.100.4", "X-Forwarded-Proto": "https"}
    direct = server.test_client().get(
        "/whoami", headers=headers, environ_base={"REMOTE_ADDR": "203.0.113.9"}
    )
    assert direct.text == "203.0.113.9 http localhost"
    proxied = server.test_client().get(
        "/whoami", headers=headers, environ_base={"REMOTE_ADDR": "10.1.2.3"}
    )
    assert proxied.text == "198.51.100.4 https localhost"


def test_an_oversized_request_gets_one_line_of_text() -> None:
    server = server_for(Deployment(), max_upload=1024 * 1024)
    server.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    r = server.test_client().post("/upload", data=b"x" * (3 * 1024 * 1024))
    assert r.status_code == 413
    assert r.mimetype == "text/plain"
    assert r.text == "Too large: uploads are limited to 1 MB.\n"


def test_pages_may_not_be_framed() -> None:
    r = server_for(Deployment()).test_client().get("/whoami")
    assert r.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, Deployment()),
        ({"SESSION_COOKIE_SECURE": "1"}, Deployment(cookie_secure=True, url_scheme="https")),
        ({"SESSION_COOKIE_SECURE": "off"}, Deployment(cookie_secure=False)),
        ({"PROXY_HOPS": "2"}, Deployment(proxy_hops=2, url_scheme="https")),
        ({"PREFERRED_URL_SCHEME": "HTTPS"}, Deployment(url_scheme="https")),
        (
            {"PROXY_HOPS": "1", "FORWARDED_ALLOW_IPS": "10.0.0.5, 172.16.0.0/12"},
            Deployment(proxy_hops=1, url_scheme="https", proxy_peers=("10.0.0.5", "172.16.0.0/12")),
        ),
    ],
)
def test_deployment_from_env(env: dict, expected: Deployment) -> None:
    assert Deployment.from_env(env) == expected


def test_the_command_line_proxy_count_wins_over_the_environment() -> None:
    assert Deployment.from_env({"PROXY_HOPS": "3"}, proxy_hops=1).proxy_hops == 1


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SESSION_COOKIE_SECURE": "maybe"}, "SESSION_COOKIE_SECURE must be auto, 1 or 0"),
        ({"PROXY_HOPS": "-1"}, "PROXY_HOPS must be a whole number"),
        ({"PREFERRED_URL_SCHEME": "ftp"}, "PREFERRED_URL_SCHEME must be http or https"),
        ({"FORWARDED_ALLOW_IPS": "proxy.local"}, "not an address or network: proxy.local"),
    ],
)
def test_deployment_settings_that_mean_nothing_are_refused(env: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Deployment.from_env(env)
