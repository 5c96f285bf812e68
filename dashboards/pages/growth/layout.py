"""The Growth page's components: KPI cards, view controls, and the Chart / Table / Sources /
Download tabs. Text from documents goes in as plain strings (React renders it as text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.pages.conflicts.layout import SEVERITY_COLOURS
from dashboards.pages.growth.data import ChartData, ChartSource, status_words
from dashboards.pages.growth.view import View, export_href
from etl.report import svg
from etl.report.kpis import BASIS_NOTE, Kpi
from etl.report.words import (
    figure_text,
    format_date,
    interval_text,
    period_text,
)

TABLE_ROWS = 100  # figures listed in the Table tab; the CSV holds every one
NOWRAP = "text-nowrap"


def sparkline(k: Kpi) -> str:
    """The card's series as an SVG image (data URI): disputed points hollow and red."""
    pts = k.series[-24:]
    picture = svg.sparkline(
        [p.as_of for p in pts], [p.value for p in pts], [bool(p.disputed) for p in pts]
    )
    return svg.data_uri(picture)


def kpi_card(k: Kpi) -> dbc.Col:
    href = f"/conflicts#conflicts-card-{k.conflict_ids[0]}" if k.conflict_ids else "/conflicts"
    disputed = dbc.Badge(
        k.disputed_text(),
        href=href,
        color=SEVERITY_COLOURS.get(k.disputed, "secondary"),
        class_name="text-decoration-none growth-kpi-badge",
        id=f"growth-kpi-{k.metric}-disputed",
        title="The figure or the one it is compared with is in an open conflict: see it",
    )
    body = [
        html.Div(
            [
                html.Div(k.label, className="text-muted small growth-kpi-label"),
                html.Img(
                    src=sparkline(k),
                    alt="",
                    className="growth-spark d-none d-sm-block",
                    id=f"growth-kpi-{k.metric}-spark",
                ),
            ],
            className="d-flex justify-content-between align-items-start",
        ),
        html.Div(k.value_text(), className="h4 mb-0 growth-kpi-value", id=f"growth-kpi-{k.metric}"),
        html.Div(
            k.detail_text(), className="small d-none d-md-block", id=f"growth-kpi-{k.metric}-detail"
        ),
        html.Div(
            k.change_text(),
            className="small text-secondary d-none d-md-block",
            id=f"growth-kpi-{k.metric}-change",
        ),
        *([disputed] if k.disputed else []),
    ]
    return dbc.Col(
        dbc.Card(dbc.CardBody(body, class_name="p-2"), class_name="h-100"),
        xs=6,
        lg=3,
        class_name="mb-2",
    )


def kpi_row(kpis: Sequence[Kpi]) -> html.Div:
    return html.Div(
        [
            dbc.Row([kpi_card(k) for k in kpis], class_name="g-2", id="growth-kpis"),
            html.Div(
                BASIS_NOTE,
                className="small text-muted mb-2 d-none d-md-block",
                id="growth-kpi-basis",
            ),
        ],
        className="w-100 order-0",
    )


def labelled(label: str, control: Any, html_for: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=html_for, class_name="small mb-0"), control])


def metric_control(view: View, metrics: dict) -> html.Div:
    dropdown = dcc.Dropdown(
        id="growth-metric",
        clearable=False,
        value=view.metric,
        options=[{"label": m.label, "value": m.key} for m in metrics.values()],
    )
    return html.Div(
        labelled("Metric", dropdown, "growth-metric"),
        className="col-12 col-md-4 pe-md-2 mb-2 order-1",
    )


def options_control(view: View, entity: str, entities: list[str]) -> html.Div:
    """Organisation, dates, scale and garbled figures: below the chart on a phone."""
    dates = dcc.DatePickerRange(
        id="growth-dates",
        display_format="YYYY-MM-DD",
        clearable=True,
        start_date=view.date_from.isoformat() if view.date_from else None,
        end_date=view.date_to.isoformat() if view.date_to else None,
        start_date_placeholder_text="from",
        end_date_placeholder_text="to",
    )
    entity_box = dcc.Dropdown(
        id="growth-entity",
        clearable=False,
        value=entity,
        options=[{"label": e, "value": e} for e in entities],
    )
    scale = dbc.RadioItems(
        id="growth-scale",
        options=[{"label": "Linear", "value": "linear"}, {"label": "Log", "value": "log"}],
        value=view.scale,
        inline=True,
        class_name="small",
    )
    garbled = dbc.Switch(
        id="growth-garbled", label="Show garbled figures", value=view.garbled, class_name="small"
    )
    return html.Div(
        dbc.Row(
            [
                dbc.Col(labelled("Organisation", entity_box, "growth-entity"), xs=12, md=3),
                dbc.Col(
                    labelled("Dates of the figures", html.Div(dates), "growth-dates"), xs=12, md=5
                ),
                dbc.Col(labelled("Scale", scale, "growth-scale"), xs=5, md=2),
                dbc.Col(garbled, xs=7, md=2, class_name="pt-md-3"),
            ],
            class_name="g-2",
        ),
        className="col-12 col-md-8 mb-2 order-3 order-md-2",
        id="growth-options",
    )


def chart_panel(figure: dict, picture: str, config: dict) -> html.Div:
    """The interactive chart over its SVG picture: the picture shows until Plotly has drawn
    (its white paper then covers it)."""
    return html.Div(
        [
            html.Img(
                src=picture, alt="The chart", id="growth-chart-picture", className="growth-picture"
            ),
            dcc.Graph(
                id="growth-chart",
                figure=figure,
                config=config,
                className="growth-graph growth-chart-size",
            ),
        ],
        className="growth-chart-box growth-chart-size",
    )


