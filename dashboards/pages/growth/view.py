"""The Growth page's view as an address: metric, entity, dates, scale, garbled figures, tab.

`/?metric=funding_raised&entity=Cyberport&from=2024-01-01&scale=log&tab=table` opens exactly
that view; anything unknown or malformed in the address falls back to the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

TABS = ("chart", "table", "sources", "download")
SCALES = ("linear", "log")
DEFAULT_METRIC = "companies"


@dataclass(frozen=True)
class View:
    metric: str = DEFAULT_METRIC
    entity: str = ""  # empty: the tracked organisation
    date_from: date | None = None
    date_to: date | None = None
    scale: str = "linear"
    garbled: bool = False  # show figures garbled in their source
    tab: str = "chart"

    @property
    def log_y(self) -> bool:
        return self.scale == "log"


def _day(text: Any) -> date | None:
    """A date from 'YYYY-MM-DD' (or the start of a longer ISO text); None when not one."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def view_from_query(
    query: Mapping[str, Any], metrics: Mapping[str, Any], entities: list[str]
) -> View:
    """The view an address asks for, every part checked against what exists."""
    metric = query.get("metric")
    entity = query.get("entity")
    date_from, date_to = _day(query.get("from")), _day(query.get("to"))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return View(
        metric=metric if metric in metrics else DEFAULT_METRIC,
        entity=entity if entity in entities else "",
        date_from=date_from,
        date_to=date_to,
        scale=query.get("scale") if query.get("scale") in SCALES else "linear",
        garbled=query.get("garbled") in ("1", "true", "yes"),
        tab=query.get("tab") if query.get("tab") in TABS else "chart",
    )


def view_from_controls(
    metric: Any, entity: Any, start: Any, end: Any, scale: Any, garbled: Any, tab: Any = "chart"
) -> View:
    """The view the page's controls show (values as Dash sends them)."""
    return replace(
        View(),
        metric=metric if isinstance(metric, str) and metric else DEFAULT_METRIC,
        entity=entity if isinstance(entity, str) else "",
        date_from=_day(start),
        date_to=_day(end),
        scale=scale if scale in SCALES else "linear",
        garbled=bool(garbled),
        tab=tab if tab in TABS else "chart",
    )


def query_string(view: View) -> str:
    """'?metric=...&entity=...': metric and entity, and every other part not at its default."""
    params = {
        "metric": view.metric,
        "entity": view.entity or None,
        "from": view.date_from.isoformat() if view.date_from else None,
        "to": view.date_to.isoformat() if view.date_to else None,
        "scale": view.scale if view.scale != "linear" else None,
        "garbled": "1" if view.garbled else None,
        "tab": view.tab if view.tab != "chart" else None,
    }
    return "?" + urlencode({k: v for k, v in params.items() if v})


def export_href(kind: str, view: View, entity: str, *, bundle: bool = False) -> str:
    """URL of the CSV (or zip bundle) holding what the chart shows."""
    params = {
        "metric": view.metric,
        "entity": entity,
        "from": view.date_from.isoformat() if view.date_from else None,
        "to": view.date_to.isoformat() if view.date_to else None,
    }
    query = urlencode({k: v for k, v in params.items() if v})
    return f"/export/{kind}.{'zip' if bundle else 'csv'}" + (f"?{query}" if query else "")
