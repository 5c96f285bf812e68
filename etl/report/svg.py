"""Charts as SVG text (pure): no script, no network, so they print, e-mail and open offline.

The briefing draws its small charts with them, and the Growth page shows one while the
interactive chart's script is still loading.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from etl.report.words import format_amount

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
AXIS = "#6c757d"
GRID = "#e9ecef"


@dataclass(frozen=True)
class Marks:
    """Points drawn with one symbol: circle, ring, up, down, diamond, cross."""

    name: str
    xs: tuple[date, ...]
    ys: tuple[float, ...]
    symbol: str
    colour: str
    size: float = 8.0


@dataclass(frozen=True)
class Line:
    name: str
    xs: tuple[date, ...]
    ys: tuple[float, ...]
    colour: str
    dashed: bool = False
    width: float = 2.0


@dataclass(frozen=True)
class Chart:
    lines: tuple[Line, ...] = ()
    marks: tuple[Marks, ...] = ()
    title: str = ""
    unit: str = "count"  # how the y ticks read: count, HKD, percent
    y_title: str = ""
    x_title: str = ""
    note: str = ""  # the source line under the chart
    log_y: bool = False


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def y_ticks(low: float, high: float, log_y: bool) -> tuple[float, float, list[float]]:
    """(axis bottom, axis top, ticks): from zero on a linear axis, whole decades on a log one."""
    if log_y:
        lo = 10 ** math.floor(math.log10(max(low, 1e-12)))
        hi = 10 ** math.ceil(math.log10(max(high, lo * 10)))
        if hi <= lo:
            hi = lo * 10
        ticks = [10**k for k in range(round(math.log10(lo)), round(math.log10(hi)) + 1)]
        return lo, hi, ticks
    top = max(high, 1e-12) * 1.08
    step = _nice_step(top)
    top = math.ceil(top / step) * step
    return 0.0, top, [i * step for i in range(round(top / step) + 1)]


def x_ticks(first: date, last: date) -> list[date]:
    """First days of months: every 3, 6, 12 or more months, for about five ticks."""
    months = (last.year - first.year) * 12 + last.month - first.month
    every = next((m for m in (3, 6, 12, 24, 60) if months / m <= 6), 120)
    out, y, m = [], first.year, 1
    while date(y, m, 1) <= last:
        d = date(y, m, 1)
        if d >= first and ((y * 12 + m - 1) % every == 0):
            out.append(d)
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def _tick_label(d: date, every_year: bool) -> str:
    return str(d.year) if every_year else d.strftime("%b %Y")


def el(tag: str, text: str | None = None, **attrs: object) -> str:
    """One SVG element; attribute names take '-' for '_' (stroke_width -> stroke-width)."""
    props = "".join(
        f' {k.rstrip("_").replace("_", "-")}="{escape(str(v))}"' for k, v in attrs.items()
    )
    return f"<{tag}{props}/>" if text is None else f"<{tag}{props}>{escape(text)}</{tag}>"


def _symbol(symbol: str, x: float, y: float, r: float, colour: str) -> str:
    """One marker; "up" and "down" are bounds: a bar at the value, an open-ended arrow."""
    if symbol in ("up", "down"):
        s = -1 if symbol == "up" else 1
        tip = y + s * r * 3.2
        head = ((x, tip), (x - r * 0.9, tip - s * r * 1.2), (x + r * 0.9, tip - s * r * 1.2))
        return (
            el("line", x1=x - r * 1.3, x2=x + r * 1.3, y1=y, y2=y, stroke=colour, stroke_width=3)
            + el("line", x1=x, x2=x, y1=y, y2=tip - s * r, stroke=colour, stroke_width=2)
            + el("polygon", points=" ".join(f"{a:.1f},{b:.1f}" for a, b in head), fill=colour)
        )
    if symbol == "diamond":
        pts = ((x, y - r), (x + r, y), (x, y + r), (x - r, y))
        return el("polygon", points=" ".join(f"{a:.1f},{b:.1f}" for a, b in pts), fill=colour)
    if symbol == "cross":
        d = r * 0.8
        a, b, c, e = x - d, x + d, y - d, y + d
        path = f"M{a:.1f},{c:.1f}L{b:.1f},{e:.1f}M{a:.1f},{e:.1f}L{b:.1f},{c:.1f}"
        return el("path", d=path, stroke=colour, stroke_width=2)
    if symbol == "ring":
        return el("circle", cx=x, cy=y, r=r * 1.6, fill="none", stroke=colour, stroke_width=2)
    if symbol == "hollow":
        return el("circle", cx=x, cy=y, r=r, fill="white", stroke=colour, stroke_width=2)
    return el("circle", cx=x, cy=y, r=r, fill=colour)


def _domain(chart: Chart) -> tuple[date, date, float, float]:
    xs = [x for s in (*chart.lines, *chart.marks) for x in s.xs]
    ys = [y for s in (*chart.lines, *chart.marks) for y in s.ys if not chart.log_y or y > 0]
    if not xs:
        today = date.today()
        return today - timedelta(days=365), today, 0.0, 1.0
    first, last = min(xs), max(xs)
    pad = max((last - first).days * 0.04, 30)
    return first - timedelta(days=pad), last + timedelta(days=pad), min(ys or [1]), max(ys or [1])


def render(chart: Chart, width: int = 640, height: int = 320, *, legend: bool = True) -> str:
    """The chart as a standalone <svg> element."""
    small = width < 360
    fs = 10 if small else 12
    top = (22 if chart.title else 6) + (18 if legend and _legend_items(chart) else 0)
    left, right = (44 if small else 64), 24  # room for the last date label
    bottom = (22 if small else 40) + (16 if chart.note else 0)
    pw, ph = width - left - right, height - top - bottom
    x0, x1, lo, hi = _domain(chart)
    y_lo, y_hi, yt = y_ticks(lo, hi, chart.log_y)

    def sx(d: date) -> float:
        return round(left + pw * (d - x0).days / max((x1 - x0).days, 1), 1)

    def sy(v: float) -> float:
        if chart.log_y:
            v = max(v, y_lo)
            f = (math.log10(v) - math.log10(y_lo)) / (math.log10(y_hi) - math.log10(y_lo))
        else:
            f = (v - y_lo) / ((y_hi - y_lo) or 1)
        return round(top + ph * (1 - f), 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="{FONT}" font-size="{fs}" '
        f'role="img" aria-label="{escape(chart.title or "chart")}">',
        el("rect", width=width, height=height, fill="white"),
    ]
    if chart.title:
        out.append(el("text", chart.title, x=left, y=16, font_size=fs + 2, fill="#212529"))
    for v in yt:
        y = sy(v)
        out.append(el("line", x1=left, x2=left + pw, y1=y, y2=y, stroke=GRID))
        label = format_amount(v, chart.unit)
        out.append(el("text", label, x=left - 6, y=y + 4, text_anchor="end", fill=AXIS))
    xt = x_ticks(x0, x1)
    every_year = len(xt) > 1 and (xt[1] - xt[0]).days >= 365
    for d in xt:
        x = sx(d)
        out.append(el("line", x1=x, x2=x, y1=top, y2=top + ph, stroke=GRID))
        label = _tick_label(d, every_year)
        out.append(el("text", label, x=x, y=top + ph + 14, text_anchor="middle", fill=AXIS))
    out.append(el("line", x1=left, x2=left + pw, y1=top + ph, y2=top + ph, stroke=AXIS))
    mid = top + ph / 2
    if chart.y_title and not small:
        out.append(
            el(
                "text",
                chart.y_title,
                x=12,
                y=mid,
                fill=AXIS,
                text_anchor="middle",
                transform=f"rotate(-90 12 {mid})",
            )
        )
    if chart.x_title and not small:
        out.append(
            el(
                "text",
                chart.x_title,
                x=left + pw / 2,
                y=top + ph + 30,
                fill=AXIS,
                text_anchor="middle",
            )
        )
    for line in chart.lines:
        if len(line.xs) < 2:
            continue
        pts = " ".join(f"{sx(x)},{sy(y)}" for x, y in zip(line.xs, line.ys, strict=True))
        dash = {"stroke_dasharray": "6 4"} if line.dashed else {}
        out.append(
            el(
                "polyline",
                points=pts,
                fill="none",
                stroke=line.colour,
                stroke_width=line.width,
                **dash,
            )
        )
    r = 3.5 if small else 5.0
    for m in chart.marks:
        for x, y in zip(m.xs, m.ys, strict=True):
            out.append(_symbol(m.symbol, sx(x), sy(y), r * m.size / 8, m.colour))
    if legend:
        out.append(_legend(chart, left, (22 if chart.title else 6) + 10, fs))
    if chart.note:
        out.append(el("text", chart.note, x=left, y=height - 4, font_size=fs - 1, fill=AXIS))
    out.append("</svg>")
    return "".join(out)


def _legend_items(chart: Chart) -> list[tuple[str, str, str, bool]]:
    """(name, kind: line or a symbol, colour, dashed), each name once, in drawing order."""
    seen: dict[str, tuple[str, str, str, bool]] = {}
    for line in chart.lines:
        seen.setdefault(line.name, (line.name, "line", line.colour, line.dashed))
    for m in chart.marks:
        seen.setdefault(m.name, (m.name, m.symbol, m.colour, False))
    return [v for v in seen.values() if v[0]]


def _legend(chart: Chart, x: float, y: float, fs: int) -> str:
    parts = []
    for name, kind, colour, dashed in _legend_items(chart):
        if kind == "line":
            dash = {"stroke_dasharray": "6 4"} if dashed else {}
            parts.append(
                el(
                    "line",
                    x1=x,
                    x2=x + 18,
                    y1=y - 4,
                    y2=y - 4,
                    stroke=colour,
                    stroke_width=2,
                    **dash,
                )
            )
        else:
            parts.append(_symbol(kind, x + 9, y - 4, 4, colour))
        parts.append(el("text", name, x=x + 22, y=y, fill="#495057"))
        x += 30 + len(name) * fs * 0.55
    return "".join(parts)


def sparkline(
    xs: Sequence[date],
    ys: Sequence[float],
    disputed: Sequence[bool] = (),
    *,
    width: int = 120,
    height: int = 32,
    colour: str = "#253494",
    alert: str = "#d7301f",
) -> str:
    """A tiny line of a series, its disputed points hollow and red; no axes."""
    disputed = list(disputed) or [False] * len(xs)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
    ]
    if xs:
        first, last = min(xs), max(xs)
        lo, hi = min(0.0, min(ys)), max(ys) or 1.0
        span = max((last - first).days, 1)

        def pos(x: date, y: float) -> tuple[float, float]:
            fx = 0.5 if first == last else (x - first).days / span
            fy = (y - lo) / ((hi - lo) or 1)
            return round(4 + (width - 8) * fx, 1), round(height - 4 - (height - 8) * fy, 1)

        pts = [pos(x, y) for x, y in zip(xs, ys, strict=True)]
        if len(pts) > 1:
            path = " ".join(f"{x},{y}" for x, y in pts)
            out.append(el("polyline", points=path, fill="none", stroke=colour, stroke_width=1.5))
        for (x, y), bad in zip(pts, disputed, strict=True):
            fill, stroke = ("white", alert) if bad else (colour, colour)
            out.append(el("circle", cx=x, cy=y, r=2.5, fill=fill, stroke=stroke, stroke_width=1.5))
    out.append("</svg>")
    return "".join(out)


def data_uri(svg: str) -> str:
    """An <img src> for an SVG, so a page can show it without putting markup in the DOM."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
