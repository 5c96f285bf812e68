"""CSV at URLs: /export/<kind>.csv streamed with flat memory; a .zip adds a README of sources."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from itertools import chain
from typing import Any

from flask import Blueprint, Response, request, stream_with_context
from sqlalchemy import Engine
from werkzeug.datastructures import MultiDict

from dashboards import context
from dashboards.pages.claims.data import (
    PLAIN_COLUMNS,
    conditions_from_filter_model,
    plain_rows,
    sort_from_sort_model,
)
from db.claims import ClaimFilter, claim_documents
from db.claims_csv import iter_claim_csv
from db.csvout import iter_csv
from etl.exports import exporter

KINDS = ("claims", "series", "conflicts", "documents")
STATUSES = {
    "claims": ("auto", "accepted", "rejected", "corrected", "candidate"),
    "series": ("auto", "accepted", "rejected"),
    "conflicts": ("open", "resolved"),
    "documents": (),
}
PARAMS = frozenset(
    {"metric", "entity", "from", "to", "status", "document", "flag", "filter", "bundle", "sort",
     "headings"}
)  # fmt: skip
MAX_FILTER_CHARS = 20_000
EXPORT_BATCH = 5000  # rows per streamed chunk

bp = Blueprint("exports", __name__)


def _date_param(args: Mapping[str, str], name: str) -> date | None:
    text = (args.get(name) or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name}: not a YYYY-MM-DD date: {text!r}") from None


def filter_from_args(kind: str, args: MultiDict | Mapping[str, str]) -> ClaimFilter:
    """The filter the query string asks for; ValueError (one line) for anything malformed."""
    unknown = sorted(set(args) - PARAMS)
    if unknown:
        raise ValueError(f"unknown parameter(s): {', '.join(unknown)}")
    status = (args.get("status") or "").strip() or None
    if status is not None and status not in STATUSES[kind]:
        allowed = "|".join(STATUSES[kind]) or "none"
        raise ValueError(f"status: {status!r} is not one of {allowed}")
    conditions = ()
    raw = (args.get("filter") or "").strip()
    if raw:
        if kind != "claims":
            raise ValueError("filter: only the claims export takes a grid filter")
        if len(raw) > MAX_FILTER_CHARS:
            raise ValueError("filter: too long")
        try:
            model = json.loads(raw)
        except json.JSONDecodeError:
            raise ValueError("filter: not valid JSON") from None
        conditions = conditions_from_filter_model(model)
    date_from, date_to = _date_param(args, "from"), _date_param(args, "to")
    if date_from and date_to and date_from > date_to:
        raise ValueError("from is after to")
    return ClaimFilter(
        metric=(args.get("metric") or "").strip() or None,
        entity=(args.get("entity") or "").strip() or None,
        date_from=date_from,
        date_to=date_to,
        status=status,
        document=(args.get("document") or "").strip() or None,
        flag=(args.get("flag") or "").strip() or None,
        conditions=conditions,
    )


def sort_from_args(kind: str, args: MultiDict | Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The grid's sort (`sort`, AG Grid's sortModel as JSON) for a claims export; () for none."""
    raw = (args.get("sort") or "").strip()
    if not raw:
        return ()
    if kind != "claims":
        raise ValueError("sort: only the claims export takes the grid's sort")
    if len(raw) > MAX_FILTER_CHARS:
        raise ValueError("sort: too long")
    try:
        model = json.loads(raw)
    except json.JSONDecodeError:
        raise ValueError("sort: not valid JSON") from None
    if not isinstance(model, list) or not all(isinstance(m, dict) for m in model):
        raise ValueError("sort: a list of {colId, sort}")
    return sort_from_sort_model(model) if model else ()


def plain_headings(kind: str, args: MultiDict | Mapping[str, str]) -> bool:
    """`headings=plain`: the claims under the grid's headings, in words (page only)."""
    value = (args.get("headings") or "").strip()
    if value not in ("", "plain"):
        raise ValueError(f"headings: {value!r} is not 'plain'")
    if value and kind != "claims":
        raise ValueError("headings: only the claims export has plain headings")
    return bool(value)


def csv_chunks(
    engine: Engine,
    kind: str,
    filt: ClaimFilter,
    on_rows: Callable[[int], None] | None = None,
    *,
    sort: tuple[tuple[str, str], ...] = (),
    plain: bool = False,
) -> Iterator[str]:
    """The CSV of one export kind; claims stream their lines as stored at ingest."""
    if kind == "claims" and plain:
        rows = plain_rows(engine, filt, sort)
        header = [h for h, _ in PLAIN_COLUMNS]
        return iter_csv(header, rows if on_rows is None else _counted(rows, on_rows))
    if kind == "claims":
        return iter_claim_csv(engine, filt, batch=EXPORT_BATCH, on_rows=on_rows, sort=sort)
    header, rows = exporter(kind)
    if on_rows is None:
        return iter_csv(header, rows(engine, filt))
    return iter_csv(header, _counted(rows(engine, filt), on_rows))


