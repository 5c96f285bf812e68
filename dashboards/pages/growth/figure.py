"""The Growth chart from `ChartData` (pure): one drawing plan, drawn by Plotly and as SVG.

The plan says which claims go in which group (believed or not, lower bounds, flows, disputed
outliers, garbled, rejected) and where the believed line runs solid or disputed; `figure` turns
it into a Plotly figure (a plain dict: Plotly's object layer validates every array element,
which costs more than the rest of the callback for a chart of a few thousand points) and
`svg_chart` into the static picture shown while the script loads.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from dashboards.pages.growth.data import ChartData, ChartPoint, status_words
from etl.check.consensus import SeriesPoint
from etl.report.words import day_text, interval_text, period_text

LOWER_BOUND = ("over",)  # "over 2,000": at least 2,000, no upper end worth drawing
UPPER_BOUND = ("nearly", "up_to")  # "nearly 2,000": at most 2,000
COLOURS = {
    "believed": "#253494",
    "disputed": "#d7301f",
    "claim": "#2c7fb8",
    "bound": "#41ab5d",
    "upper": "#fe9929",
    "flow": "#807dba",
    "conflict": "#d7301f",
    "rejected": "#9e9e9e",
    "garbled": "#e6a23c",
}
SVG_SYMBOLS = {
    "circle": "circle",
    "diamond": "diamond",
    "x-open": "cross",
    "x-thin-open": "cross",
    "circle-x-open": "ring",
    "circle-open": "ring",
}
AXIS_TITLES = {"count": "number", "HKD": "HK$", "USD": "US$", "RMB": "RMB", "percent": "%"}
X_TITLE = "date of the figure"
BELIEVED, DISPUTED_STRETCH = "Believed figure", "Disputed stretch"
OUTLIER = "Disputed, not believed"
IN_CONFLICT = "In an open conflict"
GARBLED = "Garbled in the source (not counted)"
REJECTED = "Rejected by a reviewer (not counted)"


@dataclass(frozen=True)
class Group:
    """Claims drawn alike: one legend entry."""

    name: str
    points: tuple[ChartPoint, ...]
    symbol: str  # a Plotly marker symbol
    colour: str
    size: int = 10
    bars: bool = False  # "about": draw its interval
    overlay: bool = False  # a ring around points drawn in another group
    direction: int = 0  # +1 a lower bound, -1 an upper bound: a bar with an open-ended arrow


@dataclass(frozen=True)
class Plan:
    groups: tuple[Group, ...]
    solid: tuple[tuple[SeriesPoint, SeriesPoint], ...]  # believed stretches
    disputed: tuple[tuple[SeriesPoint, SeriesPoint], ...]  # stretches touching a disputed point


def plan(data: ChartData, *, show_garbled: bool = False) -> Plan:
    """Which claim goes in which group, and how the believed line runs."""
    live = [p for p in data.points if p.status != "rejected" and not p.garbled]
    outliers = [p for p in live if not p.believed and p.in_conflict]
    stock = [p for p in live if not p.period and p not in outliers]
    flows = [p for p in live if p.period and p not in outliers]
    periods = Counter(p.period for p in flows)
    flow_name = "Added " + (
        period_text(periods.most_common(1)[0][0]) if len(periods) == 1 else "within a period"
    )
    groups = [
        Group(
            "Exact or \u201cabout\u201d",
            tuple(p for p in stock if p.qualifier not in LOWER_BOUND + UPPER_BOUND),
            "circle",
            COLOURS["claim"],
            bars=True,
        ),
        Group(
            "At least (\u201cover \u2026\u201d)",
            tuple(p for p in stock if p.qualifier in LOWER_BOUND),
            "line-ew-open",
            COLOURS["bound"],
            14,
            direction=1,
        ),
        Group(
            "At most (\u201cnearly \u2026\u201d)",
            tuple(p for p in stock if p.qualifier in UPPER_BOUND),
            "line-ew-open",
            COLOURS["upper"],
            14,
            direction=-1,
        ),
        Group(f"{flow_name} (not a total)", tuple(flows), "diamond", COLOURS["flow"]),
        Group(OUTLIER, tuple(outliers), "circle-x-open", COLOURS["disputed"], 14),
        Group(
            IN_CONFLICT,
            tuple(p for p in live if p.in_conflict and p.believed),
            "circle-open",
            COLOURS["conflict"],
            20,
            overlay=True,
        ),
        Group(
            GARBLED,
            tuple(p for p in data.points if p.garbled and p.status != "rejected" and show_garbled),
            "x-open",
            COLOURS["garbled"],
            9,
        ),
        Group(
            REJECTED,
            tuple(p for p in data.points if p.status == "rejected"),
            "x-thin-open",
            COLOURS["rejected"],
            11,
        ),
    ]
    pairs = list(pairwise(data.series))
    solid = tuple((a, b) for a, b in pairs if not (a.disputed or b.disputed))
    disputed = tuple((a, b) for a, b in pairs if a.disputed or b.disputed)
    return Plan(tuple(g for g in groups if g.points), solid, disputed)


def safe_text(text: str, width: int = 80, lines: int = 8) -> str:
    """Document text for a hover label: escaped so Plotly shows it as text, wrapped."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "<br>".join(html.escape(ln, quote=False) for ln in out[:lines])


