"""Claims (for analysts): every claim in a server-side grid; CSV of exactly the filtered rows."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html, no_update

from dashboards import context
from dashboards.pages.claims.data import count_text, rows_response
from dashboards.pages.claims.layout import column_defs, export_href

dash.register_page(__name__, path="/claims", name="Claims", title="Claims", order=1)

BLOCK = 100


def layout(**_query) -> html.Div:
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(html.H4("Claims"), md=6),
                    dbc.Col(
                        html.Div(
                            [
                                html.Span(id="claims-count", className="me-3 small text-muted"),
                                html.A(
                                    "Export CSV",
                                    id="claims-export",
                                    href=export_href(None),
                                    download="",
                                    className="btn btn-primary btn-sm me-1",
                                ),
                                html.A(
                                    "CSV + README (zip)",
                                    id="claims-export-zip",
                                    href=export_href(None, bundle=True),
                                    download="",
                                    className="btn btn-outline-primary btn-sm",
                                ),
                            ],
                            className="text-end",
                        ),
                        md=6,
                    ),
                ],
                class_name="mb-2",
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
                "Filter and sort on any column (server-side); the export holds exactly the "
                "filtered rows.",
                className="small text-muted mt-1",
            ),
        ]
    )


@callback(
    Output("claims-grid", "getRowsResponse"),
    Output("claims-export", "href"),
    Output("claims-export-zip", "href"),
    Output("claims-count", "children"),
    Input("claims-grid", "getRowsRequest"),
)
def get_rows(request):
    if not request:
        return no_update, no_update, no_update, no_update
    try:
        response = rows_response(context.engine(), request)
    except ValueError as e:
        return {"rowData": [], "rowCount": 0}, no_update, no_update, f"Filter not applied: {e}"
    model = request.get("filterModel")
    return response, export_href(model), export_href(model, bundle=True), count_text(response)