def _counted(rows: Iterable[dict[str, Any]], on_rows: Callable[[int], None]):
    for row in rows:
        on_rows(1)
        yield row


def bad_request(message: str) -> Response:
    return Response(message.splitlines()[0] + "\n", status=400, mimetype="text/plain")


def _started(chunks: Iterator[str]) -> Iterator[str]:
    """Run the query up to its first chunk now, so a bad filter is a 400, not a cut-off file."""
    first = next(chunks)
    return chain([first], chunks)


class _Sink:
    """A write-only stream that hands its bytes over in pieces (zipfile streams into it)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def source_documents(engine: Engine, names: set[str] | None) -> list[Any]:
    """Documents to cite: those named, or every document when `names` is None."""
    from db.documents import list_documents

    docs = list_documents(engine)
    return docs if names is None else [d for d in docs if d.file_name in names]


def readme_text(kind: str, filt: ClaimFilter, rows: int, documents: Iterable[Any]) -> str:
    """The README.txt of a bundle: what the CSV holds and the documents it comes from."""
    given = {
        "metric": filt.metric,
        "entity": filt.entity,
        "from": filt.date_from,
        "to": filt.date_to,
        "status": filt.status,
        "document": filt.document,
        "flag": filt.flag,
    }
    lines = [
        f"Cyberport Metrics Timeline - {kind} export",
        f"Generated: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"File: {kind}.csv ({rows} rows)",
        "Filters: " + (", ".join(f"{k}={v}" for k, v in given.items() if v) or "none"),
    ]
    if filt.conditions:
        lines.append(
            "Column filters: "
            + "; ".join(
                f"{c.column} {c.op} {c.value}" + (f"..{c.value_to}" if c.value_to else "")
                for c in filt.conditions
            )
        )
    lines += ["", "Sources (file | title | publisher | date | url):"]
    n = 0
    for d in documents:
        n += 1
        fields = (
            d.file_name,
            d.title or "",
            d.publisher or "",
            d.published_on.isoformat() if d.published_on else "unknown date",
            d.url or "",
        )
        lines.append(f"- {' | '.join(fields)}")
    if not n:
        lines.append("- (none)")
    lines += [
        "",
        "Each claim row quotes its source sentence (quote) and its character span",
        "(char_start, char_end) in the stored document text.",
    ]
    return "\n".join(lines) + "\n"


def iter_bundle(
    engine: Engine,
    kind: str,
    filt: ClaimFilter,
    sort: tuple[tuple[str, str], ...] = (),
    plain: bool = False,
) -> Iterator[bytes]:
    """A zip (kind.csv + README.txt) produced piece by piece with bounded memory."""
    count = 0

    def tally(n: int) -> None:
        nonlocal count
        count += n

    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open(f"{kind}.csv", "w", force_zip64=True) as f:
            for chunk in csv_chunks(engine, kind, filt, on_rows=tally, sort=sort, plain=plain):
                f.write(chunk.encode("utf-8"))
                yield sink.take()
        names: set[str] | None = None  # documents: every one
        if kind != "documents":
            # Series and conflicts come from the claims of the same metric, entity and dates.
            if kind != "claims":
                filt = ClaimFilter(
                    metric=filt.metric,
                    entity=filt.entity,
                    date_from=filt.date_from,
                    date_to=filt.date_to,
                )
            names = claim_documents(engine, filt)
        zf.writestr("README.txt", readme_text(kind, filt, count, source_documents(engine, names)))
    yield sink.take()


def _download_name(kind: str, filt: ClaimFilter, ext: str) -> str:
    parts = [kind, *(p for p in (filt.metric, filt.status) if p)]
    safe = "-".join("".join(ch for ch in p if ch.isalnum() or ch in "_-") for p in parts)
    return f"{safe}.{ext}"


def export_response(kind: str, args: MultiDict | Mapping[str, str], bundle: bool) -> Response:
    if kind not in KINDS:
        return bad_request(f"unknown export {kind!r}; one of: {', '.join(KINDS)}")
    try:
        filt = filter_from_args(kind, args)
        sort, plain = sort_from_args(kind, args), plain_headings(kind, args)
        engine = context.engine()
        if bundle:
            body: Iterator[Any] = _started(iter_bundle(engine, kind, filt, sort, plain))
            mimetype = "application/zip"
        else:
            body = _started(csv_chunks(engine, kind, filt, sort=sort, plain=plain))
            mimetype = "text/csv"
    except ValueError as e:
        return bad_request(f"bad parameter: {e}")
    resp = Response(stream_with_context(body), mimetype=mimetype)
    if mimetype == "text/csv":
        resp.headers["Content-Type"] = "text/csv; charset=utf-8"
    name = _download_name(kind, filt, "zip" if bundle else "csv")
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.get("/export/<kind>.csv")
def export_csv(kind: str) -> Response:
    return export_response(kind, request.args, bundle=request.args.get("bundle") in ("1", "true"))


@bp.get("/export/<kind>.zip")
def export_zip(kind: str) -> Response:
    return export_response(kind, request.args, bundle=True)
