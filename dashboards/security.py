"""How the server protects itself: origin checks on writes, cookies, proxies, size, framing.

- Every request that can change something (POST and the like: Dash callbacks, login, logout)
  must come from a page of this site: its `Origin` (else its `Referer`) names this host. A
  request with neither is let through only without a session cookie (it acts as nobody).
- The session cookie is `Secure` when the request came over https (`SESSION_COOKIE_SECURE`
  forces it on or off). Behind a reverse proxy, `PROXY_HOPS` (`python app.py --proxy N`)
  applies Werkzeug's `ProxyFix`, believing `X-Forwarded-For/-Proto/-Host/-Port` only from the
  peers in `FORWARDED_ALLOW_IPS`.
- A request larger than the upload limit gets one line of text, not Flask's HTML page.
- No page may be framed by another site (clickjacking a review button).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from db.oneline import shown

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
LOCAL_PEERS = ("127.0.0.1", "::1")
PROXY_HINT = "behind a reverse proxy, see 'Running behind a reverse proxy' in the README"
_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Deployment:
    """Settings that depend on how the app is served (all from the environment by default)."""

    cookie_secure: bool | None = None  # None: Secure when the request came over https
    url_scheme: str = "http"  # PREFERRED_URL_SCHEME, for URLs built outside a request
    proxy_hops: int = 0  # reverse proxies in front that set X-Forwarded-*; 0 ignores them
    proxy_peers: tuple[str, ...] = LOCAL_PEERS  # whose X-Forwarded-* headers are believed

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, proxy_hops: int | None = None) -> Deployment:
        """SESSION_COOKIE_SECURE, PREFERRED_URL_SCHEME, PROXY_HOPS and FORWARDED_ALLOW_IPS;
        ValueError (one line) for a value that means nothing."""
        secure = _switch(env.get("SESSION_COOKIE_SECURE", ""), "SESSION_COOKIE_SECURE")
        hops = _count(env.get("PROXY_HOPS", "") if proxy_hops is None else str(proxy_hops))
        scheme = (env.get("PREFERRED_URL_SCHEME") or "").strip().lower()
        if not scheme:
            scheme = "https" if secure or (secure is None and hops) else "http"
        if scheme not in ("http", "https"):
            raise ValueError(f"PREFERRED_URL_SCHEME must be http or https, not {shown(scheme)}")
        peers = tuple(p.strip() for p in env.get("FORWARDED_ALLOW_IPS", "").split(",") if p.strip())
        for peer in peers:
            _network(peer)
        return cls(secure, scheme, hops, peers or LOCAL_PEERS)


def _switch(value: str, name: str) -> bool | None:
    value = value.strip().lower()
    if value in ("", "auto"):
        return None
    if value in _ON:
        return True
    if value in _OFF:
        return False
    raise ValueError(f"{name} must be auto, 1 or 0, not {shown(value)}")


def _count(value: str) -> int:
    value = value.strip() or "0"
    if not value.isdigit():
        raise ValueError(f"PROXY_HOPS must be a whole number of proxies, not {shown(value)}")
    return int(value)


def _network(peer: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """The addresses `peer` names ('*' is everyone: None); ValueError when it names none."""
    if peer == "*":
        return None
    try:
        return ipaddress.ip_network(peer, strict=False)
    except ValueError:
        raise ValueError(f"FORWARDED_ALLOW_IPS: not an address or network: {shown(peer)}") from None


class TrustedProxyFix:
    """Werkzeug's ProxyFix, applied only to requests that come from a trusted proxy."""

    def __init__(self, app, hops: int, peers: tuple[str, ...]) -> None:
        self.app = app
        self.fixed = ProxyFix(app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
        networks = [_network(p) for p in peers]
        self.anyone = None in networks
        self.networks = [n for n in networks if n is not None]

    def trusts(self, peer: str) -> bool:
        if self.anyone:
            return True
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in network for network in self.networks)

    def __call__(self, environ, start_response):
        trusted = self.trusts(environ.get("REMOTE_ADDR", ""))
        return (self.fixed if trusted else self.app)(environ, start_response)


class ProxyAwareSessions(SecureCookieSessionInterface):
    """The session cookie is `Secure` as configured, or (None) when the request is https."""

    def get_cookie_secure(self, app: Flask) -> bool:
        setting = app.config.get("SESSION_COOKIE_SECURE")
        return request.is_secure if setting is None else bool(setting)


def refused_origin(
    method: str, origin: str | None, referer: str | None, host: str, has_session: bool
) -> str | None:
    """Why a request must be refused as coming from another site, or None when it may go on."""
    if method.upper() in SAFE_METHODS:
        return None
    source = origin or referer
    if not source:
        if has_session:
            return "refused: a reviewer's request must say where it comes from (Origin)"
        return None
    if source == "null":
        return "refused: the request comes from an opaque origin (Origin: null)"
    if _netloc(source) != host.lower():
        return (
            f"refused: the request comes from {shown(source)}, not from this site "
            f"({shown(host)}); {PROXY_HINT}"
        )
    return None


def _netloc(url: str) -> str | None:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:  # e.g. an unbalanced "[" of an IPv6 host
        return None


def _plain(message: str, status: int) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def init_security(server: Flask, deployment: Deployment, *, max_upload_bytes: int) -> None:
    """Install the checks in the module docstring on a Flask server."""
    server.session_interface = ProxyAwareSessions()
    server.config.update(
        SESSION_COOKIE_SECURE=deployment.cookie_secure,
        PREFERRED_URL_SCHEME=deployment.url_scheme,
    )
    if deployment.proxy_hops:
        server.wsgi_app = TrustedProxyFix(
            server.wsgi_app, deployment.proxy_hops, deployment.proxy_peers
        )

    @server.before_request
    def same_site_writes_only() -> Response | None:
        has_session = server.config["SESSION_COOKIE_NAME"] in request.cookies
        problem = refused_origin(
            request.method,
            request.headers.get("Origin"),
            request.headers.get("Referer"),
            request.host,
            has_session,
        )
        if problem is None:
            return None
        server.logger.warning("%s %s %s", request.method, shown(request.path), problem)
        return _plain(problem, 403)

    @server.after_request
    def no_framing(response: Response) -> Response:
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    megabytes = max_upload_bytes // (1024 * 1024)

    @server.errorhandler(413)
    def too_large(_error) -> Response:
        return _plain(f"Too large: uploads are limited to {megabytes} MB.", 413)
