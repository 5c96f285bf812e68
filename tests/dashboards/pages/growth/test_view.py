"""The Growth view in the address: every part read back, anything odd falls back."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

from hypothesis import given
from hypothesis import strategies as st

from dashboards.pages.growth.view import (
    TABS,
    View,
    export_href,
    query_string,
    view_from_controls,
    view_from_query,
)

METRICS = {"companies": 1, "unicorns": 1, "funding_raised": 1}
ENTITIES = ["Cyberport", "Science Park"]


def test_an_address_restores_its_view():
    view = View("funding_raised", "Science Park", date(2024, 1, 1), date(2025, 12, 31), "log",
                True, "table")  # fmt: skip
    query = query_string(view)
    assert query == (
        "?metric=funding_raised&entity=Science+Park&from=2024-01-01&to=2025-12-31&scale=log"
        "&garbled=1&tab=table"
    )
    assert view_from_query(dict(parse_qsl(query[1:])), METRICS, ENTITIES) == view
    assert query_string(View()) == "?metric=companies"
    assert query_string(View(entity="Cyberport")) == "?metric=companies&entity=Cyberport"


def test_odd_addresses_fall_back_to_the_default():
    view = view_from_query(
        {"metric": "nope", "entity": "Elsewhere", "from": "2025-13-01", "scale": "cubic",
         "tab": "<script>", "garbled": "maybe"}, METRICS, ENTITIES,
    )  # fmt: skip
    assert view == View()
    swapped = view_from_query({"from": "2025-01-01", "to": "2024-01-01"}, METRICS, ENTITIES)
    assert (swapped.date_from, swapped.date_to) == (date(2024, 1, 1), date(2025, 1, 1))


def test_controls_to_view_and_export_links():
    view = view_from_controls("unicorns", "Cyberport", "2024-01-01T00:00:00", None, "log", [1])
    assert (view.metric, view.date_from, view.log_y, view.garbled) == (
        "unicorns", date(2024, 1, 1), True, True)  # fmt: skip
    assert export_href("claims", view, "Cyberport") == (
        "/export/claims.csv?metric=unicorns&entity=Cyberport&from=2024-01-01"
    )
    assert export_href("series", view, "Cyberport", bundle=True).startswith("/export/series.zip?")


@given(st.dictionaries(st.sampled_from(["metric", "entity", "from", "to", "scale", "garbled",
                                        "tab", "other"]),
                       st.one_of(st.text(max_size=12), st.sampled_from(ENTITIES))))  # fmt: skip
def test_any_query_gives_a_valid_view(query):
    view = view_from_query(query, METRICS, ENTITIES)
    assert view.metric in METRICS and view.tab in TABS and view.scale in ("linear", "log")
    again = view_from_query(dict(parse_qsl(query_string(view)[1:])), METRICS,
                            ENTITIES)  # fmt: skip
    assert again == view
