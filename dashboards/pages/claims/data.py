"""AG Grid's server-side requests (filterModel, sortModel, getRowsRequest) -> `db.claims` calls."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from db.claims import (
    CLAIM_COLUMNS,
    RANGE_OPS,
    TEXT_OPS,
    ClaimFilter,
    ColumnCondition,
    count_claims,
    page_claims,
)

NUMBER_COLUMNS = frozenset(
    {
        "claim_id",
        "value",
        "value_low",
        "value_high",
        "value_hkd",
        "char_start",
        "char_end",
        "mention_start",
        "mention_end",
        "document_id",
    }
)
DATE_COLUMNS = frozenset({"published_on", "as_of"})
TEXT_COLUMNS = frozenset(CLAIM_COLUMNS) - NUMBER_COLUMNS - DATE_COLUMNS
OPS = frozenset(TEXT_OPS + RANGE_OPS)
TEXT_ONLY_OPS = frozenset({"contains", "notContains", "startsWith", "endsWith"})
MAX_PAGE = 1000
COUNT_LIMIT = 10_000  # a filtered count stops here
UNKNOWN_COUNT = -1  # AG Grid's "last row not known yet"


def column_type(column: str) -> str:
    """'number', 'date' or 'text' — the AG Grid filter a claim column gets."""
    if column in NUMBER_COLUMNS:
        return "number"
    if column in DATE_COLUMNS:
        return "date"
    if column in TEXT_COLUMNS:
        return "text"
    raise ValueError(f"unknown column {column!r}")


def _number(value: Any, column: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{column}: not a number: {value!r}")
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{column}: not a number: {value!r}") from None


def _date(value: Any, column: str) -> date:
    """AG Grid sends 'YYYY-MM-DD hh:mm:ss'; a plain 'YYYY-MM-DD' is accepted too."""
    if not isinstance(value, str):
        raise ValueError(f"{column}: not a date: {value!r}")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"{column}: not a date: {value!r}") from None


def _one(column: str, model: dict[str, Any]) -> ColumnCondition:
    kind = column_type(column)
    op = model.get("type")
    if op not in OPS:
        raise ValueError(f"{column}: unknown filter type {op!r}")
    if op in ("blank", "notBlank"):
        return ColumnCondition(column, op)
    if kind == "text":
        value = model.get("filter")
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ValueError(f"{column}: text filter without text")
        if op not in TEXT_ONLY_OPS and op not in ("equals", "notEqual"):
            raise ValueError(f"{column}: {op} does not apply to text")
        return ColumnCondition(column, op, str(value))
    if op in TEXT_ONLY_OPS:
        raise ValueError(f"{column}: {op} does not apply to a {kind} column")
    if kind == "number":
        low = _number(model.get("filter"), column)
        high = _number(model.get("filterTo"), column) if op == "inRange" else None
        return ColumnCondition(column, op, low, high)
    low_d = _date(model.get("dateFrom"), column)
    high_d = _date(model.get("dateTo"), column) if op == "inRange" else None
    return ColumnCondition(column, op, low_d, high_d)


def conditions_from_filter_model(
    filter_model: dict[str, Any] | None,
) -> tuple[ColumnCondition, ...]:
    """AG Grid filterModel -> AND-ed conditions; ValueError for what cannot be expressed."""
    if not filter_model:
        return ()
    if not isinstance(filter_model, dict):
        raise ValueError("the filter must be an object of column -> filter")
    out: list[ColumnCondition] = []
    for column, model in filter_model.items():
        if not isinstance(model, dict):
            raise ValueError(f"{column}: the filter must be an object")
        if "conditions" in model or "operator" in model:
            if model.get("operator", "AND") != "AND":
                raise ValueError(f"{column}: only AND-combined conditions are supported")
            parts = model.get("conditions") or []
            if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
                raise ValueError(f"{column}: conditions must be a list of filters")
            out.extend(_one(column, p) for p in parts)
        else:
            out.append(_one(column, model))
    return tuple(out)


def sort_from_sort_model(sort_model: list[dict[str, Any]] | None) -> tuple[tuple[str, str], ...]:
    """AG Grid sortModel -> ((column, 'asc'|'desc'), ...); newest data first when unsorted."""
    if not sort_model:
        return (("as_of", "desc"), ("claim_id", "desc"))
    out = []
    for item in sort_model:
        column, direction = item.get("colId"), item.get("sort")
        column_type(str(column))
        if direction not in ("asc", "desc"):
            raise ValueError(f"{column}: sort must be asc or desc")
        out.append((str(column), direction))
    return tuple(out)


def claim_filter(filter_model: dict[str, Any] | None, **simple: Any) -> ClaimFilter:
    """The ClaimFilter for a grid filterModel plus simple fields (metric, entity, status, ...)."""
    return ClaimFilter(conditions=conditions_from_filter_model(filter_model), **simple)


def rows_response(engine: Engine, request: dict[str, Any] | None, **simple: Any) -> dict[str, Any]:
    """Answer an infinite-row-model getRowsRequest: {'rowData': [...], 'rowCount': n}."""
    request = request or {}
    start = max(int(request.get("startRow") or 0), 0)
    end = int(request.get("endRow") or start + 100)
    limit = min(max(end - start, 1), MAX_PAGE)
    filt = claim_filter(request.get("filterModel"), **simple)
    rows = page_claims(
        engine,
        filt,
        sort=sort_from_sort_model(request.get("sortModel")),
        offset=start,
        limit=limit,
    )
    for row in rows:
        for key, value in row.items():
            if isinstance(value, date):
                row[key] = value.isoformat()
    # A short block is the last one: its end is the count. Otherwise the unfiltered table is
    # one cheap count, and a filter is counted up to COUNT_LIMIT: past that the count stays
    # unknown (-1; the grid grows as it is scrolled), so no block counts a million matches.
    if len(rows) < limit:
        count = start + len(rows)
    elif filt == ClaimFilter():
        count = count_claims(engine)
    else:
        count = count_claims(engine, filt, at_most=COUNT_LIMIT + 1)
        count = count if count <= COUNT_LIMIT else UNKNOWN_COUNT
    return {"rowData": rows, "rowCount": count}


def count_text(response: dict[str, Any]) -> str:
    """The count line over the grid: exact, or a lower bound while the count is open."""
    count = response["rowCount"]
    return f"{count:,} claims" if count >= 0 else f"more than {COUNT_LIMIT:,} claims"
