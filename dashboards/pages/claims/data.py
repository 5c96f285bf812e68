"""AG Grid's server-side requests (filterModel, sortModel, getRowsRequest) -> `db.claims` calls."""

from __future__ import annotations

from collections.abc import Iterator
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
    iter_claims,
    page_claims,
)
from etl.report.words import (
    STATUS_WORDS,
    figure_text,
    metric_labels,
    period_text,
    row_document_name,
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
# The grid shows the document's title too (a column of the documents table).
TEXT_COLUMNS = frozenset((*CLAIM_COLUMNS, "title")) - NUMBER_COLUMNS - DATE_COLUMNS
ROW_COLUMNS = (*CLAIM_COLUMNS, "title", "publisher", "kind")
FLAG_WORDS = {"garbled": "garbled in the source", "implausible": "impossible",
              "conflict": "in an open conflict"}  # fmt: skip
FLOWS = {"all": None, "totals": "blank", "flows": "notBlank"}  # the Period column's filter
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


def _words_of(column: str) -> dict[str, str] | None:
    """Key -> the words the grid shows, for columns that show words for keys."""
    if column == "metric":
        return metric_labels()
    if column == "status":
        return dict(STATUS_WORDS)
    return None


def _matches(op: str, text: str, candidate: str) -> bool:
    t, c = text.lower(), candidate.lower()
    return {
        "contains": t in c,
        "equals": t == c,
        "startsWith": c.startswith(t),
        "endsWith": c.endswith(t),
        "notContains": t not in c,
        "notEqual": t != c,
    }[op]


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
        words = _words_of(column)
        if words is not None:  # "Unicorns" or "unicorns", "not reviewed" or "auto": the keys
            negative = op in ("notContains", "notEqual")
            positive = {"notContains": "contains", "notEqual": "equals"}.get(op, op)
            text = str(value)
            hit = {k for k, w in words.items() if any(_matches(positive, text, x) for x in (k, w))}
            keys = tuple(sorted(set(words) - hit if negative else hit))
            return ColumnCondition(column, "in", keys)
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


def with_flows(filter_model: dict[str, Any] | None, flows: str | None) -> dict[str, Any]:
    """The grid's filter with the flows choice as the Period column's filter: all figures,
    totals only (no period) or flows only ("in the past year")."""
    model = dict(filter_model or {})
    op = FLOWS.get(flows or "all")
    if op is None:
        if (model.get("period") or {}).get("type") in ("blank", "notBlank"):
            model.pop("period")
    else:
        model["period"] = {"filterType": "text", "type": op}
    return model


def flows_choice(filter_model: dict[str, Any] | None) -> str:
    """Which flows choice a filter amounts to (the inverse of `with_flows`)."""
    op = ((filter_model or {}).get("period") or {}).get("type")
    return {"blank": "totals", "notBlank": "flows"}.get(op, "all")


def display_row(row: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    """A claim as the grid shows it: the stored fields plus words for the reader."""
    label = labels.get(row["metric"], row["metric"])
    flows = period_text(row.get("period"))
    row["metric_label"] = f"{label} (added {flows})" if flows else label
    row["figure"] = figure_text(row["value"], row["unit"], row["qualifier"])
    row["period_words"] = flows or "total to date"
    row["status_words"] = STATUS_WORDS.get(row["status"], row["status"])
    flags = [f for f in (row.get("flags") or "").split(";") if f]
    row["flags_words"] = ", ".join(FLAG_WORDS.get(f, f) for f in flags)
    row["title"] = row_document_name(row)
    row["document_href"] = f"/sources/{row['document_id']}#sources-claim-{row['claim_id']}"
    for key, value in row.items():
        if isinstance(value, date):
            row[key] = value.isoformat()
    return row


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
        columns=ROW_COLUMNS,
    )
    labels = metric_labels()
    rows = [display_row(row, labels) for row in rows]
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


# The page's "CSV with plain headings": the grid's headings and words (the contract export keeps
# its keys).
# (field, heading, width, what the cell shows when not the field itself)
COLUMNS = (
    ("as_of", "Date of the figure", 190, None),
    ("metric", "Metric", 230, "metric_label"),
    ("value", "Figure as printed", 160, "figure"),
    ("quote", "Sentence", 460, None),
    ("title", "Document", 300, None),
    ("period", "Counted over", 150, "period_words"),
    ("status", "Review", 130, "status_words"),
    ("flags", "Notes", 170, "flags_words"),
    ("entity", "Organisation", 140, None),
    ("qualifier", "Qualifier", 110, None),
    ("value_low", "Low end", 130, None),
    ("value_high", "High end", 130, None),
    ("value_hkd", "In HK$", 140, None),
    ("unit", "Unit", 90, None),
    ("published_on", "Published", 150, None),
    ("document", "File", 220, None),
    ("claim_id", "Claim", 90, None),
    ("char_start", "Starts at", 110, None),
    ("char_end", "Ends at", 110, None),
    ("document_id", "Document id", 120, None),
    ("extractor_version", "Extractor", 110, None),
)
# The plain CSV: the grid's headings as far as the claim's id, what each cell shows, less the
# qualifier (the figure as printed carries it).
PLAIN_COLUMNS = tuple(
    (heading, shown or field)
    for field, heading, _, shown in COLUMNS[: [c[0] for c in COLUMNS].index("claim_id") + 1]
    if field != "qualifier"
)


def plain_rows(
    engine: Engine, filt: ClaimFilter, sort: tuple[tuple[str, str], ...] = ()
) -> Iterator[dict[str, Any]]:
    """The claims `filt` lets through, in `sort`'s order, under plain headings."""
    labels = metric_labels()
    for row in iter_claims(engine, filt, columns=ROW_COLUMNS, sort=sort):
        shown = display_row(row, labels)
        yield {heading: shown.get(field) for heading, field in PLAIN_COLUMNS}
