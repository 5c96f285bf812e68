"""Plotly figures and display values for the Growth page: pure functions of `ChartData`/`Kpi`."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import cache
from typing import Any

from dashboards.pages.growth.data import ChartData, ChartPoint, Kpi

LOWER_BOUND = ("over",)  # "over 2,000": at least 2,000; drawn from its low end upwards
UPPER_BOUND = ("nearly", "up_to")  # "nearly 2,000": at most; drawn from its high end down
COLOURS = {
    "claim": "#2c7fb8",
    "bound": "#41ab5d",
    "upper": "#fe9929",
    "consensus": "#253494",
    "conflict": "#d7301f",
    "rejected": "#9e9e9e",
    "garbled": "#e6a23c",
    "accepted": "#6a51a3",
}
CURRENCY = {"HKD": "HK$", "USD": "US$", "RMB": "RMB "}


def format_value(value: float | None, unit: str) -> str:
    """2,200 · HK$43.4 bn · 12.5% — short, for cards and hover labels."""
    if value is None:
        return "–"
    if unit == "percent":
        return f"{value:g}%"
    if unit in CURRENCY:
        for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
            if abs(value) >= size:
                return f"{CURRENCY[unit]}{value / size:,.1f} {word}"
        return f"{CURRENCY[unit]}{value:,.0f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def format_change(change: float | None, unit: str) -> str:
    if change is None:
        return "no earlier point"
    if change == 0:
        return "no change"
    sign = "+" if change > 0 else "−"
    return sign + format_value(abs(change), unit)


def safe_text(text: str, width: int = 80) -> str:
    """Document text for a hover label: escaped so Plotly shows it as text, wrapped."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(html.escape(ln, quote=False) for ln in lines[:8])


def hover_text(p: ChartPoint) -> str:
    value = format_value(p.value, p.unit)
    if p.qualifier != "exact":
        value = f"{p.qualifier.replace('_', ' ')} {value} " + (
            f"({format_value(p.value_low, p.unit)} – {format_value(p.value_high, p.unit)})"
        )
    source = html.escape(p.document, quote=False)
    if p.publisher:
        source += " · " + html.escape(p.publisher, quote=False)
    notes = [
        n
        for n in (
            p.status if p.status != "auto" else "",
            "in an open conflict" if p.in_conflict else "",
        )
        if n
    ]
    lines = [
        f"<b>{value}</b>" + (f"  [{', '.join(notes)}]" if notes else ""),
        f"as of {p.as_of.isoformat()}" + (f" (over {p.period})" if p.period else ""),
        f"source: {source}",
        safe_text(f"“{p.quote}”"),
        "<i>click to open the source</i>",
    ]
    return "<br>".join(lines)


def _marker_y(p: ChartPoint) -> tuple[float, float, float]:
    """(y, error up, error down): where the marker sits and how far its bar reaches."""
    if p.qualifier in LOWER_BOUND:
        return p.value_low, p.value_high - p.value_low, 0.0
    if p.qualifier in UPPER_BOUND:
        return p.value_high, 0.0, p.value_high - p.value_low
    return p.value, max(p.value_high - p.value, 0.0), max(p.value - p.value_low, 0.0)


