"""Column definitions of the Claims grid and the export URLs of its current filter and sort.

The grid reads like a table for people: the date of the figure, the metric by name, the figure
as printed, the sentence and the document come first, under plain headings; the keys and
offsets follow for whoever needs them. Every cell is text (the one link is built by React).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from dashboards.pages.claims.data import COLUMNS, column_type
from db.claims import RANGE_OPS, TEXT_OPS

GRID_COLUMNS = tuple(c[0] for c in COLUMNS)
HEADINGS = {c[0]: c[1] for c in COLUMNS}
FILTERS = {
    "text": "agTextColumnFilter",
    "number": "agNumberColumnFilter",
    "date": "agDateColumnFilter",
}
TEXT_OPTIONS = list(TEXT_OPS)
RANGE_OPTIONS = list(RANGE_OPS)
PINNED = ("as_of",)  # stays in view while the grid scrolls sideways


def column_defs() -> list[dict[str, Any]]:
    """One AG Grid column per claim field, each with the filter its type needs."""
    defs = []
    for col, heading, width, shown in COLUMNS:
        kind = column_type(col)
        d: dict[str, Any] = {
            "field": col,
            "headerName": heading,
            "filter": FILTERS[kind],
            "filterParams": {
                "maxNumConditions": 1,  # the server ANDs conditions; no OR in one column
                "filterOptions": TEXT_OPTIONS if kind == "text" else RANGE_OPTIONS,
                "buttons": ["reset"],
            },
            "width": width,
        }
        if shown:
            d["valueGetter"] = {"function": f"params.data ? params.data.{shown} : null"}
        if kind == "number" and not shown:
            d["type"] = "numericColumn"
        if col in ("quote", "title"):
            d["tooltipField"] = col
        if col == "title":
            d["cellRenderer"] = "DocumentLink"  # dashboards/assets/grid.js: a React link, text
        if col in PINNED:
            d["pinned"] = "left"
        defs.append(d)
    return defs


def export_href(
    filter_model: dict[str, Any] | None,
    sort_model: list[dict[str, Any]] | None = None,
    *,
    bundle: bool = False,
    plain: bool = False,
) -> str:
    """/export/claims.csv carrying exactly the grid's filter and sort (as JSON in `filter` and
    `sort`); `plain` asks for plain headings and words instead of the keys."""
    base = "/export/claims.zip" if bundle else "/export/claims.csv"
    params = {}
    if filter_model:
        params["filter"] = json.dumps(filter_model, separators=(",", ":"))
    if sort_model:
        params["sort"] = json.dumps(
            [{"colId": s.get("colId"), "sort": s.get("sort")} for s in sort_model],
            separators=(",", ":"),
        )
    if plain:
        params["headings"] = "plain"
    return base + ("?" + urlencode(params) if params else "")