def chart_note() -> html.Div:
    return html.Div(
        "The dark line joins the believed figures; dashed red marks a stretch in dispute. "
        "An arrow up is a lower bound (\u201cover 2,000\u201d: at least 2,000, with no upper end); "
        "an arrow down an upper bound. Red rings: in an open conflict; a red crossed circle: "
        "disputed and not believed. Click a point to open its source.",
        className="small text-muted mt-1",
        id="growth-note",
    )


def _cell(text: str, nowrap: bool = False) -> html.Td:
    return html.Td(text, className=NOWRAP if nowrap else None)


def believed_table(data: ChartData) -> dbc.Table | html.P:
    if not data.series:
        return html.P("No believed figures in this range.", className="text-muted")
    head = ("Date of the figure", "Believed figure", "Between", "Disputed", "Why it is believed")
    rows = [
        html.Tr(
            [
                _cell(format_date(p.as_of), True),
                _cell(figure_text(p.value, data.unit, p.qualifier), True),
                _cell(interval_text(p.value_low, p.value_high, data.unit), True),
                _cell(f"yes, {p.disputed} severity" if p.disputed else "no", True),
                html.Td(p.explanation, className="small"),
            ]
        )
        for p in reversed(data.series)
    ]
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="growth-believed-table",
    )


def counted_words(p: Any) -> str:
    if p.garbled:
        return "garbled: not counted"
    if p.status == "rejected":
        return "rejected: not counted"
    if not p.believed:
        return "disputed: not believed" if p.in_conflict else "outvoted"
    return "believed" if p.status == "auto" else f"believed, {status_words(p)}"


def claims_table(data: ChartData, show_garbled: bool) -> dbc.Table | html.Div | html.P:
    every = [p for p in reversed(data.points) if show_garbled or not p.garbled]
    if not every:
        return html.P("No figures in this range.", className="text-muted")
    points = every[:TABLE_ROWS]
    head = ("Date of the figure", "Figure as printed", "Counted", "Document", "Sentence")
    rows = []
    for p in points:
        figure = p.as_printed
        if p.period:
            figure += f" ({period_text(p.period)})"
        rows.append(
            html.Tr(
                [
                    _cell(format_date(p.as_of), True),
                    _cell(figure, True),
                    _cell(counted_words(p)),
                    html.Td(
                        dcc.Link(
                            p.title, href=f"/sources/{p.document_id}#sources-claim-{p.claim_id}"
                        )
                    ),
                    html.Td(p.quote, className="small"),
                ],
                className="growth-row-struck" if p.status == "rejected" else None,
            )
        )
    table = dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="growth-claims-table",
    )
    if len(every) <= TABLE_ROWS:
        return table
    note = f"The newest {TABLE_ROWS} of {len(every)}; all of them: the Download tab's CSV."
    return html.Div([table, html.P(note, className="small text-muted", id="growth-table-more")])


def table_tab(data: ChartData, show_garbled: bool) -> html.Div:
    return html.Div(
        [
            html.H6("Believed figures", className="mt-2"),
            believed_table(data),
            html.H6("Every figure in the chart", className="mt-3"),
            claims_table(data, show_garbled),
        ]
    )


def sources_tab(sources: Sequence[ChartSource]) -> html.Div:
    if not sources:
        return html.P("No documents behind this chart.", className="text-muted mt-2")
    head = ("Document", "Publisher", "Kind", "Published", "Figures here", "As a witness")
    rows = [
        html.Tr(
            [
                html.Td(dcc.Link(s.title, href=f"/sources/{s.document_id}")),
                _cell(s.publisher or "—"),
                _cell(s.kind or "—"),
                _cell(format_date(s.published_on), True),
                html.Td(str(s.figures), className="text-end"),
                html.Td(s.standing, className="small"),
            ]
        )
        for s in sources
    ]
    return html.Div(
        [
            html.P(
                "The documents the figures in this chart come from, newest first; a "
                "document's standing weighs in when sources disagree.",
                className="small text-muted mt-2",
            ),
            dbc.Table(
                [html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(rows)],
                size="sm",
                responsive=True,
                id="growth-sources-table",
            ),
        ]
    )


def download_tab(view: View, entity: str) -> html.Div:
    def link(text: str, ident: str, href: str, note: str) -> html.Li:
        return html.Li(
            [
                html.A(text, id=ident, href=href, download=""),
                html.Span(f" \u2014 {note}", className="text-muted"),
            ]
        )

    return html.Div(
        [
            dbc.Button(
                "Download the chart as PNG",
                id="growth-png",
                color="primary",
                size="sm",
                class_name="mt-2 mb-2",
                n_clicks=0,
            ),
            html.Span(" with its title, source line and date", className="small text-muted"),
            html.Ul(
                [
                    link(
                        "Figures in this chart (CSV)",
                        "growth-csv",
                        export_href("claims", view, entity),
                        "every claim, with its sentence",
                    ),
                    link(
                        "Believed series (CSV)",
                        "growth-series-csv",
                        export_href("series", view, entity),
                        "each point and why it is believed",
                    ),
                    link(
                        "Figures with a list of sources (zip)",
                        "growth-zip",
                        export_href("claims", view, entity, bundle=True),
                        "CSV and a README",
                    ),
                    html.Li(
                        [
                            html.A(
                                "Management briefing",
                                href="/briefing",
                                target="_blank",
                                id="growth-briefing",
                            ),
                            html.Span(
                                " \u2014 one printable page of the headline figures",
                                className="text-muted",
                            ),
                        ]
                    ),
                ],
                className="small",
            ),
        ]
    )