def _points_trace(
    points: Sequence[ChartPoint], name: str, symbol: str, colour: str, *, size: int = 10
) -> dict[str, Any]:
    ys = [_marker_y(p) for p in points]
    return dict(
        type="scatter",
        x=[p.as_of.isoformat() for p in points],
        y=[y for y, _, _ in ys],
        mode="markers",
        name=name,
        marker={
            "symbol": symbol,
            "size": size,
            "color": colour,
            "line": {"width": 1, "color": "white"},
        },
        error_y={
            "type": "data",
            "symmetric": False,
            "array": [u for _, u, _ in ys],
            "arrayminus": [d for _, _, d in ys],
            "color": colour,
            "thickness": 1.5,
            "width": 4,
        },
        customdata=[[p.claim_id, p.document_id] for p in points],
        hovertext=[hover_text(p) for p in points],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def growth_figure(data: ChartData, *, log_y: bool = False) -> dict[str, Any]:
    """Claims as points with their intervals, the consensus line, conflicts ringed.

    A plain figure dict: Plotly's object layer validates every array element, which costs more
    than the rest of the callback for a chart of a few thousand points.
    """
    traces: list[dict[str, Any]] = []
    live = [p for p in data.points if p.status != "rejected" and not p.garbled]
    garbled = [p for p in data.points if p.status != "rejected" and p.garbled]
    rejected = [p for p in data.points if p.status == "rejected"]
    if data.consensus:
        traces.append(
            dict(
                type="scatter",
                x=[c.as_of.isoformat() for c in data.consensus],
                y=[c.value for c in data.consensus],
                mode="lines",
                name="Consensus",
                line={"color": COLOURS["consensus"], "width": 2},
                hoverinfo="skip",  # the claims carry the hover; a click must land on them
            )
        )
    groups = (
        (
            "Exact or about",
            [p for p in live if p.qualifier not in LOWER_BOUND + UPPER_BOUND],
            "circle",
            COLOURS["claim"],
        ),
        (
            "Lower bound (over …)",
            [p for p in live if p.qualifier in LOWER_BOUND],
            "triangle-up",
            COLOURS["bound"],
        ),
        (
            "Upper bound (nearly / up to …)",
            [p for p in live if p.qualifier in UPPER_BOUND],
            "triangle-down",
            COLOURS["upper"],
        ),
    )
    for name, pts, symbol, colour in groups:
        if pts:
            traces.append(_points_trace(pts, name, symbol, colour))
    conflicted = [p for p in live if p.in_conflict]
    if conflicted:
        trace = _points_trace(
            conflicted, "In an open conflict", "circle-open", COLOURS["conflict"], size=20
        )
        trace["error_y"] = {"visible": False}
        trace["marker"]["line"] = {"width": 2.5, "color": COLOURS["conflict"]}
        traces.append(trace)
    if garbled:
        trace = _points_trace(
            garbled, "Garbled in the source (not counted)", "x-open", COLOURS["garbled"], size=9
        )
        trace["error_y"] = {"visible": False}
        traces.append(trace)
    if rejected:
        traces.append(
            _points_trace(
                rejected, "Rejected by a reviewer", "x-thin-open", COLOURS["rejected"], size=9
            )
        )
    unit = "HKD" if data.unit in CURRENCY else data.unit
    layout: dict[str, Any] = {
        "title": {"text": f"{html.escape(data.entity)}: {html.escape(data.label)}", "x": 0.01},
        "xaxis": {"title": {"text": "as of"}, "type": "date"},
        "yaxis": {
            "title": {"text": unit},
            "type": "log" if log_y else "linear",
            "rangemode": "tozero" if not log_y else "normal",
        },
        "legend": {"orientation": "h", "y": -0.2},
        "margin": {"l": 60, "r": 20, "t": 50, "b": 40},
        "hovermode": "closest",
        "template": _template(),
        "uirevision": f"{data.metric}-{log_y}",
    }
    if not data.points:
        layout["annotations"] = [
            {
                "text": "No claims for this metric in this date range",
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
            }
        ]
    return {"data": traces, "layout": layout}


@cache
def _template() -> dict[str, Any]:
    """Plotly's `plotly_white` theme as plain JSON (plotly.js knows no template names)."""
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def kpi_texts(k: Kpi) -> tuple[str, str, str]:
    """(value, as-of line, change line) of a KPI card."""
    if k.value is None:
        return "–", "no data yet", ""
    since = f" since {k.previous_as_of.isoformat()}" if k.previous_as_of else ""
    return (
        format_value(k.value, k.unit),
        f"as of {k.as_of.isoformat()}" if k.as_of else "",
        format_change(k.change, k.unit) + since,
    )


def chart_config(metric: str) -> dict:
    """Plotly config: the modebar's camera downloads a PNG (rendered in the browser, offline)."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": f"cyberport-{metric}", "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }
