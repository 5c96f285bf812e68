"""Claims (for analysts): every claim in a server-side grid; CSV of exactly the rows shown, in
the order shown."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html, no_update

from dashboards import context
from dashboards.pages.claims.data import count_text, flows_choice, rows_response, with_flows
from dashboards.pages.claims.layout import column_defs, export_href

dash.register_page(__name__, path="/claims", name="Claims", title="Claims", order=1)

BLOCK = 100
FLOW_OPTIONS = [
    {"label": "All figures", "value": "all"},
    {"label": "Totals only", "value": "totals"},
    {"label": "Flows only (\u201cin the past year\u201d)", "value": "flows"},
]


def export_buttons() -> html.Div:
    return html.Div(
        [
            html.Span(id="claims-count", className="me-3 small text-muted"),
            html.A("Export CSV", id="claims-export", href=export_href(None), download="",
                   className="btn btn-primary btn-sm me-1",
                   title="The columns of the CSV contract, in the grid's filter and order"),
            html.A("CSV with plain headings", id="claims-export-plain",
                   href=export_href(None, plain=True), download="",
                   className="btn btn-outline-primary btn-sm me-1"),
            html.A("CSV + README (zip)", id="claims-export-zip",
                   href=export_href(None, bundle=True), download="",
                   className="btn btn-outline-primary btn-sm"),
        ],
        className="text-md-end",
    )  # fmt: skip


def layout(**_query) -> html.Div:
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(html.H4("Claims", className="mb-1"), md=3),
                    dbc.Col(export_buttons(), md=9),
                ],
                class_name="mb-2 align-items-center",
            ),
            dbc.RadioItems(
                id="claims-flows",
                options=FLOW_OPTIONS,
                value="all",
                inline=True,
                class_name="small mb-1",
            ),
            dag.AgGrid(
                id="claims-grid",
                rowModelType="infinite",
                columnDefs=column_defs(),
                defaultColDef={"sortable": True, "resizable": True, "floatingFilter": True},
                dashGridOptions={
                    "cacheBlockSize": BLOCK,
                    "maxBlocksInCache": 20,
                    "infiniteInitialRowCount": BLOCK,
                    "rowBuffer": 0,
                    "tooltipShowDelay": 300,
                    "enableCellTextSelection": True,
                },
                style={"height": "72vh", "width": "100%"},
            ),
            html.Div(
                "Filter and sort on any column (on the server); the exports hold exactly the "
                "filtered rows, in the grid's order. A flow (\u201cseven unicorns in the past "
                "year\u201d) is counted over a period, not a total: its Counted over column "
                "says so.",
                className="small text-muted mt-1",
            ),
        ]
    )


@callback(
    Output("claims-grid", "filterModel"),
    Input("claims-flows", "value"),
    State("claims-grid", "filterModel"),
    prevent_initial_call=True,
)
def choose_flows(flows, model):
    return with_flows(model, flows)


@callback(
    Output("claims-grid", "getRowsResponse"),
    Output("claims-export", "href"),
    Output("claims-export-plain", "href"),
    Output("claims-export-zip", "href"),
    Output("claims-count", "children"),
    Output("claims-flows", "value"),
    Input("claims-grid", "getRowsRequest"),
    State("claims-flows", "value"),
)
def get_rows(request, flows):
    if not request:
        return no_update, no_update, no_update, no_update, no_update, no_update
    try:
        response = rows_response(context.engine(), request)
    except ValueError as e:
        empty = {"rowData": [], "rowCount": 0}
        return empty, no_update, no_update, no_update, f"Filter not applied: {e}", no_update
    model, sort = request.get("filterModel"), request.get("sortModel")
    return (
        response,
        export_href(model, sort),
        export_href(model, sort, plain=True),
        export_href(model, sort, bundle=True),
        count_text(response),
        no_update if flows_choice(model) == flows else flows_choice(model),
    )
