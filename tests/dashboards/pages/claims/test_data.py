"""AG Grid filterModel/sortModel -> ClaimFilter, and the infinite row model's responses."""

from __future__ import annotations

from datetime import date

import pytest

from dashboards.pages.claims.data import (
    claim_filter,
    column_type,
    conditions_from_filter_model,
    count_text,
    flows_choice,
    plain_rows,
    rows_response,
    sort_from_sort_model,
    with_flows,
)
from dashboards.pages.claims.layout import GRID_COLUMNS, column_defs, export_href
from db.claims import CLAIM_COLUMNS, ColumnCondition
from db.documents import store_document
from tests.factories import make_claim, make_doc


def test_every_export_column_has_a_type():
    assert {column_type(c) for c in CLAIM_COLUMNS} == {"text", "number", "date"}
    assert column_type("value") == "number" and column_type("as_of") == "date"
    assert column_type("quote") == "text"
    with pytest.raises(ValueError, match="unknown column"):
        column_type("password_hash")


def test_text_number_and_date_filters():
    model = {
        "metric": {"filterType": "text", "type": "contains", "filter": "unicorn"},
        "value": {"filterType": "number", "type": "inRange", "filter": 5, "filterTo": 10},
        "as_of": {
            "filterType": "date",
            "type": "greaterThan",
            "dateFrom": "2024-01-31 00:00:00",
            "dateTo": None,
        },
    }
    assert conditions_from_filter_model(model) == (
        ColumnCondition("metric", "in", ("unicorns",)),
        ColumnCondition("value", "inRange", 5.0, 10.0),
        ColumnCondition("as_of", "greaterThan", date(2024, 1, 31)),
    )


def test_and_combined_conditions_flatten_or_is_refused():
    both = {
        "filterType": "number",
        "operator": "AND",
        "conditions": [
            {"filterType": "number", "type": "greaterThan", "filter": 1},
            {"filterType": "number", "type": "lessThan", "filter": 9},
        ],
    }
    assert conditions_from_filter_model({"value": both}) == (
        ColumnCondition("value", "greaterThan", 1.0),
        ColumnCondition("value", "lessThan", 9.0),
    )
    with pytest.raises(ValueError, match="only AND"):
        conditions_from_filter_model({"value": {**both, "operator": "OR"}})


def test_blank_filters_take_no_value():
    assert conditions_from_filter_model({"period": {"filterType": "text", "type": "blank"}}) == (
        ColumnCondition("period", "blank"),
    )


@pytest.mark.parametrize(
    "model",
    [
        {"nope": {"filterType": "text", "type": "contains", "filter": "x"}},
        {"value": {"filterType": "number", "type": "contains", "filter": "1"}},
        {"value": {"filterType": "number", "type": "equals", "filter": "many"}},
        {"as_of": {"filterType": "date", "type": "equals", "dateFrom": "yesterday"}},
        {"metric": {"filterType": "text", "type": "drop table", "filter": "x"}},
        {"metric": {"filterType": "text", "type": "lessThan", "filter": "x"}},
        {"metric": "unicorns"},
        ["metric"],
    ],
)
def test_malformed_filters_are_value_errors(model):
    with pytest.raises(ValueError):
        conditions_from_filter_model(model)


def test_sort_model():
    assert sort_from_sort_model([{"colId": "value", "sort": "desc"}]) == (("value", "desc"),)
    assert sort_from_sort_model(None)[0] == ("as_of", "desc")
    with pytest.raises(ValueError):
        sort_from_sort_model([{"colId": "value", "sort": "sideways"}])
    with pytest.raises(ValueError):
        sort_from_sort_model([{"colId": "secret", "sort": "asc"}])


