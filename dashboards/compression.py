"""Compressed responses (flask-compress): scripts, styles and callback answers.

Dash's scripts are large (plotly.min.js alone is 4.8 MB) and served under versioned names, so
each is compressed once and kept; callback answers are compressed afresh every time. CSV
exports stream and stay as they are (a spreadsheet download should start at once).
"""

from __future__ import annotations

from flask import Flask, request
from flask_compress import Compress

# Paths whose answer is the same for every visitor until the server restarts.
CACHEABLE = ("/_dash-component-suites/", "/vendor/", "/assets/")


class AssetCache:
    """flask-compress's cache: keeps the compressed bytes of static files only."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._store.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.split(";", 1)[1]:  # an empty key: not a static file
            self._store[key] = value


def cache_key(req=None) -> str:
    req = req or request
    if req.method == "GET" and req.path.startswith(CACHEABLE):
        return req.full_path
    return ""


def enable_compression(server: Flask) -> None:
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_BR_LEVEL=5,
        COMPRESS_STREAMS=False,
        COMPRESS_CACHE_BACKEND=AssetCache,
        COMPRESS_CACHE_KEY=cache_key,
    )
    Compress(server)
