"""The Growth chart without Plotly: the SVG picture, the summary line, one drawing per chart."""

from __future__ import annotations

from datetime import date

from dashboards.pages.growth.drawing import drawn, summary_text, svg_chart
from dashboards.pages.growth.figure import DISPUTED_STRETCH
from tests.dashboards.pages.growth.test_figure import data, point, sp


def test_the_svg_picture_draws_the_same_plan():
    series = (sp(date(2023, 1, 1), 5), sp(date(2025, 1, 1), 12, "high"))
    picture = svg_chart(data(point(1, 5, "over", low=5, high=6), point(2, 12),
                             series=series), drawn=date(2026, 12, 4))  # fmt: skip
    assert picture.startswith("<svg") and picture.endswith("</svg>")
    assert "Cyberport: Companies" in picture and "drawn 4 Dec 2026" in picture
    assert 'stroke-dasharray="6 4"' in picture  # the disputed stretch
    assert DISPUTED_STRETCH in picture and "At least" in picture


def test_summary_and_one_drawing_per_chart():
    d = data(point(1, 5), point(2, 3, garbled=True, believed=False), series=(sp(DAY, 5),))
    assert summary_text(d, False) == (
        "2 figures from 1 document; 1 believed; 1 garbled figure hidden; latest figure 1 Jan 2024"
    )
    first = drawn(d, False, False, DAY)
    assert drawn(d, False, False, DAY) is first  # the same chart is drawn once
    assert drawn(d, True, False, DAY) is not first


DAY = date(2024, 1, 1)
