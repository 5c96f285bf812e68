"""Column definitions of the Claims grid and the export URL of its current filter."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from dashboards.pages.claims.data import column_type
from db.claims import RANGE_OPS, TEXT_OPS

GRID_COLUMNS = (
    "claim_id",
    "as_of",
    "entity",
    "metric",
    "value",
    "unit",
    "qualifier",
    "value_low",
    "value_high",
    "value_hkd",
    "period",
    "status",
    "flags",
    "quote",
    "document",
    "published_on",
    "char_start",
    "char_end",
    "document_id",
    "extractor_version",
)
FILTERS = {
    "text": "agTextColumnFilter",
    "number": "agNumberColumnFilter",
    "date": "agDateColumnFilter",
}
WIDTHS = {
    "quote": 480,
    "document": 220,
    "claim_id": 100,
    "unit": 90,
    "as_of": 130,
    "published_on": 140,
    "metric": 160,
}
TEXT_OPTIONS = list(TEXT_OPS)
RANGE_OPTIONS = list(RANGE_OPS)


def column_defs() -> list[dict[str, Any]]:
    """One AG Grid column per claim field, each with the filter its type needs."""
    defs = []
    for col in GRID_COLUMNS:
        kind = column_type(col)
        d: dict[str, Any] = {
            "field": col,
            "headerName": col,
            "filter": FILTERS[kind],
            "filterParams": {
                "maxNumConditions": 1,  # the server ANDs conditions; no OR in one column
                "filterOptions": TEXT_OPTIONS if kind == "text" else RANGE_OPTIONS,
                "buttons": ["reset"],
            },
            "width": WIDTHS.get(col, 130),
        }
        if kind == "number":
            d["type"] = "numericColumn"
        if col == "quote":
            d["tooltipField"] = "quote"
        defs.append(d)
    return defs


def export_href(filter_model: dict[str, Any] | None, *, bundle: bool = False) -> str:
    """/export/claims.csv carrying exactly the grid's filter (as JSON in `filter`)."""
    base = "/export/claims.zip" if bundle else "/export/claims.csv"
    if not filter_model:
        return base
    return base + "?" + urlencode({"filter": json.dumps(filter_model, separators=(",", ":"))})
