"""Serve the dashboard: `python app.py [--host H] [--port P] [--db URL]`, or `gunicorn app:server`.

`python app.py` migrates the database, ingests seeds/ when no document is stored yet, and serves
on 127.0.0.1:8050 (HOST, PORT and DATABASE_URL are read from the environment too).

Under gunicorn the app is created when gunicorn first reads `app.server`, on DATABASE_URL: the
database is migrated and seeds/ ingested only if it holds no document at all (INGEST_SEEDS=0
turns that off).
With several workers, add `--preload` so this happens once, in the master, before forking.
Behind a reverse proxy, set PROXY_HOPS (the `--proxy` of `python app.py`); see the README.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from dashboards.app import create_app
from dashboards.security import Deployment


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Cyberport Metrics Timeline dashboard")
    parser.add_argument(
        "--host",
        default=os.environ.get("HOST", "127.0.0.1"),
        help="interface to listen on (default: $HOST, else 127.0.0.1)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", "8050")),
        help="port (default: $PORT, else 8050)",
    )
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: $DATABASE_URL, else data/cyberport.db)"
    )
    parser.add_argument(
        "--proxy",
        type=int,
        nargs="?",
        const=1,
        metavar="N",
        help="served behind N reverse proxies (default 1 with --proxy alone, else $PROXY_HOPS, "
        "else 0): believe their X-Forwarded-For/-Proto/-Host/-Port headers when they come "
        "from $FORWARDED_ALLOW_IPS (default 127.0.0.1,::1)",
    )
    parser.add_argument("--no-seeds", action="store_true", help="do not ingest seeds/")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (development only)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        deployment = Deployment.from_env(os.environ, proxy_hops=args.proxy)
    except ValueError as e:
        parser.error(str(e))
    app = create_app(args.db, ingest_seeds=not args.no_seeds, warm_up=True, deployment=deployment)
    print(f"Serving on http://{args.host}:{args.port}/", file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


_server = None


def __getattr__(name: str):
    """`gunicorn app:server`: the Flask server, built on first access, on DATABASE_URL."""
    global _server
    if name != "server":
        raise AttributeError(name)
    if _server is None:
        seeds = os.environ.get("INGEST_SEEDS", "1") != "0"
        _server = create_app(ingest_seeds=seeds, warm_up=True).server
    return _server


if __name__ == "__main__":
    sys.exit(main())