def test_column_defs_cover_the_grid_with_typed_filters():
    defs = {d["field"]: d for d in column_defs()}
    assert tuple(defs) == GRID_COLUMNS
    assert defs["value"]["filter"] == "agNumberColumnFilter"
    assert defs["as_of"]["filter"] == "agDateColumnFilter"
    assert defs["quote"]["filter"] == "agTextColumnFilter"
    # Text only, never markup: the one link is a React element (assets/grid.js).
    assert [f for f, d in defs.items() if "cellRenderer" in d] == ["title"]
    assert defs["title"]["cellRenderer"] == "DocumentLink"
    # The first screen: date, metric, figure, sentence and document, under plain headings.
    assert [defs[f]["headerName"] for f in GRID_COLUMNS[:5]] == [
        "Date of the figure", "Metric", "Figure as printed", "Sentence", "Document"]  # fmt: skip
    assert sum(defs[f]["width"] for f in GRID_COLUMNS[:5]) <= 1400
    assert defs["as_of"]["width"] >= 160  # room for the date filter box


def test_words_filter_by_their_keys():
    """The grid shows labels and words; a filter typed in words finds the keys behind them."""
    text = {"filterType": "text"}
    assert conditions_from_filter_model(
        {"metric": {**text, "type": "contains", "filter": "community"}}
    ) == (ColumnCondition("metric", "in", ("companies",)),)
    (cond,) = conditions_from_filter_model(
        {"status": {**text, "type": "equals", "filter": "Not reviewed"}}
    )
    assert cond == ColumnCondition("status", "in", ("auto",))
    (cond,) = conditions_from_filter_model(
        {"status": {**text, "type": "notEqual", "filter": "rejected"}}
    )
    assert cond == ColumnCondition("status", "in", ("accepted", "auto"))


def test_flows_are_a_choice_on_the_period_column():
    model = {"metric": {"filterType": "text", "type": "equals", "filter": "unicorns"}}
    totals = with_flows(model, "totals")
    assert totals["period"] == {"filterType": "text", "type": "blank"} and flows_choice(totals) == (
        "totals"
    )
    assert flows_choice(with_flows(model, "flows")) == "flows"
    assert with_flows(totals, "all") == model and flows_choice(model) == "all"


def test_export_href_carries_the_filter():
    model = {"metric": {"filterType": "text", "type": "equals", "filter": "unicorns"}}
    href = export_href(model)
    assert href.startswith("/export/claims.csv?filter=")
    assert "unicorns" in href and "%22" in href  # JSON, url-encoded
    assert export_href(None) == "/export/claims.csv"
    assert export_href(model, bundle=True).startswith("/export/claims.zip?filter=")
    sort = [{"colId": "value", "sort": "desc", "sortIndex": 0}]
    href = export_href(model, sort, plain=True)
    assert "sort=%5B%7B%22colId%22%3A%22value%22%2C%22sort%22%3A%22desc%22%7D%5D" in href
    assert href.endswith("&headings=plain")


@pytest.fixture
def stored(engine):
    claims = [
        make_claim(
            "companies",
            1000 + i,
            as_of=date(2020, 1, 1 + i),
            qualifier="exact",
            quote=f"Cyberport had {1000 + i} companies.",
        )
        for i in range(25)
    ]
    claims.append(
        make_claim(
            "unicorns",
            7,
            as_of=date(2024, 6, 1),
            qualifier="exact",
            quote="Seven unicorns call Cyberport home.",
        )
    )
    store_document(engine, make_doc("grid.txt", text="x" * 50), claims, "test")
    return engine


def test_rows_response_pages_and_counts(stored):
    req = {
        "startRow": 0,
        "endRow": 10,
        "sortModel": [{"colId": "value", "sort": "asc"}],
        "filterModel": {"metric": {"filterType": "text", "type": "equals", "filter": "companies"}},
    }
    first = rows_response(stored, req)
    assert first["rowCount"] == 25
    assert [r["value"] for r in first["rowData"]] == [1000 + i for i in range(10)]
    assert first["rowData"][0]["as_of"] == "2020-01-01"  # JSON-friendly dates
    last = rows_response(stored, {**req, "startRow": 20, "endRow": 30})
    assert [r["value"] for r in last["rowData"]] == [1020 + i for i in range(5)]
    assert last["rowCount"] == 25


