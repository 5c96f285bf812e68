"""Growth (landing page): KPI cards, then one metric as a grapher: Chart, Table, Sources and
Download tabs, the view kept in the address."""

from __future__ import annotations

from datetime import date

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboards import context
from dashboards.pages.growth.data import chart_data, entities, kpis, source_href, tracked_entity
from dashboards.pages.growth.drawing import drawn
from dashboards.pages.growth.figure import chart_config
from dashboards.pages.growth.layout import (
    chart_note,
    chart_panel,
    download_tab,
    kpi_row,
    metric_control,
    options_control,
    sources_tab,
    table_tab,
)
from dashboards.pages.growth.view import (
    View,
    export_href,
    query_string,
    view_from_controls,
    view_from_query,
)
from db.metrics import catalogue

dash.register_page(__name__, path="/", name="Growth", title="Growth", order=0)

VIEW_INPUTS = (
    Input("growth-metric", "value"),
    Input("growth-entity", "value"),
    Input("growth-dates", "start_date"),
    Input("growth-dates", "end_date"),
    Input("growth-scale", "value"),
    Input("growth-garbled", "value"),
)


def _data(view: View, entity: str):
    return chart_data(
        context.engine(), view.metric, entity=entity, date_from=view.date_from,
        date_to=view.date_to,
    )  # fmt: skip


def chart_parts(view: View, entity: str, today: date | None = None) -> tuple:
    """(figure, picture, summary) of a view."""
    return drawn(_data(view, entity), view.log_y, view.garbled, today or date.today())


def tab_content(view: View, entity: str) -> tuple:
    """(table tab, sources tab): filled only for the tab on show."""
    if view.tab not in ("table", "sources"):
        return None, None
    data = _data(view, entity)
    if view.tab == "table":
        return table_tab(data, view.garbled), None
    return None, sources_tab(data.sources)


def layout(**query) -> html.Div:
    engine = context.engine()
    names = entities(engine)
    view = view_from_query(query, catalogue(), names)
    entity = view.entity or tracked_entity()
    fig, picture, summary = chart_parts(view, entity)
    table, sources = tab_content(view, entity)
    tabs = dbc.Tabs(
        [
            dbc.Tab(
                [html.Div(summary, id="growth-summary",
                          className="small text-muted mt-1 d-none d-sm-block"),
                 chart_panel(fig, picture, chart_config(view.metric)), chart_note()],
                label="Chart", tab_id="chart",
            ),
            dbc.Tab(html.Div(table, id="growth-table"), label="Table", tab_id="table"),
            dbc.Tab(html.Div(sources, id="growth-sources"), label="Sources", tab_id="sources"),
            dbc.Tab(html.Div(download_tab(view, entity), id="growth-download"),
                    label="Download", tab_id="download"),
        ],
        id="growth-tabs",
        active_tab=view.tab,
    )  # fmt: skip
    return html.Div(
        [
            kpi_row(kpis(engine, entity)),
            metric_control(view, catalogue()),
            options_control(view, entity, names),
            html.Div(tabs, className="w-100 order-2 order-md-3"),
            dcc.Store(id="growth-query"),
            html.Div(id="growth-address-done", hidden=True),
            html.Div(id="growth-png-done", hidden=True),
            dcc.Location(id="growth-location", refresh=True),
        ],
        className="d-flex flex-wrap",
    )


@callback(
    Output("growth-chart", "figure"),
    Output("growth-chart", "config"),
    Output("growth-chart-picture", "src"),
    Output("growth-summary", "children"),
    Output("growth-csv", "href"),
    Output("growth-series-csv", "href"),
    Output("growth-zip", "href"),
    *VIEW_INPUTS,
    prevent_initial_call=True,
)
def update_chart(metric, entity, start, end, scale, garbled):
    view = view_from_controls(metric, entity, start, end, scale, garbled)
    entity = view.entity or tracked_entity()
    fig, picture, summary = chart_parts(view, entity)
    return (
        fig,
        chart_config(view.metric),
        picture,
        summary,
        export_href("claims", view, entity),
        export_href("series", view, entity),
        export_href("claims", view, entity, bundle=True),
    )


@callback(
    Output("growth-table", "children"),
    Output("growth-sources", "children"),
    Output("growth-query", "data"),
    *VIEW_INPUTS,
    Input("growth-tabs", "active_tab"),
    prevent_initial_call=True,
)
def update_tabs(metric, entity, start, end, scale, garbled, tab):
    view = view_from_controls(metric, entity, start, end, scale, garbled, tab)
    table, sources = tab_content(view, view.entity or tracked_entity())
    return table, sources, query_string(view)


# The address follows the view without reloading the page.
clientside_callback(
    """
    function (query) {
        if (query && window.location.search !== query) {
            window.history.replaceState(null, "", window.location.pathname + query);
        }
        return window.dash_clientside.no_update;
    }
    """,
    Output("growth-address-done", "children"),
    Input("growth-query", "data"),
    prevent_initial_call=True,
)

# The PNG is drawn in the browser from the figure itself: title, source line and date included.
clientside_callback(
    """
    function (clicks, metric) {
        const gd = document.querySelector("#growth-chart .js-plotly-plot");
        if (clicks && gd && window.Plotly) {
            window.Plotly.downloadImage(gd, {format: "png", width: 1200, height: 700,
                                             filename: "cyberport-" + metric});
        }
        return window.dash_clientside.no_update;
    }
    """,
    Output("growth-png-done", "children"),
    Input("growth-png", "n_clicks"),
    State("growth-metric", "value"),
    prevent_initial_call=True,
)


@callback(
    Output("growth-location", "href"), Input("growth-chart", "clickData"), prevent_initial_call=True
)
def open_source(click_data):
    href = source_href(click_data)
    if href is None:
        raise PreventUpdate
    return href
