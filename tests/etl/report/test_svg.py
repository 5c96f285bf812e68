"""Charts as SVG text: ticks, symbols, escaping, the legend and the sparkline."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from datetime import date

from etl.report.svg import Chart, Line, Marks, data_uri, render, sparkline, x_ticks, y_ticks

NS = "{http://www.w3.org/2000/svg}"


def test_ticks_start_at_zero_or_at_whole_decades():
    assert y_ticks(1900, 2300, log_y=False)[2] == [0, 500, 1000, 1500, 2000, 2500]
    lo, hi, ticks = y_ticks(3, 2300, log_y=True)
    assert (lo, hi, ticks) == (1, 10_000, [1, 10, 100, 1000, 10_000])
    assert x_ticks(date(2023, 1, 15), date(2025, 11, 1)) == [date(2023, 7, 1), date(2024, 1, 1),
        date(2024, 7, 1), date(2025, 1, 1), date(2025, 7, 1)]  # fmt: skip


def test_a_chart_is_well_formed_and_escapes_its_text():
    chart = Chart(
        lines=(Line("Believed", (date(2024, 1, 1), date(2025, 1, 1)), (10, 20), "#000"),),
        marks=(Marks("At least", (date(2025, 1, 1),), (20,), "up", "#0a0"),),
        title="Growth <of> & more",
        note="Sources: A & B",
    )
    text = render(chart, 400, 200)
    root = ET.fromstring(text)  # raises on malformed markup
    assert root.tag == f"{NS}svg"
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "Growth <of> & more" in texts and "Sources: A & B" in texts
    assert "Believed" in texts and "At least" in texts  # the legend
    assert root.findall(f"{NS}polyline")
    assert "<script" not in text and "http" not in text.replace("http://www.w3.org/2000/svg", "")


def test_sparkline_marks_disputed_points():
    text = sparkline([date(2024, 1, 1), date(2025, 1, 1)], [5, 12], [False, True])
    root = ET.fromstring(text)
    fills = [c.get("fill") for c in root.iter(f"{NS}circle")]
    assert fills == ["#253494", "white"]
    uri = data_uri(text)
    assert uri.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]).decode() == text
    assert ET.fromstring(sparkline([], [])).tag == f"{NS}svg"
