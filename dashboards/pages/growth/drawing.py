"""The Growth chart drawn without Plotly: the SVG picture shown while the script loads, the
summary line, and each chart drawn once while its data stays the same."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from dashboards.pages.growth.data import ChartData
from dashboards.pages.growth.figure import (
    BELIEVED,
    COLOURS,
    DISPUTED_STRETCH,
    SVG_SYMBOLS,
    X_TITLE,
    figure,
    marker_y,
    plan,
    source_line,
    y_title,
)
from etl.report import svg
from etl.report.words import day_text


def svg_chart(
    data: ChartData,
    *,
    log_y: bool = False,
    show_garbled: bool = False,
    drawn: date | None = None,
    width: int = 1200,
    height: int = 560,
) -> str:
    """The same plan as a static SVG picture."""
    p = plan(data, show_garbled=show_garbled)
    lines = [
        svg.Line(BELIEVED, (a.as_of, b.as_of), (a.value, b.value), COLOURS["believed"])
        for a, b in p.solid
    ]
    lines += [
        svg.Line(
            DISPUTED_STRETCH,
            (a.as_of, b.as_of),
            (a.value, b.value),
            COLOURS["disputed"],
            dashed=True,
        )
        for a, b in p.disputed
    ]
    marks = [
        svg.Marks(
            g.name,
            tuple(q.as_of for q in g.points),
            tuple(marker_y(q) for q in g.points),
            SVG_SYMBOLS.get(g.symbol, "circle"),
            g.colour,
            8 if not g.overlay else 9,
        )
        for g in p.groups
    ]
    unit = "HKD" if data.unit in ("USD", "RMB") else data.unit
    chart = svg.Chart(
        tuple(lines),
        tuple(marks),
        f"{data.entity}: {data.label}",
        unit,
        y_title(data),
        X_TITLE,
        source_line(data, drawn or date.today()),
        log_y,
    )
    return svg.render(chart, width, height)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_text(data: ChartData, show_garbled: bool) -> str:
    """'6 figures from 5 documents; 4 believed; 2 garbled figures hidden; latest figure ...'."""
    garbled = sum(1 for p in data.points if p.garbled)
    shown = len(data.points)
    text = f"{_count(shown, 'figure')} from {_count(data.documents, 'document')}"
    if data.total > shown:
        text += f" (the newest {shown} of {data.total})"
    text += f"; {len(data.series)} believed"
    if garbled and not show_garbled:
        text += f"; {_count(garbled, 'garbled figure')} hidden"
    if data.series:
        text += f"; latest figure {day_text(data.series[-1].as_of)}"
    return text


DRAWN_CACHE = 32
_drawn: OrderedDict[tuple, tuple[ChartData, tuple[dict[str, Any], str, str]]] = OrderedDict()


def drawn(
    data: ChartData, log_y: bool, show_garbled: bool, day: date
) -> tuple[dict[str, Any], str, str]:
    """(Plotly figure, SVG picture as an image address, summary line) of a chart, kept while the
    chart's data is the same object (`chart_data` hands out one until the data changes)."""
    key = (id(data), log_y, show_garbled, day)
    hit = _drawn.get(key)
    if hit is not None and hit[0] is data:
        _drawn.move_to_end(key)
        return hit[1]
    kw = {"log_y": log_y, "show_garbled": show_garbled, "drawn": day}
    parts = (
        figure(data, **kw),
        svg.data_uri(svg_chart(data, **kw)),
        summary_text(data, show_garbled),
    )
    _drawn[key] = (data, parts)
    while len(_drawn) > DRAWN_CACHE:
        _drawn.popitem(last=False)
    return parts