def hover_text(p: ChartPoint) -> str:
    value = html.escape(p.as_printed)
    span = interval_text(p.value_low, p.value_high, p.unit)
    head = f"<b>{value}</b>" + (f" ({html.escape(span)})" if p.value_low != p.value_high else "")
    if p.status != "auto":
        head += f"  [{status_words(p)}]"
    when = f"figure of {day_text(p.as_of)}"
    if p.period:
        when += f" \u00b7 added {period_text(p.period)}, not a total"
    if p.garbled:
        verdict = "Garbled in the source: not counted"
    elif p.status == "rejected":
        verdict = "Rejected: not counted"
    elif not p.believed:
        verdict = "Not believed: " + (
            "disputed by a stronger source (see Conflicts)" if p.in_conflict else "outvoted"
        )
    else:
        verdict = "Believed" + (" \u2014 in an open conflict" if p.in_conflict else "")
    lines = [head, when, verdict, "Source: " + safe_text(p.title, 70, 2), safe_text(f"“{p.quote}”")]
    if p.decision:
        lines.append("Review: " + safe_text(p.decision, 70, 3))
    lines.append("<i>click to open the source</i>")
    return "<br>".join(lines)


def marker_y(p: ChartPoint) -> float:
    """Where a claim sits: a lower bound at its low end, an upper bound at its high end."""
    if p.qualifier in LOWER_BOUND:
        return p.value_low
    if p.qualifier in UPPER_BOUND:
        return p.value_high
    return p.value


def _trace(g: Group, stem: float = 0.0, log_y: bool = False) -> list[dict[str, Any]]:
    """The group's markers; a bound also gets a stem and an arrowhead, `stem` long (a share of
    the axis, so every bound looks alike whatever its digits), pointing the open way."""
    pts = g.points
    ys = [marker_y(p) for p in pts]
    outline = g.overlay or "open" in g.symbol
    trace: dict[str, Any] = dict(
        type="scatter",
        x=[p.as_of.isoformat() for p in pts],
        y=ys,
        mode="markers",
        name=g.name,
        legendgroup=g.name,
        marker={
            "symbol": g.symbol,
            "size": g.size,
            "color": g.colour,
            "line": {
                "width": 3 if g.direction else 2 if outline else 1,
                "color": g.colour if outline else "white",
            },
        },
        customdata=[[p.claim_id, p.document_id] for p in pts],
        hovertext=[hover_text(p) for p in pts],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    if g.bars:
        trace["error_y"] = {
            "type": "data",
            "symmetric": False,
            "color": g.colour,
            "thickness": 1.5,
            "width": 4,
            "array": [max(p.value_high - y, 0.0) for p, y in zip(pts, ys, strict=True)],
            "arrayminus": [max(y - p.value_low, 0.0) for p, y in zip(pts, ys, strict=True)],
        }
    if not g.direction:
        return [trace]
    tips = (
        [y * stem if log_y else y + g.direction * stem for y in ys]
        if g.direction > 0
        else [y / stem if log_y else y - stem for y in ys]
    )
    lengths = [abs(t - y) for t, y in zip(tips, ys, strict=True)]
    side = "array" if g.direction > 0 else "arrayminus"
    trace["error_y"] = {
        "type": "data",
        "symmetric": False,
        side: lengths,
        "array" if side == "arrayminus" else "arrayminus": [0.0] * len(ys),
        "color": g.colour,
        "thickness": 2,
        "width": 0,
    }
    head = dict(
        type="scatter",
        x=trace["x"],
        y=tips,
        mode="markers",
        name=g.name,
        legendgroup=g.name,
        showlegend=False,
        hoverinfo="skip",
        marker={
            "symbol": "triangle-up" if g.direction > 0 else "triangle-down",
            "size": 9,
            "color": g.colour,
        },
    )
    return [trace, head]


def stem_length(data: ChartData, log_y: bool) -> float:
    """An arrow's length: 6 % of the axis (linear), or a factor of 6 % of its decades (log)."""
    ys = [marker_y(p) for p in data.points if not log_y or marker_y(p) > 0] or [1.0]
    if not log_y:
        return 0.06 * max(max(ys), 1e-12) * 1.08
    decades = max(math.log10(max(ys)) - math.log10(min(ys)), 1.0)
    return 10 ** (0.06 * decades)


def _line(name: str, pairs: Sequence[tuple[SeriesPoint, SeriesPoint]], colour: str, dash: str):
    xs: list[str | None] = []
    ys: list[float | None] = []
    for a, b in pairs:
        if xs and xs[-1] == a.as_of.isoformat():
            xs.append(b.as_of.isoformat())
            ys.append(b.value)
        else:
            xs += (
                [None, a.as_of.isoformat(), b.as_of.isoformat()]
                if xs
                else [a.as_of.isoformat(), b.as_of.isoformat()]
            )
            ys += [None, a.value, b.value] if ys else [a.value, b.value]
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        name=name,
        connectgaps=False,
        line={"color": colour, "width": 2.5, "dash": dash},
        hoverinfo="skip",
    )


