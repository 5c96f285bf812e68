"""Growth (landing page): one metric's claims, intervals and consensus, plus KPI cards."""

from __future__ import annotations

from datetime import date

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboards import context
from dashboards.pages.growth.data import chart_data, export_href, kpis, source_href, tracked_entity
from dashboards.pages.growth.layout import chart_config, growth_figure, kpi_texts
from db.metrics import catalogue

dash.register_page(__name__, path="/", name="Growth", title="Growth", order=0)

DEFAULT_METRIC = "companies"


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def kpi_card(k) -> dbc.Col:
    value, as_of, change = kpi_texts(k)
    disputed = html.A(
        "Disputed: see Conflicts",
        href="/conflicts",
        className="small text-danger",
        id=f"growth-kpi-{k.metric}-disputed",
    )
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.Div(k.label, className="text-muted small"),
                    html.H3(value, className="mb-0", id=f"growth-kpi-{k.metric}"),
                    html.Div(as_of, className="small"),
                    html.Div(change, className="small text-secondary"),
                    *([disputed] if k.disputed else []),
                ]
            ),
            class_name="h-100",  # cards in a row are as tall as the tallest
        ),
        md=3,
        sm=6,
        class_name="mb-2",
    )


def layout(metric: str | None = None, **_query) -> html.Div:
    engine = context.engine()
    metrics = catalogue()
    metric = metric if metric in metrics else DEFAULT_METRIC
    entity = tracked_entity()
    return html.Div(
        [
            dbc.Row([kpi_card(k) for k in kpis(engine, entity)], id="growth-kpis"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Metric", html_for="growth-metric"),
                            dcc.Dropdown(
                                id="growth-metric",
                                clearable=False,
                                value=metric,
                                options=[
                                    {"label": m.label, "value": m.key} for m in metrics.values()
                                ],
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Date range (as of)", html_for="growth-dates"),
                            html.Div(
                                dcc.DatePickerRange(
                                    id="growth-dates", display_format="YYYY-MM-DD", clearable=True
                                )
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Switch(
                                id="growth-log", label="Log scale", value=False, class_name="mt-4"
                            ),
                        ],
                        md=2,
                    ),
                    dbc.Col(
                        [
                            html.Div(
                                [
                                    html.A(
                                        "CSV of this chart",
                                        id="growth-csv",
                                        href="#",
                                        download="",
                                        className="btn btn-outline-primary btn-sm me-1 mt-4",
                                    ),
                                    html.A(
                                        "Series CSV",
                                        id="growth-series-csv",
                                        href="#",
                                        download="",
                                        className="btn btn-outline-secondary btn-sm mt-4",
                                    ),
                                ]
                            ),
                        ],
                        md=2,
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            html.Div(id="growth-summary", className="small text-muted"),
            dcc.Loading(
                dcc.Graph(id="growth-chart", config=chart_config(metric), style={"height": "60vh"}),
                delay_show=300,
            ),
            html.Div(
                f"Entity: {entity}. Triangles pointing up are lower bounds (\u201cover N\u201d); "
                "red rings mark claims in an open conflict; grey crosses were rejected by a "
                "reviewer. Use the camera icon to download the chart as PNG; click a point to "
                "open its source.",
                className="small text-muted",
            ),
            dcc.Location(id="growth-location", refresh=True),
        ]
    )


@callback(
    Output("growth-chart", "figure"),
    Output("growth-chart", "config"),
    Output("growth-csv", "href"),
    Output("growth-series-csv", "href"),
    Output("growth-summary", "children"),
    Input("growth-metric", "value"),
    Input("growth-dates", "start_date"),
    Input("growth-dates", "end_date"),
    Input("growth-log", "value"),
)
def update_chart(metric, start, end, log_y):
    return chart_outputs(metric, start, end, log_y)


def chart_outputs(metric, start, end, log_y):
    data = chart_data(context.engine(), metric, date_from=_date(start), date_to=_date(end))
    shown = len(data.points)
    summary = f"{shown} claims" + (
        f" (newest {shown} of {data.total})" if data.total > shown else ""
    )
    return (
        growth_figure(data, log_y=bool(log_y)),
        chart_config(metric),
        export_href("claims", metric, data.entity, start, end),
        export_href("series", metric, data.entity, start, end),
        summary + f", {len(data.consensus)} consensus points",
    )


@callback(
    Output("growth-location", "href"), Input("growth-chart", "clickData"), prevent_initial_call=True
)
def open_source(click_data):
    href = source_href(click_data)
    if href is None:
        raise PreventUpdate
    return href