def test_rows_response_filters_dates_and_numbers(stored):
    req = {
        "startRow": 0,
        "endRow": 100,
        "filterModel": {
            "as_of": {
                "filterType": "date",
                "type": "inRange",
                "dateFrom": "2020-01-05 00:00:00",
                "dateTo": "2020-01-07 00:00:00",
            },
            "value": {"filterType": "number", "type": "notEqual", "filter": 1005},
        },
    }
    rows = rows_response(stored, req)["rowData"]
    assert sorted(r["value"] for r in rows) == [1004, 1006]
    assert rows_response(stored, {"startRow": 0, "endRow": 100})["rowCount"] == 26


def test_claim_filter_combines_simple_fields():
    f = claim_filter(
        {"unit": {"filterType": "text", "type": "equals", "filter": "count"}}, metric="unicorns"
    )
    assert f.metric == "unicorns" and f.conditions == (ColumnCondition("unit", "equals", "count"),)


def test_a_filtered_count_stops_at_the_limit(stored, monkeypatch):
    monkeypatch.setattr("dashboards.pages.claims.data.COUNT_LIMIT", 20)
    companies = {"metric": {"filterType": "text", "type": "equals", "filter": "companies"}}
    quote = {"quote": {"filterType": "text", "type": "contains", "filter": "companies"}}
    for model in (companies, quote):  # 25 claims match each
        first = rows_response(stored, {"startRow": 0, "endRow": 10, "filterModel": model})
        assert len(first["rowData"]) == 10 and first["rowCount"] == -1  # open: more than 20
        assert count_text(first) == "more than 20 claims"
        last = rows_response(stored, {"startRow": 20, "endRow": 30, "filterModel": model})
        assert len(last["rowData"]) == 5 and last["rowCount"] == 25  # the end is known
    few = {"value": {"filterType": "number", "type": "lessThan", "filter": 1015}}
    response = rows_response(stored, {"startRow": 0, "endRow": 10, "filterModel": few})
    assert response["rowCount"] == 16 and count_text(response) == "16 claims"  # + 7 unicorns
    # The unfiltered table is counted in full.
    response = rows_response(stored, {"startRow": 0, "endRow": 10})
    assert response["rowCount"] == 26 and count_text(response) == "26 claims"


def test_rows_carry_words_for_the_reader(stored):
    store_document(stored, make_doc("flow.txt", text="y" * 60, title="A feature"),
                   [make_claim("unicorns", 7, qualifier="exact", period="P1Y",
                               quote="Seven unicorns in the past year.")], "t")  # fmt: skip
    req = {"startRow": 0, "endRow": 100, "filterModel": with_flows(None, "flows")}
    (row,) = rows_response(stored, req)["rowData"]
    assert row["metric_label"] == "Unicorns (added in one year)"
    assert row["figure"] == "7" and row["period_words"] == "in one year"
    assert row["status_words"] == "not reviewed" and row["title"] == "A feature"
    assert row["document_href"] == f"/sources/{row['document_id']}#sources-claim-{row['claim_id']}"
    totals = rows_response(stored, {"startRow": 0, "endRow": 100,
                                    "filterModel": with_flows(None, "totals")})  # fmt: skip
    assert totals["rowCount"] == 26 and {r["period_words"] for r in totals["rowData"]} == {
        "total to date"
    }


def test_plain_rows_keep_the_order(stored):
    from db.claims import ClaimFilter

    rows = list(plain_rows(stored, ClaimFilter(metric="companies"), (("value", "desc"),)))
    assert [r["Figure as printed"] for r in rows[:2]] == ["1,024", "1,023"]
    assert rows[0]["Metric"] == "Companies in the community" and rows[0]["Review"] == (
        "not reviewed"
    )