def source_line(data: ChartData, drawn: date) -> str:
    """'Sources: Cyberport (3 documents), tellerreport.com (1), ... · drawn 4 Dec 2026'."""
    counts = Counter(s.publisher or s.kind or "unnamed source" for s in data.sources)
    names = ", ".join(
        f"{n} ({k} document{'s' if k > 1 else ''})" if i == 0 else f"{n} ({k})"
        for i, (n, k) in enumerate(counts.most_common(4))
    )
    more = f" and {len(counts) - 4} more" if len(counts) > 4 else ""
    return (
        f"Sources: {names or 'none'}{more}; figures as printed. "
        f"Cyberport Metrics Timeline, drawn {day_text(drawn)}"
    )


def y_title(data: ChartData) -> str:
    unit = "HKD" if data.unit in ("USD", "RMB") else data.unit
    return AXIS_TITLES.get(unit, unit)


def figure(
    data: ChartData, *, log_y: bool = False, show_garbled: bool = False, drawn: date | None = None
) -> dict[str, Any]:
    """The Plotly figure: believed line (disputed stretches dashed), claims by kind, rings."""
    p = plan(data, show_garbled=show_garbled)
    traces: list[dict[str, Any]] = []
    if p.solid:
        traces.append(_line(BELIEVED, p.solid, COLOURS["believed"], "solid"))
    if p.disputed:
        traces.append(_line(DISPUTED_STRETCH, p.disputed, COLOURS["disputed"], "dash"))
    stem = stem_length(data, log_y)
    traces += [t for g in p.groups for t in _trace(g, stem, log_y)]
    title = f"{data.entity}: {data.label}"
    layout: dict[str, Any] = {
        "title": {"text": html.escape(title), "x": 0.01, "y": 0.98, "yanchor": "top"},
        "xaxis": {"title": {"text": X_TITLE}, "type": "date"},
        "yaxis": {
            "title": {"text": y_title(data)},
            "type": "log" if log_y else "linear",
            "rangemode": "normal" if log_y else "tozero",
            "tickprefix": "HK$" if data.unit in ("HKD", "USD", "RMB") else "",
            "ticksuffix": "%" if data.unit == "percent" else "",
        },
        # Title on top, the legend under it (room for three rows on a phone), then the plot.
        "legend": {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "font": {"size": 11}},
        "margin": {"l": 64, "r": 20, "t": 92, "b": 80},
        "hovermode": "closest",
        "template": _template(),
        "uirevision": f"{data.metric}-{log_y}",
        "modebar": {"orientation": "v"},
        "annotations": [
            {
                "text": html.escape(source_line(data, drawn or date.today())),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.2,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"size": 11, "color": "#6c757d"},
            },
        ],
    }
    if not data.points:
        layout["annotations"].append(
            {
                "text": "No figures for this metric in this date range",
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
            }
        )
    return {"data": traces, "layout": layout}


@cache
def _template() -> dict[str, Any]:
    """Plotly's `plotly_white` theme as plain JSON (plotly.js knows no template names)."""
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def chart_config(metric: str) -> dict:
    """Plotly config: the camera downloads a PNG rendered in the browser (title, source line and
    date are in the figure); nothing is ever sent to Plotly's cloud, and no logo."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "showLink": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": f"cyberport-{metric}",
            "scale": 2,
            "width": 1200,
            "height": 700,
        },
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendDataToCloud"],
        "responsive": True,
    }
